import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import pg from 'pg';
import type { PushedChange } from '../../../renderer/sync/wire';
import { bytesToBase64, buildDataset } from './dataset';

export const LOAD = { accounts: 50, devicesPerAccount: 2, connections: 50, durationSeconds: 10 };

export interface LoadResult {
  cyclesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  cycles: number;
  failed: number;
  requestBytes: number;
}

interface Device {
  token: string;
  deviceId: string;
  seq: number;
  cursor: number;
}

async function startHubProcess(databaseUrl: string | undefined): Promise<{ child: ChildProcess; port: number }> {
  const entry = path.join(import.meta.dirname, 'hubProcess.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const [line] = (await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(() => {
      throw new Error('the hub process exited before listening');
    }),
  ])) as [string];
  return { child, port: (JSON.parse(line) as { port: number }).port };
}

/**
 * Many devices syncing at once against a hub in its own process: each request is a full sync
 * cycle as a device sends it (gzip body with three changes: an attempt, a setting, a draft's Yjs
 * update; its cursor from the previous answer). Answers are asked uncompressed, because autocannon
 * hands a response body to the script as text; they are a few hundred bytes.
 */
export async function measureHubLoad(databaseUrl?: string): Promise<LoadResult> {
  const { child, port } = await startHubProcess(databaseUrl);
  try {
    const origin = `http://127.0.0.1:${port}`;
    const devices: Device[] = [];
    for (let a = 0; a < LOAD.accounts; a++) {
      const answer = await fetch(`${origin}/v1/accounts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: `load-${a}-${randomUUID().slice(0, 8)}@example.org`,
          password: 'load test pw 123',
        }),
      });
      if (answer.status !== 201) throw new Error(`sign-up failed: ${answer.status} ${await answer.text()}`);
      const { token } = (await answer.json()) as { token: string };
      for (let d = 0; d < LOAD.devicesPerAccount; d++)
        devices.push({ token, deviceId: `load-${a}-device-${d}`, seq: 0, cursor: 0 });
    }
    const samples = buildDataset(7).operations;
    const attempt = samples.find((operation) => operation.kind === 'attempt')!;
    const edit = samples.find((operation) => operation.kind === 'draft-edit')!;
    const idle = [...devices];
    let requestBytes = 0;
    let hlcCounter = 0;
    const stamp = (deviceId: string) =>
      `${String(Date.now()).padStart(15, '0')}-${(hlcCounter++ % 65536).toString(16).padStart(4, '0')}-${deviceId}`;

    const changesFor = (device: Device): PushedChange[] => [
      {
        seq: ++device.seq,
        table: 'attempts',
        key: `${device.deviceId}-attempt-${device.seq}`,
        op: 'put',
        hlc: stamp(device.deviceId),
        v: 1,
        data: attempt.kind === 'attempt' ? { ...attempt.data } : {},
      },
      {
        seq: ++device.seq,
        table: 'settings',
        key: `setting${device.seq % 20}`,
        op: 'put',
        hlc: stamp(device.deviceId),
        v: 1,
        data: { value: device.seq },
      },
      {
        seq: ++device.seq,
        table: 'draftUpdates',
        key: `${device.deviceId}-change-${device.seq}`,
        op: 'put',
        hlc: stamp(device.deviceId),
        v: 1,
        data: { draftId: 'load-draft', update: edit.kind === 'draft-edit' ? bytesToBase64(edit.update) : '' },
      },
    ];

    const result = await autocannon({
      url: origin,
      connections: LOAD.connections,
      duration: LOAD.durationSeconds,
      requests: [
        {
          method: 'POST',
          path: '/v1/sync',
          // A device takes part in one cycle at a time; with more devices than connections, each
          // request goes to a device that is not waiting for an answer.
          setupRequest(request, context) {
            const device = idle.shift()!;
            context['device'] = device.deviceId;
            const body = gzipSync(
              JSON.stringify({
                protocol: 1,
                deviceId: device.deviceId,
                cursor: device.cursor,
                changes: changesFor(device),
              }),
            );
            requestBytes += body.length;
            return {
              ...request,
              headers: {
                authorization: `Bearer ${device.token}`,
                'content-type': 'application/json',
                'content-encoding': 'gzip',
              },
              body,
            };
          },
          onResponse(status, body, context) {
            const device = devices.find((each) => each.deviceId === context['device'])!;
            if (status === 200) device.cursor = (JSON.parse(body) as { cursor: number }).cursor;
            idle.push(device);
          },
        },
      ],
    });
    return {
      cyclesPerSecond: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      cycles: result.requests.total,
      failed: result.non2xx + result.errors + result.timeouts,
      requestBytes: requestBytes / Math.max(1, result.requests.total),
    };
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

/** A fresh database on the PostgreSQL server at `url`, or null with the reason when none answers. */
export async function freshPostgresDatabase(
  url: string,
): Promise<{ url: string; drop: () => Promise<void> } | { unavailable: string }> {
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    return { unavailable: (error as Error).message };
  }
  const name = `gb_bench_${randomUUID().replaceAll('-', '')}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const databaseUrl = new URL(url);
  databaseUrl.pathname = `/${name}`;
  return {
    url: databaseUrl.href,
    async drop() {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
