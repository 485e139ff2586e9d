import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import packageJson from './package.json' with { type: 'json' };
import { CONTENT_SECURITY_POLICY } from './electron/security/contentSecurityPolicy.ts';

/** The renderer: one build served by Electron's app:// scheme and, unchanged, by `npm run web`. */
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
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
  },
  server: { port: 5173 },
});
