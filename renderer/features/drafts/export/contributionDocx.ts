import { Document, Header, Packer, Paragraph, PageNumber, TextRun } from 'docx';
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

export function contributionBlob(input: ContributionInput): Promise<Blob> {
  return Packer.toBlob(buildContribution(input));
}
