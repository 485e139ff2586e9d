import ICAL from 'ical.js';
import {
  DEADLINE_KINDS,
  MEETING_KINDS,
  type DeadlineKind,
  type DeadlineRecord,
  type MeetingKind,
  type MeetingRecord,
} from '../../../db/records';
import { isLanguageCode, type LanguageCode } from '../../../i18n/languages';
import { isCalendarDate } from '../model/calendarDate';
import { isKnownTimeZone, zonedTimeToInstant } from '../model/zonedTime';
import { CalendarFileError } from './calendarFileError';
import { X } from './gapbridgeProperties';

/** Larger files are refused before they are read: no real meeting calendar comes near it. */
export const MAX_CALENDAR_BYTES = 20 * 1024 * 1024;

function decode(bytes: ArrayBuffer): string {
  if (bytes.byteLength > MAX_CALENDAR_BYTES) throw new CalendarFileError('too-large', `${bytes.byteLength} bytes`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CalendarFileError('not-text', 'not UTF-8');
  }
  if (text.includes('\u0000')) throw new CalendarFileError('not-text', 'binary content');
  text = text.replace(/^\uFEFF/, '');
  if (!/^BEGIN:VCALENDAR\r?\n/i.test(text.trimStart())) throw new CalendarFileError('not-calendar');
  return text;
}

