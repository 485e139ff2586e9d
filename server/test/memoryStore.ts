import { HybridLogicalClock } from '../../renderer/sync/hlc';
import { checksumOf, inRepullRange } from '../../renderer/sync/checksum';
import { decideMerge, TABLE_RULES, type StoredVersion } from '../../renderer/sync/mergeRules';
import type { SyncStore } from '../../renderer/sync/syncCycle';
import type { PushedChange, SyncAnswer, SyncTableName } from '../../renderer/sync/wire';

export const STORE_CRASH = 'crashed between storing the page and moving the cursor';

/** `table/key`: table names have no slash, so the first one splits it. */
export const recordId = (table: string, key: string) => `${table}/${key}`;
export function splitRecordId(id: string): { table: string; key: string } {
  const slash = id.indexOf('/');
  return { table: id.slice(0, slash), key: id.slice(slash + 1) };
}

/**
 * A device's store kept in memory, for tests of the engine against a real hub: the same merge
 * rules and write primitive as the app's IndexedDB store, an `apply` that is all or nothing (it
 * stages everything and commits only at the end), table checksums and re-pulls, and
 * device-local fields that no pull touches. `crashes` makes the next applies fail after the
 * page is staged and before the cursor moves, as a process killed mid-transaction would.
 */
export class MemoryStore implements SyncStore {
  records = new Map<string, StoredVersion>();
  /** Fields that belong to this device only (a reading position), by record id. */
  readonly local = new Map<string, Record<string, unknown>>();
  outbox: PushedChange[] = [];
  rejected: SyncAnswer['rejected'] = [];
  /** How many of the next `apply` calls fail between storing the page and moving the cursor. */
  crashes = 0;
  private seq = 0;
  private storedCursor = 0;
  readonly clock: HybridLogicalClock;

  constructor(
    readonly deviceId: string,
    wall: () => number = Date.now,
  ) {
    this.clock = new HybridLogicalClock(deviceId, null, wall);
  }

  /** The write primitive's rule: a change the table's merge rule refuses locally is not queued. */
  write(table: SyncTableName, key: string, op: 'put' | 'delete', data?: Record<string, unknown>): boolean {
    const hlc = this.clock.stamp();
    const id = recordId(table, key);
    if (decideMerge(TABLE_RULES[table], this.records.get(id) ?? null, { op, hlc, data: data ?? null }) !== 'write')
      return false;
    this.records.set(id, { deleted: op === 'delete', hlc, data: data ?? null });
    // As recordChange does: a last-writer-wins record keeps only its latest waiting change.
    if (TABLE_RULES[table] === 'last-writer-wins')
      this.outbox = this.outbox.filter((change) => change.table !== table || change.key !== key);
    this.outbox.push({ seq: ++this.seq, table, key, op, hlc, v: 1, ...(data ? { data } : {}) });
    return true;
  }

  /** How many changes this device has ever queued. */
  get written(): number {
    return this.seq;
  }

  async cursor() {
    return this.storedCursor;
  }

  async pending(limit: number) {
    return this.outbox.slice(0, limit);
  }

  async apply(answer: SyncAnswer) {
    // Staged on copies; nothing is visible until the commit at the end.
    const records = new Map(this.records);
    const outbox = this.outbox.filter((change) => change.seq > answer.acked);
    const waiting = new Set(outbox.map((change) => recordId(change.table, change.key)));

    const page = answer.repull;
    if (page) {
      for (const id of records.keys()) {
        const { table, key } = splitRecordId(id);
        if (table === page.table && inRepullRange(key, page.after, page.through) && !waiting.has(id))
          records.delete(id);
      }
      for (const record of page.records) {
        const id = recordId(record.table, record.key);
        if (waiting.has(id)) continue;
        this.clock.receive(record.hlc);
        records.set(id, { deleted: record.op === 'delete', hlc: record.hlc, data: record.data });
      }
    }
    for (const change of answer.changes) {
      this.clock.receive(change.hlc);
      const id = recordId(change.table, change.key);
      const rule = TABLE_RULES[change.table as SyncTableName];
      if (rule && decideMerge(rule, records.get(id) ?? null, change) === 'write') {
        records.set(id, { deleted: change.op === 'delete', hlc: change.hlc, data: change.data });
      }
    }
    if (this.crashes > 0) {
      this.crashes -= 1;
      throw new Error(STORE_CRASH);
    }
    this.records = records;
    this.outbox = outbox;
    this.rejected.push(...answer.rejected);
    this.storedCursor = answer.cursor;
  }

  async checksums() {
    const byTable = new Map<string, { key: string; hlc: string; deleted: boolean }[]>();
    for (const [id, version] of this.records) {
      const { table, key } = splitRecordId(id);
      const rows = byTable.get(table) ?? [];
      rows.push({ key, hlc: version.hlc, deleted: version.deleted });
      byTable.set(table, rows);
    }
    return Object.fromEntries([...byTable].map(([table, records]) => [table, checksumOf(records)]));
  }

  /** The records of one table, by key. */
  table(table: SyncTableName): Map<string, StoredVersion> {
    const rows = new Map<string, StoredVersion>();
    for (const [id, version] of this.records) {
      const split = splitRecordId(id);
      if (split.table === table) rows.set(split.key, version);
    }
    return rows;
  }
}
