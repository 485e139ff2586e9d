import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { directionOf, LANGUAGES, type LanguageCode } from './languages';
import { intlLocale } from './format';

/** The renderer's namespaces: one per feature, plus the shell. (`menu` belongs to electron/.) */
export const NAMESPACES = ['shell', 'home', 'course', 'meetings', 'drafts', 'settings'] as const;
export type Namespace = (typeof NAMESPACES)[number];

type Resources = Record<string, unknown>;
const loaders = import.meta.glob<Resources>(['../../locales/*/*.json', '!../../locales/*/menu.json'], {
  import: 'default',
});

async function loadLanguage(language: LanguageCode): Promise<void> {
  await Promise.all(
    NAMESPACES.map(async (namespace) => {
      if (i18next.hasResourceBundle(language, namespace)) return;
      const load = loaders[`../../locales/${language}/${namespace}.json`];
      if (!load) throw new Error(`No strings for ${language}/${namespace}`);
      i18next.addResourceBundle(language, namespace, await load());
    }),
  );
}

/** `<html lang dir>` follow the language, so that the whole layout mirrors in Arabic. */
function applyToDocument(language: LanguageCode): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

export async function startI18n(language: LanguageCode): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    ns: [...NAMESPACES],
    defaultNS: 'shell',
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  installNumberFormat();
  await loadLanguage(language);
  applyToDocument(language);
}

/**
 * `{{count, number}}` through one Intl.NumberFormat per language. i18next caches its built-in
 * one under a key that holds every value passed to `t`, so a string such as "{{days}}:
 * {{count, number}} days" built a new formatter for each meeting row drawn.
 */
function installNumberFormat(): void {
  const formats = new Map<string, Intl.NumberFormat>();
  i18next.services.formatter?.add('number', (value: number, lng: string | undefined) => {
    const language = (lng ?? i18next.language) as LanguageCode;
    let format = formats.get(language);
    if (!format) formats.set(language, (format = new Intl.NumberFormat(intlLocale(language))));
    return format.format(value);
  });
}

export async function switchLanguage(language: LanguageCode): Promise<void> {
  await loadLanguage(language);
  await i18next.changeLanguage(language);
  applyToDocument(language);
}

/**
 * Loads the other languages' strings in the background once the shell is up, so that switching
 * language works even after the connection (or, in web mode, the server) is gone.
 */
export function preloadOtherLanguages(): void {
  const others = LANGUAGES.map((l) => l.code).filter((code) => code !== i18next.language);
  void Promise.all(others.map(loadLanguage)).catch((error: unknown) => console.warn('Strings not preloaded', error));
}
