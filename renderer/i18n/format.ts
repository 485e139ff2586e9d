import { directionOf, type LanguageCode } from './languages';

/**
 * Intl locale for each language. Plain `ar` follows CLDR's default of Latin digits, the usage of
 * ITU's Arabic texts for document and clause numbers.
 */
const INTL_LOCALE: Record<LanguageCode, string> = {
  ar: 'ar',
  zh: 'zh-Hans',
  en: 'en',
  fr: 'fr',
  ru: 'ru',
  es: 'es',
};

export function intlLocale(language: LanguageCode): string {
  return INTL_LOCALE[language];
}

export function formatDate(
  value: Date,
  language: LanguageCode,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'long' },
): string {
  return new Intl.DateTimeFormat(intlLocale(language), options).format(value);
}

export function formatNumber(value: number, language: LanguageCode, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(language), options).format(value);
}

/** Bytes as kB, MB or GB in the language's own units and digits. */
export function formatBytes(bytes: number, language: LanguageCode): string {
  const units = ['kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return formatNumber(value, language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  });
}

/**
 * A fraction (0.87) as a percentage in the language's way ("87 %", "87%"). In a right-to-left
 * language it is isolated (U+2068…U+2069), so that "87%" keeps its order inside a sentence.
 */
export function formatPercent(fraction: number, language: LanguageCode): string {
  const percent = formatNumber(fraction, language, { style: 'percent', maximumFractionDigits: 0 });
  return directionOf(language) === 'rtl' ? `\u2068${percent}\u2069` : percent;
}
