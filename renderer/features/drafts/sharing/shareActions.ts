import { useEffect } from 'react';
import { hubRequest, hubSession } from '../../../app/sync/appSync';
import { responseJson, type HubRequest } from '../../../sync/hubRequest';
import { SyncTransportError } from '../../../sync/transport';
import {
  accessViewOf,
  shareFailureOf,
  type DraftAccessView,
  type GranteeRole,
  type ShareFailure,
} from './shareOutcome';

/** While a shared draft is open and online, sync this often so co-authors' edits appear live. */
export const LIVE_SYNC_MS = 4000;

export type ShareResult = { ok: true; access: DraftAccessView | null } | { ok: false; failure: ShareFailure };

async function send(request: HubRequest): Promise<ShareResult> {
  let status: number;
  let body: unknown;
  try {
    const response = await hubRequest(request);
    status = response.status;
    body = responseJson(response);
  } catch (error) {
    if (error instanceof SyncTransportError) {
      return { ok: false, failure: error.failure.kind === 'signed-out' ? 'signed-out' : 'offline' };
    }
    console.error('Sharing request failed', error);
    return { ok: false, failure: 'server' };
  }
  const failure = shareFailureOf(status, body);
  if (failure) return { ok: false, failure };
  // Who has access changed on the hub: this device learns it (draftAccess) with the next sync.
  if (request.method !== 'GET') hubSession.syncSoon();
  return { ok: true, access: accessViewOf(body) };
}

const sharesPath = (draftId: string) => `/v1/drafts/${encodeURIComponent(draftId)}/shares`;

export function shareDraft(draftId: string, email: string, role: GranteeRole): Promise<ShareResult> {
  return send({ method: 'POST', path: sharesPath(draftId), json: { email: email.trim(), role } });
}

export function changeRole(draftId: string, email: string, role: GranteeRole): Promise<ShareResult> {
  return send({ method: 'PUT', path: `${sharesPath(draftId)}/${encodeURIComponent(email)}`, json: { role } });
}

/** Withdraws someone's access (the author), or one's own (leaving a draft shared with you). */
export function withdrawAccess(draftId: string, email: string): Promise<ShareResult> {
  return send({ method: 'DELETE', path: `${sharesPath(draftId)}/${encodeURIComponent(email)}` });
}

export function fetchAccess(draftId: string): Promise<ShareResult> {
  return send({ method: 'GET', path: `/v1/drafts/${encodeURIComponent(draftId)}/access` });
}

/** Syncs every few seconds while `active` (a shared draft open, online); the normal schedule after. */
export function useLiveSync(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    hubSession.syncSoon();
    const timer = setInterval(() => hubSession.syncSoon(), LIVE_SYNC_MS);
    return () => clearInterval(timer);
  }, [active]);
}
