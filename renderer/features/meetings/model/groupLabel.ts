import type { LanguageCode } from '../../../i18n/languages';

/**
 * A group's short form as ITU's texts in each language write it (project glossary): SG13 is
 * "CE 13" in French and Spanish, "ИК13" in Russian, "لجنة الدراسات 13" in Arabic and "第13研究组"
 * in Chinese; WP1/13 is "GT 1/13", "РГ1/13", "فرقة العمل 1/13", "第1/13工作组"; TSAG is GCNT in
 * French, GANT in Spanish and КГСЭ in Russian (the glossary gives no Arabic or Chinese short
 * form, so TSAG stays). Any other code (SG20RG-AFR, Q9/12) is written as it is.
 */
const STUDY_GROUP: Record<LanguageCode, (n: string) => string> = {
  ar: (n) => `لجنة الدراسات ${n}`,
  zh: (n) => `第${n}研究组`,
  en: (n) => `SG${n}`,
  fr: (n) => `CE\u00a0${n}`,
  ru: (n) => `ИК${n}`,
  es: (n) => `CE\u00a0${n}`,
};

const WORKING_PARTY: Record<LanguageCode, (wp: string) => string> = {
  ar: (wp) => `فرقة العمل ${wp}`,
  zh: (wp) => `第${wp}工作组`,
  en: (wp) => `WP${wp}`,
  fr: (wp) => `GT\u00a0${wp}`,
  ru: (wp) => `РГ${wp}`,
  es: (wp) => `GT\u00a0${wp}`,
};

const TSAG: Record<LanguageCode, string> = { ar: 'TSAG', zh: 'TSAG', en: 'TSAG', fr: 'GCNT', ru: 'КГСЭ', es: 'GANT' };

export function groupLabel(group: string, language: LanguageCode): string {
  if (group === 'TSAG') return TSAG[language];
  const studyGroup = /^SG(\d+)$/.exec(group);
  if (studyGroup) return STUDY_GROUP[language](studyGroup[1]!);
  const workingParty = /^WP(\d+\/\d+)$/.exec(group);
  if (workingParty) return WORKING_PARTY[language](workingParty[1]!);
  return group;
}
