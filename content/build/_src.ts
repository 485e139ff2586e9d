import { readCourseSources, readCourseVersion, readFactGrades } from './readSources';
import { compileCourse } from './compileCourse';
const packs = compileCourse(readCourseSources(), readCourseVersion(), readFactGrades());
const ids = process.argv.slice(2);
for (const p of packs) { console.log('##', p.lang); for (const l of p.lessons) if (ids.includes(l.id)) console.log(l.id, JSON.stringify(l.sources, null, 0)); }
