import type { TFunction } from 'i18next';
import { formatBytes, formatPercent } from '../../i18n/format';
import type { LanguageCode } from '../../i18n/languages';
import type { UpdateState } from '../../platform/updateState';
import { formatSyncTime } from '../sync/syncStatusText';

/** What the status bar says about the app's own update: a sentence, and whether to offer a restart. */
export interface DesktopUpdateNotice {
  text: string;
  offersRestart: boolean;
}

/**
 * Only what the delegate may want to know: a download under way, an update ready (until they
 * choose "Later"), a download that failed. Checks, and checks that failed (the hub unreachable,
 * which the sync status already says), stay silent.
 */
export function desktopUpdateNotice(
  state: UpdateState,
  t: TFunction<'shell'>,
  language: LanguageCode,
  now = Date.now(),
): DesktopUpdateNotice | null {
  switch (state.kind) {
    case 'downloading':
      return {
        text: state.total
          ? t('desktopUpdate.downloadingOf', {
              percent: formatPercent(state.percent / 100, language),
              size: formatBytes(state.total, language),
            })
          : t('desktopUpdate.downloading'),
        offersRestart: false,
      };
    case 'ready':
      return state.postponed
        ? null
        : { text: t('desktopUpdate.ready', { version: state.version }), offersRestart: true };
    case 'failed':
      return state.version
        ? {
            text: t('desktopUpdate.failed', { time: formatSyncTime(state.retryAt, language, now) }),
            offersRestart: false,
          }
        : null;
    default:
      return null;
  }
}
