import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowRecord, MeetingRecord } from '../../db/records';
import { FilePicker } from '../../ui/FilePicker';
import { useLanguage } from '../course/useCourse';
import { CalendarFileNotice } from './CalendarFileNotice';
import { exportMeetings, importCalendarFile, type FileOutcome } from './meetingActions';
import { isFollowed } from './model/agenda';

/** Import an .ics file; export the meetings on show, or the followed ones. */
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
  const followed = meetings.filter((m) => isFollowed(m, follows));

  return (
    <div className="calendar-files">
      <FilePicker
        label={t('files.import')}
        accept=".ics,text/calendar"
        testId="import-ics"
        onFile={async (file) => setOutcome(await importCalendarFile(file))}
      />
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
