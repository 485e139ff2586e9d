import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './index';
import { countPendingChanges } from './syncedChanges';

/** Changes stored on the device and not yet acknowledged by the hub; undefined while loading. */
export function usePendingChangeCount(): number | undefined {
  return useLiveQuery(() => countPendingChanges(db), []);
}

/** Whether the device has been linked to a Gapbridge hub; undefined while loading. */
export function useIsHubConfigured(): boolean | undefined {
  return useLiveQuery(async () => (await db.syncState.get('hubUrl')) !== undefined, []);
}

export { useLiveQuery };
