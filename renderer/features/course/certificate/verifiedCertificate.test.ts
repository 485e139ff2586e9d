import { describe, expect, it } from 'vitest';
import type { HubStanding } from '../../../certificates/certificateAnswers';
import { keysOf, samplePayload, testKey } from '../../../certificates/signing.testing';
import { knownCertificateKeys, storeCertificateKeys } from '../../../db/certificateKeys';
import { confirmCertificate, issueCertificate, latestCertificate } from '../../../db/course';
import { useTestDatabases } from '../../../db/databases.testing';
import type { HubRequest, HubResponse } from '../../../sync/hubRequest';
import { SyncTransportError } from '../../../sync/transport';
import { requestVerifiedCertificate, type VerifiedCertificateDeps } from './verifiedCertificate';

const fresh = useTestDatabases('verified-certificate');

function jsonResponse(status: number, body: unknown): HubResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: new TextEncoder().encode(JSON.stringify(body)),
  };
}

/** A device holding a provisional certificate for Amina, which knows the hub's key. */
async function device(answer: (request: HubRequest) => HubResponse | Promise<HubResponse>) {
  const db = fresh();
  const hub = testKey();
  await storeCertificateKeys(db, keysOf(hub.published));
  const certificate = await issueCertificate(db, {
    id: 'GB-AAAA-BBBB-CCCC',
    name: '  Amina Diallo ',
    overallScore: 0.9,
    attemptIds: [],
  });
  const requests: HubRequest[] = [];
  const deps: VerifiedCertificateDeps = {
    pushAttempts: async () => 'pushed',
    request: async (request) => {
      requests.push(request);
      return answer(request);
    },
    knownKeys: () => knownCertificateKeys(db),
    store: (id, code) => confirmCertificate(db, id, code),
  };
  return { db, hub, certificate, requests, deps };
}

const signedBy = (hub: ReturnType<typeof testKey>, name = 'Amina Diallo') => hub.sign(samplePayload(name));

describe('asking the hub for a verified certificate', () => {
  it('stores the code with the certificate once it verifies, and sends the typed name', async () => {
    let code = '';
    const { db, hub, deps, certificate, requests } = await device(() => jsonResponse(201, { code, certificate: {} }));
    code = signedBy(hub);
    const result = await requestVerifiedCertificate(deps, certificate);
    expect(result).toMatchObject({
      kind: 'verified',
      certificate: { holderName: 'Amina Diallo', keyId: hub.published.keyId },
    });
    expect(requests).toEqual([{ method: 'POST', path: '/v1/certificates', json: { name: '  Amina Diallo ' } }]);
    expect(await latestCertificate(db)).toMatchObject({ id: certificate.id, status: 'confirmed', code });
  });

  it('refuses a hub answer changed by one character, and stores nothing', async () => {
    const { db, hub, deps, certificate } = await device(() => jsonResponse(201, { code: tampered }));
    const genuine = signedBy(hub);
    const at = genuine.length - 20;
    const tampered = genuine.slice(0, at) + (genuine[at] === 'A' ? 'B' : 'A') + genuine.slice(at + 1);
    expect(await requestVerifiedCertificate(deps, certificate)).toEqual({ kind: 'refused', reason: 'tampered' });
    expect(await latestCertificate(db)).toEqual(certificate);
  });

  it('refuses a code signed by a key the device does not know, or for another name', async () => {
    const stranger = testKey();
    let code = signedBy(stranger);
    const { db, hub, deps, certificate } = await device(() => jsonResponse(201, { code }));
    expect(await requestVerifiedCertificate(deps, certificate)).toEqual({ kind: 'refused', reason: 'unknown-key' });
    code = signedBy(hub, 'Someone Else');
    expect(await requestVerifiedCertificate(deps, certificate)).toEqual({ kind: 'refused', reason: 'other-name' });
    code = 'GBC1.not-a-code';
    expect(await requestVerifiedCertificate(deps, certificate)).toEqual({ kind: 'refused', reason: 'malformed' });
    expect(await latestCertificate(db)).toEqual(certificate);
  });

  it("returns the hub's figures when its grading does not meet the rule", async () => {
    const standing: HubStanding = {
      courseId: 'a1',
      contentVersion: '2026.11.0',
      overallScore: 7500,
      threshold: 8000,
      attemptedModules: 6,
      totalModules: 6,
      modules: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((moduleId, i) => ({
        moduleId,
        best: i ? 8000 : 5000,
        attempts: 1,
      })),
      ignoredAttempts: [{ attemptId: 'x', reason: 'too-few-questions' }],
      isEarned: false,
    };
    const { db, deps, certificate } = await device(() => jsonResponse(422, { error: 'rule-not-met', standing }));
    expect(await requestVerifiedCertificate(deps, certificate)).toEqual({ kind: 'rule-not-met', standing });
    expect(await latestCertificate(db)).toEqual(certificate);
  });

  it('asks nothing while the attempts have not reached the hub', async () => {
    const { deps, certificate, requests } = await device(() => jsonResponse(500, {}));
    deps.pushAttempts = async () => 'offline';
    expect(await requestVerifiedCertificate(deps, certificate)).toEqual({ kind: 'not-pushed', outcome: 'offline' });
    deps.pushAttempts = async () => 'signed-out';
    expect(await requestVerifiedCertificate(deps, certificate)).toEqual({ kind: 'signed-out' });
    expect(requests).toEqual([]);
  });

  it('tells offline, signed-out, no answer key and other failures apart, storing nothing', async () => {
    let answer: () => HubResponse = () => {
      throw new SyncTransportError({ kind: 'offline' });
    };
    const { db, deps, certificate } = await device(() => answer());
    expect(await requestVerifiedCertificate(deps, certificate)).toEqual({ kind: 'offline' });
    answer = () => jsonResponse(401, { error: 'signed-out' });
    expect(await requestVerifiedCertificate(deps, certificate)).toEqual({ kind: 'signed-out' });
    answer = () => jsonResponse(503, { error: 'no-answer-key' });
    expect(await requestVerifiedCertificate(deps, certificate)).toEqual({ kind: 'no-answer-key' });
    answer = () => jsonResponse(200, '<html>captive portal</html>');
    expect(await requestVerifiedCertificate(deps, certificate)).toEqual({ kind: 'server' });
    answer = () => jsonResponse(422, { error: 'rule-not-met', standing: { overallScore: 'high' } });
    expect(await requestVerifiedCertificate(deps, certificate)).toEqual({ kind: 'server' });
    expect(await latestCertificate(db)).toEqual(certificate);
  });

  it('says so when the verified code could not be stored', async () => {
    let code = '';
    const { hub, deps, certificate } = await device(() => jsonResponse(201, { code }));
    code = signedBy(hub);
    deps.store = async () => {
      throw new Error('QuotaExceededError');
    };
    expect(await requestVerifiedCertificate(deps, certificate)).toEqual({ kind: 'not-saved' });
  });
});
