import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { CoursePack, PackManifest } from '../../renderer/content/packSchema';
import { DIST } from './rendererServer';

/** The built course pack of a language, as the app ships it. */
export function builtCoursePack(lang: string): CoursePack {
  const dir = path.join(DIST, 'packs');
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as PackManifest;
  const entry = manifest.packs.find((p) => p.lang === lang)!;
  return JSON.parse(readFileSync(path.join(dir, entry.file), 'utf8')) as CoursePack;
}

/** Drives the quiz screens the way a learner does, choosing right or wrong answers on purpose. */
export class CourseDriver {
  private readonly key: Map<string, CoursePack['questions'][number]>;

  constructor(
    readonly page: Page,
    lang = 'en',
  ) {
    this.key = new Map(builtCoursePack(lang).questions.map((q) => [q.id, q]));
  }

  async currentQuestionId(): Promise<string> {
    return (await this.page.locator('form.question').getAttribute('data-question-id'))!;
  }

  /** The choice ids of the question on screen, in the order shown (shuffled per attempt). */
  async shownChoiceOrder(): Promise<string[]> {
    return this.page
      .locator('form.question .choice input')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  }

  /** The choice ids of the question on screen in the order its content pack lists them. */
  authoredChoiceOrder(questionId: string): string[] {
    return this.key.get(questionId)!.choices.map((c) => c.id);
  }

  question(questionId: string): CoursePack['questions'][number] {
    return this.key.get(questionId)!;
  }

  /**
   * Stores an open attempt as the app would have started it (the questions and choice order
   * given), so a test can ask exactly the questions it needs; then opens it.
   */
  async openStoredAttempt(attempt: {
    id: string;
    kind: 'module' | 'practice';
    moduleId: string | null;
    questionIds: string[];
    choiceOrder: Record<string, string[]>;
  }): Promise<void> {
    const record = {
      ...attempt,
      answers: {},
      score: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      contentVersion: 'test',
    };
    await this.page.evaluate(
      (record) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('gapbridge');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const transaction = open.result.transaction('quizAttempts', 'readwrite');
            transaction.objectStore('quizAttempts').put(record);
            transaction.oncomplete = () => {
              open.result.close();
              resolve();
            };
            transaction.onerror = () => reject(transaction.error);
          };
        }),
      record,
    );
    await this.page.goto(`${new URL(this.page.url()).origin}/#/course/quiz/${attempt.id}`);
    await this.page.locator('form.question').waitFor();
  }

  /** Answers the question on screen; with feedback shown (module quizzes), moves on. */
  async answer(isRight: boolean, { hasFeedback = true } = {}): Promise<void> {
    const form = this.page.locator('form.question');
    const question = this.key.get(await this.currentQuestionId())!;
    const wrong = question.choices.find((c) => !question.correctChoiceIds.includes(c.id))!.id;
    for (const id of isRight ? question.correctChoiceIds : [wrong]) {
      await form.locator(`input[value="${id}"]`).click();
    }
    await form.locator('button[type="submit"]').click();
    if (hasFeedback) {
      await form.locator('.feedback').waitFor();
      await form.locator('button[type="submit"]').click();
    }
  }

  async openModule(moduleId: string): Promise<void> {
    await this.page.goto(`${new URL(this.page.url()).origin}/#/course/module/${moduleId}`);
    await this.page.locator('#lessons-heading').waitFor();
  }

  /** Takes a whole module quiz from its page: `plan[i]` says whether question i is answered right. */
  async takeModuleQuiz(moduleId: string, plan: boolean[]): Promise<void> {
    await this.openModule(moduleId);
    await this.page.getByTestId('start-quiz').click();
    for (const isRight of plan) await this.answer(isRight);
    await this.page.getByTestId('see-results').click();
    await this.page.getByTestId('attempt-score').waitFor();
  }

  async score(): Promise<string> {
    return this.page.getByTestId('attempt-score').innerText();
  }
}

export const ALL_RIGHT = Array<boolean>(10).fill(true);
export const ALL_WRONG = Array<boolean>(10).fill(false);
