/**
 * The one door to the hub's database. Two implementations share the same SQL: embedded PGlite
 * (one process, the default) and PostgreSQL through `pg` (several hub processes, DATABASE_URL).
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction; a thrown error rolls it back. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}
