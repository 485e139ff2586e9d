/**
 * `npx tsx content/build/checkTranslation.ts <lang>`: checks one language's course files against
 * English (same structure, every text present) without needing the other languages.
 */
import { LANGUAGES, isLanguageCode, type LanguageCode } from '../../renderer/i18n/languages';
import { compileCourse, ContentError } from './compileCourse';
import { readCourseSources, readCourseVersion, readFactGrades } from './readSources';

const language = process.argv[2];
if (!isLanguageCode(language)) {
  console.error(`Usage: checkTranslation.ts <${LANGUAGES.map((l) => l.code).join('|')}>`);
  process.exit(2);
}
const sources = readCourseSources();
const english = sources.get('en')!;
// Every other language, and any module of `language` not yet written, borrows the English file.
const written = sources.get(language)!;
const untranslated = [...english.keys()].filter((file) => !written.has(file));
const checked = new Map([...english, ...written]);
const onlyOne = new Map([...sources].map(([code]) => [code, code === language ? checked : english])) as Map<
  LanguageCode,
  Map<string, string>
>;
if (untranslated.length) console.warn(`${language}: not yet translated: ${untranslated.join(', ')}`);
try {
  const pack = compileCourse(onlyOne, readCourseVersion(), readFactGrades()).find((p) => p.lang === language)!;
  console.log(
    `${language}: ${pack.modules.length} modules, ${pack.lessons.length} lessons, ${pack.questions.length} questions: OK`,
  );
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exit(1);
}
