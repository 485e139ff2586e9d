import type { DeadlineKind } from '../../../db/records';
import { addDays, addMonths, type CalendarDate } from './calendarDate';

/**
 * The deadlines of a study group meeting, counted back from its opening day as collective
 * letters set them (fact sheet M4-02, M4-03, M4-06 and the letters' key-deadlines block):
 * - contributions: 12 calendar days before; letters print the opening date minus 13 days
 *   (29 Aug 2016 opening → 16 Aug), so that is the estimate;
 * - contributions for which translation is requested: 2 months before (9 Apr 2018 → 9 Feb);
 * - fellowship requests: about 6 weeks before (6 Nov → 25 Sep; 9 Apr → 26 Feb);
 * - pre-registration and visa support letters: about 1 month before.
 * Estimates only: the dates printed in the meeting's collective letter always win.
 */
export const DEADLINE_RULES: Record<DeadlineKind, (opening: CalendarDate) => CalendarDate> = {
  translation: (opening) => addMonths(opening, -2),
  fellowship: (opening) => addDays(opening, -42),
  registration: (opening) => addMonths(opening, -1),
  visa: (opening) => addMonths(opening, -1),
  contribution: (opening) => addDays(opening, -13),
};

export const DEADLINE_ORDER: readonly DeadlineKind[] = [
  'translation',
  'fellowship',
  'registration',
  'visa',
  'contribution',
];

export interface Deadline {
  kind: DeadlineKind;
  date: CalendarDate;
  /** True when printed in the collective letter; false when estimated from the rules above. */
  official: boolean;
}

/**
 * A meeting's deadlines: the official ones as given, and for every other kind an estimate from
 * the opening day. Sorted by date.
 */
export function meetingDeadlines(opening: CalendarDate, official: readonly Deadline[] = []): Deadline[] {
  const known = new Map(official.map((d) => [d.kind, d]));
  return DEADLINE_ORDER.map(
    (kind) => known.get(kind) ?? { kind, date: DEADLINE_RULES[kind](opening), official: false },
  ).sort((a, b) => a.date.localeCompare(b.date) || DEADLINE_ORDER.indexOf(a.kind) - DEADLINE_ORDER.indexOf(b.kind));
}
