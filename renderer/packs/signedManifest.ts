import { sha256 } from '@noble/hashes/sha2';
import { z } from 'zod';
import { LANGUAGES, type LanguageCode } from '../i18n/languages';
import { canonicalJson } from './canonicalJson';

/**
 * The hub's list of content packs, signed with its Ed25519 key. Shared by the hub (which signs)
 * and the app (which verifies against the keys it ships with): no Node, no DOM.
 */
export const SIGNED_MANIFEST_FORMAT = 1;

/** Prefixed to what is signed, so that a signature over a manifest can never pass for another kind of document. */
export const MANIFEST_SIGNING_CONTEXT = 'gapbridge/pack-manifest/1\n';

/**
 * What a hub publishes: course text (one pack per language), the calendar, and the public keys
 * that verify its certificates (renderer/certificates/certificateKeys.ts).
 */
export const PACK_KINDS = ['course', 'calendar', 'certificate-keys'] as const;
export type PackKind = (typeof PACK_KINDS)[number];

const languageCode = z.enum(LANGUAGES.map((l) => l.code) as [LanguageCode, ...LanguageCode[]]);
const version = z.string().regex(/^\d+(\.\d+)*$/, 'a dotted numeric version');
export const keyIdSchema = z.string().regex(/^[0-9a-f]{16}$/);
const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

export const signedPackSchema = z
  .strictObject({
    /** `calendar/all`, `course/fr`, `certificate-keys/all`. */
    id: z.string().regex(/^(calendar\/all|certificate-keys\/all|course\/[a-z]{2})$/),
    kind: z.enum(PACK_KINDS),
    lang: z.union([languageCode, z.literal('all')]),
    version,
    /** Of the bytes served: the gzip file, checked before it is inflated. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.number().int().positive(),
    /** Every pack is served gzip-compressed (as a file, not as HTTP Content-Encoding). */
    encoding: z.literal('gzip'),
    /** The pack's JSON once inflated: a device refuses to inflate more than this (a gzip bomb). */
    inflatedSize: z.number().int().positive(),
    /** Relative to the hub's origin: `/v1/packs/calendar/all/2026.12.1`. */
    url: z.string().regex(/^\/v1\/packs\/[a-z]+(-[a-z]+)*\/[a-z]+\/[\d.]+$/),
  })
  .refine((pack) => pack.id === `${pack.kind}/${pack.lang}` && pack.url === `/v1/packs/${pack.id}/${pack.version}`, {
    message: 'id and url must name the pack’s kind, language and version',
  });

export const manifestBodySchema = z.strictObject({
  format: z.literal(SIGNED_MANIFEST_FORMAT),
  /** Raised by one at each publication: a device refuses a manifest older than one it has seen. */
  sequence: z.number().int().positive(),
  issuedAt: z.iso.datetime(),
  keyId: keyIdSchema,
  packs: z
    .array(signedPackSchema)
    .refine((packs) => new Set(packs.map((p) => p.id)).size === packs.length, 'one entry per pack'),
});

export const signedManifestSchema = z.strictObject({
  manifest: manifestBodySchema,
  /** Ed25519 over MANIFEST_SIGNING_CONTEXT + canonicalJson(manifest), base64. */
  signature: base64,
});

export type SignedPack = z.infer<typeof signedPackSchema>;
export type ManifestBody = z.infer<typeof manifestBodySchema>;
export type SignedManifest = z.infer<typeof signedManifestSchema>;

/** The exact bytes the hub signs and the app verifies. */
export function manifestSigningBytes(manifest: ManifestBody): Uint8Array {
  return new TextEncoder().encode(MANIFEST_SIGNING_CONTEXT + canonicalJson(manifest));
}

/** A key's id: the first 16 hex digits of the SHA-256 of its 32 raw bytes. */
export function keyIdOf(publicKey: Uint8Array): string {
  return [...sha256(publicKey).subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
