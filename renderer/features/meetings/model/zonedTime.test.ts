import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, zonedTimeToInstant } from './zonedTime';

describe('zonedTimeToInstant', () => {
  it('places a Geneva morning in winter and in summer', () => {
    expect(zonedTimeToInstant('2026-02-02', '09:30', 'Europe/Zurich').toISOString()).toBe('2026-02-02T08:30:00.000Z');
    expect(zonedTimeToInstant('2025-07-25', '09:30', 'Europe/Zurich').toISOString()).toBe('2025-07-25T07:30:00.000Z');
  });

  it('places a Tashkent and a Bhubaneswar morning', () => {
    expect(zonedTimeToInstant('2025-10-28', '09:00', 'Asia/Tashkent').toISOString()).toBe('2025-10-28T04:00:00.000Z');
    expect(zonedTimeToInstant('2025-12-04', '09:00', 'Asia/Kolkata').toISOString()).toBe('2025-12-04T03:30:00.000Z');
  });

  it('handles the day Geneva changes its clocks', () => {
    expect(zonedTimeToInstant('2026-03-29', '09:30', 'Europe/Zurich').toISOString()).toBe('2026-03-29T07:30:00.000Z');
  });

  it('knows the IANA zones and refuses invented ones', () => {
    expect(isKnownTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => zonedTimeToInstant('2026-01-01', '09:00', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
