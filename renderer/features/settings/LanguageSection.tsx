import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../../app/chooseLanguage';
import { LANGUAGES } from '../../i18n/languages';

export function LanguageSection() {
  const { t, i18n } = useTranslation('settings');
  return (
    <section className="settings-section" aria-labelledby="settings-language">
      <h2 id="settings-language">{t('language.heading')}</h2>
      <fieldset className="language-choices">
        <legend>{t('language.description')}</legend>
        {LANGUAGES.map(({ code, nativeName, direction }) => (
          <label key={code}>
            <input
              type="radio"
              name="language"
              value={code}
              checked={i18n.language === code}
              onChange={() => void chooseLanguage(code)}
            />
            <span lang={code} dir={direction}>
              {nativeName}
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
