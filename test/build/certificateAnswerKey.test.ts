import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnswerKey } from '../../server/src/certificates/answerKey';

// Checks the packs of `npm run build:content`, which `npm test` runs first: the hub grades against them.
const PACKS = path.resolve(import.meta.dirname, '../../dist/packs');

describe('the answer key the hub grades certificates with', () => {
  it('agrees across the six languages and covers every module', () => {
    const key = loadAnswerKey(PACKS);
    expect(key).not.toBeNull();
    expect(key!.moduleIds.length).toBeGreaterThan(0);
    for (const moduleId of key!.moduleIds) {
      expect([...key!.questions.values()].filter((q) => q.moduleId === moduleId).length).toBeGreaterThanOrEqual(10);
    }
  });
});
