import type { Clock } from '../accounts/accounts';
import { emailKey } from '../accounts/emailKey';
import type { Database, Queryable } from '../db/database';
import type { DraftAccessView, GranteeRole } from '../../../renderer/sync/tableSchemas';
import {
  ChangeCounters,
  hubStamp,
  HUB_ORIGIN,
  inMembersTransaction,
  membersOf,
  writeRecord,
  type DraftMembers,
  type StoredRecord,
} from './membership';

export type { DraftAccessView, GranteeRole };

/** Why a sharing request is refused; the routes map each to a status. */
export type SharingRefusal = 'no-draft' | 'not-owner' | 'unknown-account' | 'self' | 'not-member';

/** A draft's records in one account: its own facts and its Yjs updates. */
const DRAFT_RECORDS = `((tbl = 'drafts' and key = $2) or (tbl = 'draftUpdates' and data->>'draftId' = $2))`;

async function emailsOf(q: Queryable, ids: Iterable<string>): Promise<Map<string, string>> {
  const rows = await q.query<{ id: string; email: string }>('select id, email from users where id = any($1)', [
    [...ids],
  ]);
  return new Map(rows.map((row) => [row.id, row.email]));
}

/**
 * The members of a draft as `userId` may see them: a shared draft's members, or (never shared)
 * its sole owner when the draft's record is in their account; null for anyone else.
 */
async function draftFor(q: Queryable, userId: string, draftId: string): Promise<DraftMembers | null> {
  const shared = (await membersOf(q, [draftId])).get(draftId);
  if (shared) return shared.roles.has(userId) ? shared : null;
  const [own] = await q.query(
    `select 1 from records where user_id = $1 and tbl = 'drafts' and key = $2 and not deleted`,
    [userId, draftId],
  );
  return own ? { draftId, ownerId: userId, roles: new Map([[userId, 'owner']]) } : null;
}

/**
 * Sharing drafts between accounts (docs/sync-protocol.md, "Drafts written together"). Every
 * member's records hold a copy of the draft; the sync route keeps the copies level (fan-out).
 * Each change here locks every member's account row, in id order, and writes each member's
 * `draftAccess` record, so their devices learn offline who has access and what they may do.
 */
