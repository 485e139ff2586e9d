import { useTranslation } from 'react-i18next';
import { useIsHubConfigured, usePendingChangeCount } from '../db/hooks';
import { useIsOnline } from '../sync/connectivity';

export function StatusBar() {
  const { t } = useTranslation('shell');
  const isOnline = useIsOnline();
  const pending = usePendingChangeCount();
  const isHubConfigured = useIsHubConfigured();

  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <p className={`connectivity ${isOnline ? 'is-online' : 'is-offline'}`} role="status" data-testid="connectivity">
        <span className="dot" aria-hidden="true" />
        {isOnline ? t('status.online') : t('status.offline')}
      </p>
      <p role="status" data-testid="sync-status">
        {pending ? t('status.pending', { count: pending }) : t('status.savedLocally')}
      </p>
      {isHubConfigured === false && <p>{t('status.syncNotConfigured')}</p>}
      {!isOnline && <p className="offline-hint">{t('status.offlineHint')}</p>}
    </footer>
  );
}
