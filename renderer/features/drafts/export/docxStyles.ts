import { AlignmentType, LevelFormat, type INumberingOptions, type IStylesOptions } from 'docx';
import type { LanguageCode } from '../../../i18n/languages';

/** Fonts with the glyphs of every script: Times New Roman (Latin, Cyrillic, Arabic), SimSun (Chinese). */
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun' };
/** Half-points: ITU-T texts are set in 12 pt. */
const TEXT_SIZE = 24;

/**
 * The language Word and LibreOffice check the spelling in. Latin and Cyrillic text takes the draft's
 * language (English text in a Chinese or Arabic draft is English); Chinese text is Simplified
 * Chinese and right-to-left text Arabic, as ITU-T's own files declare them.
 */
const SPELLING: Record<LanguageCode, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  es: 'es-ES',
  ru: 'ru-RU',
  zh: 'en-GB',
  ar: 'en-GB',
};

export function documentLanguage(language: LanguageCode) {
  return { value: SPELLING[language], eastAsia: 'zh-CN', bidirectional: 'ar-SA' };
}

/** A run look that applies to Arabic (complex script) text as well as to Latin text. */
function look(size: number, bold = false) {
  return { size, sizeComplexScript: size, ...(bold ? { bold: true, boldComplexScript: true } : {}) };
}

/** Paragraph style ids: the cover and header are set by style, as ITU-T's templates do, not by direct formatting. */
export const STYLE = {
  header: 'Header',
  coverUnion: 'CoverUnion',
  coverSector: 'CoverSector',
  coverPeriod: 'CoverPeriod',
  coverNumber: 'CoverDocNumber',
  coverGroup: 'CoverGroup',
  coverBanner: 'CoverBanner',
  coverText: 'CoverText',
  coverLabel: 'CoverLabel',
  draftMark: 'DraftMark',
} as const;

/**
 * ITU-T's look: Normal is Times New Roman 12 pt with 6 pt before; headings are bold at the text's size,
 * keep with the next paragraph and never split (the styles of ITU-T's own Word files).
 */
export function contributionStyles(language: LanguageCode): IStylesOptions {
  const heading = (before: number, outlineLevel: number) => ({
    run: look(TEXT_SIZE, true),
    paragraph: { keepNext: true, keepLines: true, spacing: { before, after: 0 }, outlineLevel },
  });
  const coverStyle = (id: string, name: string, run: object, paragraph: object = {}) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    run,
    paragraph: { spacing: { before: 0, after: 0 }, ...paragraph },
  });
  return {
    default: {
      document: {
        run: { font: FONT, ...look(TEXT_SIZE), language: documentLanguage(language) },
        paragraph: { spacing: { before: 120, after: 0 } },
      },
      heading1: heading(360, 0),
      heading2: heading(240, 1),
      heading3: heading(160, 2),
      heading4: heading(160, 3),
    },
    paragraphStyles: [
      coverStyle(STYLE.header, 'header', look(18), { alignment: AlignmentType.CENTER }),
      coverStyle(STYLE.coverUnion, 'Cover union', look(16)),
      coverStyle(STYLE.coverSector, 'Cover sector', look(26, true)),
      coverStyle(STYLE.coverPeriod, 'Cover study period', look(20)),
      coverStyle(STYLE.coverNumber, 'Cover document number', look(32, true), { alignment: AlignmentType.END }),
      coverStyle(STYLE.coverGroup, 'Cover study group', look(28, true), { alignment: AlignmentType.END }),
      coverStyle(STYLE.coverBanner, 'Cover banner', look(28, true), {
        alignment: AlignmentType.CENTER,
        spacing: { before: 160, after: 160 },
      }),
      coverStyle(STYLE.coverText, 'Cover text', look(TEXT_SIZE), { spacing: { before: 40, after: 40 } }),
      coverStyle(STYLE.coverLabel, 'Cover label', look(TEXT_SIZE, true), { spacing: { before: 40, after: 40 } }),
      coverStyle(STYLE.draftMark, 'Draft mark', look(TEXT_SIZE, true), {
        spacing: { before: 0, after: 120 },
        border: {
          top: { style: 'single', size: 12, color: 'C00000', space: 4 },
          bottom: { style: 'single', size: 12, color: 'C00000', space: 4 },
        },
      }),
    ],
  };
}

/** Numbered lists, one definition per starting number used ("3." when the editor's list starts at 3). */
export function numberedListReference(start: number): string {
  return `numbered-from-${start}`;
}

export function numberingConfig(starts: Iterable<number>): INumberingOptions['config'] {
  return [...new Set([1, ...starts])].map((start) => ({
    reference: numberedListReference(start),
    levels: [0, 1, 2, 3].map((level) => ({
      level,
      start,
      format: LevelFormat.DECIMAL,
      text: `%${level + 1}.`,
      alignment: AlignmentType.START,
      style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
    })),
  }));
}
