import { CODE_PREFIX, CertificateFormatError, splitCode } from './certificateFormat';

const CODE_CHARS = /[A-Za-z0-9_-]/;
/** A code longer than this is not one (255-byte texts, 255 modules: far below in practice). */
const MAX_CODE_LENGTH = 4096;

/**
 * The certificate code in a text where it may be broken over lines (a printed code wraps
 * anywhere, and text read back from a PDF may run into what follows). White space is dropped;
 * after each `GBC1.` the shortest run of code characters that decodes as a whole certificate is
 * the code, since a certificate's layout says where it ends. When none decodes (a damaged code),
 * the whole run is returned, so that the verifier can say what is wrong with it.
 */
export function findCodeInText(text: string): string | null {
  const joined = text.replace(/\s+/g, '');
  let fallback: string | null = null;
  for (let at = joined.indexOf(CODE_PREFIX); at !== -1; at = joined.indexOf(CODE_PREFIX, at + 1)) {
    let end = at + CODE_PREFIX.length;
    while (end < joined.length && end - at < MAX_CODE_LENGTH && CODE_CHARS.test(joined[end]!)) end++;
    const run = joined.slice(at, end);
    for (let length = CODE_PREFIX.length + 1; length <= run.length; length++) {
      try {
        splitCode(run.slice(0, length));
        return run.slice(0, length);
      } catch (error) {
        if (!(error instanceof CertificateFormatError)) throw error;
      }
    }
    fallback ??= run;
  }
  return fallback;
}
