import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildHub } from '../app';
import { BACKENDS, emptyDatabase, freshDatabase, type TestDatabase } from '../../test/databases';
import { hlc, postSync, pullAll, signUp } from '../../test/hubClient';
import type { PushedChange } from '../sync/protocol';

const DRAFT = 'draft-7c1e';
const OWNER = 'owner@example.org';
const EDITOR = 'editor@example.org';
const READER = 'reader@example.org';
const STRANGER = 'stranger@example.org';
const devices = { owner: 'owner-laptop', editor: 'editor-laptop', reader: 'reader-laptop', stranger: 'stranger-pc1' };

const draftRecord = (seq: number, device: string, meetingId: string | null = null): PushedChange => ({
  seq,
  table: 'drafts',
  key: DRAFT,
  op: 'put',
  hlc: hlc(device),
  v: 1,
  data: { language: 'en', meetingId, createdAt: '2026-12-01T10:00:00Z' },
});
const update = (seq: number, device: string, bytes: number[] = [seq]): PushedChange => ({
  seq,
  table: 'draftUpdates',
  key: `${device}:${seq}`,
  op: 'put',
  hlc: hlc(device),
  v: 1,
  data: { draftId: DRAFT, update: Buffer.from(bytes).toString('base64') },
});

describe.each(BACKENDS)('drafts shared between accounts, on %s', (backend) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const token: Record<keyof typeof devices, string> = { owner: '', editor: '', reader: '', stranger: '' };
  const seqs: Record<string, number> = {};

  beforeAll(async () => {
    database = await freshDatabase(backend);
  });
  afterAll(() => database.drop());
  beforeEach(async () => {
    await emptyDatabase(database.db);
    app = buildHub({ db: database.db });
    token.owner = await signUp(app, OWNER);
    token.editor = await signUp(app, EDITOR);
    token.reader = await signUp(app, READER);
    token.stranger = await signUp(app, STRANGER);
    for (const who of Object.keys(devices)) seqs[who] = 0;
  });
  afterEach(() => app.close());

  const call = (
    who: keyof typeof devices | null,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    app.inject({
      method,
      url,
      headers: who ? { authorization: `Bearer ${token[who]}` } : {},
      ...(payload ? { payload } : {}),
    });
  const share = (who: keyof typeof devices | null, email: string, role: 'editor' | 'reader') =>
    call(who, 'POST', `/v1/drafts/${DRAFT}/shares`, { email, role });
  const push = (who: keyof typeof devices, make: (seq: number, device: string) => PushedChange) =>
    postSync(app, token[who], { deviceId: devices[who], cursor: 0, changes: [make(++seqs[who]!, devices[who])] });
  /** What one of the account's other devices would pull from scratch. */
  const records = async (who: keyof typeof devices) => (await pullAll(app, token[who], `${who}-other-device`)).changes;
  const keysOf = (changes: { table: string; key: string; op: string }[]) =>
    changes.map((change) => `${change.table}/${change.key}${change.op === 'delete' ? ' (deleted)' : ''}`).sort();

  async function sharedDraft() {
    await push('owner', (seq, device) => draftRecord(seq, device));
    await push('owner', (seq, device) => update(seq, device));
    expect((await share('owner', EDITOR, 'editor')).statusCode).toBe(201);
    expect((await share('owner', READER, 'reader')).statusCode).toBe(201);
  }

  it("copies the draft into the grantee's account and tells every member who has access", async () => {
    await sharedDraft();
    const editorRecords = await records('editor');
    expect(keysOf(editorRecords)).toEqual(
      keysOf([
        { table: 'drafts', key: DRAFT, op: 'put' },
        { table: 'draftUpdates', key: `${devices.owner}:2`, op: 'put' },
        { table: 'draftAccess', key: DRAFT, op: 'put' },
      ]),
    );
    const access = (changes: typeof editorRecords) => changes.find((change) => change.table === 'draftAccess')?.data;
    const members = [
      { email: EDITOR, role: 'editor' },
      { email: READER, role: 'reader' },
    ];
    expect(access(editorRecords)).toEqual({ ownerEmail: OWNER, role: 'editor', members });
    expect(access(await records('reader'))).toEqual({ ownerEmail: OWNER, role: 'reader', members });
    expect(access(await records('owner'))).toEqual({ ownerEmail: OWNER, role: 'owner', members });
    expect(await records('stranger')).toEqual([]);
  });

  it("writes an editor's changes into every member's account, and says who changed it last", async () => {
    await sharedDraft();
    const answer = await push('editor', (seq, device) => update(seq, device, [9, 9]));
    expect(answer.rejected).toEqual([]);
    await push('editor', (seq, device) => draftRecord(seq, device, 'meeting-sg13'));
    for (const who of ['owner', 'reader', 'editor'] as const) {
      const changes = await records(who);
      expect(changes.map((change) => change.key)).toContain(`${devices.editor}:1`);
      expect(changes.find((change) => change.table === 'drafts')?.data).toMatchObject({ meetingId: 'meeting-sg13' });
    }
    const access = await call('reader', 'GET', `/v1/drafts/${DRAFT}/access`);
    expect(access.statusCode).toBe(200);
    expect(access.json()).toMatchObject({ owner: OWNER, yourRole: 'reader', lastChangedBy: EDITOR });
    expect(Date.parse(access.json().lastChangedAt)).not.toBeNaN();
  });

  it("refuses a reader's crafted changes of the draft and of who has access, and stores none", async () => {
    await sharedDraft();
    const before = { owner: await records('owner'), reader: await records('reader') };
    const crafted: PushedChange[] = [
      update(1, devices.reader),
      draftRecord(2, devices.reader, 'meeting-x'),
      { ...draftRecord(3, devices.reader), op: 'delete', data: undefined },
      {
        seq: 4,
        table: 'draftAccess',
        key: DRAFT,
        op: 'put',
        hlc: hlc(devices.reader, Date.now() + 86_400_000),
        v: 1,
        data: { ownerEmail: READER, role: 'owner', members: [] },
      },
    ];
    const answer = await postSync(app, token.reader, { deviceId: devices.reader, cursor: 0, changes: crafted });
    expect(answer.acked).toBe(4);
    expect(answer.rejected.map((rejection) => rejection.code)).toEqual([
      'read-only',
      'read-only',
      'read-only',
      'read-only',
    ]);
    expect(await records('owner')).toEqual(before.owner);
    expect(await records('reader')).toEqual(before.reader);
    // Trash is per person: a reader may put it in theirs.
    seqs['reader'] = crafted.length;
    const trashed = await push('reader', (seq, device) => ({
      seq,
      table: 'draftTrash',
      key: DRAFT,
      op: 'put',
      hlc: hlc(device),
      v: 1,
      data: { trashedAt: '2026-12-07T10:00:00Z' },
    }));
    expect(trashed.rejected).toEqual([]);
    expect((await records('owner')).some((change) => change.table === 'draftTrash')).toBe(false);
  });

  it('refuses any device a change of who has access, even the owner', async () => {
    await sharedDraft();
    const answer = await push('owner', (seq, device) => ({
      seq,
      table: 'draftAccess',
      key: DRAFT,
      op: 'delete',
      hlc: hlc(device, Date.now() + 86_400_000),
      v: 1,
    }));
    expect(answer.rejected).toMatchObject([{ code: 'read-only' }]);
    expect((await records('editor')).find((change) => change.table === 'draftAccess')?.op).toBe('put');
  });

  it('refuses a stranger every route and every change of the draft, without saying it exists', async () => {
    await sharedDraft();
    expect((await call('stranger', 'GET', `/v1/drafts/${DRAFT}/access`)).json()).toEqual({ error: 'no-draft' });
    expect((await share('stranger', STRANGER, 'editor')).statusCode).toBe(404);
    expect((await call('stranger', 'PUT', `/v1/drafts/${DRAFT}/shares/${READER}`, { role: 'editor' })).statusCode).toBe(
      404,
    );
    expect((await call('stranger', 'DELETE', `/v1/drafts/${DRAFT}/shares/${READER}`)).statusCode).toBe(404);
    const answer = await postSync(app, token.stranger, {
      deviceId: devices.stranger,
      cursor: 0,
      changes: [update(1, devices.stranger), draftRecord(2, devices.stranger)],
    });
    expect(answer.rejected.map((rejection) => rejection.code)).toEqual(['no-access', 'no-access']);
    expect(await records('stranger')).toEqual([]);
  });

  it('answers each route by role: members see, only the owner changes, strangers learn nothing', async () => {
    await sharedDraft();
    /** Share, change a role, withdraw, see access: in that order, as `who`, about `other`. */
    const statuses = async (who: keyof typeof devices, other: string) => [
      (await share(who, STRANGER, 'reader')).statusCode,
      (await call(who, 'PUT', `/v1/drafts/${DRAFT}/shares/${other}`, { role: 'editor' })).statusCode,
      (await call(who, 'DELETE', `/v1/drafts/${DRAFT}/shares/${other}`)).statusCode,
      (await call(who, 'GET', `/v1/drafts/${DRAFT}/access`)).statusCode,
    ];
    expect(await statuses('editor', READER)).toEqual([403, 403, 403, 200]);
    expect(await statuses('reader', EDITOR)).toEqual([403, 403, 403, 200]);
    expect(await statuses('stranger', READER)).toEqual([404, 404, 404, 404]);
    // Nothing changed: the same members, with the same roles.
    expect((await call('owner', 'GET', `/v1/drafts/${DRAFT}/access`)).json().members).toEqual([
      { email: EDITOR, role: 'editor' },
      { email: READER, role: 'reader' },
    ]);
    expect(await statuses('owner', READER)).toEqual([201, 200, 204, 200]);
  });

  it('refuses every route signed out', async () => {
    await sharedDraft();
    const answers = [
      await share(null, STRANGER, 'reader'),
      await call(null, 'PUT', `/v1/drafts/${DRAFT}/shares/${READER}`, { role: 'editor' }),
      await call(null, 'DELETE', `/v1/drafts/${DRAFT}/shares/${READER}`),
      await call(null, 'GET', `/v1/drafts/${DRAFT}/access`),
    ];
    expect(answers.map((answer) => answer.statusCode)).toEqual([401, 401, 401, 401]);
  });

  it('lets only the owner share, change a role or withdraw; a member may leave', async () => {
    await sharedDraft();
    expect((await share('editor', STRANGER, 'editor')).json()).toEqual({ error: 'not-owner' });
    expect((await share('reader', STRANGER, 'editor')).statusCode).toBe(403);
    expect((await call('editor', 'PUT', `/v1/drafts/${DRAFT}/shares/${READER}`, { role: 'editor' })).statusCode).toBe(
      403,
    );
    expect((await call('reader', 'DELETE', `/v1/drafts/${DRAFT}/shares/${EDITOR}`)).statusCode).toBe(403);
    expect((await call('editor', 'GET', `/v1/drafts/${DRAFT}/access`)).json()).toMatchObject({
      owner: OWNER,
      yourRole: 'editor',
      members: [
        { email: EDITOR, role: 'editor' },
        { email: READER, role: 'reader' },
      ],
    });
    expect((await call('reader', 'DELETE', `/v1/drafts/${DRAFT}/shares/${READER}`)).statusCode).toBe(204);
    expect((await call('reader', 'GET', `/v1/drafts/${DRAFT}/access`)).statusCode).toBe(404);
    expect((await call('owner', 'GET', `/v1/drafts/${DRAFT}/access`)).json().members).toEqual([
      { email: EDITOR, role: 'editor' },
    ]);
  });

  it('answers an unknown account, oneself, a draft not on the hub and a non-member clearly', async () => {
    expect((await share('owner', EDITOR, 'editor')).json()).toEqual({ error: 'no-draft' });
    await push('owner', (seq, device) => draftRecord(seq, device));
    const unknown = await share('owner', 'nobody@example.org', 'editor');
    expect([unknown.statusCode, unknown.json()]).toEqual([404, { error: 'unknown-account' }]);
    expect((await share('owner', OWNER.toUpperCase(), 'editor')).json()).toEqual({ error: 'self' });
    expect((await call('owner', 'DELETE', `/v1/drafts/${DRAFT}/shares/${EDITOR}`)).json()).toEqual({
      error: 'not-member',
    });
    expect((await call('owner', 'GET', `/v1/drafts/${DRAFT}/access`)).json()).toEqual({
      draftId: DRAFT,
      owner: OWNER,
      yourRole: 'owner',
      members: [],
      lastChangedBy: null,
      lastChangedAt: null,
    });
    expect((await share('owner', EDITOR, 'editor')).statusCode).toBe(201);
    expect((await share('owner', EDITOR, 'editor')).statusCode).toBe(200);
  });

  it('makes a reader an editor, who may then write', async () => {
    await sharedDraft();
    const changed = await call('owner', 'PUT', `/v1/drafts/${DRAFT}/shares/${READER}`, { role: 'editor' });
    expect(changed.statusCode).toBe(200);
    expect((await records('reader')).find((change) => change.table === 'draftAccess')?.data).toMatchObject({
      role: 'editor',
    });
    expect((await push('reader', (seq, device) => update(seq, device))).rejected).toEqual([]);
    expect((await records('owner')).map((change) => change.key)).toContain(`${devices.reader}:1`);
  });

  it("withdraws access: the draft leaves the grantee's account, and their later changes are refused", async () => {
    await sharedDraft();
    await push('editor', (seq, device) => update(seq, device));
    const editorDevice = await pullAll(app, token.editor, devices.editor);
    expect((await call('owner', 'DELETE', `/v1/drafts/${DRAFT}/shares/${EDITOR}`)).statusCode).toBe(204);
    const after = await pullAll(app, token.editor, devices.editor, editorDevice.cursor);
    expect(keysOf(after.changes)).toEqual([`draftAccess/${DRAFT} (deleted)`]);
    expect(keysOf(await records('editor'))).toEqual([`draftAccess/${DRAFT} (deleted)`]);
    expect((await push('editor', (seq, device) => update(seq, device))).rejected).toMatchObject([
      { code: 'no-access' },
    ]);
    // The owner keeps everything, the withdrawn editor's earlier text included.
    expect((await records('owner')).map((change) => change.key)).toContain(`${devices.editor}:1`);
    // Shared again: a fresh copy, and access that wins over the tombstone.
    expect((await share('owner', EDITOR, 'reader')).statusCode).toBe(201);
    const again = await pullAll(app, token.editor, devices.editor, after.cursor);
    expect(keysOf(again.changes)).toEqual(
      keysOf([
        { table: 'drafts', key: DRAFT, op: 'put' },
        { table: 'draftUpdates', key: `${devices.owner}:2`, op: 'put' },
        { table: 'draftUpdates', key: `${devices.editor}:1`, op: 'put' },
        { table: 'draftAccess', key: DRAFT, op: 'put' },
      ]),
    );
  });

  it('takes two co-authors pushing at once without losing either change', async () => {
    await sharedDraft();
    // Each from its own device (one device sends in order, never at once).
    await Promise.all(
      Array.from({ length: 6 }, (_, i) => {
        const who = i % 2 === 0 ? 'owner' : 'editor';
        const deviceId = `${devices[who]}-${i}`;
        return postSync(app, token[who], { deviceId, cursor: 0, changes: [update(1, deviceId)] });
      }),
    );
    for (const who of ['owner', 'editor', 'reader'] as const) {
      expect((await records(who)).filter((change) => change.table === 'draftUpdates')).toHaveLength(7);
    }
  });
});
