import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type LanguageCode } from '../../i18n/languages';
import type { AccountFailure } from '../../sync/hubClient';
import type { SyncPhase } from '../../sync/syncStatus';
import type { SyncFailure } from '../../sync/transport';
import { REJECTION_CODES, SYNC_TABLE_NAMES } from '../../sync/wire';
import { clockWarningText, syncStatusText } from './syncStatusText';

// Keys built at run time (a failure's kind, a rejection's code) escape the check of literal keys
// in test/unit/locales.test.ts; here each one is asked for in every language.

const LOCALES = path.resolve(import.meta.dirname, '../../../locales');
const i18n = i18next.createInstance();

beforeAll(async () => {
  const read = (language: string, namespace: string) =>
    JSON.parse(readFileSync(path.join(LOCALES, language, `${namespace}.json`), 'utf8')) as object;
  await i18n.init({
    lng: 'en',
    fallbackLng: false,
    interpolation: { escapeValue: false },
    resources: Object.fromEntries(
      LANGUAGES.map(({ code }) => [code, { shell: read(code, 'shell'), settings: read(code, 'settings') }]),
    ),
  });
});

const FAILURES: Array<SyncFailure['kind'] | 'error'> = [
  'offline',
  'stalled',
  'signed-out',
  'busy',
  'server',
  'refused',
  'corrupt-answer',
  'error',
];
const ACCOUNT_FAILURES: Array<Exclude<AccountFailure['kind'], 'rate-limited'>> = [
  'offline',
  'bad-address',
  'bad-credentials',
  'email-taken',
  'weak-password',
  'server',
];
const at = Date.parse('2026-12-07T10:30:00Z');

describe.each(LANGUAGES.map(({ code }) => code))('sync wording in %s', (language: LanguageCode) => {
  const shell = () => i18n.getFixedT(language, 'shell') as TFunction<'shell'>;
  const settings = () => i18n.getFixedT(language, 'settings');
  const notAKey = (text: string) => expect(text).not.toMatch(/^(sync|hub)\.|{{/);

  it('says every phase and every failure, with the time of the next try', () => {
    const phases: SyncPhase[] = [
      { phase: 'signed-out' },
      { phase: 'session-ended' },
      { phase: 'question', previous: null },
      { phase: 'other-window' },
      { phase: 'syncing' },
      { phase: 'synced', at },
      { phase: 'offline' },
      ...FAILURES.map((failure): SyncPhase => ({ phase: 'failed', failure, retryAt: at })),
    ];
    for (const phase of phases) notAKey(syncStatusText(phase, shell(), language));
    const failed = syncStatusText({ phase: 'failed', failure: 'busy', retryAt: at }, shell(), language);
    expect(failed).not.toBe(syncStatusText({ phase: 'failed', failure: 'server', retryAt: at }, shell(), language));
  });

  it('warns of a clock off by minutes either way, and not at all when it is right', () => {
    notAKey(clockWarningText(7 * 60_000, shell())!);
    notAKey(clockWarningText(-90 * 60_000, shell())!);
    expect(clockWarningText(7 * 60_000, shell())).not.toBe(clockWarningText(-7 * 60_000, shell()));
    expect(clockWarningText(null, shell())).toBeNull();
  });

  it('names every account failure, every rejection code and every synced table', () => {
    for (const kind of ACCOUNT_FAILURES) notAKey(settings()(`hub.failure.${kind}`, { min: 10 }));
    for (const code of REJECTION_CODES) {
      notAKey(settings()(`hub.rejected.code.${code}.meaning`));
      notAKey(settings()(`hub.rejected.code.${code}.todo`));
    }
    for (const table of [...SYNC_TABLE_NAMES, 'other']) notAKey(settings()(`hub.rejected.table.${table}`));
  });
});
