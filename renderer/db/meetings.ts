import type { GapbridgeDatabase } from './database';
import { putWithOutbox } from './outbox';
import type { FollowRecord, MeetingRecord, ReminderRecord, StudyGroupRecord } from './records';

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
 * id (follows are kept), and the imported meetings it cancels removed. Shipped meetings are never
 * removed by a file. `isCancelled` is asked last, so a cancel before the commit changes nothing.
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
    await db.meetings.bulkPut(meetings.map((meeting) => ({ ...meeting, origin: 'imported' as const })));
    if (isCancelled()) throw new ImportCancelledError();
    return { removed: removable.length };
  });
}

/**
 * Deletes a meeting that came from a calendar file, with its follow (queued for the hub), in one
 * transaction. Shipped and published meetings are not the user's to delete: false, nothing changed.
 */
export async function deleteImportedMeeting(db: GapbridgeDatabase, id: string): Promise<boolean> {
  return db.transaction('rw', [db.meetings, db.follows, db.outbox], async () => {
    const meeting = await db.meetings.get(id);
    if (meeting?.origin !== 'imported') return false;
    await db.meetings.delete(id);
    const follow = followId('meeting', id);
    if (await db.follows.get(follow)) {
      await db.follows.delete(follow);
      await db.outbox.add({
        mutationId: crypto.randomUUID(),
        entity: 'follow',
        entityId: follow,
        payload: { deleted: true },
        createdAt: new Date().toISOString(),
      });
    }
    return true;
  });
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
  await db.transaction('rw', [db.follows, db.outbox], async () => {
    if (isFollowing) {
      await putWithOutbox(
        db,
        db.follows,
        { id, target, targetId, createdAt: new Date().toISOString() },
        { entity: 'follow', entityId: id },
      );
    } else {
      await db.follows.delete(id);
      await db.outbox.add({
        mutationId: crypto.randomUUID(),
        entity: 'follow',
        entityId: id,
        payload: { deleted: true },
        createdAt: new Date().toISOString(),
      });
    }
  });
}

export async function shownReminderIds(db: GapbridgeDatabase): Promise<Set<string>> {
  return new Set(await db.reminders.toCollection().primaryKeys());
}

/** Records reminders as shown; stored before they are shown, so none is ever shown twice. */
export async function recordRemindersShown(db: GapbridgeDatabase, ids: readonly string[]): Promise<void> {
  const shownAt = new Date().toISOString();
  await db.reminders.bulkPut(ids.map((id): ReminderRecord => ({ id, shownAt })));
}

export async function forgetReminder(db: GapbridgeDatabase, id: string): Promise<void> {
  await db.reminders.delete(id);
}
