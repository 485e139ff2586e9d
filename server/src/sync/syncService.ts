import { gzipSync } from 'node:zlib';
import type { Database, Queryable } from '../db/database';
import { CHECKSUM_SQL, EMPTY_TABLE_CHECKSUM } from './checksum';
import { decideMerge, TABLE_RULES, type StoredVersion } from '../../../renderer/sync/mergeRules';
import {
  MAX_ROWS_PER_PAGE,
  PAGE_BUDGET_BYTES,
  PROTOCOL_VERSION,
  type PulledChange,
  type PushedChange,
  type Rejection,
  type RepullPage,
  type RepullRequest,
  type RejectionCode,
  type SyncAnswer,
  type SyncRequest,
} from './protocol';
import { isSyncTable, SYNC_TABLES } from './tables';
import { SYNC_TABLE_NAMES } from '../../../renderer/sync/wire';
import {
  ChangeCounters,
  inMembersTransaction,
  membersOf,
  writeRecord,
  type DraftMembers,
  type StoredRecord,
} from '../drafts/membership';

const PAYLOAD_VERSION = 1;

interface RecordRow extends StoredRecord {
  seq: number;
}

/** The reason a change cannot be stored, or null when it is well formed for its table. */
function validate(change: PushedChange): RejectionCode | null {
  if (!isSyncTable(change.table)) return 'unknown-table';
  // Only the hub writes who may read and write a shared draft.
  if (change.table === 'draftAccess') return 'read-only';
  if (change.v !== PAYLOAD_VERSION) return 'unsupported-version';
  if (change.op === 'delete') return null;
  return SYNC_TABLES[change.table].data.safeParse(change.data).success ? null : 'invalid';
}

/** The draft a change belongs to, for the draft tables. */
function draftIdOf(change: PushedChange): string | null {
  if (change.table === 'drafts' || change.table === 'draftTrash') return change.key;
  const draftId = change.table === 'draftUpdates' ? change.data?.['draftId'] : undefined;
  return typeof draftId === 'string' ? draftId : null;
}

/**
 * Applies one device's changes for one user in one transaction, each at most once, and records
 * what it rejected. The user's row is locked first: every change of a user takes the next number
 * of `users.change_seq` in the transaction that writes it, so changes commit in number order and
 * a cursor never steps over a change that commits later, however many hub processes run. A change
 * of a shared draft is written into every member's records (fan-out), so every member's row is
 * locked too, all in id order (drafts/membership.ts).
 */
async function applyChanges(tx: Queryable, userId: string, request: SyncRequest, now: Date): Promise<number> {
  const draftIds = [...new Set(request.changes.map(draftIdOf).filter((id) => id !== null))];
  const sharedBefore = await membersOf(tx, draftIds);
  const counters = await ChangeCounters.lock(tx, [
    userId,
    ...[...sharedBefore.values()].flatMap((draft) => [...draft.roles.keys()]),
  ]);
  const shared = await membersOf(tx, draftIds);
  counters.assertHoldsAll(shared.values());
  await tx.query(
    `insert into devices (user_id, device_id) values ($1, $2) on conflict (user_id, device_id) do nothing`,
    [userId, request.deviceId],
  );
  const [device] = await tx.query<{ acked_seq: number }>(
    'select acked_seq from devices where user_id = $1 and device_id = $2',
    [userId, request.deviceId],
  );
  let acked = Number(device!.acked_seq);

  const pending = request.changes.filter((change) => change.seq > acked).sort((a, b) => a.seq - b.seq);
  for (const change of pending) {
    const rejection = validate(change) ?? (await applyOne(tx, userId, request.deviceId, change, counters, shared, now));
    if (rejection) {
      await tx.query(
        `insert into rejections (user_id, device_id, device_seq, tbl, key, code) values ($1, $2, $3, $4, $5, $6)
         on conflict do nothing`,
        [userId, request.deviceId, change.seq, change.table, change.key, rejection],
      );
    }
    acked = Math.max(acked, change.seq);
  }
  await counters.save(tx);
  await tx.query('update devices set acked_seq = $3, last_seen = now() where user_id = $1 and device_id = $2', [
    userId,
    request.deviceId,
    acked,
  ]);
  return acked;
}

