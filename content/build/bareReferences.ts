/**
 * ITU document codes (`Q9/12`, `SG13-C123`, `WP1/13`, `TD87R3/PLEN`, `A.1`, `Res. 1` …) must be
 * written in backticks: the renderer shows a backticked code isolated from the text direction
 * (<bdi>), so it keeps its order inside Arabic. This finds the codes written outside backticks.
 *
 * Each pattern needs a digit, a slash or a dot in a fixed place, so ordinary words ("TDs",
 * "SG chair", "ITU-T", "WTSA-24") do not match.
 */
const CODE_PATTERNS: readonly RegExp[] = [
  /(?<![A-Za-z0-9])Q(?:\d{1,2}|x)\/(?:\d{1,2}|y)(?![0-9])/gu, // Q9/12, Qx/y
  /(?<![A-Za-z0-9])SG\d{1,2}(?:[A-Z]{2,}|-[A-Z0-9]+)*/gu, // SG13, SG3RG-AFR, SG13-C123
  /(?<![A-Za-z0-9])WP(?:\d{1,2}|n)(?:\/(?:\d{1,2}|y))?(?![0-9])/gu, // WP1/13, WPn/y, WP1
  /(?<![A-Za-z0-9])TD ?\d+(?:R\d+)?(?:\/[A-Z0-9]+)?/gu, // TD87R3/PLEN, TD 87
  /(?<![A-Za-z0-9])C\d{1,4}(?![A-Za-z0-9])/gu, // C123
  /(?<![A-Za-z0-9.])[A-Z]\.(?:\d+|Sup ?\d+)(?:\.\d+)?(?: ?\(\d{2}\/\d{4}\))?(?![0-9])/gu, // A.1, Y.3188, A.Sup5, A.1 (09/2019)
  /(?<![A-Za-z0-9])(?:Res|Rés|Рез)\. ?\d+/gu, // Res. 1
  /(?<![A-Za-z0-9])LS\/[io](?:\/r)?(?![A-Za-z])/gu, // LS/i, LS/o/r
  /(?<![A-Za-z0-9])(?:IRG|CG|FG)-[A-Z0-9]+(?:-[A-Z0-9]+)*/gu, // IRG-AVA, CG-SECAPA
  /(?<![A-Za-z0-9])ISO\/IEC(?: JTC ?\d)?/gu, // ISO/IEC JTC 1
  /\(\d{2}\/\d{4}\)/gu, // an edition written apart from its code: `A.1` (09/2019)
];

/** The text with every backticked span removed (a span never crosses a line). */
function outsideBackticks(text: string): string {
  return text.replace(/`[^`\n]*`/g, ' ');
}

/** Every document code in `text` that is not inside backticks, in order of appearance. */
export function findBareReferences(text: string): string[] {
  const bare = outsideBackticks(text);
  const found: { start: number; end: number; code: string }[] = [];
  for (const pattern of CODE_PATTERNS) {
    for (const match of bare.matchAll(pattern)) {
      found.push({ start: match.index, end: match.index + match[0].length, code: match[0] });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // `SG13-C123` also contains `C123`: keep only the outer match.
  let reached = -1;
  return found.filter((f) => (f.end > reached ? ((reached = f.end), true) : false)).map((f) => f.code);
}
