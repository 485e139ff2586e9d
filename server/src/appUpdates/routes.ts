import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sendFileWithRanges } from '../web/byteRanges';
import { isReleaseFileName, MANIFEST_NAME } from './appRelease';

/** Where the desktop app's updater looks (electron/updates/updateController.ts, updateFeedUrl). */
export const APP_UPDATES_ROUTE = '/v1/app';

const MEDIA_TYPES: Record<string, string> = {
  '.yml': 'text/yaml; charset=utf-8',
  '.exe': 'application/vnd.microsoft.portable-executable',
  '.zip': 'application/zip',
  '.dmg': 'application/x-apple-diskimage',
  '.appimage': 'application/vnd.appimage',
  '.deb': 'application/vnd.debian.binary-package',
  '.blockmap': 'application/octet-stream',
};

/**
 * The published app releases (`npm run hub -- publish app DIR`), read-only, to anyone: an
 * installer is public, and electron-updater checks each file's sha512 against the manifest.
 * Ranges, single and multiple, serve the differential download.
 */
export function registerAppUpdateRoutes(app: FastifyInstance, appDir: string): void {
  app.get<{ Params: { file: string }; Headers: { range?: string; 'if-range'?: string } }>(
    `${APP_UPDATES_ROUTE}/:file`,
    {
      schema: {
        params: { type: 'object', required: ['file'], properties: { file: { type: 'string', maxLength: 255 } } },
        headers: { type: 'object', properties: { range: { type: 'string' }, 'if-range': { type: 'string' } } },
      },
    },
    async (request, reply) => {
      const { file } = request.params;
      const full = path.resolve(appDir, file);
      // Only a plain name inside the folder: no "..", no separator, no hidden or temporary file.
      if (!isReleaseFileName(file) || path.dirname(full) !== path.resolve(appDir) || !existsSync(full))
        return reply.code(404).send({ error: 'no-such-file' });
      const stat = statSync(full);
      if (!stat.isFile()) return reply.code(404).send({ error: 'no-such-file' });
      const { range, 'if-range': ifRange } = request.headers;
      return sendFileWithRanges(
        reply,
        {
          file: full,
          size: stat.size,
          etag: `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`,
          contentType: MEDIA_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          // A manifest changes with each release: always revalidated. An installer keeps its name per version.
          cacheControl: MANIFEST_NAME.test(file) ? 'no-cache' : 'public, max-age=3600',
        },
        range,
        ifRange,
      );
    },
  );
}
