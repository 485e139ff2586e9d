import { gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { PushedChange, SyncAnswer } from '../src/sync/protocol';

/** A test device: signs up on a hub (in-process, no sockets) and runs sync cycles. */
export async function signUp(app: FastifyInstance, email: string, password = 'correct horse battery') {
  const answer = await app.inject({ method: 'POST', url: '/v1/accounts', payload: { email, password } });
  if (answer.statusCode !== 201) throw new Error(`sign-up failed: ${answer.statusCode} ${answer.body}`);
  return answer.json<{ token: string }>().token;
}

export async function postSync(
  app: FastifyInstance,
  token: string,
  body: { deviceId: string; cursor: number; changes: PushedChange[] },
): Promise<SyncAnswer> {
  const answer = await app.inject({
    method: 'POST',
    url: '/v1/sync',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'accept-encoding': 'gzip',
    },
    payload: gzipSync(JSON.stringify({ protocol: 1, ...body })),
  });
  if (answer.statusCode !== 200) throw new Error(`sync failed: ${answer.statusCode} ${answer.body}`);
  const raw = answer.headers['content-encoding'] === 'gzip' ? gunzipSync(answer.rawPayload) : answer.rawPayload;
  return JSON.parse(raw.toString('utf8')) as SyncAnswer;
}

let counter = 0;
/** A valid hybrid-logical-clock stamp for a device at a wall time. */
export function hlc(deviceId: string, wallMs = Date.now(), count = counter++ % 65536): string {
  return `${String(wallMs).padStart(15, '0')}-${count.toString(16).padStart(4, '0')}-${deviceId}`;
}

/** Pulls everything after `cursor`, page by page, as a device does. */
export async function pullAll(app: FastifyInstance, token: string, deviceId: string, cursor = 0) {
  const changes: SyncAnswer['changes'] = [];
  let answer: SyncAnswer;
  let pages = 0;
  do {
    answer = await postSync(app, token, { deviceId, cursor, changes: [] });
    changes.push(...answer.changes);
    cursor = answer.cursor;
    pages += 1;
  } while (answer.more);
  return { changes, cursor, pages, last: answer };
}
