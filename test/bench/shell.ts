import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { INTERACTIVE_MARK } from '../../renderer/app/marks';
import { DIST } from '../support/rendererServer';
import { median } from './stats';

export interface Figure {
  name: string;
  value: string;
  target?: string;
}

/** The entry script and the modules it preloads: what must arrive before anything runs. */
export function initialJavaScriptGzipBytes(): number {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const sources = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  return sources.reduce((total, src) => total + gzipSync(readFileSync(path.join(DIST, src))).length, 0);
}

/** Navigation start to the shell's first committed render, in a fresh profile each run. */
export async function timeToInteractive(browser: Browser, origin: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ locale: run % 2 ? 'ar' : 'fr' });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, INTERACTIVE_MARK);
    times.push(await page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, INTERACTIVE_MARK));
    await context.close();
  }
  return times;
}

export async function shellFigures(browser: Browser, origin: string): Promise<Figure[]> {
  const kilobytes = initialJavaScriptGzipBytes() / 1000;
  const times = await timeToInteractive(browser, origin, 9);
  return [
    { name: 'Initial JS (entry + preloads), gzip', value: `${kilobytes.toFixed(1)} kB`, target: '≤ 200 kB' },
    {
      name: 'Navigation to interactive shell, median of 9',
      value: `${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
      target: '≤ 500 ms',
    },
  ];
}
