import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

/** More ranges than this in one request: the whole file instead (a guard against range floods). */
export const MAX_RANGES = 2000;

/**
 * A `Range` header against a file of `size` bytes (RFC 9110 §14.1.2): the satisfiable ranges in
 * the order asked, 'whole' when the header is not a bytes range this server honours (a server
 * may ignore Range), or null when none of the ranges can be satisfied.
 */
export function parseByteRanges(header: string, size: number): ByteRange[] | 'whole' | null {
  const match = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
  if (!match) return 'whole';
  const specs = match[1]!.split(',').map((spec) => spec.trim());
  if (specs.length > MAX_RANGES) return 'whole';
  const ranges: ByteRange[] = [];
  for (const spec of specs) {
    const parts = /^(\d*)-(\d*)$/.exec(spec);
    if (!parts || (parts[1] === '' && parts[2] === '')) return 'whole';
    if (parts[1] === '') {
      const last = Number(parts[2]);
      if (last > 0 && size > 0) ranges.push({ start: Math.max(0, size - last), end: size - 1 });
      continue;
    }
    const start = Number(parts[1]);
    const end = parts[2] === '' ? size - 1 : Math.min(Number(parts[2]), size - 1);
    if (parts[2] !== '' && Number(parts[2]) < start) return 'whole';
    if (start < size) ranges.push({ start, end });
  }
  return ranges.length ? ranges : null;
}

export interface ServedFile {
  file: string;
  size: number;
  /** A strong validator: If-Range compares it. */
  etag: string;
  contentType: string;
  cacheControl: string;
}

/**
 * Sends a file whole, one range of it (206), or several (206 multipart/byteranges, the form
 * electron-updater's differential download asks for), honouring If-Range.
 */
export function sendFileWithRanges(
  reply: FastifyReply,
  served: ServedFile,
  range: string | undefined,
  ifRange: string | undefined,
): FastifyReply {
  const { file, size, etag, contentType, cacheControl } = served;
  reply.header('etag', etag).header('accept-ranges', 'bytes');
  // If-Range: the ranges only if the file is still the one the first bytes came from.
  const wanted = range && (ifRange === undefined || ifRange === etag) ? parseByteRanges(range, size) : 'whole';
  if (wanted === null) {
    return reply.code(416).header('content-range', `bytes */${size}`).send({ error: 'range-not-satisfiable' });
  }
  reply.header('cache-control', cacheControl);
  if (wanted === 'whole') {
    return reply.header('content-type', contentType).header('content-length', size).send(createReadStream(file));
  }
  if (wanted.length === 1) {
    const only = wanted[0]!;
    return reply
      .code(206)
      .header('content-type', contentType)
      .header('content-range', `bytes ${only.start}-${only.end}/${size}`)
      .header('content-length', only.end - only.start + 1)
      .send(createReadStream(file, only));
  }
  const parts: ByteRange[] = wanted;
  const boundary = randomBytes(12).toString('hex');
  const heads = parts.map((part, index) =>
    Buffer.from(
      `${index === 0 ? '' : '\r\n'}--${boundary}\r\ncontent-type: ${contentType}\r\n` +
        `content-range: bytes ${part.start}-${part.end}/${size}\r\n\r\n`,
    ),
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length =
    heads.reduce((sum, head) => sum + head.length, 0) +
    parts.reduce((sum, part) => sum + part.end - part.start + 1, 0) +
    tail.length;
  async function* body() {
    for (const [index, part] of parts.entries()) {
      yield heads[index]!;
      yield* createReadStream(file, part);
    }
    yield tail;
  }
  return reply
    .code(206)
    .header('content-type', `multipart/byteranges; boundary=${boundary}`)
    .header('content-length', length)
    .send(Readable.from(body()));
}
