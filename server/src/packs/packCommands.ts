import { toBase64 } from '../../../renderer/sync/base64';
import { loadOrCreateHubKey } from './hubKey';
import type { CertificateKeys } from '../../../renderer/certificates/certificateKeys';
import { publishCalendar, publishCertificateKeys, publishCourse } from './publish';
import type { PublishResult } from './packStore';

export const PUBLISH_USAGE =
  'usage: npm run hub -- publish calendar FILE.ics --version V | publish calendar PACK.json | publish course DIR | publish certificate-keys | publish app DIR';

function report(result: PublishResult, keyId: string): string {
  const sequence = result.manifest?.manifest.sequence ?? 0;
  const lines = result.published.length
    ? [`Published ${result.published.join(', ')}: manifest ${sequence}, signed with key ${keyId}.`]
    : ['Nothing new to publish.'];
  if (result.unchanged.length) lines.push(`Already published, unchanged: ${result.unchanged.join(', ')}.`);
  return lines.join('\n');
}

/** `npm run hub -- publish …`: prints what it did; throws with a message the operator can act on. */
export function runPublish(packsDir: string, args: string[], now = new Date()): string {
  const [what, target, ...options] = args;
  const versionAt = options.indexOf('--version');
  const version = versionAt >= 0 ? options[versionAt + 1] : undefined;
  if (!target || (what !== 'calendar' && what !== 'course')) throw new Error(PUBLISH_USAGE);
  const key = loadOrCreateHubKey(packsDir);
  if (what === 'course') return report(publishCourse(packsDir, key, target, now), key.keyId);
  const result = publishCalendar(packsDir, key, target, version, now);
  return `${result.summary}.\n${report(result, key.keyId)}`;
}

/** `npm run hub -- publish certificate-keys`: the keys come from the hub's database (main.ts reads them). */
export function runPublishCertificateKeys(packsDir: string, keys: CertificateKeys, now = new Date()): string {
  const key = loadOrCreateHubKey(packsDir);
  const ids = keys.keys.map((each) => each.keyId).join(', ');
  return `${keys.keys.length} certificate keys (${ids}).\n${report(publishCertificateKeys(packsDir, key, keys, now), key.keyId)}`;
}

/** `npm run hub -- pack-key`: the line for renderer/packs/trustedKeys.json, so that the app trusts this hub. */
export function runPackKey(packsDir: string): string {
  const key = loadOrCreateHubKey(packsDir);
  return JSON.stringify({ keyId: key.keyId, publicKey: toBase64(key.publicKey) });
}
