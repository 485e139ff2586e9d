import type { TFunction } from 'i18next';
import { formatBytes, formatNumber, intlLocale } from '../../i18n/format';
import { isLanguageCode, type LanguageCode } from '../../i18n/languages';
import type { PackDownloadProgress } from '../../packs/packUpdateStatus';

/** A language's name in the interface language ("French", "الفرنسية"). */
export function languageName(code: LanguageCode, language: LanguageCode): string {
  return new Intl.DisplayNames([intlLocale(language)], { type: 'language' }).of(code) ?? code;
}

/** What a pack is, for the delegate: the calendar, the course in a language, the certificate keys. */
export function packName(packId: string, t: TFunction<'shell'>, language: LanguageCode): string {
  const [kind, lang] = packId.split('/');
  if (kind === 'course' && isLanguageCode(lang))
    return t('packs.name.course', { language: languageName(lang, language) });
  if (kind === 'calendar') return t('packs.name.calendar');
  return t('packs.name.certificateKeys');
}

/** Seconds as "about 2 minutes" or "40 seconds", in the language's own words and plurals. */
export function formatTimeLeft(seconds: number, language: LanguageCode): string {
  const [value, unit] =
    seconds < 90 ? [Math.max(1, Math.round(seconds)), 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return formatNumber(value, language, { style: 'unit', unit, unitDisplay: 'long' });
}

/** "120 kB of 410 kB, about 2 minutes left" (the time once the recent speed is known). */
export function packProgressText(
  progress: PackDownloadProgress,
  t: TFunction<'shell'>,
  language: LanguageCode,
): string {
  const sizes = t('packs.progress', {
    done: formatBytes(progress.done, language),
    total: formatBytes(progress.total, language),
  });
  if (progress.secondsLeft === null) return sizes;
  return t('packs.progressWithTime', { sizes, time: formatTimeLeft(progress.secondsLeft, language) });
}
