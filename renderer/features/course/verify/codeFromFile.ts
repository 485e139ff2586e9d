import { findCodeInText } from '../../../certificates/findCode';
import { MAX_PDF_BYTES, pdfText, PdfReadError } from '../../../certificates/pdfTextInBrowser';

export type CodeFromFile = { kind: 'code'; code: string } | { kind: 'no-code' } | { kind: 'not-pdf' };

/**
 * The certificate code in a file the delegate opened: the PDF that Gapbridge printed (its text
 * holds the code under the QR code) or a text file that contains one. Read on this device only.
 */
export async function codeFromFile(file: Blob): Promise<CodeFromFile> {
  if (file.size > MAX_PDF_BYTES) return { kind: 'not-pdf' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const isPdf = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-');
  let text: string;
  if (isPdf) {
    try {
      text = await pdfText(bytes);
    } catch (error) {
      if (error instanceof PdfReadError) return { kind: 'not-pdf' };
      throw error;
    }
  } else {
    text = new TextDecoder().decode(bytes);
  }
  const code = findCodeInText(text);
  if (code) return { kind: 'code', code };
  return isPdf || /^[\t\n\r\x20-\x7e\u00a0-\uffff]*$/.test(text) ? { kind: 'no-code' } : { kind: 'not-pdf' };
}
