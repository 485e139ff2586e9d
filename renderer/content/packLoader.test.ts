import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { GapbridgeDatabase } from '../db/database';
import { useTestDatabases } from '../db/databases.testing';
import { installPacksFrom, PackError } from './packLoader';
import type { CoursePack, PackManifest } from './packSchema';

const BASE = 'app://gapbridge/packs/';

function pack(version: string, lessonTitle: string, lang: 'en' | 'fr' = 'en'): CoursePack {
  return {
    format: 1,
    kind: 'course',
    lang,
    version,
    modules: [{ id: 'm1', order: 1, title: 'Standardization in ITU-T', summary: 'S' }],
    lessons: [{ id: 'm1-l1', moduleId: 'm1', order: 1, title: lessonTitle, body: '<p>B</p>', sources: ['A.1'] }],
    questions: [
      {
        id: 'm1-q01',
        moduleId: 'm1',
        lessonId: 'm1-l1',
        type: 'true-false',
        prompt: 'P',
        choices: [
          { id: 'true', text: 'True' },
          { id: 'false', text: 'False' },
        ],
        correctChoiceIds: ['true'],
        explanation: 'E',
      },
    ],
  };
}

/** A server holding packs and their manifest; `tamper` changes a pack after its hash was taken. */
function server(packs: CoursePack[], tamper?: (json: string) => string): typeof fetch {
  const files = new Map<string, string>();
  const manifest: PackManifest = { format: 1, packs: [] };
  for (const p of packs) {
    const json = JSON.stringify(p);
    const sha256 = createHash('sha256').update(json).digest('hex');
    const file = `course-${p.lang}.${sha256.slice(0, 12)}.json`;
    files.set(BASE + file, tamper ? tamper(json) : json);
    manifest.packs.push({
      id: `course/${p.lang}`,
      kind: 'course',
      lang: p.lang,
      version: p.version,
      sha256,
      file,
      bytes: json.length,
    });
  }
  files.set(`${BASE}manifest.json`, JSON.stringify(manifest));
  return (async (url: string) => {
    const body = files.get(url);
    return body === undefined ? new Response('', { status: 404 }) : new Response(body);
  }) as typeof fetch;
}

const freshDatabase = useTestDatabases('packs');

async function lessonTitle(db: GapbridgeDatabase, lang = 'en') {
  return (await db.lessons.get([lang, 'm1-l1']))?.title;
}

describe('installPacksFrom', () => {
  it('installs every pack on first run, then nothing while they are current', async () => {
    const db = freshDatabase();
    const fetcher = server([pack('1.0', 'Hello'), pack('1.0', 'Bonjour', 'fr')]);
    expect(await installPacksFrom(db, BASE, fetcher)).toEqual(['course/en', 'course/fr']);
    expect(await lessonTitle(db, 'fr')).toBe('Bonjour');
    expect(await db.questions.where('moduleId').equals('m1').count()).toBe(2);
    expect(await installPacksFrom(db, BASE, fetcher)).toEqual([]);
  });

  it('replaces an older pack without touching progress or attempts', async () => {
    const db = freshDatabase();
    await installPacksFrom(db, BASE, server([pack('1.0', 'Old title')]));
    await db.lessonProgress.put({
      lessonId: 'm1-l1',
      moduleId: 'm1',
      readAt: '2026-01-01T00:00:00Z',
      position: 1,
      updatedAt: '2026-01-01T00:00:00Z',
    });
    await db.quizAttempts.put({
      id: 'a1',
      kind: 'module',
      moduleId: 'm1',
      questionIds: ['m1-q01'],
      answers: { 'm1-q01': ['true'] },
      score: 1,
      startedAt: '2026-01-01T00:00:00Z',
      finishedAt: '2026-01-01T00:05:00Z',
      contentVersion: '1.0',
    });

    expect(await installPacksFrom(db, BASE, server([pack('1.1', 'New title')]))).toEqual(['course/en']);
    expect(await lessonTitle(db)).toBe('New title');
    expect((await db.contentPacks.get('course/en'))?.version).toBe('1.1');
    expect(await db.lessonProgress.get('m1-l1')).toMatchObject({ readAt: '2026-01-01T00:00:00Z' });
    expect(await db.quizAttempts.get('a1')).toMatchObject({ score: 1, contentVersion: '1.0' });
  });

  it('never replaces a newer pack with an older one', async () => {
    const db = freshDatabase();
    await installPacksFrom(db, BASE, server([pack('2.0', 'Newer')]));
    expect(await installPacksFrom(db, BASE, server([pack('1.9', 'Older')]))).toEqual([]);
    expect(await lessonTitle(db)).toBe('Newer');
  });

  it('refuses a pack that does not match its checksum, keeping what is stored', async () => {
    const db = freshDatabase();
    await installPacksFrom(db, BASE, server([pack('1.0', 'Good')]));
    const tampered = server([pack('1.1', 'Evil')], (json) => json.replace('Evil', 'Vile'));
    await expect(installPacksFrom(db, BASE, tampered)).rejects.toMatchObject({ code: 'corrupt' });
    expect(await lessonTitle(db)).toBe('Good');
  });

  it('refuses a manifest or a pack that is not what it should be', async () => {
    const db = freshDatabase();
    const junk = (async () => new Response(new Uint8Array([0xff, 0xfe, 0x00, 0x01]))) as unknown as typeof fetch;
    await expect(installPacksFrom(db, BASE, junk)).rejects.toBeInstanceOf(PackError);
    const wrongShape = (async () => new Response('{"format":1,"packs":[{"id":1}]}')) as unknown as typeof fetch;
    await expect(installPacksFrom(db, BASE, wrongShape)).rejects.toMatchObject({ code: 'corrupt' });
    expect(await db.contentPacks.count()).toBe(0);
  });

  it('reports an unreachable source as such', async () => {
    const db = freshDatabase();
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(installPacksFrom(db, BASE, offline)).rejects.toMatchObject({ code: 'unreachable' });
  });
});
