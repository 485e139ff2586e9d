import type { Browser, Page } from 'playwright-core';
import type { Figure } from './shell';
import { median } from './stats';

const GROUPS = ['SG2', 'SG3', 'SG5', 'SG11', 'SG12', 'SG13', 'SG15', 'SG17', 'SG20', 'SG21', 'TSAG'];
const PLACES = ['Geneva', 'Tashkent', 'Nairobi', 'Bogotá', 'Cairo', 'Virtual'];

/** Stores `count` meetings straight into the app's IndexedDB, as a large calendar would. */
function storeMeetings(page: Page, count: number): Promise<void> {
  return page.evaluate(
    ({ count, groups, places }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('gapbridge');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('meetings', 'readwrite');
          const store = tx.objectStore('meetings');
          for (let i = 0; i < count; i++) {
            const group = groups[i % groups.length]!;
            const start = new Date(Date.UTC(2027, 0, 1) + i * 6 * 3600_000);
            store.put({
              id: `bench-${i}`,
              kind: i % 3 ? 'study-group' : 'rapporteur-group',
              group,
              title: { en: `${group} meeting ${i}`, fr: `Réunion ${group} ${i}` },
              start: start.toISOString(),
              end: new Date(start.getTime() + 5 * 86400_000).toISOString(),
              timeZone: 'Europe/Zurich',
              place: places[i % places.length],
              remoteParticipation: true,
              links: {},
              deadlines: [],
              origin: 'imported',
              updatedAt: start.toISOString(),
            });
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    { count, groups: GROUPS, places: PLACES },
  );
}

/**
 * Changes a filter control as a person does and measures until the agenda shows the new count:
 * the moment the DOM changes (a MutationObserver), so the figure is the work done, not the idle
 * wait for the next animation frame that polling each frame would add. The rows are committed
 * in the same React render as the count.
 */
function timeFilter(page: Page, selector: string, value: string): Promise<number> {
  return page.evaluate(
    ({ selector, value }) =>
      new Promise<number>((resolve) => {
        const control = document.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
        const counter = document.querySelector('[data-testid="filter-count"]')!;
        const before = counter.textContent;
        const prototype =
          control instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
        let start = 0;
        const observer = new MutationObserver(() => {
          if (counter.textContent === before) return;
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(counter, { childList: true, characterData: true, subtree: true });
        start = performance.now();
        Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(control, value);
        control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
      }),
    { selector, value },
  );
}

/**
 * A calendar of `events` events in 2027 (within the recurrence window of a bench run today); every
 * tenth repeats weekly, ten times, so that recurrence expansion is part of the figure.
 */
export function calendarFile(events: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Gapbridge bench//EN'];
  for (let i = 0; i < events; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    lines.push(
      'BEGIN:VEVENT',
      `UID:bench-import-${i}@example.org`,
      'DTSTAMP:20300101T000000Z',
      `DTSTART;TZID=Europe/Zurich:2027${month}${day}T093000`,
      `DTEND;TZID=Europe/Zurich:2027${month}${day}T173000`,
      ...(i % 10 === 0 ? ['RRULE:FREQ=WEEKLY;COUNT=10'] : []),
      `SUMMARY:ITU-T ${GROUPS[i % GROUPS.length]} rapporteur group meeting ${i}`,
      `LOCATION:${PLACES[i % PLACES.length]}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}

/** Imports a file through the file input, from a freshly loaded page, until the outcome shows. */
async function timeImport(page: Page, text: string): Promise<number> {
  await page.reload();
  await page.getByTestId('import-ics').waitFor({ state: 'attached' });
  return page.evaluate(async (text) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="import-ics"]')!;
    const files = new DataTransfer();
    files.items.add(new File([text], 'bench.ics', { type: 'text/calendar' }));
    const start = performance.now();
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    while (!document.querySelector('[data-testid="file-outcome"]')) await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - start;
  }, text);
}

export async function meetingsFigures(browser: Browser, origin: string): Promise<Figure[]> {
  const context = await browser.newContext({ locale: 'en' });
  const page = await context.newPage();
  await page.goto(`${origin}/#/meetings`);
  await page.getByTestId('filter-count').waitFor();
  await storeMeetings(page, 10_000);
  await page.reload();
  await page
    .getByTestId('filter-count')
    .filter({ hasText: /10,0\d\d/ })
    .waitFor();
  // The study groups arrive with the calendar pack, which may still be installing: a group that
  // is not yet an option cannot be chosen, and the count would never change.
  await page.waitForFunction(
    (groups) => groups.every((g) => document.querySelector(`[data-testid="filter-group"] option[value="${g}"]`)),
    GROUPS,
  );

  const filterTimes: number[] = [];
  const searchTimes: number[] = [];
  for (let run = 0; run < 7; run++) {
    filterTimes.push(await timeFilter(page, '[data-testid="filter-group"]', GROUPS[run % GROUPS.length]!));
    filterTimes.push(await timeFilter(page, '[data-testid="filter-group"]', ''));
    searchTimes.push(await timeFilter(page, '[data-testid="filter-search"]', `meeting ${run}9`));
    searchTimes.push(await timeFilter(page, '[data-testid="filter-search"]', ''));
  }

  const file = calendarFile(2000);
  const importTimes: number[] = [];
  for (let run = 0; run < 5; run++) importTimes.push(await timeImport(page, file));
  await context.close();

  return [
    {
      name: 'Agenda of 10,000 meetings: apply a group filter, median',
      value: `${median(filterTimes).toFixed(1)} ms`,
      target: '< 16 ms',
    },
    {
      name: 'Agenda of 10,000 meetings: text search, median',
      value: `${median(searchTimes).toFixed(1)} ms`,
      target: '< 16 ms',
    },
    {
      name: `Import a 2,000-event .ics with recurring events (${(file.length / 1e6).toFixed(2)} MB), median`,
      value: `${median(importTimes).toFixed(0)} ms`,
      target: '< 1,000 ms',
    },
  ];
}
