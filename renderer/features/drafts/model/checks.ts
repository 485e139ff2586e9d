import { countWords, type CoverFields } from './draftDoc';
import { type CalendarDate, daysBetween } from '../../meetings';

export type DraftIssue =
  | { code: 'missing'; field: 'studyGroup' | 'questions' | 'source' | 'title' | 'contact' | 'abstract' }
  | { code: 'questions-format' }
  | { code: 'contact-email'; index: number }
  | { code: 'abstract-length'; words: number }
  | { code: 'deadline-passed'; date: CalendarDate }
  | { code: 'deadline-near'; date: CalendarDate; days: number };

/** Blocking issues stop an export; hints (abstract length, deadlines) only warn. */
export function isBlocking(issue: DraftIssue): boolean {
  return issue.code === 'missing' || issue.code === 'questions-format' || issue.code === 'contact-email';
}

/** Question(s) as ITU-T writes them: "9/12", "9/12, 10/12", "All/13" (the / and the group's number). */
export const QUESTIONS_PATTERN = /^\s*(?:\d{1,2}|All)\/\d{1,2}(?:\s*[,;]\s*(?:\d{1,2}|All)\/\d{1,2})*\s*$/i;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A.2 practice suggests an abstract of about 150 to 200 words: a hint, never a block. */
export const ABSTRACT_WORDS = { min: 150, max: 200 } as const;
export const DEADLINE_NEAR_DAYS = 3;

/** What the cover itself lacks or has wrong, without the meeting's deadline. */
export function checkCover(cover: CoverFields): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const isBlank = (value: string) => value.trim() === '';
  if (isBlank(cover.studyGroup)) issues.push({ code: 'missing', field: 'studyGroup' });
  if (isBlank(cover.questions)) issues.push({ code: 'missing', field: 'questions' });
  else if (!QUESTIONS_PATTERN.test(cover.questions)) issues.push({ code: 'questions-format' });
  if (isBlank(cover.source)) issues.push({ code: 'missing', field: 'source' });
  if (isBlank(cover.title)) issues.push({ code: 'missing', field: 'title' });
  const named = cover.contacts.filter((c) => !isBlank(c.name));
  if (named.length === 0) issues.push({ code: 'missing', field: 'contact' });
  cover.contacts.forEach((contact, index) => {
    if (!isBlank(contact.name) && !EMAIL.test(contact.email.trim())) issues.push({ code: 'contact-email', index });
  });
  const words = countWords(cover.abstract, cover.language);
  if (words === 0) issues.push({ code: 'missing', field: 'abstract' });
  else if (words < ABSTRACT_WORDS.min || words > ABSTRACT_WORDS.max) issues.push({ code: 'abstract-length', words });
  return issues;
}

export function checkDraft(cover: CoverFields, deadline: CalendarDate | null, today: CalendarDate): DraftIssue[] {
  const issues = checkCover(cover);
  if (deadline) {
    const days = daysBetween(today, deadline);
    if (days < 0) issues.push({ code: 'deadline-passed', date: deadline });
    else if (days <= DEADLINE_NEAR_DAYS) issues.push({ code: 'deadline-near', date: deadline, days });
  }
  return issues;
}
