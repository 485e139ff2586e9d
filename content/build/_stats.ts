import { readCourseSources, readCourseVersion, readFactGrades } from './readSources';
import { compileCourse } from './compileCourse';
const packs = compileCourse(readCourseSources(), readCourseVersion(), readFactGrades());
const en = packs.find((p) => p.lang === 'en')!;
for (const p of packs) {
  const counts = p.modules.map((m) => `${m.id}: ${p.lessons.filter((l) => l.moduleId === m.id).length}L/${p.questions.filter((q) => q.moduleId === m.id).length}Q`);
  const single = p.questions.filter((q) => q.type === 'single');
  const tells = single.filter((q) => { const len = (id: string) => [...q.choices.find((c) => c.id === id)!.text].length; const r = q.correctChoiceIds[0]!; return q.choices.every((c) => c.id === r || len(c.id) < len(r)); });
  console.log(p.lang, counts.join(' '), `| longest right ${tells.length}/${single.length}:`, tells.map((q) => q.id).join(','));
  if (p.lang !== 'en') {
    const same = p.lessons.filter((l) => { const e = en.lessons.find((x) => x.id === l.id)!; return l.sources.some((s, i) => s === e.sources[i]); }).map((l) => l.id);
    console.log('   untranslated sources:', same.join(','));
  }
}
