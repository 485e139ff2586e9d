import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { flatten, readNamespace } from '../support/locales';
import { offlineContext, openOffline } from '../support/offlineApp';
import { SCREENSHOTS, useSharedBrowser } from '../support/sharedBrowser';

const browser = useSharedBrowser();

function draftsStrings(language: string) {
  return flatten(readNamespace(language, 'drafts'));
}

async function newDraft(page: Page, title: string, text: string): Promise<void> {
  await page.getByTestId('new-draft').click();
  await page.getByTestId('body-editor').waitFor();
  await page.getByTestId('cover-title').fill(title);
  await page.getByTestId('body-editor').click();
  await page.keyboard.type(text);
  await isSaved(page);
}

function isSaved(page: Page, timeout = 5000): Promise<void> {
  return expect.poll(() => page.getByTestId('save-state').getAttribute('class'), { timeout }).toContain('is-saved');
}

async function downloadOf(page: Page, testId: string, folder: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = path.join(folder, (await download).suggestedFilename());
  await (await download).saveAs(file);
  return file;
}

const ORIGINAL = 'Mobile money is now a main payment channel in many developing countries.';

describe.each([
  ['fr-FR', 'fr'],
  ['ar-EG', 'ar'],
])('a merge that deletes most of a draft (%s)', (locale, language) => {
  it('asks first, says what it changed, and is undone in one click', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'gapbridge-merge-'));
    const laptop = await offlineContext(browser(), { locale });
    const page = await openOffline(laptop, '#/drafts');
    await newDraft(page, 'Mobile money QoE', ORIGINAL);
    const carried = await downloadOf(page, 'export-gapdraft', folder);

    // A colleague replaces the whole text with one short sentence, and sends the file back.
    const colleague = await offlineContext(browser(), { locale: 'en-GB' });
    const other = await openOffline(colleague, '#/drafts');
    await other.getByTestId('import-gapdraft').setInputFiles(carried);
    await other.getByTestId('import-outcome').waitFor();
    await other.getByTestId('draft-list').locator('h2 a').first().click();
    await other.getByTestId('body-editor').click();
    await other.keyboard.press('ControlOrMeta+A');
    await other.keyboard.type('Too long, cut.');
    await isSaved(other);
    const back = await downloadOf(other, 'export-gapdraft', folder);

    await page.goto(`${new URL(page.url()).origin}/#/drafts`);
    await page.getByTestId('import-gapdraft').setInputFiles(back);
    const outcome = page.getByTestId('import-outcome');
    await page.getByTestId('merge-anyway').waitFor();
    expect(await outcome.getAttribute('role')).toBe('alert');
    await page.screenshot({ path: path.join(SCREENSHOTS, `merge-confirm-${language}.png`) });
    await page.getByTestId('merge-anyway').click();
    const summary = page.getByTestId('merge-summary');
    await summary.waitFor();
    const strings = draftsStrings(language);
    expect(await outcome.locator('p').first().innerText()).toBe(strings.get('list.merged'));
    expect(await summary.locator('li').count()).toBe(2);
    await page.screenshot({ path: path.join(SCREENSHOTS, `merge-summary-${language}.png`) });

    await page.getByTestId('undo-merge').click();
    await expect.poll(() => outcome.innerText()).toBe(strings.get('list.mergeUndone'));
    await page.getByTestId('draft-list').locator('h2 a').first().click();
    await expect.poll(() => page.getByTestId('body-editor').innerText()).toBe(ORIGINAL);
    const kinds = await page.getByTestId('snapshots').locator('li').allInnerTexts();
    expect(kinds.some((k) => k.includes(String(strings.get('history.kinds.before-merge'))))).toBe(true);
    await laptop.close();
    await colleague.close();
  });
});

