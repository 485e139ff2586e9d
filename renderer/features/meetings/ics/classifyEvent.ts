import { MEETING_KINDS, type MeetingKind } from '../../../db/records';

const GROUP_CODE = /\b(TSAG|SG\d{1,2}RG-[A-Z]+|WP\d\/\d{1,2}|SG\d{1,2}|Q\d{1,2}\/\d{1,2})\b/;
/** Words that make an event part of ITU-T's own work. */
const ITU_WORK =
  /\b(ITU|UIT|TSAG|GCNT|SG\d{1,2}|WP\d\/\d|Q\d{1,2}\/\d{1,2}|study group|working party|rapporteur|commission d'études|comisión de estudio)\b|МСЭ|国际电联|الاتحاد الدولي للاتصالات/i;
/** Words of a reminder or a to-do rather than a meeting, in the six languages. */
const REMINDER =
  /\b(deadline|reminder|due|rappel|échéance|date limite|plazo|recordatorio|fecha límite)\b|срок|напоминание|截止|提醒|موعد نهائي|تذكير/i;

/** The group code in a title (SG13, WP1/13, TSAG, SG20RG-AFR, Q4/17), if any. */
export function groupCodeIn(summary: string): string | undefined {
  return GROUP_CODE.exec(summary)?.[1];
}

/**
 * What kind of meeting an event is. Gapbridge's own files say so; otherwise the title decides,
 * and an event that is not plainly ITU-T work (a weekly national call, a deadline reminder, any
 * repeating event) is personal: it gets no estimated ITU deadlines.
 */
export function classifyEvent(summary: string, declared: string | undefined, isRecurring: boolean): MeetingKind {
  if (declared && (MEETING_KINDS as readonly string[]).includes(declared)) return declared as MeetingKind;
  if (isRecurring || REMINDER.test(summary) || !ITU_WORK.test(summary)) return 'personal';
  if (/\bTSAG\b/.test(summary)) return 'tsag';
  if (/rapporteur/i.test(summary)) return 'rapporteur-group';
  if (/\bWP\d/.test(summary) || /working party/i.test(summary)) return 'working-party';
  if (/workshop|forum/i.test(summary)) return 'workshop';
  if (/clinic/i.test(summary)) return 'contribution-clinic';
  if (/newcomer/i.test(summary)) return 'newcomer-session';
  if (/\bBSG\b/.test(summary)) return 'bsg-session';
  if (/RG-/.test(summary)) return 'regional-group';
  return 'study-group';
}
