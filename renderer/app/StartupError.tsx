import { useTranslation } from 'react-i18next';

/** Shown instead of the app when IndexedDB cannot be opened: saying so beats losing work. */
export function StartupError() {
  const { t } = useTranslation('shell');
  return (
    <main className="startup-error">
      <h1>{t('appName')}</h1>
      <p role="alert">{t('errors.storageUnavailable')}</p>
    </main>
  );
}
