import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { BodyError } from './compressedJson';
import { MAX_INFLATED_BYTES, parseCompressedJson } from './compressedJson';

const body = { hello: 'wörld' };

describe('compressed JSON bodies', () => {
  it('reads identity, gzip, deflate and brotli', () => {
    const json = Buffer.from(JSON.stringify(body));
    expect(parseCompressedJson(json, undefined)).toEqual(body);
    expect(parseCompressedJson(gzipSync(json), 'gzip')).toEqual(body);
    expect(parseCompressedJson(deflateSync(json), 'deflate')).toEqual(body);
    expect(parseCompressedJson(brotliCompressSync(json), 'br')).toEqual(body);
  });

  it('refuses a gzip bomb without inflating it whole', () => {
    // 10 MB of zeros compresses to ~10 kB.
    const bomb = gzipSync(Buffer.alloc(MAX_INFLATED_BYTES + 1024 * 1024));
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(() => parseCompressedJson(bomb, 'gzip')).toThrow(expect.objectContaining({ statusCode: 413 }));
  });

  it('names what is wrong: bad compression, not JSON, unknown encoding', () => {
    const attempt = (buffer: Buffer, encoding?: string) => {
      try {
        parseCompressedJson(buffer, encoding);
      } catch (error) {
        return (error as BodyError).statusCode;
      }
      return 200;
    };
    expect(attempt(Buffer.from('not gzip'), 'gzip')).toBe(400);
    expect(attempt(Buffer.from('{"half":'), undefined)).toBe(400);
    expect(attempt(Buffer.from('{}'), 'compress')).toBe(415);
  });
});
