import { readPdfText } from './pdfText';

export { MAX_PDF_BYTES, PdfReadError } from './pdfText';

/**
 * The text of a PDF in Node (`npm run verify`, tests): pdf.js's legacy build, which runs its
 * worker's code in the same thread. A PdfReadError when it is not a readable PDF.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return readPdfText(await import('pdfjs-dist/legacy/build/pdf.mjs'), bytes);
}
