import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../support/hubServer';
import { readNamespace, type Strings } from '../support/locales';
import { SCREENSHOTS, useSharedBrowser } from '../support/sharedBrowser';

const browser = useSharedBrowser();
const PASSWORD = 'correct horse battery';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.close();
});

function strings(language: string, namespace: string, key: string): Strings {
  let node: Strings | string = readNamespace(language, namespace);
  for (const part of key.split('.')) node = (node as Strings)[part]!;
  return node as Strings;
}

/** The text of a string up to its first placeholder, to find it on screen. */
function lead(language: string, namespace: string, key: string): string {
  const parts = key.split('.');
  const value = strings(language, namespace, parts.slice(0, -1).join('.'))[parts.at(-1)!] as string;
  return value.split('{{')[0]!.trim();
}

/** The web build as a browser user gets it: from the hub's own origin, signed out. */
async function openFromHub(locale: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser().newContext({
    locale,
    viewport: { width: 1100, height: 760 },
    // The offline worker is covered by webOffline.e2e.ts; here every load is fresh from the hub.
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await page.goto(`${hub.origin}/#/settings/hub`);
  await page.getByTestId('hub-section').waitFor();
  return { context, page };
}

/** Puts a change straight into the outbox, as a faulty or older version of the app might have. */
async function queueRawChange(page: Page, change: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    (entry) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('gapbridge');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const hlc = `${String(Date.now()).padStart(15, '0')}-0000-e2e-device-01`;
          const request = open.result
            .transaction('outbox', 'readwrite')
            .objectStore('outbox')
            .add({ ...entry, hlc });
          request.onsuccess = () => {
            open.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    change,
  );
}

const hubPhase = (page: Page) => page.getByTestId('hub-status').getAttribute('data-phase');

describe('Settings → Hub in a browser served by the hub', () => {
  it('registers, answers the first sign-in question, syncs, signs out, and names a wrong password', async () => {
    const { context, page } = await openFromHub('en-GB');
    const status = page.getByTestId('hub-status');
    await expect.poll(() => hubPhase(page)).toBe('signed-out');
    expect(await status.innerText()).toContain(lead('en', 'shell', 'sync.signedOut'));
    expect(await status.getByRole('link').getAttribute('href')).toBe('#/settings/hub');
    expect(await page.getByTestId('hub-address').inputValue()).toBe(hub.origin);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hub-signed-out-en.png'), fullPage: false });

    await page.getByTestId('hub-email').fill('ana@example.org');
    await page.getByTestId('hub-password').fill('short');
    await page.getByTestId('hub-register-button').click();
    expect(await page.getByTestId('hub-problem').innerText()).toBe(
      lead('en', 'settings', 'hub.failure.weak-password') + ' 10 characters.',
    );

    await page.getByTestId('hub-password').fill(PASSWORD);
    await page.getByTestId('hub-register-button').click();
    await page.getByTestId('hub-question').waitFor();
    expect(await hubPhase(page)).toBe('question');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hub-question-en.png') });
    await page.getByTestId('hub-bring-work').click();

    await expect.poll(() => hubPhase(page), { timeout: 20_000 }).toBe('synced');
    expect(await page.getByTestId('hub-account').innerText()).toContain('ana@example.org');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hub-synced-en.png') });

    // A change the hub refuses (a setting with a field it does not know) is listed with what it means, and
    // does not hold up the rest.
    await queueRawChange(page, {
      table: 'settings',
      key: 'language',
      op: 'put',
      v: 1,
      data: { value: 'fr', colour: 'blue' },
    });
    await page.getByTestId('hub-sync-now').click();
    const rejected = page.getByTestId('hub-rejected-change');
    await rejected.waitFor();
    expect(await rejected.getAttribute('data-code')).toBe('invalid');
    const invalid = strings('en', 'settings', 'hub.rejected.code.invalid');
    expect(await rejected.innerText()).toContain(invalid['meaning'] as string);
    expect(await rejected.innerText()).toContain(invalid['todo'] as string);
    expect(await rejected.innerText()).toContain(strings('en', 'settings', 'hub.rejected.table')['settings']);
    await expect.poll(() => hubPhase(page)).toBe('synced');
    expect(await page.getByTestId('sync-status').innerText()).toBe(
      (readNamespace('en', 'shell').status as Strings)['savedLocally'],
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hub-rejected-en.png'), fullPage: true });
    await rejected.getByRole('button').click();
    await expect.poll(() => rejected.count()).toBe(0);

    // A local write is pushed a few seconds later, with no click.
    const pending = page.getByTestId('sync-status');
    const shellStatus = readNamespace('en', 'shell').status as Strings;
    await page.getByTestId('reminder-days').fill('9');
    await expect
      .poll(() => pending.innerText())
      .toBe((shellStatus['pending_one'] as string).replace('{{count, number}}', '1'));
    await expect.poll(() => pending.innerText(), { timeout: 20_000 }).toBe(shellStatus['savedLocally']);
    const stored = await hub.db.query<{ data: { value: unknown } }>(
      "select data from records where tbl = 'settings' and key = 'reminderDays'",
    );
    expect(stored.map((row) => row.data.value)).toEqual([9]);

    // A reload keeps the session (the hub's HttpOnly cookie) and syncs again at start.
    await page.reload();
    await expect.poll(() => hubPhase(page), { timeout: 20_000 }).toBe('synced');
    expect(await page.evaluate(() => document.cookie)).toBe('');

    await page.getByTestId('hub-sign-out').click();
    await expect.poll(() => hubPhase(page)).toBe('signed-out');
    await page.reload();
    await expect.poll(() => hubPhase(page)).toBe('signed-out');

    await page.getByTestId('hub-email').fill('ana@example.org');
    await page.getByTestId('hub-password').fill('not the password');
    await page.getByTestId('hub-sign-in-button').click();
    expect(await page.getByTestId('hub-problem').innerText()).toBe(
      strings('en', 'settings', 'hub.failure')['bad-credentials'],
    );
    await page.getByTestId('hub-password').fill(PASSWORD);
    await page.getByTestId('hub-sign-in-button').click();
    // The same account again on this profile: no question, straight to sync.
    await expect.poll(() => hubPhase(page), { timeout: 20_000 }).toBe('synced');
    await context.close();
  });

  it('says it all in Arabic, right to left, with the status bar in view at the foot of a long page', async () => {
    const { context, page } = await openFromHub('ar-EG');
    await expect.poll(() => hubPhase(page)).toBe('signed-out');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByTestId('hub-status').innerText()).toContain(lead('ar', 'shell', 'sync.signedOut'));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hub-signed-out-ar.png') });

    const bar = await page.locator('.status-bar').boundingBox();
    expect(bar && bar.y + bar.height).toBeCloseTo(760, 0);

    await page.getByTestId('hub-email').fill('badr@example.org');
    await page.getByTestId('hub-password').fill(PASSWORD);
    await page.getByTestId('hub-register-button').click();
    await page.getByTestId('hub-question').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hub-question-ar.png') });
    await page.getByTestId('hub-leave-work').click();
    await expect.poll(() => hubPhase(page), { timeout: 20_000 }).toBe('synced');
    expect(await page.getByTestId('hub-status').innerText()).toContain(lead('ar', 'shell', 'sync.synced'));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hub-synced-ar.png') });
    await context.close();
  });
});
