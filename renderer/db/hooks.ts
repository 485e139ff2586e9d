import { liveQuery } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './index';
import type { RejectedChangeRecord } from './records';
import { countPendingChanges } from './syncedChanges';
import { rejectedChanges } from './syncStore';

/** Changes stored on the device and not yet acknowledged by the hub; undefined while loading. */
export function usePendingChangeCount(): number | undefined {
  return useLiveQuery(() => countPendingChanges(db), []);
}

export { useLiveQuery };

/**
 * Calls `listener` with the outbox count now and after every change to it, outside React (the
 * sync service nudges its loop when the count grows). Returns the unsubscribe.
 */
export function watchPendingChangeCount(listener: (count: number) => void): () => void {
  const subscription = liveQuery(() => countPendingChanges(db)).subscribe({
    next: listener,
    error: (error: unknown) => console.error('Could not count the changes waiting to sync', error),
  });
  return () => subscription.unsubscribe();
}

/** The changes the hub did not accept, live; undefined while loading. */
export function useRejectedChanges(): RejectedChangeRecord[] | undefined {
  return useLiveQuery(() => rejectedChanges(db), []);
}

/** When this profile last finished a sync (stored with the cursor), or null. */
export function useLastSyncedAt(): string | null | undefined {
  return useLiveQuery(async () => (await db.syncState.get('lastSyncedAt'))?.value ?? null, []);
}
