import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../renderer/i18n/languages';
import { compileCalendar } from './compileCalendar';
import { compileCourse, ContentError, type CourseSources } from './compileCourse';
import { CONTENT_LIMITS, markdownNestingDepth, readSourceFile, yamlNestingDepth } from './guards';

const CALENDAR = path.resolve(import.meta.dirname, '../calendar');
const groupsYaml = readSourceFile(path.join(CALENDAR, 'groups.yaml'), 'calendar/groups.yaml');
const meetingsYaml = readSourceFile(path.join(CALENDAR, 'meetings.yaml'), 'calendar/meetings.yaml');

/** A valid module whose first lesson has `body`. */
function moduleYaml(body: string): string {
  return stringify({
    id: 'm1',
    order: 1,
    title: 'Title',
    summary: 'Summary.',
    lessons: [1, 2, 3, 4].map((n) => ({
      id: `m1-l${n}`,
      title: `Lesson ${n}`,
      sources: ['Rec. ITU-T A.1 §1'],
      body: n === 1 ? body : 'Text.',
    })),
    questions: Array.from({ length: 15 }, (_, i) => ({
      id: `m1-q${String(i + 1).padStart(2, '0')}`,
      lesson: 'm1-l1',
      fact: 'M1-03',
      type: 'single',
      prompt: 'Question?',
      choices: ['a', 'b', 'c'].map((id) => ({ id, text: id })),
      correct: ['b'],
      explanation: 'Because.',
    })),
  });
}

/** Every language gets `english`, except `language`, which gets `yaml`. */
function course(yaml: string, language = 'en'): CourseSources {
  const english = moduleYaml('Text.');
  return new Map(LANGUAGES.map(({ code }) => [code, new Map([['m1.yaml', code === language ? yaml : english]])]));
}

function compile(sources: CourseSources) {
  return () => compileCourse(sources, '1', { 'M1-03': 'H' });
}

