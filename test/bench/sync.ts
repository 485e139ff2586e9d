import { LINK_2G } from '../support/linkProxy';
import { buildDataset } from './sync/dataset';
import { measureGapbridge } from './sync/gapbridgeSide';
import { freshPostgresDatabase, LOAD, measureHubLoad, type LoadResult } from './sync/hubLoad';
import { measurePouchDB } from './sync/pouchSide';
import type { SideResult } from './sync/sideResult';
import type { Figure } from './shell';

/** PostgreSQL for the load figures: the hub suite's server, or a local cluster's default. */
const POSTGRES_URL =
  process.env['HUB_BENCH_DATABASE_URL'] ??
  process.env['HUB_TEST_DATABASE_URL'] ??
  'postgres://postgres:postgres@127.0.0.1:5432/postgres';

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ratio = (ours: number, theirs: number) => (ours / theirs).toFixed(3);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function comparison(label: string, ours: SideResult, theirs: SideResult): Figure[] {
  const prefix = `Sync D1 over 2G, ${label}`;
  return [
    {
      name: `${prefix}: bytes up + down`,
      value:
        `Gapbridge ${kB(ours.bytesUp)} + ${kB(ours.bytesDown)} · PouchDB ${kB(theirs.bytesUp)} + ${kB(theirs.bytesDown)}` +
        ` · ratio ${ratio(ours.bytesUp + ours.bytesDown, theirs.bytesUp + theirs.bytesDown)}`,
      target: '≤ 0.25',
    },
    {
      name: `${prefix}: HTTP requests (connections)`,
      value:
        `Gapbridge ${ours.requests} (${ours.connections}) · PouchDB ${theirs.requests} (${theirs.connections})` +
        ` · ratio ${ratio(ours.requests, theirs.requests)}`,
      target: '≤ 0.10',
    },
    {
      name: `${prefix}: time until B has everything`,
      value: `Gapbridge ${seconds(ours.elapsedMs)} · PouchDB ${seconds(theirs.elapsedMs)} · ratio ${ratio(ours.elapsedMs, theirs.elapsedMs)}`,
      target: '≤ 0.20',
    },
  ];
}

function loadFigure(backend: string, result: LoadResult): Figure {
  return {
    name: `Hub under load on ${backend}: sync cycles/s, p99`,
    value:
      `${result.cyclesPerSecond.toFixed(0)} cycles/s, p50 ${result.p50Ms.toFixed(0)} ms, p99 ${result.p99Ms.toFixed(0)} ms` +
      ` (${result.cycles} cycles, ${result.failed} failed, ${result.requestBytes.toFixed(0)} B gzip bodies; ` +
      `${LOAD.accounts} accounts × ${LOAD.devicesPerAccount} devices, ${LOAD.connections} connections, ${LOAD.durationSeconds} s)`,
  };
}

/**
 * Issue 8 §6: Gapbridge sync against PouchDB replication on dataset D1 over the same emulated 2G
 * link (test/support/linkProxy.ts: 250 kbit/s each way, 800 ms round trip), as one push and as
 * ten; then the hub under load (autocannon) on PGlite and on PostgreSQL.
 */
export async function syncFigures(): Promise<Figure[]> {
  const dataset = buildDataset();
  const figures: Figure[] = [];
  for (const pushes of [1, 10]) {
    const ours = await measureGapbridge(dataset, pushes, LINK_2G);
    const theirs = await measurePouchDB(dataset, pushes, LINK_2G);
    figures.push(...comparison(pushes === 1 ? 'one push' : `${pushes} pushes`, ours, theirs));
  }
  figures.push(loadFigure('PGlite', await measureHubLoad()));
  const postgres = await freshPostgresDatabase(POSTGRES_URL);
  if ('unavailable' in postgres) {
    figures.push({
      name: 'Hub under load on PostgreSQL',
      value: `skipped: no PostgreSQL at ${new URL(POSTGRES_URL).host} (${postgres.unavailable}); set HUB_BENCH_DATABASE_URL`,
    });
  } else {
    try {
      figures.push(loadFigure('PostgreSQL', await measureHubLoad(postgres.url)));
    } finally {
      await postgres.drop();
    }
  }
  return figures;
}
