import Dexie, { type Table } from 'dexie';
import { HybridLogicalClock } from '../sync/hlc';
import { TABLE_RULES } from '../sync/mergeRules';
import type { SyncTableName } from '../sync/wire';
import type { GapbridgeDatabase } from './database';
import type { OutboxEntry } from './records';

/** The shape version of every payload this device writes today. */
export const PAYLOAD_VERSION = 1;

/** A change to a synced record, with only the fields that sync. */
export interface SyncedChange {
  table: SyncTableName;
  key: string;
  op: 'put' | 'delete';
  data?: Record<string, unknown> | undefined;
}

/**
 * The tables every synced write touches besides its own: include them in the transaction that
 * writes the record (`db.transaction('rw', [db.follows, ...syncScope(db)], …)`).
 */
export function syncScope(db: GapbridgeDatabase): Table[] {
  return [db.outbox, db.syncState];
}

const DEVICE_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => DEVICE_ID_ALPHABET[byte % DEVICE_ID_ALPHABET.length]).join('');
}

/** The local tables that hold synced records (and the tombstones of deleted ones), defined once. */
export const SYNCED_RECORD_TABLES = [
  'quizAttempts',
  'lessonProgress',
  'settings',
  'follows',
  'tombstones',
  'reminders',
  'drafts',
  'draftUpdates',
  'draftAccess',
] as const satisfies readonly (keyof GapbridgeDatabase)[];

export function syncedRecordTables(db: GapbridgeDatabase): Table[] {
  return SYNCED_RECORD_TABLES.map((name) => db.table(name));
}

/** This database's device id, made the first time it is needed (inside the caller's transaction). */
export async function deviceIdOf(db: GapbridgeDatabase): Promise<string> {
  const stored = await db.syncState.get('clientId');
  if (stored) return stored.value;
  const id = newDeviceId();
  await db.syncState.put({ key: 'clientId', value: id });
  return id;
}

/** The device's clock, started after the last stamp it stored; save it back with `saveClock`. */
export async function clockOf(db: GapbridgeDatabase): Promise<HybridLogicalClock> {
  const [deviceId, last] = await Promise.all([deviceIdOf(db), db.syncState.get('hlc')]);
  return new HybridLogicalClock(deviceId, last?.value ?? null);
}

export async function saveClock(db: GapbridgeDatabase, clock: HybridLogicalClock): Promise<void> {
  await db.syncState.put({ key: 'hlc', value: clock.last });
}

function assertInTransaction(db: GapbridgeDatabase): void {
  const tx = Dexie.currentTransaction;
  const names = new Set(tx?.storeNames ?? []);
  if (!tx || tx.db !== db || !names.has('outbox') || !names.has('syncState')) {
    throw new Error('A synced change is recorded inside the transaction that writes its record (see syncScope)');
  }
}

/**
 * The one way a change reaches the hub: stamps it with the device's clock and queues it, inside
 * the transaction that writes the record itself, so both are stored or neither. Returns the stamp,
 * which the caller keeps on the record (it decides later merges).
 */
export async function recordChange(db: GapbridgeDatabase, change: SyncedChange): Promise<string> {
  assertInTransaction(db);
  const clock = await clockOf(db);
  const hlc = clock.stamp();
  await saveClock(db, clock);
  const entry: OutboxEntry = { table: change.table, key: change.key, op: change.op, hlc, v: PAYLOAD_VERSION };
  if (change.op === 'put') entry.data = change.data ?? {};
  // The last writer wins on the hub too: an older waiting change of the same record would only lose there.
  if (TABLE_RULES[change.table] === 'last-writer-wins') {
    await db.outbox.where('[table+key]').equals([change.table, change.key]).delete();
  }
  await db.outbox.add(entry);
  return hlc;
}

/** Changes stored on the device and not yet acknowledged by the hub. */
export function countPendingChanges(db: GapbridgeDatabase): Promise<number> {
  return db.outbox.count();
}
