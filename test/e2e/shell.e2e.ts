import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type LanguageCode } from '../../renderer/i18n/languages';
import { launchChromium } from '../support/chromium';
import { flatten, namespacesOf, readNamespace } from '../support/locales';
import { startRendererServer, type RunningServer } from '../support/rendererServer';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const BROWSER_LOCALE: Record<LanguageCode, string> = {
  ar: 'ar-EG',
  zh: 'zh-CN',
  en: 'en-GB',
  fr: 'fr-FR',
  ru: 'ru-RU',
  es: 'es-419',
};

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startRendererServer();
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Session {
  context: BrowserContext;
  page: Page;
  /** Everything the page asked the network for, and every error it reported. */
  requests: string[];
  errors: string[];
}

async function openApp(locale: string, hash = ''): Promise<Session> {
  const context = await browser.newContext({ locale, viewport: { width: 1100, height: 720 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  await page.goto(`${server.origin}/${hash}`);
  await page.locator('nav').waitFor();
  return { context, page, requests, errors };
}

function shellStrings(language: LanguageCode) {
  return flatten(readNamespace(language, 'shell'));
}

describe('the shell in each of the six languages', () => {
  it.each(LANGUAGES.map((l) => l.code))('follows a %s browser on first run, with no raw keys', async (code) => {
    const { context, page, errors } = await openApp(BROWSER_LOCALE[code]);
    const strings = shellStrings(code);
    const html = page.locator('html');
    expect(await html.getAttribute('lang')).toBe(code);
    expect(await html.getAttribute('dir')).toBe(code === 'ar' ? 'rtl' : 'ltr');

    const navLabels = await page.locator('.shell-nav a').allInnerTexts();
    expect(navLabels.map((label) => label.trim())).toEqual(
      ['home', 'course', 'meetings', 'drafts', 'settings'].map((view) => strings.get(`nav.${view}`)),
    );
    expect(await page.locator('header select').inputValue()).toBe(code);

    await page.getByTestId('whats-next').waitFor({ timeout: 30_000 });
    const text = await page.locator('body').innerText();
    // A missing string shows as its dotted key ("standing.heading"): none may appear.
    const dottedKeys = namespacesOf('en').flatMap((namespace) =>
      [...flatten(readNamespace(code, namespace)).keys()].map((key) =>
        key.replace(/_(zero|one|two|few|many|other)$/, ''),
      ),
    );
    for (const key of dottedKeys.filter((k) => k.includes('.'))) expect(text).not.toContain(key);
    expect(text).toContain(strings.get('status.online'));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('right to left', () => {
  it('mirrors the whole layout in Arabic', async () => {
    const { context, page } = await openApp('ar');
    const nav = await page.locator('nav').boundingBox();
    const main = await page.locator('main').boundingBox();
    expect(nav!.x).toBeGreaterThan(main!.x);
    const fontsReady = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px "Noto Sans Arabic"', 'العربية');
    });
    expect(fontsReady).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'shell-ar.png') });
    await page.locator('.shell-nav a').nth(4).click();
    const chineseName = page.locator('fieldset span[lang="zh"]');
    expect(await chineseName.evaluate((span) => getComputedStyle(span).fontFamily)).toMatch(/^"?Noto Sans SC/);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'settings-ar.png') });
    await context.close();
  });

  it('lays out left to right in French', async () => {
    const { context, page } = await openApp('fr');
    const nav = await page.locator('nav').boundingBox();
    const main = await page.locator('main').boundingBox();
    expect(nav!.x).toBeLessThan(main!.x);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'shell-fr.png') });
    await page.locator('.shell-nav a').nth(4).click();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'settings-fr.png') });
    await context.close();
  });
});

describe('settings', () => {
  it('keeps the chosen language across a reload, in IndexedDB', async () => {
    const { context, page, errors } = await openApp('en-US');
    await page.locator('header select').selectOption('ru');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ru');
    await page.reload();
    await page.locator('nav').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await page.locator('.shell-nav a').first().innerText()).toBe(shellStrings('ru').get('nav.home'));
    const stored = await page.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('gapbridge');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('settings').objectStore('settings').get('language');
            get.onsuccess = () => resolve((get.result as { value: string }).value);
          };
        }),
    );
    expect(stored).toBe('ru');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches language from the settings section too', async () => {
    const { context, page } = await openApp('en-US', '#/settings');
    await page.getByRole('radio', { name: 'Español' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('es');
    expect(await page.locator('h1').innerText()).toBe(readNamespace('es', 'settings').title);
    await context.close();
  });
});

describe('offline', () => {
  it('shows the offline state and keeps working', async () => {
    const { context, page, errors } = await openApp('fr-FR');
    const strings = shellStrings('fr');
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);
    const connectivity = page.getByTestId('connectivity');
    await expect.poll(() => connectivity.innerText()).toContain(strings.get('status.offline'));
    expect(await page.locator('footer').innerText()).toContain(strings.get('status.offlineHint'));

    await page.locator('.shell-nav a').nth(2).click();
    expect(await page.locator('h1').innerText()).toBe(readNamespace('fr', 'meetings').title);
    // The other languages' strings were preloaded, so switching needs no server.
    await page.locator('header select').selectOption('es');
    await expect.poll(() => page.locator('h1').innerText()).toBe(readNamespace('es', 'meetings').title);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'offline-es.png') });

    await context.setOffline(false);
    await expect.poll(() => connectivity.innerText()).toContain(shellStrings('es').get('status.online'));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('start-up', () => {
  it('makes no network request outside its own origin', async () => {
    const { context, page, requests } = await openApp('zh-CN');
    await page.evaluate(() => document.fonts.ready);
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((url) => !url.startsWith(`${server.origin}/`))).toEqual([]);
    await context.close();
  });
});

describe('keyboard', () => {
  it('reaches every section by keyboard, with focus on the new heading', async () => {
    const { context, page } = await openApp('en-GB');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    await page.locator('.shell-nav a').nth(2).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.locator('h1').innerText()).toBe(readNamespace('en', 'meetings').title);
    expect(await page.locator('.shell-nav a[aria-current="page"]').innerText()).toBe('Meetings');
    const outline = await page
      .locator('nav a')
      .nth(2)
      .evaluate((link) => {
        (link as HTMLElement).focus();
        return getComputedStyle(link).outlineStyle;
      });
    expect(outline).toBe('solid');
    await context.close();
  });
});

describe('when storage fails', () => {
  it('says so in the user language instead of starting without storage', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    await context.addInitScript(() => {
      IDBFactory.prototype.open = function () {
        throw new DOMException('Simulated: storage blocked', 'UnknownError');
      };
    });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe(shellStrings('fr').get('errors.storageUnavailable'));
    expect(await page.locator('nav').count()).toBe(0);
    await context.close();
  });

  it('switches language but warns when the choice cannot be saved (disk full)', async () => {
    const { context, page } = await openApp('en-US');
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('Simulated: disk full', 'QuotaExceededError');
      };
    });
    await page.locator('header select').selectOption('ar');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe(shellStrings('ar').get('errors.languageNotSaved'));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'not-saved-ar.png') });
    await context.close();
  });
});
