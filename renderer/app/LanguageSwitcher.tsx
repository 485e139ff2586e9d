import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguageCode, LANGUAGES } from '../i18n/languages';
import { chooseLanguage } from './chooseLanguage';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation('shell');
  const id = useId();
  const [isUnsaved, setIsUnsaved] = useState(false);

  async function onChange(value: string) {
    if (!isLanguageCode(value)) return;
    const { isSaved } = await chooseLanguage(value);
    setIsUnsaved(!isSaved);
  }

  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={i18n.language} onChange={(event) => void onChange(event.target.value)}>
        {LANGUAGES.map(({ code, nativeName, direction }) => (
          <option key={code} value={code} lang={code} dir={direction}>
            {nativeName}
          </option>
        ))}
      </select>
      {isUnsaved && (
        <p className="notice notice-warning" role="alert">
          {t('errors.languageNotSaved')}
        </p>
      )}
    </div>
  );
}
