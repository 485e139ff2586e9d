import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToPdf, pdfFirstPageToPng, pdfText } from '../support/office';
import { offlineContext, openOffline } from '../support/offlineApp';
import { SCREENSHOTS, useSharedBrowser } from '../support/sharedBrowser';
import { killChromium, startChromiumOnProfile } from '../support/persistentChromium';
import { startRendererServer, type RunningServer } from '../support/rendererServer';

const TITLE = 'QoE requirements for mobile money services';

const browser = useSharedBrowser();

async function newDraft(page: Page): Promise<void> {
  await page.getByTestId('new-draft').click();
  await page.getByTestId('body-editor').waitFor();
}

async function fillCover(page: Page, cover: { title: string; source: string; abstract: string; name: string }) {
  await page.getByTestId('cover-studyGroup').selectOption('SG12');
  await page.getByTestId('cover-questions').fill('9/12');
  await page.getByTestId('cover-placeAndDate').fill('Geneva, 9-17 June 2031');
  await page.getByTestId('cover-source').fill(cover.source);
  await page.getByTestId('cover-title').fill(cover.title);
  await page.getByTestId('contact-0-name').fill(cover.name);
  await page.getByTestId('contact-0-email').fill('amina@example.org');
  await page.getByTestId('cover-keywords').fill('QoE; mobile money');
  await page.getByTestId('cover-abstract').fill(cover.abstract);
}

/** Clicks a toolbar button and waits until the editor has the focus back, ready for typing. */
async function useTool(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('body-editor');
}

/** Writes a heading, a paragraph, a bulleted list and a table, through the toolbar and the keyboard. */
async function writeBody(page: Page, words: { heading: string; paragraph: string; items: string[]; cells: string[] }) {
  const editor = page.getByTestId('body-editor');
  await editor.click();
  await useTool(page, 'tool-heading');
  await page.keyboard.type(words.heading);
  await page.keyboard.press('Enter');
  await page.keyboard.type(words.paragraph);
  await page.keyboard.press('Enter');
  await useTool(page, 'tool-bullets');
  for (const [index, item] of words.items.entries()) {
    await page.keyboard.type(item);
    await page.keyboard.press('Enter');
    if (index === words.items.length - 1) await page.keyboard.press('Enter');
  }
  await useTool(page, 'tool-table');
  for (const [index, cell] of words.cells.entries()) {
    if (index > 0) await page.keyboard.press('Tab');
    await page.keyboard.type(cell);
  }
}

async function downloadOf(page: Page, testId: string, folder: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = path.join(folder, (await download).suggestedFilename());
  await (await download).saveAs(file);
  return file;
}

const body = {
  heading: 'Introduction',
  paragraph: 'Mobile money is now a main payment channel in many developing countries.',
  items: ['Define QoE indicators', 'Propose a test method'],
  cells: ['Indicator', 'Target', 'Transaction time', '5 s'],
};

describe('writing a contribution', () => {
  it('keeps the cover and a body with a list and a table across a reload, and exports a Word file', async () => {
    const context = await offlineContext(browser(), { locale: 'en-GB' });
    const page = await openOffline(context, '#/drafts');
    await newDraft(page);
    await fillCover(page, {
      title: TITLE,
      source: 'Administration of Kenya',
      abstract: 'This contribution proposes QoE indicators for mobile money services.',
      name: 'Amina Diallo',
    });
    await writeBody(page, body);
    await expect.poll(() => page.getByTestId('save-state').innerText()).toBe('Saved on this device');

    await page.reload();
    await page.getByTestId('body-editor').waitFor();
    expect(await page.getByTestId('cover-title').inputValue()).toBe(TITLE);
    expect(await page.getByTestId('contact-0-name').inputValue()).toBe('Amina Diallo');
    const editor = page.getByTestId('body-editor');
    expect(await editor.locator('h2').innerText()).toBe('Introduction');
    expect(await editor.locator('ul li').allInnerTexts()).toEqual(body.items);
    expect(await editor.locator('table td, table th').allInnerTexts()).toEqual(body.cells);
    expect(await page.getByTestId('checks').innerText()).toContain('about 150 to 200');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'draft-en.png'), fullPage: true });

    const folder = mkdtempSync(path.join(tmpdir(), 'gapbridge-docx-'));
    const docx = await downloadOf(page, 'export-docx', folder);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(docx)))['word/document.xml']!);
    expect(xml).toContain(TITLE);
    const pdf = docxToPdf(docx, folder);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const expected of [
      'INTERNATIONAL TELECOMMUNICATION UNION',
      'STUDY GROUP 12',
      '9/12',
      'CONTRIBUTION',
      TITLE,
      'Amina Diallo',
      'Introduction',
      'Define QoE indicators',
      'Transaction time',
    ]) {
      expect(text).toContain(expected);
    }
    pdfFirstPageToPng(pdf, path.join(SCREENSHOTS, 'contribution-en'));
    await context.close();
  });
});