/**
 * Applies one valid change: into the pusher's records, and for a shared draft's own facts and
 * updates, from its owner or an editor, into every member's. A reader's change is refused, and so
 * is any change of a shared draft from someone it is not shared with. Trash is per person.
 */
async function applyOne(
  tx: Queryable,
  userId: string,
  deviceId: string,
  change: PushedChange,
  counters: ChangeCounters,
  shared: Map<string, DraftMembers>,
  now: Date,
): Promise<RejectionCode | null> {
  const draftId = draftIdOf(change);
  const draft = draftId ? shared.get(draftId) : undefined;
  if (!draft) return mergeOne(tx, userId, deviceId, change, counters);
  const role = draft.roles.get(userId);
  if (!role) return 'no-access';
  if (change.table === 'draftTrash') return mergeOne(tx, userId, deviceId, change, counters);
  if (role === 'reader') return 'read-only';
  // A shared draft leaves an account only when its access is withdrawn (drafts/sharing.ts).
  if (change.op === 'delete') return 'invalid';
  const rejection = await mergeOne(tx, userId, deviceId, change, counters);
  if (rejection) return rejection;
  for (const member of draft.roles.keys()) {
    if (member !== userId) await mergeOne(tx, member, deviceId, change, counters);
  }
  await tx.query('update shared_drafts set last_changed_by = $2, last_changed_at = $3 where draft_id = $1', [
    draft.draftId,
    userId,
    now,
  ]);
  return null;
}

async function mergeOne(
  tx: Queryable,
  userId: string,
  deviceId: string,
  change: PushedChange,
  counters: ChangeCounters,
): Promise<RejectionCode | null> {
  const table = change.table as keyof typeof SYNC_TABLES;
  const [stored] = await tx.query<StoredVersion>(
    'select deleted, hlc, data from records where user_id = $1 and tbl = $2 and key = $3',
    [userId, table, change.key],
  );
  const decision = decideMerge(TABLE_RULES[table], stored ?? null, {
    op: change.op,
    hlc: change.hlc,
    data: change.data ?? null,
  });
  if (decision === 'reject-delete') return 'immutable';
  if (decision === 'keep') return null;
  const deleted = change.op === 'delete';
  const record = { tbl: table, key: change.key, deleted, hlc: change.hlc, version: change.v };
  await writeRecord(tx, userId, { ...record, data: change.data ?? null, origin_device: deviceId }, counters);
  return null;
}

function toPulled(row: RecordRow): PulledChange {
  return {
    table: row.tbl,
    key: row.key,
    op: row.deleted ? 'delete' : 'put',
    hlc: row.hlc,
    v: row.version,
    data: row.data,
  };
}

/** Halves `take` until the first `take` rows, as `toChanges` shapes them, fit `budget` once compressed. */
function fitBudget<T>(rows: T[], budget: number, toChanges: (taken: T[]) => PulledChange[]) {
  let take = Math.min(rows.length, MAX_ROWS_PER_PAGE);
  let changes = toChanges(rows.slice(0, take));
  // A single change that is larger than the budget goes alone.
  while (take > 1 && compressedSize(changes) > budget) {
    take = Math.ceil(take / 2);
    changes = toChanges(rows.slice(0, take));
  }
  return { take, changes };
}

function compressedSize(changes: PulledChange[]): number {
  return changes.length === 0 ? 0 : gzipSync(JSON.stringify(changes)).length;
}

/**
 * The changes after `cursor`, oldest first, as many as fit the page budget once compressed. The
 * device's own changes are skipped (it has them) but the cursor still moves past them.
 */
