import type { StudyGroupRecord } from '../../../db/records';

/** The group's number, or none for TSAG: "SG2" → 2, "SG11" → 11. */
function groupNumber(id: string): number | null {
  const match = /^SG(\d+)$/i.exec(id.trim());
  return match ? Number(match[1]) : null;
}

/** TSAG first, then the study groups by number (SG2 before SG11), as ITU-T lists them. */
export function byGroupNumber(a: Pick<StudyGroupRecord, 'id'>, b: Pick<StudyGroupRecord, 'id'>): number {
  const [x, y] = [groupNumber(a.id), groupNumber(b.id)];
  if (x === null || y === null) return (x === null ? 0 : 1) - (y === null ? 0 : 1) || a.id.localeCompare(b.id);
  return x - y;
}
