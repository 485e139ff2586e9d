import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import packageJson from './package.json' with { type: 'json' };
import { CONTENT_SECURITY_POLICY } from './electron/security/contentSecurityPolicy.ts';

/**
 * `npm run web` (and `npm run dev`) pass the sync routes to a hub, so that the page and its hub
 * share one origin as when the hub serves the web build: the session cookie and the
 * Content-Security-Policy (connect-src 'self') then need nothing more. The hub's default address
 * is `npm run hub`'s.
 */
const hubProxy = { '/v1': { target: process.env['HUB_URL'] ?? 'http://127.0.0.1:8787' } };

/**
 * `GAPBRIDGE_TRUSTED_KEYS=keys.json npm run build`: a build that trusts the pack keys in that file
 * instead of renderer/packs/trustedKeys.json (same shape), so that a hub operator builds the app
 * for their hub without editing the repository, and the end-to-end tests build one that trusts
 * their own hub's key (docs/packs.md).
 */
function trustedKeysFromEnvironment(): Plugin {
  const file = process.env['GAPBRIDGE_TRUSTED_KEYS'];
  const shipped = path.resolve(import.meta.dirname, 'renderer/packs/trustedKeys.json');
  return {
    name: 'gapbridge-trusted-keys',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!file || !importer || !source.endsWith('trustedKeys.json')) return null;
      return path.resolve(path.dirname(importer), source) === shipped ? path.resolve(file) : null;
    },
  };
}

/** The renderer: one build served by Electron's app:// scheme and, unchanged, by `npm run web`. */
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [
    trustedKeysFromEnvironment(),
    react(),
    // The web build's offline worker (dist/sw.js). Electron loads the same dist/ over app:// and
    // never registers it: renderer/app/offline/offlineWorker.ts decides at run time.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      filename: 'sw.js',
      workbox: {
        // The whole app: shell, every chunk (pdf.js's worker is an .mjs), every woff2 slice of every font, the content packs.
        // The .woff twins are left out: every browser with service workers takes woff2 first.
        globPatterns: ['**/*.{html,js,mjs,css,svg,woff2,json}'],
        // Chinese and Arabic slices and the course packs can be large; the largest chunk too.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        // Hashed file names are their own revision.
        dontCacheBustURLsMatching: /-[\w-]{8}\.\w+$|\.[0-9a-f]{12}\.json$/,
        navigateFallback: '/index.html',
        inlineWorkboxRuntime: true,
        cleanupOutdatedCaches: true,
        // A new version waits until the user reloads (the update notice): never swapped mid-session.
        skipWaiting: false,
        clientsClaim: false,
        sourcemap: false,
      },
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(packageJson.version) },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'chrome140',
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // One chunk of interface strings per language, loaded on demand.
        codeSplitting: {
          groups: [
            { name: (id: string) => /[\\/]locales[\\/](\w+)[\\/]/.exec(id)?.[1]?.replace(/^/, 'strings-') ?? null },
          ],
        },
      },
    },
  },
  preview: {
    port: 5173,
    strictPort: true,
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    proxy: hubProxy,
  },
  server: { port: 5173, proxy: hubProxy },
});
