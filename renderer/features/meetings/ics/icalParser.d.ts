// The `ical` package (a second, line-based iCalendar parser) is used by the tests only, to read
// what Gapbridge exports independently of ical.js; it ships no types.
declare module 'ical' {
  interface ParsedComponent {
    type: string;
    uid?: string;
    summary?: string;
    location?: string;
    start?: Date;
    end?: Date;
  }
  const ical: { parseICS(text: string): Record<string, ParsedComponent> };
  export default ical;
}
