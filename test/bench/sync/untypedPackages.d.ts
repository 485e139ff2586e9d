// The little of the APIs of PouchDB, express-pouchdb and autocannon that the sync benchmark uses
// (the packages ship no types).

declare module 'pouchdb' {
  interface Doc {
    _id: string;
    _rev?: string;
    [field: string]: unknown;
  }
  interface ReplicationResult {
    ok: boolean;
    docs_written: number;
  }
  class PouchDB {
    constructor(
      name: string,
      options?: { adapter?: string; fetch?: (url: string, options: Record<string, unknown>) => Promise<unknown> },
    );
    put(doc: Doc): Promise<{ ok: boolean; id: string; rev: string }>;
    allDocs(options: { include_docs: true }): Promise<{ total_rows: number; rows: { id: string; doc?: Doc }[] }>;
    destroy(): Promise<void>;
    static fetch(url: string, options: Record<string, unknown>): Promise<unknown>;
    static plugin(plugin: unknown): typeof PouchDB;
    static defaults(options: { adapter?: string }): typeof PouchDB;
    static replicate(source: PouchDB | string, target: PouchDB | string): Promise<ReplicationResult>;
  }
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}

declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';
  function expressPouchDB(
    PouchDB: unknown,
    options: { mode: 'minimumForPouchDB' | 'fullCouchDB'; inMemoryConfig?: boolean },
  ): RequestListener;
  export default expressPouchDB;
}

declare module 'autocannon' {
  interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  }
  interface Options {
    url: string;
    connections: number;
    duration: number;
    requests: {
      method?: string;
      path?: string;
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
      onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
    }[];
  }
  interface Result {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number; average: number };
    non2xx: number;
    errors: number;
    timeouts: number;
    duration: number;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
