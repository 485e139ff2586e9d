import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNamespace, flatten } from '../support/locales';
import { offlineContext, openOffline } from '../support/offlineApp';
import { SCREENSHOTS, useSharedBrowser } from '../support/sharedBrowser';

// A secretariat's calendar for 2031, read at a fixed "today": the tests never depend on the real date.
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/meetings-2031.ics');
const TODAY = new Date('2031-01-15T10:00:00Z');
const SG13 = 'sg13-2031-03@example.org';
const en = flatten(readNamespace('en', 'meetings'));

const browser = useSharedBrowser();

async function freshApp(options: { locale?: string; timezoneId?: string; now?: Date } = {}) {
  const context = await offlineContext(browser(), {
    locale: options.locale ?? 'en-GB',
    timezoneId: options.timezoneId ?? 'Europe/Zurich',
  });
  await context.clock.install({ time: options.now ?? TODAY });
  const page = await openOffline(context, '#/meetings');
  await page.getByTestId('filter-count').waitFor();
  return { context, page };
}

async function importFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByTestId('import-ics').setInputFiles(file);
  await page.getByTestId('file-outcome').waitFor();
  return page.getByTestId('file-outcome').innerText();
}

const fixture = () => ({ name: 'meetings-2031.ics', mimeType: 'text/calendar', buffer: readFileSync(FIXTURE) });

async function openMeeting(page: Page, id: string) {
  await page.goto(`${new URL(page.url()).origin}/#/meetings/meeting/${encodeURIComponent(id)}`);
  await page.getByTestId('meeting-detail').waitFor();
}

describe('the meetings calendar', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await freshApp());
  });
  afterAll(async () => {
    await context?.close();
  });

  it('shows the shipped meetings as history and says how to get what is coming', async () => {
    await page.getByTestId('no-upcoming').waitFor({ timeout: 30_000 });
    expect(await page.locator('.past-meetings summary').innerText()).toMatch(/^Past meetings \(\d+\)$/);
  });

  it('imports a calendar file and shows its meetings, soonest first', async () => {
    expect(await importFile(page, fixture())).toBe('Imported 2 meetings. They are saved on this device.');
    const titles = await page.getByTestId('upcoming').locator('h3 a').allInnerTexts();
    expect(titles).toEqual(['WP1/17 e-plenary', 'ITU-T SG13 meeting']);
  });

  it('refuses a broken file with a clear message and keeps what is stored', async () => {
    const junk = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256));
    expect(await importFile(page, { name: 'calendar.ics', mimeType: 'text/calendar', buffer: junk })).toBe(
      en.get('files.errors.not-text'),
    );
    expect(await page.getByTestId('upcoming').locator('li').count()).toBe(2);
  });

  it('refuses a 433-byte time-zone bomb (FREQ=SECONDLY) with its reason, without hanging the window', async () => {
    const bomb = readFileSync(
      path.resolve(import.meta.dirname, '../../renderer/features/meetings/ics/fixtures/hostile-secondly-zone.ics'),
    );
    expect(bomb.length).toBeLessThan(500);
    expect(await importFile(page, { name: 'invitation.ics', mimeType: 'text/calendar', buffer: bomb })).toBe(
      en.get('files.errors.too-complex'),
    );
    // The window answers at once, and what was stored is still there.
    await page.getByTestId('filter-search').fill('SG13');
    expect(await page.getByTestId('filter-search').inputValue()).toBe('SG13');
    await page.getByTestId('filter-search').fill('');
    expect(await page.getByTestId('upcoming').locator('li').count()).toBe(2);
  });

  it('filters by group and searches', async () => {
    await page.getByTestId('filter-group').selectOption('SG17');
    expect(await page.getByTestId('upcoming').locator('h3 a').allInnerTexts()).toEqual(['WP1/17 e-plenary']);
    await page.getByTestId('filter-group').selectOption('');
    await page.getByTestId('filter-search').fill('sg13 geneva');
    expect(await page.getByTestId('upcoming').locator('h3 a').allInnerTexts()).toEqual(['ITU-T SG13 meeting']);
    await page.getByTestId('filter-search').fill('');
  });

  it('shows the deadlines as a timeline, estimated from the opening day', async () => {
    await openMeeting(page, SG13);
    expect(await page.getByTestId('deadline-contribution').innerText()).toContain('Tuesday, February 25, 2031');
    expect(await page.getByTestId('deadline-contribution').innerText()).toContain('Estimate');
    expect(await page.getByTestId('deadline-translation').innerText()).toContain('passed');
    expect(await page.getByTestId('deadline-fellowship').innerText()).toContain('in 12 days');
  });

  it('follows a meeting, whose next deadline then leads the home screen', async () => {
    await page.getByTestId('follow-meeting').click();
    await expect.poll(() => page.getByTestId('follow-meeting').getAttribute('aria-pressed')).toBe('true');
    await page.goto(`${new URL(page.url()).origin}/#/home`);
    const first = page.getByTestId('whats-next').locator('li').first();
    await first.waitFor();
    expect(await first.innerText()).toContain('in 12 days');
    expect(await first.innerText()).toContain('Fellowship requests — ITU-T SG13 meeting');
  });

  it('exports the followed meetings, and a fresh profile imports them', async () => {
    await page.goto(`${new URL(page.url()).origin}/#/meetings`);
    const download = page.waitForEvent('download');
    await page.getByTestId('export-followed').click();
    const file = await (await download).path();
    const ics = readFileSync(file!, 'utf8');
    expect(ics).toContain('UID:sg13-2031-03@example.org');
    expect(ics).not.toContain('wp1-17-2031-02@example.org');

    const fresh = await freshApp();
    expect(
      await importFile(fresh.page, { name: 'followed.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) }),
    ).toBe('Imported 1 meeting. It is saved on this device.');
    await openMeeting(fresh.page, SG13);
    expect(await fresh.page.locator('h1').innerText()).toBe('ITU-T SG13 meeting');
    expect(await fresh.page.getByTestId('meeting-time').innerText()).toContain('9:30 AM');
    await fresh.context.close();
  });

  it('deletes an imported event after asking, and keeps the others', async () => {
    await openMeeting(page, 'wp1-17-2031-02@example.org');
    await page.getByTestId('delete-event').click();
    await page.getByTestId('confirm-delete').click();
    await page.getByTestId('upcoming').waitFor();
    await expect
      .poll(() => page.getByTestId('upcoming').locator('h3 a').allInnerTexts())
      .toEqual(['ITU-T SG13 meeting']);
  });
});

