import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowRecord, MeetingRecord } from '../../db/records';
import { FilePicker } from '../../ui/FilePicker';
import { useLanguage } from '../../i18n/useLanguage';
import { CalendarFileNotice } from './CalendarFileNotice';
import { CalendarImportProgress } from './CalendarImportProgress';
import { exportMeetings, importCalendarFile, type FileOutcome, type ImportPhase } from './meetingActions';
import { isFollowed } from './model/agenda';

/** Import an .ics file (with progress, and Cancel); export the meetings on show, or the followed ones. */
export function CalendarFileActions({
  shown,
  meetings,
  follows,
}: {
  shown: readonly MeetingRecord[];
  meetings: readonly MeetingRecord[];
  follows: readonly FollowRecord[];
}) {
  const { t } = useTranslation('meetings');
  const lang = useLanguage();
  const [outcome, setOutcome] = useState<FileOutcome | null>(null);
  const [phase, setPhase] = useState<ImportPhase | null>(null);
  const cancel = useRef<AbortController | null>(null);
  // Not on every keystroke in the search box: only when the meetings or the follows change.
  const followed = useMemo(() => meetings.filter((m) => isFollowed(m, follows)), [meetings, follows]);

  const importFile = async (file: File) => {
    const controller = new AbortController();
    cancel.current = controller;
    setOutcome(null);
    setPhase({ phase: 'reading', done: 0, total: 0 });
    try {
      setOutcome(await importCalendarFile(file, { onPhase: setPhase, signal: controller.signal }));
    } finally {
      cancel.current = null;
      setPhase(null);
    }
  };

  return (
    <div className="calendar-files">
      {phase ? (
        <CalendarImportProgress phase={phase} onCancel={() => cancel.current?.abort()} />
      ) : (
        <FilePicker label={t('files.import')} accept=".ics,text/calendar" testId="import-ics" onFile={importFile} />
      )}
      <button
        type="button"
        className="button"
        disabled={shown.length === 0}
        onClick={async () => setOutcome(await exportMeetings(shown, lang, t, t('files.fileName')))}
      >
        {t('files.exportShown')}
      </button>
      <button
        type="button"
        className="button"
        data-testid="export-followed"
        disabled={followed.length === 0}
        title={followed.length === 0 ? t('files.nothingFollowed') : undefined}
        onClick={async () => setOutcome(await exportMeetings(followed, lang, t, t('files.fileName')))}
      >
        {t('files.exportFollowed')}
      </button>
      <CalendarFileNotice outcome={outcome} />
    </div>
  );
}
