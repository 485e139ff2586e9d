import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { HttpRequestFramer } from './httpRequestFramer';

/**
 * A TCP proxy between clients and a hub that behaves like a poor link: latency each way, a
 * bandwidth limit each way, and faults on demand (cut or truncate a request or an answer after N
 * bytes, refuse connections, or swallow them). It counts what crossed it: connections, HTTP
 * requests (request lines found by framing, so keep-alive is counted right) and bytes each way.
 *
 * The link is modelled, not measured: each direction is a queue whose segments leave one after
 * another at the configured rate and arrive one latency later. A connection costs one round trip
 * before its first byte can leave, like a TCP handshake. Slow start and loss are not modelled.
 */
export interface LinkShape {
  /** One-way delay client → hub, in ms. */
  upLatencyMs: number;
  /** One-way delay hub → client, in ms. */
  downLatencyMs: number;
  /** Bandwidth client → hub in bits per second; Infinity for no limit. */
  upBitsPerSecond: number;
  /** Bandwidth hub → client in bits per second; Infinity for no limit. */
  downBitsPerSecond: number;
}

/** An emulated 2G link: about 250 kbit/s each way and 800 ms round trip. */
export const LINK_2G: LinkShape = {
  upLatencyMs: 400,
  downLatencyMs: 400,
  upBitsPerSecond: 250_000,
  downBitsPerSecond: 250_000,
};

export const LINK_UNLIMITED: LinkShape = {
  upLatencyMs: 0,
  downLatencyMs: 0,
  upBitsPerSecond: Infinity,
  downBitsPerSecond: Infinity,
};

/**
 * What happens to one HTTP request: after `afterBytes` bytes of the request (`during: 'request'`)
 * or of its answer (`during: 'answer'`), the connection is reset (`how: 'cut'`, both sides see
 * an error) or the rest of that direction is dropped and the side closed cleanly
 * (`how: 'truncate'`, the receiver sees a short message followed by end of stream).
 */
export interface RequestFault {
  during: 'request' | 'answer';
  afterBytes: number;
  how: 'cut' | 'truncate';
}

export interface ObservedRequest {
  /** 0 for the first request through this proxy. */
  index: number;
  /** e.g. `POST /v1/sync HTTP/1.1`. */
  line: string;
  connection: number;
}

/**
 * `open` forwards; `refuse` resets each new connection at once (the client sees ECONNRESET);
 * `blackhole` accepts connections and never forwards a byte (a stalled link).
 */
export type AdmissionMode = 'open' | 'refuse' | 'blackhole';

export interface LinkProxyOptions {
  /** Where the hub listens. */
  target: { host?: string; port: number };
  shape?: Partial<LinkShape>;
  /** Decides the fault, if any, for each request as it starts. */
  faultFor?: ((request: ObservedRequest) => RequestFault | undefined) | undefined;
  /** Keep every scheduled segment in `schedule()`, for tests of the link model. */
  recordSchedule?: boolean;
}

export interface LinkCounts {
  connections: number;
  requests: number;
  /** Bytes delivered to the hub. */
  bytesUp: number;
  /** Bytes delivered to the clients. */
  bytesDown: number;
}

/** One segment as the link model scheduled it, in ms on the proxy's clock. */
export interface ScheduledSegment {
  direction: 'up' | 'down';
  connection: number;
  bytes: number;
  queuedAt: number;
  departsAt: number;
  arrivesAt: number;
}

export interface LinkProxy {
  /** The address clients use instead of the hub's, e.g. http://127.0.0.1:40123. */
  readonly origin: string;
  readonly port: number;
  counts(): LinkCounts;
  requests(): readonly ObservedRequest[];
  schedule(): readonly ScheduledSegment[];
  resetCounts(): void;
  /** Changes the link for bytes queued from now on. */
  setShape(shape: Partial<LinkShape>): void;
  setFaults(faultFor: LinkProxyOptions['faultFor']): void;
  setAdmission(mode: AdmissionMode): void;
  /** Resets every open connection, as a dropped link would. */
  dropConnections(): void;
  /** Stops listening, destroys every connection and clears every timer. */
  close(): Promise<void>;
}

/** Segment size when throttled: a typical TCP payload, so the receiver sees bytes trickle in. */
const SEGMENT_BYTES = 1460;
/** Queued bytes above which the sender is paused, as a full TCP window would. */
const HIGH_WATER_BYTES = 64 * 1024;

type Item = { at: number; kind: 'data'; data: Buffer } | { at: number; kind: 'end' } | { at: number; kind: 'reset' };

