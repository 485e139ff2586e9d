import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/useLanguage';
import { restoreSnapshot, type GapdraftOutcome } from '../draftActions';

/** What an import did, or asks, and the follow-ups: undo a merge, confirm or cancel a large one. */
export type ShownOutcome = GapdraftOutcome | { kind: 'undone' | 'not-undone' | 'cancelled' };

export function ImportOutcome({
  outcome,
  onChange,
}: {
  outcome: ShownOutcome;
  onChange: (next: ShownOutcome) => void;
}) {
  const { t } = useTranslation('drafts');
  const lang = useLanguage();
  switch (outcome.kind) {
    case 'created':
      return notice('success', t('list.imported'));
    case 'undone':
      return notice('success', t('list.mergeUndone'));
    case 'not-undone':
      return notice('warning', t('history.notRestorable'));
    case 'cancelled':
      return notice('success', t('list.mergeCancelled'));
    case 'refused':
      return notice(
        'warning',
        t(`list.importErrors.${outcome.code}`, { needed: formatBytes(outcome.needed ?? 0, lang) }),
      );
    case 'merged':
      return (
        <div className="notice notice-success import-outcome" role="status" data-testid="import-outcome">
          <p>{t('list.merged')}</p>
          <ul className="merge-summary" data-testid="merge-summary">
            <li>{t('list.wordsAdded', { count: outcome.change.wordsAdded })}</li>
            <li>{t('list.wordsRemoved', { count: outcome.change.wordsRemoved })}</li>
          </ul>
          <button
            type="button"
            className="button"
            data-testid="undo-merge"
            onClick={() =>
              void restoreSnapshot(outcome.draftId, outcome.beforeMerge, lang).then((isUndone) =>
                onChange({ kind: isUndone ? 'undone' : 'not-undone' }),
              )
            }
          >
            {t('list.undoMerge')}
          </button>
        </div>
      );
    case 'confirm':
      return (
        <div className="notice notice-warning import-outcome" role="alert" data-testid="import-outcome">
          <p dir="auto">
            {t('list.confirmMerge', {
              count: outcome.change.wordsRemoved,
              before: outcome.change.wordsBefore,
              title: outcome.title || t('list.untitled'),
            })}
          </p>
          <div className="notice-actions">
            <button
              type="button"
              className="button"
              data-testid="merge-anyway"
              onClick={() => void outcome.merge().then(onChange)}
            >
              {t('list.mergeAnyway')}
            </button>
            <button
              type="button"
              className="button subtle"
              data-testid="cancel-merge"
              onClick={() => onChange({ kind: 'cancelled' })}
            >
              {t('list.cancelMerge')}
            </button>
          </div>
        </div>
      );
  }
}

function notice(tone: 'success' | 'warning', text: string) {
  return (
    <p className={`notice notice-${tone} import-outcome`} role="status" data-testid="import-outcome">
      {text}
    </p>
  );
}
