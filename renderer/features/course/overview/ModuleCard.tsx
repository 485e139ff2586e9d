import { useTranslation } from 'react-i18next';
import type { CourseModuleRecord } from '../../../db/records';
import { formatPercent } from '../../../i18n/format';
import { hashOf } from '../../../state/view';
import type { ModuleProgress } from '../model/progress';
import { CERTIFICATE_THRESHOLD, reachesLine } from '../model/scoring';
import { useLanguage } from '../../../i18n/useLanguage';

export function ModuleCard({ module, progress }: { module: CourseModuleRecord; progress: ModuleProgress }) {
  const { t } = useTranslation('course');
  const lang = useLanguage();
  const isComplete = progress.lessonCount > 0 && progress.lessonsRead === progress.lessonCount;
  return (
    <article className="card module-card" data-testid={`module-${module.id}`}>
      <h3>
        <a href={hashOf('course', ['module', module.id])}>
          {t('modules.numbered', { number: module.order, title: module.title })}
        </a>
      </h3>
      <p>{module.summary}</p>
      <ul className="module-facts">
        <li className={isComplete ? 'is-done' : undefined}>
          {t('modules.lessonsRead', { count: progress.lessonsRead, total: progress.lessonCount })}
        </li>
        <li>
          {progress.bestScore === undefined
            ? t('modules.noScore')
            : t(reachesLine(progress.bestScore) ? 'modules.bestScoreAtLine' : 'modules.bestScoreBelowLine', {
                score: formatPercent(progress.bestScore, lang),
                threshold: formatPercent(CERTIFICATE_THRESHOLD, lang),
              })}
        </li>
        <li>{t('modules.attempts', { count: progress.attemptCount })}</li>
      </ul>
    </article>
  );
}
