import { useTranslation } from 'react-i18next';
import iconUrl from './icon.svg';
import { LanguageSwitcher } from './LanguageSwitcher';
import { UpdateNotice } from './offline/UpdateNotice';

export function Header() {
  const { t } = useTranslation('shell');
  return (
    <header className="shell-header">
      <div className="brand">
        <img className="brand-mark" src={iconUrl} alt="" width="32" height="32" />
        <div>
          <p className="brand-name">{t('appName')}</p>
          <p className="brand-tagline">{t('tagline')}</p>
        </div>
      </div>
      <LanguageSwitcher />
      <UpdateNotice />
    </header>
  );
}
