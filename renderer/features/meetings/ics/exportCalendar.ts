import ICAL from 'ical.js';
import type { DeadlineKind, MeetingRecord } from '../../../db/records';
import type { LanguageCode } from '../../../i18n/languages';
import { addDays, dateInZone, daysBetween } from '../model/calendarDate';
import { meetingDeadlines } from '../model/deadlines';
import { meetingTitle } from '../model/titles';
import { PRODUCT_ID, X } from './gapbridgeProperties';
import { instantToWallTime, isIanaZone, wallTimeToInstant, type WallTime } from './timeZones';

export interface ExportLabels {
  deadline(kind: DeadlineKind, title: string, isOfficial: boolean): string;
  virtual: string;
}

export interface ExportOptions {
  language: LanguageCode;
  labels: ExportLabels;
  /** Alarm this many days before each deadline. */
  reminderDays: number;
}

function utc(instant: string | number) {
  return ICAL.Time.fromJSDate(new Date(instant), true);
}

// Line breaks become "\n" (ical.js escapes them); other control characters, which RFC 5545 does
// not allow in text, are dropped, so that no title can end a line and start a property of its own.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/** A TEXT property; our X- properties say VALUE=TEXT, so that they are escaped and read back as text. */
function addText(component: ICAL.Component, name: string, value: string): ICAL.Property {
  const property = new ICAL.Property(name, component);
  if (name.startsWith('x-')) property.resetType('text');
  property.setValue(cleanText(value));
  component.addProperty(property);
  return property;
}

function alarm(description: string, daysBefore: number): ICAL.Component {
  const valarm = new ICAL.Component('valarm');
  valarm.addPropertyWithValue('action', 'DISPLAY');
  addText(valarm, 'description', description);
  valarm.addPropertyWithValue('trigger', ICAL.Duration.fromData({ days: daysBefore, isNegative: true }));
  return valarm;
}

interface Session {
  start: number;
  end: number;
}

/**
 * A meeting as the days it sits, each from the first day's start time to the last day's end time
 * (in the meeting's own zone): a twelve-day meeting is twelve daily sessions, not one block.
 * A meeting of one day, or whose end time is not after its start time, stays one block.
 */
export function dailySessions(meeting: MeetingRecord): Session[] {
  const start = Date.parse(meeting.start);
  const end = Date.parse(meeting.end);
  const whole = [{ start, end }];
  if (!isIanaZone(meeting.timeZone)) return whole;
  const opening = instantToWallTime(start, meeting.timeZone);
  const closing = instantToWallTime(end, meeting.timeZone);
  const timeOfDay = (wall: WallTime) => (wall.hour * 60 + wall.minute) * 60 + wall.second;
  if (timeOfDay(closing) <= timeOfDay(opening)) return whole;
  const firstDay = dateInZone(new Date(start), meeting.timeZone);
  const lastDay = dateInZone(new Date(end), meeting.timeZone);
  const dayCount = daysBetween(firstDay, lastDay) + 1;
  if (dayCount <= 1) return whole;
  return Array.from({ length: dayCount }, (_, index) => {
    const [year, month, day] = addDays(firstDay, index).split('-').map(Number) as [number, number, number];
    const date = { year, month, day };
    return {
      start: wallTimeToInstant({ ...opening, ...date }, meeting.timeZone),
      end: wallTimeToInstant({ ...closing, ...date }, meeting.timeZone),
    };
  });
}

