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

export async function draftsFigures(browser: Browser, origin: string): Promise<Figure[]> {
  const context = await browser.newContext({ locale: 'en' });
  const page = await context.newPage();
  await page.goto(`${origin}/#/drafts`);
  await page.getByTestId('new-draft').click();
  await page.getByTestId('body-editor').waitFor();
  await page.getByTestId('cover-title').fill('Benchmark draft');
  await paste(page, twentyPages());
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="body-editor"] p').length >= 100);
  await page.getByTestId('save-state').filter({ hasText: 'Saved on this device' }).waitFor();

  // Type at the end of the 20 pages, a key at a time, and measure each change until it is committed.
  await page.getByTestId('body-editor').locator('p').last().click();
  await page.keyboard.press('End');
  const before = await storedUpdateBytes(page);
  const text = 'Mobile money quality of experience. '.repeat(28).slice(0, 1000);
  await page.keyboard.type(text);
  await page.getByTestId('save-state').filter({ hasText: 'Saved on this device' }).waitFor();
  const bytesPerThousand = (await storedUpdateBytes(page)) - before;

  // Latency at a fast typist's pace (about 30 keys a second).
  await page.evaluate(() => performance.clearMarks());
  await page.keyboard.type(text.slice(0, 300), { delay: 30 });
  await page.getByTestId('save-state').filter({ hasText: 'Saved on this device' }).waitFor();
  const latencies = await page.evaluate(
    ({ change, saved }) => {
      const changes = performance.getEntriesByName(change).map((e) => e.startTime);
      const saves = performance.getEntriesByName(saved).map((e) => e.startTime);
      return changes.map((t, i) => (saves[i] ?? t) - t);
    },
    { change: CHANGE, saved: SAVED },
  );
  if (latencies.length === 0) throw new Error('No draft changes were measured: is the editor focused?');

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

  return [
    {
      name: `Keystroke to stored (IndexedDB commit), 20-page draft, ${latencies.length} keys at 30 ms`,
      value: `median ${median(latencies).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`,
    },
    { name: 'Export a 20-page draft to .docx, median of 5', value: `${median(exportTimes)} ms` },
    {
      name: 'Storage per 1,000 keystrokes (Yjs updates; the outbox holds as much again until synced)',
      value: `${(bytesPerThousand / 1000).toFixed(1)} kB`,
    },
  ];
}
