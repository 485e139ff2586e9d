import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../i18n/format';
import { hashOf } from '../../state/view';
import { PageHeading } from '../../ui/PageHeading';
import { useCourseStanding } from '../course/useCourse';

const WhatsNext = lazy(async () => ({ default: (await import('../meetings/WhatsNext')).WhatsNext }));

export function HomePage() {
  const { t } = useTranslation('home');
  const course = useCourseStanding();
  const standing = course?.standing;
  return (
    <>
      <PageHeading title={t('title')} intro={t('intro')} />
      <Suspense fallback={null}>
        <WhatsNext />
      </Suspense>
      <section className="card" aria-labelledby="home-course-heading">
        <h2 id="home-course-heading">{t('course.heading')}</h2>
        {standing && (
          <p>
            {t('course.progress', {
              score: formatPercent(standing.overall, course.lang),
              taken: standing.attemptedModules,
              total: standing.totalModules,
            })}
          </p>
        )}
        <a className="button primary" href={hashOf('course')}>
          {t('course.open')}
        </a>
      </section>
    </>
  );
}
