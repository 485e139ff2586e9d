import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftRecord } from '../../../db/records';
import { useLanguage } from '../../../i18n/useLanguage';
import { restoreSnapshot, saveRawDraft } from '../draftActions';
import { HistoryPanel } from './HistoryPanel';
import type { UnopenableReason } from './useDraftDocument';

/**
 * A draft that cannot be opened in the editor, for whatever reason: its history to restore a
 * version from, and its raw stored state to save to a file. Nothing here deletes anything.
 */
export function SafeMode({
  draft,
  reason,
  back,
  onRestored,
}: {
  draft: DraftRecord;
  reason: UnopenableReason;
  back: React.ReactNode;
  onRestored: () => void;
}) {
  const { t } = useTranslation('drafts');
  const lang = useLanguage();
  const [isSaved, setIsSaved] = useState<boolean | null>(null);

  return (
    <article className="draft-editor safe-mode" data-testid="safe-mode">
      {back}
      <h1 tabIndex={-1} dir="auto">
        {draft.title || t('list.untitled')}
      </h1>
      <section className="card" aria-labelledby="safe-mode-heading">
        <h2 id="safe-mode-heading">{t('safeMode.heading')}</h2>
        <p className="notice notice-warning" role="alert" data-testid="safe-mode-reason">
          {t(`safeMode.reasons.${reason}`)}
        </p>
        <p>{t('safeMode.explain')}</p>
        <button
          type="button"
          className="button"
          data-testid="export-raw"
          onClick={() => void saveRawDraft(draft).then(setIsSaved, () => setIsSaved(false))}
        >
          {t('safeMode.exportRaw')}
        </button>
        {isSaved !== null && (
          <p className={isSaved ? 'notice notice-success' : 'notice notice-warning'} role="status">
            {t(isSaved ? 'export.saved' : 'export.notSaved')}
          </p>
        )}
      </section>
      <HistoryPanel
        draftId={draft.id}
        doc={null}
        restore={async (snapshot) => {
          const isRestored = await restoreSnapshot(draft.id, snapshot.id, draft.language ?? lang);
          if (isRestored) onRestored();
          return isRestored;
        }}
      />
    </article>
  );
}
