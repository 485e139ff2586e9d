import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checksumOf, compareSyncKeys, inRepullRange, recordFingerprint, tableChecksum } from './checksum';

describe('table checksums', () => {
  it('fingerprints a record as the first 32 bits of SHA-256 over key, hlc and deleted', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), fc.boolean(), (key, hlc, deleted) => {
        const expected = createHash('sha256').update(`${key}\n${hlc}\n${deleted}`).digest().readUInt32BE(0);
        expect(recordFingerprint(key, hlc, deleted)).toBe(expected);
      }),
    );
  });

  it('sums fingerprints modulo 2^32 with the count, whatever the order', () => {
    expect(tableChecksum([])).toBe('0:0');
    expect(tableChecksum([0xffffffff, 2])).toBe('2:1');
    const records = [
      { key: 'b', hlc: '1', deleted: false },
      { key: 'a', hlc: '2', deleted: true },
    ];
    expect(checksumOf(records)).toBe(checksumOf([...records].reverse()));
    expect(checksumOf(records)).not.toBe(checksumOf([records[0]!, { ...records[1]!, deleted: false }]));
  });

  it("orders keys as PostgreSQL's C collation does: by UTF-8 bytes", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(compareSyncKeys(a, b)).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
    );
    expect(compareSyncKeys('ｚ', '😀')).toBe(-1);
    expect('ｚ' < '😀').toBe(false);
  });

  it('places a key in a page range: after (exclusive) up to through (inclusive)', () => {
    expect(inRepullRange('b', null, null)).toBe(true);
    expect(inRepullRange('b', 'b', null)).toBe(false);
    expect(inRepullRange('b', 'a', 'b')).toBe(true);
    expect(inRepullRange('c', 'a', 'b')).toBe(false);
  });
});
