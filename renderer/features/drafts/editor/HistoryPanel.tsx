import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { db } from '../../../db';
import { snapshotsOf, takeSnapshot } from '../../../db/drafts';
import { useLiveQuery } from '../../../db/hooks';
import type { DraftSnapshotRecord } from '../../../db/records';
import { formatDate } from '../../../i18n/format';
import { useLanguage } from '../../course/useCourse';
import { bodyJson, bodyText, readCover, writeCover } from '../model/draftDoc';

function snapshotDoc(snapshot: DraftSnapshotRecord): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, snapshot.state);
  return doc;
}

/**
 * Snapshots of the draft: taken every few minutes while writing and on demand. Restoring first
 * keeps the present version as a snapshot, so a restore can itself be undone.
 */
export function HistoryPanel({ draftId, doc, editor }: { draftId: string; doc: Y.Doc; editor: Editor | null }) {
  const { t } = useTranslation('drafts');
  const lang = useLanguage();
  const snapshots = useLiveQuery(() => snapshotsOf(db, draftId), [draftId]);
  const [viewing, setViewing] = useState<string | null>(null);
  const [hasRestored, setHasRestored] = useState(false);

  async function restore(snapshot: DraftSnapshotRecord) {
    await takeSnapshot(db, draftId, doc, 'before-restore');
    const old = snapshotDoc(snapshot);
    writeCover(doc, readCover(old, readCover(doc, lang).language));
    editor?.commands.setContent(bodyJson(old));
    setHasRestored(true);
  }

  return (
    <section className="card history" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history.heading')}</h2>
      <button
        type="button"
        className="button"
        data-testid="take-snapshot"
        onClick={() => void takeSnapshot(db, draftId, doc, 'manual')}
      >
        {t('history.take')}
      </button>
      {hasRestored && (
        <p className="notice notice-success" role="status">
          {t('history.restored')}
        </p>
      )}
      {snapshots?.length === 0 && <p className="hint">{t('history.empty')}</p>}
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
            <button type="button" className="button subtle" onClick={() => void restore(snapshot)}>
              {t('history.restore')}
            </button>
            {viewing === snapshot.id && <SnapshotView snapshot={snapshot} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

function SnapshotView({ snapshot }: { snapshot: DraftSnapshotRecord }) {
  const doc = snapshotDoc(snapshot);
  const cover = readCover(doc, 'en');
  return (
    <div className="snapshot-view" dir="auto" data-testid="snapshot-view">
      <p>
        <strong>{cover.title}</strong>
      </p>
      <pre>{bodyText(bodyJson(doc))}</pre>
    </div>
  );
}
