import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { builtCoursePack } from '../support/courseDriver';
import { DIST } from '../support/rendererServer';
import type { Figure } from './shell';
import { median } from './stats';

type Action = { hash: string } | { click: string };

/** Does `action` in the page and measures until `selector` shows `text` (or just exists). */
function timeInPage(page: Page, action: Action, selector: string, text?: string): Promise<number> {
  return page.evaluate(
    async ({ action, selector, text }) => {
      const start = performance.now();
      if ('hash' in action) window.location.hash = action.hash;
      else document.querySelector<HTMLElement>(action.click)!.click();
      while (true) {
        const element = document.querySelector(selector);
        if (element && (text === undefined || element.textContent === text)) return performance.now() - start;
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    },
    { action, selector, text },
  );
}

async function installedPackCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('gapbridge');
        open.onsuccess = () => {
          const count = open.result.transaction('contentPacks').objectStore('contentPacks').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
}

export async function courseFigures(browser: Browser, origin: string): Promise<Figure[]> {
  const packDir = path.join(DIST, 'packs');
  const packs = readdirSync(packDir).filter((f) => f.startsWith('course-'));
  const gzipBytes = packs.map((f) => gzipSync(readFileSync(path.join(packDir, f))).length);
  const rawBytes = packs.map((f) => readFileSync(path.join(packDir, f)).length);

  const context = await browser.newContext({ locale: 'fr' });
  const page = await context.newPage();
  const installStart = Date.now();
  await page.goto(`${origin}/`);
  while ((await installedPackCount(page)) < packs.length + 1) await page.waitForTimeout(20);
  const installMs = Date.now() - installStart;

  const lessons = builtCoursePack('fr').lessons.slice(0, 15);
  const lessonTimes: number[] = [];
  for (const lesson of lessons) {
    lessonTimes.push(await timeInPage(page, { hash: `#/course/lesson/${lesson.id}` }, '.lesson h1', lesson.title));
  }

  const quizTimes: number[] = [];
  for (const moduleId of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm1', 'm2', 'm3']) {
    await page.evaluate((id) => (location.hash = `#/course/module/${id}`), moduleId);
    await page.getByTestId('start-quiz').or(page.getByTestId('resume-quiz')).waitFor();
    if (await page.getByTestId('resume-quiz').count()) continue;
    quizTimes.push(await timeInPage(page, { click: '[data-testid="start-quiz"]' }, 'form.question'));
  }
  await context.close();

  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  return [
    {
      name: 'Course packs, six languages, gzip (raw)',
      value: `${kB(gzipBytes.reduce((a, b) => a + b, 0))} (${kB(rawBytes.reduce((a, b) => a + b, 0))}), ${kB(median(gzipBytes))} median per language`,
    },
    { name: 'First run: install all content packs (six course, one calendar)', value: `${installMs} ms` },
    {
      name: `Open a lesson, six packs stored, median of ${lessonTimes.length}`,
      value: `${median(lessonTimes).toFixed(1)} ms`,
    },
    {
      name: `Start a quiz (draw + store + show), median of ${quizTimes.length}`,
      value: `${median(quizTimes).toFixed(1)} ms`,
    },
  ];
}
