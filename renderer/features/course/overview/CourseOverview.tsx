import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../i18n/format';
import { hashOf, navigate } from '../../../state/view';
import { PageHeading } from '../../../ui/PageHeading';
import { ContentStatusNotice } from '../ContentStatusNotice';
import { startPractice } from '../courseActions';
import { PRACTICE_MINUTES, PRACTICE_SIZE } from '../model/quizSizes';
import { moduleProgress } from '../model/progress';
import { CERTIFICATE_THRESHOLD, courseStanding } from '../model/scoring';
import { useCourse } from '../useCourse';
import { ModuleCard } from './ModuleCard';
import { ModuleScores } from './ModuleScores';
import { ProgressRing } from './ProgressRing';

export function CourseOverview() {
  const { t } = useTranslation('course');
  const course = useCourse();
  if (!course) return null;
  const { lang, modules, lessons, progress, attempts } = course;

  if (modules.length === 0) {
    return (
      <>
        <PageHeading title={t('title')} intro={t('intro')} />
        <ContentStatusNotice hasContent={false} />
        <VerifyCard />
      </>
    );
  }

  const standing = courseStanding(
    modules.map((m) => m.id),
    attempts,
  );
  const overall = formatPercent(standing.overall, lang);
  const threshold = formatPercent(CERTIFICATE_THRESHOLD, lang);

  return (
    <>
      <PageHeading title={t('title')} intro={t('intro')} />
      <ContentStatusNotice hasContent />
      <section className="card standing" aria-labelledby="standing-heading">
        <ProgressRing value={standing.overall} label={overall} tickLabel={threshold} />
        <div className="standing-text">
          <h2 id="standing-heading">{t('standing.heading')}</h2>
          <p data-testid="overall-score">{t('standing.overall', { score: overall })}</p>
          <ul className="standing-counts">
            <li data-testid="modules-attempted">
              {t('standing.attempted', {
                count: standing.attemptedModules,
                total: standing.totalModules,
              })}
            </li>
            <li data-testid="modules-at-line">
              {t('standing.atLineCount', { count: standing.modulesAtLine, total: standing.totalModules, threshold })}
            </li>
          </ul>
          <p className="rule">{t('standing.rule', { threshold })}</p>
          {standing.isCertificateEarned ? (
            <button
              type="button"
              className="button primary"
              data-testid="get-certificate"
              onClick={() => navigate('course', 'certificate')}
            >
              {t('standing.getCertificate')}
            </button>
          ) : (
            <p>{t('standing.notYet')}</p>
          )}
        </div>
        <ModuleScores modules={modules} standings={standing.modules} />
      </section>

      <h2 className="section-heading">{t('modules.heading')}</h2>
      <ol className="module-list">
        {modules.map((module) => (
          <li key={module.id}>
            <ModuleCard module={module} progress={moduleProgress(module.id, lessons, progress, attempts)} />
          </li>
        ))}
      </ol>

      <section className="card" aria-labelledby="practice-heading">
        <h2 id="practice-heading">{t('practice.heading')}</h2>
        <p>{t('practice.description', { count: PRACTICE_SIZE, minutes: PRACTICE_MINUTES })}</p>
        <button type="button" className="button" data-testid="start-practice" onClick={() => void startPractice(lang)}>
          {t('practice.start')}
        </button>
      </section>
      <VerifyCard />
    </>
  );
}

/** The way to check someone's certificate: no account, no connection, no course progress needed. */
function VerifyCard() {
  const { t } = useTranslation('course');
  return (
    <section className="card" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t('verify.title')}</h2>
      <p>{t('verify.cardIntro')}</p>
      <a className="button" href={hashOf('course', ['verify'])} data-testid="open-verify">
        {t('verify.link')}
      </a>
    </section>
  );
}
