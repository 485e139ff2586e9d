import { useTranslation } from 'react-i18next';
import type { LanguageCode } from '../../i18n/languages';
import { bridge } from '../../platform/bridge';
import { desktopUpdateNotice } from './desktopUpdateText';
import { useDesktopUpdate } from './useDesktopUpdate';
import './desktopUpdate.css';

/** One line in the status bar about the app's own update (Electron only); nothing in a browser. */
export function DesktopUpdateNotice() {
  const { t, i18n } = useTranslation('shell');
  const state = useDesktopUpdate();
  const notice = desktopUpdateNotice(state, t, i18n.language as LanguageCode);
  if (!notice || !bridge.updates) return null;
  const updates = bridge.updates;
  return (
    <p className="desktop-update" role="status" data-testid="desktop-update" data-state={state.kind}>
      <span>{notice.text}</span>
      {notice.offersRestart && (
        <>
          <button type="button" className="button" onClick={() => void updates.restartNow()}>
            {t('desktopUpdate.restartNow')}
          </button>
          <button type="button" className="button subtle" onClick={() => void updates.later()}>
            {t('desktopUpdate.later')}
          </button>
        </>
      )}
    </p>
  );
}
