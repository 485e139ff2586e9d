import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { directionOf } from '../../../i18n/languages';
import type { BodyNode, CoverFields } from '../model/draftDoc';
import { COVER_LABELS } from './coverLabels';

/** Fonts with the glyphs of every script: Times New Roman (Latin, Cyrillic, Arabic), SimSun (Chinese). */
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun' };
const SIZE = 24; // half-points: 12 pt, as ITU-T documents are set
const NUMBERED = 'numbered';
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];

export interface ContributionInput {
  cover: CoverFields;
  body: BodyNode;
  /** The language's own name for the draft's language, e.g. "English", "français". */
  languageName: string;
}

interface Context {
  isRtl: boolean;
  /** Ordered lists restart their numbering: one instance each. */
  nextListInstance: number;
}

/** A run of text; Arabic and other complex scripts carry their own bold, italic and size in Word. */
function run(text: string, context: Context, options: Omit<IRunOptions, 'text'> = {}): TextRun {
  const size = options.size ?? SIZE;
  return new TextRun({
    text,
    font: FONT,
    rightToLeft: context.isRtl,
    ...options,
    size,
    sizeComplexScript: size,
    ...(options.bold ? { boldComplexScript: true } : {}),
    ...(options.italics ? { italicsComplexScript: true } : {}),
  });
}

function inlineChildren(nodes: readonly BodyNode[] = [], context: Context): ParagraphChild[] {
  return nodes.map((node) => {
    if (node.type === 'hardBreak') return run('', context, { break: 1 });
    const marks = new Set((node.marks ?? []).map((m) => m.type));
    const link = node.marks?.find((m) => m.type === 'link')?.attrs?.href;
    const textRun = run(node.text ?? '', context, {
      bold: marks.has('bold'),
      italics: marks.has('italic'),
      ...(typeof link === 'string' ? { style: 'Hyperlink' } : {}),
    });
    return typeof link === 'string' ? new ExternalHyperlink({ link, children: [textRun] }) : textRun;
  });
}

function paragraph(children: ParagraphChild[], context: Context, options: Record<string, unknown> = {}): Paragraph {
  return new Paragraph({ children, bidirectional: context.isRtl, spacing: { after: 120 }, ...options });
}

type Block = Paragraph | Table;

function listBlocks(list: BodyNode, context: Context, level: number, instance: number | null): Block[] {
  return (list.content ?? []).flatMap((item) =>
    (item.content ?? []).flatMap((child) => {
      if (child.type === 'bulletList') return listBlocks(child, context, level + 1, null);
      if (child.type === 'orderedList') return listBlocks(child, context, level + 1, context.nextListInstance++);
      const numbering =
        instance === null ? { bullet: { level } } : { numbering: { reference: NUMBERED, level, instance } };
      return [paragraph(inlineChildren(child.content, context), context, numbering)];
    }),
  );
}

function tableBlock(table: BodyNode, context: Context): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    visuallyRightToLeft: context.isRtl,
    rows: (table.content ?? []).map(
      (row) =>
        new TableRow({
          children: (row.content ?? []).map(
            (cell) =>
              new TableCell({
                children: (cell.content ?? []).flatMap((block) => bodyBlocks([block], context)),
                ...(cell.type === 'tableHeader' ? { shading: { type: ShadingType.CLEAR, fill: 'E7E6E6' } } : {}),
              }),
          ),
        }),
    ),
  });
}

function bodyBlocks(nodes: readonly BodyNode[], context: Context): Block[] {
  return nodes.flatMap((node): Block[] => {
    switch (node.type) {
      case 'heading': {
        const level = Math.min(Math.max(Number(node.attrs?.level ?? 1), 1), 4);
        return [paragraph(inlineChildren(node.content, context), context, { heading: HEADINGS[level - 1] })];
      }
      case 'bulletList':
        return listBlocks(node, context, 0, null);
      case 'orderedList':
        return listBlocks(node, context, 0, context.nextListInstance++);
      case 'table':
        return [tableBlock(node, context), paragraph([], context)];
      case 'blockquote':
        return bodyBlocks(node.content ?? [], context);
      case 'paragraph':
        return [paragraph(inlineChildren(node.content, context), context)];
      default:
        return node.content ? bodyBlocks(node.content, context) : [];
    }
  });
}

