import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildHub } from '../app';
import { BACKENDS, emptyDatabase, freshDatabase, type TestDatabase } from '../../test/databases';
import { hlc, postSync, signUp } from '../../test/hubClient';
import type { PushedChange } from '../sync/protocol';
import { CODE_PREFIX, splitCode } from '../../../renderer/certificates/certificateFormat';
import type { CertificateKeys } from '../../../renderer/certificates/certificateKeys';
import { verifyCertificate } from '../../../renderer/certificates/verifyCertificate';
import type { AnswerKey } from './answerKey';
import { createSigningKeys } from './signingKeys';

const MODULES = ['m1', 'm2', 'm3'];
/** A small course: three modules of twelve questions; the right choice is "a" ("a" and "c" for every third). */
const ANSWER_KEY: AnswerKey = {
  courseId: 'a1',
  contentVersion: '2026.11.0',
  moduleIds: MODULES,
  questions: new Map(
    MODULES.flatMap((moduleId) =>
      Array.from({ length: 12 }, (_, i) => [
        `${moduleId}-q${i + 1}`,
        { moduleId, correctChoiceIds: i % 3 === 2 ? ['a', 'c'] : ['a'] },
      ]),
    ),
  ),
};
const TODAY = new Date('2026-12-07T10:00:00Z');

/** A module quiz of ten questions with `right` of them answered right and the rest wrong. */
function quiz(moduleId: string, right: number, questionCount = 10): Record<string, unknown> {
  const questionIds = Array.from({ length: questionCount }, (_, i) => `${moduleId}-q${i + 1}`);
  const answers = Object.fromEntries(
    questionIds.map((id, i) => [id, i < right ? [...ANSWER_KEY.questions.get(id)!.correctChoiceIds] : ['b']]),
  );
  return {
    kind: 'module',
    moduleId,
    questionIds,
    answers,
    startedAt: '2026-12-01T10:00:00Z',
    finishedAt: '2026-12-01T10:09:00Z',
    contentVersion: '2026.11.0',
  };
}

