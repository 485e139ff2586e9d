import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { resolveRendererFile, serveRendererFile } from '../../electron/appProtocol';
import { DIST } from './rendererServer';

/** The origin the app is served under in these tests: localhost is a secure context, like app://. */
export const OFFLINE_ORIGIN = 'http://localhost';

/**
 * A browser profile with the network off from the very first launch: every request of the app's
 * origin is answered from the build, as Electron's app:// handler does, and nothing else gets out.
 */
export async function offlineContext(
  browser: Browser,
  options: { locale: string; timezoneId?: string },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    ...options,
    offline: true,
    viewport: { width: 1100, height: 760 },
    // As in Electron, which never registers the web build's offline worker (see webOffline.e2e.ts).
    serviceWorkers: 'block',
  });
  await context.route(`${OFFLINE_ORIGIN}/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    const answer = await serveRendererFile(resolveRendererFile(DIST, pathname), readFile);
    await route.fulfill({
      status: answer.status,
      headers: Object.fromEntries(answer.headers),
      body: Buffer.from(await answer.arrayBuffer()),
    });
  });
  return context;
}

export async function openOffline(context: BrowserContext, hash = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${OFFLINE_ORIGIN}/${hash}`);
  await page.locator('nav.shell-nav').waitFor();
  return page;
}
