import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTestDatabases } from './databases.testing';
import { appendDraftUpdate, createDraft } from './drafts';

const fresh = useTestDatabases('durability');

/**
 * The durability each IndexedDB transaction was opened with, by the stores it spans. Call before
 * the database opens: Dexie binds IDBDatabase's transaction method when it opens.
 */
function recordTransactions(): { stores: string[]; mode: string; durability: string | undefined }[] {
  const seen: { stores: string[]; mode: string; durability: string | undefined }[] = [];
  const original = IDBDatabase.prototype.transaction;
  vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
    this: IDBDatabase,
    stores: string | Iterable<string>,
    mode?: IDBTransactionMode,
    options?: IDBTransactionOptions,
  ) {
    seen.push({
      stores: typeof stores === 'string' ? [stores] : [...stores],
      mode: mode ?? 'readonly',
      durability: options?.durability,
    });
    return original.call(this, stores, mode, options);
  });
  return seen;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('strict durability', () => {
  it('commits draft updates strictly and leaves other writes and reads at the default', async () => {
    const seen = recordTransactions();
    const db = fresh();
    const draft = await createDraft(db, { title: 'Power cut', language: 'en' }, Y.encodeStateAsUpdate(new Y.Doc()));
    seen.length = 0;
    await appendDraftUpdate(db, draft.id, Y.encodeStateAsUpdate(new Y.Doc()));
    await db.settings.put({ key: 'language', value: 'fr', updatedAt: new Date().toISOString() });
    await db.drafts.get(draft.id);

    expect(seen.find((t) => t.stores.includes('draftUpdates'))).toMatchObject({
      mode: 'readwrite',
      durability: 'strict',
    });
    expect(seen.find((t) => t.stores.includes('settings'))?.durability).not.toBe('strict');
    expect(seen.find((t) => t.mode === 'readonly')?.durability).not.toBe('strict');
  });

  it('commits certificates and quiz attempts strictly', async () => {
    const seen = recordTransactions();
    const db = fresh();
    await db.open();
    seen.length = 0;
    await db.transaction('rw', [db.quizAttempts, db.outbox], () => db.outbox.count());
    await db.transaction('rw', db.certificates, () => db.certificates.count());
    expect(seen.map((t) => t.durability)).toEqual(['strict', 'strict']);
  });
});
