import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../support/hubServer';
import { SCREENSHOTS, useSharedBrowser } from '../support/sharedBrowser';
import { LINK_2G, OFFLINE } from '../support/emulatedLinks';
import { editorText, waitingChanges } from '../support/profilePage';

/**
 * Two accounts on two Chromium profiles and a real hub write one draft: the author shares it with
 * a co-author as editor, who writes in it live, then offline while the author writes too, and
 * comes back over an emulated 2G link (about 250 kbit/s and 800 ms); both end with the same text
 * and export byte-identical .docx files. A third account, a reader, gets a read-only editor.
 */
const browser = useSharedBrowser();
const PASSWORD = 'correct horse battery';
const AUTHOR = 'amina@example.org';
const COAUTHOR = 'karim@example.org';
const READER = 'lucie@example.org';

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

const phase = (page: Page) => page.getByTestId('hub-status').getAttribute('data-phase');

/** A new profile, registered on the hub as `email`, its (empty) work brought into the account. */
async function openProfile(locale: string, email: string): Promise<Profile> {
  const context = await browser().newContext({
    locale,
    viewport: { width: 1100, height: 900 },
    serviceWorkers: 'block',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const network = await context.newCDPSession(page);
  await network.send('Network.enable');
  await page.goto(`${hub.origin}/#/settings/hub`);
  await page.getByTestId('hub-section').waitFor();
  await expect.poll(() => phase(page)).toBe('signed-out');
  await page.getByTestId('hub-email').fill(email);
  await page.getByTestId('hub-password').fill(PASSWORD);
  await page.getByTestId('hub-register-button').click();
  await page.getByTestId('hub-question').waitFor();
  await page.getByTestId('hub-bring-work').click();
  await expect.poll(() => phase(page), { timeout: 20_000 }).toBe('synced');
  return { context, page, network };
}

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.getByTestId('body-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

async function exportDocx(page: Page): Promise<Buffer> {
  const folder = mkdtempSync(path.join(tmpdir(), 'gapbridge-coauthors-'));
  const pending = page.waitForEvent('download');
  await page.getByTestId('export-coordination').click();
  const download = await pending;
  const file = path.join(folder, download.suggestedFilename());
  await download.saveAs(file);
  return readFileSync(file);
}

async function share(page: Page, email: string, role: 'editor' | 'reader'): Promise<void> {
  await page.getByTestId('share-email').fill(email);
  await page.getByTestId('share-role').selectOption(role);
  await page.getByTestId('share-submit').click();
  await expect.poll(() => page.getByTestId('share-members').innerText(), { timeout: 20_000 }).toContain(email);
}

/** Opens the draft on a profile the hub has just given it to. */
async function openShared(profile: Profile, draftPath: string): Promise<void> {
  await profile.page.getByTestId('status-sync-now').click();
  await expect.poll(() => waitingChanges(profile.page)).toBe(0);
  await profile.page.goto(`${hub.origin}/${draftPath}`);
  await profile.page.getByTestId('body-editor').waitFor({ timeout: 20_000 });
}

describe('two accounts writing one draft', () => {
  it('merges live and offline edits over 2G into the same text and the same .docx; a reader only reads', async () => {
    const author = await openProfile('en-GB', AUTHOR);
    const coauthor = await openProfile('ar', COAUTHOR);

    await author.page.goto(`${hub.origin}/#/drafts`);
    await author.page.getByTestId('new-draft').click();
    await author.page.getByTestId('body-editor').waitFor();
    const draftPath = author.page.url().replace(/^[^#]*/, '');
    await author.page.getByTestId('cover-title').fill('Broadband for remote islands');
    await author.page.getByTestId('body-editor').click();
    await author.page.keyboard.type('The author opens the text.');
    await expect.poll(() => waitingChanges(author.page), { timeout: 30_000 }).toBe(0);

    // Not yet shared with anyone; the author shares it with the co-author as editor.
    await share(author.page, COAUTHOR, 'editor');
    await author.page.getByTestId('share-panel').screenshot({ path: path.join(SCREENSHOTS, 'coauthors-share-en.png') });

    await openShared(coauthor, draftPath);
    await expect.poll(() => editorText(coauthor.page), { timeout: 20_000 }).toContain('The author opens the text.');
    await expect
      .poll(() => coauthor.page.getByTestId('shared-with-you').getAttribute('data-role'), { timeout: 20_000 })
      .toBe('editor');
    expect(await coauthor.page.getByTestId('shared-with-you').innerText()).toContain(AUTHOR);

    // Both online, draft open on both: the co-author's words reach the author's open editor live.
    await typeAtEnd(coauthor.page, 'The co-author adds a paragraph.');
    const typedAt = Date.now();
    await expect
      .poll(() => editorText(author.page), { timeout: 40_000, interval: 200 })
      .toContain('The co-author adds a paragraph.');
    // A figure, not a check: 3 s of quiet before the write is sent, then the author's next 4 s sync.
    console.log(`A co-author's paragraph reached the author's open editor in ${Date.now() - typedAt} ms`);
    await expect
      .poll(() => author.page.getByTestId('share-last-changed').innerText(), { timeout: 20_000 })
      .toContain(COAUTHOR);
    await coauthor.page
      .getByTestId('share-panel')
      .screenshot({ path: path.join(SCREENSHOTS, 'coauthors-share-ar.png') });

    // The co-author loses the connection and writes on; the author writes meanwhile, online.
    await expect.poll(() => waitingChanges(coauthor.page), { timeout: 30_000 }).toBe(0);
    await coauthor.network.send('Network.emulateNetworkConditions', OFFLINE);
    await typeAtEnd(coauthor.page, 'Written offline by the co-author.');
    await typeAtEnd(author.page, 'Written meanwhile by the author.');
    await expect.poll(() => waitingChanges(author.page), { timeout: 30_000 }).toBe(0);
    expect(await waitingChanges(coauthor.page)).toBeGreaterThan(0);

    // Back over 2G: each side's text reaches the other.
    await coauthor.network.send('Network.emulateNetworkConditions', LINK_2G);
    const backAt = Date.now();
    await expect.poll(() => waitingChanges(coauthor.page), { timeout: 90_000 }).toBe(0);
    await expect
      .poll(() => editorText(coauthor.page), { timeout: 90_000 })
      .toContain('Written meanwhile by the author.');
    await expect
      .poll(() => editorText(author.page), { timeout: 60_000 })
      .toContain('Written offline by the co-author.');
    await expect.poll(async () => (await editorText(coauthor.page)) === (await editorText(author.page))).toBe(true);
    console.log(`Both texts equal ${Date.now() - backAt} ms after the co-author came back over 2G`);
    await coauthor.page.screenshot({ path: path.join(SCREENSHOTS, 'coauthors-editor-ar.png'), fullPage: true });

    // The same draft gives the same file on both sides.
    const [fromAuthor, fromCoauthor] = [await exportDocx(author.page), await exportDocx(coauthor.page)];
    expect(fromAuthor.length).toBeGreaterThan(1000);
    expect(fromCoauthor.equals(fromAuthor)).toBe(true);

    // Restoring an old version of a shared draft asks first, saying what it does to co-authors' text.
    expect(await author.page.getByTestId('shared-restore-hint').count()).toBe(1);
    await author.page.getByTestId('take-snapshot').click();
    const textBefore = await editorText(author.page);
    const asked = new Promise<string>((resolve) =>
      author.page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.dismiss();
      }),
    );
    await author.page.getByRole('button', { name: 'Restore this version' }).first().click();
    expect(await asked).toContain('co-authors');
    expect(await editorText(author.page)).toBe(textBefore);

    // A reader sees the text, live, and cannot change it: no toolbar, nothing queued.
    const reader = await openProfile('fr-FR', READER);
    await share(author.page, READER, 'reader');
    await openShared(reader, draftPath);
    await expect
      .poll(() => reader.page.getByTestId('shared-with-you').getAttribute('data-role'), { timeout: 20_000 })
      .toBe('reader');
    await expect.poll(() => editorText(reader.page), { timeout: 20_000 }).toBe(await editorText(author.page));
    expect(await reader.page.getByTestId('body-editor').getAttribute('contenteditable')).toBe('false');
    expect(await reader.page.getByTestId('tool-heading').count()).toBe(0);
    expect(await reader.page.getByTestId('take-snapshot').count()).toBe(0);
    expect(await reader.page.getByTestId('cover-title').isDisabled()).toBe(true);
    await reader.page.getByTestId('body-editor').click();
    await reader.page.keyboard.type('A reader tries to write.');
    expect(await editorText(reader.page)).not.toContain('A reader tries to write.');
    expect(await waitingChanges(reader.page)).toBe(0);
    await reader.page
      .getByTestId('share-panel')
      .screenshot({ path: path.join(SCREENSHOTS, 'coauthors-reader-fr.png') });

    for (const profile of [author, coauthor, reader]) await profile.context.close();
  }, 300_000);
});