export function createSharing(db: Database, now: Clock = () => new Date()) {
  /** Writes every member's `draftAccess` record: the owner, the others, and their own role. */
  async function writeAccess(tx: Queryable, draft: DraftMembers, counters: ChangeCounters): Promise<void> {
    const emails = await emailsOf(tx, draft.roles.keys());
    const members = [...draft.roles]
      .filter(([, role]) => role !== 'owner')
      .map(([id, role]) => ({ email: emails.get(id)!, role: role as GranteeRole }))
      .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
    for (const [userId, role] of draft.roles) {
      await writeHubRecord(tx, userId, draft.draftId, counters, {
        ownerEmail: emails.get(draft.ownerId)!,
        role,
        members,
      });
    }
  }

  /** A `draftAccess` record (or, with null data, its tombstone) stamped by the hub. */
  async function writeHubRecord(
    tx: Queryable,
    userId: string,
    draftId: string,
    counters: ChangeCounters,
    data: Record<string, unknown> | null,
  ): Promise<void> {
    const [previous] = await tx.query<{ hlc: string }>(
      `select hlc from records where user_id = $1 and tbl = 'draftAccess' and key = $2`,
      [userId, draftId],
    );
    const record: StoredRecord = {
      tbl: 'draftAccess',
      key: draftId,
      deleted: data === null,
      hlc: hubStamp(previous?.hlc ?? null, now()),
      version: 1,
      data,
      origin_device: HUB_ORIGIN,
    };
    await writeRecord(tx, userId, record, counters);
  }

  /** The draft and its members, with every member's account (and `extra`) locked. */
  async function lockDraft(tx: Queryable, userId: string, draftId: string, extra: string[] = []) {
    const before = await draftFor(tx, userId, draftId);
    const counters = await ChangeCounters.lock(tx, [userId, ...(before?.roles.keys() ?? []), ...extra]);
    const draft = await draftFor(tx, userId, draftId);
    if (draft) counters.assertHoldsAll([draft]);
    return { draft, counters };
  }

  async function userByEmail(q: Queryable, email: string): Promise<string | null> {
    const [row] = await q.query<{ id: string }>('select id from users where email_key = $1', [emailKey(email)]);
    return row?.id ?? null;
  }

  return {
    /** Gives `email` access to the draft, or changes their role; only its owner may. */
    async share(
      userId: string,
      draftId: string,
      email: string,
      role: GranteeRole,
    ): Promise<{ kind: 'shared'; added: boolean } | { kind: SharingRefusal }> {
      return inMembersTransaction(db, async (tx) => {
        const granteeId = await userByEmail(tx, email);
        const { draft, counters } = await lockDraft(tx, userId, draftId, granteeId ? [granteeId] : []);
        if (!draft) return { kind: 'no-draft' };
        if (draft.ownerId !== userId) return { kind: 'not-owner' };
        if (!granteeId) return { kind: 'unknown-account' };
        if (granteeId === userId) return { kind: 'self' };
        await tx.query(
          `insert into shared_drafts (draft_id, owner_id, created_at) values ($1, $2, $3) on conflict do nothing`,
          [draftId, userId, now()],
        );
        const added = !draft.roles.has(granteeId);
        await tx.query(
          `insert into draft_shares (draft_id, grantee_id, role, created_at) values ($1, $2, $3, $4)
           on conflict (draft_id, grantee_id) do update set role = excluded.role`,
          [draftId, granteeId, role, now()],
        );
        if (added) {
          // The grantee's account gets a copy of the draft as it is; later changes fan out.
          const records = await tx.query<StoredRecord>(
            `select tbl, key, deleted, hlc, version, data, origin_device from records
             where user_id = $1 and ${DRAFT_RECORDS} order by seq`,
            [userId, draftId],
          );
          // Written by the hub: none of the grantee's devices has them (even one that wrote some before a withdrawal).
          for (const record of records)
            await writeRecord(tx, granteeId, { ...record, origin_device: HUB_ORIGIN }, counters);
        }
        draft.roles.set(granteeId, role);
        await writeAccess(tx, draft, counters);
        await counters.save(tx);
        return { kind: 'shared', added };
      });
    },

    /** Changes the role of someone the draft is shared with; only its owner may. */
    async changeRole(userId: string, draftId: string, email: string, role: GranteeRole) {
      return inMembersTransaction(db, async (tx): Promise<{ kind: 'changed' | SharingRefusal }> => {
        const { draft, counters } = await lockDraft(tx, userId, draftId);
        if (!draft) return { kind: 'no-draft' };
        if (draft.ownerId !== userId) return { kind: 'not-owner' };
        const granteeId = await userByEmail(tx, email);
        if (!granteeId || granteeId === draft.ownerId || !draft.roles.has(granteeId)) return { kind: 'not-member' };
        await tx.query('update draft_shares set role = $3 where draft_id = $1 and grantee_id = $2', [
          draftId,
          granteeId,
          role,
        ]);
        draft.roles.set(granteeId, role);
        await writeAccess(tx, draft, counters);
        await counters.save(tx);
        return { kind: 'changed' };
      });
    },

    /**
     * Withdraws someone's access (the owner may withdraw anyone; a member may leave): the draft's
     * records leave their account, and a `draftAccess` tombstone tells their devices to remove it.
     */
    async withdraw(userId: string, draftId: string, email: string) {
      return inMembersTransaction(db, async (tx): Promise<{ kind: 'withdrawn' | SharingRefusal }> => {
        const { draft, counters } = await lockDraft(tx, userId, draftId);
        if (!draft) return { kind: 'no-draft' };
        const granteeId = await userByEmail(tx, email);
        if (draft.ownerId !== userId && granteeId !== userId) return { kind: 'not-owner' };
        if (!granteeId || granteeId === draft.ownerId || !draft.roles.has(granteeId)) return { kind: 'not-member' };
        await tx.query('delete from draft_shares where draft_id = $1 and grantee_id = $2', [draftId, granteeId]);
        await tx.query(
          `delete from records where user_id = $1 and (${DRAFT_RECORDS} or (tbl = 'draftTrash' and key = $2))`,
          [granteeId, draftId],
        );
        await writeHubRecord(tx, granteeId, draftId, counters, null);
        draft.roles.delete(granteeId);
        await writeAccess(tx, draft, counters);
        await counters.save(tx);
        return { kind: 'withdrawn' };
      });
    },

    /** Who has access to the draft and who changed it last; for its members only. */
    async access(userId: string, draftId: string): Promise<DraftAccessView | null> {
      const draft = await draftFor(db, userId, draftId);
      if (!draft) return null;
      const [last] = await db.query<{ last_changed_by: string | null; last_changed_at: Date | null }>(
        'select last_changed_by, last_changed_at from shared_drafts where draft_id = $1',
        [draftId],
      );
      const emails = await emailsOf(db, [
        ...draft.roles.keys(),
        ...(last?.last_changed_by ? [last.last_changed_by] : []),
      ]);
      return {
        draftId,
        owner: emails.get(draft.ownerId)!,
        yourRole: draft.roles.get(userId)!,
        members: [...draft.roles]
          .filter(([, role]) => role !== 'owner')
          .map(([id, role]) => ({ email: emails.get(id)!, role: role as GranteeRole }))
          .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0)),
        lastChangedBy: last?.last_changed_by ? (emails.get(last.last_changed_by) ?? null) : null,
        lastChangedAt: last?.last_changed_at ? new Date(last.last_changed_at).toISOString() : null,
      };
    },
  };
}

export type Sharing = ReturnType<typeof createSharing>;
