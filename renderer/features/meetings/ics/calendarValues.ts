import type { SkipReason } from './calendarFileError';
import type { WallTime } from './timeZones';

/** Years outside these are refused, never read as 19xx or rolled over. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** A DATE or DATE-TIME value as ical.js writes it in jCal: '2031-01-06' or '2031-01-06T09:30:00Z'. */
export interface CalendarValue extends WallTime {
  isDate: boolean;
  isUtc: boolean;
}

const VALUE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(Z?))?$/;

function daysInMonth(year: number, month: number): number {
  // Only called for years from MIN_YEAR on, which Date.UTC reads as they are.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reads and checks one jCal date or date-time: a reason to skip, or the value. */
export function readCalendarValue(raw: unknown): CalendarValue | SkipReason {
  if (typeof raw !== 'string') return 'bad-line';
  const match = VALUE.exec(raw);
  if (!match) return 'bad-line';
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((part) => Number(part ?? 0));
  if (year! < MIN_YEAR || year! > MAX_YEAR) return 'year-out-of-range';
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth(year!, month!)) return 'impossible-date';
  if (hour > 23 || minute > 59 || second > 60) return 'impossible-date';
  return {
    year: year!,
    month: month!,
    day: day!,
    hour,
    minute,
    // A leap second is read as the last second of its minute.
    second: Math.min(second, 59),
    isDate: match[4] === undefined,
    isUtc: match[7] === 'Z',
  };
}

export function isSkipReason(value: CalendarValue | SkipReason): value is SkipReason {
  return typeof value === 'string';
}
