import { useTranslation } from 'react-i18next';
import { useAppUpdate } from './appUpdate';

/** Says that a new version is ready and lets the user choose when to switch to it. */
export function UpdateNotice() {
  const { t } = useTranslation('shell');
  const { isReady, reload } = useAppUpdate();
  if (!isReady) return null;
  return (
    <div className="notice notice-info update-notice" role="status" data-testid="update-notice">
      <p>{t('update.ready')}</p>
      <button type="button" className="button" onClick={reload}>
        {t('update.reload')}
      </button>
    </div>
  );
}
