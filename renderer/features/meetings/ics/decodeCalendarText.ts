import { CalendarFileError } from './calendarFileError';

/** Larger files are refused before they are read: no real meeting calendar comes near it. */
export const MAX_CALENDAR_BYTES = 20 * 1024 * 1024;

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/** Control characters that no text calendar holds (tab, LF and CR are allowed). */
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * The text of a calendar file: UTF-8, or UTF-16 with its byte-order mark; a file that is not
 * valid UTF-8 is read as Windows-1252 (the Latin-1 that older Outlook and Lotus exports use).
 * Binary content is refused.
 */
export function decodeCalendarText(buffer: ArrayBuffer): string {
  if (buffer.byteLength > MAX_CALENDAR_BYTES) throw new CalendarFileError('too-large', `${buffer.byteLength} bytes`);
  const bytes = new Uint8Array(buffer);
  const bom = bomEncoding(bytes);
  let text: string;
  try {
    text = new TextDecoder(bom?.encoding ?? 'utf-8', { fatal: true }).decode(bytes.subarray(bom?.skip ?? 0));
  } catch {
    if (bom) throw new CalendarFileError('not-text', `not valid ${bom.encoding}`);
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  if (BINARY.test(text)) throw new CalendarFileError('not-text', 'binary content');
  if (!/^BEGIN:VCALENDAR\r?\n/i.test(text.trimStart())) throw new CalendarFileError('not-calendar');
  return text;
}
