import { certificateKeysSchema, type CertificateKeys } from '../certificates/certificateKeys';
import { installContentPack, readContentPack } from '../content/packLoader';
import { compareVersions } from '../content/versions';
import { installedPacks, recordInstalledPack } from '../db/contentPacks';
import type { GapbridgeDatabase } from '../db/database';
import {
  clearRefusal,
  dropDownload,
  manifestState,
  packRefusals,
  recordManifestCheck,
  refusePack,
  storedDownloads,
} from '../db/packDownloads';
import type { PackRefusalReason } from '../db/records';
import type { LanguageCode } from '../i18n/languages';
import { responseJson } from '../sync/hubRequest';
import { SyncTransportError } from '../sync/transport';
import { downloadPack, PackDownloadError, PackSizeMismatch, type SendHubRequest } from './downloadPack';
import { plannedDownloads } from './plannedDownloads';
import type { PackUpdateStore } from './packUpdateStatus';
import type { SignedPack } from './signedManifest';
import { inflatePack } from './inflatePack';
import { createThroughputMeter } from './throughput';
import type { PinnedKey } from './trustedKeys';
import { verifyManifest } from './verifyManifest';
import { verifyPack } from './verifyPack';

export const MANIFEST_PATH = '/v1/packs/manifest';

export interface PackUpdaterOptions {
  db: GapbridgeDatabase;
  /** The hub client's request (HubClient.request): the signed-in hub, in a browser or in Electron. */
  send: SendHubRequest;
  /** The keys the app pins (trustedKeys.json). With none, the app trusts no hub and asks nothing. */
  keys: ReadonlyMap<string, PinnedKey>;
  /** The delegate's languages, first first: their course packs come at once, the others when asked. */
  languages: () => readonly LanguageCode[];
  /** Receives the hub's certificate keys from a checked `certificate-keys` pack, to store them. */
  onCertificateKeys: (keys: CertificateKeys) => Promise<void> | void;
  status: PackUpdateStore;
  now?: () => number;
  /** Bytes per Range request (downloadPack's CHUNK_BYTES unless a test asks for smaller pieces). */
  chunkBytes?: number;
}

export interface PackUpdater {
  /**
   * Checks the hub's signed manifest and downloads what changed in the delegate's languages (with
   * `otherLanguages`, the others too). One run at a time: asked during a run, it runs once more
   * after. Never rejects: failures are shown in the status store or wait for the next sync.
   */
  update(options?: { otherLanguages?: boolean }): Promise<void>;
}

/** A pack's checked bytes, installed; or why they were refused. */
type Installed = { ok: true; installed: boolean } | { ok: false; reason: PackRefusalReason };

