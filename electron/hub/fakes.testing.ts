import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SecretBox } from './secretBox';

/**
 * A SecretBox for tests: a reversible transform (bytes reversed, each XOR 0x5a), so a test can
 * check that the file never holds the token in clear and still recover it.
 */
export function reversibleBox(available = true): SecretBox & { reveal(encrypted: Uint8Array): string } {
  const scramble = (bytes: Uint8Array) => Uint8Array.from([...bytes].reverse().map((byte) => byte ^ 0x5a));
  const reveal = (encrypted: Uint8Array) => Buffer.from(scramble(encrypted)).toString('utf8');
  return {
    available: async () => available,
    encrypt: async (plain) => scramble(Buffer.from(plain, 'utf8')),
    decrypt: async (encrypted) => reveal(encrypted),
    reveal,
  };
}

/** A plain HTTP server on 127.0.0.1 that records the paths asked of it and answers with `respond`. */
export async function recordingServer(
  respond: (path: string) => { status: number; headers?: Record<string, string>; body?: string },
): Promise<{ origin: string; paths: string[]; close(): Promise<void> }> {
  const paths: string[] = [];
  const server: Server = createServer((request, response) => {
    paths.push(request.url ?? '');
    request.resume();
    const { status, headers = {}, body = '' } = respond(request.url ?? '');
    response.writeHead(status, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    paths,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An origin on this computer where nothing listens (a server opened and closed again). */
export async function closedOrigin(): Promise<string> {
  const server = await recordingServer(() => ({ status: 200 }));
  await server.close();
  return server.origin;
}
