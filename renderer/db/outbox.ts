import type { Table } from 'dexie';
import type { GapbridgeDatabase } from './database';
import type { SyncedEntity } from './records';

export interface Change {
  entity: SyncedEntity;
  entityId: string;
}

/**
 * Stores `record` and queues it for the hub in one transaction: either both are written or
 * neither, so a crash can never leave a change that sync would miss.
 */
export async function putWithOutbox<T>(
  db: GapbridgeDatabase,
  table: Table<T>,
  record: T,
  change: Change,
): Promise<void> {
  await db.transaction('rw', [table, db.outbox], async () => {
    await table.put(record);
    await db.outbox.add({
      mutationId: crypto.randomUUID(),
      entity: change.entity,
      entityId: change.entityId,
      payload: record,
      createdAt: new Date().toISOString(),
    });
  });
}

export function countPendingChanges(db: GapbridgeDatabase): Promise<number> {
  return db.outbox.count();
}
