import type { GapbridgeDatabase } from '../../db/database';
import type { RejectedChangeRecord } from '../../db/records';
import type { HubAccount } from '../../sync/hubClient';
import type { SyncStore } from '../../sync/syncCycle';

/*
 * Placeholder until renderer/db/syncStore.ts lands (the lead's IndexedDB side of issue 8): the
 * same names and shapes, so that only these lines change. Nothing syncs until then: the store
 * refuses to open, which the status bar shows as an error.
 */
const NOT_YET = 'The sync store (renderer/db/syncStore.ts) is not built yet';

export async function openSyncStore(_db: GapbridgeDatabase): Promise<SyncStore> {
  throw new Error(NOT_YET);
}

export async function previousAccount(_db: GapbridgeDatabase): Promise<HubAccount | null> {
  return null;
}

export async function linkAccount(
  _db: GapbridgeDatabase,
  _link: HubAccount & { bringLocalWork: boolean },
): Promise<void> {}

export async function rejectedChanges(_db: GapbridgeDatabase): Promise<RejectedChangeRecord[]> {
  return [];
}

export async function dismissRejectedChange(_db: GapbridgeDatabase, _seq: number): Promise<void> {}

/** The rejected changes, live; undefined while loading. */
export function useRejectedChanges(): RejectedChangeRecord[] | undefined {
  return [];
}
