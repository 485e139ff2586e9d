import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { requireSession } from '../accounts/routes';
import type { Accounts } from '../accounts/accounts';
import { syncRequestSchema, type SyncRequest } from './protocol';
import type { SyncService } from './syncService';

export function registerSyncRoutes(app: FastifyInstance, accounts: Accounts, sync: SyncService) {
  app.post<{ Body: SyncRequest }>(
    '/v1/sync',
    { preHandler: requireSession(accounts), schema: { body: syncRequestSchema } },
    async (request, reply) => {
      const answer = await sync.sync(request.signedIn!.userId, request.body);
      const json = JSON.stringify(answer);
      reply.header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store');
      if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        return reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding').send(gzipSync(json));
      }
      return reply.send(json);
    },
  );
}