describe('the target meeting', () => {
  it('fills place and dates from the calendar and warns that its deadline has passed', async () => {
    const context = await offlineContext(browser(), { locale: 'en-GB' });
    const page = await openOffline(context, '#/drafts');
    await newDraft(page);
    await page.getByTestId('cover-studyGroup').selectOption('SG17');
    await page.getByTestId('cover-meeting').selectOption('sg17-2025-04-geneva');
    await expect
      .poll(() => page.getByTestId('cover-placeAndDate').inputValue())
      .toMatch(/^Geneva, April 8\D+17, 2025$/);
    expect(await page.getByTestId('checks').innerText()).toContain(
      'The contribution deadline of the meeting has passed',
    );
    await page.getByTestId('cover-meeting').selectOption('wp1-17-2025-09-eplenary');
    await expect.poll(() => page.getByTestId('cover-placeAndDate').inputValue()).toBe('September 22, 2025');
    await context.close();
  });
});

describe('losing nothing', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startRendererServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('keeps what was on screen a second before the browser was killed', async () => {
    const profile = mkdtempSync(path.join(tmpdir(), 'gapbridge-profile-'));
    const first = await startChromiumOnProfile(profile);
    const page = first.browser.contexts()[0]!.pages()[0] ?? (await first.browser.contexts()[0]!.newPage());
    await page.goto(`${server.origin}/#/drafts`);
    await newDraft(page);
    await page.getByTestId('cover-title').fill('Written before the power cut');
    await page.getByTestId('body-editor').click();
    const typed = 'Every word typed here must survive a crash.';
    await page.keyboard.type(typed);
    await page.waitForTimeout(1000);
    const draftUrl = page.url();
    await killChromium(first);

    const second = await startChromiumOnProfile(profile);
    const again = second.browser.contexts()[0]!.pages()[0] ?? (await second.browser.contexts()[0]!.newPage());
    await again.goto(draftUrl);
    await again.getByTestId('body-editor').waitFor();
    await expect.poll(() => again.getByTestId('body-editor').innerText()).toBe(typed);
    expect(await again.getByTestId('cover-title').inputValue()).toBe('Written before the power cut');
    await killChromium(second);
  });
});

describe('an Arabic draft', () => {
  it('is written and exported right to left', async () => {
    const context = await offlineContext(browser(), { locale: 'ar-EG' });
    const page = await openOffline(context, '#/drafts');
    await newDraft(page);
    expect(await page.getByTestId('cover-language').inputValue()).toBe('ar');
    const arabicTitle = 'متطلبات جودة التجربة لخدمات النقود المتنقلة';
    await fillCover(page, {
      title: arabicTitle,
      source: 'إدارة كينيا',
      abstract: 'تقترح هذه المساهمة مؤشرات لجودة التجربة.',
      name: 'أمينة ديالو',
    });
    await writeBody(page, {
      heading: 'مقدمة',
      paragraph: 'أصبحت النقود المتنقلة قناة دفع رئيسية.',
      items: ['تحديد المؤشرات', 'اقتراح طريقة اختبار'],
      cells: ['المؤشر', 'الهدف', 'زمن المعاملة', '5 ثوانٍ'],
    });
    await expect.poll(() => page.getByTestId('save-state').getAttribute('class')).toContain('is-saved');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'draft-ar.png'), fullPage: true });

    const folder = mkdtempSync(path.join(tmpdir(), 'gapbridge-docx-'));
    const docx = await downloadOf(page, 'export-docx', folder);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(docx)))['word/document.xml']!);
    expect(xml).toContain('<w:bidi/>');
    expect(xml).toContain(arabicTitle);
    const pdf = docxToPdf(docx, folder);
    expect(pdfText(pdf)).toContain('SG12-C0xxx');
    pdfFirstPageToPng(pdf, path.join(SCREENSHOTS, 'contribution-ar'));
    await context.close();
  });
});

