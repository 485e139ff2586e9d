import type { GapbridgeDatabase } from './database';
import { recordChange, syncScope } from './syncedChanges';
import { syncedFields } from './syncedFields';
import type { FollowRecord, LetterEntryRecord, MeetingRecord, ReminderRecord, StudyGroupRecord } from './records';

export function allMeetings(db: GapbridgeDatabase): Promise<MeetingRecord[]> {
  return db.meetings.orderBy('start').toArray();
}

export function meetingById(db: GapbridgeDatabase, id: string) {
  return db.meetings.get(id);
}

export function allStudyGroups(db: GapbridgeDatabase): Promise<StudyGroupRecord[]> {
  return db.studyGroups.toArray();
}

export function allFollows(db: GapbridgeDatabase): Promise<FollowRecord[]> {
  return db.follows.toArray();
}

/** Thrown inside the store transaction when the user cancelled: the transaction rolls back. */
export class ImportCancelledError extends Error {
  constructor() {
    super('import cancelled');
  }
}

/**
 * Stores an imported calendar, all or nothing (one transaction): its meetings added or updated by
 * id (follows, and official dates the delegate typed in, are kept), and the imported meetings it
 * cancels removed. Shipped meetings are never removed by a file. `isCancelled` is asked last, so
 * a cancel before the commit changes nothing.
 */
export async function storeImportedCalendar(
  db: GapbridgeDatabase,
  meetings: readonly MeetingRecord[],
  cancelledIds: readonly string[],
  isCancelled: () => boolean = () => false,
): Promise<{ removed: number }> {
  return db.transaction('rw', db.meetings, async () => {
    const stored = await db.meetings.bulkGet([...cancelledIds]);
    const removable = stored.filter((meeting) => meeting?.origin === 'imported').map((meeting) => meeting!.id);
    await db.meetings.bulkDelete(removable);
    const previous = await db.meetings.bulkGet(meetings.map((meeting) => meeting.id));
    await db.meetings.bulkPut(
      meetings.map((meeting, index) => {
        const letterEntry = previous[index]?.letterEntry;
        return { ...meeting, origin: 'imported' as const, ...(letterEntry ? { letterEntry } : {}) };
      }),
    );
    if (isCancelled()) throw new ImportCancelledError();
    return { removed: removable.length };
  });
}

/**
 * Stores a meeting the delegate typed in or edited. Meetings stay on the device: the calendar
 * reaches every device as a pack, not through sync.
 */
export async function saveOwnMeeting(db: GapbridgeDatabase, meeting: MeetingRecord): Promise<void> {
  await db.meetings.put(meeting);
}

/**
 * Sets (or, with null, removes) the official dates typed in from a shipped meeting's letter.
 * Only the `letterEntry` field changes; false when the meeting is not stored.
 */
export async function saveLetterEntry(
  db: GapbridgeDatabase,
  meetingId: string,
  entry: LetterEntryRecord | null,
): Promise<boolean> {
  return db.transaction('rw', db.meetings, async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) return false;
    const { letterEntry: _previous, ...rest } = meeting;
    const updated: MeetingRecord = entry ? { ...rest, letterEntry: entry } : rest;
    await db.meetings.put(updated);
    return true;
  });
}

/**
 * Deletes a meeting the delegate imported or typed in, with its follow (an unfollow queued for the
 * hub), in one transaction. Shipped meetings are not the user's to delete: false, nothing changed.
 */
export async function deleteOwnMeeting(db: GapbridgeDatabase, meetingId: string): Promise<boolean> {
  return db.transaction('rw', [db.meetings, db.follows, db.tombstones, ...syncScope(db)], async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting || meeting.origin === 'bundled') return false;
    await db.meetings.delete(meetingId);
    const follow = followId('meeting', meetingId);
    if (await db.follows.get(follow)) await unfollow(db, follow);
    return true;
  });
}

/** Removes a follow and leaves its tombstone, so an older follow pulled later stays removed. */
async function unfollow(db: GapbridgeDatabase, id: string): Promise<void> {
  const hlc = await recordChange(db, syncedFields.unfollow(id));
  await db.follows.delete(id);
  await db.tombstones.put({ table: 'follows', key: id, hlc });
}

export function followId(target: FollowRecord['target'], targetId: string): string {
  return `${target}:${targetId}`;
}

/** Follows or unfollows a meeting or a group; the change is queued for the hub. */
export async function setFollowing(
  db: GapbridgeDatabase,
  target: FollowRecord['target'],
  targetId: string,
  isFollowing: boolean,
): Promise<void> {
  const id = followId(target, targetId);
  await db.transaction('rw', [db.follows, db.tombstones, ...syncScope(db)], async () => {
    if (!isFollowing) return unfollow(db, id);
    const follow: FollowRecord = { id, target, targetId, createdAt: new Date().toISOString() };
    follow.hlc = await recordChange(db, syncedFields.follow(follow));
    await db.follows.put(follow);
    await db.tombstones.delete(['follows', id]);
  });
}

export async function shownReminderIds(db: GapbridgeDatabase): Promise<Set<string>> {
  return new Set(await db.reminders.toCollection().primaryKeys());
}

/**
 * Records reminders as shown, on this device and (queued) on every other one: stored before they
 * are shown, so none is ever shown twice.
 */
export async function recordRemindersShown(db: GapbridgeDatabase, ids: readonly string[]): Promise<void> {
  const shownAt = new Date().toISOString();
  await db.transaction('rw', [db.reminders, ...syncScope(db)], async () => {
    for (const id of ids) {
      const reminder: ReminderRecord = { id, shownAt };
      reminder.hlc = await recordChange(db, syncedFields.reminder(reminder));
      await db.reminders.put(reminder);
    }
  });
}

/**
 * Takes back a reminder the system would not show, so that it is shown later. Shown reminders
 * only grow once they reach the hub; until then its queued change is taken back too.
 */
export async function forgetReminder(db: GapbridgeDatabase, id: string): Promise<void> {
  await db.transaction('rw', [db.reminders, db.outbox], async () => {
    await db.reminders.delete(id);
    await db.outbox.filter((entry) => entry.table === 'reminders' && entry.key === id).delete();
  });
}
