import { useTranslation } from 'react-i18next';
import { useRejectedChanges } from '../../db/hooks';
import { formatDate } from '../../i18n/format';
import type { LanguageCode } from '../../i18n/languages';
import { SYNC_TABLE_NAMES } from '../../sync/wire';
import { dismissRejectedChange } from './hubActions';

function isKnownTable(table: string): table is (typeof SYNC_TABLE_NAMES)[number] {
  return (SYNC_TABLE_NAMES as readonly string[]).includes(table);
}

/** Changes the hub did not accept: what each was, what the refusal means, and what to do. */
export function RejectedChanges() {
  const { t, i18n } = useTranslation('settings');
  const changes = useRejectedChanges();
  if (!changes || changes.length === 0) return null;
  const language = i18n.language as LanguageCode;
  return (
    <div className="hub-rejected" data-testid="hub-rejected">
      <h3 id="hub-rejected">{t('hub.rejected.heading')}</h3>
      <p>{t('hub.rejected.intro')}</p>
      <ul aria-labelledby="hub-rejected">
        {changes.map((change) => (
          <li key={change.seq} data-testid="hub-rejected-change" data-code={change.code}>
            <p>
              <strong>
                {isKnownTable(change.table) ? t(`hub.rejected.table.${change.table}`) : t('hub.rejected.table.other')}
              </strong>{' '}
              <span className="hub-key" dir="ltr">
                {change.key}
              </span>{' '}
              <span className="hub-hint">
                {formatDate(new Date(change.rejectedAt), language, { dateStyle: 'medium', timeStyle: 'short' })}
              </span>
            </p>
            <p>{t(`hub.rejected.code.${change.code}.meaning`)}</p>
            <p>{t(`hub.rejected.code.${change.code}.todo`)}</p>
            <button type="button" className="button subtle" onClick={() => void dismissRejectedChange(change.seq)}>
              {t('hub.rejected.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
