import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { DraftRecord } from '../../../db/records';
import { bridge } from '../../../platform/bridge';
import { saveDocx } from '../draftActions';
import { checkCover, isBlocking } from '../model/checks';
import { bodyJson, type CoverFields } from '../model/draftDoc';
import { encodeGapdraft } from '../model/gapdraft';

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

  /** The final contribution, or a copy for national coordination that says what is still missing. */
  async function exportDocx(kind: 'final' | 'coordination') {
    const { contributionBlob } = await import('../export/contributionDocx');
    const blob = await contributionBlob({
      createdAt: draft.createdAt,
      cover,
      body: bodyJson(doc),
      ...(kind === 'coordination' ? { coordination: { missing: checkCover(cover).filter(isBlocking) } } : {}),
    });
    const name = fileName(cover, 'contribution');
    const saved = await saveDocx(
      kind === 'coordination' ? t('export.coordinationFile', { title: name }) : name,
      blob,
    ).catch(() => false);
    setOutcome(saved ? 'saved' : 'notSaved');
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
        onClick={() => void exportDocx('final')}
      >
        {t('export.docx')}
      </button>
      <button
        type="button"
        className="button"
        data-testid="export-coordination"
        onClick={() => void exportDocx('coordination')}
      >
        {t('export.coordination')}
      </button>
      <button type="button" className="button" data-testid="export-gapdraft" onClick={() => void exportGapdraft()}>
        {t('export.gapdraft')}
      </button>
      {isBlocked && <p className="hint">{t('export.blocked')}</p>}
      <p className="hint">{t('export.coordinationHint')}</p>
      {outcome && (
        <p className={outcome === 'saved' ? 'notice notice-success' : 'notice notice-warning'} role="status">
          {t(`export.${outcome}`)}
        </p>
      )}
    </section>
  );
}
