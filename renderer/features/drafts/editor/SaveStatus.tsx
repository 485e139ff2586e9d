import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { spaceToFree, storageSpace, type StorageSpace } from '../../../db/storage';
import { formatBytes } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/useLanguage';
import type { DraftWriter, WriterState } from './draftWriter';
import { saveStateOf } from './useDraftDocument';

/** "Saved", "Saving…" or "Not saved yet", beside the title. */
export function SaveStatus({ state }: { state: WriterState }) {
  const { t } = useTranslation('drafts');
  const saveState = saveStateOf(state);
  return (
    <p className={`save-state is-${saveState}`} role="status" data-testid="save-state">
      {saveState === 'failed'
        ? t('editor.notSavedYet')
        : saveState === 'saving'
          ? t('editor.saving')
          : t('editor.saved')}
    </p>
  );
}

/**
 * While changes wait in memory: how many, why, what to free, and a way to try again now. It stays
 * in view (sticky) while the delegate scrolls and types further down.
 */
export function NotSavedNotice({ writer, state }: { writer: DraftWriter; state: WriterState }) {
  return state.failure ? <NotSaved writer={writer} state={state} /> : null;
}

function NotSaved({ writer, state }: { writer: DraftWriter; state: WriterState }) {
  const { t } = useTranslation('drafts');
  const lang = useLanguage();
  const [space, setSpace] = useState<StorageSpace | null>(null);
  const isDiskFull = state.failure === 'disk-full';
  useEffect(() => {
    if (isDiskFull) void storageSpace().then(setSpace);
  }, [isDiskFull]);

  return (
    <div className="notice notice-warning not-saved" role="alert" data-testid="not-saved">
      <p>{t('editor.unsaved', { count: state.waiting })}</p>
      <p>
        {isDiskFull
          ? t('editor.diskFull', { needed: formatBytes(spaceToFree(state.waitingBytes), lang) })
          : t('editor.writeFailed')}
      </p>
      {isDiskFull && space && (
        <p data-testid="storage-use">
          {t('editor.storageUse', { usage: formatBytes(space.usage, lang), quota: formatBytes(space.quota, lang) })}
        </p>
      )}
      <button type="button" className="button" data-testid="retry-save" onClick={() => writer.retryNow()}>
        {t('editor.retryNow')}
      </button>
    </div>
  );
}
