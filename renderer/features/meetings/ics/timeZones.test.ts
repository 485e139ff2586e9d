import { describe, expect, it } from 'vitest';
import { zoneOffsetMs } from './timeZones';

const HOUR = 3_600_000;

describe('zoneOffsetMs', () => {
  it('gives the offset on both sides of a clock change, asked in any order', () => {
    const change = Date.UTC(2027, 2, 28, 1); // Europe/Zurich goes from +1 to +2 at 01:00 UTC
    for (let pass = 0; pass < 2; pass++) {
      expect(zoneOffsetMs(change - 1000, 'Europe/Zurich')).toBe(HOUR);
      expect(zoneOffsetMs(change, 'Europe/Zurich')).toBe(2 * HOUR);
      expect(zoneOffsetMs(change - 30 * 60_000, 'Europe/Zurich')).toBe(HOUR);
    }
  });

  it('handles a change in the middle of a UTC hour (Lord Howe moves by half an hour)', () => {
    // Lord Howe Island: +10:30 until 02:00 local on 2027-10-03, i.e. 2027-10-02T15:30Z, then +11.
    const change = Date.UTC(2027, 9, 2, 15, 30);
    expect(zoneOffsetMs(change - 1000, 'Australia/Lord_Howe')).toBe(10.5 * HOUR);
    expect(zoneOffsetMs(change + 1000, 'Australia/Lord_Howe')).toBe(11 * HOUR);
    expect(zoneOffsetMs(change - 1000, 'Australia/Lord_Howe')).toBe(10.5 * HOUR);
  });

  it('ignores milliseconds of the instant', () => {
    expect(zoneOffsetMs(Date.UTC(2027, 5, 1, 12, 0, 0, 999), 'Asia/Kolkata')).toBe(5.5 * HOUR);
  });
});
