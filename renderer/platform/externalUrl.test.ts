import { describe, expect, it } from 'vitest';
import { toAllowedExternalUrl } from './externalUrl';

describe('toAllowedExternalUrl', () => {
  it.each([
    'https://www.itu.int/rec/T-REC-A.1',
    'https://itu.int/en/ITU-T/Pages/default.aspx',
    'https://academy.itu.int/',
  ])('allows %s', (url) => {
    expect(toAllowedExternalUrl(url)).toBe(new URL(url).href);
  });

  it.each([
    'http://www.itu.int/',
    'https://www.itu.int.attacker.example/',
    'https://evilitu.int/',
    'https://user:pass@www.itu.int/',
    'https://www.itu.int:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    '\\\\server\\share',
    'ms-msdt:/id',
    'not a url',
    42,
    undefined,
    `https://www.itu.int/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(toAllowedExternalUrl(url)).toBeNull();
  });
});
