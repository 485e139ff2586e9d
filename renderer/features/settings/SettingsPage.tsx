import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../ui/PageHeading';
import { AboutSection } from './AboutSection';
import { HubSection } from './HubSection';
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
      <HubSection />
      <StorageSection />
      <AboutSection />
    </>
  );
}
