import { describe, expect, it } from 'vitest';
import { firstDayOfWeek } from './weekStart';

describe('the first day of the week', () => {
  it('follows the language where the system has no locale for it', () => {
    expect(firstDayOfWeek('ar', ['en-US'])).toBe(6);
    expect(firstDayOfWeek('fr', [])).toBe(1);
    expect(firstDayOfWeek('en', [])).toBe(7);
  });

  it("follows the delegate's region for the same language", () => {
    expect(firstDayOfWeek('en', ['en-GB', 'fr-FR'])).toBe(1);
    expect(firstDayOfWeek('en', ['fr-FR', 'en-US'])).toBe(7);
    expect(firstDayOfWeek('ar', ['ar-MA'])).toBe(1);
  });

  it('falls back to Monday when Intl cannot say', () => {
    expect(firstDayOfWeek('not a locale', ['also not'])).toBe(1);
  });
});
