import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readNamespace } from '../support/locales';
import { offlineContext, openOffline } from '../support/offlineApp';
import { SCREENSHOTS, useSharedBrowser } from '../support/sharedBrowser';

const browser = useSharedBrowser();

function reminderStrings(language: string): Record<string, string> {
  return readNamespace(language, 'settings').reminders as Record<string, string>;
}

/** The reminder setting as IndexedDB holds it (undefined until the first write). */
function settingInDatabase(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('gapbridge');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('settings').objectStore('settings').get('reminderDays');
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as { value?: unknown } | undefined)?.value);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

async function storedDays(page: Page): Promise<string> {
  await page.reload();
  const field = page.getByTestId('reminder-days');
  await field.waitFor();
  // The live query fills in the stored value after the first render.
  await expect.poll(() => field.inputValue()).not.toBe('');
  return field.inputValue();
}

describe('the reminder setting', () => {
  it('says why it refuses a value, keeps it on screen, and leaves the stored setting as it was', async () => {
    const context = await offlineContext(browser(), { locale: 'en-GB' });
    const page = await openOffline(context, '#/settings');
    const field = page.getByTestId('reminder-days');
    const problem = page.getByTestId('reminder-days-problem');
    const english = reminderStrings('en');
    await expect.poll(() => field.inputValue()).toBe('3');

    await field.fill('75');
    expect(await problem.innerText()).toBe(
      english.outOfRange!.replace('{{min, number}}', '0').replace('{{max, number}}', '60'),
    );
    expect(await field.inputValue()).toBe('75');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toBe(await problem.getAttribute('id'));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'settings-reminder-problem-en.png') });
    expect(await storedDays(page)).toBe('3');

    await field.fill('2.5');
    expect(await problem.innerText()).toMatch(/^Enter a whole number of days/);
    await field.fill('10');
    expect(await problem.count()).toBe(0);
    expect(await field.getAttribute('aria-invalid')).toBe('false');
    // The write is asynchronous; reload only once it is committed.
    await expect.poll(() => settingInDatabase(page)).toBe(10);
    expect(await storedDays(page)).toBe('10');
    await context.close();
  });

  it('gives the reason in Arabic too', async () => {
    const context = await offlineContext(browser(), { locale: 'ar-EG' });
    const page = await openOffline(context, '#/settings');
    const field = page.getByTestId('reminder-days');
    await expect.poll(() => field.inputValue()).toBe('3');
    await field.fill('-4');
    const problem = page.getByTestId('reminder-days-problem');
    expect(await problem.innerText()).toContain(
      reminderStrings('ar').outOfRange!.split('.')[0]!.split('{{')[0]!.trim(),
    );
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'settings-reminder-problem-ar.png') });
    expect(await storedDays(page)).toBe('3');
    await context.close();
  });
});
