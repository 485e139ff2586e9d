import { addDays, addMonths, type CalendarDate } from './calendarDate';
import type { IsoWeekday } from './weekStart';

/** The days of a month's grid: whole weeks around the month, starting on `firstDay`. */
export function gridDays(month: string, firstDay: IsoWeekday): CalendarDate[] {
  const first = `${month}-01`;
  const isoWeekday = new Date(`${first}T12:00:00Z`).getUTCDay() || 7;
  const start = addDays(first, -((isoWeekday - firstDay + 7) % 7));
  const last = addDays(addMonths(first, 1), -1);
  const days: CalendarDate[] = [];
  for (let day = start; day <= last || days.length % 7 !== 0; day = addDays(day, 1)) days.push(day);
  return days;
}

export interface Span<T> {
  item: T;
  from: CalendarDate;
  to: CalendarDate;
}

export interface Bar<T> {
  item: T;
  /** Columns in the week, 0-based, inclusive. */
  firstColumn: number;
  lastColumn: number;
  lane: number;
  /** Whether the span goes on before or after this week (drawn with an open end). */
  continuesBefore: boolean;
  continuesAfter: boolean;
}

/**
 * One bar per span and week, so that a twelve-day meeting is drawn as one bar across the days
 * it runs (cut only at the end of a week), each in the first lane free over all its days.
 * Longer spans first, so that they stay in the top lanes.
 */
export function weekBars<T>(week: readonly CalendarDate[], spans: readonly Span<T>[]): Bar<T>[] {
  const weekStart = week[0]!;
  const weekEnd = week[week.length - 1]!;
  const inWeek = spans
    .filter((s) => s.from <= weekEnd && s.to >= weekStart)
    .map((s) => {
      const from = s.from < weekStart ? weekStart : s.from;
      const to = s.to > weekEnd ? weekEnd : s.to;
      return { span: s, firstColumn: week.indexOf(from), lastColumn: week.indexOf(to) };
    })
    .sort((a, b) => a.firstColumn - b.firstColumn || b.lastColumn - a.lastColumn);
  const laneEnds: number[] = [];
  return inWeek.map(({ span, firstColumn, lastColumn }) => {
    let lane = laneEnds.findIndex((end) => end < firstColumn);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = lastColumn;
    return {
      item: span.item,
      firstColumn,
      lastColumn,
      lane,
      continuesBefore: span.from < weekStart,
      continuesAfter: span.to > weekEnd,
    };
  });
}
