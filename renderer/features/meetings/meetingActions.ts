import type { TFunction } from 'i18next';
import { db } from '../../db';
import { deleteOwnMeeting, ImportCancelledError, setFollowing, storeImportedCalendar } from '../../db/meetings';
import type { DeadlineKind, FollowRecord, MeetingRecord } from '../../db/records';
import { DEFAULT_REMINDER_DAYS, readSetting } from '../../db/settings';
import type { LanguageCode } from '../../i18n/languages';
import { bridge } from '../../platform/bridge';
import { CalendarFileError, type CalendarFileErrorCode } from './ics/calendarFileError';
import type { ImportedCalendar, SkippedEvent } from './ics/importCalendar';

export type FileOutcome =
  | {
      kind: 'imported';
      count: number;
      /** Stored meetings that the file cancelled, now removed. */
      removed: number;
      /** The file cancels meetings, none of which is stored here. */
      cancelsNothingStored: boolean;
      merged: number;
      skipped: SkippedEvent[];
    }
  | { kind: 'saved' }
  | { kind: 'refused'; code: CalendarFileErrorCode }
  | { kind: 'cancelled' }
  /** The file was read but storing it failed: `full` when the disk has no space left. */
  | { kind: 'not-stored'; full: boolean }
  /** Reading failed for a reason that is not the file's (a bug): said as such. */
  | { kind: 'read-failed' }
  | { kind: 'not-saved' };

export type ImportPhase = { phase: 'reading'; done: number; total: number } | { phase: 'saving' };

function isQuotaError(error: unknown): boolean {
  const names = [error, (error as { inner?: unknown } | null)?.inner].map((e) => (e as { name?: unknown })?.name);
  return names.includes('QuotaExceededError');
}

/**
 * Reads an .ics file (in a worker, with progress) and stores its meetings in one transaction; a
 * bad file, a cancel or a failed write changes nothing, and each says what happened.
 */
export async function importCalendarFile(
  file: Blob,
  options: { onPhase?: (phase: ImportPhase) => void; signal?: AbortSignal } = {},
): Promise<FileOutcome> {
  const { readCalendarFile, CalendarReadCancelledError } = await import('./ics/readCalendarFile');
  const { MAX_CALENDAR_BYTES } = await import('./ics/decodeCalendarText');
  let calendar: ImportedCalendar;
  try {
    if (file.size > MAX_CALENDAR_BYTES) throw new CalendarFileError('too-large');
    calendar = await readCalendarFile(await file.arrayBuffer(), {
      onProgress: (done, total) => options.onPhase?.({ phase: 'reading', done, total }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof CalendarFileError) return { kind: 'refused', code: error.code };
    if (error instanceof CalendarReadCancelledError) return { kind: 'cancelled' };
    console.error('Calendar not read', error);
    return { kind: 'read-failed' };
  }
  options.onPhase?.({ phase: 'saving' });
  try {
    const { removed } = await storeImportedCalendar(
      db,
      calendar.meetings,
      calendar.cancelledIds,
      () => options.signal?.aborted ?? false,
    );
    return {
      kind: 'imported',
      count: calendar.meetings.length,
      removed,
      cancelsNothingStored: calendar.cancelledIds.length > 0 && removed === 0,
      merged: calendar.mergedDuplicates,
      skipped: calendar.skipped,
    };
  } catch (error) {
    if (error instanceof ImportCancelledError) return { kind: 'cancelled' };
    console.error('Calendar not stored', error);
    return { kind: 'not-stored', full: isQuotaError(error) };
  }
}

export async function exportMeetings(
  meetings: readonly MeetingRecord[],
  language: LanguageCode,
  t: TFunction<'meetings'>,
  fileName: string,
): Promise<FileOutcome> {
  const { exportCalendar } = await import('./ics/exportCalendar');
  const reminderDays = (await readSetting(db, 'reminderDays')) ?? DEFAULT_REMINDER_DAYS;
  const text = exportCalendar(meetings, {
    language,
    reminderDays,
    labels: {
      virtual: t('meeting.virtual'),
      deadline: (kind: DeadlineKind, title: string, isOfficial: boolean) =>
        t(isOfficial ? 'deadlines.summary' : 'deadlines.summaryEstimate', {
          deadline: t(`deadlines.kinds.${kind}`),
          title,
        }),
    },
  });
  try {
    return (await bridge.saveFile(fileName, text, 'ics')) ? { kind: 'saved' } : { kind: 'not-saved' };
  } catch (error) {
    console.error('Calendar not saved', error);
    return { kind: 'not-saved' };
  }
}

/** Follows or unfollows, then checks at once whether a newly followed deadline is due a reminder. */
export async function follow(target: FollowRecord['target'], targetId: string, isFollowing: boolean): Promise<void> {
  await setFollowing(db, target, targetId, isFollowing);
  if (isFollowing) {
    const { checkReminders } = await import('./reminders');
    await checkReminders();
  }
}

/** Deletes a meeting the user imported or typed in (never a shipped one); true when it was deleted. */
export function deleteOwnEvent(meetingId: string): Promise<boolean> {
  return deleteOwnMeeting(db, meetingId);
}
