import { Document, Header, Packer, Paragraph, PageNumber, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { directionOf } from '../../../i18n/languages';
import type { DraftIssue } from '../model/checks';
import type { BodyNode, CoverFields } from '../model/draftDoc';
import { bodyBlocks, bodyParagraph, type BodyContext } from './bodyDocx';
import { coverHeader, coverSummary, draftMark } from './coverDocx';
import { COVER_LABELS, documentNumber, type CoverLabels } from './coverLabels';
import { contributionStyles, numberingConfig, STYLE } from './docxStyles';

export interface ContributionInput {
  cover: CoverFields;
  body: BodyNode;
  /**
   * A copy for national coordination, exported before the cover is complete: marked as a draft on
   * every page, with what is still missing listed on the first. Absent for the final contribution.
   */
  coordination?: { missing: readonly DraftIssue[] };
}

/** The draft's language named as that language writes it: "English", "français", "العربية". */
export function languageName(code: CoverFields['language']): string {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  // English capitalises language names; French, Spanish and Russian do not, and Intl knows it.
  return code === 'en' ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

function missingName(issue: DraftIssue, labels: CoverLabels): string | null {
  switch (issue.code) {
    case 'missing':
      return labels.missing[issue.field];
    case 'questions-format':
      return labels.missing.questionsFormat;
    case 'contact-email':
      return labels.missing.contactEmail(issue.index + 1);
    default:
      return null;
  }
}

/** Page 2 onwards: "- 2 -" and the document number, centred, as ITU-T documents carry them. */
function runningHeader(cover: CoverFields, context: BodyContext, mark: string | null): Header {
  const paragraph = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) =>
    new Paragraph({
      style: STYLE.header,
      ...(context.isRtl ? { bidirectional: true } : {}),
      children: [new TextRun({ children, ...(context.isRtl ? { rightToLeft: true } : {}) })],
    });
  return new Header({
    children: [
      ...(mark ? [paragraph([mark])] : []),
      paragraph(['- ', PageNumber.CURRENT, ' -']),
      paragraph([documentNumber(cover.studyGroup)]),
    ],
  });
}

/** A Word document laid out as an ITU-T contribution: header table, keywords and abstract, body. */
export function buildContribution(input: ContributionInput): Document {
  const { cover, coordination } = input;
  const labels = COVER_LABELS[cover.language];
  const context: BodyContext = {
    isRtl: directionOf(cover.language) === 'rtl',
    nextListInstance: 0,
    listStarts: new Set(),
  };
  const body = bodyBlocks(input.body.content ?? [], context);
  const missing = (coordination?.missing ?? [])
    .map((issue) => missingName(issue, labels))
    .filter((name): name is string => name !== null);
  return new Document({
    creator: 'Gapbridge',
    title: cover.title,
    styles: contributionStyles(cover.language),
    numbering: { config: numberingConfig(context.listStarts) },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134, header: 567 } },
        },
        headers: {
          first: new Header({ children: [new Paragraph({})] }),
          default: runningHeader(cover, context, coordination ? labels.draftMark : null),
        },
        children: [
          ...(coordination ? draftMark(cover.language, missing, context) : []),
          coverHeader(cover, languageName(cover.language), context),
          coverSummary(cover, context),
          bodyParagraph([], context),
          ...body,
        ],
      },
    ],
  });
}

/** Zip entries' times: the earliest a zip can hold, the same on every export. */
const ZIP_TIME = new Date('1980-01-01T00:00:00Z');

/**
 * The same draft gives the same file, byte for byte, wherever and whenever it is exported (two
 * co-authors compare theirs): the document's created and modified times are the draft's creation,
 * not the moment of export, and the zip's entries carry one fixed time.
 */
export function stableDocx(packed: Uint8Array, createdAt: string): Uint8Array {
  const files = unzipSync(packed);
  const stamp = new Date(createdAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  renameRandomIds(files);
  const core = files['docProps/core.xml'];
  if (core) {
    files['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(
        /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
        (_match, open: string, _name: string, close: string) => `${open}${stamp}${close}`,
      ),
    );
  }
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, [bytes, { mtime: ZIP_TIME }]])),
  );
}

/**
 * docx names hyperlinks' relationships with random ids (nanoid): they become `rIdGb<n>`, in the
 * order their relationship files list them, everywhere they appear.
 */
function renameRandomIds(files: Record<string, Uint8Array>): void {
  const names = Object.keys(files).filter((name) => /\.(xml|rels)$/.test(name));
  const texts = new Map(names.map((name) => [name, strFromU8(files[name]!)]));
  const renamed = new Map<string, string>();
  for (const [name, text] of texts) {
    if (!name.endsWith('.rels')) continue;
    for (const [, id] of text.matchAll(/\bId="(rId[a-z0-9_-]{21})"/g)) {
      if (!renamed.has(id!)) renamed.set(id!, `rIdGb${renamed.size + 1}`);
    }
  }
  if (renamed.size === 0) return;
  const pattern = new RegExp(`"(${[...renamed.keys()].map((id) => id.replace(/-/g, '\\-')).join('|')})"`, 'g');
  for (const [name, text] of texts) {
    const next = text.replace(pattern, (_match, id: string) => `"${renamed.get(id)}"`);
    if (next !== text) files[name] = strToU8(next);
  }
}

export async function contributionBlob(input: ContributionInput & { createdAt: string }): Promise<Blob> {
  const packed = new Uint8Array(await (await Packer.toBlob(buildContribution(input))).arrayBuffer());
  return new Blob([stableDocx(packed, input.createdAt) as Uint8Array<ArrayBuffer>], {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
}
