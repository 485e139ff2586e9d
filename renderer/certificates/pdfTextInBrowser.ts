import { readPdfText } from './pdfText';

export { MAX_PDF_BYTES, PdfReadError } from './pdfText';

/**
 * pdf.js and its worker, loaded the first time a PDF is read (not with the app). The worker is a
 * file of the build, served from the app's own origin (worker-src 'self').
 */
async function loadPdfJs() {
  const [pdfjs, { default: workerUrl }] = await Promise.all([
    import('pdfjs-dist'),
    import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
  ]);
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  return pdfjs;
}

let pdfJs: ReturnType<typeof loadPdfJs> | undefined;

/** The text of a PDF, read in pdf.js's worker. A PdfReadError when it is not a readable PDF. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  pdfJs ??= loadPdfJs().catch((error: unknown) => {
    pdfJs = undefined; // a failed load (an update replaced the files) is tried again next time
    throw error;
  });
  return readPdfText(await pdfJs, bytes);
}
