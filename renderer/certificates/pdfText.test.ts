import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findCodeInText } from './findCode';
import { MAX_PDF_BYTES, PdfReadError, readPdfText } from './pdfText';
import { pdfText } from './pdfTextInNode';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const printed = () => new Uint8Array(readFileSync(fixture('chromium-printed-code.pdf')));

/** A one-page PDF whose content stream inflates to `megabytes` of nothing. */
function deflateBomb(megabytes: number): Uint8Array {
  const bomb = deflateSync(new Uint8Array(megabytes * 1024 * 1024), { level: 9 });
  const encode = (text: string) => new TextEncoder().encode(text);
  return new Uint8Array([
    ...encode(
      [
        '%PDF-1.4',
        '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
        '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
        '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R >> endobj',
        `4 0 obj << /Filter /FlateDecode /Length ${bomb.length} >> stream\n`,
      ].join('\n'),
    ),
    ...bomb,
    ...encode('\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF'),
  ]);
}

describe('reading the text of a PDF (pdf.js)', () => {
  it('reads back a code that Chromium printed in a small wrapped monospace line, between Arabic and Latin text', async () => {
    // Printed by Chromium 156 (Skia/PDF): Identity-H fonts with ToUnicode maps, Type3 fonts for Arabic.
    const code = readFileSync(fixture('chromium-printed-code.txt'), 'utf8').trim();
    const text = await pdfText(printed());
    expect(text).toContain('Issued by Gapbridge');
    expect(text).not.toContain(code); // it is wrapped over lines
    expect(findCodeInText(text)).toBe(code);
  });

  it('refuses what is not a PDF, a damaged PDF and a file over the size limit', async () => {
    await expect(pdfText(new TextEncoder().encode('hello'))).rejects.toBeInstanceOf(PdfReadError);
    await expect(pdfText(new TextEncoder().encode('%PDF-1.7\nnothing here'))).rejects.toBeInstanceOf(PdfReadError);
    const bytes = printed();
    await expect(pdfText(bytes.subarray(0, bytes.length / 2))).rejects.toBeInstanceOf(PdfReadError);
    const tooLarge = new Uint8Array(MAX_PDF_BYTES + 1);
    tooLarge.set(bytes);
    await expect(pdfText(tooLarge)).rejects.toThrow(new PdfReadError('too large'));
  });

  it('stops a file that keeps pdf.js busy past the time limit (a deflate bomb)', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const bomb = deflateBomb(64);
    await expect(readPdfText(pdfjs, bomb, 1)).rejects.toThrow(new PdfReadError('took too long'));
    // Within the limit the same file reads as a page without text.
    expect((await readPdfText(pdfjs, bomb)).trim()).toBe('');
  });
});
