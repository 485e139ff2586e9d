import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type { CoverFields } from '../model/draftDoc';
import type { BodyContext } from './bodyDocx';
import { COVER_LABELS, documentNumber, joinLabel, type CoverLabels } from './coverLabels';
import { STYLE } from './docxStyles';

/** The text width of an A4 page with 2 cm margins, in twentieths of a point. */
export const TEXT_WIDTH = 9638;
/**
 * The cover's three columns, in the order of ITU-T's contribution template (as Metanorma models
 * it: 11.8 %, 41.2 %, 47 %), widened where 12 pt text needs it: labels of 85 pt, so "Question(s):"
 * stays on one line, and a right-hand column (document number, place and date, the contacts'
 * telephone and e-mail) of 260 pt, so a 35-character e-mail address does not wrap.
 */
const LABEL_WIDTH = 1700;
const RIGHT_WIDTH = 5200;
const VALUE_WIDTH = TEXT_WIDTH - LABEL_WIDTH - RIGHT_WIDTH;
const COLUMNS = [LABEL_WIDTH, VALUE_WIDTH, RIGHT_WIDTH];
/** Left-to-right embedding: a telephone number or address keeps its order in a right-to-left line. */
const LTR = (text: string) => `\u202A${text}\u202C`;

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

function line(text: string, style: string, context: BodyContext, extra: Record<string, unknown> = {}): Paragraph {
  return new Paragraph({
    style,
    ...(context.isRtl ? { bidirectional: true } : {}),
    children: text ? [new TextRun({ text, ...(context.isRtl ? { rightToLeft: true } : {}) })] : [],
    ...extra,
  });
}

function cell(children: Paragraph[], columns: readonly number[], options: Record<string, unknown> = {}): TableCell {
  const width = columns.reduce((sum, column) => sum + column, 0);
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    ...(columns.length > 1 ? { columnSpan: columns.length } : {}),
    ...options,
  });
}

function coverTable(rows: TableRow[], columns: readonly number[], context: BodyContext): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [...columns],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    visuallyRightToLeft: context.isRtl,
    rows,
  });
}

function labelledRow(label: string, value: string, context: BodyContext): TableRow {
  return new TableRow({
    children: [
      cell([line(label, STYLE.coverLabel, context)], [LABEL_WIDTH]),
      cell([line(value, STYLE.coverText, context)], [VALUE_WIDTH, RIGHT_WIDTH]),
    ],
  });
}

/** "Tel:<tab>+41 22 …": the value at a tab stop, so the numbers and addresses line up. */
function tabbed(label: string, value: string, tab: number, context: BodyContext): Paragraph {
  return new Paragraph({
    style: STYLE.coverText,
    ...(context.isRtl ? { bidirectional: true } : {}),
    tabStops: [{ type: TabStopType.LEFT, position: tab }],
    children: [
      new TextRun({ children: [label, new Tab()], ...(context.isRtl ? { rightToLeft: true } : {}) }),
      new TextRun(context.isRtl && value ? LTR(value) : value),
    ],
  });
}

function contactRows(cover: CoverFields, labels: CoverLabels, context: BodyContext): TableRow[] {
  return cover.contacts
    .filter((c) => c.name.trim())
    .map(
      (c) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell([line(labels.contact, STYLE.coverLabel, context)], [LABEL_WIDTH]),
            cell(
              [c.name, c.organization, c.country]
                .filter((part) => part.trim())
                .map((part) => line(part, STYLE.coverText, context)),
              [VALUE_WIDTH],
            ),
            cell(
              [
                tabbed(labels.phone, c.phone, labels.contactTab, context),
                tabbed(labels.email, c.email, labels.contactTab, context),
              ],
              [RIGHT_WIDTH],
            ),
          ],
        }),
    );
}

/**
 * The cover page's header table, as ITU-T's contribution template lays it out: the Union and the
 * study period at the top left, the document number, the study group and the original language at
 * the top right; then Question(s) with the place and date, the CONTRIBUTION banner, Source, Title
 * and one row per contact. (ITU's logo is left out: Gapbridge is not ITU.)
 */
export function coverHeader(cover: CoverFields, languageName: string, context: BodyContext): Table {
  const labels = COVER_LABELS[cover.language];
  const underHeader = { borders: { bottom: RULE } };
  return coverTable(
    [
      new TableRow({
        children: [
          cell(
            [
              line(labels.union, STYLE.coverUnion, context),
              line(labels.sector, STYLE.coverSector, context),
              line(labels.studyPeriod, STYLE.coverPeriod, context),
            ],
            [LABEL_WIDTH, VALUE_WIDTH],
            underHeader,
          ),
          cell(
            [
              line(documentNumber(cover.studyGroup), STYLE.coverNumber, context),
              line(labels.studyGroup(cover.studyGroup), STYLE.coverGroup, context),
              line(labels.original(languageName), STYLE.coverGroup, context),
            ],
            [RIGHT_WIDTH],
            underHeader,
          ),
        ],
      }),
      new TableRow({
        children: [
          cell([line(labels.questions, STYLE.coverLabel, context)], [LABEL_WIDTH]),
          cell([line(cover.questions, STYLE.coverText, context)], [VALUE_WIDTH]),
          cell([line(cover.placeAndDate, STYLE.coverText, context, { alignment: AlignmentType.END })], [RIGHT_WIDTH]),
        ],
      }),
      new TableRow({
        children: [cell([line(labels.banner, STYLE.coverBanner, context)], COLUMNS, { borders: { top: RULE } })],
      }),
      labelledRow(labels.source, cover.source, context),
      labelledRow(labels.title, cover.title, context),
      ...contactRows(cover, labels, context),
    ],
    COLUMNS,
    context,
  );
}

/** Keywords and Abstract, in their own table after the header, as the template has them. */
export function coverSummary(cover: CoverFields, context: BodyContext): Table {
  const labels = COVER_LABELS[cover.language];
  const row = (label: string, value: string, borders: object) =>
    new TableRow({
      children: [
        cell([line(label, STYLE.coverLabel, context)], [LABEL_WIDTH], { borders }),
        cell([line(value, STYLE.coverText, context)], [TEXT_WIDTH - LABEL_WIDTH], { borders }),
      ],
    });
  return coverTable(
    [row(labels.keywords, cover.keywords, { top: RULE }), row(labels.abstract, cover.abstract, { bottom: RULE })],
    [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH],
    context,
  );
}

/** The mark of a copy for national coordination: what it is, and what is still to be filled in. */
export function draftMark(language: CoverFields['language'], missing: readonly string[], context: BodyContext) {
  const labels = COVER_LABELS[language];
  const list = new Intl.ListFormat(language, { type: 'unit', style: 'short' }).format(missing);
  return [
    line(labels.draftMark, STYLE.draftMark, context),
    ...(missing.length > 0
      ? [line(joinLabel(labels.stillMissing, list), STYLE.coverText, context, { spacing: { after: 240 } })]
      : []),
  ];
}
