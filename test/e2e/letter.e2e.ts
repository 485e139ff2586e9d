import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { flatten, readNamespace } from '../support/locales';
import { offlineContext, openOffline } from '../support/offlineApp';
import { SCREENSHOTS, useSharedBrowser } from '../support/sharedBrowser';

// "Today" is fixed after the shipped calendar ends, so nothing upcoming is known on a fresh profile.
const TODAY = new Date('2031-01-15T10:00:00Z');
const strings = flatten(readNamespace('en', 'meetings'));
const en = (key: string) => String(strings.get(key));
const browser = useSharedBrowser();

async function freshApp(locale: string, now = TODAY) {
  const context = await offlineContext(browser(), { locale, timezoneId: 'Europe/Zurich' });
  await context.clock.install({ time: now });
  const page = await openOffline(context, '#/meetings');
  await page.getByTestId('filter-count').waitFor();
  if (now === TODAY) await page.getByTestId('no-upcoming').waitFor({ timeout: 30_000 });
  return { context, page };
}

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}

/** Types in the SG13 meeting of March 2031 as its collective letter prints it. */
async function fillLetter(page: Page) {
  await page.getByTestId('letter-group').fill('SG13');
  await page.getByTestId('letter-kind').selectOption('study-group');
  await page.getByTestId('letter-start').fill('2031-03-03');
  await page.getByTestId('letter-end').fill('2031-03-14');
  await page.getByTestId('letter-dailyStart').fill('09:30');
  await page.getByTestId('letter-dailyEnd').fill('17:30');
  await page.getByTestId('letter-format').selectOption('in-person');
  await page.getByTestId('letter-place').fill('Geneva');
  await page.getByTestId('letter-collectiveLetter').fill('TSB Collective Letter 4/13');
  await page.getByTestId('letter-deadline-registration').fill('2031-02-03');
  await page.getByTestId('letter-deadline-contribution').fill('2031-02-17');
}

describe('a meeting typed in from its collective letter', () => {
  it('is added in a minute and leads Home with its official deadlines', async () => {
    const { context, page } = await freshApp('en-GB');
    const empty = await page.getByTestId('no-upcoming').innerText();
    expect(empty).toContain(en('agenda.wayLetter'));
    expect(empty).toContain(en('agenda.wayFile'));
    expect(empty).toContain(en('agenda.hubNote'));
    await screenshot(page, 'empty-en.png');

    await page.getByTestId('add-from-letter').click();
    await page.getByTestId('letter-form').waitFor();
    // A wrong field is named and nothing is stored.
    await page.getByTestId('letter-save').click();
    expect(await page.getByTestId('letter-problem').innerText()).toBe(en('letter.invalid'));
    expect(await page.getByTestId('letter-form').innerText()).toContain(en('letter.errors.group-missing'));

    await fillLetter(page);
    // Each message goes once its field is corrected.
    expect(await page.getByTestId('letter-form').innerText()).not.toContain(en('letter.errors.group-missing'));
    await screenshot(page, 'letter-form-en.png');
    await page.getByTestId('letter-save').click();
    await page.getByTestId('meeting-detail').waitFor();
    expect(await page.getByTestId('collective-letter').innerText()).toBe('TSB Collective Letter 4/13');
    expect(await page.getByTestId('daily-sessions').innerText()).toBe(
      'March 3 – 14, 2031: 12 days, 9:30 AM–5:30 PM each day',
    );
    const contribution = await page.getByTestId('deadline-contribution').innerText();
    expect(contribution).toContain('February 17, 2031');
    expect(contribution).toContain(en('deadlines.official'));
    expect(await page.getByTestId('deadline-fellowship').innerText()).toContain(en('deadlines.estimate'));

    await page.getByTestId('follow-meeting').click();
    await expect.poll(() => page.getByTestId('follow-meeting').getAttribute('aria-pressed')).toBe('true');
    await page.goto(`${new URL(page.url()).origin}/#/home`);
    const items = page.getByTestId('whats-next').locator('li');
    await items.first().waitFor();
    const texts = await items.allInnerTexts();
    const registration = texts.find((text) => text.includes(en('deadlines.kinds.registration')));
    expect(registration).toContain(en('deadlines.official'));
    expect(texts.find((text) => text.includes(en('deadlines.kinds.fellowship')))).toContain(en('deadlines.estimate'));
    await context.close();
  });

  it('can be edited, and shows in the month view as one bar per week with its deadlines', async () => {
    const { context, page } = await freshApp('en-GB');
    await page.getByTestId('add-from-letter').click();
    await fillLetter(page);
    await page.getByTestId('letter-save').click();
    await page.getByTestId('edit-meeting').click();
    await page.getByTestId('letter-place').fill('Tashkent, Uzbekistan');
    await page.getByTestId('letter-save').click();
    await page.getByTestId('meeting-detail').waitFor();
    // The page shows the stored meeting, which the live query brings a moment after the save.
    await expect.poll(() => page.getByTestId('meeting-place').innerText()).toBe('Tashkent, Uzbekistan');

    // Held online only: no visa, registration or fellowship deadline, and the page says why.
    await page.getByTestId('edit-meeting').click();
    await page.getByTestId('letter-format').selectOption('virtual');
    await page.getByTestId('letter-save').click();
    await page.getByTestId('meeting-detail').waitFor();
    await page.getByTestId('not-applicable-visa').waitFor();
    expect(await page.getByTestId('not-applicable-visa').innerText()).toBe(
      en('deadlines.notApplicable.format').replace('{{deadline}}', en('deadlines.kinds.visa')),
    );
    expect(await page.getByTestId('deadline-visa').count()).toBe(0);
    // Its official registration date still wins: a printed date is never hidden.
    expect(await page.getByTestId('deadline-registration').innerText()).toContain(en('deadlines.official'));

    await page.goto(`${new URL(page.url()).origin}/#/meetings/month`);
    await page.getByTestId('month-name').waitFor();
    // en-GB weeks start on Monday.
    expect(await page.getByTestId('month-weekday').first().innerText()).toBe('Mon');
    await page.getByRole('button', { name: en('month.next') }).click();
    await expect.poll(() => page.getByTestId('month-name').innerText()).toBe('February 2031');
    const titles = await page
      .getByTestId('month-deadline')
      .evaluateAll((links) => links.map((link) => link.getAttribute('title')));
    // The official dates typed in, labelled official; no visa estimate for a virtual meeting.
    expect(titles).toContain('Contributions deadline: SG13');
    expect(titles).toContain('Pre-registration deadline: SG13');
    expect(titles.filter((title) => title?.startsWith('Visa'))).toEqual([]);
    await page.getByRole('button', { name: en('month.next') }).click();
    await expect.poll(() => page.getByTestId('month-name').innerText()).toBe('March 2031');
    // 3-14 March runs over two weeks: two bars, not twelve day cells.
    expect(await page.getByTestId('month-meeting').count()).toBe(2);
    await screenshot(page, 'month-en.png');
    await context.close();
  });
});

