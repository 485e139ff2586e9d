import { describe, expect, it, vi } from 'vitest';
import { createHubRequester, isHubRequestPath, responseJson } from './hubRequest';
import { SyncTransportError } from './transport';

const HUB = 'https://hub.example.org';

describe('hub route requests', () => {
  it('sends the method, JSON body, token and resume headers, and keeps only the useful answer headers', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(
      async () =>
        new Response('{"ok":true}', {
          status: 206,
          headers: { 'content-type': 'application/json', 'content-range': 'bytes 10-20/21', 'set-cookie': 'x=y' },
        }),
    );
    const send = createHubRequester({ hubUrl: HUB, token: () => 'secret', fetch });
    const answer = await send({ method: 'POST', path: '/v1/drafts/d1/shares', json: { email: 'b@example.org' } });
    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).toBe(`${HUB}/v1/drafts/d1/shares`);
    expect(init).toMatchObject({
      method: 'POST',
      body: '{"email":"b@example.org"}',
      headers: { authorization: 'Bearer secret', 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(206);
    expect(answer.headers).toEqual({ 'content-type': 'application/json', 'content-range': 'bytes 10-20/21' });
    expect(responseJson(answer)).toEqual({ ok: true });

    await send({ method: 'GET', path: '/v1/packs/calendar/en/3', range: { start: 4096, ifRange: '"v3"' } });
    expect(fetch.mock.calls[1]![1]!.headers).toMatchObject({ range: 'bytes=4096-', 'if-range': '"v3"' });
  });

  it('says offline when the request fails, and refuses paths that are not plain hub routes', async () => {
    const send = createHubRequester({ hubUrl: HUB, fetch: async () => Promise.reject(new TypeError('network')) });
    await expect(send({ method: 'GET', path: '/v1/certificate-keys' })).rejects.toEqual(
      new SyncTransportError({ kind: 'offline' }),
    );
    for (const path of ['/v1/sync', '/v1/sessions', '/v1/sessions/current', '/v1/accounts', '/v1/a/../sync', '/x']) {
      expect(isHubRequestPath(path)).toBe(false);
    }
    expect(isHubRequestPath('/v1/packs/manifest?since=3')).toBe(true);
  });

  it('gives up on an answer that stops arriving', async () => {
    vi.useFakeTimers();
    try {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array([1, 2, 3]));
        },
      });
      const send = createHubRequester({ hubUrl: HUB, stallMs: 1000, fetch: async () => new Response(body) });
      const pending = send({ method: 'GET', path: '/v1/packs/course/fr/2' });
      const outcome = expect(pending).rejects.toEqual(new SyncTransportError({ kind: 'stalled' }));
      await vi.advanceTimersByTimeAsync(1500);
      await outcome;
    } finally {
      vi.useRealTimers();
    }
  });
});
