/**
 * Finds where each HTTP/1.1 request begins in a client's byte stream, so that requests are
 * counted correctly on a keep-alive connection (several requests, one after another) and a fault
 * can be placed at a byte offset inside one request. Bodies are skipped by Content-Length or by
 * chunked framing, never scanned, so a body that contains "POST " is not a request.
 */
export interface RequestStart {
  /** Offset of the request's first byte in the connection's upstream stream. */
  position: number;
  /** Its request line, e.g. `POST /v1/sync HTTP/1.1`. */
  line: string;
}

type State =
  | { kind: 'head'; text: string; start: number }
  | { kind: 'body'; remaining: number }
  | { kind: 'chunk-size'; text: string }
  | { kind: 'chunk-data'; remaining: number }
  | { kind: 'trailers'; text: string };

const MAX_HEAD_CHARS = 64 * 1024;

export class HttpRequestFramer {
  private state: State | null = null;
  private position = 0;

  /** Feeds the next bytes of the stream; returns the requests that begin in them. */
  push(chunk: Buffer): RequestStart[] {
    const starts: RequestStart[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      const state = this.state;
      if (state === null) {
        this.state = { kind: 'head', text: '', start: this.position + offset };
        continue;
      }
      if (state.kind === 'head') {
        const { consumed, done } = this.readUntil(state, chunk, offset, '\r\n\r\n');
        offset += consumed;
        if (!done) continue;
        const line = state.text.slice(0, state.text.indexOf('\r\n'));
        starts.push({ position: state.start, line });
        this.state = this.afterHead(state.text);
        continue;
      }
      if (state.kind === 'body' || state.kind === 'chunk-data') {
        const take = Math.min(state.remaining, chunk.length - offset);
        offset += take;
        state.remaining -= take;
        if (state.remaining === 0) this.state = state.kind === 'body' ? null : { kind: 'chunk-size', text: '' };
        continue;
      }
      if (state.kind === 'chunk-size') {
        const { consumed, done } = this.readUntil(state, chunk, offset, '\r\n');
        offset += consumed;
        if (!done) continue;
        const size = Number.parseInt(state.text.split(';')[0]!.trim(), 16);
        if (Number.isNaN(size)) throw new Error(`Bad chunk size line: ${JSON.stringify(state.text)}`);
        // Data plus its closing CRLF; the last chunk is followed by trailers and an empty line.
        this.state = size === 0 ? { kind: 'trailers', text: '' } : { kind: 'chunk-data', remaining: size + 2 };
        continue;
      }
      // Trailers: header lines, then an empty line. With none, the empty line comes at once.
      const { consumed, done } = this.readUntil(state, chunk, offset, '\r\n');
      offset += consumed;
      if (!done) continue;
      if (state.text === '\r\n' || state.text.endsWith('\r\n\r\n')) this.state = null;
    }
    this.position += chunk.length;
    return starts;
  }

  /** Appends bytes to `state.text` up to and including `end`; says whether `end` was reached. */
  private readUntil(state: { text: string }, chunk: Buffer, offset: number, end: string) {
    let consumed = 0;
    while (offset + consumed < chunk.length) {
      state.text += String.fromCharCode(chunk[offset + consumed]!);
      consumed += 1;
      if (state.text.endsWith(end)) return { consumed, done: true };
      if (state.text.length > MAX_HEAD_CHARS) throw new Error('HTTP head too long');
    }
    return { consumed, done: false };
  }

  private afterHead(head: string): State | null {
    const headers = head.toLowerCase().split('\r\n').slice(1);
    const value = (name: string) =>
      headers
        .find((header) => header.startsWith(`${name}:`))
        ?.slice(name.length + 1)
        .trim();
    if (value('transfer-encoding')?.includes('chunked')) return { kind: 'chunk-size', text: '' };
    const length = Number(value('content-length') ?? 0);
    return length > 0 ? { kind: 'body', remaining: length } : null;
  }
}
