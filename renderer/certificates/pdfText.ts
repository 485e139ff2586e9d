/**
 * Just enough of PDF to read back the text of a page printed by Chromium (Skia's PDF writer) or a
 * similar tool: objects, FlateDecode streams, each page's fonts with their ToUnicode maps, and the
 * text-showing operators of its content streams. No layout: runs come out in drawing order, one
 * text block (BT…ET) per line. Pure: runs in the browser and in Node (DecompressionStream).
 */

export class PdfReadError extends Error {}

/** Larger files are refused: a printed certificate is well under 1 MB. */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;
/** The most a file's streams may inflate to, all together (a deflate bomb stops here). */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

type PdfValue =
  | number
  | boolean
  | null
  | { name: string }
  | { ref: number }
  | { text: Uint8Array }
  | PdfValue[]
  | Map<string, PdfValue>;

interface PdfObject {
  value: PdfValue;
  /** The raw bytes between `stream` and `endstream`, if the object is a stream. */
  stream?: Uint8Array | undefined;
}

const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelimiter = (c: number) => '()<>[]{}/%'.includes(String.fromCharCode(c));

/** A tokenizer over PDF syntax, shared by object bodies and content streams. */
class Lexer {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}

  skipSpace() {
    const { bytes } = this;
    while (this.at < bytes.length) {
      const c = bytes[this.at]!;
      if (isWhite(c)) this.at++;
      else if (c === 0x25 /* % */)
        while (this.at < bytes.length && bytes[this.at] !== 0x0a && bytes[this.at] !== 0x0d) this.at++;
      else break;
    }
  }

  /** A regular word (number, keyword, operator) at the cursor. */
  word(): string {
    const start = this.at;
    while (this.at < this.bytes.length && !isWhite(this.bytes[this.at]!) && !isDelimiter(this.bytes[this.at]!))
      this.at++;
    return String.fromCharCode(...this.bytes.subarray(start, this.at));
  }

  literalString(): Uint8Array {
    const out: number[] = [];
    let depth = 1;
    this.at++; // (
    while (this.at < this.bytes.length) {
      const c = this.bytes[this.at++]!;
      if (c === 0x5c /* \ */) {
        const next = this.bytes[this.at++]!;
        const escapes: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
        if (next >= 0x30 && next <= 0x37) {
          let octal = next - 0x30;
          for (let i = 0; i < 2 && this.bytes[this.at]! >= 0x30 && this.bytes[this.at]! <= 0x37; i++)
            octal = octal * 8 + (this.bytes[this.at++]! - 0x30);
          out.push(octal & 0xff);
        } else if (next === 0x0d || next === 0x0a) {
          if (next === 0x0d && this.bytes[this.at] === 0x0a) this.at++;
        } else out.push(escapes[next] ?? next);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (--depth === 0) break;
        out.push(c);
      } else out.push(c);
    }
    return Uint8Array.from(out);
  }

  hexString(): Uint8Array {
    this.at++; // <
    let digits = '';
    while (this.at < this.bytes.length && this.bytes[this.at] !== 0x3e) {
      const c = String.fromCharCode(this.bytes[this.at++]!);
      if (/[0-9a-fA-F]/.test(c)) digits += c;
    }
    this.at++; // >
    if (digits.length % 2) digits += '0';
    return Uint8Array.from(digits.match(/../g) ?? [], (pair) => parseInt(pair, 16));
  }

  name(): string {
    this.at++; // /
    return this.word().replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }

  /**
   * The next value, or an operator (a bare word) as `{ op }`; null at the end. `1 0 R` is read as
   * a reference when `withRefs` (object bodies), never in content streams.
   */
  next(withRefs: boolean, depth = 0): PdfValue | { op: string } | undefined {
    if (depth > 64) throw new PdfReadError('nested too deep');
    this.skipSpace();
    if (this.at >= this.bytes.length) return undefined;
    const c = this.bytes[this.at]!;
    if (c === 0x2f) return { name: this.name() };
    if (c === 0x28) return { text: this.literalString() };
    if (c === 0x3c && this.bytes[this.at + 1] === 0x3c) {
      this.at += 2;
      const dict = new Map<string, PdfValue>();
      for (;;) {
        this.skipSpace();
        if (this.at >= this.bytes.length) return dict;
        if (this.bytes[this.at] === 0x3e && this.bytes[this.at + 1] === 0x3e) {
          this.at += 2;
          return dict;
        }
        const key = this.next(withRefs, depth + 1);
        const value = this.next(withRefs, depth + 1);
        if (key && typeof key === 'object' && 'name' in key && value !== undefined && !isOperator(value))
          dict.set(key.name, value);
        else if (key === undefined) return dict;
      }
    }
    if (c === 0x3c) return { text: this.hexString() };
    if (c === 0x5b) {
      this.at++;
      const array: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (this.at >= this.bytes.length) return array;
        if (this.bytes[this.at] === 0x5d) {
          this.at++;
          return array;
        }
        const value = this.next(withRefs, depth + 1);
        if (value === undefined) return array;
        if (!isOperator(value)) array.push(value);
      }
    }
    if (c === 0x5d || c === 0x3e || c === 0x29 || c === 0x7b || c === 0x7d) {
      this.at++;
      return { op: String.fromCharCode(c) };
    }
    const word = this.word();
    if (word === '') {
      this.at++;
      return { op: '' };
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      const number = Number(word);
      if (withRefs && Number.isInteger(number)) {
        const saved = this.at;
        this.skipSpace();
        const generation = this.word();
        this.skipSpace();
        if (/^\d+$/.test(generation) && this.bytes[this.at] === 0x52 /* R */ && !isRegular(this.bytes[this.at + 1])) {
          this.at++;
          return { ref: number };
        }
        this.at = saved;
      }
      return number;
    }
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    return { op: word };
  }
}

