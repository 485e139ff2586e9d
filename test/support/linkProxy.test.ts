import { Agent, createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLinkProxy, type LinkProxy, type LinkProxyOptions } from './linkProxy';

const BODY_100KB = Buffer.alloc(100 * 1024, 'x');

/** A tiny hub: echoes POST bodies, serves 100 KB on GET /big, and counts the bytes its sockets saw. */
interface TinyServer {
  port: number;
  handled: string[];
  sockets: Set<Socket>;
  bytesRead(): number;
  bytesWritten(): number;
  close(): Promise<void>;
}

async function startTinyServer(): Promise<TinyServer> {
  const handled: string[] = [];
  const sockets = new Set<Socket>();
  let closedRead = 0;
  let closedWritten = 0;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch {
      return; // The request was cut: nothing to handle.
    }
    handled.push(`${req.method} ${req.url} ${Buffer.concat(chunks).length}`);
    if (req.url === '/big') res.end(BODY_100KB);
    else res.end(Buffer.concat(chunks));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      closedRead += socket.bytesRead;
      closedWritten += socket.bytesWritten;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    handled,
    sockets,
    bytesRead: () => closedRead + [...sockets].reduce((sum, s) => sum + s.bytesRead, 0),
    bytesWritten: () => closedWritten + [...sockets].reduce((sum, s) => sum + s.bytesWritten, 0),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** One request through the proxy with node:http, so that tests choose the agent (keep-alive) and framing. */
function send(
  proxy: LinkProxy,
  agent: Agent,
  method: string,
  path: string,
  body?: Buffer | Buffer[],
): Promise<{ status: number; body: Buffer; chunks: number }> {
  return new Promise((resolve, reject) => {
    const chunked = Array.isArray(body);
    const headers: Record<string, string> = chunked
      ? { 'transfer-encoding': 'chunked' }
      : { 'content-length': String(body?.length ?? 0) };
    const req = httpRequest({ host: '127.0.0.1', port: proxy.port, method, path, agent, headers });
    req.on('error', reject);
    req.on('response', (res: IncomingMessage) => {
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('aborted')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts), chunks: parts.length }));
    });
    if (chunked) for (const part of body) req.write(part);
    else if (body) req.write(body);
    req.end();
  });
}

