import { describe, expect, it } from 'vitest';
import { findCodeInText } from './findCode';
import { samplePayload, testKey } from './signing.testing';

const code = testKey().sign(samplePayload());

describe('finding a certificate code in text', () => {
  it('joins a code broken over lines and stops where the certificate ends, even when text follows', () => {
    const wrapped = code.match(/.{1,47}/g)!.join('\n');
    expect(findCodeInText(`Certificate code\n${wrapped}\nIssuedbyGapbridge`)).toBe(code);
    expect(findCodeInText(`${code}abc`)).toBe(code);
  });

  it('returns a damaged code whole, for the verifier to say why, and null when there is none', () => {
    const damaged = code.slice(0, 60) + code.slice(61);
    expect(findCodeInText(`see ${damaged} `)).toBe(damaged);
    expect(findCodeInText('no code here')).toBeNull();
  });
});
