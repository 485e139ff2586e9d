import { readFileSync, statSync } from 'node:fs';
import { Lexer, parse as parseYaml } from 'yaml';
import { ContentError } from './compileCourse';

/**
 * Bounds on what the content build accepts, so that a hostile or broken source is refused with
 * a message naming its file instead of crashing or hanging the build. The YAML and Markdown
 * parsers recurse once per level of nesting (tens of thousands of levels overflow the stack or,
 * in a regular expression, exhaust memory) and take time that grows with the input's size.
 * Today's sources use a fraction of each bound: files under 32 kB, bodies under 4,000
 * characters, YAML five levels deep, Markdown two.
 */
export const CONTENT_LIMITS = {
  sourceBytes: 512 * 1024,
  yamlDepth: 32,
  /** Nodes that aliases may expand to, all together (the yaml library's own default). */
  yamlAliases: 100,
  lessonCharacters: 20_000,
  markdownDepth: 12,
  /** A meeting that spans more days than this is a typing error, not a meeting. */
  meetingDays: 31,
  firstYear: 2000,
  lastYear: 2100,
} as const;

export function checkSourceSize(where: string, text: string): void {
  const bytes = Buffer.byteLength(text);
  if (bytes > CONTENT_LIMITS.sourceBytes) {
    throw new ContentError(
      `${where}: ${(bytes / 1024).toFixed(0)} kB, more than the ${CONTENT_LIMITS.sourceBytes / 1024} kB a content source may have`,
    );
  }
}

/** Reads a source file, refusing one too large before reading it (a file can be gigabytes). */
export function readSourceFile(file: string, where: string): string {
  const { size } = statSync(file);
  if (size > CONTENT_LIMITS.sourceBytes) {
    throw new ContentError(
      `${where}: ${(size / 1024).toFixed(0)} kB, more than the ${CONTENT_LIMITS.sourceBytes / 1024} kB a content source may have`,
    );
  }
  return readFileSync(file, 'utf8');
}

/**
 * How deeply a YAML text nests, from the lexer's tokens (the lexer does not recurse, so it is safe
 * on any input): block indentation levels, compact indicators on a line ("- - - a") and flow
 * brackets. Block scalars (the lessons' Markdown) are single tokens, so their text never counts.
 * Stops counting once past `stopAbove`.
 */
export function yamlNestingDepth(text: string, stopAbove = Infinity): number {
  let deepest = 0;
  let flow = 0;
  let compact = 0;
  let isLineStart = true;
  const indents: number[] = [];
  for (const token of new Lexer().lex(text)) {
    if (token === '\n' || token === '\r\n') {
      isLineStart = true;
      compact = 0;
      continue;
    }
    if (isLineStart) {
      isLineStart = false;
      const isIndent = /^[ \t]+$/.test(token);
      if (flow === 0) {
        const indent = isIndent ? token.length : 0;
        while (indents.length && indents.at(-1)! > indent) indents.pop();
        if (!indents.length || indents.at(-1)! < indent) indents.push(indent);
      }
      if (isIndent) continue;
    }
    if (token === '-' || token === '?') compact += 1;
    else if (token === '[' || token === '{') flow += 1;
    else if ((token === ']' || token === '}') && flow > 0) flow -= 1;
    deepest = Math.max(deepest, indents.length + compact + flow);
    if (deepest > stopAbove) break;
  }
  return deepest;
}

/**
 * A content source's YAML, refused before parsing when too large or too deeply nested, and
 * while parsing when its aliases expand too far (a "billion laughs").
 */
export function parseSourceYaml(where: string, text: string, options: { schema?: 'core' } = {}): unknown {
  checkSourceSize(where, text);
  const depth = yamlNestingDepth(text, CONTENT_LIMITS.yamlDepth);
  if (depth > CONTENT_LIMITS.yamlDepth) {
    throw new ContentError(
      `${where}: nested more than ${CONTENT_LIMITS.yamlDepth} levels deep, the most a content source may be`,
    );
  }
  try {
    return parseYaml(text, { ...options, maxAliasCount: CONTENT_LIMITS.yamlAliases });
  } catch (error) {
    if (error instanceof ReferenceError) {
      throw new ContentError(
        `${where}: its YAML aliases (*name) expand to more than ${CONTENT_LIMITS.yamlAliases} nodes, which is how a few lines become gigabytes`,
      );
    }
    throw new ContentError(`${where}: not valid YAML: ${(error as Error).message}`);
  }
}

const isBlank = (char: string | undefined) => char === undefined || char === ' ' || char === '\t';

/** Block quote and list markers opening a line, plus its indentation in steps of two. */
function markdownLineDepth(line: string): number {
  let i = 0;
  let indent = 0;
  for (; line[i] === ' ' || line[i] === '\t'; i += 1) indent += line[i] === '\t' ? 4 : 1;
  let depth = Math.floor(indent / 2);
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i += 1;
    if (line[i] === '>') {
      i += 1;
    } else if ('-*+'.includes(line[i] ?? 'x') && isBlank(line[i + 1])) {
      i += 1;
    } else {
      let end = i;
      while (end - i < 9 && line[end] !== undefined && line[end]! >= '0' && line[end]! <= '9') end += 1;
      if (end === i || (line[end] !== '.' && line[end] !== ')') || !isBlank(line[end + 1])) return depth;
      i = end + 1;
    }
    depth += 1;
  }
}

/** How deeply a Markdown text nests block quotes and lists, over-estimated line by line. */
export function markdownNestingDepth(text: string): number {
  let deepest = 0;
  for (const line of text.split(/\r?\n/)) deepest = Math.max(deepest, markdownLineDepth(line));
  return deepest;
}

/** Refuses a lesson body that could make the Markdown parser overflow its stack or run long. */
export function checkLessonMarkdown(where: string, markdown: string): void {
  if (markdown.length > CONTENT_LIMITS.lessonCharacters) {
    throw new ContentError(
      `${where}: ${markdown.length} characters, more than the ${CONTENT_LIMITS.lessonCharacters} a lesson may have`,
    );
  }
  const depth = markdownNestingDepth(markdown);
  if (depth > CONTENT_LIMITS.markdownDepth) {
    throw new ContentError(
      `${where}: quotes or lists nested ${depth} levels deep, more than the ${CONTENT_LIMITS.markdownDepth} a lesson may have`,
    );
  }
}

/** A calendar date (already checked to exist, as YYYY-MM-DD) in a year within reason. */
export function checkYear(where: string, date: string): void {
  const year = Number(date.slice(0, 4));
  if (year < CONTENT_LIMITS.firstYear || year > CONTENT_LIMITS.lastYear) {
    throw new ContentError(
      `${where}: ${date} is outside the years ${CONTENT_LIMITS.firstYear} to ${CONTENT_LIMITS.lastYear}, surely a typing error`,
    );
  }
}

/** A meeting's dates: years within reason, and no span longer than any meeting runs. */
export function checkMeetingDates(where: string, start: string, end: string): void {
  checkYear(where, start);
  checkYear(where, end);
  const days = (Date.parse(end) - Date.parse(start)) / 86_400_000 + 1;
  if (days > CONTENT_LIMITS.meetingDays) {
    throw new ContentError(
      `${where}: runs ${days} days (${start} to ${end}), more than the ${CONTENT_LIMITS.meetingDays} any meeting runs`,
    );
  }
}
