/**
 * `npm run build:content`: compiles content/ into content packs (one per language for the
 * course, one for the calendar) and their manifest under renderer/public/packs/, which the
 * renderer build ships and the app installs on first run.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PACK_FORMAT, manifestSchema, type PackManifest } from '../../renderer/content/packSchema';
import { compileCalendar } from './compileCalendar';
import { compileCourse, ContentError } from './compileCourse';
import { readSourceFile } from './guards';
import { COURSE_DIR, readCourseSources, readCourseVersion, readFactGrades } from './readSources';

const OUT = path.resolve(import.meta.dirname, '../../renderer/public/packs');
const CALENDAR_DIR = path.resolve(import.meta.dirname, '../calendar');

type Pack = { kind: 'course' | 'calendar'; lang: PackManifest['packs'][number]['lang']; version: string };

function writePack(manifest: PackManifest, pack: Pack): void {
  const json = JSON.stringify(pack);
  const sha256 = createHash('sha256').update(json).digest('hex');
  const file = `${pack.kind}-${pack.lang}.${sha256.slice(0, 12)}.json`;
  writeFileSync(path.join(OUT, file), json);
  manifest.packs.push({
    id: `${pack.kind}/${pack.lang}`,
    kind: pack.kind,
    lang: pack.lang,
    version: pack.version,
    sha256,
    file,
    bytes: Buffer.byteLength(json),
  });
}

/** Builds from content/, or the course from the folder named by COURSE_DIR (to try out a draft). */
function build(courseDir = process.env.COURSE_DIR ?? COURSE_DIR): void {
  const course = compileCourse(readCourseSources(courseDir), readCourseVersion(courseDir), readFactGrades(courseDir));
  const read = (file: string) => readSourceFile(path.join(CALENDAR_DIR, file), `calendar/${file}`);
  const calendarVersion = (JSON.parse(read('pack.json')) as { version: string }).version;
  const calendar = compileCalendar(read('groups.yaml'), read('meetings.yaml'), calendarVersion);

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const manifest: PackManifest = { format: PACK_FORMAT, packs: [] };
  for (const pack of [...course, calendar]) writePack(manifest, pack);
  writeFileSync(path.join(OUT, 'manifest.json'), JSON.stringify(manifestSchema.parse(manifest), null, 2));
  console.log(`Content packs: ${manifest.packs.map((p) => `${p.id} ${(p.bytes / 1000).toFixed(0)} kB`).join(', ')}`);
}

try {
  build();
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(`Content error: ${error.message}`);
  process.exit(1);
}
