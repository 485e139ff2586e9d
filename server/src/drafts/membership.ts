import type { Database, Queryable } from '../db/database';
import type { DraftRole } from '../../../renderer/sync/tableSchemas';

/** Who may read and write one shared draft: its owner and the people it is shared with. */
export interface DraftMembers {
  draftId: string;
  ownerId: string;
  /** Every member, the owner included, with their role. */
  roles: Map<string, DraftRole>;
}

/** The shared drafts among these ids, with their members (a draft never shared is absent). */
export async function membersOf(q: Queryable, draftIds: readonly string[]): Promise<Map<string, DraftMembers>> {
  const found = new Map<string, DraftMembers>();
  if (draftIds.length === 0) return found;
  const rows = await q.query<{ draft_id: string; owner_id: string; grantee_id: string | null; role: string | null }>(
    `select s.draft_id, s.owner_id, d.grantee_id, d.role from shared_drafts s
     left join draft_shares d on d.draft_id = s.draft_id where s.draft_id = any($1)`,
    [draftIds],
  );
  for (const row of rows) {
    let members = found.get(row.draft_id);
    if (!members) {
      members = { draftId: row.draft_id, ownerId: row.owner_id, roles: new Map([[row.owner_id, 'owner']]) };
      found.set(row.draft_id, members);
    }
    if (row.grantee_id) members.roles.set(row.grantee_id, row.role as DraftRole);
  }
  return found;
}

/**
 * Thrown when the members of a draft changed between reading them and locking their accounts:
 * the transaction is rolled back and run again (see `inMembersTransaction`).
 */
export class MembershipChanged extends Error {
  constructor() {
    super('draft membership changed while locking');
  }
}

/**
 * Each user's next change numbers, taken under their row lock. Rows are locked one at a time in
 * id order, the same order in every transaction that writes into several accounts (two co-authors
 * pushing at once, a share), so that they wait for each other instead of deadlocking.
 */
export class ChangeCounters {
  private constructor(private readonly seqs: Map<string, number>) {}

  static async lock(tx: Queryable, userIds: Iterable<string>): Promise<ChangeCounters> {
    const seqs = new Map<string, number>();
    for (const id of [...new Set(userIds)].sort()) {
      const [row] = await tx.query<{ change_seq: number }>('select change_seq from users where id = $1 for update', [
        id,
      ]);
      if (!row) throw new Error('unknown user');
      seqs.set(id, Number(row.change_seq));
    }
    return new ChangeCounters(seqs);
  }

  holds(userId: string): boolean {
    return this.seqs.has(userId);
  }

  /** Throws MembershipChanged when a member of these drafts is not locked. */
  assertHoldsAll(members: Iterable<DraftMembers>): void {
    for (const draft of members)
      for (const id of draft.roles.keys()) if (!this.holds(id)) throw new MembershipChanged();
  }

  next(userId: string): number {
    const last = this.seqs.get(userId);
    if (last === undefined) throw new Error(`user ${userId} is not locked`);
    this.seqs.set(userId, last + 1);
    return last + 1;
  }

  async save(tx: Queryable): Promise<void> {
    for (const [id, seq] of this.seqs) await tx.query('update users set change_seq = $2 where id = $1', [id, seq]);
  }
}

/** Runs `work` in a transaction, again (a few times) when a draft's members changed meanwhile. */
export async function inMembersTransaction<T>(db: Database, work: (tx: Queryable) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (!(error instanceof MembershipChanged) || attempt >= 5) throw error;
    }
  }
}

export interface StoredRecord {
  tbl: string;
  key: string;
  deleted: boolean;
  hlc: string;
  version: number;
  data: Record<string, unknown> | null;
  origin_device: string;
}

/** Writes one record into a user's records with their next change number. */
export async function writeRecord(
  tx: Queryable,
  userId: string,
  record: StoredRecord,
  counters: ChangeCounters,
): Promise<void> {
  await tx.query(
    `insert into records (user_id, tbl, key, deleted, hlc, version, data, seq, origin_device)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (user_id, tbl, key) do update set deleted = excluded.deleted, hlc = excluded.hlc,
       version = excluded.version, data = excluded.data, seq = excluded.seq, origin_device = excluded.origin_device`,
    [
      userId,
      record.tbl,
      record.key,
      record.deleted,
      record.hlc,
      record.version,
      record.deleted ? null : JSON.stringify(record.data),
      counters.next(userId),
      record.origin_device,
    ],
  );
}

/** The "device" the hub's own records come from: never one of a person's devices. */
export const HUB_ORIGIN = 'gapbridge-hub';

/**
 * A clock stamp for a record the hub writes itself (`draftAccess`): the wall time, or just after
 * the record's previous stamp when that is ahead, so that each new version wins on every device.
 */
export function hubStamp(previous: string | null, now: Date): string {
  const fresh = `${String(now.getTime()).padStart(15, '0')}-0000-${HUB_ORIGIN}`;
  if (!previous || previous < fresh) return fresh;
  const wall = Number(previous.slice(0, 15));
  const count = parseInt(previous.slice(16, 20), 16);
  return count < 0xffff
    ? `${previous.slice(0, 15)}-${(count + 1).toString(16).padStart(4, '0')}-${HUB_ORIGIN}`
    : `${String(wall + 1).padStart(15, '0')}-0000-${HUB_ORIGIN}`;
}