describe.each(BACKENDS)('certificates on %s', (backend) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let seq = 0;

  beforeAll(async () => {
    database = await freshDatabase(backend);
  });
  afterAll(() => database.drop());
  beforeEach(async () => {
    await emptyDatabase(database.db);
    app = buildHub({ db: database.db, answerKey: ANSWER_KEY, clock: () => TODAY });
  });
  afterEach(() => app.close());

  async function syncAttempts(token: string, ...attempts: Record<string, unknown>[]) {
    const changes: PushedChange[] = attempts.map((data) => {
      seq += 1;
      return { seq, table: 'attempts', key: `att-${seq}`, op: 'put', hlc: hlc('laptop-aaaa'), v: 1, data };
    });
    return postSync(app, token, { deviceId: 'laptop-aaaa', cursor: 0, changes });
  }

  async function learner(email: string, ...attempts: Record<string, unknown>[]) {
    const token = await signUp(app, email);
    await syncAttempts(token, ...attempts);
    return token;
  }

  function askCertificate(token: string | null, name: unknown = 'Amina Diallo', hub = app) {
    return hub.inject({
      method: 'POST',
      url: '/v1/certificates',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      payload: { name },
    });
  }

  async function publishedKeys(hub = app): Promise<CertificateKeys> {
    const answer = await hub.inject({ method: 'GET', url: '/v1/certificate-keys' });
    expect(answer.statusCode).toBe(200);
    return answer.json();
  }

  it('signs a certificate earned by synced attempts, which verifies offline against the published keys', async () => {
    // m1: 9/10 after a first 6/10 (best counts), m2: 8/10, m3: 10/10 → overall 90%.
    const token = await learner('amina@example.org', quiz('m1', 6), quiz('m1', 9), quiz('m2', 8), quiz('m3', 10));
    const answer = await askCertificate(token, '  Amina Diallo ');
    expect(answer.statusCode).toBe(201);
    const { code, certificate } = answer.json<{ code: string; certificate: unknown }>();
    expect(certificate).toMatchObject({
      holderName: 'Amina Diallo',
      courseId: 'a1',
      contentVersion: '2026.11.0',
      issuedOn: '2026-12-07',
      overallScore: 9000,
      moduleScores: [
        { moduleId: 'm1', score: 9000 },
        { moduleId: 'm2', score: 8000 },
        { moduleId: 'm3', score: 10000 },
      ],
    });
    const keys = await publishedKeys();
    const verified = verifyCertificate(code, keys);
    expect(verified).toMatchObject({ ok: true, certificate });

    const at = code.length - 20;
    const changed = code.slice(0, at) + (code[at] === 'x' ? 'y' : 'x') + code.slice(at + 1);
    expect(verifyCertificate(changed, keys).ok).toBe(false);
  });

  it('refuses when the rule is not met and gives its own figures; a score sent by the client is never read', async () => {
    const token = await learner('boris@example.org', quiz('m1', 7), quiz('m2', 8), quiz('m3', 8));
    // A device that edited its database to claim a perfect score: the sync refuses a score field...
    const claimed = await syncAttempts(token, { ...quiz('m1', 7), score: 1 });
    expect(claimed.rejected).toEqual([expect.objectContaining({ code: 'invalid' })]);
    // ...and what is stored is graded by the hub: 70 + 80 + 80 → 76.67%, under the line.
    const answer = await askCertificate(token);
    expect(answer.statusCode).toBe(422);
    expect(answer.json()).toEqual({
      error: 'rule-not-met',
      standing: {
        courseId: 'a1',
        contentVersion: '2026.11.0',
        overallScore: 7667,
        threshold: 8000,
        attemptedModules: 3,
        totalModules: 3,
        modules: [
          { moduleId: 'm1', best: 7000, attempts: 1 },
          { moduleId: 'm2', best: 8000, attempts: 1 },
          { moduleId: 'm3', best: 8000, attempts: 1 },
        ],
        ignoredAttempts: [],
        isEarned: false,
      },
    });
  });

  it('needs every module quiz attempted, and does not count attempts the app could not have drawn', async () => {
    const token = await learner(
      'chen@example.org',
      quiz('m1', 10),
      quiz('m2', 10),
      quiz('m3', 1, 1), // one easy question is not a module quiz
      { ...quiz('m3', 10), questionIds: [...(quiz('m3', 10).questionIds as string[]).slice(1), 'm1-q1'] },
      { ...quiz('m3', 10), kind: 'practice', moduleId: null },
    );
    const answer = await askCertificate(token);
    expect(answer.statusCode).toBe(422);
    const { standing } = answer.json<{ standing: Record<string, unknown> }>();
    expect(standing).toMatchObject({ attemptedModules: 2, totalModules: 3, overallScore: 6667, isEarned: false });
    expect(standing['ignoredAttempts']).toEqual([
      { attemptId: expect.any(String), reason: 'too-few-questions' },
      { attemptId: expect.any(String), reason: 'foreign-question' },
    ]);
  });

  it('gives back the same certificate when asked again: a code shown twice is the same certificate', async () => {
    const token = await learner('dana@example.org', quiz('m1', 8), quiz('m2', 8), quiz('m3', 8));
    const first = await askCertificate(token);
    const again = await askCertificate(token);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().code).toBe(first.json().code);
    // A better attempt, or another spelling of the name, is a new certificate.
    await syncAttempts(token, quiz('m2', 10));
    const better = await askCertificate(token);
    expect(better.statusCode).toBe(201);
    expect(better.json().certificate.overallScore).toBe(8667);
    expect(better.json().certificate.certificateId).not.toBe(first.json().certificate.certificateId);
  });

  it("fails a certificate whose payload carries another person's signature", async () => {
    const amina = await learner('amina@example.org', quiz('m1', 9), quiz('m2', 9), quiz('m3', 9));
    const boris = await learner('boris@example.org', quiz('m1', 8), quiz('m2', 8), quiz('m3', 8));
    const aminaCode = splitCode((await askCertificate(amina, 'Amina Diallo')).json().code);
    const borisCode = splitCode((await askCertificate(boris, 'Boris Petrov')).json().code);
    const keys = await publishedKeys();
    for (const [payload, signature] of [
      [aminaCode.payloadBytes, borisCode.signature],
      [borisCode.payloadBytes, aminaCode.signature],
    ]) {
      const swapped = CODE_PREFIX + Buffer.concat([payload!, signature!]).toString('base64url');
      expect(verifyCertificate(swapped, keys)).toMatchObject({ ok: false, reason: 'tampered' });
    }
  });

  it('fails a certificate signed by a key this hub never published', async () => {
    const other = await freshDatabase('pglite');
    const otherHub = buildHub({ db: other.db, answerKey: ANSWER_KEY, clock: () => TODAY });
    try {
      const token = await signUp(otherHub, 'eve@example.org');
      await postSync(otherHub, token, {
        deviceId: 'laptop-eeee',
        cursor: 0,
        changes: MODULES.map((moduleId, i) => ({
          seq: i + 1,
          table: 'attempts',
          key: `eve-${i}`,
          op: 'put',
          hlc: hlc('laptop-eeee'),
          v: 1,
          data: quiz(moduleId, 10),
        })),
      });
      const code = (await askCertificate(token, 'Eve', otherHub)).json().code as string;
      expect(verifyCertificate(code, await publishedKeys(otherHub)).ok).toBe(true);
      expect(verifyCertificate(code, await publishedKeys())).toMatchObject({ ok: false, reason: 'unknown-key' });
    } finally {
      await otherHub.close();
      await other.drop();
    }
  });

  it('keeps certificates of a rotated-out key valid and fails those of a revoked key', async () => {
    const keys = createSigningKeys(database.db, () => TODAY);
    const amina = await learner('amina@example.org', quiz('m1', 9), quiz('m2', 9), quiz('m3', 9));
    const aminaCode = (await askCertificate(amina, 'Amina Diallo')).json().code as string;
    const firstKey = splitCode(aminaCode).payload.keyId;

    const secondKey = await keys.rotate();
    expect(secondKey).not.toBe(firstKey);
    const boris = await learner('boris@example.org', quiz('m1', 8), quiz('m2', 8), quiz('m3', 8));
    const borisCode = (await askCertificate(boris, 'Boris Petrov')).json().code as string;
    expect(splitCode(borisCode).payload.keyId).toBe(secondKey);

    expect(await keys.revoke(secondKey)).toBe(true);
    const published = await publishedKeys();
    const state = (keyId: string) => {
      const key = published.keys.find((k) => k.keyId === keyId)!;
      return { retired: key.retiredAt !== null, revoked: key.revokedAt !== null };
    };
    expect(published.keys).toHaveLength(3);
    expect(state(firstKey)).toEqual({ retired: true, revoked: false });
    expect(state(secondKey)).toEqual({ retired: true, revoked: true });
    const active = published.keys.find((k) => k.retiredAt === null)!;
    expect(verifyCertificate(aminaCode, published).ok).toBe(true);
    expect(verifyCertificate(borisCode, published)).toMatchObject({ ok: false, reason: 'revoked-key' });

    // Asking again after the revocation gives a new certificate under the new key.
    const reissued = await askCertificate(boris, 'Boris Petrov');
    expect(reissued.statusCode).toBe(201);
    expect(verifyCertificate(reissued.json().code, published)).toMatchObject({ ok: true, key: active });
  });

  it('keeps its signing key across restarts', async () => {
    const before = await publishedKeys();
    await app.close();
    app = buildHub({ db: database.db, answerKey: ANSWER_KEY, clock: () => TODAY });
    expect(await publishedKeys()).toEqual(before);
    expect(before.keys).toHaveLength(1);
  });

  it('answers a signed-out request, a bad name and an unknown field with clear errors', async () => {
    const token = await learner('amina@example.org', quiz('m1', 9), quiz('m2', 9), quiz('m3', 9));
    expect((await askCertificate(null)).statusCode).toBe(401);
    expect((await askCertificate(token, '   ')).json()).toEqual({ error: 'invalid-name' });
    expect((await askCertificate(token, 'Amina\u0007')).statusCode).toBe(400);
    expect((await askCertificate(token, '字'.repeat(100))).json()).toEqual({ error: 'invalid-name' });
    expect((await askCertificate(token, 42)).json()).toEqual({ error: 'invalid' });
    const withScore = await app.inject({
      method: 'POST',
      url: '/v1/certificates',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'Amina', score: 1 },
    });
    expect(withScore.json()).toEqual({ error: 'invalid' });
  });

  it('issues nothing when the hub has no course packs to grade against', async () => {
    await app.close();
    app = buildHub({ db: database.db, clock: () => TODAY });
    const token = await learner('amina@example.org', quiz('m1', 9), quiz('m2', 9), quiz('m3', 9));
    expect((await askCertificate(token)).json()).toEqual({ error: 'no-answer-key' });
  });
});
