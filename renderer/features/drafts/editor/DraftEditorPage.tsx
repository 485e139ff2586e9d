import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../../db';
import { draftById, setDraftStatus } from '../../../db/drafts';
import { useLiveQuery } from '../../../db/hooks';
import type { DraftStatus } from '../../../db/records';
import { hashOf } from '../../../state/view';
import { BackLink } from '../../../ui/BackLink';
import { useLanguage } from '../../course/useCourse';
import { localTimeZone, todayIn } from '../../meetings/formatMeetings';
import { deadlinesOf } from '../../meetings/model/agenda';
import { useMeetings } from '../../meetings/useMeetings';
import { checkDraft, isBlocking } from '../model/checks';
import { BodyEditor } from './BodyEditor';
import { ChecksPanel } from './ChecksPanel';
import { CoverForm } from './CoverForm';
import { ExportActions } from './ExportActions';
import { HistoryPanel } from './HistoryPanel';
import { useCover, useDraftDocument, type SaveState } from './useDraftDocument';
import type * as Y from 'yjs';

const STATUSES: DraftStatus[] = ['draft', 'ready', 'submitted'];

export function DraftEditorPage({ draftId }: { draftId: string }) {
  const { t } = useTranslation('drafts');
  const lang = useLanguage();
  const draft = useLiveQuery(async () => (await draftById(db, draftId)) ?? null, [draftId]);
  const { doc, saveState } = useDraftDocument(draftId, draft?.language ?? lang);
  const back = <BackLink href={hashOf('drafts')} label={t('list.backToDrafts')} />;
  if (draft === null) {
    return (
      <>
        {back}
        <p>{t('editor.notFound')}</p>
      </>
    );
  }
  if (!draft || !doc) return <p role="status">{t('editor.loading')}</p>;
  return <LoadedEditor back={back} draft={draft} doc={doc} saveState={saveState} />;
}

function LoadedEditor({
  back,
  draft,
  doc,
  saveState,
}: {
  back: React.ReactNode;
  draft: NonNullable<Awaited<ReturnType<typeof draftById>>>;
  doc: Y.Doc;
  saveState: SaveState;
}) {
  const { t } = useTranslation('drafts');
  const cover = useCover(doc, draft.language);
  const meetingsData = useMeetings();
  const [editor, setEditor] = useState<Editor | null>(null);
  const meeting = meetingsData?.meetings.find((m) => m.id === cover.meetingId);
  const deadline = meeting ? (deadlinesOf(meeting).find((d) => d.kind === 'contribution')?.date ?? null) : null;
  const issues = checkDraft(cover, deadline, todayIn(localTimeZone()));

  return (
    <article className="draft-editor">
      {back}
      <div className="draft-header">
        <h1 tabIndex={-1} dir="auto">
          {cover.title || t('list.untitled')}
        </h1>
        <label>
          {t('editor.status')}{' '}
          <select
            value={draft.status}
            onChange={(event) => void setDraftStatus(db, draft.id, event.target.value as DraftStatus)}
          >
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`statuses.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <p
          className={`save-state is-${saveState}`}
          role={saveState === 'failed' ? 'alert' : 'status'}
          data-testid="save-state"
        >
          {saveState === 'failed'
            ? t('editor.notSaved')
            : saveState === 'saving'
              ? t('editor.saving')
              : t('editor.saved')}
        </p>
      </div>
      <CoverForm doc={doc} cover={cover} meetings={meetingsData?.meetings ?? []} groups={meetingsData?.groups ?? []} />
      <BodyEditor doc={doc} language={cover.language} onEditor={setEditor} />
      <ChecksPanel issues={issues} />
      <ExportActions draft={draft} doc={doc} cover={cover} isBlocked={issues.some(isBlocking)} />
      <HistoryPanel draftId={draft.id} doc={doc} editor={editor} />
    </article>
  );
}
