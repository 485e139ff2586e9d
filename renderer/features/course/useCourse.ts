import { useTranslation } from 'react-i18next';
import { db } from '../../db';
import { allAttempts, allLessonProgress, latestCertificate, lessonsIn, modulesIn } from '../../db/course';
import { useLiveQuery } from '../../db/hooks';
import type { LanguageCode } from '../../i18n/languages';
import { courseStanding } from './model/scoring';

export function useLanguage(): LanguageCode {
  return useTranslation().i18n.language as LanguageCode;
}

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
