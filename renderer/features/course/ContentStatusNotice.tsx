import { useTranslation } from 'react-i18next';
import { useContentStore } from '../../content/contentStore';

/** Says when the course is being installed (while none is on screen yet), or why it could not be. */
export function ContentStatusNotice({ hasContent }: { hasContent: boolean }) {
  const { t } = useTranslation('course');
  const status = useContentStore((state) => state.status);
  if (status === 'installing' && !hasContent) return <p role="status">{t('content.installing')}</p>;
  if (status === 'unreachable' || status === 'corrupt') {
    return (
      <p className="notice notice-warning" role="alert">
        {t(`content.${status}`)}
      </p>
    );
  }
  return null;
}
