import { existsSync, statSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { sendFileWithRanges } from '../web/byteRanges';
import { PACK_KINDS } from '../../../renderer/packs/signedManifest';
import { publishedPack, readManifest } from './packStore';

const errorSchema = { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] } as const;

/**
 * Public routes: the signed manifest and the pack files. Packs are the same for everyone and
 * signed, so no account is needed to read them; a hub publishes only what its operator chose.
 */
export function registerPackRoutes(app: FastifyInstance, packsDir: string): void {
  app.get(
    '/v1/packs/manifest',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            required: ['manifest', 'signature'],
            properties: {
              signature: { type: 'string' },
              manifest: {
                type: 'object',
                required: ['format', 'sequence', 'issuedAt', 'keyId', 'packs'],
                properties: {
                  format: { type: 'integer' },
                  sequence: { type: 'integer' },
                  issuedAt: { type: 'string' },
                  keyId: { type: 'string' },
                  packs: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id', 'kind', 'lang', 'version', 'sha256', 'size', 'encoding', 'inflatedSize', 'url'],
                      properties: {
                        id: { type: 'string' },
                        kind: { type: 'string' },
                        lang: { type: 'string' },
                        version: { type: 'string' },
                        sha256: { type: 'string' },
                        size: { type: 'integer' },
                        encoding: { type: 'string' },
                        inflatedSize: { type: 'integer' },
                        url: { type: 'string' },
                      },
                    },
                  },
                },
              },
            },
          },
          404: errorSchema,
        },
      },
    },
    async (_request, reply) => {
      const signed = readManifest(packsDir);
      if (!signed) return reply.code(404).send({ error: 'no-packs-published' });
      // Always revalidated: a device must see a new publication at its next sync.
      return reply.header('cache-control', 'no-cache').send(signed);
    },
  );

  app.get<{
    Params: { kind: string; lang: string; version: string };
    Headers: { range?: string; 'if-range'?: string };
  }>(
    '/v1/packs/:kind/:lang/:version',
    {
      schema: {
        params: {
          type: 'object',
          required: ['kind', 'lang', 'version'],
          properties: {
            kind: { type: 'string', enum: [...PACK_KINDS] },
            lang: { type: 'string', pattern: '^(all|[a-z]{2})$' },
            version: { type: 'string', pattern: '^\\d+(\\.\\d+)*$' },
          },
        },
        headers: {
          type: 'object',
          properties: { range: { type: 'string' }, 'if-range': { type: 'string' } },
        },
        response: { 404: errorSchema, 416: errorSchema },
      },
    },
    async (request, reply) => {
      const { kind, lang, version } = request.params;
      const found = publishedPack(packsDir, kind, lang, version);
      if (!found || !existsSync(found.file)) return reply.code(404).send({ error: 'no-such-pack' });
      const { range, 'if-range': ifRange } = request.headers;
      return sendFileWithRanges(
        reply,
        {
          file: found.file,
          size: statSync(found.file).size,
          etag: `"${found.entry.sha256}"`,
          // The gzip file itself, not Content-Encoding: the device checks the exact signed bytes,
          // and Range addresses them (a browser would inflate a Content-Encoding: gzip answer).
          contentType: 'application/gzip',
          // A version's bytes never change: caches may keep them.
          cacheControl: 'public, max-age=31536000, immutable',
        },
        range,
        ifRange,
      );
    },
  );
}
