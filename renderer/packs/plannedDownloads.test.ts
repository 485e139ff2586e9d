import { describe, expect, it } from 'vitest';
import { plannedDownloads, type InstalledPack } from './plannedDownloads';
import type { SignedPack } from './signedManifest';

function pack(id: SignedPack['id'], version: string, hash = 'a'): SignedPack {
  const [kind, lang] = id.split('/') as [SignedPack['kind'], SignedPack['lang']];
  return {
    id,
    kind,
    lang,
    version,
    sha256: hash.repeat(64),
    size: 100,
    encoding: 'gzip',
    inflatedSize: 400,
    url: `/v1/packs/${kind}/${lang}/${version}`,
  };
}

const installed: InstalledPack[] = [
  { id: 'calendar/all', version: '2026.12.0', sha256: 'a'.repeat(64) },
  { id: 'course/en', version: '2026.11.0', sha256: 'a'.repeat(64) },
  { id: 'course/fr', version: '2026.11.0', sha256: 'a'.repeat(64) },
  { id: 'course/ar', version: '2026.11.0', sha256: 'a'.repeat(64) },
];
const ids = (packs: SignedPack[]) => packs.map((p) => p.id);

describe('plannedDownloads', () => {
  it('picks only the packs that changed', () => {
    const plan = plannedDownloads(
      installed,
      { packs: [pack('calendar/all', '2026.12.1'), pack('course/en', '2026.11.0'), pack('course/fr', '2026.11.0')] },
      ['fr', 'en'],
    );
    expect(ids(plan.now)).toEqual(['calendar/all']);
    expect(plan.whenAsked).toEqual([]);
  });

  it('puts the calendar and the user’s languages first, in their order; the others wait to be asked for', () => {
    const manifest = {
      packs: [
        pack('course/ar', '2026.12.0'),
        pack('course/en', '2026.12.0'),
        pack('course/es', '2026.12.0'),
        pack('course/fr', '2026.12.0'),
        pack('calendar/all', '2026.12.1'),
      ],
    };
    const plan = plannedDownloads(installed, manifest, ['fr', 'en']);
    expect(ids(plan.now)).toEqual(['calendar/all', 'course/fr', 'course/en']);
    expect(ids(plan.whenAsked)).toEqual(['course/ar', 'course/es']);
  });

  it('never lets an older version replace a newer one', () => {
    const plan = plannedDownloads(installed, { packs: [pack('calendar/all', '2026.11.9', 'b')] }, ['en']);
    expect(plan).toEqual({ now: [], whenAsked: [] });
  });

  it('takes the same version republished with other bytes, and a pack not installed yet', () => {
    const plan = plannedDownloads(
      installed,
      { packs: [pack('course/en', '2026.11.0', 'c'), pack('course/zh', '2026.11.0')] },
      ['zh', 'en'],
    );
    expect(ids(plan.now)).toEqual(['course/zh', 'course/en']);
  });
});
