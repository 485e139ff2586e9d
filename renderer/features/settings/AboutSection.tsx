import { useTranslation } from 'react-i18next';
import { hashOf } from '../../state/view';

export function AboutSection() {
  const { t } = useTranslation('settings');
  return (
    <section className="settings-section" aria-labelledby="settings-about">
      <h2 id="settings-about">{t('about.heading')}</h2>
      <p>{t('about.version', { version: __APP_VERSION__ })}</p>
      <p>{t('about.independence')}</p>
      <p>
        <a href={hashOf('course', ['verify'])} data-testid="settings-verify-certificate">
          {t('about.verifyCertificate')}
        </a>
      </p>
    </section>
  );
}
