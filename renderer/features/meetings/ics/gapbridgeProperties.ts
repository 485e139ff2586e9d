/** Our own iCalendar properties (RFC 5545 §3.8.8.2 "X-" names): what a round trip must keep. */
export const X = {
  kind: 'x-gapbridge-kind',
  group: 'x-gapbridge-group',
  timeZone: 'x-gapbridge-timezone',
  remote: 'x-gapbridge-remote',
  source: 'x-gapbridge-source',
  prepares: 'x-gapbridge-prepares',
  collectiveLetter: 'x-gapbridge-collective-letter',
  title: 'x-gapbridge-title',
  deadlineFor: 'x-gapbridge-deadline-for',
  deadlineKind: 'x-gapbridge-deadline-kind',
  official: 'x-gapbridge-official',
  /** On each day after the first of a multi-day meeting, exported as daily sessions. */
  sessionOf: 'x-gapbridge-session-of',
} as const;

export const PRODUCT_ID = '-//Gapbridge//Gapbridge calendar//EN';
