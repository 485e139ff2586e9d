import { useTranslation } from 'react-i18next';
import { db } from '../../db';
import { allAttempts, allLessonProgress, lessonsIn, modulesIn } from '../../db/course';
import { useLiveQuery } from '../../db/hooks';
import type { LanguageCode } from '../../i18n/languages';

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

export type CourseData = NonNullable<ReturnType<typeof useCourse>>;
