import type { CalendarDate } from './calendarDate';

/** The offset of `timeZone` from UTC at `instant`, in minutes (east positive). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
    .formatToParts(instant)
    .reduce<Record<string, number>>((all, part) => ({ ...all, [part.type]: Number(part.value) }), {});
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` and `time` ("09:30"): how a
 * meeting's printed local time becomes a UTC instant. Throws RangeError for an unknown zone.
 */
export function zonedTimeToInstant(date: CalendarDate, time: string, timeZone: string): Date {
  const [hours, minutes] = time.split(':').map(Number);
  const wall = Date.parse(`${date}T00:00:00Z`) + ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000;
  // Two passes settle the offset also on the day a zone changes its clocks.
  let instant = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  instant = wall - offsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant);
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
