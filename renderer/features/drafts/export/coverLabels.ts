import type { LanguageCode } from '../../../i18n/languages';

/** What the coordination copy lists as still to be done, one entry per blocking check. */
export type MissingItem =
  'studyGroup' | 'questions' | 'questionsFormat' | 'source' | 'title' | 'contact' | 'contactEmail' | 'abstract';

/** The fixed words of an ITU-T contribution's cover page, in the draft's own language. */
export interface CoverLabels {
  union: string;
  sector: string;
  studyPeriod: string;
  studyGroup: (group: string) => string;
  original: (language: string) => string;
  questions: string;
  banner: string;
  source: string;
  title: string;
  contact: string;
  phone: string;
  email: string;
  /** Where a telephone number or e-mail address starts after its label, in twentieths of a point. */
  contactTab: number;
  keywords: string;
  abstract: string;
  /** The mark on a copy exported before the cover is complete. */
  draftMark: string;
  stillMissing: string;
  missing: Record<Exclude<MissingItem, 'contactEmail'>, string> & { contactEmail: (number: number) => string };
}

/** French puts a narrow no-break space (U+202F) before a colon, as ITU's French texts do. */
const NNBSP = '\u202F';

/** "SG13" → "13"; anything else (TSAG) as written. */
function groupNumber(group: string): string {
  return /^SG(\d+)$/i.exec(group.trim())?.[1] ?? group.trim();
}

/** The placeholder document number until TSB gives one: "SG12-C0xxx", "TSAG-C0xxx". */
export function documentNumber(group: string): string {
  const trimmed = group.trim();
  if (/^SG\d+$/i.test(trimmed)) return `${trimmed.toUpperCase()}-C0xxx`;
  return `${trimmed || 'SGxx'}-C0xxx`;
}

/** A label and its value: a space after a Latin colon, none after a full-width one ("来源：…"). */
export function joinLabel(label: string, value: string): string {
  return label.endsWith('：') ? `${label}${value}` : `${label} ${value}`;
}

