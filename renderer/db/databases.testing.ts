import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { GapbridgeDatabase } from './database';
import type { SchemaVersion } from './schema';

/**
 * For unit tests (fake-indexeddb, loaded by vitest's setup): opens Gapbridge databases, all
 * closed and deleted after each test. Opening a name twice reopens the same database.
 */
export function useTestDatabases(prefix: string) {
  const opened: GapbridgeDatabase[] = [];
  let serial = 0;
  afterEach(async () => {
    const names = new Set(opened.map((db) => db.name));
    for (const db of opened.splice(0)) db.close();
    for (const name of names) await Dexie.delete(name);
  });
  return (name = `${prefix}-${serial++}`, versions?: readonly SchemaVersion[]): GapbridgeDatabase => {
    const db = new GapbridgeDatabase(name, versions);
    opened.push(db);
    return db;
  };
}
