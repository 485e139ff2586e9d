import { describe, expect, it } from 'vitest';
import type { MeetingRecord } from '../../../db/records';
import { CalendarFileError } from './calendarFileError';
import { exportCalendar, type ExportOptions } from './exportCalendar';
import { importCalendar, MAX_CALENDAR_BYTES } from './importCalendar';

// Fixtures are dated in 2031, so these tests never depend on the day they run.
const sg13: MeetingRecord = {
  id: 'sg13-2031-03@gapbridge.test',
  kind: 'study-group',
  group: 'SG13',
  title: { en: 'SG13 meeting', fr: 'Réunion de la SG13', ar: 'اجتماع SG13' },
  start: '2031-03-10T08:30:00.000Z',
  end: '2031-03-21T16:30:00.000Z',
  timeZone: 'Europe/Zurich',
  place: 'Geneva',
  remoteParticipation: true,
  links: { meetingPage: 'https://www.itu.int/go/tsg13', collectiveLetter: 'Collective letter 3/13' },
  deadlines: [{ kind: 'translation', date: '2031-01-09', official: true }],
  origin: 'bundled',
  source: 'fixture',
  updatedAt: '2030-12-01T00:00:00.000Z',
};
const eMeeting: MeetingRecord = {
  ...sg13,
  id: 'wp1-17-2031-05@gapbridge.test',
  kind: 'working-party',
  group: 'WP1/17',
  title: { en: 'WP1/17 e-plenary' },
  start: '2031-05-06T12:00:00.000Z',
  end: '2031-05-06T15:00:00.000Z',
  place: null,
  links: {},
  deadlines: [],
  source: undefined,
};

const options: ExportOptions = {
  language: 'en',
  reminderDays: 3,
  labels: {
    deadline: (kind, title, isOfficial) => `${kind} deadline: ${title}${isOfficial ? '' : ' (estimate)'}`,
    virtual: 'Virtual',
  },
};

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

function refusal(input: ArrayBuffer): string {
  try {
    importCalendar(input);
  } catch (error) {
    if (error instanceof CalendarFileError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('exportCalendar', () => {
  const ics = exportCalendar([sg13, eMeeting], options, new Date('2031-01-01T00:00:00Z'));

  it('writes an RFC 5545 calendar with CRLF lines, events and their deadlines with alarms', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(ics).toContain('VERSION:2.0');
    expect(ics).toContain('PRODID:-//Gapbridge//Gapbridge calendar//EN');
    expect(ics).toContain('DTSTART:20310310T083000Z');
    expect(ics).toContain('UID:sg13-2031-03@gapbridge.test/deadline/contribution');
    expect(ics).toContain('DTSTART;VALUE=DATE:20310225');
    expect(ics).toContain('SUMMARY:translation deadline: SG13 meeting\r\n');
    expect(ics).toContain('SUMMARY:contribution deadline: SG13 meeting (estimate)');
    expect(ics).toContain('TRIGGER:-P3D');
    // SG13 sits 12 days (daily sessions), the e-plenary one; each has five deadlines.
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(12 + 1 + 2 * 5);
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
  });

  it('reads back the same meetings (round trip)', () => {
    const { meetings } = importCalendar(bytes(ics), { now: new Date('2031-01-02T00:00:00Z') });
    const strip = ({ origin: _origin, updatedAt: _updatedAt, ...rest }: MeetingRecord) => rest;
    expect(meetings.map(strip)).toEqual([sg13, eMeeting].map(strip));
    expect(meetings.every((m) => m.origin === 'imported')).toBe(true);
  });
});

describe('importCalendar from other calendars', () => {
  it('reads an Outlook event in its own VTIMEZONE, and one in an IANA zone', () => {
    const outlook = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
      'BEGIN:VTIMEZONE',
      'TZID:W. Europe Standard Time',
      'BEGIN:STANDARD',
      'DTSTART:16011028T030000',
      'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:16010325T020000',
      'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:040000008200E00074C5B7101A82E008',
      'DTSTAMP:20310101T000000Z',
      'DTSTART;TZID=W. Europe Standard Time:20310707T093000',
      'DTEND;TZID=W. Europe Standard Time:20310711T173000',
      'SUMMARY:ITU-T SG17 Rapporteur group meeting Q4/17',
      'LOCATION:Geneva',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:tashkent-2031@example.org',
      'DTSTAMP:20310101T000000Z',
      'DTSTART;TZID=Asia/Tashkent:20311027T090000',
      'DTEND;TZID=Asia/Tashkent:20311105T180000',
      'SUMMARY:SG13 meeting',
      'LOCATION:Tashkent',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const { meetings } = importCalendar(bytes(outlook));
    expect(meetings[0]).toMatchObject({
      start: '2031-07-07T07:30:00.000Z',
      kind: 'rapporteur-group',
      group: 'SG17',
      place: 'Geneva',
    });
    expect(meetings[1]).toMatchObject({ start: '2031-10-27T04:00:00.000Z', timeZone: 'Asia/Tashkent', group: 'SG13' });
  });
});

describe('importCalendar refuses bad files, whole', () => {
  const event = (lines: string[]) =>
    ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:test', 'BEGIN:VEVENT', ...lines, 'END:VEVENT', 'END:VCALENDAR', ''].join(
      '\r\n',
    );

  it('an event with no DTSTART', () => {
    const file = event(['UID:a', 'SUMMARY:SG13']);
    expect(refusal(bytes(file))).toBe('missing-start');
  });

  it('an unknown TZID', () => {
    expect(refusal(bytes(event(['UID:a', 'DTSTART;TZID=Mars/Olympus:20310101T090000', 'SUMMARY:x'])))).toBe(
      'unknown-time-zone',
    );
  });

  it('not a file in another encoding (Latin-1): that is decoded', () => {
    const latin1 = new Uint8Array(
      [...new TextEncoder().encode(event(['UID:a', 'DTSTART:20310101T090000Z', 'SUMMARY:Réunion']))].flatMap(
        (b, i, all) => (b === 0xc3 ? [all[i + 1]! + 0x40] : all[i - 1] === 0xc3 ? [] : [b]),
      ),
    );
    expect(refusal(latin1.buffer)).toBe('accepted');
    expect(importCalendar(latin1.buffer).meetings[0]!.title).toEqual({ en: 'Réunion' });
  });

  it('binary junk', () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(refusal(junk.buffer)).toBe('not-text');
    expect(refusal(bytes('%PDF-1.7 not a calendar'))).toBe('not-calendar');
  });

  it('a 50 MB file, before reading it', () => {
    expect(refusal(new ArrayBuffer(50 * 1024 * 1024))).toBe('too-large');
    expect(MAX_CALENDAR_BYTES).toBeLessThan(50 * 1024 * 1024);
  });

  it('broken iCalendar syntax', () => {
    expect(
      refusal(bytes('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nthis is not a property\r\nEND:VCALENDAR\r\n')),
    ).toBe('malformed');
    expect(refusal(bytes(event(['UID:a', 'DTSTART:2031-99-99', 'SUMMARY:x'])))).toBe('malformed');
  });

  it('a calendar with no events', () => {
    expect(refusal(bytes('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n'))).toBe('no-events');
  });
});
