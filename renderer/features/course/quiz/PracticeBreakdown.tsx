import { useTranslation } from 'react-i18next';
import type { CourseModuleRecord, QuestionRecord } from '../../../db/records';
import { formatPercent } from '../../../i18n/format';
import { hashOf } from '../../../state/view';
import { breakdownByModule, CERTIFICATE_THRESHOLD, reachesLine } from '../model/scoring';
import { useLanguage } from '../../../i18n/useLanguage';

interface Props {
  questions: readonly QuestionRecord[];
  answers: Readonly<Record<string, readonly string[]>>;
  modules: readonly CourseModuleRecord[];
}

/** The practice assessment's result per module, and which modules to revise (those below 80%). */
export function PracticeBreakdown({ questions, answers, modules }: Props) {
  const { t } = useTranslation('course');
  const lang = useLanguage();
  const order = new Map(modules.map((m) => [m.id, m.order]));
  const lines = breakdownByModule(questions, answers).sort(
    (a, b) => (order.get(a.moduleId) ?? 0) - (order.get(b.moduleId) ?? 0),
  );
  const toRevise = lines.filter((line) => !reachesLine(line.right / line.total));

  return (
    <section className="card practice-breakdown" aria-labelledby="breakdown-heading" data-testid="practice-breakdown">
      <h2 id="breakdown-heading">{t('results.byModule')}</h2>
      <ul>
        {lines.map((line) => {
          const module = modules.find((m) => m.id === line.moduleId);
          const isWeak = !reachesLine(line.right / line.total);
          return (
            <li key={line.moduleId} className={isWeak ? 'is-weak' : 'is-strong'} data-module-id={line.moduleId}>
              <a href={hashOf('course', ['module', line.moduleId])}>
                {module ? t('modules.numbered', { number: module.order, title: module.title }) : line.moduleId}
              </a>
              {': '}
              {t('results.moduleLine', { count: line.right, total: line.total })}
              {isWeak && <strong className="revise"> {t('results.revise')}</strong>}
            </li>
          );
        })}
      </ul>
      <p>
        {toRevise.length === 0
          ? t('results.reviseNone', { threshold: formatPercent(CERTIFICATE_THRESHOLD, lang) })
          : t('results.reviseSome', { threshold: formatPercent(CERTIFICATE_THRESHOLD, lang) })}
      </p>
    </section>
  );
}
