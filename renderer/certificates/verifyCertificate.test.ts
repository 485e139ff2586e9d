import { describe, expect, it } from 'vitest';
import { CODE_PREFIX, decodePayload, encodePayload, findCode, splitCode } from './certificateFormat';
import { verifyCertificate } from './verifyCertificate';
import { keysOf, samplePayload, testKey } from './signing.testing';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('certificate format', () => {
  it('encodes one payload one way and decodes it back', () => {
    const payload = { ...samplePayload('Ли Вэй 李伟 — ليلى'), keyId: '0123456789' };
    const bytes = encodePayload(payload);
    expect(decodePayload(bytes)).toEqual(payload);
  });

  it('refuses a payload with bytes added or cut', () => {
    const bytes = encodePayload({ ...samplePayload(), keyId: '0123456789' });
    expect(() => decodePayload(Uint8Array.of(...bytes, 0))).toThrow(/trailing/);
    expect(() => decodePayload(bytes.subarray(0, bytes.length - 1))).toThrow(/truncated/);
  });

  it('is small enough for a QR code', () => {
    const code = testKey().sign(samplePayload());
    expect(code.length).toBeLessThan(300);
    expect(findCode(`Certificate code:\n  ${code}\n`)).toBe(code);
  });
});

describe('verifying a certificate offline', () => {
  const key = testKey();

  it('accepts a certificate signed by a published key and shows what it says', () => {
    const result = verifyCertificate(key.sign(samplePayload()), keysOf(key.published));
    expect(result).toMatchObject({ ok: true, certificate: { holderName: 'Amina Diallo', overallScore: 8667 } });
  });

  it('refuses the code changed at any one character', () => {
    const code = key.sign(samplePayload());
    const keys = keysOf(key.published);
    for (let at = 0; at < code.length; at++) {
      const other = code[at] === 'A' ? 'B' : 'A';
      const changed = code.slice(0, at) + other + code.slice(at + 1);
      const result = verifyCertificate(changed, keys);
      expect(result.ok, `changed at ${at}`).toBe(false);
    }
    // Every other letter at one place in the name's bytes: the signature catches each.
    const inName = CODE_PREFIX.length + 30;
    for (const other of ALPHABET.replace(code[inName]!, '')) {
      const result = verifyCertificate(code.slice(0, inName) + other + code.slice(inName + 1), keys);
      expect(result.ok).toBe(false);
    }
  });

  it('says "tampered" when the payload was changed and re-encoded well', () => {
    const code = key.sign(samplePayload());
    const { payload, signature } = splitCode(code);
    const raised = encodePayload({ ...payload, overallScore: 10_000 });
    const forged = CODE_PREFIX + Buffer.concat([raised, signature]).toString('base64url');
    expect(verifyCertificate(forged, keysOf(key.published))).toMatchObject({ ok: false, reason: 'tampered' });
  });

  it('refuses a payload signed by a key the list does not know', () => {
    const stranger = testKey();
    expect(verifyCertificate(stranger.sign(samplePayload()), keysOf(key.published))).toMatchObject({
      ok: false,
      reason: 'unknown-key',
    });
  });

  it('refuses a stranger key listed under a published key id', () => {
    const stranger = testKey();
    const code = stranger.sign(samplePayload());
    const lying = keysOf({ ...stranger.published, keyId: key.published.keyId }, key.published);
    const { payload, signature } = splitCode(code);
    const relabelled = encodePayload({ ...payload, keyId: key.published.keyId });
    const forged = CODE_PREFIX + Buffer.concat([relabelled, signature]).toString('base64url');
    expect(verifyCertificate(forged, lying).ok).toBe(false);
  });

  it("refuses one person's payload with another person's signature", () => {
    const amina = splitCode(key.sign(samplePayload('Amina Diallo')));
    const boris = splitCode(key.sign(samplePayload('Boris Petrov')));
    const swapped = CODE_PREFIX + Buffer.concat([boris.payloadBytes, amina.signature]).toString('base64url');
    expect(verifyCertificate(swapped, keysOf(key.published))).toMatchObject({
      ok: false,
      reason: 'tampered',
      certificate: { holderName: 'Boris Petrov' },
    });
  });

  it('keeps certificates of a retired key valid and refuses those of a revoked key', () => {
    const retired = testKey();
    const revoked = testKey('2026-06-01T00:00:00.000Z');
    const current = testKey();
    const keys = keysOf(
      { ...retired.published, retiredAt: '2026-03-01T00:00:00.000Z' },
      { ...revoked.published, retiredAt: '2026-06-01T00:00:00.000Z' },
      current.published,
    );
    expect(verifyCertificate(retired.sign(samplePayload()), keys).ok).toBe(true);
    expect(verifyCertificate(current.sign(samplePayload()), keys).ok).toBe(true);
    expect(verifyCertificate(revoked.sign(samplePayload()), keys)).toMatchObject({ ok: false, reason: 'revoked-key' });
  });

  it('says "malformed" for what is not a code', () => {
    const keys = keysOf(key.published);
    for (const text of ['', 'hello', `${CODE_PREFIX}`, `${CODE_PREFIX}AAAA`, `${CODE_PREFIX}!!!!`]) {
      expect(verifyCertificate(text, keys)).toMatchObject({ ok: false, reason: 'malformed' });
    }
  });
});
