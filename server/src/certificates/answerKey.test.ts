import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnswerKeyError, loadAnswerKey } from './answerKey';

function coursePack(lang: string, correctOfSecond: string[], version = '2026.11.0') {
  const question = (id: string, moduleId: string, correctChoiceIds: string[]) => ({
    id,
    moduleId,
    lessonId: `${moduleId}-l1`,
    type: correctChoiceIds.length > 1 ? 'multiple' : 'single',
    prompt: 'Which?',
    choices: ['a', 'b', 'c'].map((choice) => ({ id: choice, text: choice })),
    correctChoiceIds,
    explanation: 'Because.',
  });
  return {
    format: 1,
    kind: 'course',
    lang,
    version,
    modules: [
      { id: 'm2', order: 2, title: 'Two', summary: 'Two.' },
      { id: 'm1', order: 1, title: 'One', summary: 'One.' },
    ],
    lessons: [],
    questions: [question('m1-q1', 'm1', ['a']), question('m2-q1', 'm2', correctOfSecond)],
  };
}

describe('the hub answer key', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'gb-packs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function writePacks(packs: ReturnType<typeof coursePack>[], spoil?: string) {
    const entries = packs.map((pack) => {
      const json = JSON.stringify(pack);
      const sha256 = createHash('sha256').update(json).digest('hex');
      const file = `course-${pack.lang}.${sha256.slice(0, 12)}.json`;
      writeFileSync(path.join(dir, file), pack.lang === spoil ? json.replace('Which?', 'Which!') : json);
      const entry = { id: `course/${pack.lang}`, kind: 'course', lang: pack.lang, version: pack.version };
      return { ...entry, sha256, file, bytes: Buffer.byteLength(json) };
    });
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ format: 1, packs: entries }));
  }

  it('reads the modules in course order and every correct choice from the built packs', () => {
    writePacks([coursePack('en', ['a', 'c']), coursePack('fr', ['c', 'a'])]);
    const key = loadAnswerKey(dir)!;
    expect(key).toMatchObject({ courseId: 'a1', contentVersion: '2026.11.0', moduleIds: ['m1', 'm2'] });
    const second = key.questions.get('m2-q1')!;
    expect(second.moduleId).toBe('m2');
    expect([...second.correctChoiceIds].sort()).toEqual(['a', 'c']);
  });

  it('refuses packs whose languages grade differently, and a pack that does not match its hash', () => {
    writePacks([coursePack('en', ['a', 'c']), coursePack('fr', ['a'])]);
    expect(() => loadAnswerKey(dir)).toThrow(AnswerKeyError);
    writePacks([coursePack('en', ['a']), coursePack('fr', ['a'], '2026.12.0')]);
    expect(() => loadAnswerKey(dir)).toThrow(/grades differently/);
    writePacks([coursePack('en', ['a'])], 'en');
    expect(() => loadAnswerKey(dir)).toThrow(/hash/);
  });

  it('is absent when the folder has no packs', () => {
    expect(loadAnswerKey(dir)).toBeNull();
  });
});
