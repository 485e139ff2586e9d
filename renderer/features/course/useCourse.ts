import { db } from '../../db';
import { allAttempts, allLessonProgress, latestCertificate, lessonsIn, modulesIn } from '../../db/course';
import { useLiveQuery } from '../../db/hooks';
import { useLanguage } from '../../i18n/useLanguage';
import { courseStanding } from './model/scoring';

/** Everything the course screens show, live: a write anywhere re-renders them. */
export function useCourse() {
  const lang = useLanguage();
  return useLiveQuery(async () => {
    const [modules, lessons, progress, attempts] = await Promise.all([
      modulesIn(db, lang),
      lessonsIn(db, lang),
      allLessonProgress(db),
      allAttempts(db),
    ]);
    return { lang, modules, lessons, progress, attempts };
  }, [lang]);
}

/**
 * The modules and attempts only, with the standing they give and the certificate issued if
 * any: for screens that show the score but no lesson (Home, results, the certificate), so they
 * do not read every lesson's text.
 */
export function useCourseStanding() {
  const lang = useLanguage();
  return useLiveQuery(async () => {
    const [modules, attempts, certificate] = await Promise.all([
      modulesIn(db, lang),
      allAttempts(db),
      latestCertificate(db),
    ]);
    const standing = courseStanding(
      modules.map((m) => m.id),
      attempts,
    );
    return { lang, modules, attempts, standing, certificate: certificate ?? null };
  }, [lang]);
}
