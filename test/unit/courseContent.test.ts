import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../content/build/compileCourse';
import { readCourseSources, readCourseVersion, readFactGrades } from '../../content/build/readSources';
import { planAttempt } from '../../renderer/features/course/model/attemptPlan';
import { seededRandom } from '../../renderer/features/course/model/drawing';
import { LANGUAGES } from '../../renderer/i18n/languages';

// The real course: every module, lesson, question, choice and explanation in all six languages.
// compileCourse throws, naming the file and the place, when any of them is missing or differs.
const packs = compileCourse(readCourseSources(), readCourseVersion(), readFactGrades());

describe('the A.1 course content', () => {
  it('exists in all six languages', () => {
    expect(packs.map((p) => p.lang)).toEqual(LANGUAGES.map((l) => l.code));
  });

  it.each(packs.map((p) => [p.lang, p] as const))(
    'has six modules of at least 4 lessons and 15 questions in %s',
    (_lang, pack) => {
      expect(pack.modules.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
      for (const module of pack.modules) {
        expect(pack.lessons.filter((l) => l.moduleId === module.id).length).toBeGreaterThanOrEqual(4);
        expect(pack.questions.filter((q) => q.moduleId === module.id).length).toBeGreaterThanOrEqual(15);
      }
    },
  );

  it('has every question test a lesson of its own module, with all three kinds of question', () => {
    const [english] = packs.filter((p) => p.lang === 'en');
    const lessons = new Map(english!.lessons.map((l) => [l.id, l.moduleId]));
    for (const question of english!.questions) expect(lessons.get(question.lessonId)).toBe(question.moduleId);
    expect(new Set(english!.questions.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'true-false']));
  });

  it('keeps references (in backticks) the same in every language', () => {
    const references = (text: string) => [...text.matchAll(/<bdi class="ref">([^<]*)<\/bdi>/g)].map((m) => m[1]).sort();
    const english = packs.find((p) => p.lang === 'en')!;
    for (const pack of packs) {
      pack.lessons.forEach((lesson, index) => {
        expect(references(lesson.body), `${pack.lang} ${lesson.id}`).toEqual(references(english.lessons[index]!.body));
      });
    }
  });

  it('fills every module quiz and the practice assessment without two questions on one fact', () => {
    const english = packs.find((p) => p.lang === 'en')!;
    const questions = english.questions.map((q) => ({ ...q, lang: 'en' as const }));
    const factOf = new Map(questions.map((q) => [q.id, q.fact]));
    expect(questions.every((q) => q.fact)).toBe(true);
    for (let seed = 1; seed <= 100; seed++) {
      const practice = planAttempt(questions, 'moduleId', 20, seededRandom(seed)).questionIds;
      expect(practice).toHaveLength(20);
      expect(new Set(practice.map((id) => factOf.get(id))).size).toBe(20);
      for (const module of english.modules) {
        const pool = questions.filter((q) => q.moduleId === module.id);
        const quiz = planAttempt(pool, 'lessonId', 10, seededRandom(seed)).questionIds;
        expect(quiz, module.id).toHaveLength(10);
        expect(new Set(quiz.map((id) => factOf.get(id))).size).toBe(10);
      }
    }
  });
});