describe('carrying a draft and its history', () => {
  it('carries a draft to another device in a .gapdraft file and merges it back', async () => {
    const laptop = await offlineContext(browser(), { locale: 'en-GB' });
    const page = await openOffline(laptop, '#/drafts');
    await newDraft(page);
    await page.getByTestId('cover-title').fill('Carried draft');
    await page.getByTestId('body-editor').click();
    await page.keyboard.type('Written on the laptop.');
    await expect.poll(() => page.getByTestId('save-state').getAttribute('class')).toContain('is-saved');
    const folder = mkdtempSync(path.join(tmpdir(), 'gapbridge-carry-'));
    const carried = await downloadOf(page, 'export-gapdraft', folder);

    const desktop = await offlineContext(browser(), { locale: 'fr-FR' });
    const other = await openOffline(desktop, '#/drafts');
    await other.getByTestId('import-gapdraft').setInputFiles(carried);
    await other.getByTestId('import-outcome').waitFor();
    await other.getByTestId('draft-list').locator('h2 a').first().click();
    await other.getByTestId('body-editor').click();
    await other.keyboard.press('End');
    await other.keyboard.type(' Added on the desktop.');
    await expect.poll(() => other.getByTestId('save-state').getAttribute('class')).toContain('is-saved');
    const back = await downloadOf(other, 'export-gapdraft', folder);

    await page.goto(`${new URL(page.url()).origin}/#/drafts`);
    await page.getByTestId('import-gapdraft').setInputFiles(back);
    expect(await page.getByTestId('import-outcome').locator('p').first().innerText()).toBe(
      'The draft was merged with the copy on this device.',
    );
    expect(await page.getByTestId('merge-summary').innerText()).toBe('4 words added\n0 words removed');
    expect(await page.getByTestId('draft-list').locator('li').count()).toBe(1);
    await page.getByTestId('draft-list').locator('h2 a').first().click();
    await expect
      .poll(() => page.getByTestId('body-editor').innerText())
      .toBe('Written on the laptop. Added on the desktop.');
    await laptop.close();
    await desktop.close();
  });

  it('restores a snapshot, keeping the present version to undo the restore', async () => {
    const context = await offlineContext(browser(), { locale: 'en-GB' });
    const page = await openOffline(context, '#/drafts');
    await newDraft(page);
    await page.getByTestId('cover-title').fill('First title');
    await page.getByTestId('body-editor').click();
    await page.keyboard.type('First text.');
    await page.getByTestId('take-snapshot').click();
    await page.getByTestId('snapshots').locator('li').first().waitFor();
    await page.getByTestId('cover-title').fill('Second title');
    await page.keyboard.press('Tab');
    await page.getByTestId('body-editor').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' More.');

    await page
      .getByTestId('snapshots')
      .locator('li')
      .first()
      .getByRole('button', { name: 'Restore this version' })
      .click();
    await expect.poll(() => page.getByTestId('cover-title').inputValue()).toBe('First title');
    await expect.poll(() => page.getByTestId('body-editor').innerText()).toBe('First text.');
    const kinds = await page.getByTestId('snapshots').locator('li').allInnerTexts();
    expect(kinds.some((k) => k.includes('Before a restore'))).toBe(true);

    await page
      .getByTestId('snapshots')
      .locator('li', { hasText: 'Before a restore' })
      .getByRole('button', { name: 'Restore this version' })
      .click();
    await expect.poll(() => page.getByTestId('cover-title').inputValue()).toBe('Second title');
    await expect.poll(() => page.getByTestId('body-editor').innerText()).toBe('First text. More.');
    await context.close();
  });
});
