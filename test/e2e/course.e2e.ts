import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_RIGHT, ALL_WRONG, builtCoursePack, CourseDriver } from '../support/courseDriver';
import { offlineContext, openOffline } from '../support/offlineApp';
import { SCREENSHOTS, useSharedBrowser } from '../support/sharedBrowser';

const RESULTS = path.resolve(import.meta.dirname, '../../test-results');
const english = builtCoursePack('en');
const lessonsOf = (moduleId: string) => english.lessons.filter((l) => l.moduleId === moduleId);
/** Right on every question but the first: 90%. */
const ONE_WRONG = [false, ...ALL_RIGHT.slice(1)];

const browser = useSharedBrowser();

async function waitForCourse(page: Page): Promise<void> {
  await page.locator('.module-card').first().waitFor({ timeout: 30_000 });
}

async function readLesson(page: Page, lesson: { id: string; title: string }): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/#/course/lesson/${lesson.id}`);
  await expect.poll(() => page.locator('.lesson h1').innerText()).toBe(lesson.title);
  await expect
    .poll(async () => {
      await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight }));
      return page.getByTestId('lesson-read').count();
    })
    .toBe(1);
}

describe('the A.1 course, offline from the first launch', () => {
  let context: BrowserContext;
  let page: Page;
  let course: CourseDriver;

  beforeAll(async () => {
    context = await offlineContext(browser(), { locale: 'en-GB' });
    page = await openOffline(context, '#/course');
    course = new CourseDriver(page);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('installs the shipped course with no network and shows six modules', async () => {
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await waitForCourse(page);
    expect(await page.locator('.module-card').count()).toBe(6);
    expect(await page.locator('.module-card h3').first().innerText()).toBe(`Module 1: ${english.modules[0]!.title}`);
  });

  it('marks the lessons of a module read as the learner reaches their end', async () => {
    for (const lesson of lessonsOf('m1')) await readLesson(page, lesson);
    await course.openModule('m1');
    await expect.poll(() => page.locator('.lesson-list .badge').count()).toBe(lessonsOf('m1').length);
  });

  it('fails a quiz, then passes on a retake', async () => {
    await course.takeModuleQuiz('m1', ALL_WRONG);
    expect(await course.score()).toBe('Score: 0%');
    expect(await page.locator('.review.is-wrong').count()).toBe(10);

    await page.getByTestId('retake').click();
    for (const isRight of ALL_RIGHT) await course.answer(isRight);
    await page.getByTestId('see-results').click();
    expect(await course.score()).toBe('Score: 100%');
  });

  it('resumes an attempt left half-done, after a reload, with the choices in the order it began with', async () => {
    await course.openModule('m2');
    await page.getByTestId('start-quiz').click();
    const answered: string[] = [];
    const shown = new Map<string, string[]>();
    for (let i = 0; i < 3; i++) {
      answered.push(await course.currentQuestionId());
      shown.set(answered[i]!, await course.shownChoiceOrder());
      await course.answer(true);
    }
    const fourth = await course.currentQuestionId();
    shown.set(fourth, await course.shownChoiceOrder());
    await page.getByTestId('leave-quiz').click();
    await page.reload();
    await course.openModule('m2');
    await page.getByTestId('resume-quiz').click();
    expect(await page.locator('.quiz-progress').innerText()).toBe('Question 4 of 10');
    expect(await course.currentQuestionId()).toBe(fourth);
    expect(await course.shownChoiceOrder()).toEqual(shown.get(fourth));
    for (let i = 3; i < 10; i++) {
      shown.set(await course.currentQuestionId(), await course.shownChoiceOrder());
      await course.answer(true);
    }
    await page.getByTestId('see-results').click();
    expect(await course.score()).toBe('Score: 100%');

    // The choices were shuffled (true/false aside), and the review lists them as they were shown.
    const shuffled = [...shown].filter(([id, order]) => order.join() !== course.authoredChoiceOrder(id).join());
    const reorderable = [...shown.keys()].filter((id) => course.question(id).type !== 'true-false');
    expect(reorderable.length === 0 || shuffled.length > 0).toBe(true);
    const reviewedOrders = await page
      .locator('.review')
      .evaluateAll((items) =>
        items.map((item) => [...item.querySelectorAll('.review-choice')].map((c) => c.getAttribute('data-choice-id'))),
      );
    expect(reviewedOrders).toEqual([...shown.values()]);
  });

  it('can be answered by keyboard alone', async () => {
    await course.openModule('m3');
    await page.getByTestId('start-quiz').focus();
    await page.keyboard.press('Enter');
    await page.locator('form.question').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('quiz-title');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('.feedback').waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    await expect.poll(focused).toBe('Next question');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.quiz-progress').innerText()).toBe('Question 2 of 10');
    await page.getByTestId('leave-quiz').click();
  });

  it('reaches 80% over six modules and issues a certificate that prints with the name', async () => {
    await course.openModule('m3');
    await page.getByTestId('resume-quiz').click();
    await page.locator('form.question').waitFor();
    for (let i = 1; i < 10; i++) await course.answer(i !== 1);
    await page.getByTestId('see-results').click();
    for (const moduleId of ['m4', 'm5', 'm6']) await course.takeModuleQuiz(moduleId, ONE_WRONG);
    // The results of the quiz that earns it announce the certificate.
    expect(await page.getByTestId('certificate-earned').innerText()).toContain(
      'You have earned the certificate of achievement.',
    );

    await page.goto(`${new URL(page.url()).origin}/#/course`);
    await waitForCourse(page);
    expect(await page.getByTestId('overall-score').innerText()).toMatch(/^Overall score: 9\d%$/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'course-overview-en.png'), fullPage: true });
    await page.getByTestId('get-certificate').click();
    await page.locator('#certificate-name').fill('Amina Diallo-Ngom');
    await page.getByTestId('create-certificate').click();
    const certificate = page.getByTestId('certificate');
    await certificate.waitFor();
    expect(await certificate.innerText()).toContain('Amina Diallo-Ngom');
    expect(await certificate.innerText()).toContain('Provisional');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'certificate-en.png') });

    // Home leads with the certificate once earned, before the deadlines, and links to it.
    await page.goto(`${new URL(page.url()).origin}/#/home`);
    await page.getByTestId('home-certificate').waitFor();
    await page.getByTestId('whats-next').waitFor();
    const cardsInOrder = await page
      .locator('[data-testid="home-course"], [data-testid="whats-next"]')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-testid')));
    expect(cardsInOrder).toEqual(['home-course', 'whats-next']);
    expect(await page.getByTestId('home-get-certificate').innerText()).toBe('See your certificate');
    await page.getByTestId('home-get-certificate').click();
    await certificate.waitFor();

    const pdfPath = path.join(RESULTS, 'certificate-en.pdf');
    await page.pdf({ path: pdfPath, landscape: true, format: 'A4', printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('Amina Diallo-Ngom');
    expect(text).toContain('Certificate of achievement');
    expect(text).not.toContain('Leave the quiz');

    await page.locator('header select').selectOption('ar');
    await expect.poll(() => certificate.getAttribute('dir')).toBe('rtl');
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'certificate-ar.png') });
    await page.pdf({
      path: path.join(RESULTS, 'certificate-ar.pdf'),
      landscape: true,
      format: 'A4',
      printBackground: true,
    });
  });
});

