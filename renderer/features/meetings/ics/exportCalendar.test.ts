import ical from 'ical';
import { describe, expect, it } from 'vitest';
import type { MeetingRecord } from '../../../db/records';
import { addDays } from '../model/calendarDate';
import { exportCalendar, type ExportOptions } from './exportCalendar';
import { importCalendar } from './importCalendar';

// Dated in 2031, so that these tests never depend on the day they run.
const NOW = new Date('2031-01-01T00:00:00Z');
const meeting: MeetingRecord = {
  id: 'sg5-2031-03@gapbridge.test',
  kind: 'study-group',
  group: 'SG5',
  title: { en: 'SG5 meeting' },
  // 09:30 to 17:30 in Geneva, 24 March to 4 April 2031: the clocks change on 30 March.
  start: '2031-03-24T08:30:00.000Z',
  end: '2031-04-04T15:30:00.000Z',
  timeZone: 'Europe/Zurich',
  place: 'Geneva',
  remoteParticipation: true,
  links: {},
  deadlines: [],
  origin: 'imported',
  updatedAt: NOW.toISOString(),
};
const options: ExportOptions = {
  language: 'en',
  reminderDays: 3,
  labels: { deadline: (kind, title) => `${kind}: ${title}`, virtual: 'Virtual' },
};
const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
/** The events as another iCalendar parser (the `ical` package) reads the file. */
const otherParser = (ics: string) => Object.values(ical.parseICS(ics)).filter((c) => c.type === 'VEVENT');

describe('a multi-day meeting is exported as daily sessions', () => {
  const ics = exportCalendar([meeting], options, NOW);
  const sessions = otherParser(ics).filter((event) => !event.uid!.includes('/deadline/'));

  it('one event a day with the daily hours, in the meeting’s own zone across a clock change', () => {
    expect(sessions).toHaveLength(12);
    const local = (date: Date) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Zurich', dateStyle: 'short', timeStyle: 'short' }).format(
        date,
      );
    const days = Array.from({ length: 12 }, (_, day) => addDays('2031-03-24', day).split('-').reverse().join('/'));
    expect(sessions.map((event) => `${local(event.start!)}–${local(event.end!).slice(-5)}`)).toEqual(
      days.map((day) => `${day}, 09:30–17:30`),
    );
  });

  it('reads back as the one meeting it is', () => {
    const { meetings } = importCalendar(bytes(ics), { now: NOW });
    expect(meetings).toEqual([{ ...meeting, updatedAt: NOW.toISOString() }]);
  });

  it('gives a personal event no deadlines', () => {
    const personal = exportCalendar([{ ...meeting, id: 'call@example.org', kind: 'personal' }], options, NOW);
    expect(personal).not.toContain('/deadline/');
    expect(ics).toContain(`UID:${meeting.id}/deadline/contribution`);
  });
});

describe('hostile titles stay text', () => {
  const hostile = [
    'Two\r\nlines',
    'Bare\rreturn and\nnewline',
    'Bell\u0007, null\u0000, escape\u001b and delete\u007f',
    'SG13 END:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:Click https://phish.example\r\nEND:VEVENT',
    'Commas, semicolons; back\\slashes',
    'Réunion de la CE 13 ИК13 国际电联 اجتماع '.repeat(6).trim(),
  ];
  const meetings = hostile.map((title, index): MeetingRecord => ({
    ...meeting,
    id: `hostile-${index}@gapbridge.test`,
    kind: 'personal',
    title: { en: title, fr: title },
    place: title,
    end: meeting.start.replace('08:30', '15:30'),
  }));
  const ics = exportCalendar(meetings, options, NOW);
  // What a title becomes: line breaks kept as line breaks, other control characters dropped.
  // eslint-disable-next-line no-control-regex
  const expected = (title: string) => title.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');

  it('writes no line that a title started, and no control character', () => {
    const lines = ics.split('\r\n');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(hostile.length);
    expect(lines.some((line) => line.startsWith('UID:evil'))).toBe(false);
    // eslint-disable-next-line no-control-regex
    expect(lines.every((line) => !/[\u0000-\u001f\u007f]/.test(line))).toBe(true);
    expect(lines.every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
  });

  it('reads back the same titles in Gapbridge', () => {
    const { meetings: back } = importCalendar(bytes(ics), { now: NOW });
    expect(back.map((m) => [m.title.en, m.title.fr, m.place])).toEqual(
      hostile.map((title) => [expected(title), expected(title), expected(title)]),
    );
  });

  it('reads back the same titles in another parser', () => {
    const events = otherParser(ics);
    expect(events.map((event) => event.uid)).toEqual(meetings.map((m) => m.id));
    expect(events.map((event) => [event.summary, event.location])).toEqual(
      hostile.map((title) => [expected(title), expected(title)]),
    );
  });
});
