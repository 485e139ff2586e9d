import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db';
import { useLiveQuery } from '../../db/hooks';
import { DEFAULT_REMINDER_DAYS, readSetting } from '../../db/settings';
import { bridge } from '../../platform/bridge';
import { parseReminderDays, REMINDER_DAYS_RANGE, type ReminderDaysProblem } from './reminderDays';
import { saveReminderDays } from './settingsActions';

type Permission = 'granted' | 'denied' | 'default';

function notificationPermission(): Permission {
  if (bridge.shell === 'electron') return 'granted';
  return 'Notification' in window ? Notification.permission : 'denied';
}

/** How many days ahead followed deadlines are announced, and (in a browser) the permission to do so. */
export function ReminderSection() {
  const { t } = useTranslation('meetings');
  const { t: tSettings } = useTranslation('settings');
  const problemId = useId();
  const days = useLiveQuery(async () => (await readSetting(db, 'reminderDays')) ?? DEFAULT_REMINDER_DAYS, []);
  const [permission, setPermission] = useState<Permission>(notificationPermission);
  const [isUnsaved, setIsUnsaved] = useState(false);
  // What is typed, while it differs from what is stored: a refused value stays on screen, with why.
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<ReminderDaysProblem | null>(null);

  async function change(text: string) {
    setDraft(text);
    const input = parseReminderDays(text);
    setProblem(input.problem ?? null);
    if (input.problem) return;
    try {
      await saveReminderDays(input.days);
      setIsUnsaved(false);
    } catch {
      setIsUnsaved(true);
    }
  }

  return (
    <section className="settings-section" aria-labelledby="settings-reminders">
      <h2 id="settings-reminders">{t('reminders.heading')}</h2>
      <label>
        {t('reminders.daysLabel')}{' '}
        <input
          type="number"
          min={REMINDER_DAYS_RANGE.min}
          max={REMINDER_DAYS_RANGE.max}
          step={1}
          value={draft ?? days ?? ''}
          aria-invalid={problem !== null}
          aria-describedby={problem ? problemId : undefined}
          data-testid="reminder-days"
          onChange={(event) => void change(event.target.value)}
          onBlur={() => problem === null && setDraft(null)}
        />
      </label>
      {problem && (
        <p id={problemId} className="field-problem" role="alert" data-testid="reminder-days-problem">
          {tSettings(`reminders.${problem}`, { ...REMINDER_DAYS_RANGE, saved: days ?? DEFAULT_REMINDER_DAYS })}
        </p>
      )}
      {isUnsaved && (
        <p className="notice notice-warning" role="alert">
          {t('files.notSaved')}
        </p>
      )}
      {permission === 'granted' && <p>{t('reminders.allowed')}</p>}
      {permission === 'denied' && <p>{t('reminders.blocked')}</p>}
      {permission === 'default' && (
        <button
          type="button"
          className="button"
          onClick={async () => setPermission(await Notification.requestPermission())}
        >
          {t('reminders.allow')}
        </button>
      )}
    </section>
  );
}
