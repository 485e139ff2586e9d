import { describe, expect, it } from 'vitest';
import { LANGUAGES, directionOf, isLanguageCode, matchPreferredLanguage, userLanguages } from './languages';

describe('languages', () => {
  it('lists the six languages in ITU order, each named in itself', () => {
    expect(LANGUAGES.map((l) => `${l.code}:${l.nativeName}`)).toEqual([
      'ar:العربية',
      'zh:中文',
      'en:English',
      'fr:Français',
      'ru:Русский',
      'es:Español',
    ]);
  });

  it('agrees with Intl about which language is written right to left', () => {
    for (const { code, direction } of LANGUAGES) {
      const info = new Intl.Locale(code) as Intl.Locale & { getTextInfo?: () => { direction: string } };
      if (info.getTextInfo) expect(info.getTextInfo().direction).toBe(direction);
      expect(directionOf(code)).toBe(direction);
    }
  });

  it.each([
    [['fr-CA', 'en-US'], 'fr'],
    [['zh-Hant-TW'], 'zh'],
    [['ar_EG'], 'ar'],
    [['de-DE', 'RU'], 'ru'],
    [['pt-BR', 'de'], 'en'],
    [[], 'en'],
  ])('matches the preferred languages %j to %s', (preferred, expected) => {
    expect(matchPreferredLanguage(preferred)).toBe(expected);
  });

  it('accepts only the six codes', () => {
    expect(isLanguageCode('es')).toBe(true);
    expect(isLanguageCode('de')).toBe(false);
    expect(isLanguageCode(undefined)).toBe(false);
  });

  it('lists the user’s languages among the six: the interface one first, then the system’s, once each', () => {
    expect(userLanguages('fr', ['ar-EG', 'fr-CA', 'de', 'en'])).toEqual(['fr', 'ar', 'en']);
    expect(userLanguages('zh', [])).toEqual(['zh']);
  });
});
