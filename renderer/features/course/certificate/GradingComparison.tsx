import { useTranslation } from 'react-i18next';
import { FULL_SCORE } from '../../../certificates/certificateFormat';
import { formatPercent } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/useLanguage';

/** One side's figures, in basis points (null: the module quiz was not taken or not counted). */
export interface GradingFigures {
  modules: ReadonlyMap<string, number | null>;
  overall: number;
}

/** The device's and the hub's figures side by side, each row that differs marked in words (never by colour alone). */
export function GradingComparison({
  modules,
  device,
  hub,
}: {
  modules: readonly { id: string; title: string }[];
  device: GradingFigures;
  hub: GradingFigures;
}) {
  const { t } = useTranslation('course');
  const lang = useLanguage();
  const score = (value: number | null | undefined) =>
    value === null || value === undefined ? t('certificate.hub.notTaken') : formatPercent(value / FULL_SCORE, lang);
  const rows = [
    ...modules.map(({ id, title }) => ({ id, title, device: device.modules.get(id), hub: hub.modules.get(id) })),
    { id: 'overall', title: t('certificate.hub.overall'), device: device.overall, hub: hub.overall },
  ];
  return (
    <table className="grading-comparison" data-testid="grading-comparison">
      <thead>
        <tr>
          <th scope="col">{t('certificate.hub.module')}</th>
          <th scope="col">{t('certificate.hub.device')}</th>
          <th scope="col">{t('certificate.hub.hubColumn')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('certificate.hub.differsMark')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const differs = (row.device ?? null) !== (row.hub ?? null);
          return (
            <tr key={row.id} className={differs ? 'differs' : undefined} data-module={row.id}>
              <th scope="row">{row.title}</th>
              <td>{score(row.device)}</td>
              <td>{score(row.hub)}</td>
              <td>{differs ? t('certificate.hub.differsMark') : null}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
