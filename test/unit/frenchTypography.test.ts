import { describe, expect, it } from 'vitest';
import { flatten, namespacesOf, readNamespace } from '../support/locales';

// French puts a no-break space (narrow, U+202F, or full, U+00A0) before a colon, semicolon,
// exclamation or question mark, so that the sign never starts a line. A colon in a time
// ("09:30") or an address is not punctuation and is left alone.
const PUNCTUATION_WITHOUT_NO_BREAK_SPACE = /(^|[^\u202f\u00a0])[:;!?](?=\s|$)/;

describe('French typography in the screens', () => {
  it.each(namespacesOf('fr'))('fr/%s puts a no-break space before : ; ! ?', (namespace) => {
    const wrong = [...flatten(readNamespace('fr', namespace))].filter(
      ([, value]) => typeof value === 'string' && PUNCTUATION_WITHOUT_NO_BREAK_SPACE.test(value),
    );
    expect(wrong.map(([key, value]) => `${key}: ${String(value)}`)).toEqual([]);
  });

  it('finds a plain space before a colon', () => {
    expect(PUNCTUATION_WITHOUT_NO_BREAK_SPACE.test('Score : 12')).toBe(true);
    expect(PUNCTUATION_WITHOUT_NO_BREAK_SPACE.test('Score: 12')).toBe(true);
    expect(PUNCTUATION_WITHOUT_NO_BREAK_SPACE.test('Score\u202f: 12')).toBe(false);
    expect(PUNCTUATION_WITHOUT_NO_BREAK_SPACE.test('de 09:30 à 17:30')).toBe(false);
  });
});
