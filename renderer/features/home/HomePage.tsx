import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../i18n/format';
import { hashOf } from '../../state/view';
import { PageHeading } from '../../ui/PageHeading';
import { CERTIFICATE_THRESHOLD, useCourseStanding } from '../course';

const WhatsNext = lazy(async () => ({ default: (await import('../meetings/WhatsNext')).WhatsNext }));

/** The course card: the certificate first once it is earned, else the score and what it means. */
function CourseCard({ course }: { course: NonNullable<ReturnType<typeof useCourseStanding>> }) {
  const { t } = useTranslation('home');
  const { standing, lang, certificate } = course;
  const threshold = formatPercent(CERTIFICATE_THRESHOLD, lang);
  const score = formatPercent(standing.overall, lang);
  const isEarned = standing.isCertificateEarned || certificate !== null;

  return (
    <section className="card" aria-labelledby="home-course-heading" data-testid="home-course">
      <h2 id="home-course-heading">{t('course.heading')}</h2>
      {isEarned ? (
        <>
          <p className="notice notice-success" data-testid="home-certificate">
            {t('course.certificateEarned', {
              score: formatPercent(certificate?.overallScore ?? standing.overall, lang),
            })}
          </p>
          <p>
            <a className="button primary" data-testid="home-get-certificate" href={hashOf('course', ['certificate'])}>
              {certificate ? t('course.seeCertificate') : t('course.getCertificate')}
            </a>{' '}
            <a className="button" href={hashOf('course')}>
              {t('course.openCourse')}
            </a>
          </p>
        </>
      ) : (
        <>
          {standing.totalModules > 0 && (
            <>
              <p data-testid="home-overall">
                <strong>{t('course.overall', { score })}</strong>{' '}
                {t('course.overallExplained', { total: standing.totalModules, threshold })}
              </p>
              <p>
                {t('course.counts', {
                  taken: standing.attemptedModules,
                  atLine: standing.modulesAtLine,
                  total: standing.totalModules,
                  threshold,
                })}
              </p>
            </>
          )}
          <a className="button primary" href={hashOf('course')}>
            {t('course.open')}
          </a>
        </>
      )}
    </section>
  );
}

export function HomePage() {
  const { t } = useTranslation('home');
  const course = useCourseStanding();
  const isEarned = Boolean(course && (course.standing.isCertificateEarned || course.certificate));
  return (
    <>
      <PageHeading title={t('title')} intro={t('intro')} />
      {/* Once earned, the certificate leads the page. */}
      {course && isEarned && <CourseCard course={course} />}
      <Suspense fallback={null}>
        <WhatsNext />
      </Suspense>
      {course && !isEarned && <CourseCard course={course} />}
    </>
  );
}
