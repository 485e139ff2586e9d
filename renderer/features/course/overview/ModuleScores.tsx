import { useTranslation } from 'react-i18next';
import type { CourseModuleRecord } from '../../../db/records';
import { formatPercent } from '../../../i18n/format';
import { CERTIFICATE_THRESHOLD, reachesLine, type ModuleStanding } from '../model/scoring';
import { useLanguage } from '../../../i18n/useLanguage';

const SCALE = [0, 0.5, CERTIFICATE_THRESHOLD, 1];

/**
 * The best score of each module quiz as a bar against the labelled 80% line, with its value and
 * its place against the line in words: readable without the colours or the bars.
 */
export function ModuleScores({
  modules,
  standings,
}: {
  modules: readonly CourseModuleRecord[];
  standings: readonly ModuleStanding[];
}) {
  const { t } = useTranslation('course');
  const lang = useLanguage();
  const threshold = formatPercent(CERTIFICATE_THRESHOLD, lang);
  const percent = (value: number) => `${(value * 100).toFixed(2)}%`;

  return (
    <figure className="module-scores" data-testid="module-scores">
      <figcaption>{t('standing.chartTitle', { threshold })}</figcaption>
      <ul className="score-rows">
        {modules.map((module) => {
          const best = standings.find((s) => s.moduleId === module.id)?.best;
          const state = best === undefined ? 'is-untaken' : reachesLine(best) ? 'is-at-line' : 'is-below-line';
          return (
            <li key={module.id} className={`score-row ${state}`} data-module-id={module.id}>
              <span className="score-module">{t('standing.moduleShort', { number: module.order })}</span>
              <span className="score-track" aria-hidden="true">
                {best !== undefined && <span className="score-fill" style={{ inlineSize: percent(best) }} />}
                <span className="score-line" style={{ insetInlineStart: percent(CERTIFICATE_THRESHOLD) }} />
              </span>
              <span className="score-value">
                {best === undefined
                  ? t('standing.notTaken')
                  : reachesLine(best)
                    ? t('standing.atLine', { score: formatPercent(best, lang), threshold })
                    : t('standing.belowLine', { score: formatPercent(best, lang), threshold })}
              </span>
            </li>
          );
        })}
        <li className="score-row score-axis" aria-hidden="true">
          <span className="score-module" />
          <span className="score-track">
            {SCALE.map((value) => (
              <span
                key={value}
                className={`score-tick ${value === CERTIFICATE_THRESHOLD ? 'is-line' : ''}`}
                style={{ insetInlineStart: percent(value) }}
              >
                {value === CERTIFICATE_THRESHOLD ? t('standing.lineLabel', { threshold }) : formatPercent(value, lang)}
              </span>
            ))}
          </span>
          <span className="score-value" />
        </li>
      </ul>
    </figure>
  );
}
