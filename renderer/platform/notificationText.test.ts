import { describe, expect, it } from 'vitest';
import { fitNotificationText, MAX_NOTIFICATION_TEXT } from './notificationText';

describe('fitNotificationText', () => {
  it('leaves text that fits as it is', () => {
    expect(fitNotificationText('SG13 meeting')).toBe('SG13 meeting');
    expect(fitNotificationText('x'.repeat(MAX_NOTIFICATION_TEXT))).toHaveLength(MAX_NOTIFICATION_TEXT);
  });

  it('cuts longer text to the limit, with an ellipsis', () => {
    const fitted = fitNotificationText('word '.repeat(1_000));
    expect(fitted.length).toBeLessThanOrEqual(MAX_NOTIFICATION_TEXT);
    expect(fitted).toMatch(/^word word .*word…$/);
  });

  it('never splits a character made of several code units', () => {
    const fitted = fitNotificationText('😀'.repeat(400) + '🇸🇦'.repeat(100), 11);
    expect(fitted).toBe('😀😀😀😀😀…');
    expect(fitNotificationText('a'.repeat(9) + '🇸🇦🇸🇦', 12)).toBe('aaaaaaaaa…');
  });
});
