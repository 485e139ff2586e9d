import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../../db';
import { allDrafts } from '../../../db/drafts';
import { useLiveQuery } from '../../../db/hooks';
import type { DraftRecord, DraftStatus } from '../../../db/records';
import { formatDate } from '../../../i18n/format';
import { hashOf } from '../../../state/view';
import { BackLink } from '../../../ui/BackLink';
import { FilePicker } from '../../../ui/FilePicker';
import { PageHeading } from '../../../ui/PageHeading';
import { useLanguage } from '../../../i18n/useLanguage';
import { copyDraft, importGapdraft, moveToTrash, restoreFromTrash, startDraft } from '../draftActions';
import { ImportOutcome, type ShownOutcome } from './ImportOutcome';
import {
  deadlinesOf,
  formatCalendarDate,
  formatDaysFrom,
  localTimeZone,
  meetingTitle,
  normalizeForSearch,
  todayIn,
  useMeetings,
} from '../../meetings';

export function DraftsList({ isTrash }: { isTrash: boolean }) {
  const { t } = useTranslation('drafts');
  const lang = useLanguage();
  const drafts = useLiveQuery(() => allDrafts(db), []);
  const meetingsData = useMeetings();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<DraftStatus | ''>('');
  const [outcome, setOutcome] = useState<ShownOutcome | null>(null);
  if (!drafts) return null;

  const today = todayIn(localTimeZone());
  const words = normalizeForSearch(query).split(' ').filter(Boolean);
  const shown = drafts.filter(
    (d) =>
      (d.deletedAt !== null) === isTrash &&
      (!status || d.status === status) &&
      words.every((w) => normalizeForSearch(d.title).includes(w)),
  );

  function deadlineLine(draft: DraftRecord) {
    const meeting = meetingsData?.meetings.find((m) => m.id === draft.meetingId);
    const deadline = meeting && deadlinesOf(meeting).find((d) => d.kind === 'contribution');
    if (!meeting || !deadline) return null;
    const title = meetingTitle(meeting, lang);
    return (
      <p className={deadline.date < today ? 'deadline has-passed' : 'deadline'}>
        {title} ·{' '}
        {deadline.date < today
          ? t(deadline.official ? 'list.deadlinePassed' : 'list.deadlinePassedEstimate', {
              date: formatCalendarDate(deadline.date, lang, 'medium'),
            })
          : t(deadline.official ? 'list.deadline' : 'list.deadlineEstimate', {
              when: formatDaysFrom(today, deadline.date, lang),
            })}
      </p>
    );
  }

  return (
    <>
      {isTrash && <BackLink href={hashOf('drafts')} label={t('list.backToDrafts')} />}
      <PageHeading title={isTrash ? t('list.trash') : t('title')} intro={isTrash ? undefined : t('intro')} />
      {!isTrash && (
        <div className="draft-actions">
          <button
            type="button"
            className="button primary"
            data-testid="new-draft"
            onClick={() => void startDraft(lang)}
          >
            {t('list.new')}
          </button>
          <FilePicker
            label={t('list.import')}
            accept=".gapdraft,application/json"
            testId="import-gapdraft"
            onFile={async (file) => setOutcome(await importGapdraft(file))}
          />
          <a className="button subtle" href={hashOf('drafts', ['trash'])}>
            {t('list.trash')}
          </a>
        </div>
      )}
      {outcome && <ImportOutcome outcome={outcome} onChange={setOutcome} />}
      <div className="filter-bar" role="search">
        <label className="filter-search">
          {t('list.search')}
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
        </label>
        <label>
          {t('list.status')}
          <select value={status} onChange={(event) => setStatus(event.target.value as DraftStatus | '')}>
            <option value="">{t('list.allStatuses')}</option>
            {(['draft', 'ready', 'submitted'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {shown.length === 0 && <p className="empty-state">{isTrash ? t('list.emptyTrash') : t('list.empty')}</p>}
      <ul className="draft-list" data-testid="draft-list">
        {shown.map((draft) => (
          <li key={draft.id} className="card draft-row">
            <h2 dir="auto">
              {isTrash ? (
                draft.title || t('list.untitled')
              ) : (
                <a href={hashOf('drafts', ['edit', draft.id])}>{draft.title || t('list.untitled')}</a>
              )}
            </h2>
            <p>
              <span className={`badge status-${draft.status}`}>{t(`statuses.${draft.status}`)}</span>{' '}
              {t('list.updated', {
                date: formatDate(new Date(draft.updatedAt), lang, { dateStyle: 'medium', timeStyle: 'short' }),
              })}
            </p>
            {deadlineLine(draft)}
            <div>
              {isTrash ? (
                <button type="button" className="button" onClick={() => void restoreFromTrash(draft.id)}>
                  {t('list.restore')}
                </button>
              ) : (
                <>
                  <button
                    type="button"
                    className="button subtle"
                    onClick={() =>
                      void copyDraft(draft.id, t('list.copyOf', { title: draft.title || t('list.untitled') }))
                    }
                  >
                    {t('list.duplicate')}
                  </button>
                  <button type="button" className="button subtle" onClick={() => void moveToTrash(draft.id)}>
                    {t('list.delete')}
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
