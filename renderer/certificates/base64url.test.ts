import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './base64url';

describe('base64url', () => {
  it('round-trips any bytes and matches Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it('refuses a text whose spare bits are set, which a lenient decoder would read as the same bytes', () => {
    const text = toBase64Url(Uint8Array.of(0xff)); // "_w": the last 4 bits of "w" are spare
    expect(fromBase64Url(text)).toEqual(Uint8Array.of(0xff));
    expect(Buffer.from('_x', 'base64url')).toEqual(Buffer.from([0xff]));
    expect(fromBase64Url('_x')).toBeNull();
  });

  it('refuses characters outside the alphabet and impossible lengths', () => {
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('abcd=')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
  });
});
