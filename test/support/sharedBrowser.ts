import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';

/** Where end-to-end tests leave screenshots to look at (git-ignored). */
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** One Chromium for the test file, started before its tests and closed after them. */
export function useSharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('The browser starts in beforeAll');
    return browser;
  };
}
