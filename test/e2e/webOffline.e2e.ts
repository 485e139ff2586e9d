import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCoursePack } from '../support/courseDriver';
import { readNamespace } from '../support/locales';
import { DIST, startRendererServer, type RunningServer } from '../support/rendererServer';
import { SCREENSHOTS, useSharedBrowser } from '../support/sharedBrowser';

const browser = useSharedBrowser();

/** A copy of the build, so that a test can publish a "new version" of it. */
let root: string;
let server: RunningServer;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'gapbridge-web-'));
  cpSync(DIST, root, { recursive: true });
  server = await startRendererServer(root);
});

afterAll(async () => {
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

interface WebSession {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** Opens the web build and waits until its offline worker is active (everything precached). */
async function openWebBuild(locale: string): Promise<WebSession> {
  const context = await browser().newContext({ locale, viewport: { width: 1100, height: 760 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  await page.goto(`${server.origin}/`);
  await page.locator('nav').waitFor();
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(`${server.origin}/`);
  return { context, page, errors };
}

function title(language: string, namespace: string): string {
  return readNamespace(language, namespace).title as string;
}

async function chooseLanguage(page: Page, language: string): Promise<void> {
  await page.locator('header select').selectOption(language);
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
}

async function openView(page: Page, view: string, language: string): Promise<void> {
  await page.locator(`.shell-nav a[href="#/${view}"]`).click();
  await expect.poll(() => page.locator('main h1').first().innerText()).toBe(title(language, view));
}

/** Every section, and one lesson, shows its own content in `language`. */
async function visitEveryScreen(page: Page, language: string): Promise<void> {
  await openView(page, 'home', language);
  await page.getByTestId('whats-next').waitFor();
  await openView(page, 'course', language);
  await page.locator('.module-card').first().waitFor({ timeout: 30_000 });
  const lesson = builtCoursePack(language).lessons[0]!;
  await page.goto(`${server.origin}/#/course/lesson/${lesson.id}`);
  await expect.poll(() => page.locator('.lesson h1').innerText()).toBe(lesson.title);
  await openView(page, 'meetings', language);
  await openView(page, 'drafts', language);
  await page.getByTestId('new-draft').waitFor();
  await openView(page, 'settings', language);
  // No section fell back to "could not be loaded".
  expect(await page.locator('main [role="alert"]').count()).toBe(0);
}

/** The status of each loaded face of `family`: a face the page needed and could not fetch is 'error'. */
function fontFaceStatuses(page: Page, family: string): Promise<string[]> {
  return page.evaluate(async (name) => {
    await document.fonts.ready;
    return [...document.fonts].filter((face) => face.family.replace(/"/g, '') === name).map((face) => face.status);
  }, family);
}

describe('the web build, offline', () => {
  it('reloads with no network and works in Chinese and Arabic, fonts included', async () => {
    const { context, page, errors } = await openWebBuild('en-GB');
    await context.setOffline(true);
    await page.reload();
    await page.locator('nav').waitFor();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await chooseLanguage(page, 'zh');
    await visitEveryScreen(page, 'zh');
    const chinese = await fontFaceStatuses(page, 'Noto Sans SC');
    expect(chinese).toContain('loaded');
    expect(chinese).not.toContain('error');
    const heading = await page.locator('main h1').first().innerText();
    expect(await page.evaluate((text) => document.fonts.check('16px "Noto Sans SC"', text), heading)).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'web-offline-zh.png') });

    await chooseLanguage(page, 'ar');
    await visitEveryScreen(page, 'ar');
    const arabic = await fontFaceStatuses(page, 'Noto Sans Arabic');
    expect(arabic).toContain('loaded');
    expect(arabic).not.toContain('error');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'web-offline-ar.png') });

    // A second reload, now in Arabic, still comes from the worker.
    await page.reload();
    await openView(page, 'settings', 'ar');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a new version of the web build', () => {
  it('waits for the user: the page keeps its version until they choose Reload', async () => {
    const { context, page, errors } = await openWebBuild('fr-FR');
    // The first visit installs the worker; from the next one on, it serves the page.
    await page.reload();
    await page.locator('nav').waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // Publish a new build: a worker script that differs by a byte is a new version.
    appendFileSync(path.join(root, 'sw.js'), `\n// ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const notice = page.getByTestId('update-notice');
    await notice.waitFor();
    const strings = readNamespace('fr', 'shell').update as Record<string, string>;
    expect(await notice.locator('p').innerText()).toBe(strings.ready);

    // Installed, but not taken over: the page is still served by the version it started with.
    const workers = () =>
      page.evaluate(async () => {
        const registration = (await navigator.serviceWorker.getRegistration())!;
        return {
          isWaiting: registration.waiting !== null,
          isControlledByActive: navigator.serviceWorker.controller === registration.active,
        };
      });
    expect(await workers()).toEqual({ isWaiting: true, isControlledByActive: true });
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'update-notice-fr.png') });
    await chooseLanguage(page, 'ar');
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'update-notice-ar.png') });
    expect(await workers()).toEqual({ isWaiting: true, isControlledByActive: true });

    await Promise.all([page.waitForEvent('load'), notice.getByRole('button').click()]);
    await page.locator('nav').waitFor();
    await expect.poll(workers).toEqual({ isWaiting: false, isControlledByActive: true });
    expect(await notice.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
