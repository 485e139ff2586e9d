import { describe, expect, it } from 'vitest';
import { gridDays, weekBars } from './monthGrid';

describe('the month grid', () => {
  it('starts each week on the given first day', () => {
    // 1 February 2026 is a Sunday.
    expect(gridDays('2026-02', 1)[0]).toBe('2026-01-26');
    expect(gridDays('2026-02', 7)[0]).toBe('2026-02-01');
    expect(gridDays('2026-02', 6)[0]).toBe('2026-01-31');
    for (const first of [1, 6, 7] as const) {
      const days = gridDays('2026-02', first);
      expect(days.length % 7).toBe(0);
      expect(days).toContain('2026-02-28');
    }
  });

  it('draws a multi-day meeting as one bar per week, in lanes that do not overlap', () => {
    const week = gridDays('2026-02', 1).slice(7, 14); // 2-8 February
    const bars = weekBars(week, [
      { item: 'sg2', from: '2026-02-04', to: '2026-02-13' },
      { item: 'wp', from: '2026-02-02', to: '2026-02-03' },
      { item: 'rg', from: '2026-02-03', to: '2026-02-05' },
    ]);
    expect(bars.find((b) => b.item === 'sg2')).toMatchObject({
      firstColumn: 2,
      lastColumn: 6,
      continuesBefore: false,
      continuesAfter: true,
    });
    expect(bars.map((b) => [b.item, b.lane])).toEqual([
      ['wp', 0],
      ['rg', 1],
      ['sg2', 0],
    ]);
    const next = weekBars(gridDays('2026-02', 1).slice(14, 21), [
      { item: 'sg2', from: '2026-02-04', to: '2026-02-13' },
    ]);
    expect(next).toEqual([
      { item: 'sg2', firstColumn: 0, lastColumn: 4, lane: 0, continuesBefore: true, continuesAfter: false },
    ]);
  });
});
