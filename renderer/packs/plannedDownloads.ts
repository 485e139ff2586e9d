import type { LanguageCode } from '../i18n/languages';
import { compareVersions } from '../content/versions';
import type { ManifestBody, SignedPack } from './signedManifest';

export interface InstalledPack {
  id: string;
  version: string;
  sha256: string;
}

export interface DownloadPlan {
  /** The calendar and the packs in the user's languages, in the order of those languages. */
  now: SignedPack[];
  /** Packs in the other languages: downloaded when the user asks. */
  whenAsked: SignedPack[];
}

/**
 * A pack is worth downloading when none is installed, or the manifest's is newer, or the same
 * version was republished with other bytes. An older version never replaces a newer one.
 */
function hasChanged(entry: SignedPack, installed: InstalledPack | undefined): boolean {
  if (!installed) return true;
  const order = compareVersions(entry.version, installed.version);
  return order > 0 || (order === 0 && entry.sha256 !== installed.sha256);
}

export function plannedDownloads(
  installed: readonly InstalledPack[],
  manifest: Pick<ManifestBody, 'packs'>,
  languages: readonly LanguageCode[],
): DownloadPlan {
  const byId = new Map(installed.map((pack) => [pack.id, pack]));
  const changed = manifest.packs.filter((entry) => hasChanged(entry, byId.get(entry.id)));
  // The calendar (all languages) first, then the user's languages in their order.
  const rank = (entry: SignedPack) =>
    entry.lang === 'all' ? -1 : languages.includes(entry.lang) ? languages.indexOf(entry.lang) : Infinity;
  const now = changed.filter((entry) => rank(entry) !== Infinity);
  now.sort((a, b) => rank(a) - rank(b));
  return { now, whenAsked: changed.filter((entry) => !now.includes(entry)) };
}
