import { useTranslation } from 'react-i18next';
import { hashOf } from '../../state/view';

/** Back to the course overview, or to a module. The arrow mirrors right to left. */
export function BackLink({ moduleId, label }: { moduleId?: string | undefined; label?: string | undefined }) {
  const { t } = useTranslation('course');
  const href = moduleId ? hashOf('course', ['module', moduleId]) : hashOf('course');
  return (
    <a className="back-link" href={href}>
      <span className="mirror-rtl" aria-hidden="true">
        ←
      </span>{' '}
      {label ?? t('backToCourse')}
    </a>
  );
}
