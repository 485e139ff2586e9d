import type * as PdfJs from 'pdfjs-dist';

/**
 * The text of a PDF, read with pdf.js (pdfjs-dist). This module holds what the browser and Node
 * readers share (pdfTextInBrowser.ts, pdfTextInNode.ts): each loads its own pdf.js build.
 */

export class PdfReadError extends Error {}

/** Larger files are refused before parsing: a printed certificate is well under 1 MB. */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;
/** A certificate is one page; the code is on it. Pages after these are not read. */
const MAX_PAGES = 4;
/**
 * A small file can still inflate to gigabytes (a deflate bomb) and keep pdf.js busy for minutes:
 * after this long its worker is stopped. (In Node the worker's code runs in the same thread, so
 * the limit only applies between its steps.)
 */
export const PDF_TIME_LIMIT_MS = 20_000;

export type PdfLibrary = Pick<typeof PdfJs, 'getDocument' | 'PDFWorker'>;

/**
 * Nothing is fetched (no character maps, standard fonts or wasm decoders: the code is ASCII),
 * no font is installed in the page, no code is generated from the file.
 */
const OFFLINE_AND_INERT = {
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  useWorkerFetch: false,
  useWasm: false,
  enableXfa: false,
  stopAtErrors: true,
  verbosity: 0,
} as const;

/**
 * The text of the first pages of a PDF, one line per line that pdf.js finds, pages separated by
 * a form feed. A PdfReadError when the file is too large, not a PDF, or not readable.
 */
export async function readPdfText(
  pdfjs: PdfLibrary,
  bytes: Uint8Array,
  timeLimitMs = PDF_TIME_LIMIT_MS,
): Promise<string> {
  if (bytes.length > MAX_PDF_BYTES) throw new PdfReadError('too large');
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).indexOf('%PDF-') === -1)
    throw new PdfReadError('not a PDF');
  // Our own worker, so that it can be stopped at once even while it is busy.
  const worker = new pdfjs.PDFWorker({ verbosity: OFFLINE_AND_INERT.verbosity });
  // pdf.js takes ownership of (detaches) the buffer it is given: give it a copy.
  const task = pdfjs.getDocument({ data: bytes.slice(), worker, ...OFFLINE_AND_INERT });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfReadError('took too long')), timeLimitMs);
  });
  try {
    const text = await Promise.race([textOf(task), timeUp]);
    await task.destroy();
    return text;
  } catch (error) {
    if (error instanceof PdfReadError) throw error;
    throw new PdfReadError(error instanceof Error ? error.message : String(error), { cause: error });
  } finally {
    clearTimeout(timer);
    worker.destroy();
  }
}

async function textOf(task: PdfJs.PDFDocumentLoadingTask): Promise<string> {
  const document = await task.promise;
  let text = '';
  for (let number = 1; number <= Math.min(document.numPages, MAX_PAGES); number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    text += '\n\f';
  }
  return text;
}
