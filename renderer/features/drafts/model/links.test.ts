import { describe, expect, it } from 'vitest';
import { isAllowedInEditor, isAllowedLink } from './links';

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

describe('isAllowedInEditor', () => {
  it('lets the autolink turn a bare web address into an https link', () => {
    expect(isAllowedInEditor('www.itu.int')).toBe(true);
    expect(isAllowedInEditor('itu.int/en/ITU-T')).toBe(true);
    expect(isAllowedInEditor('https://www.itu.int/')).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,x',
    'http://www.itu.int/',
    'localhost',
    '../x',
  ])('refuses %j', (href) => {
    expect(isAllowedInEditor(href)).toBe(false);
  });
});