describe('the practice assessment', () => {
  it('runs against a visible 30-minute clock and ends itself when time is up', async () => {
    const context = await offlineContext(browser(), { locale: 'en-GB' });
    await context.clock.install();
    const page = await openOffline(context, '#/course');
    await waitForCourse(page);
    await page.getByTestId('start-practice').click();
    const timer = page.locator('.practice-timer');
    await expect.poll(() => timer.innerText()).toMatch(/Time left: (30:00|29:5\d)/);
    expect(await page.locator('.quiz-progress').innerText()).toBe('Question 1 of 20');
    const course = new CourseDriver(page);
    await course.answer(true, { hasFeedback: false });
    await expect.poll(() => page.locator('.quiz-progress').innerText()).toBe('Question 2 of 20');
    expect(await page.locator('.feedback').count()).toBe(0);
    await context.clock.fastForward('30:05');
    await page.getByTestId('attempt-score').waitFor();
    expect(await course.score()).toBe('Score: 5%');
    await context.close();
  });
});

describe('the course in Arabic', () => {
  it('shows a lesson, a question and the certificate right to left', async () => {
    const context = await offlineContext(browser(), { locale: 'ar-EG' });
    const page = await openOffline(context, '#/course');
    await waitForCourse(page);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'course-overview-ar.png') });
    const arabic = builtCoursePack('ar');
    await readLesson(page, arabic.lessons[1]!);
    expect(await page.locator('.lesson h1').innerText()).toBe(arabic.lessons[1]!.title);
    await page.evaluate(() => window.scrollTo({ top: 0 }));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'lesson-ar.png') });

    const course = new CourseDriver(page, 'ar');
    await course.openModule('m4');
    await page.getByTestId('start-quiz').click();
    await course.answer(false, { hasFeedback: false });
    await page.locator('.feedback').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'quiz-ar.png') });
    await context.close();
  });
});
