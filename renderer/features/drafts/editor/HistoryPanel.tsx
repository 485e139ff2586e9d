import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { db } from '../../../db';
import { snapshotsOf } from '../../../db/drafts';
import { useLiveQuery } from '../../../db/hooks';
import type { DraftSnapshotRecord } from '../../../db/records';
import { formatDate } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/useLanguage';
import { bodyJson, bodyText, readCover } from '../model/draftDoc';
import { keepVersion } from '../draftActions';
import { isSharedDraft, useDraftAccess } from '../sharing/useDraftAccess';

function snapshotDoc(snapshot: DraftSnapshotRecord): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, snapshot.state);
  return doc;
}

/**
 * Snapshots of the draft: taken every few minutes while writing, on demand, and before every
 * merge and restore. Restoring first keeps the present version as a snapshot, so a restore can
 * itself be undone. In safe mode there is no open document (`doc` null): restoring is the way out.
 */
export function HistoryPanel({
  draftId,
  doc,
  restore,
}: {
  draftId: string;
  doc: Y.Doc | null;
  /** False when the snapshot cannot be restored (it would not open either). */
  restore: (snapshot: DraftSnapshotRecord) => Promise<boolean>;
}) {
  const { t } = useTranslation('drafts');
  const lang = useLanguage();
  const snapshots = useLiveQuery(() => snapshotsOf(db, draftId), [draftId]);
  const [viewing, setViewing] = useState<string | null>(null);
  const [restored, setRestored] = useState<boolean | null>(null);
  const access = useDraftAccess(draftId);
  const isShared = isSharedDraft(access);
  // A reader changes nothing: no restore, no snapshot of their own to take.
  const isReader = access?.role === 'reader';

  function restoreIfConfirmed(snapshot: DraftSnapshotRecord) {
    // The restore is an ordinary change that syncs: on a shared draft, it takes co-authors' later text away too.
    if (isShared && !window.confirm(t('history.sharedRestoreConfirm'))) return;
    void restore(snapshot).then(setRestored, () => setRestored(false));
  }

  return (
    <section className="card history" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history.heading')}</h2>
      {isShared && !isReader && (
        <p className="hint" data-testid="shared-restore-hint">
          {t('history.sharedRestoreHint')}
        </p>
      )}
      {doc && !isReader && (
        <button
          type="button"
          className="button"
          data-testid="take-snapshot"
          onClick={() => void keepVersion(draftId, doc, 'manual')}
        >
          {t('history.take')}
        </button>
      )}
      {restored !== null && (
        <p className={restored ? 'notice notice-success' : 'notice notice-warning'} role="status">
          {restored ? t('history.restored') : t('history.notRestorable')}
        </p>
      )}
      {snapshots?.length === 0 && <p className="hint">{doc ? t('history.empty') : t('safeMode.noSnapshots')}</p>}
      <ol className="snapshot-list" data-testid="snapshots">
        {snapshots?.map((snapshot) => (
          <li key={snapshot.id}>
            <span>
              {formatDate(new Date(snapshot.createdAt), lang, { dateStyle: 'medium', timeStyle: 'short' })} ·{' '}
              {t(`history.kinds.${snapshot.kind}`)}
            </span>
            <button
              type="button"
              className="button subtle"
              onClick={() => setViewing(viewing === snapshot.id ? null : snapshot.id)}
            >
              {viewing === snapshot.id ? t('history.hide') : t('history.view')}
            </button>
            {!isReader && (
              <button type="button" className="button subtle" onClick={() => restoreIfConfirmed(snapshot)}>
                {t('history.restore')}
              </button>
            )}
            {viewing === snapshot.id && <SnapshotView snapshot={snapshot} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

function SnapshotView({ snapshot }: { snapshot: DraftSnapshotRecord }) {
  const { t } = useTranslation('drafts');
  let title: string;
  let text: string;
  try {
    const doc = snapshotDoc(snapshot);
    title = String(readCover(doc, 'en').title);
    text = bodyText(bodyJson(doc));
  } catch {
    return <p className="hint">{t('history.notReadable')}</p>;
  }
  return (
    <div className="snapshot-view" dir="auto" data-testid="snapshot-view">
      <p>
        <strong>{title}</strong>
      </p>
      <pre>{text}</pre>
    </div>
  );
}
