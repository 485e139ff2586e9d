/** Why a calendar file was refused; each code has a message in every language (meetings.import.errors). */
export type CalendarFileErrorCode =
  'too-large' | 'not-text' | 'not-calendar' | 'malformed' | 'missing-start' | 'unknown-time-zone' | 'no-events';

export class CalendarFileError extends Error {
  constructor(
    readonly code: CalendarFileErrorCode,
    detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}