/** One direction of one connection: a bandwidth-limited, delayed queue in front of `destination`. */
class Lane {
  private readonly items: Item[] = [];
  private timer: NodeJS.Timeout | undefined;
  private linkFreeAt: number;
  private queuedBytes = 0;
  private closed = false;

  constructor(
    private readonly direction: 'up' | 'down',
    private readonly connection: number,
    private readonly source: Socket,
    private readonly destination: () => Socket | undefined,
    private readonly link: () => LinkShape,
    private readonly onDelivered: (bytes: number) => void,
    private readonly onScheduled: ((segment: ScheduledSegment) => void) | undefined,
    private readonly onReset: () => void,
    openedAt: number,
  ) {
    const shape = link();
    // The handshake: SYN up, SYN-ACK down; then the first byte may leave.
    this.linkFreeAt = openedAt + shape.upLatencyMs + shape.downLatencyMs;
  }

  send(data: Buffer): void {
    if (this.closed) return;
    const shape = this.link();
    const rate = this.direction === 'up' ? shape.upBitsPerSecond : shape.downBitsPerSecond;
    const latency = this.direction === 'up' ? shape.upLatencyMs : shape.downLatencyMs;
    const now = performance.now();
    const segment = Number.isFinite(rate) ? SEGMENT_BYTES : data.length;
    for (let offset = 0; offset < data.length; offset += segment) {
      const piece = data.subarray(offset, offset + segment);
      const departsAt = Math.max(now, this.linkFreeAt);
      const sentAt = departsAt + (Number.isFinite(rate) ? (piece.length * 8 * 1000) / rate : 0);
      this.linkFreeAt = sentAt;
      const arrivesAt = sentAt + latency;
      this.onScheduled?.({
        direction: this.direction,
        connection: this.connection,
        bytes: piece.length,
        queuedAt: now,
        departsAt,
        arrivesAt,
      });
      this.push({ at: arrivesAt, kind: 'data', data: piece });
      this.queuedBytes += piece.length;
    }
    if (this.queuedBytes > HIGH_WATER_BYTES) this.source.pause();
  }

  /** The sender closed its side: the receiver sees it after the bytes already on the way. */
  end(): void {
    if (this.closed) return;
    this.push({ at: this.afterLast(), kind: 'end' });
    this.closed = true;
  }

  /** A reset, after the bytes already on the way (it travels the same wire). */
  reset(): void {
    if (this.closed) return;
    this.push({ at: this.afterLast(), kind: 'reset' });
    this.closed = true;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.items.length = 0;
    this.closed = true;
  }

  private afterLast(): number {
    const latency = this.direction === 'up' ? this.link().upLatencyMs : this.link().downLatencyMs;
    return Math.max(this.items.at(-1)?.at ?? 0, Math.max(performance.now(), this.linkFreeAt) + latency);
  }

  private push(item: Item): void {
    this.items.push(item);
    if (this.items.length === 1) this.arm();
  }

  private arm(): void {
    clearTimeout(this.timer);
    const head = this.items[0];
    if (!head) return;
    this.timer = setTimeout(() => this.deliver(), Math.max(0, head.at - performance.now()));
  }

  private deliver(): void {
    this.timer = undefined;
    const now = performance.now();
    while (this.items.length > 0 && this.items[0]!.at <= now + 0.5) {
      const item = this.items.shift()!;
      const destination = this.destination();
      if (item.kind === 'data') {
        this.queuedBytes -= item.data.length;
        if (destination && !destination.destroyed) {
          destination.write(item.data);
          this.onDelivered(item.data.length);
        }
      } else if (item.kind === 'end') {
        destination?.end();
      } else {
        this.onReset();
        return;
      }
    }
    if (this.queuedBytes <= HIGH_WATER_BYTES / 2 && this.source.isPaused()) this.source.resume();
    this.arm();
  }
}

