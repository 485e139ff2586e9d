import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Checks the output of `npm run build:renderer`, which `npm test` runs first.
const DIST = path.resolve(import.meta.dirname, '../../dist');

function precachedUrls(): Set<string> {
  const worker = readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  return new Set([...worker.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]!));
}

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(DIST, dir)).map((file) => `${dir}/${file}`);
}

describe("the web build's offline worker", () => {
  it('precaches the shell, every script and style, and every content pack', () => {
    const urls = precachedUrls();
    expect(urls).toContain('index.html');
    const expected = [...filesUnder('assets'), ...filesUnder('packs')].filter((f) => /\.(m?js|css|svg|json)$/.test(f));
    expect(expected.filter((file) => !urls.has(file))).toEqual([]);
    expect(expected.some((file) => file.startsWith('packs/course-zh.'))).toBe(true);
  });

  it('precaches every woff2 slice that a stylesheet names, Chinese and Arabic included', () => {
    const urls = precachedUrls();
    const css = filesUnder('assets')
      .filter((file) => file.endsWith('.css'))
      .map((file) => readFileSync(path.join(DIST, file), 'utf8'))
      .join('\n');
    const fonts = [...new Set([...css.matchAll(/url\(\/?(assets\/[^)]+\.woff2)\)/g)].map((m) => m[1]!))];
    expect(fonts.filter((font) => font.includes('noto-sans-sc')).length).toBeGreaterThan(100);
    expect(fonts.some((font) => font.includes('noto-sans-arabic-arabic'))).toBe(true);
    expect(fonts.filter((font) => !urls.has(font))).toEqual([]);
  });

  it('is not referenced by the page itself: only the run-time check registers it', () => {
    expect(readFileSync(path.join(DIST, 'index.html'), 'utf8')).not.toMatch(/sw\.js|registerSW|manifest\.webmanifest/);
  });
});
