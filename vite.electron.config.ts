import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/** The app's production dependencies (electron-updater): electron-builder packs them into the app, so they stay external. */
const PACKAGED = Object.keys(
  (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { dependencies?: object })
    .dependencies ?? {},
);

const ENTRIES = { main: 'electron/main.ts', preload: 'electron/preload.ts' } as const;

/**
 * The main process and the preload, each bundled into one self-contained CommonJS file
 * (`vite build --mode main`, then `--mode preload`): a sandboxed preload can require nothing
 * but `electron`, so the two must not share chunks. `electron`, Node built-ins and the packaged
 * dependencies stay external.
 */
export default defineConfig(({ mode }) => {
  if (mode !== 'main' && mode !== 'preload') throw new Error('Build with --mode main or --mode preload');
  return {
    build: {
      outDir: 'dist-electron',
      emptyOutDir: mode === 'main',
      target: 'node22',
      minify: false,
      sourcemap: true,
      ssr: ENTRIES[mode],
      reportCompressedSize: false,
      rolldownOptions: {
        external: ['electron', ...PACKAGED, ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
        output: { format: 'cjs', entryFileNames: `${mode}.cjs` },
      },
    },
    ssr: { noExternal: true },
  };
});
