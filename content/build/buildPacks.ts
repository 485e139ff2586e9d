/**
 * `npm run build:content`: compiles content/ into content packs and their manifest under
 * renderer/public/packs/, which the renderer build ships and the app imports on first run.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PACK_FORMAT, manifestSchema, type PackManifest } from '../../renderer/content/packSchema';
import { compileCourse, ContentError } from './compileCourse';
import { COURSE_DIR, readCourseSources, readCourseVersion, readFactGrades } from './readSources';

const OUT = path.resolve(import.meta.dirname, '../../renderer/public/packs');

/** Builds from content/course, or from the folder named by COURSE_DIR (used to try out a draft). */
function build(dir = process.env.COURSE_DIR ?? COURSE_DIR): void {
  const packs = compileCourse(readCourseSources(dir), readCourseVersion(dir), readFactGrades(dir));
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const manifest: PackManifest = { format: PACK_FORMAT, packs: [] };
  for (const pack of packs) {
    const json = JSON.stringify(pack);
    const sha256 = createHash('sha256').update(json).digest('hex');
    const file = `course-${pack.lang}.${sha256.slice(0, 12)}.json`;
    writeFileSync(path.join(OUT, file), json);
    manifest.packs.push({
      id: `course/${pack.lang}`,
      kind: 'course',
      lang: pack.lang,
      version: pack.version,
      sha256,
      file,
      bytes: Buffer.byteLength(json),
    });
  }
  writeFileSync(path.join(OUT, 'manifest.json'), JSON.stringify(manifestSchema.parse(manifest), null, 2));
  console.log(`Content packs: ${manifest.packs.map((p) => `${p.lang} ${(p.bytes / 1000).toFixed(0)} kB`).join(', ')}`);
}

try {
  build();
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(`Content error: ${error.message}`);
  process.exit(1);
}
