import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { db } from '../../../db';
import { draftById } from '../../../db/drafts';
import { useLiveQuery } from '../../../db/hooks';
import type { DraftRecord, DraftSnapshotRecord, DraftStatus } from '../../../db/records';
import { guardLeaving, hashOf } from '../../../state/view';
import { BackLink } from '../../../ui/BackLink';
import { useLanguage } from '../../../i18n/useLanguage';
import { checkDraft, isBlocking } from '../model/checks';
import { restoreVersion } from '../model/draftChange';
import { validSnapshotDoc } from '../model/validateDraft';
import { BodyEditor } from './BodyEditor';
import { ChecksPanel } from './ChecksPanel';
import { CoverForm } from './CoverForm';
import { DraftErrorBoundary } from './DraftErrorBoundary';
import type { DraftWriter, WriterState } from './draftWriter';
import { ExportActions } from './ExportActions';
import { HistoryPanel } from './HistoryPanel';
import { SafeMode } from './SafeMode';
import { NotSavedNotice, SaveStatus } from './SaveStatus';
import { useCover, useDraftDocument } from './useDraftDocument';
import { deadlinesOf, localTimeZone, todayIn, useMeetings } from '../../meetings';
import { keepVersion, setStatus } from '../draftActions';
import { useLiveSync } from '../sharing/shareActions';
import { SharePanel } from '../sharing/SharePanel';
import { isSharedDraft, useDraftAccess } from '../sharing/useDraftAccess';
import { useIsOnline } from '../../../sync/connectivity';

const STATUSES: DraftStatus[] = ['draft', 'ready', 'submitted'];

/** While changes wait in memory (a full disk), leaving the draft asks first. */
function useLeaveGuard(writer: DraftWriter) {
  const { t } = useTranslation('drafts');
  useEffect(
    () =>
      guardLeaving(() => {
        const { waiting } = writer.state();
        return waiting === 0 || window.confirm(t('editor.leaveUnsaved', { count: waiting }));
      }),
    [writer, t],
  );
}

export function DraftEditorPage({ draftId }: { draftId: string }) {
  const { t } = useTranslation('drafts');
  const lang = useLanguage();
  const draft = useLiveQuery(async () => (await draftById(db, draftId)) ?? null, [draftId]);
  const [openings, setOpenings] = useState(0);
  const { opened, writer, writerState } = useDraftDocument(draftId, draft?.language ?? lang, openings);
  useLeaveGuard(writer);
  const back = <BackLink href={hashOf('drafts')} label={t('list.backToDrafts')} />;
  if (draft === null) {
    return (
      <>
        {back}
        <p>{t('editor.notFound')}</p>
      </>
    );
  }
  if (!draft || opened.status === 'loading') return <p role="status">{t('editor.loading')}</p>;
  const reopen = () => setOpenings((n) => n + 1);
  if (opened.status === 'unopenable') {
    return <SafeMode draft={draft} reason={opened.reason} back={back} onRestored={reopen} />;
  }
  return (
    <DraftErrorBoundary
      key={openings}
      fallback={<SafeMode draft={draft} reason="crashed" back={back} onRestored={reopen} />}
    >
      <LoadedEditor back={back} draft={draft} doc={opened.doc} writer={writer} writerState={writerState} />
    </DraftErrorBoundary>
  );
}

function LoadedEditor({
  back,
  draft,
  doc,
  writer,
  writerState,
}: {
  back: React.ReactNode;
  draft: DraftRecord;
  doc: Y.Doc;
  writer: DraftWriter;
  writerState: WriterState;
}) {
  const { t } = useTranslation('drafts');
  const cover = useCover(doc, draft.language);
  const meetingsData = useMeetings();
  const meeting = meetingsData?.meetings.find((m) => m.id === cover.meetingId);
  const deadline = meeting ? (deadlinesOf(meeting).find((d) => d.kind === 'contribution')?.date ?? null) : null;
  const issues = checkDraft(cover, deadline, todayIn(localTimeZone()));
  const access = useDraftAccess(draft.id);
  const readOnly = access?.role === 'reader';
  const isOnline = useIsOnline();
  useLiveSync(isOnline && isSharedDraft(access));

  async function restore(snapshot: DraftSnapshotRecord): Promise<boolean> {
    const version = validSnapshotDoc(snapshot.state);
    if (!version) return false;
    await keepVersion(draft.id, doc, 'before-restore');
    restoreVersion(doc, version, cover.language);
    return true;
  }

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
            value={cover.status}
            disabled={readOnly}
            onChange={(event) => setStatus(doc, event.target.value as DraftStatus)}
          >
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`statuses.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <SaveStatus state={writerState} />
      </div>
      <NotSavedNotice writer={writer} state={writerState} />
      {access !== undefined && <SharePanel draftId={draft.id} access={access} />}
      <CoverForm
        doc={doc}
        cover={cover}
        meetings={meetingsData?.meetings ?? []}
        groups={meetingsData?.groups ?? []}
        readOnly={readOnly}
      />
      <BodyEditor doc={doc} language={cover.language} readOnly={readOnly} />
      <ChecksPanel issues={issues} />
      <ExportActions draft={draft} doc={doc} cover={cover} isBlocked={issues.some(isBlocking)} />
      <HistoryPanel draftId={draft.id} doc={doc} restore={restore} />
    </article>
  );
}
