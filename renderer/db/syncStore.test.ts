import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncDerivations } from '../app/syncDerivations';
import { toBase64 } from '../sync/base64';
import type { PulledChange, SyncAnswer } from '../sync/wire';
import { markLessonRead, saveLessonPosition } from './course';
import { createDraft, loadDraftDoc } from './drafts';
import { useTestDatabases } from './databases.testing';
import { setFollowing } from './meetings';
import { onRemoteDraftUpdates, type RemoteDraftUpdates } from './remoteDraftUpdates';
import { writeSetting } from './settings';
import { openSyncStore, rejectedChanges, type SyncDerivations } from './syncStore';

const open = useTestDatabases('sync-store');

/** A stamp from another device at a wall-clock time (ms). */
function stamp(ms: number, device = 'desktop-77ab01c2'): string {
  return `${String(ms).padStart(15, '0')}-0000-${device}`;
}

const LATER = Date.now() + 3_600_000;
const EARLIER = 1_000_000_000_000;

function answer(changes: PulledChange[], overrides: Partial<SyncAnswer> = {}): SyncAnswer {
  return {
    protocol: 1,
    acked: 0,
    rejected: [],
    changes,
    cursor: 10,
    more: false,
    serverTime: new Date().toISOString(),
    ...overrides,
  };
}

function put(table: string, key: string, hlc: string, data: Record<string, unknown>): PulledChange {
  return { table, key, op: 'put', hlc, v: 1, data };
}

