import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadDraftDoc } from './drafts';
import { useTestDatabases } from './databases.testing';
import type { LessonProgressRecord, SettingRecord } from './records';
import { SCHEMA_VERSIONS, type SchemaVersion } from './schema';
import { readSetting, writeSetting } from './settings';
import { countPendingChanges, recordChange, syncScope } from './syncedChanges';

const open = useTestDatabases('database');

const progress: LessonProgressRecord = {
  lessonId: 'm1-l1',
  moduleId: 'm1',
  readAt: '2026-11-20T10:00:00.000Z',
  position: 1,
  updatedAt: '2026-11-20T10:00:00.000Z',
};

describe('GapbridgeDatabase', () => {
  it('declares every table of the current version', async () => {
    const db = open('tables');
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'certificateKeys',
        'certificates',
        'contentPacks',
        'draftSnapshots',
        'draftAccess',
        'courseModules',
        'draftUpdates',
        'drafts',
        'follows',
        'lessonProgress',
        'lessons',
        'meetings',
        'outbox',
        'packChunks',
        'packDownloads',
        'packRefusals',
        'packState',
        'questions',
        'quizAttempts',
        'reminders',
        'settings',
        'studyGroups',
        'syncState',
        'syncRejections',
        'tombstones',
      ].sort(),
    );
  });

  it('keeps a setting once written', async () => {
    const db = open('settings');
    expect(await readSetting(db, 'language')).toBeUndefined();
    await writeSetting(db, 'language', 'ar');
    db.close();
    const reopened = open('settings');
    expect(await readSetting(reopened, 'language')).toBe('ar');
  });

  it('writes a setting and its change for the hub together', async () => {
    const db = open('outbox');
    await writeSetting(db, 'reminderDays', 7);
    expect(await countPendingChanges(db)).toBe(1);
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ table: 'settings', key: 'reminderDays', op: 'put', v: 1, data: { value: 7 } });
    expect((await db.settings.get('reminderDays'))?.hlc).toBe(entry!.hlc);
  });

  it('writes neither the record nor its change when the record is refused', async () => {
    const db = open('atomic');
    const keyless = { ...progress, lessonId: undefined } as unknown as LessonProgressRecord;
    await expect(
      db.transaction('rw', [db.lessonProgress, ...syncScope(db)], async () => {
        await recordChange(db, { table: 'lessonProgress', key: 'x', op: 'put', data: {} });
        await db.lessonProgress.put(keyless);
      }),
    ).rejects.toThrow();
    expect(await db.lessonProgress.count()).toBe(0);
    expect(await countPendingChanges(db)).toBe(0);
  });
});

describe('schema migration', () => {
  const testVersion: SchemaVersion = {
    // After the newest version: versions may skip numbers (branches add theirs, merged later).
    version: SCHEMA_VERSIONS.at(-1)!.version + 1,
    stores: { settings: 'key, updatedAt', bookmarks: 'id, lessonId' },
    async upgrade(tx) {
      await tx
        .table<SettingRecord & { migrated?: boolean }>('settings')
        .toCollection()
        .modify((setting) => {
          setting.migrated = true;
        });
    },
  };

  it('upgrades a version-1 database holding data through every version with the data intact', async () => {
    const v1 = open('migration', SCHEMA_VERSIONS.slice(0, 1));
    await v1.settings.put({ key: 'language', value: 'fr', updatedAt: progress.updatedAt });
    await v1.transaction('rw', [v1.lessonProgress, v1.outbox], async () => {
      await v1.lessonProgress.put(progress);
      // A version-1 outbox entry, as the app wrote them before sync existed.
      await v1.outbox.add({
        mutationId: 'm-1',
        entity: 'lessonProgress',
        entityId: 'm1-l1',
        payload: progress,
        createdAt: progress.updatedAt,
      } as never);
    });
    await v1.meetings.put({
      id: 'sg13-2026-07@itu.int',
      kind: 'study-group',
      group: 'SG13',
      title: { en: 'ITU-T SG13 meeting' },
      start: '2026-07-06T07:00:00.000Z',
      end: '2026-07-17T15:00:00.000Z',
      timeZone: 'Europe/Zurich',
      place: 'Geneva',
      remoteParticipation: true,
      links: {},
      deadlines: [],
      origin: 'bundled',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    v1.close();

    const v2 = open('migration', [...SCHEMA_VERSIONS, testVersion]);
    await v2.open();
    expect(v2.verno).toBe(testVersion.version);
    expect(v2.tables.map((t) => t.name)).toContain('certificates');
    expect(await v2.settings.get('language')).toMatchObject({ value: 'fr', migrated: true });
    expect(await v2.lessonProgress.get('m1-l1')).toEqual(progress);
    expect(await v2.meetings.get('sg13-2026-07@itu.int')).toMatchObject({ group: 'SG13', origin: 'bundled' });
    // Never sent and of another shape: version 5 drops them; a first sign-in queues the work.
    expect(await countPendingChanges(v2)).toBe(0);
    expect(v2.tables.map((t) => t.name)).toContain('bookmarks');
    expect(v2.table('settings').schema.indexes.map((i) => i.name)).toContain('updatedAt');
  });
});

describe('schema version 5', () => {
  it("moves a draft's status into its document, where changes from other devices merge", async () => {
    const v4 = open('v5-status', SCHEMA_VERSIONS.slice(0, 4));
    const doc = new Y.Doc();
    doc.getMap('cover').set('title', 'Proposal');
    const now = '2026-11-20T10:00:00.000Z';
    await v4.drafts.put({
      id: 'd1',
      title: 'Proposal',
      status: 'ready',
      meetingId: null,
      language: 'en',
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    });
    await v4.draftUpdates.add({ draftId: 'd1', update: Y.encodeStateAsUpdate(doc), createdAt: now });
    v4.close();
    const v5 = open('v5-status');
    const cover = (await loadDraftDoc(v5, 'd1')).getMap('cover');
    expect(cover.get('status')).toBe('ready');
    expect(cover.get('title')).toBe('Proposal');
  });
});
