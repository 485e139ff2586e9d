import { useTranslation } from 'react-i18next';
import { usePendingChangeCount } from '../db/hooks';
import type { LanguageCode } from '../i18n/languages';
import { hashOf } from '../state/view';
import { useIsOnline } from '../sync/connectivity';
import { formatPercent } from '../i18n/format';
import { hubSession, usePackUpdates, useSyncState } from './sync/appSync';
import { DesktopUpdateNotice } from './updates/DesktopUpdateNotice';
import { clockWarningText, needsSettings, syncStatusText } from './sync/syncStatusText';

export function StatusBar() {
  const { t, i18n } = useTranslation('shell');
  const isOnline = useIsOnline();
  const pending = usePendingChangeCount();
  const status = useSyncState((state) => state.status);
  const packProgress = usePackUpdates((state) => state.progress);
  const clockWarning = clockWarningText(
    useSyncState((state) => state.clockSkewMs),
    t,
  );

  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <p className={`connectivity ${isOnline ? 'is-online' : 'is-offline'}`} role="status" data-testid="connectivity">
        <span className="dot" aria-hidden="true" />
        {isOnline ? t('status.online') : t('status.offline')}
      </p>
      <p role="status" data-testid="sync-status">
        {pending ? t('status.pending', { count: pending }) : t('status.savedLocally')}
      </p>
      <p role="status" data-testid="hub-status" data-phase={status.phase}>
        {syncStatusText(status, t, i18n.language as LanguageCode)}{' '}
        {needsSettings(status) && <a href={hashOf('settings', ['hub'])}>{t('sync.openSettings')}</a>}
        {(status.phase === 'synced' || status.phase === 'failed') && (
          <button
            type="button"
            className="button subtle status-sync-now"
            data-testid="status-sync-now"
            onClick={() => hubSession.syncNow()}
          >
            {t('sync.syncNow')}
          </button>
        )}
      </p>
      <DesktopUpdateNotice />
      {packProgress && (
        <p role="status" className="pack-status" data-testid="pack-status">
          <a href={hashOf('settings', ['hub'])}>
            {t('packs.statusBar', {
              percent: formatPercent(packProgress.done / packProgress.total, i18n.language as LanguageCode),
            })}
          </a>{' '}
          <progress max={packProgress.total} value={packProgress.done} aria-hidden="true" />
        </p>
      )}
      {clockWarning && (
        <p className="clock-warning" data-testid="clock-warning">
          {clockWarning}
        </p>
      )}
      {!isOnline && <p className="offline-hint">{t('status.offlineHint')}</p>}
    </footer>
  );
}
