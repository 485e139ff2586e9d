import { useTranslation } from 'react-i18next';
import type { MeetingRecord } from '../../db/records';
import type { LanguageCode } from '../../i18n/languages';
import { meetingFormat } from './model/agenda';
import { meetingPlace } from './model/titles';

/** Where: the place in the language, "virtual", or "place not published"; and how (format). */
export function MeetingPlace({ meeting, lang }: { meeting: MeetingRecord; lang: LanguageCode }) {
  const { t } = useTranslation('meetings');
  const format = meetingFormat(meeting);
  const place = meetingPlace(meeting, lang);
  if (meeting.placeUnpublished) return <>{t('meeting.placeNotPublished')}</>;
  if (format === 'virtual' || place === null) return <>{t('formats.virtual')}</>;
  return (
    <>
      {place}
      {meeting.placeAssumed && <> ({t('meeting.placeAssumed')})</>}
      {format === 'hybrid' && <> · {t('formats.hybrid')}</>}
    </>
  );
}

/** "Planned (as of April 2026)" or "Tentative (as of April 2026)"; nothing once confirmed. */
export function MeetingStatus({ meeting, month }: { meeting: MeetingRecord; month: (m: string) => string }) {
  const { t } = useTranslation('meetings');
  if (!meeting.status) return null;
  return (
    <span className={`badge status-${meeting.status.kind}`} data-testid="meeting-status">
      {t(`status.${meeting.status.kind}`, { month: month(meeting.status.asOf) })}
    </span>
  );
}
