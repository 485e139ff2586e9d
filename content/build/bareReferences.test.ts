import { describe, expect, it } from 'vitest';
import { findBareReferences } from './bareReferences';

describe('findBareReferences', () => {
  it('finds each kind of ITU document code written outside backticks', () => {
    expect(findBareReferences('Question Q9/12 of SG12 meets with WP1/13 and WP3.')).toEqual([
      'Q9/12',
      'SG12',
      'WP1/13',
      'WP3',
    ]);
    expect(findBareReferences('See SG13-C123, TD87R3/PLEN, TD 87 and C75.')).toEqual([
      'SG13-C123',
      'TD87R3/PLEN',
      'TD 87',
      'C75',
    ]);
    expect(findBareReferences('A.1 (09/2019), Y.3188, A.Sup5 and Res. 1; Рез. 1; Rés. 44')).toEqual([
      'A.1 (09/2019)',
      'Y.3188',
      'A.Sup5',
      'Res. 1',
      'Рез. 1',
      'Rés. 44',
    ]);
    expect(findBareReferences('LS/i, LS/o/r, IRG-AVA, CG-SECAPA, SG3RG-AFR, ISO/IEC JTC 1')).toEqual([
      'LS/i',
      'LS/o/r',
      'IRG-AVA',
      'CG-SECAPA',
      'SG3RG-AFR',
      'ISO/IEC JTC 1',
    ]);
  });

  it('finds codes that touch Arabic, Chinese or Cyrillic letters', () => {
    expect(findBareReferences('审议了SG2的文件和A.5理由说明')).toEqual(['SG2', 'A.5']);
    expect(findBareReferences('التوصية A.1 و Q9/12')).toEqual(['A.1', 'Q9/12']);
    expect(findBareReferences('Рекомендация A.1 (07/2006)')).toEqual(['A.1 (07/2006)']);
  });

  it('finds an edition written apart from its code', () => {
    expect(findBareReferences('Since `A.1` (07/2006), a text may be prepared.')).toEqual(['(07/2006)']);
  });

  it('accepts codes inside backticks', () => {
    expect(
      findBareReferences('`Q9/12`, `SG13-C123`, `TD87R3/PLEN`, `A.1 (09/2019)`, **`LS/i`** and `ISO/IEC JTC 1`'),
    ).toEqual([]);
  });

  it('leaves ordinary text alone', () => {
    const ordinary = [
      'TDs, contributions and SG chairs meet in Geneva; ITU-T, ITU-R and ITU-D work together.',
      'WTSA-24 met from 15 to 24 October 2024, and the 2025-2028 study period began.',
      'Clause 3.1 and §7.4.1.1 of Resolution 1; 12 calendar days; 70 % of replies; e.g. a TAP draft.',
      'Contributions (C) and temporary documents (TD) need a TIES account. Q&A at 09:30.',
      'La Commission d’études 13 et la CE 13 ; ИК13 и РГ1/13; 第13研究组; لجنة الدراسات 13',
    ];
    for (const text of ordinary) expect(findBareReferences(text), text).toEqual([]);
  });
});
