import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { resolveRendererFile, serveRendererFile } from '../../electron/appProtocol';

export const DIST = path.resolve(import.meta.dirname, '../../dist');

export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer on loopback the way Electron's app:// handler does (same file
 * mapping, same Content-Security-Policy), so browser tests run the production build under the
 * production policy.
 */
export async function startRendererServer(root = DIST): Promise<RunningServer> {
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    void serveRendererFile(resolveRendererFile(root, pathname), readFile).then(async (answer) => {
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      response.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