/** Written as ITU-T's templates in each language put them; the hub may correct them later. */
export const COVER_LABELS: Record<LanguageCode, CoverLabels> = {
  en: {
    union: 'INTERNATIONAL TELECOMMUNICATION UNION',
    sector: 'TELECOMMUNICATION STANDARDIZATION SECTOR',
    studyPeriod: 'STUDY PERIOD 2025-2028',
    studyGroup: (g) => (/^SG/i.test(g) ? `STUDY GROUP ${groupNumber(g)}` : g),
    original: (l) => `Original: ${l}`,
    questions: 'Question(s):',
    banner: 'CONTRIBUTION',
    source: 'Source:',
    title: 'Title:',
    contact: 'Contact:',
    phone: 'Tel:',
    email: 'E-mail:',
    contactTab: 1000,
    keywords: 'Keywords:',
    abstract: 'Abstract:',
    draftMark: 'DRAFT — for national coordination',
    stillMissing: 'Still to complete:',
    missing: {
      studyGroup: 'Study group',
      questions: 'Question(s)',
      questionsFormat: 'Question(s), written as 9/12',
      source: 'Source',
      title: 'Title',
      contact: 'Contact',
      contactEmail: (n) => `E-mail of contact ${n}`,
      abstract: 'Abstract',
    },
  },
  fr: {
    union: 'UNION INTERNATIONALE DES TÉLÉCOMMUNICATIONS',
    sector: 'SECTEUR DE LA NORMALISATION DES TÉLÉCOMMUNICATIONS',
    studyPeriod: "PÉRIODE D'ÉTUDES 2025-2028",
    studyGroup: (g) => (/^SG/i.test(g) ? `COMMISSION D'ÉTUDES ${groupNumber(g)}` : g),
    original: (l) => `Original${NNBSP}: ${l}`,
    questions: `Question(s)${NNBSP}:`,
    banner: 'CONTRIBUTION',
    source: `Source${NNBSP}:`,
    title: `Titre${NNBSP}:`,
    contact: `Contact${NNBSP}:`,
    phone: `Tél.${NNBSP}:`,
    email: `Courriel${NNBSP}:`,
    contactTab: 1250,
    keywords: `Mots clés${NNBSP}:`,
    abstract: `Résumé${NNBSP}:`,
    draftMark: 'PROJET — pour la coordination nationale',
    stillMissing: `Reste à compléter${NNBSP}:`,
    missing: {
      studyGroup: "Commission d'études",
      questions: 'Question(s)',
      questionsFormat: 'Question(s), sous la forme 9/12',
      source: 'Source',
      title: 'Titre',
      contact: 'Contact',
      contactEmail: (n) => `Courriel du contact ${n}`,
      abstract: 'Résumé',
    },
  },
  es: {
    union: 'UNIÓN INTERNACIONAL DE TELECOMUNICACIONES',
    sector: 'SECTOR DE NORMALIZACIÓN DE LAS TELECOMUNICACIONES',
    studyPeriod: 'PERIODO DE ESTUDIOS 2025-2028',
    studyGroup: (g) => (/^SG/i.test(g) ? `COMISIÓN DE ESTUDIO ${groupNumber(g)}` : g),
    original: (l) => `Original: ${l}`,
    questions: 'Cuestión(es):',
    banner: 'CONTRIBUCIÓN',
    source: 'Origen:',
    title: 'Título:',
    contact: 'Contacto:',
    phone: 'Tel.:',
    email: 'Correo-e:',
    contactTab: 1200,
    keywords: 'Palabras clave:',
    abstract: 'Resumen:',
    draftMark: 'BORRADOR — para la coordinación nacional',
    stillMissing: 'Falta completar:',
    missing: {
      studyGroup: 'Comisión de Estudio',
      questions: 'Cuestión(es)',
      questionsFormat: 'Cuestión(es), en la forma 9/12',
      source: 'Origen',
      title: 'Título',
      contact: 'Contacto',
      contactEmail: (n) => `Correo-e del contacto ${n}`,
      abstract: 'Resumen',
    },
  },
  ru: {
    union: 'МЕЖДУНАРОДНЫЙ СОЮЗ ЭЛЕКТРОСВЯЗИ',
    sector: 'СЕКТОР СТАНДАРТИЗАЦИИ ЭЛЕКТРОСВЯЗИ',
    studyPeriod: 'ИССЛЕДОВАТЕЛЬСКИЙ ПЕРИОД 2025–2028 гг.',
    studyGroup: (g) => (/^SG/i.test(g) ? `ИССЛЕДОВАТЕЛЬСКАЯ КОМИССИЯ ${groupNumber(g)}` : g),
    original: (l) => `Оригинал: ${l}`,
    questions: 'Вопрос(ы):',
    banner: 'ВКЛАД',
    source: 'Источник:',
    title: 'Название:',
    contact: 'Контактное лицо:',
    phone: 'Тел.:',
    email: 'Эл. почта:',
    contactTab: 1300,
    keywords: 'Ключевые слова:',
    abstract: 'Резюме:',
    draftMark: 'ПРОЕКТ — для национальной координации',
    stillMissing: 'Осталось заполнить:',
    missing: {
      studyGroup: 'Исследовательская комиссия',
      questions: 'Вопрос(ы)',
      questionsFormat: 'Вопрос(ы) в форме 9/12',
      source: 'Источник',
      title: 'Название',
      contact: 'Контактное лицо',
      contactEmail: (n) => `Эл. почта контактного лица ${n}`,
      abstract: 'Резюме',
    },
  },
  zh: {
    union: '国际电信联盟',
    sector: '电信标准化部门',
    studyPeriod: '2025-2028年研究期',
    studyGroup: (g) => (/^SG/i.test(g) ? `第${groupNumber(g)}研究组` : g),
    original: (l) => `原文：${l}`,
    questions: '课题：',
    banner: '文稿',
    source: '来源：',
    title: '标题：',
    contact: '联系人：',
    phone: '电话：',
    email: '电子邮件：',
    contactTab: 1300,
    keywords: '关键词：',
    abstract: '摘要：',
    draftMark: '草稿——供国内协调',
    stillMissing: '尚待填写：',
    missing: {
      studyGroup: '研究组',
      questions: '课题',
      questionsFormat: '课题（格式如9/12）',
      source: '来源',
      title: '标题',
      contact: '联系人',
      contactEmail: (n) => `联系人${n}的电子邮件`,
      abstract: '摘要',
    },
  },
  ar: {
    union: 'الاتحاد الدولي للاتصالات',
    sector: 'قطاع تقييس الاتصالات',
    studyPeriod: 'فترة الدراسة 2025-2028',
    studyGroup: (g) => (/^SG/i.test(g) ? `لجنة الدراسات ${groupNumber(g)}` : g),
    original: (l) => `الأصل: ${l}`,
    questions: 'المسألة (المسائل):',
    banner: 'مساهمة',
    source: 'المصدر:',
    title: 'العنوان:',
    contact: 'جهة الاتصال:',
    phone: 'الهاتف:',
    email: 'البريد الإلكتروني:',
    contactTab: 1750,
    keywords: 'الكلمات الرئيسية:',
    abstract: 'الملخص:',
    draftMark: 'مسودة — للتنسيق الوطني',
    stillMissing: 'ما زال ينبغي استكماله:',
    missing: {
      studyGroup: 'لجنة الدراسات',
      questions: 'المسألة (المسائل)',
      questionsFormat: 'المسألة (المسائل) بالصيغة 9/12',
      source: 'المصدر',
      title: 'العنوان',
      contact: 'جهة الاتصال',
      contactEmail: (n) => `البريد الإلكتروني لجهة الاتصال ${n}`,
      abstract: 'الملخص',
    },
  },
};
