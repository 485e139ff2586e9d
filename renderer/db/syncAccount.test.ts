import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { finishAttempt, markLessonRead, saveLessonPosition, startAttempt } from './course';
import { createDraft } from './drafts';
import { useTestDatabases } from './databases.testing';
import { recordRemindersShown, setFollowing } from './meetings';
import { writeSetting } from './settings';
import { linkAccount, previousAccount, UnsyncedWorkError } from './syncAccount';
import { recordChange } from './syncedChanges';

const open = useTestDatabases('sync-account');
const HUB = 'https://hub.example.org';

async function someWork(db: ReturnType<typeof open>) {
  await writeSetting(db, 'reminderDays', 4);
  await setFollowing(db, 'group', 'SG13', true);
  await markLessonRead(db, { id: 'm1-l1', moduleId: 'm1' });
  await saveLessonPosition(db, { id: 'm1-l1', moduleId: 'm1' }, 0.6);
  const attempt = await startAttempt(db, { kind: 'module', moduleId: 'm1', questionIds: ['q1'], contentVersion: '1' });
  await finishAttempt(db, attempt.id, 1);
  await startAttempt(db, { kind: 'module', moduleId: 'm2', questionIds: ['q1'], contentVersion: '1' });
  const doc = new Y.Doc();
  doc.getMap('cover').set('title', 'Draft');
  await createDraft(db, { title: 'Draft', language: 'en' }, Y.encodeStateAsUpdate(doc));
}

describe('linking a profile to an account', () => {
  it("queues the present state of this device's work, once per record, when the delegate brings it in", async () => {
    const db = open();
    await someWork(db);
    await linkAccount(db, { hubUrl: HUB, email: 'Amina@Example.org', bringLocalWork: true });
    const queued = (await db.outbox.toArray()).map((entry) => `${entry.table}/${entry.op}`).sort();
    expect(queued).toEqual(
      [
        'attempts/put',
        'draftTrash/put',
        'draftUpdates/put',
        'drafts/put',
        'follows/put',
        'lessonProgress/put',
        'settings/put',
      ].sort(),
    );
    expect(await previousAccount(db)).toEqual({ hubUrl: HUB, email: 'amina@example.org' });
    expect((await db.syncState.get('cursor'))?.value).toBe('0');
  });

  it("keeps the device's work out of the account when asked, and changes nothing on a second sign-in", async () => {
    const db = open();
    await someWork(db);
    await linkAccount(db, { hubUrl: HUB, email: 'amina@example.org', bringLocalWork: false });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.drafts.count()).toBe(1);
    await writeSetting(db, 'language', 'ar');
    await db.syncState.put({ key: 'cursor', value: '41' });
    await linkAccount(db, { hubUrl: `${HUB}/`, email: 'AMINA@example.org', bringLocalWork: true });
    expect(await db.outbox.count()).toBe(1);
    expect((await db.syncState.get('cursor'))?.value).toBe('41');
  });

  it("never shows a second account the first one's work, and never loses what the first has not sent", async () => {
    const db = open();
    await linkAccount(db, { hubUrl: HUB, email: 'first@example.org', bringLocalWork: false });
    await someWork(db);
    await expect(
      linkAccount(db, { hubUrl: HUB, email: 'second@example.org', bringLocalWork: false }),
    ).rejects.toBeInstanceOf(UnsyncedWorkError);
    expect(await db.drafts.count()).toBe(1);

    await db.outbox.clear(); // as after the first account's last sync
    await linkAccount(db, { hubUrl: HUB, email: 'second@example.org', bringLocalWork: false });
    expect(await db.drafts.count()).toBe(0);
    expect(await db.follows.count()).toBe(0);
    expect(await db.quizAttempts.count()).toBe(0);
    // The reading position is the device's; the read mark was the first person's.
    expect(await db.lessonProgress.get('m1-l1')).toMatchObject({ readAt: null, position: 0.6 });
  });
});

describe('recordChange', () => {
  it('refuses to queue a change outside the transaction that writes its record', async () => {
    const db = open();
    await expect(
      recordChange(db, { table: 'settings', key: 'language', op: 'put', data: { value: 'en' } }),
    ).rejects.toThrow(/inside the transaction/);
    await expect(
      db.transaction('rw', db.settings, () => recordChange(db, { table: 'settings', key: 'language', op: 'put' })),
    ).rejects.toThrow(/inside the transaction/);
    expect(await db.outbox.count()).toBe(0);
  });

  it('stamps every change later than the last, across restarts, even when the wall clock goes back', async () => {
    const db = open('clock');
    await writeSetting(db, 'reminderDays', 1);
    const [first] = await db.outbox.toArray();
    db.close();
    // A clock far ahead was seen (a pulled change); the device's own wall clock is behind it.
    const again = open('clock');
    await again.syncState.put({
      key: 'hlc',
      value: `${String(Date.now() + 86_400_000).padStart(15, '0')}-0000-zzzzzzzzzz`,
    });
    await writeSetting(again, 'language', 'es');
    const [, second] = await again.outbox.toArray();
    expect(second!.hlc > first!.hlc).toBe(true);
    expect(Number(second!.hlc.slice(0, 15))).toBeGreaterThan(Date.now());
  });
});

describe('the outbox', () => {
  it('keeps one waiting change per last-writer-wins record, and every change of the others', async () => {
    const db = open();
    for (const days of [1, 2, 3]) await writeSetting(db, 'reminderDays', days);
    await setFollowing(db, 'group', 'SG13', true);
    await setFollowing(db, 'group', 'SG13', false);
    await recordRemindersShown(db, ['a', 'b']);
    const queued = await db.outbox.toArray();
    expect(queued.map((entry) => `${entry.table}:${entry.key}:${entry.op}`)).toEqual([
      'settings:reminderDays:put',
      'follows:group:SG13:delete',
      'reminders:a:put',
      'reminders:b:put',
    ]);
    expect(queued[0]!.data).toEqual({ value: 3 });
  });
});
