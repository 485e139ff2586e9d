import { CalendarFileError } from './calendarFileError';

/** One component of a calendar (a VEVENT, a VTIMEZONE...) as its own iCalendar text. */
export interface RawComponent {
  name: string;
  /** Unfolded lines, BEGIN and END included. */
  lines: string[];
  /** The file's line number (1-based) of each unfolded line. */
  lineNumbers: number[];
}

export interface SplitCalendar {
  /** The iTIP METHOD of the file (uppercase), if any VCALENDAR block declares one. */
  method: string | undefined;
  components: RawComponent[];
}

/**
 * Splits a file into the components of its VCALENDAR blocks (one or more), without parsing
 * their properties: so one bad line spoils one event, not the whole file. A broken structure
 * (an END that does not match, a component never closed) refuses the file.
 */
export function splitCalendar(text: string): SplitCalendar {
  const physical = text.split(/\r\n|\n|\r/);
  const components: RawComponent[] = [];
  let method: string | undefined;
  let inCalendar = false;
  let current: RawComponent | null = null;
  let depth = 0;
  let calendars = 0;

  const handle = (line: string, lineNumber: number) => {
    if (line.trim() === '') return;
    const upper = line.toUpperCase();
    const begin = upper.startsWith('BEGIN:') ? upper.slice(6).trim() : null;
    const end = upper.startsWith('END:') ? upper.slice(4).trim() : null;
    if (!inCalendar) {
      if (begin !== 'VCALENDAR')
        throw new CalendarFileError(calendars ? 'malformed' : 'not-calendar', `line ${lineNumber}`);
      inCalendar = true;
      calendars++;
      return;
    }
    if (current) {
      current.lines.push(line);
      current.lineNumbers.push(lineNumber);
      if (begin) depth++;
      if (end) {
        depth--;
        if (depth === 0) {
          if (end !== current.name) throw new CalendarFileError('malformed', `line ${lineNumber}: END:${end}`);
          components.push(current);
          current = null;
        }
      }
      return;
    }
    if (begin) {
      current = { name: begin, lines: [line], lineNumbers: [lineNumber] };
      depth = 1;
    } else if (end) {
      if (end !== 'VCALENDAR') throw new CalendarFileError('malformed', `line ${lineNumber}: END:${end}`);
      inCalendar = false;
    } else {
      const declared = /^METHOD(?:;[^:]*)?:(.*)$/i.exec(line);
      if (declared) method = declared[1]!.trim().toUpperCase();
    }
  };

  let pending: string | null = null;
  let pendingLine = 0;
  for (let i = 0; i < physical.length; i++) {
    const line = physical[i]!;
    if (pending !== null && (line.startsWith(' ') || line.startsWith('\t'))) {
      pending += line.slice(1);
      continue;
    }
    if (pending !== null) handle(pending, pendingLine);
    pending = line;
    pendingLine = i + 1;
  }
  if (pending !== null) handle(pending, pendingLine);
  if (current || inCalendar) throw new CalendarFileError('malformed', 'a component or the calendar is not closed');
  return { method, components };
}

/** The lines of a component as iCalendar text again (unfolded lines are valid input). */
export function componentText(component: RawComponent): string {
  return component.lines.join('\r\n');
}
