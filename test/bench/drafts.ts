import type { Browser, Page } from 'playwright-core';
import { median, percentile } from './stats';
import type { Figure } from './shell';

const CHANGE = 'gapbridge:draft-change';
const SAVED = 'gapbridge:draft-saved';

/** About 20 pages: 20 × (a heading and five paragraphs of ~100 words). */
function twentyPages(): string {
  const sentence =
    'The study group should define quality of experience indicators for mobile money services in developing countries. ';
  return Array.from(
    { length: 20 },
    (_, page) =>
      `<h2>Section ${page + 1}</h2>` + Array.from({ length: 5 }, () => `<p>${sentence.repeat(6)}</p>`).join(''),
  ).join('');
}

/** Pastes HTML into the editor, as from a word processor. */
function paste(page: Page, html: string): Promise<void> {
  return page.evaluate((content) => {
    const editor = document.querySelector<HTMLElement>('[data-testid="body-editor"]')!;
    editor.focus();
    const data = new DataTransfer();
    data.setData('text/html', content);
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

function storedUpdateBytes(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('gapbridge');
        open.onsuccess = () => {
          const request = open.result.transaction('draftUpdates').objectStore('draftUpdates').getAll();
          request.onsuccess = () =>
            resolve((request.result as { update: Uint8Array }[]).reduce((sum, row) => sum + row.update.byteLength, 0));
        };
      }),
  );
}

/**
 * Makes every IndexedDB transaction of the page relaxed, whatever the app asks: the comparison
 * for what strict durability (the app's choice for draft updates) costs per keystroke.
 */
function forceRelaxedDurability(): void {
  const original = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (
    this: IDBDatabase,
    stores: string | string[],
    mode?: IDBTransactionMode,
    options?: IDBTransactionOptions,
  ) {
    return original.call(this, stores, mode, { ...options, durability: 'relaxed' });
  };
}

/** A new draft with 20 pages pasted in, saved, the caret at its end. */
async function openTwentyPageDraft(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/#/drafts`);
  await page.getByTestId('new-draft').click();
  await page.getByTestId('body-editor').waitFor();
  await page.getByTestId('cover-title').fill('Benchmark draft');
  await paste(page, twentyPages());
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="body-editor"] p').length >= 100);
  await page.getByTestId('save-state').filter({ hasText: 'Saved on this device' }).waitFor();
  await page.getByTestId('body-editor').locator('p').last().click();
  await page.keyboard.press('End');
}

/** Latency at a fast typist's pace (about 30 keys a second), from each change to its commit. */
async function typingLatencies(page: Page, text: string): Promise<{ latencies: number[]; commits: number }> {
  await page.evaluate(() => performance.clearMarks());
  await page.keyboard.type(text, { delay: 30 });
  await page.getByTestId('save-state').filter({ hasText: 'Saved on this device' }).waitFor();
  const { latencies, commits } = await page.evaluate(
    ({ change, saved }) => {
      const changes = performance.getEntriesByName(change).map((e) => e.startTime);
      const saves = performance.getEntriesByName(saved).map((e) => e.startTime);
      return { latencies: changes.map((t, i) => (saves[i] ?? t) - t), commits: new Set(saves).size };
    },
    { change: CHANGE, saved: SAVED },
  );
  if (latencies.length === 0) throw new Error('No draft changes were measured: is the editor focused?');
  return { latencies, commits };
}

function latencyFigure(name: string, { latencies, commits }: { latencies: number[]; commits: number }): Figure {
  return {
    name: `${name}, ${latencies.length} keys at 30 ms`,
    value: `median ${median(latencies).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, ${commits} commits`,
  };
}

export async function draftsFigures(browser: Browser, origin: string): Promise<Figure[]> {
  const context = await browser.newContext({ locale: 'en' });
  const page = await context.newPage();
  await openTwentyPageDraft(page, origin);

  // Type at the end of the 20 pages, a key at a time, and measure each change until it is committed.
  const before = await storedUpdateBytes(page);
  const text = 'Mobile money quality of experience. '.repeat(28).slice(0, 1000);
  await page.keyboard.type(text);
  await page.getByTestId('save-state').filter({ hasText: 'Saved on this device' }).waitFor();
  const bytesPerThousand = (await storedUpdateBytes(page)) - before;

  const strict = await typingLatencies(page, text.slice(0, 300));

  await page.getByTestId('cover-studyGroup').selectOption('SG12');
  await page.getByTestId('cover-questions').fill('9/12');
  await page.getByTestId('cover-source').fill('Benchmark');
  await page.getByTestId('contact-0-name').fill('Amina Diallo');
  await page.getByTestId('contact-0-email').fill('amina@example.org');
  await page.getByTestId('cover-abstract').fill('An abstract.');
  const exportTimes: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = Date.now();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-docx').click();
    await download;
    exportTimes.push(Date.now() - start);
  }
  await context.close();

  // The same typing with every transaction relaxed: what strict durability costs.
  const relaxedContext = await browser.newContext({ locale: 'en' });
  await relaxedContext.addInitScript(forceRelaxedDurability);
  const relaxedPage = await relaxedContext.newPage();
  await openTwentyPageDraft(relaxedPage, origin);
  const relaxed = await typingLatencies(relaxedPage, text.slice(0, 300));
  await relaxedContext.close();

  return [
    latencyFigure('Keystroke to stored (IndexedDB commit), 20-page draft, strict durability (as shipped)', strict),
    latencyFigure('Keystroke to stored (IndexedDB commit), 20-page draft, relaxed durability (comparison)', relaxed),
    {
      name: 'Strict durability, cost per keystroke (median strict - median relaxed)',
      value: `${(median(strict.latencies) - median(relaxed.latencies)).toFixed(1)} ms`,
    },
    { name: 'Export a 20-page draft to .docx, median of 5', value: `${median(exportTimes)} ms` },
    {
      name: 'Storage per 1,000 keystrokes (Yjs updates; the outbox holds as much again until synced)',
      value: `${(bytesPerThousand / 1000).toFixed(1)} kB`,
    },
  ];
}