describe('the link proxy', () => {
  let hub: TinyServer;
  let proxy: LinkProxy | undefined;
  let agent: Agent;

  beforeEach(async () => {
    hub = await startTinyServer();
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
  });
  afterEach(async () => {
    agent.destroy();
    await proxy?.close();
    proxy = undefined;
    await hub.close();
  });

  const start = async (options: Omit<LinkProxyOptions, 'target'> = {}) => {
    proxy = await startLinkProxy({ target: { port: hub.port }, ...options });
    return proxy;
  };

  it('counts requests on a keep-alive connection by their framing, not by text in bodies', async () => {
    const link = await start();
    const sneaky = Buffer.from('POST /not-a-request HTTP/1.1\r\nContent-Length: 0\r\n\r\nGET / HTTP/1.1\r\n\r\n');
    await send(link, agent, 'POST', '/a', sneaky);
    await send(link, agent, 'GET', '/b');
    // Chunked framing, with a chunk that looks like a request line.
    await send(link, agent, 'POST', '/c', [Buffer.from('GET /x HTTP/1.1\r\n'), Buffer.from('tail')]);
    const echoed = await send(link, agent, 'POST', '/d', sneaky);

    expect(echoed.body.equals(sneaky)).toBe(true);
    expect(hub.handled).toEqual([`POST /a ${sneaky.length}`, 'GET /b 0', 'POST /c 21', `POST /d ${sneaky.length}`]);
    expect(link.requests().map((request) => request.line)).toEqual([
      'POST /a HTTP/1.1',
      'GET /b HTTP/1.1',
      'POST /c HTTP/1.1',
      'POST /d HTTP/1.1',
    ]);
    const counts = link.counts();
    expect(counts.connections).toBe(1);
    expect(counts.requests).toBe(4);
    expect(counts.bytesUp).toBe(hub.bytesRead());
    expect(counts.bytesDown).toBe(hub.bytesWritten());
  });

  it('counts a connection per new socket and starts again from zero when reset', async () => {
    const link = await start();
    const fresh = new Agent({ keepAlive: false });
    await send(link, fresh, 'GET', '/one');
    await send(link, fresh, 'GET', '/two');
    expect(link.counts()).toMatchObject({ connections: 2, requests: 2 });
    link.resetCounts();
    expect(link.counts()).toEqual({ connections: 0, requests: 0, bytesUp: 0, bytesDown: 0 });
    fresh.destroy();
  });

  it('throttles: a 100 KB answer leaves in segments spaced by the bandwidth, and arrives whole and in order', async () => {
    const rate = 2_000_000;
    const latency = 20;
    const link = await start({
      shape: { upLatencyMs: latency, downLatencyMs: latency, upBitsPerSecond: rate, downBitsPerSecond: rate },
      recordSchedule: true,
    });
    const answer = await send(link, agent, 'GET', '/big');

    expect(answer.body.equals(BODY_100KB)).toBe(true);
    const down = link.schedule().filter((segment) => segment.direction === 'down');
    const bytes = down.reduce((sum, segment) => sum + segment.bytes, 0);
    expect(bytes).toBe(link.counts().bytesDown);
    expect(bytes).toBeGreaterThan(BODY_100KB.length);
    // Each segment takes its own time on the wire: none overlaps the one before.
    for (let i = 1; i < down.length; i++) {
      const onWire = (down[i]!.bytes * 8 * 1000) / rate;
      expect(down[i]!.departsAt).toBeGreaterThanOrEqual(down[i - 1]!.arrivesAt - latency - 1e-6);
      expect(down[i]!.arrivesAt - down[i]!.departsAt).toBeCloseTo(onWire + latency, 6);
    }
    const span = down.at(-1)!.arrivesAt - down[0]!.departsAt;
    expect(span).toBeGreaterThanOrEqual((bytes * 8 * 1000) / rate);
    // The first byte can leave only after the handshake's round trip.
    const up = link.schedule().filter((segment) => segment.direction === 'up');
    expect(up[0]!.departsAt).toBeLessThanOrEqual(down[0]!.departsAt);
    // The client saw the body trickle in, not in one piece.
    expect(answer.chunks).toBeGreaterThan(10);
  });

  it('without a limit, segments spend no time on the wire', async () => {
    const link = await start({ recordSchedule: true });
    await send(link, agent, 'GET', '/big');
    for (const segment of link.schedule()) expect(segment.arrivesAt).toBe(segment.departsAt);
  });

  it('cuts a request after N bytes: the client gets an error and the hub never handles it', async () => {
    const link = await start({
      faultFor: ({ index }) => (index === 1 ? { during: 'request', afterBytes: 100, how: 'cut' } : undefined),
    });
    await send(link, agent, 'POST', '/first', Buffer.alloc(500, 'a'));
    await expect(send(link, agent, 'POST', '/second', Buffer.alloc(500, 'b'))).rejects.toThrow();
    expect(hub.handled).toEqual(['POST /first 500']);
    const third = await send(link, agent, 'POST', '/third', Buffer.alloc(5, 'c'));
    expect(third.body.toString()).toBe('ccccc');
  });

  it('truncates a request after N bytes: the hub receives exactly those bytes and then the end', async () => {
    const link = await start({ faultFor: () => ({ during: 'request', afterBytes: 120, how: 'truncate' }) });
    const outcome = await send(link, agent, 'POST', '/short', Buffer.alloc(1000, 'a')).catch((error: Error) => error);
    // Node's HTTP server answers a request cut short by the end of its stream with 400.
    expect(outcome instanceof Error ? 'error' : outcome.status).toSatisfy((kind) => kind === 'error' || kind === 400);
    await waitFor(() => hub.sockets.size === 0);
    expect(hub.bytesRead()).toBe(120);
    expect(hub.handled).toEqual([]);
  });

  it('cuts an answer after N bytes: the client gets an error after part of the body', async () => {
    const link = await start({ faultFor: () => ({ during: 'answer', afterBytes: 5000, how: 'cut' }) });
    await expect(send(link, agent, 'GET', '/big')).rejects.toThrow();
    expect(link.counts().bytesDown).toBe(5000);
  });

  it('truncates an answer after N bytes: the client sees the stream end early', async () => {
    const link = await start({ faultFor: () => ({ during: 'answer', afterBytes: 3000, how: 'truncate' }) });
    await expect(send(link, agent, 'GET', '/big')).rejects.toThrow();
    expect(link.counts().bytesDown).toBe(3000);
    // fetch, as the sync transport uses, fails too rather than returning a short body.
    await expect(fetch(`${link.origin}/big`).then((response) => response.arrayBuffer())).rejects.toThrow();
  });

  it('refuses connections, and lets them through again when open', async () => {
    const link = await start();
    link.setAdmission('refuse');
    await expect(fetch(`${link.origin}/x`)).rejects.toThrow();
    expect(hub.handled).toEqual([]);
    link.setAdmission('open');
    expect((await fetch(`${link.origin}/x`, { method: 'POST', body: 'ok' })).status).toBe(200);
  });

  it('swallows connections in blackhole mode: nothing reaches the hub', async () => {
    const link = await start();
    link.setAdmission('blackhole');
    await expect(fetch(`${link.origin}/x`, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(hub.handled).toEqual([]);
    expect(link.counts().connections).toBe(0);
  });

  it('closes cleanly with bytes still on the link: no socket or timer left behind', async () => {
    const baseline = activeResources();
    const link = await start({ shape: { downBitsPerSecond: 8_000 } });
    const pending = send(link, agent, 'GET', '/big').catch((error: unknown) => error);
    await waitFor(() => hub.handled.length === 1);
    expect(activeResources().Timeout).toBeGreaterThan(baseline.Timeout ?? 0);
    await link.close();
    proxy = undefined;
    expect(await pending).toBeInstanceOf(Error);
    await waitFor(() => hub.sockets.size === 0);
    agent.destroy();
    await waitFor(() => (activeResources().TCPSocketWrap ?? 0) <= (baseline.TCPSocketWrap ?? 0));
    expect(activeResources().Timeout ?? 0).toBeLessThanOrEqual(baseline.Timeout ?? 0);
  });
});

function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** Polls until `condition` holds; the test's own timeout bounds the wait. */
async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
