import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { coursePackSchema, manifestSchema } from '../../../renderer/content/packSchema';

/** The course's id in a certificate; the course has one edition line, versioned by its packs. */
export const COURSE_ID = 'a1';

/** What the hub grades against: the correct choices of every question of the course packs it publishes. */
export interface AnswerKey {
  courseId: string;
  contentVersion: string;
  /** In the course's order. */
  moduleIds: string[];
  questions: ReadonlyMap<string, { moduleId: string; correctChoiceIds: readonly string[] }>;
}

export class AnswerKeyError extends Error {}

/**
 * Reads the answer key from a folder of built packs (manifest.json and its course packs), or
 * null when the folder has none. Every language's pack must carry the same version, modules and
 * correct choices: the attempt does not say which language it was taken in, so they cannot differ.
 */
export function loadAnswerKey(packsDir: string): AnswerKey | null {
  const manifestPath = path.join(packsDir, 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  let key: AnswerKey | null = null;
  for (const entry of manifest.packs.filter((pack) => pack.kind === 'course')) {
    const json = readFileSync(path.join(packsDir, entry.file));
    if (createHash('sha256').update(json).digest('hex') !== entry.sha256)
      throw new AnswerKeyError(`${entry.file} does not match its manifest hash`);
    const pack = coursePackSchema.parse(JSON.parse(json.toString('utf8')));
    const here: AnswerKey = {
      courseId: COURSE_ID,
      contentVersion: pack.version,
      moduleIds: [...pack.modules].sort((a, b) => a.order - b.order).map((m) => m.id),
      questions: new Map(
        pack.questions.map((q) => [q.id, { moduleId: q.moduleId, correctChoiceIds: q.correctChoiceIds }]),
      ),
    };
    if (key && !sameKey(key, here)) throw new AnswerKeyError(`course/${pack.lang} grades differently from the others`);
    key = here;
  }
  return key;
}

function sameKey(a: AnswerKey, b: AnswerKey): boolean {
  if (a.contentVersion !== b.contentVersion || a.moduleIds.join() !== b.moduleIds.join()) return false;
  if (a.questions.size !== b.questions.size) return false;
  for (const [id, question] of a.questions) {
    const other = b.questions.get(id);
    if (!other || other.moduleId !== question.moduleId) return false;
    if ([...other.correctChoiceIds].sort().join() !== [...question.correctChoiceIds].sort().join()) return false;
  }
  return true;
}