const isRegular = (c: number | undefined) => c !== undefined && !isWhite(c) && !isDelimiter(c);

function isOperator(value: PdfValue | { op: string }): value is { op: string } {
  return typeof value === 'object' && value !== null && 'op' in value;
}

function indexOf(bytes: Uint8Array, text: string, from: number): number {
  const first = text.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first, from); i !== -1; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** Every `N G obj … endobj` in the file, by object number; a later definition wins (incremental updates). */
function readObjects(bytes: Uint8Array): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const header = /(\d+)\s+\d+\s+obj\b/g;
  const latin1 = new TextDecoder('latin1').decode(bytes);
  for (let match = header.exec(latin1); match; match = header.exec(latin1)) {
    const lexer = new Lexer(bytes);
    lexer.at = match.index + match[0].length;
    const value = lexer.next(true);
    if (value === undefined || isOperator(value)) continue;
    lexer.skipSpace();
    let stream: Uint8Array | undefined;
    if (latin1.startsWith('stream', lexer.at)) {
      let start = lexer.at + 'stream'.length;
      if (bytes[start] === 0x0d) start++;
      if (bytes[start] === 0x0a) start++;
      const length = value instanceof Map ? value.get('Length') : undefined;
      let end = typeof length === 'number' ? start + length : -1;
      if (end < start || end > bytes.length || !latin1.startsWith('endstream', skipWhite(bytes, end)))
        end = indexOf(bytes, 'endstream', start);
      if (end === -1) continue;
      stream = bytes.subarray(start, end);
      header.lastIndex = end;
    }
    objects.set(Number(match[1]), { value, stream });
  }
  return objects;
}

function skipWhite(bytes: Uint8Array, at: number): number {
  while (at < bytes.length && isWhite(bytes[at]!)) at++;
  return at;
}