describe('a 100,000-event calendar file', () => {
  // Short events in 2031, within the recurrence window of TODAY; every hundredth repeats weekly.
  function hugeCalendar(events: number): Buffer {
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Gapbridge e2e//EN'];
    for (let i = 0; i < events; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const month = String(((i >> 5) % 12) + 1).padStart(2, '0');
      lines.push(
        'BEGIN:VEVENT',
        `UID:e${i}@x`,
        `DTSTART:2031${month}${day}T090000Z`,
        `DTEND:2031${month}${day}T100000Z`,
        ...(i % 100 === 0 ? ['RRULE:FREQ=WEEKLY;COUNT=2'] : []),
        `SUMMARY:SG13 hugefile rapporteur meeting ${i}`,
        'END:VEVENT',
      );
    }
    lines.push('END:VCALENDAR');
    return Buffer.from(lines.join('\r\n'));
  }

  it('reads in a worker while the window keeps responding, can be cancelled, then imports all of it', async () => {
    const { context, page } = await freshApp();
    const file = { name: 'huge.ics', mimeType: 'text/calendar', buffer: hugeCalendar(100_000) };

    await page.getByTestId('import-ics').setInputFiles(file);
    const progress = page.getByTestId('import-progress').locator('progress');
    await expect.poll(() => progress.getAttribute('value'), { timeout: 60_000 }).toMatch(/^[1-9]/);
    const seen = Number(await progress.getAttribute('value'));
    // The interface thread is free while the worker reads: typing reaches the search field and
    // the reading goes on meanwhile.
    await page.getByTestId('filter-search').fill('hugefile');
    expect(await page.getByTestId('filter-search').inputValue()).toBe('hugefile');
    await expect
      .poll(async () => Number(await progress.getAttribute('value')), { timeout: 60_000 })
      .toBeGreaterThan(seen);
    await page.getByTestId('import-cancel').click();
    expect(await page.getByTestId('file-outcome').innerText()).toBe(en.get('calendarFile.cancelled'));
    // Nothing of the file was stored.
    expect(await page.getByTestId('filter-count').innerText()).toBe('0 meetings');

    await page.getByTestId('import-ics').setInputFiles(file);
    await page.getByTestId('file-outcome').waitFor({ timeout: 170_000 });
    // 100,000 events, and a second occurrence for each of the 1,000 weekly ones.
    expect(await page.getByTestId('file-outcome').innerText()).toBe(
      'Imported 101,000 meetings. They are saved on this device.',
    );
    await expect.poll(() => page.getByTestId('filter-count').innerText(), { timeout: 60_000 }).toBe('101,000 meetings');
    await context.close();
  }, 300_000);
});

