import { LANGUAGES, type LanguageCode } from '../../renderer/i18n/languages';
import { coursePackSchema, PACK_FORMAT, type CoursePack } from '../../renderer/content/packSchema';
import { findBareReferences } from './bareReferences';
import { checkLessonMarkdown, parseSourceYaml } from './guards';
import { lessonMarkdownToHtml } from './markdown';
import { moduleSource, type ModuleSource } from './sourceSchema';

export const SOURCE_LANGUAGE: LanguageCode = 'en';

/** The source files of the course: language → file name → YAML text. */
export type CourseSources = Map<LanguageCode, Map<string, string>>;
export type FactGrades = Record<string, 'H' | 'M' | 'L'>;

export class ContentError extends Error {}

function parseModule(language: LanguageCode, file: string, yaml: string): ModuleSource {
  const where = `${language}/${file}`;
  const data = parseSourceYaml(where, yaml);
  const result = moduleSource.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ContentError(`${where}: ${issues}`);
  }
  for (const lesson of result.data.lessons) checkLessonMarkdown(`${where}: ${lesson.id}`, lesson.body);
  return result.data;
}

/** Everything in a module that is not text: a translation must match the source exactly. */
function structureOf(module: ModuleSource): unknown {
  return {
    id: module.id,
    order: module.order,
    // Source lines are translated; a translation keeps their number and order.
    lessons: module.lessons.map(({ id, sources }) => ({ id, sources: sources.length })),
    questions: module.questions.map(({ id, lesson, fact, type, choices, correct }) => ({
      id,
      lesson,
      fact,
      type,
      choices: choices.map((c) => (c.fixedLast ? { id: c.id, fixedLast: true } : c.id)),
      correct,
    })),
  };
}

/** Every translated text of a module, with where it is. */
function textsOf(module: ModuleSource): [string, string][] {
  return [
    ['title', module.title],
    ['summary', module.summary],
    ...module.lessons.flatMap((l): [string, string][] => [
      [`${l.id}.title`, l.title],
      [`${l.id}.body`, l.body],
    ]),
    ...module.questions.flatMap((q): [string, string][] => [
      [`${q.id}.prompt`, q.prompt],
      ...q.choices.map((c): [string, string] => [`${q.id}.choices.${c.id}`, c.text]),
      [`${q.id}.explanation`, q.explanation],
    ]),
  ];
}

/** Document codes belong in backticks, so that they keep their order in right-to-left text. */
function checkReferences(where: string, module: ModuleSource): void {
  const bare = textsOf(module).flatMap(([place, text]) => findBareReferences(text).map((code) => `${place}: ${code}`));
  if (bare.length) throw new ContentError(`${where}: document codes outside backticks: ${bare.join('; ')}`);
}

function checkSourceModule(file: string, module: ModuleSource, grades: FactGrades): void {
  const where = `${SOURCE_LANGUAGE}/${file}`;
  if (`${module.id}.yaml` !== file) throw new ContentError(`${where}: id ${module.id} does not match the file name`);
  const lessonIds = new Set(module.lessons.map((l) => l.id));
  const ids = [...lessonIds, ...module.questions.map((q) => q.id)];
  if (new Set(ids).size !== ids.length) throw new ContentError(`${where}: ids repeat`);
  for (const id of ids) {
    if (!id.startsWith(`${module.id}-`)) throw new ContentError(`${where}: ${id} does not belong to ${module.id}`);
  }
  for (const question of module.questions) {
    if (!lessonIds.has(question.lesson)) throw new ContentError(`${where}: ${question.id} tests a missing lesson`);
    const grade = grades[question.fact];
    if (grade !== 'H' && grade !== 'M') {
      throw new ContentError(`${where}: ${question.id} rests on ${question.fact}, graded ${grade ?? 'unknown'}`);
    }
  }
}

/** "All of the above" and its kind, in the English source, are kept last even if not marked. */
const CATCH_ALL_CHOICE = /\b(all|none|both|neither) of (the )?(above|these|them|others|previous)\b/i;

/** Which choices stay last when shuffled: marked `fixedLast`, or recognised in the English text. */
function fixedLastChoices(source: ModuleSource): Set<string> {
  return new Set(
    source.questions.flatMap((q) =>
      q.choices.filter((c) => c.fixedLast || CATCH_ALL_CHOICE.test(c.text)).map((c) => `${q.id}/${c.id}`),
    ),
  );
}

function toPack(
  language: LanguageCode,
  version: string,
  modules: ModuleSource[],
  fixedLast: ReadonlySet<string>,
): CoursePack {
  const sorted = [...modules].sort((a, b) => a.order - b.order);
  return coursePackSchema.parse({
    format: PACK_FORMAT,
    kind: 'course',
    lang: language,
    version,
    modules: sorted.map(({ id, order, title, summary }) => ({ id, order, title, summary })),
    lessons: sorted.flatMap((module) =>
      module.lessons.map((lesson, index) => ({
        id: lesson.id,
        moduleId: module.id,
        order: index + 1,
        title: lesson.title,
        body: lessonMarkdownToHtml(lesson.body),
        sources: lesson.sources,
      })),
    ),
    questions: sorted.flatMap((module) =>
      module.questions.map((q) => ({
        id: q.id,
        moduleId: module.id,
        lessonId: q.lesson,
        type: q.type,
        prompt: q.prompt,
        choices: q.choices.map(({ id, text }) =>
          fixedLast.has(`${q.id}/${id}`) ? { id, text, fixedLast: true as const } : { id, text },
        ),
        correctChoiceIds: q.correct,
        explanation: q.explanation,
        fact: q.fact,
      })),
    ),
  });
}

/**
 * One pack per language. Fails, naming the file and the place, when a module is malformed, a
 * question rests on a fact not graded H or M, or a translation lacks anything the source has.
 */
export function compileCourse(sources: CourseSources, version: string, grades: FactGrades): CoursePack[] {
  const source = sources.get(SOURCE_LANGUAGE);
  if (!source || source.size === 0) throw new ContentError('No English course modules');
  const sourceModules = new Map<string, ModuleSource>();
  const fixedLast = new Set<string>();
  for (const [file, yaml] of source) {
    const module = parseModule(SOURCE_LANGUAGE, file, yaml);
    checkSourceModule(file, module, grades);
    sourceModules.set(file, module);
    for (const key of fixedLastChoices(module)) fixedLast.add(key);
  }

  return LANGUAGES.map(({ code }) => {
    const files = sources.get(code) ?? new Map<string, string>();
    const missing = [...sourceModules.keys()].filter((file) => !files.has(file));
    const extra = [...files.keys()].filter((file) => !sourceModules.has(file));
    if (missing.length || extra.length) {
      throw new ContentError(`${code}: missing modules [${missing.join(', ')}], unknown modules [${extra.join(', ')}]`);
    }
    const modules = [...sourceModules].map(([file, sourceModule]) => {
      const module = code === SOURCE_LANGUAGE ? sourceModule : parseModule(code, file, files.get(file)!);
      if (JSON.stringify(structureOf(module)) !== JSON.stringify(structureOf(sourceModule))) {
        throw new ContentError(`${code}/${file}: its structure (ids, number of sources, answers) differs from English`);
      }
      checkReferences(`${code}/${file}`, module);
      return module;
    });
    return toPack(code, version, modules, fixedLast);
  });
}
