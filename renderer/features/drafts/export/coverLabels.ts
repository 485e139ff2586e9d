import type { LanguageCode } from '../../../i18n/languages';
import type { Purpose } from '../model/draftDoc';

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
  purpose: string;
  purposes: Record<Purpose, string>;
  contact: string;
  phone: string;
  email: string;
  keywords: string;
  abstract: string;
}

/** "SG13" → "13"; anything else (TSAG) as written. */
function groupNumber(group: string): string {
  return /^SG(\d+)$/i.exec(group.trim())?.[1] ?? group.trim();
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
    purpose: 'Purpose:',
    purposes: { proposal: 'Proposal', discussion: 'Discussion', information: 'Information', other: 'Other' },
    contact: 'Contact:',
    phone: 'Tel:',
    email: 'E-mail:',
    keywords: 'Keywords:',
    abstract: 'Abstract:',
  },
  fr: {
    union: 'UNION INTERNATIONALE DES TÉLÉCOMMUNICATIONS',
    sector: 'SECTEUR DE LA NORMALISATION DES TÉLÉCOMMUNICATIONS',
    studyPeriod: "PÉRIODE D'ÉTUDES 2025-2028",
    studyGroup: (g) => (/^SG/i.test(g) ? `COMMISSION D'ÉTUDES ${groupNumber(g)}` : g),
    original: (l) => `Original: ${l}`,
    questions: 'Question(s):',
    banner: 'CONTRIBUTION',
    source: 'Source:',
    title: 'Titre:',
    purpose: 'Objet:',
    purposes: { proposal: 'Proposition', discussion: 'Discussion', information: 'Information', other: 'Autre' },
    contact: 'Contact:',
    phone: 'Tél.:',
    email: 'Courriel:',
    keywords: 'Mots clés:',
    abstract: 'Résumé:',
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
    purpose: 'Finalidad:',
    purposes: { proposal: 'Propuesta', discussion: 'Debate', information: 'Información', other: 'Otro' },
    contact: 'Contacto:',
    phone: 'Tel.:',
    email: 'Correo-e:',
    keywords: 'Palabras clave:',
    abstract: 'Resumen:',
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
    purpose: 'Цель:',
    purposes: { proposal: 'Предложение', discussion: 'Обсуждение', information: 'Информация', other: 'Другое' },
    contact: 'Контактное лицо:',
    phone: 'Тел.:',
    email: 'Эл. почта:',
    keywords: 'Ключевые слова:',
    abstract: 'Резюме:',
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
    purpose: '目的：',
    purposes: { proposal: '提案', discussion: '讨论', information: '参考', other: '其他' },
    contact: '联系人：',
    phone: '电话：',
    email: '电子邮件：',
    keywords: '关键词：',
    abstract: '摘要：',
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
    purpose: 'الغرض:',
    purposes: { proposal: 'اقتراح', discussion: 'مناقشة', information: 'للعلم', other: 'أخرى' },
    contact: 'جهة الاتصال:',
    phone: 'الهاتف:',
    email: 'البريد الإلكتروني:',
    keywords: 'الكلمات الرئيسية:',
    abstract: 'الملخص:',
  },
};
