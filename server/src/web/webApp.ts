import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { resolveRendererFile, serveRendererFile } from '../../../electron/appProtocol';

/**
 * The web build (dist/) from the hub's own origin, with the same file mapping and
 * Content-Security-Policy as the desktop app, so a browser user gets app and hub from one place.
 */
export function serveWebApp(app: FastifyInstance, root: string): boolean {
  if (!existsSync(root)) return false;
  app.get('/*', async (request, reply) => {
    const pathname = new URL(request.url, 'http://hub').pathname;
    if (pathname.startsWith('/v1/')) return reply.code(404).send({ error: 'not-found' });
    const answer = await serveRendererFile(resolveRendererFile(root, pathname), readFile);
    reply.code(answer.status);
    answer.headers.forEach((value, name) => reply.header(name, value));
    return reply.send(Buffer.from(await answer.arrayBuffer()));
  });
  return true;
}
