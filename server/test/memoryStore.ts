import { HybridLogicalClock } from '../../renderer/sync/hlc';
import { decideMerge, TABLE_RULES, type StoredVersion } from '../../renderer/sync/mergeRules';
import type { SyncStore } from '../../renderer/sync/syncCycle';
import type { PushedChange, SyncAnswer, SyncTableName } from '../../renderer/sync/wire';

/**
 * A device's synced records in memory, with the merge rules the IndexedDB store applies: what the
 * engine tests and the sync benchmark run the real device engine (renderer/sync) against.
 */
export class MemoryStore implements SyncStore {
  readonly records = new Map<string, StoredVersion>();
  outbox: PushedChange[] = [];
  rejected: SyncAnswer['rejected'] = [];
  private seq = 0;
  private storedCursor = 0;
  readonly clock: HybridLogicalClock;

  constructor(
    readonly deviceId: string,
    wall: () => number,
  ) {
    this.clock = new HybridLogicalClock(deviceId, null, wall);
  }

  /** The write primitive's rule: a change the table's merge rule refuses locally is not queued. */
  write(table: SyncTableName, key: string, op: 'put' | 'delete', data?: Record<string, unknown>) {
    const hlc = this.clock.stamp();
    const id = `${table}/${key}`;
    if (decideMerge(TABLE_RULES[table], this.records.get(id) ?? null, { op, hlc, data: data ?? null }) !== 'write')
      return;
    this.records.set(id, { deleted: op === 'delete', hlc, data: data ?? null });
    this.outbox.push({ seq: ++this.seq, table, key, op, hlc, v: 1, ...(data ? { data } : {}) });
  }

  async cursor() {
    return this.storedCursor;
  }

  async pending(limit: number) {
    return this.outbox.slice(0, limit);
  }

  async apply(answer: SyncAnswer) {
    this.outbox = this.outbox.filter((change) => change.seq > answer.acked);
    this.rejected.push(...answer.rejected);
    for (const change of answer.changes) {
      this.clock.receive(change.hlc);
      const id = `${change.table}/${change.key}`;
      const rule = TABLE_RULES[change.table as SyncTableName];
      if (rule && decideMerge(rule, this.records.get(id) ?? null, change) === 'write') {
        this.records.set(id, { deleted: change.op === 'delete', hlc: change.hlc, data: change.data });
      }
    }
    this.storedCursor = answer.cursor;
  }
}
