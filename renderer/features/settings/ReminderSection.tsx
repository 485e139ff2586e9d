import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db';
import { useLiveQuery } from '../../db/hooks';
import { DEFAULT_REMINDER_DAYS, readSetting, writeSetting } from '../../db/settings';
import { bridge } from '../../platform/bridge';

type Permission = 'granted' | 'denied' | 'default';

function notificationPermission(): Permission {
  if (bridge.shell === 'electron') return 'granted';
  return 'Notification' in window ? Notification.permission : 'denied';
}

/** How many days ahead followed deadlines are announced, and (in a browser) the permission to do so. */
export function ReminderSection() {
  const { t } = useTranslation('meetings');
  const days = useLiveQuery(async () => (await readSetting(db, 'reminderDays')) ?? DEFAULT_REMINDER_DAYS, []);
  const [permission, setPermission] = useState<Permission>(notificationPermission);
  const [isUnsaved, setIsUnsaved] = useState(false);

  async function save(value: number) {
    if (!Number.isInteger(value) || value < 0 || value > 60) return;
    try {
      await writeSetting(db, 'reminderDays', value);
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
          min={0}
          max={60}
          value={days ?? DEFAULT_REMINDER_DAYS}
          data-testid="reminder-days"
          onChange={(event) => void save(Number(event.target.value))}
        />
      </label>
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
