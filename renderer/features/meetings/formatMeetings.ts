import { intlLocale } from '../../i18n/format';
import type { LanguageCode } from '../../i18n/languages';
import { dateInZone, daysBetween, type CalendarDate } from './model/calendarDate';
import { dateTimeFormat, relativeTimeFormat } from './model/intlCache';

let zone: { id: string; readAt: number } | null = null;

/** The delegate's own time zone, as the system reports it (read again each minute: they travel). */
export function localTimeZone(): string {
  const now = Date.now();
  if (!zone || now - zone.readAt > 60_000) zone = { id: Intl.DateTimeFormat().resolvedOptions().timeZone, readAt: now };
  return zone.id;
}

/** "3–14 March 2025" or "3 Mar 2025, 09:30 – 14 Mar, 17:30" in a time zone and language. */
export function formatRange(start: string, end: string, language: LanguageCode, timeZone: string, withTime: boolean) {
  const format = dateTimeFormat(intlLocale(language), {
    timeZone,
    dateStyle: withTime ? 'medium' : 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
  });
  return format.formatRange(new Date(start), new Date(end));
}

/**
 * A meeting as it runs, in daily sessions: its days ("4–13 February 2026") and the hours of each
 * day ("09:30–17:30"), the first day's opening to the last day's closing, in a time zone. So a
 * twelve-day meeting reads as twelve working days, not as one block around the clock.
 */
export function formatDailySessions(start: string, end: string, language: LanguageCode, timeZone: string) {
  const locale = intlLocale(language);
  const firstDay = dateInZone(new Date(start), timeZone);
  const lastDay = dateInZone(new Date(end), timeZone);
  const days = dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).formatRange(
    new Date(`${firstDay}T12:00:00Z`),
    new Date(`${lastDay}T12:00:00Z`),
  );
  const time = dateTimeFormat(locale, { timeStyle: 'short', timeZone });
  const startTime = time.format(new Date(start));
  const endTime = time.format(new Date(end));
  return { days, hours: `${startTime}–${endTime}`, dayCount: daysBetween(firstDay, lastDay) + 1 };
}

/** A calendar date in words ("Wednesday 25 February 2026"), with no time zone shift. */
export function formatCalendarDate(date: CalendarDate, language: LanguageCode, style: 'full' | 'medium' = 'full') {
  return dateTimeFormat(intlLocale(language), { dateStyle: style, timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** "in 12 days", "tomorrow", "today", "3 days ago", in the language. */
export function formatDaysFrom(today: CalendarDate, date: CalendarDate, language: LanguageCode): string {
  return relativeTimeFormat(intlLocale(language)).format(daysBetween(today, date), 'day');
}

/** The zone's name in the language ("Central European Time", "Uzbekistan Time") or its id. */
export function formatZoneName(timeZone: string, language: LanguageCode, at: Date): string {
  const part = dateTimeFormat(intlLocale(language), { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "April 2026": the month a planned meeting's status dates from. */
export function formatMonth(month: string, language: LanguageCode): string {
  return dateTimeFormat(intlLocale(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-15T12:00:00Z`),
  );
}

export function todayIn(timeZone: string, now = new Date()): CalendarDate {
  return dateInZone(now, timeZone);
}
