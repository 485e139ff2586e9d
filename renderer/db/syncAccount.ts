import * as Y from 'yjs';
import type { GapbridgeDatabase } from './database';
import { loadDraftDoc } from './drafts';
import { recordChange, syncedRecordTables, syncScope } from './syncedChanges';
import { syncedFields } from './syncedFields';

/** The account a profile syncs with. */
export interface LinkedAccount {
  hubUrl: string;
  email: string;
}

/** Switching accounts while the previous one's changes have not all reached its hub. */
export class UnsyncedWorkError extends Error {
  constructor(readonly pending: number) {
    super(`${pending} changes of the previous account have not reached its hub`);
    this.name = 'UnsyncedWorkError';
  }
}

function accountValue({ hubUrl, email }: LinkedAccount): string {
  return `${new URL(hubUrl).origin} ${email.trim().toLowerCase()}`;
}

/** The account this profile last synced with, or null when it never has. */
export async function previousAccount(db: GapbridgeDatabase): Promise<LinkedAccount | null> {
  const stored = await db.syncState.get('account');
  if (!stored) return null;
  const [hubUrl = '', email = ''] = stored.value.split(' ');
  return { hubUrl, email };
}

export function isSameAccount(a: LinkedAccount | null, b: LinkedAccount): boolean {
  return a !== null && accountValue(a) === accountValue(b);
}

/** The tables that hold a person's synced work on this device. */
function workTables(db: GapbridgeDatabase) {
  return [...syncedRecordTables(db), db.draftSnapshots, db.certificates, db.syncRejections];
}

/**
 * Ties this profile to an account after a sign-in. The same account as before: nothing changes.
 * Another one (or the first): the cursor starts again, and this device's work is either queued
 * for the new account (`bringLocalWork`), or kept out of it. Kept out of another person's account
 * means removed from this device, so that the new account never sees it; that is refused while
 * the previous account still has changes waiting (they would be lost).
 */
export async function linkAccount(
  db: GapbridgeDatabase,
  account: LinkedAccount & { bringLocalWork: boolean },
): Promise<void> {
  await db.transaction('rw', [...workTables(db), ...syncScope(db)], async () => {
    const previous = await previousAccount(db);
    if (isSameAccount(previous, account)) return;
    if (previous && !account.bringLocalWork) {
      const pending = await db.outbox.count();
      if (pending > 0) throw new UnsyncedWorkError(pending);
      await eraseWork(db);
    }
    await db.outbox.clear();
    await db.syncRejections.clear();
    // Who may write a shared draft is the previous account's to know, not the new one's.
    await db.draftAccess.clear();
    await db.syncState.put({ key: 'cursor', value: '0' });
    await db.syncState.put({ key: 'account', value: accountValue(account) });
    if (account.bringLocalWork) await queueAllWork(db);
    else await forgetClocks(db);
  });
}

/** Queues the present state of every synced record of this device (a first sign-in). */
async function queueAllWork(db: GapbridgeDatabase): Promise<void> {
  for (const attempt of await db.quizAttempts.toArray()) {
    if (!attempt.finishedAt) continue;
    await db.quizAttempts.put({ ...attempt, hlc: await recordChange(db, syncedFields.attempt(attempt)) });
  }
  for (const progress of await db.lessonProgress.toArray()) {
    if (!progress.readAt) continue;
    await db.lessonProgress.put({ ...progress, readHlc: await recordChange(db, syncedFields.lessonRead(progress)) });
  }
  for (const setting of await db.settings.toArray()) {
    await db.settings.put({ ...setting, hlc: await recordChange(db, syncedFields.setting(setting)) });
  }
  for (const follow of await db.follows.toArray()) {
    await db.follows.put({ ...follow, hlc: await recordChange(db, syncedFields.follow(follow)) });
  }
  for (const reminder of await db.reminders.toArray()) {
    await db.reminders.put({ ...reminder, hlc: await recordChange(db, syncedFields.reminder(reminder)) });
  }
  for (const draft of await db.drafts.toArray()) {
    const hlc = await recordChange(db, syncedFields.draft(draft));
    const trashHlc = await recordChange(db, syncedFields.draftTrash(draft));
    // The whole document as one change, stored as the draft's only update (same document).
    const state = Y.encodeStateAsUpdate(await loadDraftDoc(db, draft.id));
    const changeId = crypto.randomUUID();
    const updateHlc = await recordChange(db, syncedFields.draftUpdate(changeId, draft.id, state));
    await db.draftUpdates.where('draftId').equals(draft.id).delete();
    await db.draftUpdates.add({
      changeId,
      hlc: updateHlc,
      draftId: draft.id,
      update: state,
      createdAt: new Date().toISOString(),
    });
    await db.drafts.put({ ...draft, hlc, trashHlc });
  }
}

/**
 * Work kept out of the account stays on the device as never synced: without its clocks it is not
 * counted in the checksums, so a re-pull never takes it for the hub's and removes it.
 */
async function forgetClocks(db: GapbridgeDatabase): Promise<void> {
  await db.tombstones.clear();
  const unstamp = (record: { hlc?: string | undefined }) => {
    delete record.hlc;
  };
  for (const table of [db.quizAttempts, db.settings, db.follows, db.reminders]) {
    await (table as typeof db.settings).toCollection().modify(unstamp);
  }
  await db.lessonProgress.toCollection().modify((progress) => {
    delete progress.readHlc;
  });
  await db.drafts.toCollection().modify((draft) => {
    delete draft.hlc;
    delete draft.trashHlc;
  });
  await db.draftUpdates.toCollection().modify((update) => {
    delete update.changeId;
    delete update.hlc;
    delete update.merged;
  });
}

/** Removes the previous account's work from this device (it is all on that account's hub). */
async function eraseWork(db: GapbridgeDatabase): Promise<void> {
  await db.quizAttempts.clear();
  await db.lessonProgress.toCollection().modify((progress) => {
    progress.readAt = null;
    delete progress.readHlc;
  });
  for (const table of [db.follows, db.tombstones, db.reminders, db.drafts, db.draftUpdates, db.draftSnapshots]) {
    await table.clear();
  }
  await db.certificates.clear();
}
