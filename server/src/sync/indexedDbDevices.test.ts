import 'fake-indexeddb/auto';
import type { AddressInfo } from 'node:net';
import Dexie from 'dexie';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncDerivations } from '../../../renderer/app/syncDerivations';
import { finishAttempt, markLessonRead, saveLessonPosition, startAttempt } from '../../../renderer/db/course';
import { GapbridgeDatabase } from '../../../renderer/db/database';
import { appendDraftUpdate, createDraft, loadDraftDoc, moveDraftToTrash } from '../../../renderer/db/drafts';
import { recordRemindersShown, setFollowing } from '../../../renderer/db/meetings';
import { onRemoteDraftUpdates } from '../../../renderer/db/remoteDraftUpdates';
import { writeSetting } from '../../../renderer/db/settings';
import { linkAccount } from '../../../renderer/db/syncAccount';
import { openSyncStore } from '../../../renderer/db/syncStore';
import { runSyncCycle } from '../../../renderer/sync/syncCycle';
import { createHubTransport } from '../../../renderer/sync/transport';
import { buildHub } from '../app';
import { BACKENDS, emptyDatabase, freshDatabase, type TestDatabase } from '../../test/databases';
import { signUp } from '../../test/hubClient';

/**
 * Two devices with the app's real IndexedDB store (Dexie on fake-indexeddb), the real engine and
 * a real hub over HTTP: what one does reaches the other, merged by the rules, device-local
 * fields untouched, nothing sent twice.
 */
