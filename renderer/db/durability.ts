import type { DBCore, Middleware } from 'dexie';

/**
 * Tables whose writes must survive a power cut, not only a crash: a keystroke of a draft (and its
 * snapshots), a sealed quiz attempt, a certificate. A read-write transaction touching any of them
 * asks IndexedDB for strict durability (the commit waits for the disk to flush); every other
 * transaction keeps the browser's default.
 */
export const STRICT_TABLES: ReadonlySet<string> = new Set([
  'draftUpdates',
  'draftSnapshots',
  'quizAttempts',
  'certificates',
]);

/** Dexie sets durability per database only; this middleware sets it per transaction. */
export const strictDurability: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'strictDurability',
  create: (down) => ({
    ...down,
    transaction(stores, mode, options) {
      const isStrict = mode === 'readwrite' && stores.some((store) => STRICT_TABLES.has(store));
      return down.transaction(stores, mode, isStrict ? { ...options, durability: 'strict' } : options);
    },
  }),
};
