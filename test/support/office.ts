import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function convertWithLibreOffice(docx: string, outDir: string, format: 'pdf' | 'html'): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'gapbridge-lo-'));
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', format, '--outdir', outDir, docx],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return path.join(outDir, `${path.basename(docx, '.docx')}.${format}`);
}

/** Converts a Word file to PDF with LibreOffice (Debian's), as a reader without Word would open it. */
export function docxToPdf(docx: string, outDir: string): string {
  return convertWithLibreOffice(docx, outDir, 'pdf');
}

/** The file as LibreOffice reads it, written as HTML: headings come out as <h1>…<h4> with their formatting. */
export function docxToHtml(docx: string, outDir: string): string {
  return readFileSync(convertWithLibreOffice(docx, outDir, 'html'), 'utf8');
}

/** The text of the PDF, or of one page of it, laid out as on the page. */
export function pdfText(pdf: string, page?: number): string {
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...pages, pdf, '-'], { encoding: 'utf8' });
}

/** Pages of the PDF as PNGs (`<outPrefix>-<n>.png`), to look at. */
export function pdfPagesToPng(pdf: string, outPrefix: string, first: number, last: number): void {
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(first), '-l', String(last), pdf, outPrefix]);
}

/** The first page as a PNG, to look at. */
export function pdfFirstPageToPng(pdf: string, outPrefix: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, outPrefix]);
}
