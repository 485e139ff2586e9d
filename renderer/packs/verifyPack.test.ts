import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyPack } from './verifyPack';

const bytes = new TextEncoder().encode(JSON.stringify({ kind: 'calendar', meetings: ['a', 'b'] }));
const entry = { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };

describe('verifyPack', () => {
  it('accepts the exact bytes the manifest lists', () => {
    expect(verifyPack(bytes, entry)).toEqual({ ok: true });
  });

  it('refuses one changed byte, and a cut or padded download', () => {
    const changed = bytes.slice();
    changed[5] = changed[5]! ^ 1;
    expect(verifyPack(changed, entry)).toEqual({ ok: false, reason: 'wrong-hash' });
    expect(verifyPack(bytes.subarray(0, bytes.length - 1), entry)).toEqual({ ok: false, reason: 'wrong-size' });
    expect(verifyPack(new Uint8Array([...bytes, 32]), entry)).toEqual({ ok: false, reason: 'wrong-size' });
  });
});