describe('times in two time zones', () => {
  it.each([
    ['Asia/Tokyo', 'Mar 10, 2031, 5:30 PM'],
    ['America/Sao_Paulo', 'Mar 10, 2031, 5:30 AM'],
  ])('shows a Geneva meeting in %s local time and in Geneva time', async (timezoneId, local) => {
    const { context, page } = await freshApp({ timezoneId });
    await importFile(page, fixture());
    await openMeeting(page, SG13);
    expect(await page.getByTestId('local-time').innerText()).toContain(local);
    expect(await page.getByTestId('meeting-time').innerText()).toContain('Mar 10, 2031, 9:30 AM');
    await context.close();
  });
});

describe('reminders', () => {
  it('notifies a followed deadline N days ahead, once, also across a restart', async () => {
    const context = await offlineContext(browser(), { locale: 'en-GB', timezoneId: 'Europe/Zurich' });
    await context.clock.install({ time: new Date('2031-02-23T10:00:00Z') });
    await context.grantPermissions(['notifications']);
    await context.addInitScript(() => {
      const shown: string[] = JSON.parse(localStorage.getItem('shown') ?? '[]');
      // A stand-in that records instead of showing: a real constructor, and the static API.
      function RecordingNotification(title: string) {
        shown.push(title);
        localStorage.setItem('shown', JSON.stringify(shown));
      }
      Object.assign(RecordingNotification, { permission: 'granted', requestPermission: async () => 'granted' });
      Object.defineProperty(window, 'Notification', { value: RecordingNotification });
    });
    const page = await openOffline(context, '#/meetings');
    await page.getByTestId('filter-count').waitFor();
    await importFile(page, fixture());
    await openMeeting(page, SG13);
    await page.getByTestId('follow-meeting').click();
    const shown = () => page.evaluate(() => JSON.parse(localStorage.getItem('shown') ?? '[]') as string[]);
    await expect.poll(shown).toEqual(['Contributions: in 2 days']);
    await page.reload();
    await page.locator('nav.shell-nav').waitFor();
    await page.waitForTimeout(500);
    expect(await shown()).toEqual(['Contributions: in 2 days']);
    await context.close();
  });
});

describe('meetings in Arabic', () => {
  it('lays out the agenda and a meeting page right to left', async () => {
    const { context, page } = await freshApp({ locale: 'ar-EG' });
    await importFile(page, fixture());
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'agenda-ar.png'), fullPage: true });
    await openMeeting(page, SG13);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'meeting-ar.png'), fullPage: true });
    await page.getByTestId('delete-event').click();
    await page.getByTestId('confirm-delete').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'delete-event-ar.png'), fullPage: true });
    await page.goto(`${new URL(page.url()).origin}/#/meetings/month`);
    await page.getByTestId('month-name').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'month-ar.png') });
    await context.close();
  });
});

describe('a partial file in French', () => {
  const fr = flatten(readNamespace('fr', 'meetings'));
  const BAD_DATES = path.resolve(import.meta.dirname, '../../renderer/features/meetings/ics/fixtures/bad-dates.ics');

  it('imports the good event and lists the skipped ones with what is wrong with each date', async () => {
    const { context, page } = await freshApp({ locale: 'fr-FR' });
    const outcome = await importFile(page, {
      name: 'bad-dates.ics',
      mimeType: 'text/calendar',
      buffer: readFileSync(BAD_DATES),
    });
    expect(outcome).toContain('1 réunion importée');
    await page.getByTestId('skipped-events').locator('summary').click();
    const skipped = await page.getByTestId('skipped-events').locator('li').allInnerTexts();
    expect(skipped).toHaveLength(2);
    expect(skipped[0]).toContain(fr.get('calendarFile.skipReasons.year-out-of-range'));
    expect(skipped[1]).toContain(fr.get('calendarFile.skipReasons.impossible-date'));
    // A date error is said as such, never as a full disk.
    expect(outcome).not.toContain(String(fr.get('calendarFile.storageFull')).slice(0, 30));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'skipped-events-fr.png'), fullPage: true });
    await openMeeting(page, 'good@example.org');
    await page.getByTestId('delete-event').click();
    await page.getByTestId('confirm-delete').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'delete-event-fr.png'), fullPage: true });
    await context.close();
  });
});
