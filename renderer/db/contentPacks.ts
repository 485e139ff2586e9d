import Dexie from 'dexie';
import type { CalendarPack, CoursePack } from '../content/packSchema';
import type { GapbridgeDatabase } from './database';
import type { ContentPackRecord } from './records';

export function installedPacks(db: GapbridgeDatabase): Promise<ContentPackRecord[]> {
  return db.contentPacks.toArray();
}

/**
 * Replaces one language's course content with the pack's, in one transaction. Learner data
 * (lesson progress, attempts, certificates) lives in other tables and is never touched.
 */
export async function installCoursePack(db: GapbridgeDatabase, pack: CoursePack, sha256: string): Promise<void> {
  const { lang } = pack;
  const ofLanguage = [
    [lang, Dexie.minKey],
    [lang, Dexie.maxKey],
  ] as const;
  await db.transaction('rw', [db.courseModules, db.lessons, db.questions, db.contentPacks], async () => {
    await db.courseModules
      .where('[lang+id]')
      .between(...ofLanguage)
      .delete();
    await db.lessons
      .where('[lang+id]')
      .between(...ofLanguage)
      .delete();
    await db.questions
      .where('[lang+id]')
      .between(...ofLanguage)
      .delete();
    await db.courseModules.bulkPut(pack.modules.map((module) => ({ ...module, lang })));
    await db.lessons.bulkPut(pack.lessons.map((lesson) => ({ ...lesson, lang })));
    await db.questions.bulkPut(pack.questions.map((question) => ({ ...question, lang })));
    await db.contentPacks.put({
      id: `course/${lang}`,
      version: pack.version,
      sha256,
      installedAt: new Date().toISOString(),
    });
  });
}

/**
 * Replaces the study groups and the bundled meetings with the pack's, in one transaction.
 * Meetings the delegate imported are kept (an imported meeting with the same id is newer
 * information than the bundled one), and so are follows and reminders.
 */
export async function installCalendarPack(db: GapbridgeDatabase, pack: CalendarPack, sha256: string): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction('rw', [db.meetings, db.studyGroups, db.contentPacks], async () => {
    const imported = new Set(await db.meetings.where('origin').equals('imported').primaryKeys());
    await db.meetings.where('origin').equals('bundled').delete();
    await db.meetings.bulkPut(
      pack.meetings
        .filter((meeting) => !imported.has(meeting.id))
        .map((meeting) => ({ ...meeting, origin: 'bundled' as const, updatedAt: now })),
    );
    await db.studyGroups.clear();
    await db.studyGroups.bulkPut(pack.groups);
    await db.contentPacks.put({ id: `calendar/${pack.lang}`, version: pack.version, sha256, installedAt: now });
  });
}
