import type { DeadlineKind, MeetingFormat, MeetingKind } from '../../../db/records';
import { addDays, addMonths, type CalendarDate } from './calendarDate';

/**
 * The deadlines of a study group meeting, counted back from its opening day as collective
 * letters set them (fact sheet M4-02, M4-03, M4-06 and the letters' key-deadlines block):
 * - contributions: 12 calendar days before; letters print the opening date minus 13 days
 *   (29 Aug 2016 opening → 16 Aug), so that is the estimate;
 * - contributions for which translation is requested: 2 months before (9 Apr 2018 → 9 Feb);
 * - fellowship requests: about 6 weeks before (6 Nov → 25 Sep; 9 Apr → 26 Feb);
 * - pre-registration and visa support letters: about 1 month before.
 * Estimates only: the dates printed in the meeting's collective letter always win.
 */
export const DEADLINE_RULES: Record<DeadlineKind, (opening: CalendarDate) => CalendarDate> = {
  translation: (opening) => addMonths(opening, -2),
  fellowship: (opening) => addDays(opening, -42),
  registration: (opening) => addMonths(opening, -1),
  visa: (opening) => addMonths(opening, -1),
  contribution: (opening) => addDays(opening, -13),
};

export const DEADLINE_ORDER: readonly DeadlineKind[] = [
  'translation',
  'fellowship',
  'registration',
  'visa',
  'contribution',
];

/** The meetings that hold their own plenary: A.1's contribution and translation rules are theirs. */
const PLENARIES: readonly MeetingKind[] = ['study-group', 'working-party', 'tsag'];
/** The ITU meetings a delegate travels to, registers for and may need a visa for. */
const TRAVELLED_TO: readonly MeetingKind[] = [...PLENARIES, 'regional-group', 'rapporteur-group', 'workshop'];

/**
 * Which meetings each estimated deadline fits, by kind and by format (fact sheet M4-02 to M4-04,
 * section 6 "Fellowships" and the key-deadlines block):
 * - contributions (12 days, A.1 §3.1.8) and translation (2 months, A.1 §3.2.1): study group,
 *   working party and TSAG meetings; regional groups take contributions by the same rule but
 *   their documents are not translated by TSB;
 * - fellowships pay the journey and stay, so only meetings on site: plenaries and regional
 *   groups held in person or hybrid;
 * - pre-registration and visa support letters: every ITU meeting held on site.
 * Rapporteur groups and workshops set their own terms in their notice; BSG sessions,
 * Contribution Clinics and newcomer sessions share the deadlines of the meeting they are held
 * with; a personal event has no ITU deadline at all.
 */
export const DEADLINE_APPLIES: Record<
  DeadlineKind,
  { kinds: readonly MeetingKind[]; formats: readonly MeetingFormat[] }
> = {
  translation: { kinds: PLENARIES, formats: ['in-person', 'hybrid', 'virtual'] },
  fellowship: { kinds: [...PLENARIES, 'regional-group'], formats: ['in-person', 'hybrid'] },
  registration: { kinds: TRAVELLED_TO, formats: ['in-person', 'hybrid'] },
  visa: { kinds: TRAVELLED_TO, formats: ['in-person', 'hybrid'] },
  contribution: { kinds: [...PLENARIES, 'regional-group'], formats: ['in-person', 'hybrid', 'virtual'] },
};

/** Why an estimate is not given: the meeting's kind or its format. */
export type NotApplicableReason = 'kind' | 'format';

/**
 * Whether a deadline kind fits a meeting; `null` when it does, else the reason. A meeting whose
 * format is not known (place not published) keeps every deadline its kind has, so that a
 * delegate who will travel is not told too late.
 */
export function whyNotApplicable(
  deadline: DeadlineKind,
  kind: MeetingKind,
  format: MeetingFormat | null,
): NotApplicableReason | null {
  const rule = DEADLINE_APPLIES[deadline];
  if (!rule.kinds.includes(kind)) return 'kind';
  if (format && !rule.formats.includes(format)) return 'format';
  return null;
}

export interface Deadline {
  kind: DeadlineKind;
  date: CalendarDate;
  /** True when printed in the collective letter; false when estimated from the rules above. */
  official: boolean;
}

export interface MeetingDeadlines {
  /** The deadlines that apply, official or estimated, in date order. */
  shown: Deadline[];
  /** The deadline kinds left out, and why: for the screens to explain. */
  notApplicable: { kind: DeadlineKind; reason: NotApplicableReason }[];
}

/**
 * A meeting's deadlines: every official one as given (an official date always wins, even for a
 * kind the rules would not estimate), and an estimate from the opening day for each other kind
 * that fits the meeting's kind and format. Sorted by date.
 */
export function meetingDeadlinesFor(
  opening: CalendarDate,
  meeting: { kind: MeetingKind; format: MeetingFormat | null },
  official: readonly Deadline[] = [],
): MeetingDeadlines {
  const known = new Map(official.map((d) => [d.kind, { ...d, official: true }]));
  const shown: Deadline[] = [];
  const notApplicable: MeetingDeadlines['notApplicable'] = [];
  for (const kind of DEADLINE_ORDER) {
    const printed = known.get(kind);
    if (printed) {
      shown.push(printed);
      continue;
    }
    const reason = whyNotApplicable(kind, meeting.kind, meeting.format);
    if (reason) notApplicable.push({ kind, reason });
    else shown.push({ kind, date: DEADLINE_RULES[kind](opening), official: false });
  }
  shown.sort((a, b) => a.date.localeCompare(b.date) || DEADLINE_ORDER.indexOf(a.kind) - DEADLINE_ORDER.indexOf(b.kind));
  return { shown, notApplicable };
}

/** Every deadline of a study group meeting held on site: the official ones, estimates for the rest. */
export function meetingDeadlines(opening: CalendarDate, official: readonly Deadline[] = []): Deadline[] {
  return meetingDeadlinesFor(opening, { kind: 'study-group', format: 'in-person' }, official).shown;
}
