import { intlLocale } from '../../i18n/format';
import type { LanguageCode } from '../../i18n/languages';
import { dateInZone, daysBetween, type CalendarDate } from './model/calendarDate';

/** The delegate's own time zone, as the system reports it. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "3–14 March 2025" or "3 Mar 2025, 09:30 – 14 Mar, 17:30" in a time zone and language. */
export function formatRange(start: string, end: string, language: LanguageCode, timeZone: string, withTime: boolean) {
  const format = new Intl.DateTimeFormat(intlLocale(language), {
    timeZone,
    dateStyle: withTime ? 'medium' : 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
  });
  return format.formatRange(new Date(start), new Date(end));
}

/** A calendar date in words ("Wednesday 25 February 2026"), with no time zone shift. */
export function formatCalendarDate(date: CalendarDate, language: LanguageCode, style: 'full' | 'medium' = 'full') {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: style, timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** "in 12 days", "tomorrow", "today", "3 days ago", in the language. */
export function formatDaysFrom(today: CalendarDate, date: CalendarDate, language: LanguageCode): string {
  return new Intl.RelativeTimeFormat(intlLocale(language), { numeric: 'auto' }).format(daysBetween(today, date), 'day');
}

/** The zone's name in the language ("Central European Time", "Uzbekistan Time") or its id. */
export function formatZoneName(timeZone: string, language: LanguageCode, at: Date): string {
  const part = new Intl.DateTimeFormat(intlLocale(language), { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

export function todayIn(timeZone: string, now = new Date()): CalendarDate {
  return dateInZone(now, timeZone);
}
