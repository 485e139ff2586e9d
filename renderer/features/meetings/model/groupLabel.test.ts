import { describe, expect, it } from 'vitest';
import { groupLabel } from './groupLabel';

describe('group codes in each language', () => {
  it.each([
    ['SG13', 'fr', 'CE\u00a013'],
    ['SG13', 'es', 'CE\u00a013'],
    ['SG13', 'ru', 'ИК13'],
    ['SG13', 'ar', 'لجنة الدراسات 13'],
    ['SG13', 'zh', '第13研究组'],
    ['SG13', 'en', 'SG13'],
    ['WP1/13', 'fr', 'GT\u00a01/13'],
    ['WP1/13', 'ru', 'РГ1/13'],
    ['TSAG', 'fr', 'GCNT'],
    ['TSAG', 'ru', 'КГСЭ'],
    ['TSAG', 'es', 'GANT'],
    ['TSAG', 'zh', 'TSAG'],
    ['SG20RG-AFR', 'fr', 'SG20RG-AFR'],
  ] as const)('%s in %s is %s', (group, language, label) => {
    expect(groupLabel(group, language)).toBe(label);
  });
});
