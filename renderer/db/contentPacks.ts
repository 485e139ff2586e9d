import Dexie from 'dexie';
import type { CalendarPack, CoursePack } from '../content/packSchema';
import { compareVersions } from '../content/versions';
import type { GapbridgeDatabase } from './database';
import type { ContentPackRecord } from './records';

export function installedPacks(db: GapbridgeDatabase): Promise<ContentPackRecord[]> {
  return db.contentPacks.toArray();
}

/**
 * Whether the installed pack `id` is newer than `version`: then it stays. Asked inside the
 * installing transaction, so that two installers (the app's own packs at start-up, the hub's
 * after a sync) can never put an older pack over a newer one.
 */
async function newerInstalled(db: GapbridgeDatabase, id: string, version: string): Promise<boolean> {
  const installed = await db.contentPacks.get(id);
  return installed !== undefined && compareVersions(installed.version, version) > 0;
}

/**
 * Records a pack whose content lives elsewhere (the certificate keys) as installed; false, and
 * nothing written, when a newer one is.
 */
export async function recordInstalledPack(
  db: GapbridgeDatabase,
  id: string,
  version: string,
  sha256: string,
): Promise<boolean> {
  return db.transaction('rw', db.contentPacks, async () => {
    if (await newerInstalled(db, id, version)) return false;
    await db.contentPacks.put({ id, version, sha256, installedAt: new Date().toISOString() });
    return true;
  });
}

/**
 * Replaces one language's course content with the pack's, in one transaction. Learner data
 * (lesson progress, attempts, certificates) lives in other tables and is never touched.
 * Resolves false, changing nothing, when a newer pack of that language is installed.
 */
export async function installCoursePack(db: GapbridgeDatabase, pack: CoursePack, sha256: string): Promise<boolean> {
  const { lang } = pack;
  const ofLanguage = [
    [lang, Dexie.minKey],
    [lang, Dexie.maxKey],
  ] as const;
  return db.transaction('rw', [db.courseModules, db.lessons, db.questions, db.contentPacks], async () => {
    if (await newerInstalled(db, `course/${lang}`, pack.version)) return false;
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
    return true;
  });
}

/**
 * Replaces the study groups and the bundled meetings with the pack's, in one transaction.
 * Meetings the delegate imported or typed in are kept (a meeting of theirs with the same id is
 * newer information than the bundled one), and so are follows and reminders. What the delegate
 * typed in from a shipped meeting's collective letter (`letterEntry`: official dates) stays on
 * that meeting in the new pack, so an update never takes back an official date; if the new pack
 * drops the meeting, it is kept as one the delegate entered. Resolves false, changing nothing,
 * when a newer calendar is installed.
 */
export async function installCalendarPack(db: GapbridgeDatabase, pack: CalendarPack, sha256: string): Promise<boolean> {
  const now = new Date().toISOString();
  return db.transaction('rw', [db.meetings, db.studyGroups, db.contentPacks], async () => {
    if (await newerInstalled(db, `calendar/${pack.lang}`, pack.version)) return false;
    const own = new Set(await db.meetings.where('origin').noneOf(['bundled']).primaryKeys());
    const bundled = await db.meetings.where('origin').equals('bundled').toArray();
    const letterEntries = new Map(bundled.flatMap((m) => (m.letterEntry ? [[m.id, m.letterEntry] as const] : [])));
    await db.meetings.where('origin').equals('bundled').delete();
    await db.meetings.bulkPut(
      pack.meetings
        .filter((meeting) => !own.has(meeting.id))
        .map((meeting) => {
          const letterEntry = letterEntries.get(meeting.id);
          return { ...meeting, origin: 'bundled' as const, updatedAt: now, ...(letterEntry ? { letterEntry } : {}) };
        }),
    );
    // A shipped meeting the delegate typed official dates for, and that the new pack no longer
    // has, becomes the delegate's own: nothing they typed is lost.
    const inPack = new Set(pack.meetings.map((m) => m.id));
    await db.meetings.bulkPut(
      bundled
        .filter((m) => m.letterEntry && !inPack.has(m.id))
        .map((m) => ({ ...m, origin: 'entered' as const, updatedAt: now })),
    );
    await db.studyGroups.clear();
    await db.studyGroups.bulkPut(pack.groups);
    await db.contentPacks.put({ id: `calendar/${pack.lang}`, version: pack.version, sha256, installedAt: now });
    return true;
  });
}
