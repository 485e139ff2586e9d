import ICAL from 'ical.js';
import type { DeadlineKind, MeetingRecord } from '../../../db/records';
import type { LanguageCode } from '../../../i18n/languages';
import { dateInZone, addDays } from '../model/calendarDate';
import { meetingDeadlines } from '../model/deadlines';
import { meetingTitle } from '../model/titles';
import { PRODUCT_ID, X } from './gapbridgeProperties';

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

function utc(iso: string) {
  return ICAL.Time.fromJSDate(new Date(iso), true);
}

function alarm(description: string, daysBefore: number): ICAL.Component {
  const valarm = new ICAL.Component('valarm');
  valarm.addPropertyWithValue('action', 'DISPLAY');
  valarm.addPropertyWithValue('description', description);
  valarm.addPropertyWithValue('trigger', ICAL.Duration.fromData({ days: daysBefore, isNegative: true }));
  return valarm;
}

function meetingEvent(meeting: MeetingRecord, options: ExportOptions, stamp: ICAL.Time): ICAL.Component {
  const title = meetingTitle(meeting, options.language);
  const event = new ICAL.Component('vevent');
  event.addPropertyWithValue('uid', meeting.id);
  event.addPropertyWithValue('dtstamp', stamp);
  event.addPropertyWithValue('dtstart', utc(meeting.start));
  event.addPropertyWithValue('dtend', utc(meeting.end));
  event.addPropertyWithValue('summary', title);
  event.addPropertyWithValue('location', meeting.place ?? options.labels.virtual);
  event.addPropertyWithValue('categories', meeting.group);
  if (meeting.links.meetingPage) event.addPropertyWithValue('url', meeting.links.meetingPage);
  event.addPropertyWithValue(X.kind, meeting.kind);
  event.addPropertyWithValue(X.group, meeting.group);
  event.addPropertyWithValue(X.timeZone, meeting.timeZone);
  event.addPropertyWithValue(X.remote, meeting.remoteParticipation ? 'TRUE' : 'FALSE');
  if (meeting.source) event.addPropertyWithValue(X.source, meeting.source);
  if (meeting.preparesMeetingId) event.addPropertyWithValue(X.prepares, meeting.preparesMeetingId);
  if (meeting.links.collectiveLetter) event.addPropertyWithValue(X.collectiveLetter, meeting.links.collectiveLetter);
  for (const [language, text] of Object.entries(meeting.title)) {
    event.addPropertyWithValue(X.title, text).setParameter('language', language);
  }
  event.addSubcomponent(alarm(title, 1));
  return event;
}

function deadlineEvents(meeting: MeetingRecord, options: ExportOptions, stamp: ICAL.Time): ICAL.Component[] {
  const title = meetingTitle(meeting, options.language);
  const opening = dateInZone(new Date(meeting.start), meeting.timeZone);
  return meetingDeadlines(opening, meeting.deadlines).map((deadline) => {
    const summary = options.labels.deadline(deadline.kind, title, deadline.official);
    const event = new ICAL.Component('vevent');
    event.addPropertyWithValue('uid', `${meeting.id}/deadline/${deadline.kind}`);
    event.addPropertyWithValue('dtstamp', stamp);
    event.addPropertyWithValue('dtstart', ICAL.Time.fromDateString(deadline.date));
    event.addPropertyWithValue('dtend', ICAL.Time.fromDateString(addDays(deadline.date, 1)));
    event.addPropertyWithValue('summary', summary);
    event.addPropertyWithValue('transp', 'TRANSPARENT');
    event.addPropertyWithValue(X.deadlineFor, meeting.id);
    event.addPropertyWithValue(X.deadlineKind, deadline.kind);
    event.addPropertyWithValue(X.official, deadline.official ? 'TRUE' : 'FALSE');
    event.addSubcomponent(alarm(summary, options.reminderDays));
    return event;
  });
}

/**
 * An RFC 5545 calendar of the meetings and each one's deadlines (all-day events, with alarms),
 * as Outlook, Google Calendar and Apple Calendar import it. Times are UTC; our X- properties keep
 * the meeting's own time zone, kind, group and titles so that Gapbridge reads back the same data.
 */
export function exportCalendar(meetings: readonly MeetingRecord[], options: ExportOptions, now = new Date()): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('prodid', PRODUCT_ID);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  const stamp = ICAL.Time.fromJSDate(now, true);
  for (const meeting of meetings) {
    calendar.addSubcomponent(meetingEvent(meeting, options, stamp));
    for (const event of deadlineEvents(meeting, options, stamp)) calendar.addSubcomponent(event);
  }
  return calendar.toString().replace(/\r?\n/g, '\r\n') + '\r\n';
}
