import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import ar from '../../../locales/ar/shell.json';
import en from '../../../locales/en/shell.json';
import fr from '../../../locales/fr/shell.json';
import { desktopUpdateNotice } from './desktopUpdateText';

const NOW = Date.parse('2026-12-07T09:00:00Z');
let t: Record<'en' | 'fr' | 'ar', TFunction<'shell'>>;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { shell: en }, fr: { shell: fr }, ar: { shell: ar } },
    lng: 'en',
    ns: ['shell'],
    interpolation: { escapeValue: false },
  });
  t = {
    en: i18n.getFixedT('en', 'shell') as TFunction<'shell'>,
    fr: i18n.getFixedT('fr', 'shell') as TFunction<'shell'>,
    ar: i18n.getFixedT('ar', 'shell') as TFunction<'shell'>,
  };
});

describe('what the status bar says about an update of the app', () => {
  it('says nothing while idle or checking, nor when a check failed (the sync status covers an unreachable hub)', () => {
    expect(desktopUpdateNotice({ kind: 'idle' }, t.en, 'en', NOW)).toBeNull();
    expect(desktopUpdateNotice({ kind: 'checking' }, t.en, 'en', NOW)).toBeNull();
    expect(desktopUpdateNotice({ kind: 'failed', version: null, retryAt: NOW + 300_000 }, t.en, 'en', NOW)).toBeNull();
  });

  it('gives the percentage and size of a download in the language', () => {
    const state = {
      kind: 'downloading' as const,
      version: '0.2.0',
      percent: 42.4,
      transferred: 20_352_000,
      total: 48_000_000,
    };
    expect(desktopUpdateNotice(state, t.en, 'en', NOW)?.text).toBe('Downloading an update of Gapbridge: 42% of 48 MB.');
    // French: a no-break space before the colon and the % sign, French units.
    expect(desktopUpdateNotice(state, t.fr, 'fr', NOW)?.text).toMatch(
      /^Téléchargement d’une mise à jour de Gapbridge\u202f: 42[\u00a0\u202f]% de 48\sMo\.$/,
    );
    expect(desktopUpdateNotice(state, t.ar, 'ar', NOW)?.text).toContain('\u2068');
    expect(desktopUpdateNotice({ ...state, total: 0 }, t.en, 'en', NOW)?.text).toBe(
      'Downloading an update of Gapbridge…',
    );
  });

  it('offers "Restart now" for a ready update until the delegate chooses "Later"', () => {
    expect(desktopUpdateNotice({ kind: 'ready', version: '0.2.0', postponed: false }, t.en, 'en', NOW)).toEqual({
      text: 'Gapbridge 0.2.0 is ready. Restart now, or it installs when you quit.',
      offersRestart: true,
    });
    expect(desktopUpdateNotice({ kind: 'ready', version: '0.2.0', postponed: true }, t.en, 'en', NOW)).toBeNull();
  });

  it('says when a failed download is tried again', () => {
    const failed = desktopUpdateNotice(
      { kind: 'failed', version: '0.2.0', retryAt: NOW + 15 * 60_000 },
      t.en,
      'en',
      NOW,
    );
    expect(failed?.text).toMatch(/^The update of Gapbridge could not be downloaded\. Next try at \d/);
    expect(failed?.offersRestart).toBe(false);
  });
});
