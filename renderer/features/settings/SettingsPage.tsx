import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../ui/PageHeading';
import { AboutSection } from './AboutSection';
import { LanguageSection } from './LanguageSection';
import { ReminderSection } from './ReminderSection';
import { StorageSection } from './StorageSection';

export function SettingsPage() {
  const { t } = useTranslation('settings');
  return (
    <>
      <PageHeading title={t('title')} />
      <LanguageSection />
      <ReminderSection />
      <StorageSection />
      <AboutSection />
    </>
  );
}
