import { describe, expect, it } from 'vitest';
import { samplePayload, testKey } from '../../../certificates/signing.testing';
import { certificateQr } from './certificateQr';

describe("the printed certificate's QR code", () => {
  it('holds a 212-character code in a version 10 symbol at level M', () => {
    const code = testKey().sign(samplePayload('Amina Diallo'));
    expect(code).toHaveLength(212);
    const qr = certificateQr(code);
    expect(qr.version).toBe(10);
    expect(qr.size).toBe(57);
    // The three finder patterns' corners are dark.
    for (const corner of ['M0 0h1', 'M56 0h1', 'M0 56h1']) expect(qr.path).toContain(corner);
  });

  it('grows with a longer name instead of failing', () => {
    const code = testKey().sign(samplePayload('ع'.repeat(45)));
    expect(certificateQr(code).version).toBeGreaterThan(10);
  });
});
