import { describe, expect, it } from 'vitest';
import type { QuizAttemptRecord } from '../../../db/records';
import {
  answerVerdict,
  bestScoreByModule,
  breakdownByModule,
  choiceVerdict,
  courseStanding,
  isAnswerCorrect,
  scoreAnswers,
} from './scoring';

const MODULES = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];
let serial = 0;

function attempt(
  moduleId: string | null,
  score: number | null,
  kind: 'module' | 'practice' = 'module',
): QuizAttemptRecord {
  serial += 1;
  return {
    id: `a${serial}`,
    kind,
    moduleId,
    questionIds: [],
    answers: {},
    score,
    startedAt: '2026-11-01T10:00:00Z',
    finishedAt: score === null ? null : '2026-11-01T10:10:00Z',
    contentVersion: '1',
  };
}

describe('bestScoreByModule', () => {
  it('keeps the best finished module attempt and ignores practice and unfinished ones', () => {
    const best = bestScoreByModule([
      attempt('m1', 0.5),
      attempt('m1', 0.9),
      attempt('m1', 0.7),
      attempt('m2', null),
      attempt(null, 1, 'practice'),
    ]);
    expect([...best]).toEqual([['m1', 0.9]]);
  });
});

describe('courseStanding', () => {
  it('is the mean of the best score per module, a missing module counting as 0', () => {
    const standing = courseStanding(MODULES, [attempt('m1', 1), attempt('m2', 0.8), attempt('m2', 0.4)]);
    expect(standing.overall).toBeCloseTo(1.8 / 6);
    expect(standing.attemptedModules).toBe(2);
    expect(standing.isCertificateEarned).toBe(false);
  });

  it('earns the certificate at exactly 80% over all six modules', () => {
    const standing = courseStanding(
      MODULES,
      MODULES.map((m) => attempt(m, 0.8)),
    );
    expect(standing.overall).toBeCloseTo(0.8);
    expect(standing.isCertificateEarned).toBe(true);
  });

  it('allows a weak module when the mean still reaches 80%', () => {
    const scores = [1, 1, 1, 0.7, 0.6, 0.5]; // mean 0.8
    expect(
      courseStanding(
        MODULES,
        scores.map((s, i) => attempt(MODULES[i]!, s)),
      ).isCertificateEarned,
    ).toBe(true);
  });

  it('does not earn it just below 80%', () => {
    const scores = [1, 1, 1, 0.7, 0.6, 0.4]; // mean 0.783
    expect(
      courseStanding(
        MODULES,
        scores.map((s, i) => attempt(MODULES[i]!, s)),
      ).isCertificateEarned,
    ).toBe(false);
  });

  it('does not earn it while a module is unattempted, however high the others', () => {
    const standing = courseStanding(
      MODULES,
      MODULES.slice(0, 5).map((m) => attempt(m, 1)),
    );
    expect(standing.overall).toBeCloseTo(5 / 6);
    expect(standing.isCertificateEarned).toBe(false);
  });

  it('counts an attempted module scored 0 as attempted', () => {
    const standing = courseStanding(MODULES, [...MODULES.slice(0, 5).map((m) => attempt(m, 1)), attempt('m6', 0)]);
    expect(standing.attemptedModules).toBe(6);
    expect(standing.isCertificateEarned).toBe(true);
  });

  it('is zero with no modules', () => {
    expect(courseStanding([], [])).toMatchObject({ overall: 0, isCertificateEarned: false });
  });
});

describe('answers', () => {
  it('needs exactly the correct choices', () => {
    expect(isAnswerCorrect(['b'], ['b'])).toBe(true);
    expect(isAnswerCorrect(['c', 'a'], ['a', 'c'])).toBe(true);
    expect(isAnswerCorrect(['a'], ['a', 'c'])).toBe(false);
    expect(isAnswerCorrect(['a', 'b', 'c'], ['a', 'c'])).toBe(false);
    expect(isAnswerCorrect(undefined, ['a'])).toBe(false);
  });

  it('scores the fraction answered correctly, unanswered counting as wrong', () => {
    const correct = new Map([
      ['q1', ['a']],
      ['q2', ['b']],
      ['q3', ['a', 'b']],
      ['q4', ['true']],
    ]);
    expect(scoreAnswers(['q1', 'q2', 'q3', 'q4'], { q1: ['a'], q2: ['c'], q3: ['b', 'a'] }, correct)).toBe(0.5);
  });
});

describe('the standing per module', () => {
  it('tells modules taken from modules at or above 80%, and names each best attempt', () => {
    const m1Best = attempt('m1', 0.9);
    const standing = courseStanding(MODULES, [attempt('m1', 0.6), m1Best, attempt('m2', 0.7)]);
    expect(standing.attemptedModules).toBe(2);
    expect(standing.modulesAtLine).toBe(1);
    expect(standing.modules.slice(0, 3)).toEqual([
      { moduleId: 'm1', best: 0.9, bestAttemptId: m1Best.id },
      { moduleId: 'm2', best: 0.7, bestAttemptId: expect.any(String) },
      { moduleId: 'm3', best: undefined, bestAttemptId: undefined },
    ]);
  });

  it('gives the "overall 12%" of one 70% quiz: the mean over all six modules', () => {
    expect(courseStanding(MODULES, [attempt('m1', 0.7)]).overall).toBeCloseTo(0.7 / 6);
  });
});

describe('answerVerdict and choiceVerdict', () => {
  it('tells a part-right multiple answer from a wrong one', () => {
    expect(answerVerdict(['a', 'b'], ['a', 'b'])).toBe('right');
    expect(answerVerdict(['a', 'c'], ['a', 'b'])).toBe('partly');
    expect(answerVerdict(['c'], ['a', 'b'])).toBe('wrong');
    expect(answerVerdict(['c'], ['a'])).toBe('wrong');
    expect(answerVerdict(undefined, ['a'])).toBe('wrong');
  });

  it('tells what was ticked from what was missed', () => {
    const verdicts = ['a', 'b', 'c', 'd'].map((id) => choiceVerdict(id, ['a', 'c'], ['a', 'b']));
    expect(verdicts).toEqual(['chosen-right', 'missed', 'chosen-wrong', 'unchosen']);
  });
});

describe('breakdownByModule', () => {
  it('counts right answers per module, unanswered as wrong', () => {
    const questions = [
      { id: 'q1', moduleId: 'm2', correctChoiceIds: ['a'] },
      { id: 'q2', moduleId: 'm1', correctChoiceIds: ['b'] },
      { id: 'q3', moduleId: 'm2', correctChoiceIds: ['c'] },
    ];
    expect(breakdownByModule(questions, { q1: ['a'], q2: ['b'] })).toEqual([
      { moduleId: 'm2', right: 1, total: 2 },
      { moduleId: 'm1', right: 1, total: 1 },
    ]);
  });
});
