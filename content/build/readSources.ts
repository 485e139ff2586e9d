import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LANGUAGES } from '../../renderer/i18n/languages';
import type { CourseSources, FactGrades } from './compileCourse';
import { readSourceFile } from './guards';

export const COURSE_DIR = path.resolve(import.meta.dirname, '../course');

export function readCourseSources(dir = COURSE_DIR): CourseSources {
  const sources: CourseSources = new Map();
  for (const { code } of LANGUAGES) {
    const files = new Map<string, string>();
    const languageDir = path.join(dir, code);
    for (const file of readdirSync(languageDir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()) {
      files.set(file, readSourceFile(path.join(languageDir, file), `${code}/${file}`));
    }
    sources.set(code, files);
  }
  return sources;
}

export function readCourseVersion(dir = COURSE_DIR): string {
  return (JSON.parse(readFileSync(path.join(dir, 'pack.json'), 'utf8')) as { version: string }).version;
}

export function readFactGrades(dir = COURSE_DIR): FactGrades {
  return JSON.parse(readFileSync(path.join(dir, 'fact-grades.json'), 'utf8')) as FactGrades;
}