/** The build's refusal: a ContentError whose message starts with the file's name. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
].join('\n');

describe('the content build on hostile course sources', () => {
  it('accepts today’s course sources, well within every bound', () => {
    expect(compile(course(moduleYaml('A lesson with **bold**, `Q9/12` and\n\n> a quote\n\n- a list')))()).toHaveLength(
      6,
    );
  });

  it('refuses a YAML billion laughs, naming the file', () => {
    expect(refusal(compile(course(BILLION_LAUGHS, 'fr')))).toBe(
      'fr/m1.yaml: its YAML aliases (*name) expand to more than 100 nodes, which is how a few lines become gigabytes',
    );
  });

  it.each([
    ['flow brackets', '['.repeat(200_000) + ']'.repeat(200_000)],
    ['flow mappings left open', 'a: ' + '{a: '.repeat(100_000)],
    ['compact sequences', '- '.repeat(200_000) + 'a'],
    ['block indentation', Array.from({ length: 700 }, (_, i) => `${' '.repeat(i)}a${i}:`).join('\n')],
  ])('refuses YAML nested without end (%s) before parsing it', (_, yaml) => {
    expect(refusal(compile(course(yaml, 'ru')))).toBe(
      `ru/m1.yaml: nested more than ${CONTENT_LIMITS.yamlDepth} levels deep, the most a content source may be`,
    );
  });

  it('refuses a source larger than the bound', () => {
    const huge = moduleYaml('Text.') + `# ${'x'.repeat(CONTENT_LIMITS.sourceBytes)}\n`;
    expect(refusal(compile(course(huge, 'zh')))).toMatch(/^zh\/m1.yaml: \d+ kB, more than the 512 kB/);
  });

  it.each([
    ['block quotes', '>'.repeat(19_000) + ' x'],
    ['list items on one line', '- '.repeat(9_000) + 'a'],
    ['indented lists', Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')],
  ])('refuses Markdown nested without end (%s), naming the file and lesson', (_, body) => {
    expect(refusal(compile(course(moduleYaml(body))))).toMatch(
      /^en\/m1.yaml: m1-l1: quotes or lists nested \d+ levels deep, more than the 12/,
    );
  });

  it('refuses a lesson longer than the bound', () => {
    expect(refusal(compile(course(moduleYaml('a word'.repeat(5_000)))))).toBe(
      'en/m1.yaml: m1-l1: 30000 characters, more than the 20000 a lesson may have',
    );
  });

  it.each([
    ['emphasis runs', '*a'.repeat(9_000)],
    ['strong emphasis', '**a'.repeat(6_000)],
    ['interleaved emphasis', '*_'.repeat(4_500) + 'a' + '_*'.repeat(4_500)],
    ['unclosed links', '[a]('.repeat(4_500)],
    ['brackets', '['.repeat(9_000) + 'a' + ']'.repeat(9_000)],
    ['backticks', '`a'.repeat(9_000)],
    ['angle brackets', '<'.repeat(18_000)],
  ])('compiles pathological Markdown within the bound (%s) in bounded time', (_, body) => {
    const [arabic] = compile(course(moduleYaml(body), 'ar'))();
    expect(arabic!.lessons[0]!.body.length).toBeGreaterThan(0);
    // Whatever the input, no raw HTML gets through.
    expect(arabic!.lessons[0]!.body).not.toMatch(/<(?!\/?(p|em|strong|bdi|br|code)\b)[a-z]/i);
  });
});

describe('the content build on hostile calendar sources', () => {
  const meetings = parse(meetingsYaml) as Record<string, unknown>[];
  const withFirst = (change: Record<string, unknown>) =>
    stringify([{ ...meetings[0], ...change }, ...meetings.slice(1)]);
  const id = meetings[0]!.id as string;

  it('compiles the shipped calendar', () => {
    expect(compileCalendar(groupsYaml, meetingsYaml, '1').meetings.length).toBe(meetings.length);
  });

  it('refuses a billion laughs, naming the file', () => {
    expect(refusal(() => compileCalendar(BILLION_LAUGHS, meetingsYaml, '1'))).toBe(
      'calendar/groups.yaml: its YAML aliases (*name) expand to more than 100 nodes, which is how a few lines become gigabytes',
    );
  });

  it('refuses deep nesting before parsing', () => {
    expect(refusal(() => compileCalendar(groupsYaml, '['.repeat(300_000), '1'))).toMatch(
      /^calendar\/meetings.yaml: nested more than 32 levels deep/,
    );
  });

  it.each([
    [{ start: '2026-02-31' }, /^calendar\/meetings.yaml: 0.start: /],
    [{ end: '2026-13-01' }, /^calendar\/meetings.yaml: 0.end: /],
    [{ start: '0026-03-01', end: '0026-03-03' }, new RegExp(`^calendar/meetings.yaml: ${id}: 0026-03-01 is outside`)],
    [{ start: '2026-03-01', end: '2126-03-03' }, new RegExp(`^calendar/meetings.yaml: ${id}: 2126-03-03 is outside`)],
    [{ start: '2026-03-01', end: '2027-03-01' }, new RegExp(`^calendar/meetings.yaml: ${id}: runs 366 days`)],
    [{ start: '2026-03-05', end: '2026-03-01' }, new RegExp(`^calendar/meetings.yaml: ${id} ends before it starts`)],
    [{ deadlines: [{ kind: 'contribution', date: '1926-01-01' }] }, /1926-01-01 is outside/],
    [{ start: 'next Tuesday' }, /^calendar\/meetings.yaml: 0.start: /],
  ])('refuses bad dates: %o', (change, message) => {
    expect(refusal(() => compileCalendar(groupsYaml, withFirst(change), '1'))).toMatch(message);
  });
});

describe('reading sources', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gapbridge-content-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses an enormous file without reading it', () => {
    const file = path.join(dir, 'm1.yaml');
    writeFileSync(file, '');
    truncateSync(file, 4 * 1024 ** 3); // 4 GB, sparse: more than a string can hold
    expect(refusal(() => readSourceFile(file, 'en/m1.yaml'))).toBe(
      'en/m1.yaml: 4194304 kB, more than the 512 kB a content source may have',
    );
  });
});

describe('nesting estimates', () => {
  it('count YAML structure, never the text of block scalars or quoted strings', () => {
    expect(yamlNestingDepth('a: |\n  [[[[ {{{{\n  - - - -\nb: "[[[["\n')).toBeLessThanOrEqual(2);
    expect(yamlNestingDepth('a: [1, [2, {b: [3]}]]')).toBe(5);
    expect(yamlNestingDepth('- - - a')).toBe(4);
  });

  it('count Markdown quotes and lists', () => {
    expect(markdownNestingDepth('Plain text.\n\nMore.')).toBe(0);
    expect(markdownNestingDepth('> > - a')).toBe(3);
    expect(markdownNestingDepth('>>> 1. a')).toBe(4);
    expect(markdownNestingDepth('-not a list, *nor* this')).toBe(0);
    expect(markdownNestingDepth('- a\n  - b\n    - c')).toBe(3);
  });
});