async function inflate(data: Uint8Array, budget: { left: number }): Promise<Uint8Array> {
  const reader = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.byteLength;
      budget.left -= value.byteLength;
      if (budget.left < 0) throw new PdfReadError('streams inflate to too much');
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    // A stream cut short still gives the text before the cut.
    if (error instanceof PdfReadError) throw error;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

class PdfFile {
  private readonly decoded = new Map<number, Promise<Uint8Array | null>>();
  private readonly budget = { left: MAX_INFLATED_BYTES };

  constructor(readonly objects: Map<number, PdfObject>) {}

  resolve(value: PdfValue | undefined, hops = 0): PdfValue | undefined {
    if (value && typeof value === 'object' && 'ref' in value) {
      if (hops > 16) return undefined;
      return this.resolve(this.objects.get(value.ref)?.value, hops + 1);
    }
    return value;
  }

  dict(value: PdfValue | undefined): Map<string, PdfValue> | undefined {
    const resolved = this.resolve(value);
    return resolved instanceof Map ? resolved : undefined;
  }

  /** The decoded data of a stream object: FlateDecode or unfiltered; null for other filters. */
  streamOf(value: PdfValue | undefined): Promise<Uint8Array | null> {
    if (!(value && typeof value === 'object' && 'ref' in value)) return Promise.resolve(null);
    const id = value.ref;
    let decoded = this.decoded.get(id);
    if (!decoded) {
      decoded = this.decode(this.objects.get(id));
      this.decoded.set(id, decoded);
    }
    return decoded;
  }

  private async decode(object: PdfObject | undefined): Promise<Uint8Array | null> {
    if (!object?.stream || !(object.value instanceof Map)) return null;
    const filter = this.resolve(object.value.get('Filter'));
    const filters = Array.isArray(filter) ? filter : filter === undefined ? [] : [filter];
    let data = object.stream;
    for (const each of filters) {
      if (!(each && typeof each === 'object' && 'name' in each && each.name === 'FlateDecode')) return null;
      data = await inflate(data, this.budget);
    }
    return data;
  }
}

interface Font {
  bytesPerCode: 1 | 2;
  toUnicode: Map<number, string>;
}

const utf16 = new TextDecoder('utf-16be');

function hexValue(value: PdfValue | { op: string } | undefined): Uint8Array | null {
  return value && typeof value === 'object' && 'text' in value ? value.text : null;
}

const codeOf = (bytes: Uint8Array) => bytes.reduce((code, byte) => code * 256 + byte, 0);

/** A ToUnicode CMap's bfchar and bfrange entries. */
function parseToUnicode(data: Uint8Array): Map<number, string> {
  const map = new Map<number, string>();
  const lexer = new Lexer(data);
  const operands: (PdfValue | { op: string })[] = [];
  let mode: 'bfchar' | 'bfrange' | null = null;
  for (let token = lexer.next(false); token !== undefined; token = lexer.next(false)) {
    if (isOperator(token)) {
      if (token.op === 'beginbfchar' || token.op === 'beginbfrange')
        mode = token.op === 'beginbfchar' ? 'bfchar' : 'bfrange';
      else if (token.op === 'endbfchar' || token.op === 'endbfrange') mode = null;
      operands.length = 0;
      continue;
    }
    if (mode === null) continue;
    operands.push(token);
    if (mode === 'bfchar' && operands.length === 2) {
      const [source, target] = operands.map(hexValue);
      if (source && target) map.set(codeOf(source), utf16.decode(target));
      operands.length = 0;
    } else if (mode === 'bfrange' && operands.length === 3) {
      const [low, high] = operands.slice(0, 2).map(hexValue);
      const target = operands[2]!;
      if (low && high) {
        const first = codeOf(low);
        const count = Math.min(codeOf(high) - first, 0xffff);
        const targetBytes = hexValue(target);
        for (let i = 0; i <= count; i++) {
          if (targetBytes && targetBytes.length >= 2) {
            const start = targetBytes.slice();
            const last = ((start[start.length - 2]! << 8) | start[start.length - 1]!) + i;
            start[start.length - 2] = (last >> 8) & 0xff;
            start[start.length - 1] = last & 0xff;
            map.set(first + i, utf16.decode(start));
          } else if (Array.isArray(target)) {
            const entry = hexValue(target[i]);
            if (entry) map.set(first + i, utf16.decode(entry));
          }
        }
      }
      operands.length = 0;
    }
  }
  return map;
}

async function fontOf(pdf: PdfFile, value: PdfValue | undefined): Promise<Font> {
  const dict = pdf.dict(value);
  const subtype = pdf.resolve(dict?.get('Subtype'));
  const isComposite = !!subtype && typeof subtype === 'object' && 'name' in subtype && subtype.name === 'Type0';
  const cmap = await pdf.streamOf(dict?.get('ToUnicode'));
  return { bytesPerCode: isComposite ? 2 : 1, toUnicode: cmap ? parseToUnicode(cmap) : new Map() };
}

function showText(font: Font | undefined, bytes: Uint8Array): string {
  if (!font) return new TextDecoder('latin1').decode(bytes);
  let text = '';
  for (let i = 0; i + font.bytesPerCode <= bytes.length; i += font.bytesPerCode) {
    const code = font.bytesPerCode === 2 ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]!;
    text += font.toUnicode.get(code) ?? (font.bytesPerCode === 1 ? String.fromCharCode(code) : '');
  }
  return text;
}

