import * as Y from 'yjs';
import { seededRandom } from '../../../renderer/features/course/model/drawing';

/**
 * Dataset D1 of issue 8 §6, the same operations for both systems: 1,000 finished quiz attempts,
 * 200 settings changes over 20 keys, and 500 edits over 5 drafts that grow to about 10 KB each.
 * Each edit is a real Yjs update of the draft's text (one editing session: a sentence typed, now
 * and then a phrase deleted). Deterministic: the same seed gives the same bytes.
 */
export interface AttemptData {
  kind: 'module';
  moduleId: string;
  questionIds: string[];
  answers: Record<string, string[]>;
  choiceOrder: Record<string, string[]>;
  startedAt: string;
  finishedAt: string;
  contentVersion: string;
}

export type Operation =
  | { kind: 'attempt'; id: string; data: AttemptData }
  | { kind: 'setting'; key: string; value: string | number | boolean }
  | { kind: 'draft-created'; draftId: string; language: 'en' | 'fr' | 'ar'; createdAt: string }
  /** `update` is the Yjs update of this edit; `text` is the whole draft after it. */
  | { kind: 'draft-edit'; draftId: string; changeId: string; update: Uint8Array; text: string };

export interface Dataset {
  operations: Operation[];
  /** The final text of each draft. */
  drafts: Map<string, string>;
  /** The final value of each setting. */
  settings: Map<string, string | number | boolean>;
  attempts: number;
  draftEdits: number;
  settingsChanges: number;
}

export const D1 = { attempts: 1000, settingsChanges: 200, settingKeys: 20, drafts: 5, editsPerDraft: 100 };

const WORDS = [
  'the',
  'study',
  'group',
  'question',
  'proposes',
  'network',
  'quality',
  'service',
  'measurement',
  'operators',
  'rural',
  'coverage',
  'numbering',
  'signalling',
  'security',
  'should',
  'consider',
  'draft',
  'recommendation',
  'terminal',
  'performance',
  'interoperability',
  'testing',
  'requirements',
  'of',
  'for',
  'and',
  'in',
  'with',
  'developing',
  'countries',
  'mobile',
  'access',
  'framework',
];

export function buildDataset(seed = 1): Dataset {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const sentence = () => {
    const words = Array.from({ length: 9 + Math.floor(random() * 7) }, () => pick(WORDS));
    const text = words.join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}. `;
  };
  let wall = Date.parse('2026-11-02T08:00:00Z');
  const tick = () => new Date((wall += 30_000 + Math.floor(random() * 60_000))).toISOString();

  // Three streams, interleaved at random as a delegate's week would be.
  const attempts: Operation[] = [];
  for (let i = 0; i < D1.attempts; i++) {
    const module = 1 + Math.floor(random() * 12);
    const questionIds = Array.from({ length: 10 }, (_, q) => `a1-m${module}-q${q + 1 + Math.floor(random() * 5)}`);
    const unique = [...new Set(questionIds)];
    const finishedAt = tick();
    attempts.push({
      kind: 'attempt',
      id: `att-${seed}-${i.toString().padStart(4, '0')}`,
      data: {
        kind: 'module',
        moduleId: `a1-m${module}`,
        questionIds: unique,
        answers: Object.fromEntries(unique.map((id) => [id, [pick(['a', 'b', 'c', 'd'])]])),
        choiceOrder: Object.fromEntries(unique.map((id) => [id, [...'abcd'].sort(() => random() - 0.5)])),
        startedAt: new Date(Date.parse(finishedAt) - 300_000).toISOString(),
        finishedAt,
        contentVersion: '2026.11',
      },
    });
  }
  const settingValues = new Map<string, string | number | boolean>();
  const settings: Operation[] = [];
  for (let i = 0; i < D1.settingsChanges; i++) {
    const key = `setting${Math.floor(random() * D1.settingKeys)}`;
    const value = i % 3 === 0 ? pick(['ar', 'en', 'es', 'fr', 'ru', 'zh']) : i % 3 === 1 ? i : random() < 0.5;
    settings.push({ kind: 'setting', key, value });
  }
  // Every key is set at least once, so that both systems end with 20 settings.
  for (let k = 0; k < D1.settingKeys; k++) (settings[k] as { key: string }).key = `setting${k}`;

  const drafts = new Map<string, string>();
  const draftStreams: Operation[][] = [];
  for (let d = 0; d < D1.drafts; d++) {
    const draftId = `draft-${seed}-${d}`;
    const doc = new Y.Doc();
    const text = doc.getText('body');
    const stream: Operation[] = [
      { kind: 'draft-created', draftId, language: pick(['en', 'fr', 'ar'] as const), createdAt: tick() },
    ];
    let last: Uint8Array | null = null;
    doc.on('update', (update: Uint8Array) => (last = update));
    for (let e = 0; e < D1.editsPerDraft; e++) {
      doc.transact(() => {
        if (text.length > 200 && random() < 0.15) {
          const at = Math.floor(random() * (text.length - 40));
          text.delete(at, 10 + Math.floor(random() * 30));
        }
        const at = random() < 0.6 ? text.length : Math.floor(random() * text.length);
        text.insert(at, sentence());
      });
      stream.push({ kind: 'draft-edit', draftId, changeId: `${draftId}-e${e}`, update: last!, text: text.toString() });
    }
    drafts.set(draftId, text.toString());
    draftStreams.push(stream);
  }

  // Merge the streams in random order, each keeping its own order.
  const streams = [attempts, settings, ...draftStreams].map((stream) => [...stream]);
  const operations: Operation[] = [];
  const total = streams.reduce((sum, stream) => sum + stream.length, 0);
  while (operations.length < total) {
    const weights = streams.map((stream) => stream.length);
    let ticket = random() * weights.reduce((a, b) => a + b, 0);
    const index = weights.findIndex((weight) => (ticket -= weight) < 0);
    operations.push(streams[index === -1 ? weights.findIndex((w) => w > 0) : index]!.shift()!);
  }
  for (const operation of operations)
    if (operation.kind === 'setting') settingValues.set(operation.key, operation.value);
  return {
    operations,
    drafts,
    settings: settingValues,
    attempts: D1.attempts,
    draftEdits: D1.drafts * D1.editsPerDraft,
    settingsChanges: D1.settingsChanges,
  };
}

/** The operations in `count` consecutive slices of (nearly) equal length. */
export function slices<T>(items: readonly T[], count: number): T[][] {
  return Array.from({ length: count }, (_, i) =>
    items.slice(Math.round((i * items.length) / count), Math.round(((i + 1) * items.length) / count)),
  );
}

export function bytesToBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
