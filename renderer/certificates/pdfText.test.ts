import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { findCodeInText } from './findCode';
import { pdfText, PdfReadError } from './pdfText';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

describe('reading the text of a PDF', () => {
  it('reads back a code that Chromium printed in a small wrapped monospace line, between Arabic and Latin text', async () => {
    // Printed by Chromium 156 (Skia/PDF): Identity-H fonts with ToUnicode maps, Type3 fonts for Arabic.
    const bytes = new Uint8Array(readFileSync(fixture('chromium-printed-code.pdf')));
    const code = readFileSync(fixture('chromium-printed-code.txt'), 'utf8').trim();
    const text = await pdfText(bytes);
    expect(text).toContain('Issued by Gapbridge');
    expect(text).not.toContain(code); // it is wrapped over lines
    expect(findCodeInText(text)).toBe(code);
  });

  it('reads literal strings, TJ arrays and an unfiltered stream', async () => {
    const content = 'BT /F1 12 Tf (GBC1.ab\\(c) Tj [(de) -300 <6667>] TJ ET';
    const pdf = [
      '%PDF-1.4',
      '1 0 obj << /Type /Page /Resources << /Font << /F1 2 0 R >> >> /Contents 3 0 R >> endobj',
      '2 0 obj << /Type /Font /Subtype /Type1 >> endobj',
      `3 0 obj << /Length ${content.length} >> stream\n${content}\nendstream endobj`,
      '%%EOF',
    ].join('\n');
    expect(await pdfText(new TextEncoder().encode(pdf))).toContain('GBC1.ab(cde fg');
  });

  it('refuses what is not a PDF, and a deflate bomb', async () => {
    await expect(pdfText(new TextEncoder().encode('hello'))).rejects.toBeInstanceOf(PdfReadError);
    const bomb = deflateSync(new Uint8Array(70 * 1024 * 1024));
    const head = `%PDF-1.4\n1 0 obj << /Type /Page /Contents 2 0 R >> endobj\n2 0 obj << /Filter /FlateDecode /Length ${bomb.length} >> stream\n`;
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(head),
      ...bomb,
      ...new TextEncoder().encode('\nendstream endobj'),
    ]);
    await expect(pdfText(bytes)).rejects.toBeInstanceOf(PdfReadError);
  });
});
