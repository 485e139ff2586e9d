import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Converts a Word file to PDF with LibreOffice (Debian's), as a reader without Word would open it. */
export function docxToPdf(docx: string, outDir: string): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'gapbridge-lo-'));
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return path.join(outDir, `${path.basename(docx, '.docx')}.pdf`);
}

export function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

/** The first page as a PNG, to look at. */
export function pdfFirstPageToPng(pdf: string, outPrefix: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, outPrefix]);
}