export function createPackUpdater(options: PackUpdaterOptions): PackUpdater {
  const { db, send, keys, status } = options;
  const now = options.now ?? Date.now;
  let running: Promise<void> | null = null;
  let again: { otherLanguages: boolean } | null = null;

  async function install(entry: SignedPack, served: Uint8Array): Promise<Installed> {
    const check = verifyPack(served, entry);
    if (!check.ok) return check;
    const inflated = await inflatePack(served, entry.inflatedSize);
    if (!inflated.ok) return inflated;
    const { bytes } = inflated;
    if (entry.kind === 'certificate-keys') {
      let parsed;
      try {
        parsed = certificateKeysSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
      } catch {
        return { ok: false, reason: 'invalid-pack' };
      }
      if (!parsed.success) return { ok: false, reason: 'invalid-pack' };
      await options.onCertificateKeys(parsed.data);
      return { ok: true, installed: await recordInstalledPack(db, entry.id, entry.version, entry.sha256) };
    }
    const pack = readContentPack(bytes, { kind: entry.kind, lang: entry.lang, version: entry.version });
    if (!pack) return { ok: false, reason: 'invalid-pack' };
    return { ok: true, installed: await installContentPack(db, pack, entry.sha256) };
  }

  /** Refusals still worth showing: a version newer than the installed one (or none installed). */
  async function showRefusals() {
    const installed = new Map((await installedPacks(db)).map((pack) => [pack.id, pack.version]));
    const refusals = (await packRefusals(db)).filter((refusal) => {
      const version = installed.get(refusal.id);
      return version === undefined || compareVersions(refusal.version, version) > 0;
    });
    status.setState({ refusals });
  }

  async function run(otherLanguages: boolean): Promise<void> {
    if (keys.size === 0) return;
    status.setState({ phase: 'checking' });
    const answer = await send({ method: 'GET', path: MANIFEST_PATH });
    // 404: the hub publishes nothing (yet). Anything else but 200 waits for the next sync.
    if (answer.status !== 200) return;
    const floor = (await manifestState(db))?.sequence ?? 0;
    const check = verifyManifest(responseJson(answer), keys, floor);
    if (!check.ok) {
      await recordManifestCheck(db, { refusal: check.reason }, new Date(now()));
      status.setState({ manifestRefusal: check.reason });
      return;
    }
    const { manifest } = check;
    await recordManifestCheck(db, { sequence: manifest.sequence }, new Date(now()));
    status.setState({ manifestRefusal: null });

    const refused = await packRefusals(db);
    const notRefused = (entry: SignedPack) =>
      !refused.some((each) => each.id === entry.id && each.version === entry.version && each.sha256 === entry.sha256);
    const plan = plannedDownloads(await installedPacks(db), manifest, options.languages());
    const wanted = plan.now.filter(notRefused);
    const others = plan.whenAsked.filter(notRefused);
    const queue = otherLanguages ? [...wanted, ...others] : wanted;
    status.setState({
      otherLanguages: otherLanguages
        ? { count: 0, bytes: 0 }
        : { count: others.length, bytes: others.reduce((sum, entry) => sum + entry.size, 0) },
    });

    // What is stored of a download the manifest no longer offers is dropped; the rest resumes.
    const stored = await storedDownloads(db);
    const offered = [...wanted, ...others];
    for (const download of stored) {
      const entry = offered.find((each) => each.id === download.id);
      if (!entry || entry.version !== download.version || entry.sha256 !== download.sha256)
        await dropDownload(db, download.id);
    }
    if (queue.length === 0) return;

    // Bytes already stored count as done (downloadPack reports them first): a resumed download
    // does not start its bar over.
    const total = queue.reduce((sum, entry) => sum + entry.size, 0);
    let finished = 0;
    const meter = createThroughputMeter();
    const installed: string[] = [];
    status.setState({ phase: 'downloading', installed: [] });
    for (const entry of queue) {
      const onBytes = (received: number) => {
        const done = finished + received;
        meter.sample(now(), done);
        status.setState({
          progress: { packId: entry.id, done, total, secondsLeft: meter.secondsLeft(total - done) },
        });
      };
      let outcome: Installed;
      try {
        outcome = await install(entry, await downloadPack(db, send, entry, onBytes, options.chunkBytes));
      } catch (error) {
        if (!(error instanceof PackSizeMismatch)) throw error;
        outcome = { ok: false, reason: 'wrong-size' };
      }
      finished += entry.size;
      if (outcome.ok) {
        await dropDownload(db, entry.id);
        await clearRefusal(db, entry.id);
        if (outcome.installed) installed.push(entry.id);
      } else {
        // Refused by version and hash: not downloaded again until the hub lists another.
        await refusePack(db, entry, outcome.reason, new Date(now()));
      }
      status.setState({ installed: [...installed] });
    }
  }

  async function runGuarded(otherLanguages: boolean): Promise<void> {
    try {
      await run(otherLanguages);
    } catch (error) {
      // Offline, stalled, or the hub no longer lists a pack: what is stored waits for the next sync.
      if (!(error instanceof SyncTransportError) && !(error instanceof PackDownloadError))
        console.error('Pack update failed', error);
    } finally {
      status.setState({ phase: 'idle', progress: null });
      await showRefusals().catch(() => undefined);
    }
  }

  return {
    update({ otherLanguages = false } = {}) {
      if (running) {
        again = { otherLanguages: otherLanguages || (again?.otherLanguages ?? false) };
        return running;
      }
      running = (async () => {
        let next: { otherLanguages: boolean } | null = { otherLanguages };
        while (next) {
          await runGuarded(next.otherLanguages);
          next = again;
          again = null;
        }
        running = null;
      })();
      return running;
    },
  };
}
