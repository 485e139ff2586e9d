import { db } from '../../../db';
import { draftAccessOf } from '../../../db/drafts';
import { useLiveQuery } from '../../../db/hooks';
import type { DraftAccessRecord } from '../../../db/records';

/** The draft's access record (null: never shared; undefined: still reading). */
export function useDraftAccess(draftId: string): DraftAccessRecord | null | undefined {
  return useLiveQuery(async () => (await draftAccessOf(db, draftId)) ?? null, [draftId]);
}

/** Whether anyone but its author has access (the author's record stays after the last withdrawal). */
export function isSharedDraft(access: DraftAccessRecord | null | undefined): boolean {
  return !!access && (access.role !== 'owner' || access.members.length > 0);
}
