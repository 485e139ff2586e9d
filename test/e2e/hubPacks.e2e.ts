import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPackKey, runPublish } from '../../server/src/packs/packCommands';
import { CHUNK_BYTES } from '../../renderer/packs/downloadPack';
import { startHub, type RunningHub } from '../support/hubServer';
import { flatten, readNamespace } from '../support/locales';
import { SCREENSHOTS, useSharedBrowser } from '../support/sharedBrowser';
import { LINK_2G, OFFLINE } from '../support/emulatedLinks';

/**
 * A secretariat publishes the next meetings (and a course correction) on its hub; a delegate's
 * browser profile signs in over an emulated 2G link, sees the download's progress, loses the
 * network part way, and finishes from where it stopped; the meetings appear on the Meetings page.
 *
 * Trust: the hub under test makes its own pack key; this file builds the web app with a
 * trustedKeys file holding that key's public half (GAPBRIDGE_TRUSTED_KEYS, as a hub operator
 * would), into a folder of its own. dist/ and renderer/packs/trustedKeys.json are never touched.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/meetings-2031.ics');
const SG13 = 'sg13-2031-03@example.org';
// The fixture's meetings are in 2031: the profile's clock is set before them, never the real date.
const TODAY = new Date('2031-01-15T10:00:00Z');
const COURSE_UPDATE = '2026.11.1';
const PASSWORD = 'correct horse battery';
/** CDP's throughput is in bytes per second: about 250 kbit/s and 800 ms, a poor 2G link. */

const browser = useSharedBrowser();
const work = mkdtempSync(path.join(tmpdir(), 'gapbridge-hub-packs-e2e-'));
const packsDir = path.join(work, 'hub-packs');
const webRoot = path.join(work, 'web');
let hub: RunningHub;

beforeAll(async () => {
  // The hub's key, made on first use, and a build of the app that pins its public half.
  const keysFile = path.join(work, 'trusted-keys.json');
  writeFileSync(keysFile, JSON.stringify({ keys: [JSON.parse(runPackKey(packsDir))] }));
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      webRoot,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, GAPBRIDGE_TRUSTED_KEYS: keysFile },
      stdio: 'inherit',
    },
  );
  // The secretariat's calendar file, on top of the calendar the app ships; a course correction.
  runPublish(packsDir, ['calendar', FIXTURE, '--version', '2031.1.1']);
  const course = path.join(work, 'course');
  cpSync(path.join(ROOT, 'content/course'), course, { recursive: true });
  writeFileSync(path.join(course, 'pack.json'), JSON.stringify({ version: COURSE_UPDATE }));
  runPublish(packsDir, ['course', course]);
  hub = await startHub({ webRoot, packsDir });
}, 240_000);

afterAll(async () => {
  await hub?.close();
  rmSync(work, { recursive: true, force: true });
});

/**
 * The published calendar again under `version`; `broken`: then one byte of its file on the hub's
 * disk changes after signing, as a damaged copy would (same size, other bytes).
 */
function republishCalendar(version: string, broken: boolean): void {
  const current = gunzipSync(
    readFileSync(path.join(packsDir, 'files', `calendar-all-${latestCalendar}.json.gz`)),
  ).toString('utf8');
  const file = path.join(work, `calendar-${version}.json`);
  writeFileSync(file, JSON.stringify({ ...JSON.parse(current), version }));
  runPublish(packsDir, ['calendar', file]);
  // A damaged gzip file cannot be read back: the next version starts from the last good one.
  if (!broken) latestCalendar = version;
  if (!broken) return;
  const published = path.join(packsDir, 'files', `calendar-all-${version}.json.gz`);
  const bytes = readFileSync(published);
  bytes[200] = bytes[200]! ^ 1;
  writeFileSync(published, bytes);
}
let latestCalendar = '2031.1.1';

interface Profile {
  context: BrowserContext;
  page: Page;
  network: CDPSession;
  /** The Range header of every request for a pack, in order: [path, range, if-range]. */
  packRequests: string[][];
}

