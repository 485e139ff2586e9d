import path from 'node:path';
import { APP_SCHEME } from '../renderer/platform/contract';
import { isAppUrl } from './security/appUrl';
import { CONTENT_SECURITY_POLICY } from './security/contentSecurityPolicy';

/**
 * app:// is standard (so it has an origin and IndexedDB) and secure (like https). Registered
 * before the app is ready.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker (a module worker: served as JavaScript or the browser refuses it).
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The file under `root` that a renderer path names, or null when the path climbs out of `root`.
 * Paths without an extension are the single-page app's index.
 */
export function resolveRendererFile(root: string, encodedPathname: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(encodedPathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = path.extname(pathname) ? pathname : '/index.html';
  const file = path.resolve(root, `.${relative}`);
  const fromRoot = path.relative(root, file);
  if (fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return file;
}

/** The file under `root` that an app:// request names, or null for another origin or a bad path. */
export function resolveAppFile(root: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  return resolveRendererFile(root, new URL(requestUrl).pathname);
}

export type ReadFile = (file: string) => Promise<Uint8Array<ArrayBuffer>>;

/** The renderer's response for a file: its type and the CSP, or 404. */
export async function serveRendererFile(file: string | null, readFile: ReadFile): Promise<Response> {
  if (!file) return new Response('Not found', { status: 404 });
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readFile(file);
  } catch {
    return new Response('Not found', { status: 404 });
  }
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      // Vite names everything under assets/ by its content hash, so it never changes.
      'Cache-Control': file.includes(`${path.sep}assets${path.sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    },
  });
}

/** The protocol.handle() handler: the built renderer, with the CSP on every response. */
export function createAppProtocolHandler(root: string, readFile: ReadFile) {
  return (request: Request): Promise<Response> => serveRendererFile(resolveAppFile(root, request.url), readFile);
}
