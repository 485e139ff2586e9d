import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CalendarFileError } from './calendarFileError';
import { importCalendar, MAX_OCCURRENCES_PER_EVENT, type ImportedCalendar } from './importCalendar';

// Small files written for these tests (fixtures/), read at a fixed "today" in January 2031.
const NOW = new Date('2031-01-02T00:00:00Z');
const fixture = (name: string) => {
  const file = readFileSync(path.join(import.meta.dirname, 'fixtures', name));
  return file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength);
};
const read = (name: string): ImportedCalendar => importCalendar(fixture(name), { now: NOW });

function refusal(name: string): string {
  try {
    read(name);
  } catch (error) {
    if (error instanceof CalendarFileError) return error.code;
    throw error;
  }
  return 'accepted';
}

const byId = (calendar: ImportedCalendar, id: string) => calendar.meetings.find((m) => m.id === id);

describe('hostile files are bounded, never hang', () => {
  it.each(['hostile-secondly-zone.ics', 'hostile-minutely-zone.ics'])(
    'refuses %s: a time zone whose rule repeats every second or minute',
    (name) => {
      expect(fixture(name).byteLength).toBeLessThan(433);
      expect(refusal(name)).toBe('too-complex');
    },
  );

  it('keeps the good events when the hostile zone is used by one of them only', () => {
    const text = new TextDecoder()
      .decode(fixture('hostile-secondly-zone.ics'))
      .replace(
        'END:VCALENDAR',
        'BEGIN:VEVENT\r\nUID:fine@example.org\r\nSUMMARY:ITU-T SG13 meeting\r\nDTSTART:20310301T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR',
      );
    const calendar = importCalendar(new TextEncoder().encode(text).buffer as ArrayBuffer, { now: NOW });
    expect(calendar.meetings.map((m) => m.id)).toEqual(['fine@example.org']);
    expect(calendar.skipped).toEqual([expect.objectContaining({ uid: 'hostile@example.org', reason: 'too-complex' })]);
  });
});

describe('recurring events', () => {
  const calendar = read('recurring.ics');
  const weekly = calendar.meetings.filter((m) => m.id.startsWith('weekly-call@example.org/'));

  it('expands RRULE with RDATE, less EXDATE, with an override replacing its occurrence and a cancelled one removed', () => {
    expect(weekly.map((m) => [m.id.split('/')[1], m.start, m.title.en])).toEqual([
      ['2031-01-06T13:00:00Z', '2031-01-06T13:00:00.000Z', 'National coordination call'],
      ['2031-01-08T09:00:00Z', '2031-01-08T09:00:00.000Z', 'National coordination call'],
      ['2031-01-20T13:00:00Z', '2031-01-21T15:00:00.000Z', 'National coordination call (moved)'],
      ['2031-02-03T13:00:00Z', '2031-02-03T13:00:00.000Z', 'National coordination call'],
    ]);
    expect(calendar.cancelledIds).toContain('weekly-call@example.org/2031-01-27T13:00:00Z');
    expect(weekly.every((m) => m.kind === 'personal' && m.timeZone === 'Europe/Paris')).toBe(true);
  });

  it('bounds an unending rule to the window (a year back, two years ahead) and its count', () => {
    const daily = calendar.meetings.filter((m) => m.id.startsWith('daily-forever@example.org/'));
    expect(daily.length).toBeGreaterThan(365);
    expect(daily.length).toBeLessThanOrEqual(MAX_OCCURRENCES_PER_EVENT);
    expect(daily[0]!.start >= '2030-01-01').toBe(true);
    expect(daily.at(-1)!.start <= '2033-01-03').toBe(true);
    expect(daily[0]!.end).toBe(daily[0]!.start.replace('08:00:00', '08:15:00'));
  });

  it('skips with a reason a series wholly outside the window, and one that repeats hourly', () => {
    expect(calendar.skipped.map((s) => [s.uid, s.reason])).toEqual([
      ['yearly-old@example.org', 'outside-window'],
      ['hourly@example.org', 'recurs-too-often'],
    ]);
  });
});

