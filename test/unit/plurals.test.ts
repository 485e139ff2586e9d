import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../renderer/i18n/languages';
import { readNamespace } from '../support/locales';

// The real strings through a real i18next: each count lands on its CLDR form, digits by language.

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    lng: 'en',
    fallbackLng: false,
    interpolation: { escapeValue: false },
    resources: Object.fromEntries(LANGUAGES.map(({ code }) => [code, { shell: readNamespace(code, 'shell') }])),
  });
});

function pending(lng: string, count: number): string {
  return i18n.t('status.pending', { lng, ns: 'shell', count });
}

describe('plural forms of the pending-changes count', () => {
  it('chooses the Arabic forms for 1, 2, 3, 11 and 100', () => {
    const ar = readNamespace('ar', 'shell').status as Record<string, string>;
    expect(pending('ar', 1)).toBe(ar.pending_one);
    expect(pending('ar', 2)).toBe(ar.pending_two);
    expect(pending('ar', 3)).toBe(ar.pending_few!.replace('{{count, number}}', '3'));
    expect(pending('ar', 11)).toBe(ar.pending_many!.replace('{{count, number}}', '11'));
    expect(pending('ar', 100)).toBe(ar.pending_other!.replace('{{count, number}}', '100'));
  });

  it('chooses the Russian forms for 1, 21, 3, 5 and 11', () => {
    expect(pending('ru', 1)).toMatch(/^1 изменение/);
    expect(pending('ru', 21)).toMatch(/^21 изменение/);
    expect(pending('ru', 3)).toMatch(/^3 изменения/);
    expect(pending('ru', 5)).toMatch(/^5 изменений/);
    expect(pending('ru', 11)).toMatch(/^11 изменений/);
  });

  it('formats the number in the language and uses the French "many" form for a million', () => {
    expect(pending('fr', 1)).toMatch(/^1 modification/);
    expect(pending('fr', 1_000_000)).toBe(
      (readNamespace('fr', 'shell').status as Record<string, string>).pending_many!.replace(
        '{{count, number}}',
        '1\u202f000\u202f000',
      ),
    );
    expect(pending('en', 1234)).toBe('1,234 changes waiting to sync');
    expect(pending('zh', 2)).toContain('2');
  });
});
