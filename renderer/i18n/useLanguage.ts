import { useTranslation } from 'react-i18next';
import type { LanguageCode } from './languages';

/** The interface language, which every feature's content follows. */
export function useLanguage(): LanguageCode {
  return useTranslation().i18n.language as LanguageCode;
}
