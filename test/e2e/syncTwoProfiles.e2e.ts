import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../support/hubServer';
import { SCREENSHOTS, useSharedBrowser } from '../support/sharedBrowser';
import { LINK_2G, OFFLINE } from '../support/emulatedLinks';
import { editorText, waitingChanges } from '../support/profilePage';

/**
 * Two Chromium profiles of one delegate and a real hub: edits made offline on one reach the
 * other over an emulated 2G link (about 250 kbit/s and 800 ms), and a draft open on the other
 * shows them without a reload.
 */
const browser = useSharedBrowser();
const PASSWORD = 'correct horse battery';
const EMAIL = 'amina@example.org';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.close();
});

interface Profile {
  context: BrowserContext;
  page: Page;
  network: CDPSession;
}

async function openProfile(locale: string): Promise<Profile> {
  const context = await browser().newContext({
    locale,
    viewport: { width: 1100, height: 800 },
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const network = await context.newCDPSession(page);
  await network.send('Network.enable');
  await page.goto(`${hub.origin}/#/settings/hub`);
  await page.getByTestId('hub-section').waitFor();
  return { context, page, network };
}

const phase = (page: Page) => page.getByTestId('hub-status').getAttribute('data-phase');

async function signIn({ page }: Profile, action: 'register' | 'sign-in'): Promise<void> {
  await expect.poll(() => phase(page)).toBe('signed-out');
  await page.getByTestId('hub-email').fill(EMAIL);
  await page.getByTestId('hub-password').fill(PASSWORD);
  await page.getByTestId(action === 'register' ? 'hub-register-button' : 'hub-sign-in-button').click();
  await page.getByTestId('hub-question').waitFor();
  await page.getByTestId('hub-bring-work').click();
  await expect.poll(() => phase(page), { timeout: 20_000 }).toBe('synced');
}

describe('two profiles of one delegate', () => {
  it('brings edits made offline on one to the other over 2G, live in its open draft', async () => {
    const laptop = await openProfile('en-GB');
    const desktop = await openProfile('fr-FR');
    await signIn(laptop, 'register');
    await signIn(desktop, 'sign-in');

    // The laptop starts a draft while online; the desktop pulls it and opens it.
    await laptop.page.goto(`${hub.origin}/#/drafts`);
    await laptop.page.getByTestId('new-draft').click();
    await laptop.page.getByTestId('body-editor').waitFor();
    const draftUrl = laptop.page.url();
    await laptop.page.getByTestId('cover-title').fill('Spectrum for rural broadband');
    await laptop.page.getByTestId('body-editor').click();
    await laptop.page.keyboard.type('First paragraph, written online.');
    await expect.poll(() => waitingChanges(laptop.page), { timeout: 30_000 }).toBe(0);

    await desktop.page.getByTestId('status-sync-now').click();
    await desktop.page.goto(draftUrl.replace(/^.*#/, `${hub.origin}/#`));
    await expect
      .poll(() => editorText(desktop.page), { timeout: 20_000 })
      .toContain('First paragraph, written online.');
    await desktop.page.evaluate(() => Object.assign(window, { sameDocument: true }));

    // The laptop loses its connection and goes on writing.
    await laptop.network.send('Network.emulateNetworkConditions', OFFLINE);
    expect(await laptop.page.evaluate(() => navigator.onLine)).toBe(false);
    await laptop.page.getByTestId('body-editor').click();
    await laptop.page.keyboard.press('End');
    await laptop.page.keyboard.press('Enter');
    await laptop.page.keyboard.type('Second paragraph, written offline on the laptop.');
    // The write nudges the loop, which finds no connection and says so.
    await expect.poll(() => phase(laptop.page), { timeout: 20_000 }).toBe('offline');
    expect(await waitingChanges(laptop.page)).toBeGreaterThan(0);
    expect(await laptop.page.getByTestId('sync-status').innerText()).toMatch(/waiting/);

    // Back, over 2G: the laptop sends by itself when the connection returns.
    await laptop.network.send('Network.emulateNetworkConditions', LINK_2G);
    await expect.poll(() => waitingChanges(laptop.page), { timeout: 60_000 }).toBe(0);
    await expect.poll(() => phase(laptop.page), { timeout: 30_000 }).toBe('synced');

    // The desktop, on 2G too, pulls; the open draft shows the paragraph without a reload.
    await desktop.network.send('Network.emulateNetworkConditions', LINK_2G);
    await desktop.page.getByTestId('status-sync-now').click();
    await expect
      .poll(() => editorText(desktop.page), { timeout: 60_000 })
      .toContain('Second paragraph, written offline on the laptop.');
    expect(await desktop.page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(await editorText(desktop.page)).toBe(await editorText(laptop.page));
    await desktop.page.screenshot({ path: path.join(SCREENSHOTS, 'sync-two-profiles-desktop-fr.png') });

    // Nothing the desktop received goes back to the hub as its own change.
    expect(await waitingChanges(desktop.page)).toBe(0);
    await laptop.context.close();
    await desktop.context.close();
  });
});
