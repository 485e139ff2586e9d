import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/** Bodies are limited twice: as sent (Fastify's bodyLimit) and once inflated, against gzip bombs. */
export const MAX_INFLATED_BYTES = 8 * 1024 * 1024;

export class BodyError extends Error {
  constructor(
    readonly statusCode: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** The JSON value of a request body sent as identity, gzip, deflate or br. */
export function parseCompressedJson(body: Buffer, contentEncoding: string | undefined): unknown {
  const encoding = (contentEncoding ?? 'identity').trim().toLowerCase();
  let raw: Buffer;
  try {
    const limits = { maxOutputLength: MAX_INFLATED_BYTES };
    if (encoding === 'identity') raw = body;
    else if (encoding === 'gzip') raw = gunzipSync(body, limits);
    else if (encoding === 'deflate') raw = inflateSync(body, limits);
    else if (encoding === 'br') raw = brotliDecompressSync(body, limits);
    else throw new BodyError(415, `unsupported content-encoding ${encoding}`);
  } catch (error) {
    if (error instanceof BodyError) throw error;
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new BodyError(413, 'body too large once inflated');
    throw new BodyError(400, 'body is not validly compressed');
  }
  if (raw.length > MAX_INFLATED_BYTES) throw new BodyError(413, 'body too large');
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new BodyError(400, 'body is not JSON');
  }
}
