import { describe, expect, it } from 'vitest';
import { compileCourse } from './compileCourse';
import { readCourseSources, readCourseVersion, readFactGrades } from './readSources';

// The real course, as the build compiles it.
const packs = compileCourse(readCourseSources(), readCourseVersion(), readFactGrades());
const english = packs.find((p) => p.lang === 'en')!;

describe('the course questions', () => {
  it('never ask the same question twice', () => {
    const normalized = english.questions.map((q) =>
      q.prompt
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim(),
    );
    const repeated = normalized.filter((prompt, index) => normalized.indexOf(prompt) !== index);
    expect(repeated).toEqual([]);
  });

  it('leave "select all that apply" to the quiz screen, in every language', () => {
    const instruction =
      /(select|choose) all that apply|sélectionnez toutes|seleccione tod|выберите все|请选择所有|اختر كل ما/i;
    for (const pack of packs) {
      const flagged = pack.questions.filter((q) => instruction.test(q.prompt)).map((q) => q.id);
      expect(flagged, pack.lang).toEqual([]);
    }
  });

  it('do not give the answer away by length: the longest choice is the right one in at most 30 % of single-answer questions', () => {
    for (const pack of packs) {
      const single = pack.questions.filter((q) => q.type === 'single');
      const longestIsRight = single.filter((q) => {
        const length = (id: string) => [...q.choices.find((c) => c.id === id)!.text].length;
        const right = q.correctChoiceIds[0]!;
        return q.choices.every((c) => c.id === right || length(c.id) < length(right));
      });
      expect(longestIsRight.length / single.length, pack.lang).toBeLessThanOrEqual(0.3);
    }
  });

  it('keep at least 20 questions in every module once repeated topics are merged', () => {
    for (const module of english.modules) {
      expect(english.questions.filter((q) => q.moduleId === module.id).length, module.id).toBeGreaterThanOrEqual(20);
    }
  });
});

describe('the course lessons', () => {
  it('give their sources in the language of the translation, never as the English line', () => {
    for (const pack of packs.filter((p) => p !== english)) {
      const untranslated = pack.lessons.flatMap((lesson) => {
        const englishSources = english.lessons.find((l) => l.id === lesson.id)!.sources;
        return lesson.sources.filter((line, i) => line === englishSources[i]).map((line) => `${lesson.id}: ${line}`);
      });
      expect(untranslated, pack.lang).toEqual([]);
    }
  });
});
