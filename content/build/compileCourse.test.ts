import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type LanguageCode } from '../../renderer/i18n/languages';
import { compileCourse, type CourseSources } from './compileCourse';

type Choice = { id: string; text: string; fixedLast?: true };

function module(
  overrides: { prompt?: string; fact?: string; correct?: string[]; choices?: Choice[]; sources?: string[] } = {},
) {
  return {
    id: 'm1',
    order: 1,
    title: 'Standardization in ITU-T',
    summary: 'How ITU-T is organised.',
    lessons: [1, 2, 3, 4].map((n) => ({
      id: `m1-l${n}`,
      title: `Lesson ${n}`,
      sources: overrides.sources ?? ['Rec. ITU-T A.1 (09/2019) §1'],
      body: `Text of lesson ${n} about \`Q9/12\` and <script>alert(1)</script>.`,
    })),
    questions: Array.from({ length: 15 }, (_, i) => ({
      id: `m1-q${String(i + 1).padStart(2, '0')}`,
      lesson: 'm1-l1',
      fact: overrides.fact ?? 'M1-03',
      type: 'single',
      prompt: overrides.prompt ?? `Question ${i + 1}?`,
      choices: overrides.choices ?? [
        { id: 'a', text: 'One' },
        { id: 'b', text: 'Two' },
        { id: 'c', text: 'Three' },
      ],
      correct: overrides.correct ?? ['b'],
      explanation: 'Because.',
    })),
  };
}

function sources(perLanguage: (code: LanguageCode) => object | undefined): CourseSources {
  return new Map(
    LANGUAGES.map(({ code }) => {
      const content = perLanguage(code);
      return [code, new Map(content ? [['m1.yaml', stringify(content)]] : [])];
    }),
  );
}

const grades = { 'M1-03': 'H', 'M1-04': 'M', 'M1-99': 'L', 'N-05': 'H', 'N-63': 'L' } as const;

describe('compileCourse', () => {
  it('makes one pack per language with HTML lessons', () => {
    const packs = compileCourse(
      sources(() => module()),
      '1',
      grades,
    );
    expect(packs.map((p) => p.lang)).toEqual(['ar', 'zh', 'en', 'fr', 'ru', 'es']);
    const [lesson] = packs[2]!.lessons;
    expect(lesson?.body).toBe('<p>Text of lesson 1 about <bdi class="ref">Q9/12</bdi> and alert(1).</p>');
    expect(packs[2]!.questions[0]).toMatchObject({ moduleId: 'm1', lessonId: 'm1-l1', correctChoiceIds: ['b'] });
  });

  it('fails when a language lacks a module', () => {
    expect(() =>
      compileCourse(
        sources((code) => (code === 'ru' ? undefined : module())),
        '1',
        grades,
      ),
    ).toThrow(/ru: missing modules \[m1.yaml\]/);
  });

  it('fails when a translation lacks a question text', () => {
    expect(() =>
      compileCourse(
        sources((code) => (code === 'zh' ? module({ prompt: '' }) : module())),
        '1',
        grades,
      ),
    ).toThrow(/zh\/m1.yaml: questions.0.prompt/);
  });

  it('fails when a translation changes an answer', () => {
    expect(() =>
      compileCourse(
        sources((code) => (code === 'fr' ? module({ correct: ['c'] }) : module())),
        '1',
        grades,
      ),
    ).toThrow(/fr\/m1.yaml: its structure/);
  });

  it('takes translated source lines, but not a different number of them', () => {
    const packs = compileCourse(
      sources((code) => (code === 'fr' ? module({ sources: ['Recommandation UIT-T A.1 (09/2019), § 1'] }) : module())),
      '1',
      grades,
    );
    expect(packs.find((p) => p.lang === 'fr')!.lessons[0]!.sources).toEqual([
      'Recommandation UIT-T A.1 (09/2019), § 1',
    ]);
    expect(() =>
      compileCourse(
        sources((code) =>
          code === 'fr' ? module({ sources: ['Recommandation UIT-T A.1', 'Résolution 1'] }) : module(),
        ),
        '1',
        grades,
      ),
    ).toThrow(/fr\/m1.yaml: its structure/);
  });

  it('fails when a language writes a document code outside backticks', () => {
    expect(() =>
      compileCourse(
        sources((code) => (code === 'ar' ? module({ prompt: 'ما معنى Q9/12؟' }) : module())),
        '1',
        grades,
      ),
    ).toThrow(/ar\/m1.yaml: document codes outside backticks: m1-q01.prompt: Q9\/12/);
    expect(() =>
      compileCourse(
        sources(() => module({ prompt: 'What does `Q9/12` mean?' })),
        '1',
        grades,
      ),
    ).not.toThrow();
  });

  it('refuses a question resting on a fact graded L or unknown', () => {
    expect(() =>
      compileCourse(
        sources(() => module({ fact: 'M1-99' })),
        '1',
        grades,
      ),
    ).toThrow(/rests on M1-99, graded L/);
    expect(() =>
      compileCourse(
        sources(() => module({ fact: 'M1-42' })),
        '1',
        grades,
      ),
    ).toThrow(/graded unknown/);
  });

  it('accepts a question resting on an N-series fact graded H and refuses one graded L', () => {
    expect(
      compileCourse(
        sources(() => module({ fact: 'N-05' })),
        '1',
        grades,
      ),
    ).toHaveLength(LANGUAGES.length);
    expect(() =>
      compileCourse(
        sources(() => module({ fact: 'N-63' })),
        '1',
        grades,
      ),
    ).toThrow(/rests on N-63, graded L/);
  });

  it('refuses a single-choice question with two answers', () => {
    expect(() =>
      compileCourse(
        sources(() => module({ correct: ['a', 'b'] })),
        '1',
        grades,
      ),
    ).toThrow(/exactly one correct choice/);
  });

  it('carries the fact each question rests on into every pack', () => {
    const packs = compileCourse(
      sources(() => module({ fact: 'M1-04' })),
      '1',
      grades,
    );
    for (const pack of packs) expect(pack.questions.every((q) => q.fact === 'M1-04')).toBe(true);
  });

  it('keeps a choice marked fixedLast, or an English "All of the above", last in every language', () => {
    const marked = (code: LanguageCode) =>
      module({
        choices: [
          { id: 'a', text: `One ${code}` },
          { id: 'b', text: `Two ${code}` },
          { id: 'c', text: `Aucune ${code}`, fixedLast: true },
        ],
      });
    for (const pack of compileCourse(sources(marked), '1', grades)) {
      expect(pack.questions[0]!.choices.map((c) => Boolean(c.fixedLast))).toEqual([false, false, true]);
    }
    const recognised = (code: LanguageCode) =>
      module({
        choices: [
          { id: 'a', text: code === 'en' ? 'All of the above' : `Toutes ${code}` },
          { id: 'b', text: 'Two' },
          { id: 'c', text: 'Three' },
        ],
      });
    for (const pack of compileCourse(sources(recognised), '1', grades)) {
      expect(pack.questions[0]!.choices.find((c) => c.id === 'a')?.fixedLast).toBe(true);
    }
  });

  it('fails when a translation drops the fixedLast mark', () => {
    const choices = (fixedLast: boolean): Choice[] => [
      { id: 'a', text: 'One' },
      { id: 'b', text: 'Two' },
      fixedLast ? { id: 'c', text: 'None', fixedLast: true } : { id: 'c', text: 'None' },
    ];
    expect(() =>
      compileCourse(
        sources((code) => module({ choices: choices(code !== 'ar') })),
        '1',
        grades,
      ),
    ).toThrow(/ar\/m1.yaml: its structure/);
  });
});
