import { describe, expect, it } from 'vitest';
import { HttpRequestFramer } from './httpRequestFramer';

const STREAM = [
  'POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 18\r\n\r\nGET /no HTTP/1.1\r\n',
  'POST /b HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nPOST \r\n3\r\nabc\r\n0\r\nX-Trailer: 1\r\n\r\n',
  'GET /c HTTP/1.1\r\n\r\n',
  'POST /d HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n',
  'HEAD /e HTTP/1.1\r\n\r\n',
].join('');

function framesOf(pieces: Buffer[]) {
  const framer = new HttpRequestFramer();
  return pieces.flatMap((piece) => framer.push(piece));
}

describe('the HTTP request framer', () => {
  const expected = [
    { line: 'POST /a HTTP/1.1', position: 0 },
    { line: 'POST /b HTTP/1.1', position: STREAM.indexOf('POST /b') },
    { line: 'GET /c HTTP/1.1', position: STREAM.indexOf('GET /c') },
    { line: 'POST /d HTTP/1.1', position: STREAM.indexOf('POST /d') },
    { line: 'HEAD /e HTTP/1.1', position: STREAM.indexOf('HEAD /e') },
  ];

  it('finds each request of a keep-alive stream, skipping bodies sized or chunked, with trailers', () => {
    expect(framesOf([Buffer.from(STREAM)])).toEqual(expected);
  });

  it('finds the same requests whatever the stream is cut into, down to single bytes', () => {
    const bytes = Buffer.from(STREAM);
    expect(framesOf([...bytes].map((byte) => Buffer.from([byte])))).toEqual(expected);
    for (const size of [2, 7, 13, 50]) {
      const pieces = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
        bytes.subarray(i * size, (i + 1) * size),
      );
      expect(framesOf(pieces)).toEqual(expected);
    }
  });
});
