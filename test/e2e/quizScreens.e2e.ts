import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ALL_RIGHT, builtCoursePack, CourseDriver } from '../support/courseDriver';
import { offlineContext, openOffline } from '../support/offlineApp';
import { SCREENSHOTS, useSharedBrowser } from '../support/sharedBrowser';

const browser = useSharedBrowser();
/** Three wrong, seven right: 70%, below the 80% line. */
const SEVENTY = [false, false, false, ...ALL_RIGHT.slice(3)];

const LANGUAGES = [
  { lang: 'en', locale: 'en-GB' },
  { lang: 'fr', locale: 'fr-FR' },
  { lang: 'ar', locale: 'ar-EG' },
] as const;

async function shoot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage });
}

describe.each(LANGUAGES)('the quiz and progress screens in $lang', ({ lang, locale }) => {
  const pack = builtCoursePack(lang);

  it('explains the score and the way to the certificate after one quiz below 80%', async () => {
    const context = await offlineContext(browser(), { locale });
    const page = await openOffline(context, '#/course');
    await page.locator('.module-card').first().waitFor({ timeout: 30_000 });
    const course = new CourseDriver(page, lang);
    await course.takeModuleQuiz('m1', SEVENTY);

    await page.goto(`${new URL(page.url()).origin}/#/course`);
    const scores = page.getByTestId('module-scores');
    await scores.waitFor();
    expect(await scores.locator('.score-row[data-module-id]').count()).toBe(6);
    expect(await scores.locator('[data-module-id="m1"]').getAttribute('class')).toContain('is-below-line');
    expect(await scores.locator('.is-untaken').count()).toBe(5);
    expect(await scores.locator('.score-tick.is-line').count()).toBe(1);
    expect(await page.locator('.ring-tick-label').count()).toBe(1);
    if (lang === 'en') {
      expect(await page.getByTestId('overall-score').innerText()).toBe('Overall score: 12%');
      expect(await page.getByTestId('modules-attempted').innerText()).toBe('Module quizzes taken: 1 of 6');
      expect(await page.getByTestId('modules-at-line').innerText()).toBe('Module quizzes at or above 80%: 0 of 6');
      expect(await scores.locator('[data-module-id="m1"] .score-value').innerText()).toBe('70%: below 80%');
      expect(await scores.locator('.score-tick.is-line').innerText()).toBe('80% line');
    }
    await page.locator('.standing').screenshot({ path: path.join(SCREENSHOTS, `progress-${lang}.png`) });

    await page.goto(`${new URL(page.url()).origin}/#/home`);
    const overall = page.getByTestId('home-overall');
    await overall.waitFor();
    if (lang === 'en') {
      expect(await overall.innerText()).toBe(
        'Overall score: 12%. It is the mean of your best scores in the 6 module quizzes; a quiz not yet taken counts as 0%. The certificate needs 80%.',
      );
    }
    expect(await page.getByTestId('home-certificate').count()).toBe(0);
    await page.getByTestId('home-course').screenshot({ path: path.join(SCREENSHOTS, `home-course-${lang}.png`) });
    await context.close();
  });

  it('tells ticked-and-right, ticked-and-wrong and missed choices apart in words and icons', async () => {
    const context = await offlineContext(browser(), { locale });
    const page = await openOffline(context, '#/course');
    await page.locator('.module-card').first().waitFor({ timeout: 30_000 });
    const course = new CourseDriver(page, lang);
    const question = pack.questions.find(
      (q) => q.type === 'multiple' && q.correctChoiceIds.length >= 2 && q.choices.length > q.correctChoiceIds.length,
    )!;
    const order = question.choices.map((c) => c.id).reverse();
    await course.openStoredAttempt({
      id: `feedback-${lang}`,
      kind: 'module',
      moduleId: question.moduleId,
      questionIds: [question.id],
      choiceOrder: { [question.id]: order },
    });
    expect(await course.shownChoiceOrder()).toEqual(order);
    // The screen's own hint, once.
    expect(await page.getByTestId('choose-all').count()).toBe(1);

    const [ticked, missed] = question.correctChoiceIds;
    const wrong = question.choices.find((c) => !question.correctChoiceIds.includes(c.id))!.id;
    const form = page.locator('form.question');
    await form.locator(`input[value="${ticked}"]`).check();
    await form.locator(`input[value="${wrong}"]`).check();
    await form.locator('button[type="submit"]').click();
    await form.locator('.feedback').waitFor();

    expect(await form.locator('.feedback [data-verdict]').getAttribute('data-verdict')).toBe('partly');
    const choice = (id: string) => form.locator('.choice', { has: page.locator(`input[value="${id}"]`) });
    const expectations = [
      [ticked!, 'chosen-right', true],
      [wrong, 'chosen-wrong', true],
      [missed!, 'missed', false],
    ] as const;
    for (const [id, verdict, isTicked] of expectations) {
      const mark = choice(id).locator('.choice-mark');
      expect(await mark.getAttribute('data-verdict')).toBe(verdict);
      expect((await mark.innerText()).trim().length).toBeGreaterThan(3);
      expect(await mark.locator('svg').count()).toBe(1);
      expect(await choice(id).locator('input').isChecked()).toBe(isTicked);
    }
    if (lang === 'en') {
      expect(await choice(ticked!).locator('.choice-mark').innerText()).toBe('Your choice: correct');
      expect(await choice(wrong).locator('.choice-mark').innerText()).toBe('Your choice: not correct');
      expect(await choice(missed!).locator('.choice-mark').innerText()).toBe('Not chosen: a correct answer');
    }
    await shoot(page, `quiz-feedback-${lang}.png`);

    await form.locator('button[type="submit"]').click();
    await page.getByTestId('see-results').click();
    const review = page.locator('.review').first();
    await review.waitFor();
    expect(
      await review.locator('.review-choice').evaluateAll((items) => items.map((i) => i.getAttribute('data-choice-id'))),
    ).toEqual(order);
    expect(await review.locator('.choice-mark').count()).toBe(question.correctChoiceIds.length + 1);
    await context.close();
  });

  it('lets the practice assessment go back and forth, flag, review every question and submit', async () => {
    const context = await offlineContext(browser(), { locale });
    const page = await openOffline(context, '#/course');
    await page.locator('.module-card').first().waitFor({ timeout: 30_000 });
    const course = new CourseDriver(page, lang);
    await page.getByTestId('start-practice').click();
    const form = page.locator('form.question');
    await form.waitFor();
    const first = await course.currentQuestionId();
    // Nothing on the way claims to check an answer it does not check.
    expect(await page.locator('.feedback').count()).toBe(0);

    await course.answer(true, { hasFeedback: false });
    await expect.poll(() => course.currentQuestionId()).not.toBe(first);
    const second = await course.currentQuestionId();
    await page.getByTestId('flag-question').click();
    await expect.poll(() => page.getByTestId('flag-question').getAttribute('aria-pressed')).toBe('true');

    await page.getByTestId('previous-question').click();
    await expect.poll(() => course.currentQuestionId()).toBe(first);
    const firstKey = course.question(first).correctChoiceIds;
    for (const id of firstKey) expect(await form.locator(`input[value="${id}"]`).isChecked()).toBe(true);
    await page.getByTestId('next-question').click();
    await expect.poll(() => course.currentQuestionId()).toBe(second);
    expect(await page.getByTestId('flag-question').getAttribute('aria-pressed')).toBe('true');

    await page.getByTestId('open-overview').click();
    const overview = page.getByTestId('practice-overview');
    await overview.waitFor();
    const items = overview.locator('.overview-item');
    expect(await items.count()).toBe(20);
    expect(await items.nth(0).getAttribute('class')).toContain('is-answered');
    expect(await items.nth(1).getAttribute('class')).toContain('is-unanswered');
    expect(await items.nth(1).getAttribute('class')).toContain('is-flagged');
    expect(await overview.locator('.is-flagged').count()).toBe(1);
    if (lang === 'en') {
      expect(await overview.locator('p').first().innerText()).toBe('Not answered: 19. Flagged: 1.');
    }
    await shoot(page, `practice-overview-${lang}.png`);

    // From the overview to any question, and back.
    await items.nth(1).locator('button').click();
    await expect.poll(() => course.currentQuestionId()).toBe(second);
    await course.answer(true, { hasFeedback: false });
    await page.getByTestId('open-overview').click();
    await overview.getByTestId('submit-practice').click();

    const breakdown = page.getByTestId('practice-breakdown');
    await breakdown.waitFor();
    expect(await course.score()).toMatch(/10/);
    expect(await breakdown.locator('li[data-module-id]').count()).toBe(6);
    expect(await breakdown.locator('li.is-weak').count()).toBeGreaterThanOrEqual(5);
    expect(await breakdown.locator('li.is-weak .revise').count()).toBe(await breakdown.locator('li.is-weak').count());
    await shoot(page, `practice-results-${lang}.png`, { fullPage: false });
    await context.close();
  });
});
