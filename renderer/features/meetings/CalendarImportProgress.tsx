import { useTranslation } from 'react-i18next';
import type { ImportPhase } from './meetingActions';

/** How far an import has got, with a Cancel that leaves stored meetings as they were. */
export function CalendarImportProgress({ phase, onCancel }: { phase: ImportPhase; onCancel: () => void }) {
  const { t } = useTranslation('meetings');
  const reading = phase.phase === 'reading';
  const label =
    reading && phase.total > 0
      ? t('calendarFile.progress.reading', { done: phase.done, total: phase.total })
      : reading
        ? t('calendarFile.progress.starting')
        : t('calendarFile.progress.saving');
  return (
    <div className="calendar-import-progress" role="status" data-testid="import-progress">
      <progress
        value={reading && phase.total > 0 ? phase.done : undefined}
        max={reading && phase.total > 0 ? phase.total : undefined}
        aria-label={t('calendarFile.progress.label')}
      />
      <span>{label}</span>
      <button type="button" className="button" data-testid="import-cancel" onClick={onCancel}>
        {t('calendarFile.cancel')}
      </button>
    </div>
  );
}