function parse(text: string): ICAL.Component {
  try {
    return new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (error) {
    throw new CalendarFileError('malformed', String(error));
  }
}

interface When {
  instant: Date;
  timeZone: string;
  isDate: boolean;
}

/** The instant of a DTSTART or DTEND, honouring its TZID: a VTIMEZONE in the file, or an IANA zone. */
function whenOf(event: ICAL.Component, name: 'dtstart' | 'dtend', uid: string): When | null {
  const property = event.getFirstProperty(name);
  if (!property) return null;
  let time: ICAL.Time;
  try {
    time = property.getFirstValue() as ICAL.Time;
  } catch (error) {
    throw new CalendarFileError('malformed', `${uid} ${name}: ${String(error)}`);
  }
  if (!(time instanceof ICAL.Time)) throw new CalendarFileError('malformed', `${uid} ${name}`);
  const tzid = property.getParameter('tzid') as string | undefined;
  if (time.isDate) {
    return { instant: new Date(Date.UTC(time.year, time.month - 1, time.day)), timeZone: 'UTC', isDate: true };
  }
  if (!tzid) {
    // "Z" times are UTC; floating times are the wall clock of the person importing.
    const zone = time.zone === ICAL.Timezone.utcTimezone ? 'UTC' : Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone === 'UTC'
      ? { instant: time.toJSDate(), timeZone: 'UTC', isDate: false }
      : { instant: wallClock(time, zone), timeZone: zone, isDate: false };
  }
  if (ICAL.TimezoneService.has(tzid)) {
    return {
      instant: new Date(time.toUnixTime() * 1000),
      timeZone: isKnownTimeZone(tzid) ? tzid : 'UTC',
      isDate: false,
    };
  }
  if (isKnownTimeZone(tzid)) return { instant: wallClock(time, tzid), timeZone: tzid, isDate: false };
  throw new CalendarFileError('unknown-time-zone', `${uid}: ${tzid}`);
}

function wallClock(time: ICAL.Time, timeZone: string): Date {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${time.year}-${pad(time.month)}-${pad(time.day)}`;
  return zonedTimeToInstant(date, `${pad(time.hour)}:${pad(time.minute)}`, timeZone);
}

function text(event: ICAL.Component, name: string): string | undefined {
  const value = event.getFirstPropertyValue(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A group code from our property, the categories, or the title (SG13, WP1/13, TSAG, SG20RG-AFR). */
function groupOf(event: ICAL.Component, summary: string): string {
  return (
    text(event, X.group) ??
    /\b(TSAG|SG\d{1,2}RG-[A-Z]+|WP\d\/\d{1,2}|SG\d{1,2}|Q\d{1,2}\/\d{1,2})\b/.exec(summary)?.[1] ??
    text(event, 'categories') ??
    'ITU-T'
  );
}

function kindOf(event: ICAL.Component, summary: string): MeetingKind {
  const declared = text(event, X.kind);
  if (declared && (MEETING_KINDS as readonly string[]).includes(declared)) return declared as MeetingKind;
  if (/\bTSAG\b/.test(summary)) return 'tsag';
  if (/rapporteur/i.test(summary)) return 'rapporteur-group';
  if (/\bWP\d/.test(summary) || /working party/i.test(summary)) return 'working-party';
  if (/workshop|forum/i.test(summary)) return 'workshop';
  if (/clinic/i.test(summary)) return 'contribution-clinic';
  if (/newcomer/i.test(summary)) return 'newcomer-session';
  if (/\bBSG\b/.test(summary)) return 'bsg-session';
  if (/RG-/.test(summary)) return 'regional-group';
  return 'study-group';
}

function titlesOf(event: ICAL.Component, summary: string): Partial<Record<LanguageCode, string>> {
  const titles: Partial<Record<LanguageCode, string>> = {};
  for (const property of event.getAllProperties(X.title)) {
    const language = property.getParameter('language');
    const value = property.getFirstValue();
    if (isLanguageCode(language) && typeof value === 'string') titles[language] = value;
  }
  return Object.keys(titles).length ? titles : { en: summary };
}

export interface ImportedCalendar {
  meetings: MeetingRecord[];
  /** Events that were deadlines of the meetings (folded into them). */
  deadlineEvents: number;
}

/**
 * Reads an iCalendar file into meetings, keyed by UID. Everything is checked before anything is
 * returned: a file with any bad event is refused whole, with the reason as a CalendarFileError.
 * The deadline events Gapbridge exports are folded back into their meetings (official ones kept,
 * estimates dropped: they are recomputed).
 */
export function importCalendar(bytes: ArrayBuffer, now = new Date()): ImportedCalendar {
  const calendar = parse(decode(bytes));
  if (calendar.name !== 'vcalendar') throw new CalendarFileError('not-calendar');
  // A file's own zone definitions (Outlook's "W. Europe Standard Time") are used for this file
  // only; IANA names are always resolved by Intl, never by a definition in the file.
  const ownZones = calendar
    .getAllSubcomponents('vtimezone')
    .map((zone) => [zone, zone.getFirstPropertyValue('tzid')] as const)
    .filter(
      (entry): entry is readonly [ICAL.Component, string] => typeof entry[1] === 'string' && !isKnownTimeZone(entry[1]),
    );
  for (const [zone] of ownZones) ICAL.TimezoneService.register(zone);
  try {
    return readEvents(calendar, now);
  } finally {
    for (const [, tzid] of ownZones) ICAL.TimezoneService.remove(tzid);
  }
}

function readEvents(calendar: ICAL.Component, now: Date): ImportedCalendar {
  const meetings = new Map<string, MeetingRecord>();
  const deadlines: { meetingId: string; deadline: DeadlineRecord }[] = [];
  for (const event of calendar.getAllSubcomponents('vevent')) {
    const uid = text(event, 'uid') ?? '(no UID)';
    const start = whenOf(event, 'dtstart', uid);
    if (!start) throw new CalendarFileError('missing-start', uid);
    const deadlineFor = text(event, X.deadlineFor);
    if (deadlineFor) {
      const kind = text(event, X.deadlineKind);
      const date = start.instant.toISOString().slice(0, 10);
      if (
        text(event, X.official) === 'TRUE' &&
        kind &&
        (DEADLINE_KINDS as readonly string[]).includes(kind) &&
        isCalendarDate(date)
      ) {
        deadlines.push({ meetingId: deadlineFor, deadline: { kind: kind as DeadlineKind, date, official: true } });
      }
      continue;
    }
    if (uid === '(no UID)') throw new CalendarFileError('malformed', 'an event has no UID');
    const end = whenOf(event, 'dtend', uid) ?? start;
    const summary = text(event, 'summary') ?? uid;
    const location = text(event, 'location');
    const isVirtual = !location || /^(virtual|online|e-meeting)$/i.test(location);
    const ownZone = text(event, X.timeZone);
    meetings.set(uid, {
      id: uid,
      kind: kindOf(event, summary),
      group: groupOf(event, summary),
      title: titlesOf(event, summary),
      start: start.instant.toISOString(),
      end: (end.isDate && end.instant > start.instant
        ? new Date(end.instant.getTime() - 1)
        : end.instant
      ).toISOString(),
      timeZone: ownZone && isKnownTimeZone(ownZone) ? ownZone : start.timeZone,
      place: isVirtual ? null : location,
      remoteParticipation: text(event, X.remote) !== 'FALSE',
      links: {
        ...(text(event, 'url') ? { meetingPage: text(event, 'url') } : {}),
        ...(text(event, X.collectiveLetter) ? { collectiveLetter: text(event, X.collectiveLetter) } : {}),
      },
      deadlines: [],
      ...(text(event, X.prepares) ? { preparesMeetingId: text(event, X.prepares) } : {}),
      origin: 'imported',
      ...(text(event, X.source) ? { source: text(event, X.source) } : {}),
      updatedAt: now.toISOString(),
    });
  }
  for (const { meetingId, deadline } of deadlines) meetings.get(meetingId)?.deadlines.push(deadline);
  if (meetings.size === 0) throw new CalendarFileError('no-events');
  return { meetings: [...meetings.values()], deadlineEvents: deadlines.length };
}
