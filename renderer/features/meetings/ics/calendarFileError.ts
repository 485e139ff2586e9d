/**
 * Why a calendar file was refused whole; each code has a message in every language
 * (meetings: files.errors.*). The event-level codes (see SkipReason) also refuse a file when no
 * event in it could be read.
 */
export type CalendarFileErrorCode =
  | 'too-large'
  | 'not-text'
  | 'not-calendar'
  | 'malformed'
  | 'no-events'
  | 'too-many-events'
  | 'itip-reply'
  | 'itip-counter'
  | 'itip-unsupported'
  | SkipReason;

/** Why one event of a file was skipped (meetings: calendarFile.skipReasons.*). */
export type SkipReason =
  | 'bad-line'
  | 'missing-uid'
  | 'missing-start'
  | 'unknown-time-zone'
  | 'impossible-date'
  | 'year-out-of-range'
  | 'ends-before-start'
  | 'recurs-too-often'
  | 'outside-window'
  | 'too-complex';

export class CalendarFileError extends Error {
  constructor(
    readonly code: CalendarFileErrorCode,
    detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}