/** Starts a proxy on a free loopback port in front of `target`. */
export async function startLinkProxy(options: LinkProxyOptions): Promise<LinkProxy> {
  let shape: LinkShape = { ...LINK_UNLIMITED, ...options.shape };
  let faultFor = options.faultFor;
  let admission: AdmissionMode = 'open';
  const counts: LinkCounts = { connections: 0, requests: 0, bytesUp: 0, bytesDown: 0 };
  const observed: ObservedRequest[] = [];
  const segments: ScheduledSegment[] = [];
  const live = new Set<() => void>();
  const sockets = new Set<Socket>();

  let nextConnection = 0;
  // Half-open sockets, so that a side's end travels the link after the bytes before it.
  const server: Server = createServer({ allowHalfOpen: true }, (client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (admission === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    if (admission === 'blackhole') {
      client.resume();
      return;
    }
    handle(client);
  });

  function handle(client: Socket): void {
    const connection = nextConnection++;
    counts.connections += 1;
    const openedAt = performance.now();
    const hub = connect({ host: options.target.host ?? '127.0.0.1', port: options.target.port, allowHalfOpen: true });
    sockets.add(hub);
    hub.on('close', () => sockets.delete(hub));
    hub.setNoDelay(true);
    client.setNoDelay(true);
    const framer = new HttpRequestFramer();
    let upPosition = 0;
    let downPosition = 0;
    /** The fault of the request in flight on this connection, with where its message began. */
    let fault: { spec: RequestFault; requestStart: number; answerStart: number | null } | undefined;
    let finished = false;

    const finish = () => {
      if (finished) return;
      finished = true;
      up.dispose();
      down.dispose();
      live.delete(finish);
      client.resetAndDestroy();
      hub.resetAndDestroy();
    };
    live.add(finish);
    const record = options.recordSchedule ? (segment: ScheduledSegment) => segments.push(segment) : undefined;
    const up = new Lane(
      'up',
      connection,
      client,
      () => hub,
      () => shape,
      (bytes) => (counts.bytesUp += bytes),
      record,
      finish,
      openedAt,
    );
    const down = new Lane(
      'down',
      connection,
      hub,
      () => client,
      () => shape,
      (bytes) => (counts.bytesDown += bytes),
      record,
      finish,
      openedAt,
    );

    /** Sends `chunk` down `lane`, stopping at the fault's byte if it falls inside this chunk. */
    const forward = (lane: Lane, source: Socket, chunk: Buffer, position: number, faultAt: number | null) => {
      if (faultAt === null || faultAt >= position + chunk.length) {
        lane.send(chunk);
        return;
      }
      const keep = Math.max(0, faultAt - position);
      if (keep > 0) lane.send(chunk.subarray(0, keep));
      const how = fault!.spec.how;
      fault = undefined;
      if (how === 'cut') {
        lane.reset();
      } else {
        lane.end();
        // The rest of this direction is dropped; the sender may keep writing into the void.
        source.removeAllListeners('data');
        source.on('data', () => undefined);
      }
    };

    client.on('data', (chunk: Buffer) => {
      for (const start of framer.push(chunk)) {
        const request = { index: counts.requests++, line: start.line, connection };
        observed.push(request);
        const spec = faultFor?.(request);
        fault = spec ? { spec, requestStart: start.position, answerStart: null } : undefined;
      }
      const faultAt = fault?.spec.during === 'request' ? fault.requestStart + fault.spec.afterBytes : null;
      const position = upPosition;
      upPosition += chunk.length;
      forward(up, client, chunk, position, faultAt);
    });
    hub.on('data', (chunk: Buffer) => {
      // Without pipelining, an answer's first byte is the first byte down after its request began.
      if (fault && fault.spec.during === 'answer' && fault.answerStart === null) fault.answerStart = downPosition;
      const faultAt =
        fault?.spec.during === 'answer' && fault.answerStart !== null
          ? fault.answerStart + fault.spec.afterBytes
          : null;
      const position = downPosition;
      downPosition += chunk.length;
      forward(down, hub, chunk, position, faultAt);
    });
    client.on('end', () => up.end());
    hub.on('end', () => down.end());
    client.on('error', () => up.reset());
    hub.on('error', () => down.reset());
    client.on('close', () => {
      if (client.destroyed && hub.destroyed) finish();
    });
    hub.on('close', () => {
      if (client.destroyed && hub.destroyed) finish();
    });
    // Both sides closed cleanly and everything was delivered: release the lanes.
    let ended = 0;
    const oneEnded = () => {
      ended += 1;
      if (ended === 2) setImmediate(finishQuietly);
    };
    const finishQuietly = () => {
      if (finished) return;
      finished = true;
      up.dispose();
      down.dispose();
      live.delete(finish);
    };
    client.on('finish', oneEnded);
    hub.on('finish', oneEnded);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    counts: () => ({ ...counts }),
    requests: () => observed,
    schedule: () => segments,
    resetCounts() {
      Object.assign(counts, { requests: 0, bytesUp: 0, bytesDown: 0, connections: 0 });
      observed.length = 0;
      segments.length = 0;
    },
    setShape(next) {
      shape = { ...shape, ...next };
    },
    setFaults(next) {
      faultFor = next;
    },
    setAdmission(mode) {
      admission = mode;
    },
    dropConnections() {
      for (const finish of [...live]) finish();
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const finish of [...live]) finish();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