async function openProfile(locale: string): Promise<Profile> {
  const context = await browser().newContext({
    locale,
    viewport: { width: 1100, height: 800 },
    serviceWorkers: 'block',
  });
  await context.clock.install({ time: TODAY });
  const page = await context.newPage();
  const packRequests: string[][] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/v1/packs/') && url.pathname !== '/v1/packs/manifest')
      packRequests.push([url.pathname, request.headers()['range'] ?? '', request.headers()['if-range'] ?? '']);
  });
  const network = await context.newCDPSession(page);
  await network.send('Network.enable');
  await page.goto(`${hub.origin}/#/meetings`);
  return { context, page, network, packRequests };
}

async function register({ page }: Profile, email: string): Promise<void> {
  await page.goto(`${hub.origin}/#/settings/hub`);
  await page.getByTestId('hub-email').fill(email);
  await page.getByTestId('hub-password').fill(PASSWORD);
  await page.getByTestId('hub-register-button').click();
  await page.getByTestId('hub-question').waitFor({ timeout: 30_000 });
  await page.getByTestId('hub-bring-work').click();
}

const progressDone = async (page: Page) =>
  Number(
    (await page
      .getByTestId('pack-progress')
      .getAttribute('data-done', { timeout: 500 })
      .catch(() => null)) ?? -1,
  );

/** What this profile's database holds for a pack: installed version, or bytes of a download under way. */
function stored(page: Page, id: string): Promise<{ installed: string | null; received: number | null }> {
  return page.evaluate(
    (packId) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('gapbridge');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['contentPacks', 'packDownloads']);
          const installed = tx.objectStore('contentPacks').get(packId);
          const download = tx.objectStore('packDownloads').get(packId);
          tx.oncomplete = () => {
            open.result.close();
            resolve({ installed: installed.result?.version ?? null, received: download.result?.received ?? null });
          };
        };
      }),
    id,
  );
}

/** Scrolls to the foot of the page, so that the element ends above the sticky status bar. */
async function showWhole(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).scrollIntoViewIfNeeded();
  await page.evaluate(() => document.scrollingElement?.scrollTo({ top: document.scrollingElement.scrollHeight }));
}

async function refusedCalendar({ page, packRequests }: Profile, version: string, language: string): Promise<void> {
  const installed = (await stored(page, 'calendar/all')).installed;
  republishCalendar(version, true);
  await page.goto(`${hub.origin}/#/settings/hub`);
  await page.getByTestId('hub-sync-now').click();
  const refusal = page.getByTestId('pack-refusal');
  await refusal.waitFor({ timeout: 60_000 });
  expect(await refusal.getAttribute('data-reason')).toBe('wrong-hash');
  const settings = flatten(readNamespace(language, 'settings'));
  expect(await refusal.innerText()).toContain(settings.get('hub.packs.reason.wrong-hash') as string);
  expect(await stored(page, 'calendar/all')).toEqual({ installed, received: null });
  await refusal.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, `hub-packs-refused-${language}.png`) });
  // The next sync does not fetch the refused version again.
  const asked = () => packRequests.filter(([url]) => url === `/v1/packs/calendar/all/${version}`).length;
  const before = asked();
  await page.getByTestId('hub-sync-now').click();
  // Over 2G: the sync, then the manifest (the pack update starts as the sync ends).
  await expect
    .poll(() => page.getByTestId('hub-sync-state').getAttribute('data-phase'), { timeout: 30_000 })
    .toBe('synced');
  await expect
    .poll(() => page.getByTestId('pack-updates').getAttribute('data-phase'), { timeout: 30_000 })
    .toBe('idle');
  expect(asked()).toBe(before);
}

