import { describe, expect, it } from 'vitest';
import { byGroupNumber } from './studyGroupOrder';

describe('byGroupNumber', () => {
  it('lists TSAG, then the study groups by number, not as text', () => {
    const ids = ['SG11', 'SG2', 'SG20', 'TSAG', 'SG3', 'SG17', 'SG5', 'SG9', 'SG12', 'SG13', 'SG15', 'SG16'];
    expect(
      ids
        .map((id) => ({ id }))
        .sort(byGroupNumber)
        .map((g) => g.id),
    ).toEqual(['TSAG', 'SG2', 'SG3', 'SG5', 'SG9', 'SG11', 'SG12', 'SG13', 'SG15', 'SG16', 'SG17', 'SG20']);
  });
});
