/**
 * The six languages of the Union, in ITU order (alphabetical in English), each named in itself.
 * Pure data: shared by the renderer and the Electron main process (application menu).
 */
export const LANGUAGES = [
  { code: 'ar', nativeName: 'العربية', direction: 'rtl' },
  { code: 'zh', nativeName: '中文', direction: 'ltr' },
  { code: 'en', nativeName: 'English', direction: 'ltr' },
  { code: 'fr', nativeName: 'Français', direction: 'ltr' },
  { code: 'ru', nativeName: 'Русский', direction: 'ltr' },
  { code: 'es', nativeName: 'Español', direction: 'ltr' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];
export type TextDirection = 'ltr' | 'rtl';

export const FALLBACK_LANGUAGE: LanguageCode = 'en';

const CODES: readonly string[] = LANGUAGES.map((language) => language.code);

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && CODES.includes(value);
}

export function directionOf(code: LanguageCode): TextDirection {
  return code === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The first of the user's preferred BCP 47 tags (`fr-CA`, `zh-Hant-TW`, `ar-EG`) whose primary
 * language is one of the six, else English.
 */
/**
 * The delegate's languages among the six, first first: the interface language, then those the
 * system prefers (a delegate who reads French and Arabic gets both courses' updates at once).
 */
export function userLanguages(current: string, preferred: readonly string[]): LanguageCode[] {
  const codes = [current, ...preferred].map((tag) => tag.split(/[-_]/)[0]?.toLowerCase());
  return [...new Set(codes.filter(isLanguageCode))];
}

export function matchPreferredLanguage(preferred: readonly string[]): LanguageCode {
  for (const tag of preferred) {
    const primary = tag.split(/[-_]/)[0]?.toLowerCase();
    if (isLanguageCode(primary)) return primary;
  }
  return FALLBACK_LANGUAGE;
}