describe('the IndexedDB sync store', () => {
  it('hands out its outbox in order, and drops what the hub acknowledged in the transaction that moves the cursor', async () => {
    const db = open();
    await writeSetting(db, 'reminderDays', 5);
    await writeSetting(db, 'language', 'fr');
    const store = await openSyncStore(db, syncDerivations);
    const pending = await store.pending(10);
    expect(pending.map((change) => [change.table, change.key, change.op])).toEqual([
      ['settings', 'reminderDays', 'put'],
      ['settings', 'language', 'put'],
    ]);
    expect(pending[0]!.seq).toBeLessThan(pending[1]!.seq);
    expect(pending[0]!.hlc < pending[1]!.hlc).toBe(true);
    expect(pending[0]!.hlc.endsWith(store.deviceId)).toBe(true);

    await store.apply(
      answer([], {
        acked: pending[0]!.seq,
        rejected: [{ seq: pending[0]!.seq, table: 'settings', key: 'reminderDays', code: 'invalid' }],
      }),
    );
    expect((await store.pending(10)).map((change) => change.seq)).toEqual([pending[1]!.seq]);
    expect(await store.cursor()).toBe(10);
    expect(await rejectedChanges(db)).toMatchObject([{ table: 'settings', key: 'reminderDays', code: 'invalid' }]);
  });

  it('keeps the same device id for the life of the database', async () => {
    const db = open('device-id');
    const first = (await openSyncStore(db, syncDerivations)).deviceId;
    db.close();
    const again = open('device-id');
    expect((await openSyncStore(again, syncDerivations)).deviceId).toBe(first);
    expect(first).toMatch(/^[A-Za-z0-9]{16}$/);
  });

  it("merges a pulled lesson read without touching this device's reading position; the earliest read wins", async () => {
    const db = open();
    const lesson = { id: 'm2-l3', moduleId: 'm2' };
    await saveLessonPosition(db, lesson, 0.4);
    const store = await openSyncStore(db, syncDerivations);
    await store.apply(
      answer([put('lessonProgress', 'm2-l3', stamp(LATER), { moduleId: 'm2', readAt: '2026-12-01T08:00:00.000Z' })]),
    );
    expect(await db.lessonProgress.get('m2-l3')).toMatchObject({ readAt: '2026-12-01T08:00:00.000Z', position: 0.4 });
    await store.apply(
      answer([
        put('lessonProgress', 'm2-l3', stamp(LATER + 1), { moduleId: 'm2', readAt: '2026-12-05T08:00:00.000Z' }),
      ]),
    );
    expect((await db.lessonProgress.get('m2-l3'))?.readAt).toBe('2026-12-01T08:00:00.000Z');

    await markLessonRead(db, { id: 'm1-l1', moduleId: 'm1' });
    await store.apply(
      answer([put('lessonProgress', 'm1-l1', stamp(LATER), { moduleId: 'm1', readAt: '2020-01-01T00:00:00.000Z' })]),
    );
    expect((await db.lessonProgress.get('m1-l1'))?.readAt).toBe('2020-01-01T00:00:00.000Z');
  });

  it('lets the latest setting win by clock, not by arrival, and skips a value this device cannot use', async () => {
    const db = open();
    await writeSetting(db, 'reminderDays', 7);
    const store = await openSyncStore(db, syncDerivations);
    await store.apply(answer([put('settings', 'reminderDays', stamp(EARLIER), { value: 2 })]));
    expect((await db.settings.get('reminderDays'))?.value).toBe(7);
    await store.apply(answer([put('settings', 'reminderDays', stamp(LATER), { value: 14 })]));
    expect((await db.settings.get('reminderDays'))?.value).toBe(14);
    await store.apply(answer([put('settings', 'reminderDays', stamp(LATER + 5), { value: 9000 })]));
    await store.apply(answer([put('settings', 'language', stamp(LATER + 5), { value: 'tlh' })]));
    expect((await db.settings.get('reminderDays'))?.value).toBe(14);
    expect(await db.settings.get('language')).toBeUndefined();
  });

  it('keeps an unfollow when an older follow is pulled after it, and follows again on a newer one', async () => {
    const db = open();
    await setFollowing(db, 'group', 'SG13', true);
    await setFollowing(db, 'group', 'SG13', false);
    const store = await openSyncStore(db, syncDerivations);
    const follow = { target: 'group', targetId: 'SG13' };
    await store.apply(answer([put('follows', 'group:SG13', stamp(EARLIER), follow)]));
    expect(await db.follows.get('group:SG13')).toBeUndefined();
    await store.apply(answer([put('follows', 'group:SG13', stamp(LATER), follow)]));
    expect(await db.follows.get('group:SG13')).toMatchObject({ targetId: 'SG13' });
    expect(await db.tombstones.count()).toBe(0);
    await store.apply(
      answer([{ table: 'follows', key: 'group:SG13', op: 'delete', hlc: stamp(LATER + 1), v: 1, data: null }]),
    );
    expect(await db.follows.get('group:SG13')).toBeUndefined();
    expect(await db.tombstones.get(['follows', 'group:SG13'])).toMatchObject({ hlc: stamp(LATER + 1) });
  });

  it("scores a pulled attempt against this device's answer key; a score on the wire is not even read", async () => {
    const db = open();
    await db.contentPacks.put({ id: 'course/en', version: '1', sha256: 'x', installedAt: new Date().toISOString() });
    await db.questions.bulkPut(
      ['q1', 'q2'].map((id) => ({
        lang: 'en' as const,
        id,
        moduleId: 'm1',
        lessonId: 'm1-l1',
        type: 'single' as const,
        prompt: id,
        choices: [
          { id: 'a', text: 'a' },
          { id: 'b', text: 'b' },
        ],
        correctChoiceIds: ['a'],
        explanation: '',
      })),
    );
    const store = await openSyncStore(db, syncDerivations);
    const attempt = {
      kind: 'module',
      moduleId: 'm1',
      questionIds: ['q1', 'q2'],
      answers: { q1: ['a'], q2: ['b'] },
      startedAt: '2026-12-07T09:00:00.000Z',
      finishedAt: '2026-12-07T09:10:00.000Z',
      contentVersion: '1',
    };
    await store.apply(
      answer([
        put('attempts', 'att-1', stamp(LATER), attempt),
        put('attempts', 'att-2', stamp(LATER), { ...attempt, score: 1 }),
      ]),
    );
    expect(await db.quizAttempts.get('att-1')).toMatchObject({ score: 0.5, finishedAt: attempt.finishedAt });
    expect(await db.quizAttempts.get('att-2')).toBeUndefined();
  });

  it('stores pulled draft updates once, rebuilds the list entry from the document, and tells an open editor', async () => {
    const db = open();
    const store = await openSyncStore(db, syncDerivations);
    const remote = new Y.Doc();
    remote.getMap('cover').set('title', 'Proposal for Q9/13');
    remote.getMap('cover').set('status', 'ready');
    const update = Y.encodeStateAsUpdate(remote);
    const heard: RemoteDraftUpdates[] = [];
    const stop = onRemoteDraftUpdates((news) => heard.push(news));
    const changes = [
      put('draftUpdates', 'change-1', stamp(LATER), { draftId: 'd-1', update: toBase64(update) }),
      put('drafts', 'd-1', stamp(LATER + 1), {
        language: 'fr',
        meetingId: null,
        createdAt: '2026-12-01T00:00:00.000Z',
      }),
    ];
    await store.apply(answer(changes));
    await store.apply(answer(changes.slice(0, 1)));
    stop();
    expect(await db.draftUpdates.where('changeId').equals('change-1').count()).toBe(1);
    expect(await db.drafts.get('d-1')).toMatchObject({
      title: 'Proposal for Q9/13',
      status: 'ready',
      language: 'fr',
      createdAt: '2026-12-01T00:00:00.000Z',
    });
    expect((await loadDraftDoc(db, 'd-1')).getMap('cover').get('title')).toBe('Proposal for Q9/13');
    expect(heard).toHaveLength(1);
    expect(heard[0]!.draftId).toBe('d-1');
    // Stored as pulled: nothing queued back to the hub.
    expect(await db.outbox.count()).toBe(0);
  });

  it("applies the trash as the person's own, on a draft this device already has", async () => {
    const db = open();
    const draft = await createDraft(db, { title: '', language: 'en' }, Y.encodeStateAsUpdate(new Y.Doc()));
    const store = await openSyncStore(db, syncDerivations);
    await store.apply(answer([put('draftTrash', draft.id, stamp(LATER), { trashedAt: '2026-12-07T10:00:00.000Z' })]));
    expect((await db.drafts.get(draft.id))?.deletedAt).toBe('2026-12-07T10:00:00.000Z');
  });

  it('stores a page wholly or not at all: a failure half-way leaves the outbox, the records and the cursor as they were', async () => {
    const db = open();
    await writeSetting(db, 'reminderDays', 7);
    const failing: SyncDerivations = {
      ...syncDerivations,
      isSettingValue() {
        throw new Error('crash between storing a change and moving the cursor');
      },
    };
    const store = await openSyncStore(db, failing);
    const [queued] = await store.pending(1);
    const page = answer(
      [
        put('follows', 'group:SG2', stamp(LATER), { target: 'group', targetId: 'SG2' }),
        put('settings', 'reminderDays', stamp(LATER), { value: 1 }),
      ],
      { acked: queued!.seq, cursor: 99 },
    );
    await expect(store.apply(page)).rejects.toThrow(/crash/);
    expect(await store.cursor()).toBe(0);
    expect(await store.pending(10)).toHaveLength(1);
    expect(await db.follows.count()).toBe(0);
    expect((await db.settings.get('reminderDays'))?.value).toBe(7);

    await (await openSyncStore(db, syncDerivations)).apply(page);
    expect(await store.cursor()).toBe(99);
    expect(await db.follows.count()).toBe(1);
  });
});
