import Fastify, { type FastifyInstance } from 'fastify';
import { createAccounts, type Clock } from './accounts/accounts';
import { registerAppUpdateRoutes } from './appUpdates/routes';
import type { AnswerKey } from './certificates/answerKey';
import { createCertificateService } from './certificates/certificateService';
import { registerCertificateRoutes } from './certificates/routes';
import { createSigningKeys } from './certificates/signingKeys';
import { registerAccountRoutes } from './accounts/routes';
import type { Database } from './db/database';
import { registerDraftRoutes } from './drafts/routes';
import { createSharing } from './drafts/sharing';
import { createSyncService } from './sync/syncService';
import { registerPackRoutes } from './packs/routes';
import { registerSyncRoutes } from './sync/routes';
import type { BodyError } from './web/compressedJson';
import { parseCompressedJson } from './web/compressedJson';
import { serveWebApp } from './web/webApp';

/** What a request may send before it is inflated (a sync page is about 256 KB compressed). */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface HubOptions {
  db: Database;
  clock?: Clock;
  /** The built web app (dist/) to serve from the hub's origin, if present. */
  webRoot?: string;
  /** The folder of published content packs (`npm run hub -- publish`), served without an account. */
  packsDir?: string;
  /** The folder of published app releases (`npm run hub -- publish app`), served at /v1/app/. */
  appDir?: string;
  logger?: boolean;
  /** The course's answer key, from the packs the hub publishes; without it no certificate is issued. */
  answerKey?: AnswerKey | null;
}

export function buildHub({
  db,
  clock = () => new Date(),
  webRoot,
  packsDir,
  appDir,
  logger = false,
  answerKey = null,
}: HubOptions): FastifyInstance {
  const app = Fastify({
    logger,
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: false,
    // Strict validation: an unknown field or a value of the wrong type is a 400, never quietly
    // dropped or converted (Fastify's defaults remove extra fields and coerce types).
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      done(null, parseCompressedJson(body as Buffer, request.headers['content-encoding']));
    } catch (error) {
      done(error as BodyError, undefined);
    }
  });
  app.setErrorHandler((error: { statusCode?: number; validation?: unknown; message: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) app.log.error(error);
    return reply
      .code(status)
      .send({ error: status === 500 ? 'internal' : error.validation ? 'invalid' : error.message });
  });

  const accounts = createAccounts(db, clock);
  app.get('/v1/health', async () => ({ ok: true, database: db.kind }));
  registerAccountRoutes(app, accounts);
  registerSyncRoutes(app, accounts, createSyncService(db, clock));
  registerDraftRoutes(app, accounts, createSharing(db, clock));
  const signingKeys = createSigningKeys(db, clock);
  registerCertificateRoutes(app, accounts, signingKeys, createCertificateService(db, signingKeys, answerKey, clock));
  if (packsDir) registerPackRoutes(app, packsDir);
  if (appDir) registerAppUpdateRoutes(app, appDir);
  if (webRoot) serveWebApp(app, webRoot);
  return app;
}
