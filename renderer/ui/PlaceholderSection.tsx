import { useTranslation } from 'react-i18next';
import type { Namespace } from '../i18n/setup';
import { EmptyState } from './EmptyState';
import { PageHeading } from './PageHeading';

/** A section whose feature has not arrived yet: its title, what it is for, and what will come. */
export function PlaceholderSection({ namespace }: { namespace: Extract<Namespace, 'drafts'> }) {
  const { t } = useTranslation(namespace);
  return (
    <>
      <PageHeading title={t('title')} intro={t('intro')} />
      <EmptyState heading={t('empty.heading')}>{t('empty.body')}</EmptyState>
    </>
  );
}
