import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { DraftRecord } from '../../../db/records';
import { bridge } from '../../../platform/bridge';
import { saveDocx } from '../draftActions';
import { bodyJson, type CoverFields } from '../model/draftDoc';
import { encodeGapdraft } from '../model/gapdraft';

/** The draft's language named in itself, capitalised: "English", "Français", "العربية". */
function languageName(code: string): string {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

function fileName(cover: CoverFields, fallback: string): string {
  return (cover.title.trim() || fallback).slice(0, 80);
}

export function ExportActions({
  draft,
  doc,
  cover,
  isBlocked,
}: {
  draft: DraftRecord;
  doc: Y.Doc;
  cover: CoverFields;
  isBlocked: boolean;
}) {
  const { t } = useTranslation('drafts');
  const [outcome, setOutcome] = useState<'saved' | 'notSaved' | null>(null);

  async function exportDocx() {
    const { contributionBlob } = await import('../export/contributionDocx');
    const blob = await contributionBlob({ cover, body: bodyJson(doc), languageName: languageName(cover.language) });
    setOutcome((await saveDocx(fileName(cover, 'contribution'), blob).catch(() => false)) ? 'saved' : 'notSaved');
  }

  async function exportGapdraft() {
    const text = encodeGapdraft({ ...draft, title: cover.title, language: cover.language }, doc);
    setOutcome(
      (await bridge.saveFile(fileName(cover, 'draft'), text, 'gapdraft').catch(() => false)) ? 'saved' : 'notSaved',
    );
  }

  return (
    <section className="card export" aria-label={t('export.docx')}>
      <button
        type="button"
        className="button primary"
        data-testid="export-docx"
        disabled={isBlocked}
        onClick={() => void exportDocx()}
      >
        {t('export.docx')}
      </button>
      <button type="button" className="button" data-testid="export-gapdraft" onClick={() => void exportGapdraft()}>
        {t('export.gapdraft')}
      </button>
      {isBlocked && <p className="hint">{t('export.blocked')}</p>}
      {outcome && (
        <p className={outcome === 'saved' ? 'notice notice-success' : 'notice notice-warning'} role="status">
          {t(`export.${outcome}`)}
        </p>
      )}
    </section>
  );
}
