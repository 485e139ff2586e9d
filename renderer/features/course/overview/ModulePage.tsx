import { useTranslation } from 'react-i18next';
import { formatDate, formatPercent } from '../../../i18n/format';
import { hashOf, navigate } from '../../../state/view';
import { InlineText } from '../../../ui/InlineText';
import { PageHeading } from '../../../ui/PageHeading';
import { startModuleQuiz } from '../courseActions';
import { moduleProgress } from '../model/progress';
import { isFinished } from '../model/scoring';
import { useCourse } from '../useCourse';
import { BackLink } from '../BackLink';

export function ModulePage({ moduleId }: { moduleId: string }) {
  const { t } = useTranslation('course');
  const course = useCourse();
  if (!course) return null;
  const { lang, modules, lessons, progress, attempts } = course;
  const module = modules.find((m) => m.id === moduleId);
  if (!module) return <BackLink />;

  const moduleLessons = lessons.filter((l) => l.moduleId === moduleId);
  const readIds = new Set(progress.filter((p) => p.readAt).map((p) => p.lessonId));
  const summary = moduleProgress(moduleId, lessons, progress, attempts);
  const finished = attempts.filter((a) => a.kind === 'module' && a.moduleId === moduleId).filter(isFinished);

  return (
    <>
      <BackLink />
      <PageHeading title={t('modules.numbered', { number: module.order, title: module.title })} />
      <p className="intro">
        <InlineText text={module.summary} />
      </p>

      <section className="card" aria-labelledby="lessons-heading">
        <h2 id="lessons-heading">{t('module.lessons')}</h2>
        <ol className="lesson-list">
          {moduleLessons.map((lesson) => (
            <li key={lesson.id} className={readIds.has(lesson.id) ? 'is-done' : undefined}>
              <a href={hashOf('course', ['lesson', lesson.id])}>{lesson.title}</a>
              {readIds.has(lesson.id) && <span className="badge">{t('module.read')}</span>}
            </li>
          ))}
        </ol>
      </section>

      <section className="card" aria-labelledby="quiz-heading">
        <h2 id="quiz-heading">{t('module.quiz')}</h2>
        <p>{t('module.quizDescription', { count: 10 })}</p>
        {summary.openAttemptId ? (
          <button
            type="button"
            className="button primary"
            data-testid="resume-quiz"
            onClick={() => navigate('course', 'quiz', summary.openAttemptId!)}
          >
            {t('module.resumeQuiz')}
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            data-testid="start-quiz"
            onClick={() => void startModuleQuiz(lang, moduleId)}
          >
            {finished.length ? t('module.retakeQuiz') : t('module.startQuiz')}
          </button>
        )}
        {finished.length > 0 && (
          <>
            <h3>{t('module.attempts')}</h3>
            <ul className="attempt-list">
              {finished.map((attempt) => (
                <li key={attempt.id}>
                  <a href={hashOf('course', ['quiz', attempt.id])}>
                    {t('module.attemptLine', {
                      date: formatDate(new Date(attempt.finishedAt), lang, { dateStyle: 'medium', timeStyle: 'short' }),
                      score: formatPercent(attempt.score, lang),
                    })}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
