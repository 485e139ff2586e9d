import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { offlineContext, openOffline } from '../support/offlineApp';
import { SCREENSHOTS, useSharedBrowser } from '../support/sharedBrowser';

/** The editor under the app's Content-Security-Policy, its links, and the copy for national coordination. */

const browser = useSharedBrowser();

async function newDraft(page: Page): Promise<void> {
  await page.getByTestId('new-draft').click();
  await page.getByTestId('body-editor').waitFor();
}

async function download(page: Page, testId: string): Promise<{ name: string; files: Record<string, string> }> {
  const folder = mkdtempSync(path.join(tmpdir(), 'gapbridge-export-'));
  const pending = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = path.join(folder, (await pending).suggestedFilename());
  await (await pending).saveAs(file);
  const entries = Object.entries(unzipSync(new Uint8Array(readFileSync(file))));
  return { name: path.basename(file), files: Object.fromEntries(entries.map(([n, bytes]) => [n, strFromU8(bytes)])) };
}

function texts(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
}

async function waitForSave(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-state').getAttribute('class')).toContain('is-saved');
}

describe('the editor under the Content-Security-Policy', () => {
  it('keeps two typed spaces as two spaces, with its stylesheet from the bundle', async () => {
    const context = await offlineContext(browser(), { locale: 'en-GB' });
    const page = await openOffline(context, '#/drafts');
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await newDraft(page);
    const editor = page.getByTestId('body-editor');
    await editor.click();
    await page.keyboard.type('Two  spaces, then  two more.');
    expect(await editor.evaluate((element) => getComputedStyle(element).whiteSpace)).toMatch(/break-spaces|pre-wrap/);
    expect(await page.locator('style[data-tiptap-style]').count()).toBe(0);
    await waitForSave(page);

    const { files } = await download(page, 'export-coordination');
    const written = texts(files['word/document.xml']!);
    expect(written).toContain('Two  spaces, then  two more.');
    expect(written).not.toContain('\u00A0');
    expect(refused).toEqual([]);
    await context.close();
  });
});

describe('links', () => {
  it('keeps only https and mailto links, typed, pasted or autolinked, and exports only those', async () => {
    const context = await offlineContext(browser(), { locale: 'en-GB' });
    const page = await openOffline(context, '#/drafts');
    await newDraft(page);
    const editor = page.getByTestId('body-editor');
    await editor.click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData(
        'text/html',
        '<p><a href="https://www.itu.int/">ITU</a> <a href="mailto:tsb@itu.int">TSB</a> ' +
          '<a href="javascript:alert(1)">script</a> <a href="file:///etc/passwd">local</a> ' +
          '<a href="data:text/html,hello">data</a> <a href="http://insecure.example.org/">plain</a></p>',
      );
      data.setData('text/plain', 'ITU TSB script local data plain');
      document
        .querySelector('[data-testid="body-editor"]')!
        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => editor.innerText()).toBe('ITU TSB script local data plain');
    await page.keyboard.press('End');
    await page.keyboard.type(' See www.itu.int and more.');

    // A link typed into the toolbar: javascript: and file: are refused with a reason, the text stays plain.
    await page.keyboard.press('Enter');
    await page.keyboard.type('A local file');
    await page.keyboard.press('Shift+Home');
    const address = page.getByRole('textbox', { name: 'Link address' });
    const linkButton = page.getByRole('button', { name: 'Link', exact: true });
    for (const refused of ['javascript:alert(document.domain)', 'file:///C:/Users/delegate/notes.docx']) {
      await address.fill(refused);
      await linkButton.click();
      expect(await page.getByTestId('link-refused').innerText()).toContain('https://');
    }
    await page.locator('[role="toolbar"]').screenshot({ path: path.join(SCREENSHOTS, 'link-refused-en.png') });

    const hrefs = () => editor.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    await expect.poll(hrefs).toEqual(['https://www.itu.int/', 'mailto:tsb@itu.int', 'https://www.itu.int']);
    await waitForSave(page);

    const { files } = await download(page, 'export-coordination');
    const targets = [...files['word/_rels/document.xml.rels']!.matchAll(/Target="([^"]+)"[^>]*TargetMode="External"/g)]
      .map((m) => m[1])
      .sort();
    expect(targets).toEqual(['https://www.itu.int', 'https://www.itu.int/', 'mailto:tsb@itu.int']);
    expect(texts(files['word/document.xml']!)).toContain('script');
    await context.close();
  });
});

describe('a half-finished draft', () => {
  it('exports a copy for national coordination, marked as a draft, while the final export waits', async () => {
    const context = await offlineContext(browser(), { locale: 'en-GB' });
    const page = await openOffline(context, '#/drafts');
    await newDraft(page);
    const groups = () =>
      page
        .getByTestId('cover-studyGroup')
        .locator('option')
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    await expect.poll(async () => (await groups()).includes('SG11')).toBe(true);
    const order = await groups();
    expect(order.indexOf('SG2')).toBeGreaterThan(0);
    expect(order.indexOf('SG2')).toBeLessThan(order.indexOf('SG11'));
    await page.getByTestId('cover-studyGroup').selectOption('SG12');
    await page.getByTestId('cover-title').fill('QoE of mobile money');
    await page.getByTestId('contact-0-name').fill('Amina Diallo');
    await waitForSave(page);
    expect(await page.getByTestId('export-docx').isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'draft-coordination-en.png'), fullPage: true });

    const { name, files } = await download(page, 'export-coordination');
    expect(name).toBe('QoE of mobile money (draft).docx');
    const written = texts(files['word/document.xml']!).split('|');
    expect(written[0]).toBe('DRAFT — for national coordination');
    expect(written[1]).toBe('Still to complete: Question(s), Source, E-mail of contact 1, Abstract');
    expect(written).toContain('QoE of mobile money');
    await context.close();
  });

  it('offers the same in Arabic, right to left', async () => {
    const context = await offlineContext(browser(), { locale: 'ar-EG' });
    const page = await openOffline(context, '#/drafts');
    await newDraft(page);
    await page.getByTestId('cover-title').fill('جودة التجربة');
    await page.getByTestId('body-editor').click();
    await page.keyboard.type('نص');
    await page.getByTestId('link-address').fill('file:///C:/secret.docx');
    await page.getByTestId('tool-link').click();
    await page.getByTestId('link-refused').waitFor();
    await waitForSave(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'draft-coordination-ar.png'), fullPage: true });
    await page.locator('[role="toolbar"]').screenshot({ path: path.join(SCREENSHOTS, 'link-refused-ar.png') });
    const { files } = await download(page, 'export-coordination');
    const written = texts(files['word/document.xml']!).split('|');
    expect(written[0]).toBe('مسودة — للتنسيق الوطني');
    expect(files['word/document.xml']).toContain('<w:bidi/>');
    await context.close();
  });
});
