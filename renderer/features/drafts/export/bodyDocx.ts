import {
  ExternalHyperlink,
  HeadingLevel,
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
import { isAllowedLink } from '../model/links';
import type { BodyNode } from '../model/draftDoc';
import { numberedListReference } from './docxStyles';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];

export interface BodyContext {
  isRtl: boolean;
  /** Every list is its own numbering instance, so each starts again at its own first number. */
  nextListInstance: number;
  /** The first numbers of the numbered lists met, for the numbering definitions. */
  listStarts: Set<number>;
}

export type Block = Paragraph | Table;

/**
 * A run of text with only what the text itself carries (bold, italic, direction): size and font come
 * from the paragraph's style, so headings keep their heading look.
 */
export function textRun(text: string, context: BodyContext, options: Omit<IRunOptions, 'text'> = {}): TextRun {
  return new TextRun({
    text,
    ...(context.isRtl ? { rightToLeft: true } : {}),
    ...options,
    ...(options.bold ? { boldComplexScript: true } : {}),
    ...(options.italics ? { italicsComplexScript: true } : {}),
  });
}

export function bodyParagraph(
  children: ParagraphChild[],
  context: BodyContext,
  options: Record<string, unknown> = {},
): Paragraph {
  return new Paragraph({ children, ...(context.isRtl ? { bidirectional: true } : {}), ...options });
}

/** Text with its marks; a link to anything but https or mailto is dropped and its text kept. */
function inlineChildren(nodes: readonly BodyNode[] = [], context: BodyContext): ParagraphChild[] {
  return nodes.map((node) => {
    if (node.type === 'hardBreak') return textRun('', context, { break: 1 });
    const marks = new Set((node.marks ?? []).map((m) => m.type));
    const href = node.marks?.find((m) => m.type === 'link')?.attrs?.href;
    const isLink = isAllowedLink(href);
    const run = textRun(node.text ?? '', context, {
      ...(marks.has('bold') ? { bold: true } : {}),
      ...(marks.has('italic') ? { italics: true } : {}),
      ...(isLink ? { style: 'Hyperlink' } : {}),
    });
    return isLink ? new ExternalHyperlink({ link: href, children: [run] }) : run;
  });
}

function listStart(list: BodyNode): number {
  const start = Number(list.attrs?.start ?? 1);
  return Number.isInteger(start) && start >= 0 ? start : 1;
}

function listBlocks(list: BodyNode, context: BodyContext, level: number): Block[] {
  const numbering =
    list.type === 'orderedList'
      ? {
          reference: numberedListReference(listStart(list)),
          level: Math.min(level, 3),
          instance: context.nextListInstance++,
        }
      : null;
  if (numbering) context.listStarts.add(listStart(list));
  return (list.content ?? []).flatMap((item) =>
    (item.content ?? []).flatMap((child) => {
      if (child.type === 'bulletList' || child.type === 'orderedList') return listBlocks(child, context, level + 1);
      const placement = numbering ? { numbering } : { bullet: { level: Math.min(level, 3) } };
      return [bodyParagraph(inlineChildren(child.content, context), context, placement)];
    }),
  );
}

function tableBlock(table: BodyNode, context: BodyContext): Table {
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

/** The editor's document (ProseMirror JSON) as Word paragraphs and tables. */
export function bodyBlocks(nodes: readonly BodyNode[], context: BodyContext): Block[] {
  return nodes.flatMap((node): Block[] => {
    switch (node.type) {
      case 'heading': {
        const level = Math.min(Math.max(Number(node.attrs?.level ?? 1), 1), 4);
        return [bodyParagraph(inlineChildren(node.content, context), context, { heading: HEADINGS[level - 1] })];
      }
      case 'bulletList':
      case 'orderedList':
        return listBlocks(node, context, 0);
      case 'table':
        return [tableBlock(node, context), bodyParagraph([], context)];
      case 'blockquote':
        return bodyBlocks(node.content ?? [], context);
      case 'paragraph':
        return [bodyParagraph(inlineChildren(node.content, context), context)];
      default:
        return node.content ? bodyBlocks(node.content, context) : [];
    }
  });
}
