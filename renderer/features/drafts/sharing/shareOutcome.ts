import type { DraftAccessView, GranteeRole } from '../../../sync/tableSchemas';

export type { DraftAccessView, GranteeRole };

/** Why a sharing request did not go through, in terms the delegate can act on. */
export const SHARE_FAILURES = [
  'offline',
  'signed-out',
  /** The draft has not reached the hub yet (or is not this account's to see). */
  'not-on-hub',
  'not-owner',
  'unknown-account',
  'self',
  'not-member',
  'server',
] as const;
export type ShareFailure = (typeof SHARE_FAILURES)[number];

const HUB_ERRORS: Record<string, ShareFailure> = {
  'no-draft': 'not-on-hub',
  'not-owner': 'not-owner',
  'unknown-account': 'unknown-account',
  self: 'self',
  'not-member': 'not-member',
  'signed-out': 'signed-out',
};

/** The failure an answer of a sharing route means; null when it succeeded (2xx). */
export function shareFailureOf(status: number, body: unknown): ShareFailure | null {
  if (status >= 200 && status < 300) return null;
  if (status === 401) return 'signed-out';
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  return (typeof error === 'string' && Object.hasOwn(HUB_ERRORS, error) && HUB_ERRORS[error]) || 'server';
}

/** An access answer as the app uses it, or null when it is not one. */
export function accessViewOf(body: unknown): DraftAccessView | null {
  if (typeof body !== 'object' || body === null) return null;
  const view = body as Partial<DraftAccessView>;
  if (typeof view.owner !== 'string' || typeof view.yourRole !== 'string' || !Array.isArray(view.members)) return null;
  return view as DraftAccessView;
}
