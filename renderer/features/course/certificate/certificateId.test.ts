import { describe, expect, it } from 'vitest';
import { makeCertificateId } from './certificateId';

describe('makeCertificateId', () => {
  it('reads as three groups of four unambiguous symbols', () => {
    expect(makeCertificateId()).toMatch(/^GB-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('follows the random bytes it is given', () => {
    expect(makeCertificateId(new Uint8Array([0, 1, 2, 3, 31, 32, 33, 255, 10, 11, 12, 13]))).toBe('GB-0123-Z01Z-ABCD');
  });

  it('differs between certificates', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => makeCertificateId()));
    expect(ids.size).toBe(1000);
  });
});