describe('dates, durations and status', () => {
  it('keeps an all-day event on its date in every zone, DTEND exclusive', () => {
    const calendar = read('all-day.ics');
    expect(byId(calendar, 'epiphany@example.org')).toMatchObject({
      start: '2031-01-06T00:00:00.000Z',
      end: '2031-01-06T23:59:59.999Z',
      timeZone: 'UTC',
    });
    expect(byId(calendar, 'workshop@example.org')).toMatchObject({
      start: '2031-02-10T00:00:00.000Z',
      end: '2031-02-12T23:59:59.999Z',
    });
    expect(byId(calendar, 'no-end@example.org')!.end).toBe('2031-03-01T23:59:59.999Z');
  });

  it('reads DURATION (a day stays a day across a clock change), keeps seconds, and removes a cancelled event', () => {
    const calendar = read('duration.ics');
    expect(byId(calendar, 'duration@example.org')).toMatchObject({
      start: '2031-03-10T08:30:15.000Z',
      end: '2031-03-10T11:00:30.000Z',
    });
    // 28 March 2031 09:00 CET to 29 March 09:00: the clocks change on 30 March, so 24 hours.
    expect(byId(calendar, 'day-duration@example.org')).toMatchObject({
      start: '2031-03-28T08:00:00.000Z',
      end: '2031-03-29T08:00:00.000Z',
    });
    expect(byId(calendar, 'cancelled@example.org')).toBeUndefined();
    expect(calendar.cancelledIds).toEqual(['cancelled@example.org']);
  });

  it('refuses years 0 to 99 and impossible dates instead of rolling them over', () => {
    const calendar = read('bad-dates.ics');
    expect(calendar.meetings.map((m) => m.id)).toEqual(['good@example.org']);
    expect(calendar.skipped.map((s) => [s.uid, s.reason, s.line])).toEqual([
      ['year-31@example.org', 'year-out-of-range', 8],
      ['feb-31@example.org', 'impossible-date', 14],
    ]);
  });

  it('keeps the newest copy of a UID by SEQUENCE and counts the merged ones', () => {
    const calendar = read('duplicates.ics');
    expect(calendar.meetings.map((m) => m.title.en)).toEqual(['SG13 meeting (newest)']);
    expect(calendar.mergedDuplicates).toBe(2);
  });
});

describe('iTIP messages', () => {
  it('an invitation (REQUEST) adds or updates its meeting', () => {
    expect(read('itip-request.ics').meetings).toEqual([
      expect.objectContaining({ id: 'invite@example.org', kind: 'rapporteur-group', group: 'SG17' }),
    ]);
  });

  it('a CANCEL removes, never adds', () => {
    const calendar = read('itip-cancel.ics');
    expect(calendar.meetings).toEqual([]);
    expect(calendar.cancelledIds).toEqual(['invite@example.org']);
  });

  it('a REPLY or a COUNTER is refused with its own reason', () => {
    expect(refusal('itip-reply.ics')).toBe('itip-reply');
    expect(refusal('itip-counter.ics')).toBe('itip-counter');
  });
});

describe('time zones named by other software, without a VTIMEZONE', () => {
  const calendar = read('vendor-zones.ics');

  it('resolves Windows IDs, Windows display names and Mozilla paths to IANA zones, and shows that zone', () => {
    expect(byId(calendar, 'windows-id@example.org')).toMatchObject({
      start: '2031-07-07T07:30:00.000Z',
      timeZone: 'Europe/Berlin',
    });
    expect(byId(calendar, 'windows-display@example.org')).toMatchObject({
      start: '2031-01-15T14:00:00.000Z',
      timeZone: 'America/New_York',
    });
    expect(byId(calendar, 'mozilla@example.org')).toMatchObject({
      start: '2031-07-15T13:00:00.000Z',
      timeZone: 'America/New_York',
    });
    expect(byId(calendar, 'cities@example.org')).toMatchObject({
      start: '2031-01-15T08:00:00.000Z',
      timeZone: 'Europe/Amsterdam',
    });
  });
});

describe('partial and unusual files', () => {
  it('imports the good events of a file and says which were skipped and why', () => {
    const calendar = read('partial.ics');
    expect(calendar.meetings.map((m) => m.id)).toEqual(['good-1@example.org', 'good-2@example.org']);
    expect(calendar.skipped).toEqual([
      { line: 11, uid: undefined, summary: 'Event without a UID', reason: 'missing-uid' },
      { line: 20, uid: 'bad-line@example.org', summary: 'ITU-T SG13 Q1/13', reason: 'bad-line' },
    ]);
  });

  it('decodes Latin-1 and UTF-16 (with a byte-order mark)', () => {
    expect(read('latin1.ics').meetings[0]!.title.en).toBe('Réunion de la CE 13 à Genève');
    expect(read('utf16.ics').meetings[0]!.title.en).toBe('Réunion ИК13 国际电联 SG13');
  });

  it('reads two VCALENDAR blocks in one file', () => {
    expect(read('two-calendars.ics').meetings.map((m) => m.id)).toEqual(['first@example.org', 'second@example.org']);
  });
});

describe('personal events', () => {
  it('classifies a deadline reminder and a private appointment as personal, with no deadlines', () => {
    const calendar = read('personal.ics');
    expect(calendar.meetings.map((m) => [m.id, m.kind, m.deadlines])).toEqual([
      ['deadline-reminder@example.org', 'personal', []],
      ['dentist@example.org', 'personal', []],
      ['sg13@example.org', 'study-group', []],
    ]);
    expect(byId(calendar, 'dentist@example.org')!.group).toBe('');
  });
});
