import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../content/build/compileCourse';
import { readCourseSources, readCourseVersion, readFactGrades } from '../../content/build/readSources';
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
});