/** The text of one content stream with the page's fonts: a line per text block, a space per move. */
async function contentText(
  pdf: PdfFile,
  data: Uint8Array,
  fonts: Map<string, PdfValue>,
  cache: Map<string, Font>,
): Promise<string> {
  const lexer = new Lexer(data);
  const operands: PdfValue[] = [];
  let font: Font | undefined;
  let text = '';
  for (let token = lexer.next(false); token !== undefined; token = lexer.next(false)) {
    if (!isOperator(token)) {
      operands.push(token);
      continue;
    }
    switch (token.op) {
      case 'Tf': {
        const name = operands[operands.length - 2];
        if (name && typeof name === 'object' && 'name' in name) {
          let loaded = cache.get(name.name);
          if (!loaded) {
            loaded = await fontOf(pdf, fonts.get(name.name));
            cache.set(name.name, loaded);
          }
          font = loaded;
        }
        break;
      }
      case 'Tj':
      case "'":
      case '"': {
        const shown = hexValue(operands[operands.length - 1]);
        if (token.op !== 'Tj') text += '\n';
        if (shown) text += showText(font, shown);
        break;
      }
      case 'TJ': {
        const array = operands[operands.length - 1];
        if (Array.isArray(array))
          for (const part of array) {
            const shown = hexValue(part);
            if (shown) text += showText(font, shown);
            // A large negative adjustment is a gap between words.
            else if (typeof part === 'number' && part < -250) text += ' ';
          }
        break;
      }
      case 'ET':
        text += '\n';
        break;
    }
    operands.length = 0;
  }
  return text;
}

function pagesOf(pdf: PdfFile): Map<string, PdfValue>[] {
  const pages: Map<string, PdfValue>[] = [];
  for (const object of pdf.objects.values()) {
    const type = object.value instanceof Map ? object.value.get('Type') : undefined;
    if (type && typeof type === 'object' && 'name' in type && type.name === 'Page')
      pages.push(object.value as Map<string, PdfValue>);
  }
  return pages;
}

/** The text of every page of a PDF, in drawing order. A PdfReadError when it is not a PDF. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  if (bytes.length > MAX_PDF_BYTES) throw new PdfReadError('too large');
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).indexOf('%PDF-') === -1)
    throw new PdfReadError('not a PDF');
  const pdf = new PdfFile(readObjects(bytes));
  let text = '';
  for (const page of pagesOf(pdf)) {
    // Resources may also be inherited from the page tree: look up through the parents.
    let resources: Map<string, PdfValue> | undefined;
    for (let node: Map<string, PdfValue> | undefined = page, hops = 0; node && !resources && hops < 32; hops++) {
      resources = pdf.dict(node.get('Resources'));
      node = pdf.dict(node.get('Parent'));
    }
    const fonts = pdf.dict(resources?.get('Font')) ?? new Map<string, PdfValue>();
    const contents = pdf.resolve(page.get('Contents'));
    const parts = Array.isArray(contents) ? contents : [page.get('Contents')];
    const cache = new Map<string, Font>();
    for (const part of parts) {
      const data = await pdf.streamOf(part);
      if (data) text += await contentText(pdf, data, fonts, cache);
    }
    text += '\n\f';
  }
  return text;
}
