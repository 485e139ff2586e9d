import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { GapbridgeDatabase } from './database';
import { countPendingChanges, putWithOutbox } from './outbox';
import type { LessonProgressRecord, SettingRecord } from './records';
import { SCHEMA_VERSIONS, type SchemaVersion } from './schema';
import { readSetting, writeSetting } from './settings';

const opened: Dexie[] = [];
function track<T extends Dexie>(db: T): T {
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const progress: LessonProgressRecord = {
  lessonId: 'm1-l1',
  moduleId: 'm1',
  readAt: '2026-11-20T10:00:00.000Z',
  position: 1,
  updatedAt: '2026-11-20T10:00:00.000Z',
};

describe('GapbridgeDatabase', () => {
  it('declares every table of version 1', async () => {
    const db = track(new GapbridgeDatabase('tables'));
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'contentPacks',
        'courseModules',
        'draftUpdates',
        'drafts',
        'lessonProgress',
        'lessons',
        'meetings',
        'outbox',
        'questions',
        'quizAttempts',
        'settings',
        'syncState',
      ].sort(),
    );
  });

  it('keeps a setting once written', async () => {
    const db = track(new GapbridgeDatabase('settings'));
    expect(await readSetting(db, 'language')).toBeUndefined();
    await writeSetting(db, 'language', 'ar');
    db.close();
    const reopened = track(new GapbridgeDatabase('settings'));
    expect(await readSetting(reopened, 'language')).toBe('ar');
  });

  it('writes a record and its outbox entry together', async () => {
    const db = track(new GapbridgeDatabase('outbox'));
    await putWithOutbox(db, db.lessonProgress, progress, { entity: 'lessonProgress', entityId: 'm1-l1' });
    expect(await db.lessonProgress.get('m1-l1')).toEqual(progress);
    expect(await countPendingChanges(db)).toBe(1);
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ entity: 'lessonProgress', entityId: 'm1-l1', payload: progress });
  });

  it('writes neither the record nor the outbox entry when the record is refused', async () => {
    const db = track(new GapbridgeDatabase('atomic'));
    const keyless = { ...progress, lessonId: undefined } as unknown as LessonProgressRecord;
    await expect(
      putWithOutbox(db, db.lessonProgress, keyless, { entity: 'lessonProgress', entityId: 'x' }),
    ).rejects.toThrow();
    expect(await db.lessonProgress.count()).toBe(0);
    expect(await countPendingChanges(db)).toBe(0);
  });
});

describe('schema migration', () => {
  const testVersion2: SchemaVersion = {
    version: 2,
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

  it('upgrades a version-1 database holding data to version 2 with the data intact', async () => {
    const v1 = track(new GapbridgeDatabase('migration'));
    await writeSetting(v1, 'language', 'fr');
    await putWithOutbox(v1, v1.lessonProgress, progress, { entity: 'lessonProgress', entityId: 'm1-l1' });
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
      followed: true,
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    v1.close();

    const v2 = track(new GapbridgeDatabase('migration', [...SCHEMA_VERSIONS, testVersion2]));
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(await v2.settings.get('language')).toMatchObject({ value: 'fr', migrated: true });
    expect(await v2.lessonProgress.get('m1-l1')).toEqual(progress);
    expect(await v2.meetings.get('sg13-2026-07@itu.int')).toMatchObject({ group: 'SG13', followed: true });
    expect(await countPendingChanges(v2)).toBe(1);
    expect(v2.tables.map((t) => t.name)).toContain('bookmarks');
    expect(v2.table('settings').schema.indexes.map((i) => i.name)).toContain('updatedAt');
  });
});
