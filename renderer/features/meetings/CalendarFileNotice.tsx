import { useTranslation } from 'react-i18next';
import type { FileOutcome } from './meetingActions';

/** The outcome of an import or export, in the user's language. */
export function CalendarFileNotice({ outcome }: { outcome: FileOutcome | null }) {
  const { t } = useTranslation('meetings');
  if (!outcome) return null;
  if (outcome.kind === 'imported') {
    return (
      <p className="notice notice-success" role="status" data-testid="file-outcome">
        {t('files.imported', { count: outcome.count })}
      </p>
    );
  }
  if (outcome.kind === 'saved') {
    return (
      <p className="notice notice-success" role="status" data-testid="file-outcome">
        {t('files.saved')}
      </p>
    );
  }
  return (
    <p className="notice notice-warning" role="alert" data-testid="file-outcome">
      {outcome.kind === 'refused' ? t(`files.errors.${outcome.code}`) : t('files.notSaved')}
    </p>
  );
}
