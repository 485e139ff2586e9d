import { describe, expect, it } from 'vitest';
import { isAllowedLink } from './links';

describe('isAllowedLink', () => {
  it.each(['https://www.itu.int/rec/T-REC-A.1', 'HTTPS://www.itu.int/', 'mailto:tsbsg12@itu.int'])(
    'keeps %j',
    (href) => {
      expect(isAllowedLink(href)).toBe(true);
    },
  );

  it.each([
    'file:///C:/Users/delegate/secret.docx',
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    '\tjava\nscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'http://www.itu.int/',
    'ftp://ftp.itu.int/',
    'vbscript:msgbox(1)',
    '//www.itu.int/',
    'www.itu.int',
    'https:',
    '',
  ])('drops %j', (href) => {
    expect(isAllowedLink(href)).toBe(false);
  });

  it('drops what is not a string', () => {
    expect(isAllowedLink(undefined)).toBe(false);
    expect(isAllowedLink(42)).toBe(false);
  });
});
