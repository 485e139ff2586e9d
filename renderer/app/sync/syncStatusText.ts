import type { TFunction } from 'i18next';
import { formatDate } from '../../i18n/format';
import type { LanguageCode } from '../../i18n/languages';
import type { SyncPhase } from '../../sync/syncStatus';

/** A time of day, with the date when it is not today. */
export function formatSyncTime(at: number, language: LanguageCode, now = Date.now()): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  return formatDate(
    new Date(at),
    language,
    sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
  );
}

/** The one sentence the status bar and Settings → Hub say about sync, in the delegate's language. */
export function syncStatusText(status: SyncPhase, t: TFunction<'shell'>, language: LanguageCode): string {
  switch (status.phase) {
    case 'signed-out':
      return t('sync.signedOut');
    case 'session-ended':
      return t('sync.sessionEnded');
    case 'question':
      return t('sync.question');
    case 'other-window':
      return t('sync.otherWindow');
    case 'syncing':
      return t('sync.syncing');
    case 'synced':
      return t('sync.synced', { time: formatSyncTime(status.at, language) });
    case 'offline':
      return t('sync.offline');
    case 'failed':
      return t(`sync.failed.${status.failure}`, { time: formatSyncTime(status.retryAt, language) });
  }
}

/** Whether the delegate has something to do in Settings → Hub before sync can run. */
export function needsSettings(status: SyncPhase): boolean {
  return status.phase === 'signed-out' || status.phase === 'session-ended' || status.phase === 'question';
}

/** The clock warning, in whole minutes (at least the threshold), or null when the clocks agree. */
export function clockWarningText(skewMs: number | null, t: TFunction<'shell'>): string | null {
  if (skewMs === null) return null;
  const minutes = Math.round(Math.abs(skewMs) / 60_000);
  return t(skewMs > 0 ? 'sync.clockBehind' : 'sync.clockAhead', { count: minutes });
}