describe('a full disk', () => {
  it('keeps what is typed, blocks leaving, and stores every character once there is room', async () => {
    const context = await offlineContext(browser(), { locale: 'en-GB' });
    const page = await openOffline(context, '#/drafts');
    await newDraft(page, 'Written on a full disk', 'Before the disk filled.');
    const draftUrl = page.url();
    await page.evaluate(() => {
      const full = () => (window as unknown as { diskIsFull: boolean }).diskIsFull;
      (window as unknown as { diskIsFull: boolean }).diskIsFull = true;
      for (const method of ['add', 'put'] as const) {
        const original = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
          if (full()) throw new DOMException('Simulated: disk full', 'QuotaExceededError');
          return original.apply(this, args);
        };
      }
    });
    const typed = ' Typed after the warning, every character of it.';
    await page.keyboard.type(typed);
    const notSaved = page.getByTestId('not-saved');
    await notSaved.waitFor();
    await expect.poll(() => notSaved.innerText()).toContain('Free at least 10 MB');
    await page.getByTestId('storage-use').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'disk-full-en.png') });

    // Leaving, by the navigation or by the back link, asks first; saying no keeps the editor.
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.locator('.shell-nav a').first().click();
    await page.getByRole('link', { name: 'Back to the drafts' }).click();
    await expect.poll(() => dialogs).toEqual(['confirm', 'confirm']);
    expect(page.url()).toBe(draftUrl);
    expect(await page.getByTestId('body-editor').innerText()).toBe(`Before the disk filled.${typed}`);
    // Closing the window asks too.
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs).toContain('beforeunload');
    expect(page.isClosed()).toBe(false);

    await page.evaluate(() => {
      (window as unknown as { diskIsFull: boolean }).diskIsFull = false;
    });
    // Saved by the automatic retry, at most the longest wait between retries later.
    await isSaved(page, 20_000);
    expect(await notSaved.count()).toBe(0);
    page.removeAllListeners('dialog');
    await page.reload();
    await page.getByTestId('body-editor').waitFor();
    await expect.poll(() => page.getByTestId('body-editor').innerText()).toBe(`Before the disk filled.${typed}`);
    await context.close();
  });
});

describe.each([
  ['fr-FR', 'fr'],
  ['ar-EG', 'ar'],
])('a draft with a corrupt stored update (%s)', (locale, language) => {
  it('opens in safe mode, exports its raw state, and restores a snapshot', async () => {
    const context = await offlineContext(browser(), { locale });
    const page = await openOffline(context, '#/drafts');
    await newDraft(page, 'Damaged draft', 'Kept in a snapshot.');
    await page.getByTestId('take-snapshot').click();
    await page.getByTestId('snapshots').locator('li').first().waitFor();
    await page.keyboard.press('Tab');
    const draftId = decodeURIComponent(new URL(page.url()).hash.split('/').pop()!);
    await page.evaluate(
      (id) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('gapbridge');
          open.onsuccess = () => {
            const tx = open.result.transaction('draftUpdates', 'readwrite');
            tx.objectStore('draftUpdates').add({
              draftId: id,
              update: new Uint8Array([255, 255, 255, 255, 1]),
              createdAt: new Date().toISOString(),
            });
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
      draftId,
    );
    await page.reload();
    await page.getByTestId('safe-mode').waitFor();
    const strings = draftsStrings(language);
    expect(await page.getByTestId('safe-mode-reason').innerText()).toBe(strings.get('safeMode.reasons.unreadable'));
    await page.screenshot({ path: path.join(SCREENSHOTS, `safe-mode-${language}.png`), fullPage: true });

    const folder = mkdtempSync(path.join(tmpdir(), 'gapbridge-raw-'));
    const raw = JSON.parse(readFileSync(await downloadOf(page, 'export-raw', folder), 'utf8')) as {
      draft: { id: string };
      rawUpdates: string[];
    };
    expect(raw.draft.id).toBe(draftId);
    expect(raw.rawUpdates.at(-1)).toBe(Buffer.from([255, 255, 255, 255, 1]).toString('base64'));

    await page.getByTestId('snapshots').locator('li').first().getByRole('button').last().click();
    await page.getByTestId('body-editor').waitFor();
    await expect.poll(() => page.getByTestId('body-editor').innerText()).toBe('Kept in a snapshot.');
    await page.reload();
    await expect.poll(() => page.getByTestId('body-editor').innerText()).toBe('Kept in a snapshot.');
    await context.close();
  });
});