function cell(children: Paragraph[], widthPercent: number, options: Record<string, unknown> = {}): TableCell {
  return new TableCell({ children, width: { size: widthPercent, type: WidthType.PERCENTAGE }, ...options });
}

/** The cover page's header table, row by row as ITU-T's contribution template lays it out. */
function headerTable(input: ContributionInput, context: Context): Table {
  const { cover } = input;
  const labels = COVER_LABELS[cover.language];
  const line = (text: string, options: Omit<IRunOptions, 'text'> = {}) =>
    paragraph([run(text, context, options)], context);
  const labelled = (label: string, value: string) =>
    new TableRow({
      children: [cell([line(label, { bold: true })], 20), cell([line(value)], 80, { columnSpan: 2 })],
    });
  const groupNumber = /^SG(\d+)$/i.exec(cover.studyGroup.trim())?.[1] ?? 'xx';
  const contacts = cover.contacts
    .filter((c) => c.name.trim())
    .map(
      (c) =>
        new TableRow({
          children: [
            cell([line(labels.contact, { bold: true })], 20),
            cell([line(c.name), line(c.organization), line(c.country)], 45),
            cell([line(`${labels.phone} ${c.phone}`), line(`${labels.email} ${c.email}`)], 35),
          ],
        }),
    );
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    visuallyRightToLeft: context.isRtl,
    rows: [
      new TableRow({
        children: [
          cell(
            [line(labels.union, { bold: true }), line(labels.sector, { bold: true }), line(labels.studyPeriod)],
            65,
            {
              columnSpan: 2,
            },
          ),
          cell([line(`SG${groupNumber}-C0xxx`, { bold: true, size: 32 })], 35),
        ],
      }),
      new TableRow({
        children: [
          cell([line(labels.studyGroup(cover.studyGroup), { bold: true })], 65, { columnSpan: 2 }),
          cell([line(labels.original(input.languageName))], 35),
        ],
      }),
      new TableRow({
        children: [
          cell([line(labels.questions, { bold: true })], 20),
          cell([line(cover.questions)], 45),
          cell([line(cover.placeAndDate)], 35),
        ],
      }),
      new TableRow({
        children: [
          cell(
            [
              paragraph([run(labels.banner, context, { bold: true, size: 28 })], context, {
                alignment: AlignmentType.CENTER,
              }),
            ],
            100,
            {
              columnSpan: 3,
            },
          ),
        ],
      }),
      labelled(labels.source, cover.source),
      labelled(labels.title, cover.title),
      labelled(labels.purpose, labels.purposes[cover.purpose]),
      ...contacts,
    ],
  });
}

/** A Word document laid out as an ITU-T contribution: header table, keywords, abstract, body. */
export function buildContribution(input: ContributionInput): Document {
  const { cover } = input;
  const labels = COVER_LABELS[cover.language];
  const context: Context = { isRtl: directionOf(cover.language) === 'rtl', nextListInstance: 0 };
  const labelledParagraph = (label: string, value: string) =>
    paragraph([run(`${label} `, context, { bold: true }), run(value, context)], context);
  const abstract = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    visuallyRightToLeft: context.isRtl,
    rows: [
      new TableRow({
        children: [
          cell([paragraph([run(labels.abstract, context, { bold: true })], context)], 20),
          cell([paragraph([run(cover.abstract, context)], context)], 80),
        ],
      }),
    ],
  });
  return new Document({
    creator: 'Gapbridge',
    title: cover.title,
    styles: {
      default: { document: { run: { font: FONT, size: SIZE } } },
      // ITU-T texts set headings in black bold, a size above the text.
      paragraphStyles: [28, 26, 24, 24].map((size, index) => ({
        id: `Heading${index + 1}`,
        name: `Heading ${index + 1}`,
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: FONT, size, sizeComplexScript: size, bold: true, boldComplexScript: true, color: '000000' },
        paragraph: { spacing: { before: 240, after: 120 } },
      })),
    },
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [0, 1, 2, 3].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        children: [
          headerTable(input, context),
          paragraph([], context),
          labelledParagraph(labels.keywords, cover.keywords),
          abstract,
          paragraph([], context),
          ...bodyBlocks(input.body.content ?? [], context),
        ],
      },
    ],
  });
}

export function contributionBlob(input: ContributionInput): Promise<Blob> {
  return Packer.toBlob(buildContribution(input));
}
