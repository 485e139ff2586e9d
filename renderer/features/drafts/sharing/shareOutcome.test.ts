import { describe, expect, it } from 'vitest';
import { accessViewOf, shareFailureOf } from './shareOutcome';

describe('sharing answers', () => {
  it('reads each refusal of the hub as a failure the delegate can act on', () => {
    expect(shareFailureOf(201, {})).toBeNull();
    expect(shareFailureOf(204, null)).toBeNull();
    expect(shareFailureOf(401, { error: 'signed-out' })).toBe('signed-out');
    expect(shareFailureOf(404, { error: 'no-draft' })).toBe('not-on-hub');
    expect(shareFailureOf(404, { error: 'unknown-account' })).toBe('unknown-account');
    expect(shareFailureOf(404, { error: 'not-member' })).toBe('not-member');
    expect(shareFailureOf(403, { error: 'not-owner' })).toBe('not-owner');
    expect(shareFailureOf(400, { error: 'self' })).toBe('self');
    expect(shareFailureOf(400, { error: 'invalid' })).toBe('server');
    expect(shareFailureOf(404, { error: 'toString' })).toBe('server');
    expect(shareFailureOf(502, null)).toBe('server');
  });

  it('takes only a well-formed access answer', () => {
    expect(accessViewOf(null)).toBeNull();
    expect(accessViewOf({ owner: 'a@b.c' })).toBeNull();
    const view = {
      draftId: 'd',
      owner: 'a@b.c',
      yourRole: 'owner',
      members: [],
      lastChangedBy: null,
      lastChangedAt: null,
    };
    expect(accessViewOf(view)).toEqual(view);
  });
});
