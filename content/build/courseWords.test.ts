import { describe, expect, it } from 'vitest';
import type { CoursePack } from '../../renderer/content/packSchema';
import { compileCourse } from './compileCourse';
import { readCourseSources, readCourseVersion, readFactGrades } from './readSources';

// The real course, as the build compiles it.
const packs = compileCourse(readCourseSources(), readCourseVersion(), readFactGrades());
const pack = (lang: string) => packs.find((p) => p.lang === lang)!;

/** Every translated text of a pack, keyed by where it is (the same keys in every language). */
function textsOf(course: CoursePack): Map<string, string> {
  return new Map([
    ...course.modules.flatMap((m): [string, string][] => [
      [`${m.id}.title`, m.title],
      [`${m.id}.summary`, m.summary],
    ]),
    ...course.lessons.flatMap((l): [string, string][] => [
      [`${l.id}.title`, l.title],
      [`${l.id}.body`, l.body],
    ]),
    ...course.questions.flatMap((q): [string, string][] => [
      [`${q.id}.prompt`, q.prompt],
      [`${q.id}.explanation`, q.explanation],
      ...q.choices.map((c): [string, string] => [`${q.id}.${c.id}`, c.text]),
    ]),
  ]);
}

// The glossary's (/work/shared/domain/glossary.md) word for the AAP "Last Call" in each language.
const LAST_CALL: Record<string, RegExp> = {
  es: /última llamada/i,
  fr: /dernier appel/i,
  ru: /последн\S* опрос/i,
  zh: /最后征询/,
  ar: /النداء الأخير|نداءً? أخيرا?ً?/,
};

describe('the course words', () => {
  it('name the AAP Last Call with the glossary term wherever the English text does', () => {
    const english = textsOf(pack('en'));
    for (const [lang, term] of Object.entries(LAST_CALL)) {
      const translated = textsOf(pack(lang));
      const missing = [...english]
        .filter(([where, text]) => /last call/i.test(text) && !term.test(translated.get(where)!))
        .map(([where]) => where);
      expect(missing, lang).toEqual([]);
    }
  });

  it('write ITU-T in Arabic running text as the glossary does: قطاع تقييس الاتصالات (ITU-T)', () => {
    const stray = [...textsOf(pack('ar'))].flatMap(([where, text]) => {
      const running = text.replace(/<bdi\b[^>]*>.*?<\/bdi>|`[^`\n]*`/g, ' CODE ');
      return [...running.matchAll(/ITU-T/g)]
        .filter((match) => {
          const before = running.slice(Math.max(0, match.index - 30), match.index);
          const after = running.slice(match.index + 5, match.index + 12);
          const glossaryForm = /قطاعَ? تقييس الاتصالات \($/.test(before);
          const documentTitle = /^\s*(CODE|<b)/.test(after); // "التوصية ITU-T A.1": part of a title
          return !glossaryForm && !documentTitle;
        })
        .map(() => where);
    });
    expect(stray).toEqual([]);
  });
});
