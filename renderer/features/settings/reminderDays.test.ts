import { describe, expect, it } from 'vitest';
import { parseReminderDays } from './reminderDays';

describe('parseReminderDays', () => {
  it.each([
    ['0', 0],
    ['3', 3],
    [' 60 ', 60],
  ])('accepts %j', (text, days) => {
    expect(parseReminderDays(text)).toEqual({ days });
  });

  it.each(['', ' ', '2.5', '1e1', 'abc'])('says %j is not a whole number', (text) => {
    expect(parseReminderDays(text)).toEqual({ problem: 'notWholeNumber' });
  });

  it.each(['-1', '61', '365'])('says %j is out of range', (text) => {
    expect(parseReminderDays(text)).toEqual({ problem: 'outOfRange' });
  });
});
