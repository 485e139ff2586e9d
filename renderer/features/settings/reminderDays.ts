/** How many days ahead a reminder may come: from the day itself to about two months. */
export const REMINDER_DAYS_RANGE = { min: 0, max: 60 } as const;

export type ReminderDaysProblem = 'notWholeNumber' | 'outOfRange';

export type ReminderDaysInput = { days: number; problem?: never } | { problem: ReminderDaysProblem; days?: never };

/** What the delegate typed in the reminder field: a number of days to save, or why not. */
export function parseReminderDays(text: string): ReminderDaysInput {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) return { problem: 'notWholeNumber' };
  const days = Number(trimmed);
  if (days < REMINDER_DAYS_RANGE.min || days > REMINDER_DAYS_RANGE.max) return { problem: 'outOfRange' };
  return { days };
}