describe('the letter form and the month view in Arabic and French', () => {
  it('lays out right to left, starts the Arabic week on Saturday', async () => {
    const { context, page } = await freshApp('ar-EG');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await screenshot(page, 'empty-ar.png');
    await page.getByTestId('add-from-letter').click();
    await fillLetter(page);
    await screenshot(page, 'letter-form-ar.png');
    await page.getByTestId('letter-save').click();
    await page.getByTestId('meeting-detail').waitFor();
    await screenshot(page, 'meeting-letter-ar.png');
    await page.goto(`${new URL(page.url()).origin}/#/meetings`);
    await page.getByTestId('upcoming').locator('li').first().waitFor();
    await screenshot(page, 'agenda-letter-ar.png');
    await page.goto(`${new URL(page.url()).origin}/#/meetings/month`);
    await page.getByTestId('month-name').waitFor();
    const saturday = new Intl.DateTimeFormat('ar', { weekday: 'short', timeZone: 'UTC' }).format(
      new Date('2031-01-04T12:00:00Z'),
    );
    expect(await page.getByTestId('month-weekday').first().innerText()).toBe(saturday);
    await page.getByTestId('month-grid').locator('a').first().waitFor({ state: 'attached' });
    await screenshot(page, 'month-ar.png');
    await context.close();
  });

  it('writes French group codes and a no-break space before a colon', async () => {
    const { context, page } = await freshApp('fr-FR');
    await page.getByTestId('add-from-letter').click();
    await fillLetter(page);
    await page.getByTestId('letter-save').click();
    await page.getByTestId('meeting-detail').waitFor();
    await page.goto(`${new URL(page.url()).origin}/#/meetings`);
    const row = page.getByTestId('upcoming').locator('li').first();
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('CE\u00a013');
    expect(text).toMatch(/\u202f:/);
    await screenshot(page, 'agenda-letter-fr.png');
    await context.close();
  });
});

describe('the 2026 meetings the app ships', () => {
  it('shows their status, and no place where none is published', async () => {
    const { context, page } = await freshApp('en-GB', new Date('2026-05-01T10:00:00Z'));
    const row = page.getByTestId('meeting-sg2-2026-09');
    await row.waitFor({ timeout: 30_000 });
    const text = await row.innerText();
    expect(text).toContain('Planned (as of February 2026)');
    expect(text).toContain(en('meeting.placeNotPublished'));
    expect(text).not.toContain('Geneva');
    expect(await page.getByTestId('meeting-sg17-2026-06-geneva').innerText()).toContain('Planned (as of April 2026)');

    // Its collective letter arrives: the dates it prints replace the estimates, labelled official.
    await page.getByTestId('meeting-sg17-2026-06-geneva').locator('h3 a').click();
    await page.getByTestId('meeting-detail').waitFor();
    expect(await page.getByTestId('deadline-contribution').innerText()).toContain(en('deadlines.estimate'));
    await page.getByTestId('enter-official').click();
    await page.getByTestId('letter-collectiveLetter').fill('TSB Collective Letter 7/17');
    await page.getByTestId('letter-deadline-contribution').fill('2026-05-18');
    await page.getByTestId('letter-save').click();
    await page.getByTestId('meeting-detail').waitFor();
    const contribution = await page.getByTestId('deadline-contribution').innerText();
    expect(contribution).toContain('May 18, 2026');
    expect(contribution).toContain(en('deadlines.official'));
    expect(await page.getByTestId('collective-letter').innerText()).toBe('TSB Collective Letter 7/17');
    // Taken back, the estimate shows again.
    await page.getByTestId('remove-official').click();
    await expect.poll(() => page.getByTestId('deadline-contribution').innerText()).toContain(en('deadlines.estimate'));
    await context.close();
  });
});
