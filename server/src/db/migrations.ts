import type { Database } from './database';

/**
 * The hub's schema, one migration a step, never edited once released. Both backends run the same
 * SQL. Each step runs in its own transaction, under an advisory lock so that several hub processes
 * starting together on one PostgreSQL migrate once.
 */
const MIGRATIONS: readonly string[] = [
  `create table users (
     id text primary key,
     email text not null,
     email_key text not null unique,
     password_hash text not null,
     created_at timestamptz not null default now(),
     -- The last sequence number given to one of this user's changes. Taken under the row's lock in
     -- the transaction that writes the change, so changes commit in sequence order.
     change_seq bigint not null default 0
   );
   create table sessions (
     id text primary key,
     token_hash text not null unique,
     user_id text not null references users(id) on delete cascade,
     client text not null,
     created_at timestamptz not null default now(),
     expires_at timestamptz not null,
     revoked_at timestamptz
   );
   create index sessions_user on sessions(user_id);
   create table password_resets (
     user_id text primary key references users(id) on delete cascade,
     code_hash text not null,
     expires_at timestamptz not null
   );
   create table sign_in_failures (
     attempt_key text not null,
     failed_at timestamptz not null default now()
   );
   create index sign_in_failures_key on sign_in_failures(attempt_key, failed_at);
   create table devices (
     user_id text not null references users(id) on delete cascade,
     device_id text not null,
     -- Every change of this device with a sequence number up to here has been applied or rejected.
     acked_seq bigint not null default 0,
     last_seen timestamptz not null default now(),
     primary key (user_id, device_id)
   );
   create table records (
     user_id text not null references users(id) on delete cascade,
     tbl text not null,
     key text not null,
     deleted boolean not null default false,
     hlc text not null,
     version integer not null,
     data jsonb,
     seq bigint not null,
     origin_device text not null,
     primary key (user_id, tbl, key)
   );
   create index records_by_seq on records(user_id, seq);
   create table rejections (
     user_id text not null references users(id) on delete cascade,
     device_id text not null,
     device_seq bigint not null,
     tbl text not null,
     key text not null,
     code text not null,
     rejected_at timestamptz not null default now(),
     primary key (user_id, device_id, device_seq)
   );`,
  `create table certificate_keys (
     key_id text primary key,
     -- Raw Ed25519 public key, base64url; the private key is PKCS#8 DER, base64.
     public_key text not null,
     private_key text not null,
     created_at timestamptz not null,
     retired_at timestamptz,
     revoked_at timestamptz
   );
   -- At most one key signs: the one not yet retired.
   create unique index certificate_keys_one_active on certificate_keys ((true)) where retired_at is null;
   create table certificates (
     id text primary key,
     user_id text not null references users(id) on delete cascade,
     key_id text not null references certificate_keys(key_id),
     code text not null,
     holder_name text not null,
     content_version text not null,
     overall_score integer not null,
     issued_at timestamptz not null
   );
   create index certificates_user on certificates(user_id, issued_at);`,
  // Drafts written together (issue 9): a shared draft's owner, who changed it last, and who else
  // may read or write it. Every member's records hold a copy of the draft (see sync/fanOut.ts).
  `create table shared_drafts (
     draft_id text primary key,
     owner_id text not null references users(id) on delete cascade,
     last_changed_by text references users(id) on delete set null,
     last_changed_at timestamptz,
     created_at timestamptz not null default now()
   );
   create table draft_shares (
     draft_id text not null references shared_drafts(draft_id) on delete cascade,
     grantee_id text not null references users(id) on delete cascade,
     role text not null check (role in ('editor', 'reader')),
     created_at timestamptz not null default now(),
     primary key (draft_id, grantee_id)
   );
   create index draft_shares_grantee on draft_shares(grantee_id);`,
];

export async function migrate(db: Database): Promise<number> {
  await db.query('create table if not exists schema_migrations (version integer primary key)');
  let applied = 0;
  for (const [index, sql] of MIGRATIONS.entries()) {
    const version = index + 1;
    const ran = await db.transaction(async (tx) => {
      // Serialises concurrent starts on PostgreSQL; harmless on PGlite (one connection).
      await tx.query('select pg_advisory_xact_lock(7261001)');
      const done = await tx.query('select 1 from schema_migrations where version = $1', [version]);
      if (done.length > 0) return false;
      for (const statement of sql.split(/;\s*(?:\n|$)/).filter((part) => part.trim())) await tx.query(statement);
      await tx.query('insert into schema_migrations (version) values ($1)', [version]);
      return true;
    });
    if (ran) applied += 1;
  }
  return applied;
}

export const SCHEMA_VERSION = MIGRATIONS.length;
