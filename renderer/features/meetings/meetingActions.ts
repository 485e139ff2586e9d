import type { TFunction } from 'i18next';
import { db } from '../../db';
import { saveImportedMeetings, setFollowing } from '../../db/meetings';
import type { DeadlineKind, FollowRecord, MeetingRecord } from '../../db/records';
import { DEFAULT_REMINDER_DAYS, readSetting } from '../../db/settings';
import type { LanguageCode } from '../../i18n/languages';
import { bridge } from '../../platform/bridge';
import { CalendarFileError, type CalendarFileErrorCode } from './ics/calendarFileError';

export type FileOutcome =
  | { kind: 'imported'; count: number }
  | { kind: 'saved' }
  | { kind: 'refused'; code: CalendarFileErrorCode }
  | { kind: 'not-saved' };

/** Reads an .ics file and stores its meetings in one transaction; a bad file changes nothing. */
export async function importCalendarFile(file: Blob): Promise<FileOutcome> {
  const { importCalendar, MAX_CALENDAR_BYTES } = await import('./ics/importCalendar');
  try {
    if (file.size > MAX_CALENDAR_BYTES) throw new CalendarFileError('too-large');
    const { meetings } = importCalendar(await file.arrayBuffer());
    await saveImportedMeetings(db, meetings);
    return { kind: 'imported', count: meetings.length };
  } catch (error) {
    if (error instanceof CalendarFileError) return { kind: 'refused', code: error.code };
    console.error('Calendar not imported', error);
    return { kind: 'not-saved' };
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