async function readPage(db: Queryable, userId: string, deviceId: string, cursor: number) {
  const rows = await db.query<RecordRow>(
    `select tbl, key, deleted, hlc, version, data, seq, origin_device from records
     where user_id = $1 and seq > $2 order by seq limit $3`,
    [userId, cursor, MAX_ROWS_PER_PAGE + 1],
  );
  const { take, changes } = fitBudget(rows, PAGE_BUDGET_BYTES, (taken) => pageChanges(taken, deviceId));
  const last = rows[take - 1];
  return { changes, cursor: last ? Number(last.seq) : cursor, more: rows.length > take };
}

/**
 * One page of a table's full state on the hub, live rows and tombstones (the device's own too),
 * in key order by UTF-8 bytes (`compareSyncKeys` on the device), within what the budget leaves.
 * One query, so the page is one consistent snapshot of its key range.
 */
async function readRepullPage(db: Queryable, userId: string, ask: RepullRequest, budget: number): Promise<RepullPage> {
  const after = ask.after ?? null;
  const rows = await db.query<RecordRow>(
    `select tbl, key, deleted, hlc, version, data, seq, origin_device from records
     where user_id = $1 and tbl = $2 and ($3::text is null or key collate "C" > $3::text)
     order by key collate "C" limit $4`,
    [userId, ask.table, after, MAX_ROWS_PER_PAGE + 1],
  );
  const { take, changes } = fitBudget(rows, budget, (taken) => taken.map(toPulled));
  return {
    table: ask.table,
    after,
    through: rows.length > take ? rows[take - 1]!.key : null,
    records: changes,
  };
}

function pageChanges(rows: RecordRow[], deviceId: string): PulledChange[] {
  return rows.filter((row) => row.origin_device !== deviceId).map(toPulled);
}

async function checksums(db: Queryable, userId: string): Promise<Record<string, string>> {
  const rows = await db.query<{ tbl: string; n: number; s: number | string }>(CHECKSUM_SQL, [userId]);
  // Every table this hub knows is listed, empty ones as 0:0: a device re-pulls only a listed table.
  const sums: Record<string, string> = Object.fromEntries(
    SYNC_TABLE_NAMES.map((table) => [table, EMPTY_TABLE_CHECKSUM]),
  );
  for (const row of rows) sums[row.tbl] = `${row.n}:${Number(row.s).toString(16)}`;
  return sums;
}

async function rejectionsFor(db: Queryable, userId: string, request: SyncRequest): Promise<Rejection[]> {
  if (request.changes.length === 0) return [];
  const seqs = request.changes.map((change) => change.seq);
  const rows = await db.query<{ device_seq: number; tbl: string; key: string; code: Rejection['code'] }>(
    `select device_seq, tbl, key, code from rejections
     where user_id = $1 and device_id = $2 and device_seq >= $3 and device_seq <= $4 order by device_seq`,
    [userId, request.deviceId, Math.min(...seqs), Math.max(...seqs)],
  );
  return rows.map((row) => ({ seq: Number(row.device_seq), table: row.tbl, key: row.key, code: row.code }));
}

/** One sync cycle: store what the device sends, then answer with what it has not seen. */
export function createSyncService(db: Database, now: () => Date = () => new Date()) {
  return {
    async sync(userId: string, request: SyncRequest): Promise<SyncAnswer> {
      const acked = await inMembersTransaction(db, (tx) => applyChanges(tx, userId, request, now()));
      // Read after the commit: a rejection recorded in an earlier attempt of this same request
      // (whose answer was lost) is reported again, so the device always learns of it.
      const rejected = await rejectionsFor(db, userId, request);
      const page = await readPage(db, userId, request.deviceId, request.cursor);
      // Read after the page, so it is at least as new as the page's changes; the rest of the
      // budget is its (one record always goes, so a re-pull always moves).
      const repull = request.repull
        ? await readRepullPage(db, userId, request.repull, PAGE_BUDGET_BYTES - compressedSize(page.changes))
        : undefined;
      return {
        protocol: PROTOCOL_VERSION,
        acked,
        rejected,
        changes: page.changes,
        cursor: page.cursor,
        more: page.more,
        ...(page.more ? {} : { checksums: await checksums(db, userId) }),
        ...(repull ? { repull } : {}),
        serverTime: now().toISOString(),
      };
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
