import { describe, expect, it } from 'vitest';
import { compareHlc, decideMerge, isWellFormedHlc } from './mergeRules';

const device = 'device-aaaa';
const stamp = (ms: number, count = 0, id = device) =>
  `${String(ms).padStart(15, '0')}-${count.toString(16).padStart(4, '0')}-${id}`;
const stored = (hlc: string, data: Record<string, unknown> | null = {}, deleted = false) => ({ hlc, data, deleted });

describe('merge rules', () => {
  it('stores anything new', () => {
    for (const rule of ['immutable', 'grow-only', 'earliest-read', 'last-writer-wins'] as const) {
      expect(decideMerge(rule, null, { op: 'put', hlc: stamp(1), data: { readAt: '2026-01-01T00:00:00Z' } })).toBe(
        'write',
      );
    }
  });

  it('never changes a finished attempt or a shown reminder, and refuses to delete them', () => {
    const put = { op: 'put' as const, hlc: stamp(9), data: { other: true } };
    expect(decideMerge('immutable', stored(stamp(1)), put)).toBe('keep');
    expect(decideMerge('grow-only', stored(stamp(1)), put)).toBe('keep');
    // Two copies of one record converge on the earliest stamp, in either order of arrival.
    expect(decideMerge('grow-only', stored(stamp(9)), { ...put, hlc: stamp(1) })).toBe('write');
    expect(decideMerge('immutable', stored(stamp(1)), { op: 'delete', hlc: stamp(9), data: null })).toBe(
      'reject-delete',
    );
    expect(decideMerge('grow-only', null, { op: 'delete', hlc: stamp(9), data: null })).toBe('reject-delete');
  });

  it('keeps the earliest read time of a lesson, whatever the clocks say', () => {
    const early = stored(stamp(5), { readAt: '2026-03-01T10:00:00Z' });
    expect(
      decideMerge('earliest-read', early, { op: 'put', hlc: stamp(9), data: { readAt: '2026-03-02T10:00:00Z' } }),
    ).toBe('keep');
    expect(
      decideMerge('earliest-read', early, { op: 'put', hlc: stamp(1), data: { readAt: '2026-02-28T10:00:00+01:00' } }),
    ).toBe('write');
  });

  it('lets the later clock win, deletes included, and breaks ties by device', () => {
    const current = stored(stamp(100, 1));
    expect(decideMerge('last-writer-wins', current, { op: 'put', hlc: stamp(100, 2), data: {} })).toBe('write');
    expect(decideMerge('last-writer-wins', current, { op: 'put', hlc: stamp(99, 9), data: {} })).toBe('keep');
    expect(decideMerge('last-writer-wins', current, { op: 'delete', hlc: stamp(101), data: null })).toBe('write');
    // A put older than the tombstone does not bring the row back.
    const tombstone = stored(stamp(200), null, true);
    expect(decideMerge('last-writer-wins', tombstone, { op: 'put', hlc: stamp(150), data: {} })).toBe('keep');
    expect(compareHlc(stamp(100, 1, 'device-bbbb'), stamp(100, 1, 'device-aaaa'))).toBe(1);
  });

  it('orders stamps by wall time, then counter, as strings', () => {
    expect(isWellFormedHlc(stamp(1_765_000_000_000, 3))).toBe(true);
    expect(isWellFormedHlc('2026-12-07T10:00:00Z')).toBe(false);
    expect(compareHlc(stamp(9_999_999_999), stamp(10_000_000_000))).toBe(-1);
    expect(compareHlc(stamp(5, 0xf), stamp(5, 0x10))).toBe(-1);
  });
});
