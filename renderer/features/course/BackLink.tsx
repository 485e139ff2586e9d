import { useTranslation } from 'react-i18next';
import { hashOf } from '../../state/view';
import { BackLink as Link } from '../../ui/BackLink';

/** Back to the course overview, or to a module. */
export function BackLink({ moduleId, label }: { moduleId?: string | undefined; label?: string | undefined }) {
  const { t } = useTranslation('course');
  const href = moduleId ? hashOf('course', ['module', moduleId]) : hashOf('course');
  return <Link href={href} label={label ?? t('backToCourse')} />;
}
