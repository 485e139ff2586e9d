import { useTranslation } from 'react-i18next';
import type { SkippedEvent } from './ics/importCalendar';
import type { FileOutcome } from './meetingActions';

function SkippedList({ skipped }: { skipped: readonly SkippedEvent[] }) {
  const { t } = useTranslation('meetings');
  return (
    <details className="skipped-events" data-testid="skipped-events">
      <summary>{t('calendarFile.skipped', { count: skipped.length })}</summary>
      <ul>
        {skipped.map((event) => {
          const reason = t(`calendarFile.skipReasons.${event.reason}`);
          const title = event.summary ?? event.uid;
          return (
            <li key={`${event.line}-${event.reason}`}>
              {title
                ? t('calendarFile.skippedAt', { line: event.line, title, reason })
                : t('calendarFile.skippedAtLine', { line: event.line, reason })}
            </li>
          );
        })}
      </ul>
    </details>
  );
}

/** The outcome of an import or export, in the user's language. */
export function CalendarFileNotice({ outcome }: { outcome: FileOutcome | null }) {
  const { t } = useTranslation('meetings');
  if (!outcome) return null;
  if (outcome.kind === 'imported') {
    return (
      <div className="notice notice-success" role="status" data-testid="file-outcome">
        {outcome.count > 0 && <p>{t('files.imported', { count: outcome.count })}</p>}
        {outcome.removed > 0 && <p>{t('calendarFile.removed', { count: outcome.removed })}</p>}
        {outcome.count === 0 && outcome.removed === 0 && (
          <p>{outcome.cancelsNothingStored ? t('calendarFile.nothingToCancel') : t('files.imported', { count: 0 })}</p>
        )}
        {outcome.merged > 0 && <p>{t('calendarFile.merged', { count: outcome.merged })}</p>}
        {outcome.skipped.length > 0 && <SkippedList skipped={outcome.skipped} />}
      </div>
    );
  }
  if (outcome.kind === 'saved') {
    return (
      <p className="notice notice-success" role="status" data-testid="file-outcome">
        {t('files.saved')}
      </p>
    );
  }
  if (outcome.kind === 'cancelled') {
    return (
      <p className="notice" role="status" data-testid="file-outcome">
        {t('calendarFile.cancelled')}
      </p>
    );
  }
  const message =
    outcome.kind === 'refused'
      ? t(`files.errors.${outcome.code}`)
      : outcome.kind === 'not-stored'
        ? t(outcome.full ? 'calendarFile.storageFull' : 'calendarFile.storageFailed')
        : outcome.kind === 'read-failed'
          ? t('calendarFile.readFailed')
          : t('files.notSaved');
  return (
    <p className="notice notice-warning" role="alert" data-testid="file-outcome">
      {message}
    </p>
  );
}
