import { readCourseSources, readCourseVersion, readFactGrades } from './readSources';
import { compileCourse } from './compileCourse';
const en = compileCourse(readCourseSources(), readCourseVersion(), readFactGrades()).find((p) => p.lang === 'en')!;
const by = new Map<string, string[]>();
for (const q of en.questions) by.set((q as any).factId ?? (q as any).fact ?? (q as any).factRef, [...(by.get((q as any).factId ?? (q as any).fact ?? (q as any).factRef) ?? []), q.id]);
for (const [f, ids] of by) if (ids.length > 1) console.log(f, ids.join(' '));
for (const q of en.questions) if (/q3\d/.test(q.id)) console.log(q.id, '|', q.prompt);