describe('signed updates from the hub, in a browser', () => {
  it('downloads the calendar and a course correction over 2G, resumes after a cut without starting over, and shows the meetings', async () => {
    const profile = await openProfile('en-GB');
    const { page, network } = profile;
    const en = flatten(readNamespace('en', 'meetings'));

    // Nothing ahead yet: the empty state says where the next meetings come from, and where to sign in.
    const empty = page.getByTestId('no-upcoming-hub');
    await empty.waitFor({ timeout: 30_000 });
    expect(await empty.innerText()).toContain(en.get('agenda.hubNote') as string);
    expect(await empty.getByRole('link').getAttribute('href')).toBe('#/settings/hub');
    await showWhole(page, 'no-upcoming');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hub-packs-empty-en.png') });

    // The network goes when the course's second piece is asked for (CDP's offline mode only
    // refuses new requests, so the request is failed as a dropped link would fail it).
    const courseUrl = `/v1/packs/course/en/${COURSE_UPDATE}`;
    let cut = false;
    await page.route(`**${courseUrl}`, async (route) => {
      if (!cut && (route.request().headers()['range'] ?? '').startsWith(`bytes=${CHUNK_BYTES}-`)) {
        cut = true;
        await network.send('Network.emulateNetworkConditions', OFFLINE);
        // Chromium may already have failed it once offline: either way the piece is lost.
        await route.abort('internetdisconnected').catch(() => undefined);
      } else await route.continue();
    });

    await network.send('Network.emulateNetworkConditions', LINK_2G);
    await register(profile, 'delegate@example.org');

    // The calendar (one piece), then the English course in pieces; the bar moves in the status bar and in Settings.
    await expect.poll(() => progressDone(page), { timeout: 90_000, interval: 100 }).toBeGreaterThan(0);
    await page.getByTestId('pack-status').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hub-packs-progress-en.png') });
    await expect.poll(() => cut, { timeout: 90_000 }).toBe(true);
    await page.unroute(`**${courseUrl}`);
    await expect
      .poll(() => page.getByTestId('pack-updates').getAttribute('data-phase'), { timeout: 30_000 })
      .toBe('idle');
    expect(await stored(page, 'course/en')).toEqual({ installed: '2026.11.0', received: CHUNK_BYTES });
    expect(await stored(page, 'calendar/all')).toMatchObject({ installed: '2031.1.1' });

    // Back on 2G: the download goes on from the stored bytes, naming the ETag they came with.
    const before = profile.packRequests.length;
    await network.send('Network.emulateNetworkConditions', LINK_2G);
    await expect.poll(async () => (await stored(page, 'course/en')).installed, { timeout: 90_000 }).toBe(COURSE_UPDATE);
    const resumed = profile.packRequests
      .slice(before)
      .filter(([url]) => url === `/v1/packs/course/en/${COURSE_UPDATE}`);
    expect(resumed[0]![1]).toMatch(new RegExp(`^bytes=${CHUNK_BYTES}-\\d+$`));
    expect(resumed[0]![2]).toMatch(/^"[0-9a-f]{64}"$/);
    expect(resumed.some(([, range]) => range?.startsWith('bytes=0-'))).toBe(false);

    // Installed: said in Settings, with the other languages on request.
    await page.getByTestId('pack-installed').waitFor();
    await page.getByTestId('pack-other-languages').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hub-packs-installed-en.png') });

    // The secretariat's meetings are on the Meetings page.
    await page.goto(`${hub.origin}/#/meetings`);
    await page.getByTestId(`meeting-${SG13}`).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hub-packs-meetings-en.png') });

    // A damaged calendar is refused with its reason; the installed one stays, and is not fetched again.
    await refusedCalendar(profile, '2031.1.2', 'en');
    republishCalendar('2031.1.3', false);
    await profile.context.close();
  }, 240_000);

  it('in Arabic: the progress, the installed updates and the meetings, right to left', async () => {
    const profile = await openProfile('ar');
    const { page, network } = profile;
    await page.getByTestId('no-upcoming-hub').waitFor({ timeout: 30_000 });
    await showWhole(page, 'no-upcoming');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hub-packs-empty-ar.png') });
    await network.send('Network.emulateNetworkConditions', LINK_2G);
    await register(profile, 'mandoub@example.org');
    await expect.poll(() => progressDone(page), { timeout: 90_000, interval: 100 }).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hub-packs-progress-ar.png') });
    await expect
      .poll(async () => (await stored(page, 'course/ar')).installed, { timeout: 120_000 })
      .toBe(COURSE_UPDATE);
    await page.getByTestId('pack-installed').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hub-packs-installed-ar.png') });
    await page.goto(`${hub.origin}/#/meetings`);
    await page.getByTestId(`meeting-${SG13}`).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hub-packs-meetings-ar.png') });
    await refusedCalendar(profile, '2031.1.4', 'ar');
    await profile.context.close();
  }, 240_000);
});
