import { describe, expect, it } from 'vitest';
import { MAX_RANGES, parseByteRanges } from './byteRanges';

describe('parseByteRanges', () => {
  it('reads one range, an open end and a suffix', () => {
    expect(parseByteRanges('bytes=100-199', 1000)).toEqual([{ start: 100, end: 199 }]);
    expect(parseByteRanges('bytes=900-', 1000)).toEqual([{ start: 900, end: 999 }]);
    expect(parseByteRanges('bytes=-50', 1000)).toEqual([{ start: 950, end: 999 }]);
    expect(parseByteRanges('bytes=990-5000', 1000)).toEqual([{ start: 990, end: 999 }]);
  });

  it('reads several ranges in the order asked, with the spaces electron-updater puts after commas', () => {
    expect(parseByteRanges('bytes=0-9, 500-599,990-', 1000)).toEqual([
      { start: 0, end: 9 },
      { start: 500, end: 599 },
      { start: 990, end: 999 },
    ]);
  });

  it('drops unsatisfiable ranges, and is null when none is left', () => {
    expect(parseByteRanges('bytes=0-9, 2000-2100', 1000)).toEqual([{ start: 0, end: 9 }]);
    expect(parseByteRanges('bytes=1000-', 1000)).toBeNull();
    expect(parseByteRanges('bytes=-0', 1000)).toBeNull();
  });

  it('ignores what it does not honour: another unit, a malformed or reversed range, a flood of ranges', () => {
    expect(parseByteRanges('items=0-9', 1000)).toBe('whole');
    expect(parseByteRanges('bytes=abc', 1000)).toBe('whole');
    expect(parseByteRanges('bytes=-', 1000)).toBe('whole');
    expect(parseByteRanges('bytes=20-10', 1000)).toBe('whole');
    const flood = `bytes=${Array.from({ length: MAX_RANGES + 1 }, (_, i) => `${i}-${i}`).join(',')}`;
    expect(parseByteRanges(flood, 100_000)).toBe('whole');
  });
});
