import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCoursePack } from '../support/courseDriver';
import { offlineContext, openOffline } from '../support/offlineApp';
import { useSharedBrowser } from '../support/sharedBrowser';

const browser = useSharedBrowser();
const english = builtCoursePack('en');
/** The longest lesson, so that there is room to scroll before its end comes into view. */
const lesson = [...english.lessons].sort((a, b) => b.body.length - a.body.length)[0]!;

/**
 * Scrolls to `top` and watches the page, frame by frame, until the app has stored the place (the
 * pause in scrolling is over and the live queries have seen the write), then for a while longer.
 * Returns every scroll offset seen: a page that snaps back shows more than one.
 */
function scrollAndPause(page: Page, top: number, { untilRead = false } = {}): Promise<number[]> {
  return page.evaluate(
    async ({ top, lessonId, untilRead }) => {
      type Stored = { position: number; readAt: string | null } | undefined;
      const stored = () =>
        new Promise<Stored>((resolve, reject) => {
          const open = indexedDB.open('gapbridge');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const database = open.result;
            const get = database.transaction('lessonProgress').objectStore('lessonProgress').get(lessonId);
            get.onsuccess = () => {
              database.close();
              resolve(get.result as Stored);
            };
            get.onerror = () => reject(get.error);
          };
        });
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      window.scrollTo({ top });
      await frame();
      const scrolledTo = window.scrollY;
      const expected = scrolledTo / (document.documentElement.scrollHeight - window.innerHeight);
      const seen = new Set<number>([Math.round(scrolledTo)]);
      // The place is stored 400 ms after the scrolling stops; a page that snapped back stores another.
      const giveUp = performance.now() + 10_000;
      while (performance.now() < giveUp) {
        await frame();
        seen.add(Math.round(window.scrollY));
        const place = await stored();
        if (place && Math.abs(place.position - expected) < 0.01 && (!untilRead || place.readAt)) break;
      }
      const until = performance.now() + 1000;
      while (performance.now() < until) {
        await frame();
        seen.add(Math.round(window.scrollY));
      }
      return [...seen];
    },
    { top, lessonId: lesson.id, untilRead },
  );
}

describe('a lesson keeps the reader’s place', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await offlineContext(browser(), { locale: 'en-GB' });
    page = await openOffline(context, '#/course');
    await page.locator('.module-card').first().waitFor({ timeout: 30_000 });
    await page.goto(`${new URL(page.url()).origin}/#/course/lesson/${lesson.id}`);
    await page.locator('.lesson h1', { hasText: lesson.title }).waitFor();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('holds an unread lesson where the reader paused, and where its end marked it read', async () => {
    const scrollable = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(scrollable).toBeGreaterThan(800);
    expect(await scrollAndPause(page, 300)).toEqual([300]);
    expect(await page.getByTestId('lesson-read').count()).toBe(0);

    const seen = await scrollAndPause(page, scrollable, { untilRead: true });
    expect(seen).toEqual([scrollable]);
    await page.getByTestId('lesson-read').waitFor();
  });

  it('holds a read lesson through every pause in scrolling', async () => {
    await page.reload();
    await page.getByTestId('lesson-read').waitFor();
    for (const top of [250, 600, 400]) expect(await scrollAndPause(page, top)).toEqual([top]);
  });
});