describe.each(BACKENDS)('two IndexedDB devices and a hub on %s', (backend) => {
  let database: TestDatabase;
  let hub: FastifyInstance;
  let hubUrl: string;
  let token: string;
  const opened: GapbridgeDatabase[] = [];

  beforeAll(async () => {
    database = await freshDatabase(backend);
    await emptyDatabase(database.db);
    hub = buildHub({ db: database.db });
    await hub.listen({ host: '127.0.0.1', port: 0 });
    hubUrl = `http://127.0.0.1:${(hub.server.address() as AddressInfo).port}`;
    token = await signUp(hub, 'kwame@example.org');
  });
  afterAll(async () => {
    for (const db of opened) {
      db.close();
      await Dexie.delete(db.name);
    }
    await hub.close();
    await database.drop();
  });

  const laptopStamp = () => `${String(Date.now()).padStart(15, '0')}-0000-strayfollow`;

  async function device(name: string) {
    const db = new GapbridgeDatabase(`${backend}-${name}-${Date.now()}`);
    opened.push(db);
    await linkAccount(db, { hubUrl, email: 'kwame@example.org', bringLocalWork: true });
    const store = await openSyncStore(db, syncDerivations);
    const transport = createHubTransport({ hubUrl, token: () => token });
    return { db, sync: () => runSyncCycle(store, transport) };
  }

  it("brings one device's work to the other and back, merged, with each device's own fields kept", async () => {
    const laptop = await device('laptop');
    const desktop = await device('desktop');

    await writeSetting(laptop.db, 'reminderDays', 9);
    await setFollowing(laptop.db, 'group', 'SG13', true);
    await setFollowing(laptop.db, 'meeting', 'tsag-2027', true);
    await recordRemindersShown(laptop.db, ['sg13-2027/contribution/2027-01-05']);
    await markLessonRead(laptop.db, { id: 'm1-l1', moduleId: 'm1' });
    const attempt = await startAttempt(laptop.db, {
      kind: 'module',
      moduleId: 'm1',
      questionIds: ['q1'],
      contentVersion: '1',
    });
    await finishAttempt(laptop.db, attempt.id, 1);
    const doc = new Y.Doc();
    doc.getMap('cover').set('title', 'Proposal on Q9/13');
    doc.getXmlFragment('body').insert(0, [new Y.XmlText('First paragraph from the laptop.')]);
    const draft = await createDraft(
      laptop.db,
      { title: 'Proposal on Q9/13', language: 'fr' },
      Y.encodeStateAsUpdate(doc),
    );
    await saveLessonPosition(desktop.db, { id: 'm1-l1', moduleId: 'm1' }, 0.25);

    const pushed = await laptop.sync();
    expect(pushed.pushed).toBeGreaterThanOrEqual(8);
    const pulled = await desktop.sync();
    expect(pulled.pulled).toBe(pushed.pushed);

    expect((await desktop.db.settings.get('reminderDays'))?.value).toBe(9);
    expect((await desktop.db.follows.toArray()).map((f) => f.id).sort()).toEqual(['group:SG13', 'meeting:tsag-2027']);
    expect(await desktop.db.reminders.get('sg13-2027/contribution/2027-01-05')).toBeDefined();
    expect(await desktop.db.lessonProgress.get('m1-l1')).toMatchObject({ readAt: expect.any(String), position: 0.25 });
    expect(await desktop.db.quizAttempts.get(attempt.id)).toMatchObject({ finishedAt: expect.any(String) });
    expect(await desktop.db.drafts.get(draft.id)).toMatchObject({ title: 'Proposal on Q9/13', language: 'fr' });

    // The desktop adds a paragraph, unfollows a meeting and puts the draft in the trash.
    const onDesktop = await loadDraftDoc(desktop.db, draft.id);
    const before = Y.encodeStateVector(onDesktop);
    onDesktop.getXmlFragment('body').insert(1, [new Y.XmlText('Second paragraph from the desktop.')]);
    await appendDraftUpdate(desktop.db, draft.id, Y.encodeStateAsUpdate(onDesktop, before));
    await setFollowing(desktop.db, 'meeting', 'tsag-2027', false);
    await moveDraftToTrash(desktop.db, draft.id);
    await desktop.sync();

    const announced: string[] = [];
    const stop = onRemoteDraftUpdates((news) => announced.push(news.draftId));
    // The laptop hears of it; a draft open there would be told (the editor applies it live).
    await laptop.sync();
    stop();
    expect(announced).toEqual([draft.id]);
    expect(await laptop.db.follows.get('meeting:tsag-2027')).toBeUndefined();
    expect((await laptop.db.drafts.get(draft.id))?.deletedAt).not.toBeNull();
    const text = async (db: GapbridgeDatabase) => (await loadDraftDoc(db, draft.id)).getXmlFragment('body').toString();
    expect(await text(laptop.db)).toBe(await text(desktop.db));
    expect(await text(laptop.db)).toContain('Second paragraph from the desktop.');

    // Level: another cycle moves nothing either way.
    const quiet = [await laptop.sync(), await desktop.sync()];
    expect(quiet.map((report) => [report.pushed, report.pulled])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    // Each device's checksums are the hub's: nothing to re-pull.
    expect(quiet.flatMap((report) => [...report.repulled, ...report.mismatched])).toEqual([]);
    expect(await laptop.db.outbox.count()).toBe(0);

    // The desktop's copy goes wrong behind sync's back: a setting's clock, a follow the hub never had.
    await desktop.db.settings.update('reminderDays', { value: 30, hlc: `999999999999999-0000-${'x'.repeat(10)}` });
    await desktop.db.follows.put({
      id: 'group:SG20',
      target: 'group',
      targetId: 'SG20',
      createdAt: '',
      hlc: laptopStamp(),
    });
    await saveLessonPosition(desktop.db, { id: 'm1-l1', moduleId: 'm1' }, 0.75);
    const repaired = await desktop.sync();
    expect(repaired.repulled).toEqual(['follows', 'settings']);
    expect(repaired.mismatched).toEqual([]);
    expect((await desktop.db.settings.get('reminderDays'))?.value).toBe(9);
    expect(await desktop.db.follows.get('group:SG20')).toBeUndefined();
    expect(await desktop.db.follows.get('group:SG13')).toBeDefined();
    expect(await desktop.db.lessonProgress.get('m1-l1')).toMatchObject({ readAt: expect.any(String), position: 0.75 });
    expect((await desktop.sync()).repulled).toEqual([]);
  });
});
