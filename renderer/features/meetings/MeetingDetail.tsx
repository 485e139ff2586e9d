import { useTranslation } from 'react-i18next';
import { db } from '../../db';
import { useLiveQuery } from '../../db/hooks';
import { meetingById } from '../../db/meetings';
import { bridge } from '../../platform/bridge';
import { hashOf } from '../../state/view';
import { BackLink } from '../../ui/BackLink';
import { useLanguage } from '../../i18n/useLanguage';
import { CalendarFileNotice } from './CalendarFileNotice';
import { DeadlineTimeline } from './DeadlineTimeline';
import { formatDailySessions, formatMonth, formatRange, formatZoneName, localTimeZone } from './formatMeetings';
import { removeOfficialDates } from './letterActions';
import { DeleteOwnMeeting } from './DeleteOwnMeeting';
import { exportMeetings, follow, type FileOutcome } from './meetingActions';
import { MeetingPlace, MeetingStatus } from './MeetingPlace';
import { collectiveLetterOf, deadlineSetOf } from './model/agenda';
import { groupLabel } from './model/groupLabel';
import { meetingSource, meetingTitle } from './model/titles';
import type { MeetingsData } from './useMeetings';
import { useState } from 'react';

export function MeetingDetail({ meetingId, data }: { meetingId: string; data: MeetingsData }) {
  const { t } = useTranslation('meetings');
  const lang = useLanguage();
  const [outcome, setOutcome] = useState<FileOutcome | null>(null);
  const meeting = data.meetings.find((m) => m.id === meetingId);
  const prepared = useLiveQuery(
    async () => (meeting?.preparesMeetingId ? ((await meetingById(db, meeting.preparesMeetingId)) ?? null) : null),
    [meeting?.preparesMeetingId],
  );
  const back = <BackLink href={hashOf('meetings')} label={t('meeting.back')} />;
  if (!meeting) {
    return (
      <>
        {back}
        <p>{t('meeting.notFound')}</p>
      </>
    );
  }

  const title = meetingTitle(meeting, lang);
  const ownZone = localTimeZone();
  const start = new Date(meeting.start);
  const group = data.groups.find((g) => g.id === meeting.group);
  const followsMeeting = data.follows.some((f) => f.target === 'meeting' && f.targetId === meeting.id);
  const sessions = formatDailySessions(meeting.start, meeting.end, lang, meeting.timeZone);
  const letter = collectiveLetterOf(meeting);
  const source = meetingSource(meeting, lang);
  const followsGroup = data.follows.some((f) => f.target === 'group' && f.targetId === meeting.group);

  return (
    <article className="meeting-detail" data-testid="meeting-detail">
      {back}
      <h1 tabIndex={-1}>{title}</h1>
      <MeetingStatus meeting={meeting} month={(m) => formatMonth(m, lang)} />
      <dl className="meeting-facts">
        <div>
          <dt>{t('meeting.days')}</dt>
          <dd data-testid="daily-sessions">
            {t('meeting.dailySessions', { days: sessions.days, hours: sessions.hours, count: sessions.dayCount })}
          </dd>
        </div>
        <div>
          <dt>{t('meeting.yourTime', { zone: formatZoneName(ownZone, lang, start) })}</dt>
          <dd data-testid="local-time">{formatRange(meeting.start, meeting.end, lang, ownZone, true)}</dd>
        </div>
        <div>
          <dt>{t('meeting.meetingTime', { zone: formatZoneName(meeting.timeZone, lang, start) })}</dt>
          <dd data-testid="meeting-time">{formatRange(meeting.start, meeting.end, lang, meeting.timeZone, true)}</dd>
        </div>
        <div>
          <dt>{t('meeting.group')}</dt>
          <dd>
            <bdi>{groupLabel(meeting.group, lang)}</bdi>
            {group?.title[lang] && <> — {group.title[lang]}</>}
          </dd>
        </div>
        <div>
          <dt>{t('meeting.kind')}</dt>
          <dd>{t(`kinds.${meeting.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('meeting.place')}</dt>
          <dd data-testid="meeting-place">
            <MeetingPlace meeting={meeting} lang={lang} />
          </dd>
        </div>
        {letter && (
          <div>
            <dt>{t('meeting.collectiveLetter')}</dt>
            <dd data-testid="collective-letter">{letter}</dd>
          </div>
        )}
        {source && (
          <div>
            <dt>{t('meeting.source')}</dt>
            <dd>{source}</dd>
          </div>
        )}
      </dl>
      {meeting.links.meetingPage && (
        <p>
          <a
            href={meeting.links.meetingPage}
            onClick={(event) => {
              event.preventDefault();
              void bridge.openExternal(meeting.links.meetingPage!);
            }}
          >
            {t('meeting.meetingPage')}
          </a>
        </p>
      )}
      {prepared && (
        <p>
          <a href={hashOf('meetings', ['meeting', prepared.id])}>
            {t('meeting.prepares', { title: meetingTitle(prepared, lang) })}
          </a>
        </p>
      )}
      <div className="follow-actions">
        <button
          type="button"
          className={followsMeeting ? 'button' : 'button primary'}
          aria-pressed={followsMeeting}
          data-testid="follow-meeting"
          onClick={() => void follow('meeting', meeting.id, !followsMeeting)}
        >
          {followsMeeting ? t('follow.unfollowMeeting') : t('follow.meeting')}
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={followsGroup}
          onClick={() => void follow('group', meeting.group, !followsGroup)}
        >
          {followsGroup
            ? t('follow.unfollowGroup', { group: groupLabel(meeting.group, lang) })
            : t('follow.group', { group: groupLabel(meeting.group, lang) })}
        </button>
        <button
          type="button"
          className="button"
          onClick={async () =>
            setOutcome(await exportMeetings([meeting], lang, t, meeting.id.replace(/[^\w-]+/g, '-')))
          }
        >
          {t('files.exportOne')}
        </button>
      </div>
      <div className="letter-actions">
        {meeting.origin === 'bundled' ? (
          <>
            <a className="button" href={hashOf('meetings', ['letter', meeting.id])} data-testid="enter-official">
              {t('letter.enterOfficial')}
            </a>
            {meeting.letterEntry && (
              <button
                type="button"
                className="button subtle"
                data-testid="remove-official"
                onClick={() => void removeOfficialDates(meeting.id)}
              >
                {t('letter.removeOfficial')}
              </button>
            )}
          </>
        ) : (
          <a className="button" href={hashOf('meetings', ['edit', meeting.id])} data-testid="edit-meeting">
            {t('letter.edit')}
          </a>
        )}
      </div>
      <CalendarFileNotice outcome={outcome} />
      {meeting.origin !== 'bundled' && <DeleteOwnMeeting meetingId={meeting.id} origin={meeting.origin} />}
      <DeadlineTimeline deadlineSet={deadlineSetOf(meeting)} meetingKind={meeting.kind} collectiveLetter={letter} />
    </article>
  );
}
