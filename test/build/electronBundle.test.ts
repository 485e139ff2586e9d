import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Checks the output of `npm run build:electron`, which `npm test` runs first.
const OUT = path.resolve(import.meta.dirname, '../../dist-electron');

function requires(file: string): string[] {
  const code = readFileSync(path.join(OUT, file), 'utf8');
  return [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]!);
}

describe('Electron bundles', () => {
  it('has a preload that requires nothing but electron, as a sandboxed preload must', () => {
    expect(requires('preload.cjs')).toEqual(['electron']);
  });

  it('has a main process that requires only electron, Node built-ins and what electron-builder packs', () => {
    const modules = requires('main.cjs');
    expect(modules).toContain('electron');
    // electron-builder packs the production dependencies (electron-updater) and nothing else.
    const { dependencies } = JSON.parse(readFileSync(path.resolve(OUT, '../package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(modules).toContain('electron-updater');
    const isBuiltIn = (m: string) => m.startsWith('node:') || builtinModules.includes(m);
    expect(modules.filter((m) => m !== 'electron' && !isBuiltIn(m) && !Object.hasOwn(dependencies, m))).toEqual([]);
  });

  it('points package.json main at the built main process', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(OUT, '../package.json'), 'utf8')) as { main: string };
    expect(path.resolve(OUT, '..', pkg.main)).toBe(path.join(OUT, 'main.cjs'));
  });
});
