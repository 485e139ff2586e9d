import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatNumber, formatPercent } from './format';

describe('Intl formatting in the chosen language', () => {
  const date = new Date(Date.UTC(2026, 0, 15, 12));

  it('writes dates the way each language does', () => {
    expect(formatDate(date, 'en')).toBe('January 15, 2026');
    expect(formatDate(date, 'fr')).toBe('15 janvier 2026');
    expect(formatDate(date, 'zh')).toBe('2026年1月15日');
    expect(formatDate(date, 'ru')).toMatch(/^15 января 2026/);
    expect(formatDate(date, 'ar')).toContain('يناير');
  });

  it('groups digits by language, with Latin digits in Arabic', () => {
    expect(formatNumber(1234.5, 'fr')).toBe('1\u202f234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234.5, 'ar')).toMatch(/^1.234.5$/);
  });

  it('scales bytes to a readable unit', () => {
    expect(formatBytes(532_000, 'en')).toBe('532 kB');
    expect(formatBytes(2_400_000, 'en')).toBe('2.4 MB');
    expect(formatBytes(2_400_000, 'fr')).toBe('2,4\u202fMo');
  });

  it('writes percentages by language, isolated inside right-to-left text', () => {
    expect(formatPercent(0.875, 'en')).toBe('88%');
    expect(formatPercent(0.8, 'fr')).toBe('80\u00a0%');
    expect(formatPercent(0.8, 'ar')).toMatch(/^\u2068.*80.*%.*\u2069$/);
  });
});