function meetingEvents(meeting: MeetingRecord, options: ExportOptions, stamp: ICAL.Time): ICAL.Component[] {
  const title = meetingTitle(meeting, options.language);
  const [first, ...others] = dailySessions(meeting);
  const session = (uid: string, times: Session) => {
    const event = new ICAL.Component('vevent');
    addText(event, 'uid', uid);
    event.addPropertyWithValue('dtstamp', stamp);
    event.addPropertyWithValue('dtstart', utc(times.start));
    event.addPropertyWithValue('dtend', utc(times.end));
    addText(event, 'summary', title);
    addText(event, 'location', meeting.place ?? options.labels.virtual);
    return event;
  };
  const event = session(meeting.id, first!);
  if (meeting.group) addText(event, 'categories', meeting.group);
  // A URI is not escaped: no character of it may break the line.
  if (meeting.links.meetingPage)
    event.addPropertyWithValue('url', cleanText(meeting.links.meetingPage).replace(/\s/g, ''));
  addText(event, X.kind, meeting.kind);
  addText(event, X.group, meeting.group);
  addText(event, X.timeZone, meeting.timeZone);
  addText(event, X.remote, meeting.remoteParticipation ? 'TRUE' : 'FALSE');
  if (meeting.source) addText(event, X.source, meeting.source);
  if (meeting.preparesMeetingId) addText(event, X.prepares, meeting.preparesMeetingId);
  if (meeting.links.collectiveLetter) addText(event, X.collectiveLetter, meeting.links.collectiveLetter);
  for (const [language, text] of Object.entries(meeting.title)) {
    addText(event, X.title, text).setParameter('language', language);
  }
  event.addSubcomponent(alarm(title, 1));
  const days = others.map((times) => {
    const day = session(`${meeting.id}/session/${new Date(times.start).toISOString().slice(0, 10)}`, times);
    addText(day, X.sessionOf, meeting.id);
    return day;
  });
  return [event, ...days];
}

function deadlineEvents(meeting: MeetingRecord, options: ExportOptions, stamp: ICAL.Time): ICAL.Component[] {
  // A personal event (someone's own calendar) has no ITU deadlines.
  if (meeting.kind === 'personal') return [];
  const title = meetingTitle(meeting, options.language);
  const opening = dateInZone(new Date(meeting.start), meeting.timeZone);
  return meetingDeadlines(opening, meeting.deadlines).map((deadline) => {
    const summary = options.labels.deadline(deadline.kind, title, deadline.official);
    const event = new ICAL.Component('vevent');
    addText(event, 'uid', `${meeting.id}/deadline/${deadline.kind}`);
    event.addPropertyWithValue('dtstamp', stamp);
    event.addPropertyWithValue('dtstart', ICAL.Time.fromDateString(deadline.date));
    event.addPropertyWithValue('dtend', ICAL.Time.fromDateString(addDays(deadline.date, 1)));
    addText(event, 'summary', summary);
    event.addPropertyWithValue('transp', 'TRANSPARENT');
    addText(event, X.deadlineFor, meeting.id);
    addText(event, X.deadlineKind, deadline.kind);
    addText(event, X.official, deadline.official ? 'TRUE' : 'FALSE');
    event.addSubcomponent(alarm(summary, options.reminderDays));
    return event;
  });
}

/**
 * An RFC 5545 calendar of the meetings (as daily sessions) and each one's deadlines (all-day
 * events, with alarms), as Outlook, Google Calendar and Apple Calendar import it, built with
 * ical.js's component model, which escapes and folds every value. Times are UTC; our X-
 * properties keep the meeting's own time zone, kind, group and titles so that Gapbridge reads
 * back the same data.
 */
export function exportCalendar(meetings: readonly MeetingRecord[], options: ExportOptions, now = new Date()): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('prodid', PRODUCT_ID);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  const stamp = ICAL.Time.fromJSDate(now, true);
  for (const meeting of meetings) {
    for (const event of meetingEvents(meeting, options, stamp)) calendar.addSubcomponent(event);
    for (const event of deadlineEvents(meeting, options, stamp)) calendar.addSubcomponent(event);
  }
  // ical.js folds after foldLength octets and the next line then starts with a space: 74 keeps
  // every line within RFC 5545's 75 octets.
  const foldLength = ICAL.foldLength;
  ICAL.foldLength = 74;
  try {
    return calendar.toString().replace(/\r?\n/g, '\r\n') + '\r\n';
  } finally {
    ICAL.foldLength = foldLength;
  }
}
