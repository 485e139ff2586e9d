import i18next from 'i18next';
import { db } from '../../db';
import { allFollows, allMeetings, forgetReminder, recordRemindersShown, shownReminderIds } from '../../db/meetings';
import { DEFAULT_REMINDER_DAYS, readSetting } from '../../db/settings';
import type { LanguageCode } from '../../i18n/languages';
import { bridge } from '../../platform/bridge';
import { fitNotificationText } from '../../platform/notificationText';
import { formatDaysFrom, localTimeZone, todayIn } from './formatMeetings';
import { dueReminders, reminderId, upcomingDeadlines } from './model/agenda';
import { daysBetween } from './model/calendarDate';

const CHECK_EVERY_MS = 60 * 60 * 1000;

let queue: Promise<unknown> = Promise.resolve();

/**
 * Shows a desktop notification for each followed deadline now within the reminder window,
 * and records it, so that it is never shown again (also after a restart). Checks run one after
 * another, so two triggers at once cannot both show the same reminder.
 */
export function checkReminders(now = new Date()): Promise<number> {
  const run = queue.then(() => showDueReminders(now));
  queue = run.catch(() => undefined);
  return run;
}

async function showDueReminders(now: Date): Promise<number> {
  const language = i18next.language as LanguageCode;
  const reminderDays = (await readSetting(db, 'reminderDays')) ?? DEFAULT_REMINDER_DAYS;
  const [meetings, follows, shown] = await Promise.all([allMeetings(db), allFollows(db), shownReminderIds(db)]);
  const today = todayIn(localTimeZone(), now);
  const due = dueReminders(
    upcomingDeadlines(meetings, follows, today, language),
    today,
    reminderDays,
    shown,
    daysBetween,
  );
  const t = i18next.getFixedT(language, 'meetings');
  let count = 0;
  for (const item of due) {
    const title = t('reminders.notificationTitle', {
      deadline: t(`deadlines.kinds.${item.deadline.kind}`),
      when: formatDaysFrom(today, item.deadline.date, language),
    });
    // Recorded before it is shown, so that no restart can show it twice; taken back if the
    // system would not show it (notifications not allowed), so that it can be shown later.
    await recordRemindersShown(db, [reminderId(item)]);
    // Shortened to what a notification holds; a refusal only postpones it, never loses it.
    const isShown = await bridge
      .notify(fitNotificationText(title), fitNotificationText(item.title))
      .catch((error: unknown) => (console.error('Reminder not shown', error), false));
    if (isShown) count += 1;
    else await forgetReminder(db, reminderId(item));
  }
  return count;
}

export function startReminders(): void {
  const run = () => void checkReminders().catch((error: unknown) => console.error('Reminders not checked', error));
  run();
  setInterval(run, CHECK_EVERY_MS);
}
