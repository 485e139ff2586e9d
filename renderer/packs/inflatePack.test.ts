import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflatePack } from './inflatePack';

const json = new TextEncoder().encode(JSON.stringify({ format: 1, text: 'Study Group '.repeat(2000) }));
const gzip = new Uint8Array(gzipSync(json, { level: 9 }));

describe('inflatePack', () => {
  it('gives back the JSON of a gzip file of the signed size', async () => {
    expect(await inflatePack(gzip, json.length)).toEqual({ ok: true, bytes: json });
  });

  it('stops once the output passes the signed size', async () => {
    expect(await inflatePack(gzip, json.length - 1)).toEqual({ ok: false, reason: 'too-large' });
    const bomb = new Uint8Array(gzipSync(new Uint8Array(64 * 1024 * 1024)));
    expect(await inflatePack(bomb, 1000)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('refuses bytes that are not gzip, cut short, or inflate to less than the signed size', async () => {
    expect(await inflatePack(json, json.length)).toEqual({ ok: false, reason: 'invalid-pack' });
    expect(await inflatePack(gzip.subarray(0, gzip.length - 10), json.length)).toEqual({
      ok: false,
      reason: 'invalid-pack',
    });
    expect(await inflatePack(gzip, json.length + 1)).toEqual({ ok: false, reason: 'invalid-pack' });
  });
});
