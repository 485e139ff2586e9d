import {
  DEADLINE_KINDS,
  type DeadlineKind,
  type DeadlineRecord,
  type MeetingFormat,
  type MeetingKind,
  type MeetingRecord,
} from '../../../db/records';
import type { LanguageCode } from '../../../i18n/languages';
import { dateInZone, isCalendarDate, type CalendarDate } from './calendarDate';
import { isKnownTimeZone, zonedTimeToInstant } from './zonedTime';

/** What a delegate types in from a collective letter, as the form holds it (strings). */
export interface LetterForm {
  group: string;
  kind: MeetingKind;
  /** Optional: the meeting's name in the delegate's language; else the group and kind are shown. */
  title: string;
  start: string;
  end: string;
  /** The first day's opening and the last day's closing time: the hours of every day. */
  dailyStart: string;
  dailyEnd: string;
  timeZone: string;
  format: MeetingFormat;
  place: string;
  collectiveLetter: string;
  /** The deadlines the letter prints; empty when it prints none of that kind. */
  deadlines: Record<DeadlineKind, string>;
}

/** The fields a delegate fills for a meeting the calendar already has: only what the letter adds. */
export type LetterEntryForm = Pick<LetterForm, 'collectiveLetter' | 'deadlines'>;

export type LetterFormError =
  | 'group-missing'
  | 'start-invalid'
  | 'end-invalid'
  | 'end-before-start'
  | 'time-invalid'
  | 'time-zone-unknown'
  | 'place-missing'
  | 'letter-missing'
  | 'deadline-invalid'
  | 'deadline-after-start';

export type LetterFormErrors = Partial<Record<keyof LetterForm | `deadline-${DeadlineKind}`, LetterFormError>>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function emptyDeadlines(): Record<DeadlineKind, string> {
  return Object.fromEntries(DEADLINE_KINDS.map((k) => [k, ''])) as Record<DeadlineKind, string>;
}

export function emptyLetterForm(): LetterForm {
  return {
    group: '',
    kind: 'study-group',
    title: '',
    start: '',
    end: '',
    dailyStart: '09:30',
    dailyEnd: '17:30',
    timeZone: 'Europe/Zurich',
    format: 'in-person',
    place: '',
    collectiveLetter: '',
    deadlines: emptyDeadlines(),
  };
}

function timeInZone(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}

/** The form filled with a stored meeting, to edit it. */
export function letterFormOf(meeting: MeetingRecord, language: LanguageCode): LetterForm {
  const deadlines = emptyDeadlines();
  for (const d of [...meeting.deadlines, ...(meeting.letterEntry?.deadlines ?? [])]) {
    if (d.official) deadlines[d.kind] = d.date;
  }
  return {
    group: meeting.group,
    kind: meeting.kind,
    title: meeting.title[language] ?? '',
    start: dateInZone(new Date(meeting.start), meeting.timeZone),
    end: dateInZone(new Date(meeting.end), meeting.timeZone),
    dailyStart: timeInZone(meeting.start, meeting.timeZone),
    dailyEnd: timeInZone(meeting.end, meeting.timeZone),
    timeZone: meeting.timeZone,
    format:
      meeting.format ?? (meeting.place === null ? 'virtual' : meeting.remoteParticipation ? 'hybrid' : 'in-person'),
    place: meeting.place ?? '',
    collectiveLetter: meeting.letterEntry?.collectiveLetter ?? meeting.links.collectiveLetter ?? '',
    deadlines,
  };
}

function checkDeadlines(form: LetterEntryForm, opening: CalendarDate | null, errors: LetterFormErrors) {
  const deadlines: DeadlineRecord[] = [];
  for (const kind of DEADLINE_KINDS) {
    const date = form.deadlines[kind].trim();
    if (!date) continue;
    if (!isCalendarDate(date)) errors[`deadline-${kind}`] = 'deadline-invalid';
    else if (opening && date > opening) errors[`deadline-${kind}`] = 'deadline-after-start';
    else deadlines.push({ kind, date, official: true });
  }
  return deadlines;
}

/** Checks what only a letter adds to a shipped meeting; the dates it prints become official. */
export function readLetterEntry(
  form: LetterEntryForm,
  opening: CalendarDate,
): { ok: true; collectiveLetter: string; deadlines: DeadlineRecord[] } | { ok: false; errors: LetterFormErrors } {
  const errors: LetterFormErrors = {};
  const collectiveLetter = form.collectiveLetter.trim();
  if (!collectiveLetter) errors.collectiveLetter = 'letter-missing';
  const deadlines = checkDeadlines(form, opening, errors);
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, collectiveLetter, deadlines };
}

/**
 * Checks the form and makes the meeting it describes, or says what is wrong with each field.
 * Times are the meeting's local wall-clock times in its zone, as the letter prints them.
 */
export function readLetterForm(
  form: LetterForm,
  base: { id: string; language: LanguageCode; now: Date; previous?: MeetingRecord | undefined },
): { ok: true; meeting: MeetingRecord } | { ok: false; errors: LetterFormErrors } {
  const errors: LetterFormErrors = {};
  const group = form.group.trim().toUpperCase();
  if (!group) errors.group = 'group-missing';
  const start = form.start.trim();
  const end = form.end.trim();
  if (!isCalendarDate(start)) errors.start = 'start-invalid';
  if (!isCalendarDate(end)) errors.end = 'end-invalid';
  else if (isCalendarDate(start) && end < start) errors.end = 'end-before-start';
  if (!TIME.test(form.dailyStart)) errors.dailyStart = 'time-invalid';
  if (!TIME.test(form.dailyEnd)) errors.dailyEnd = 'time-invalid';
  if (!isKnownTimeZone(form.timeZone.trim()) || !form.timeZone.trim()) errors.timeZone = 'time-zone-unknown';
  const place = form.place.trim();
  if (form.format !== 'virtual' && !place) errors.place = 'place-missing';
  const collectiveLetter = form.collectiveLetter.trim();
  // A personal event (the delegate's own, from their calendar) has no letter.
  if (!collectiveLetter && form.kind !== 'personal') errors.collectiveLetter = 'letter-missing';
  const deadlines = form.kind === 'personal' ? [] : checkDeadlines(form, isCalendarDate(start) ? start : null, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const timeZone = form.timeZone.trim();
  const title = form.title.trim();
  const { [base.language]: _typedBefore, ...otherTitles } = base.previous?.title ?? {};
  return {
    ok: true,
    meeting: {
      id: base.id,
      kind: form.kind,
      group,
      title: title ? { ...otherTitles, [base.language]: title } : otherTitles,
      start: zonedTimeToInstant(start, form.dailyStart, timeZone).toISOString(),
      end: zonedTimeToInstant(end, form.dailyEnd, timeZone).toISOString(),
      timeZone,
      place: form.format === 'virtual' ? null : place,
      remoteParticipation: form.format !== 'in-person',
      format: form.format,
      links: { ...(base.previous?.links ?? {}), ...(collectiveLetter ? { collectiveLetter } : {}) },
      deadlines,
      origin: base.previous?.origin === 'imported' ? 'imported' : 'entered',
      updatedAt: base.now.toISOString(),
    },
  };
}
