import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SYNCED_RECORD_TABLES } from './syncedChanges';

/**
 * Every function in the renderer that writes a table whose records sync must queue its change
 * through `recordChange` (directly, or by calling a function that does), or be listed here with
 * the reason its write stays on this device. A new writer that bypasses the primitive fails this.
 */
const SYNCED_LOCAL_TABLES: readonly string[] = SYNCED_RECORD_TABLES;
const WRITE_METHODS = [
  'put',
  'add',
  'update',
  'delete',
  'bulkPut',
  'bulkAdd',
  'bulkDelete',
  'bulkUpdate',
  'clear',
  'modify',
];

const LOCAL_ONLY: Record<string, string> = {
  'db/course.ts#startAttempt': 'an unfinished attempt stays on the device until it is finished',
  'db/course.ts#saveAnswer': 'an unfinished attempt stays on the device until it is finished',
  'db/course.ts#setQuestionFlag': "flags are the learner's notes on this device",
  'db/course.ts#saveLessonPosition': 'the reading position belongs to this device',
  'db/drafts.ts#compactDraft': 'merges this copy of stored updates into one; the same document everywhere',
  'db/meetings.ts#forgetReminder': 'takes back a reminder the system would not show, with its unsent change',
  'db/drafts.ts#removeWithdrawnDraft': 'removes a draft whose access the hub withdrew: the hub has removed it already',
  'db/syncStore.ts#write': 'stores what was pulled from the hub: it is there already',
  'db/syncStore.ts#deriveDrafts': "recomputes a draft's list entry from its document (derived, never sent)",
  'db/syncAccount.ts#eraseWork': "removes the previous account's work from the device when another signs in",
  'db/syncAccount.ts#forgetClocks': 'marks work kept out of the account as never synced',
  'db/syncStore.ts#dropSyncedState': 'forgets what a re-pull found the hub does not have',
  'db/schema.ts#upgradeToVersion5': 'moves draft status into the document before this device ever synced',
};

interface Writer {
  id: string;
  writes: string[];
  calls: Set<string>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|\.testing\.ts$/.test(entry.name) ? [path] : [];
  });
}

function functionName(node: ts.Node): string | null {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isVariableDeclaration(node.parent)) {
    return node.parent.name.getText();
  }
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isPropertyAssignment(node.parent)) {
    return node.parent.name.getText();
  }
  return null;
}

/** The table a write call is made on: `db.follows.put(…)` or `db.drafts.where(…).modify(…)`. */
function writtenTable(call: ts.CallExpression): string | null {
  if (!ts.isPropertyAccessExpression(call.expression)) return null;
  if (!WRITE_METHODS.includes(call.expression.name.text)) return null;
  let target: ts.Expression = call.expression.expression;
  while (ts.isCallExpression(target) && ts.isPropertyAccessExpression(target.expression)) {
    // `tx.table('drafts')`, as in schema upgrades.
    const [name] = target.arguments;
    if (target.expression.name.text === 'table' && name && ts.isStringLiteral(name)) {
      return SYNCED_LOCAL_TABLES.includes(name.text) ? name.text : null;
    }
    target = target.expression.expression;
  }
  if (!ts.isPropertyAccessExpression(target)) return null;
  return SYNCED_LOCAL_TABLES.includes(target.name.text) ? target.name.text : null;
}

function findWriters(root: string): Map<string, Writer> {
  const writers = new Map<string, Writer>();
  for (const path of sourceFiles(root)) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const rel = relative(root, path).replaceAll('\\', '/');
    const visit = (node: ts.Node, owner: Writer | null) => {
      const name = functionName(node);
      let current = owner;
      // Nested callbacks (transaction bodies) belong to the named function around them.
      if (name && (!owner || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node))) {
        current = { id: `${rel}#${name}`, writes: [], calls: new Set() };
        writers.set(current.id, current);
      }
      if (ts.isCallExpression(node) && current) {
        const table = writtenTable(node);
        if (table) current.writes.push(table);
        const callee = node.expression;
        const calleeName = ts.isIdentifier(callee)
          ? callee.text
          : ts.isPropertyAccessExpression(callee)
            ? callee.name.text
            : null;
        if (calleeName) current.calls.add(calleeName);
      }
      ts.forEachChild(node, (child) => visit(child, current));
    };
    visit(file, null);
  }
  return writers;
}

describe('writers of synced tables', () => {
  const writers = findWriters(join(__dirname, '..'));

  /** Functions that queue a change: they call recordChange, or a function that does. */
  function recordingNames(): Set<string> {
    const names = new Set(['recordChange']);
    for (let grew = true; grew;) {
      grew = false;
      for (const writer of writers.values()) {
        const name = writer.id.split('#')[1]!;
        if (!names.has(name) && [...writer.calls].some((call) => names.has(call))) {
          names.add(name);
          grew = true;
        }
      }
    }
    return names;
  }

  it('all queue their change through recordChange, or say why their write stays on the device', () => {
    const recording = recordingNames();
    const bypassing = [...writers.values()]
      .filter((writer) => writer.writes.length > 0)
      .filter((writer) => !recording.has(writer.id.split('#')[1]!) && !(writer.id in LOCAL_ONLY))
      .map((writer) => `${writer.id} writes ${writer.writes.join(', ')}`);
    expect(bypassing).toEqual([]);
  });

  it('finds the writers it should (the scan is not blind), and every exception still exists', () => {
    const found = [...writers.values()].filter((writer) => writer.writes.length > 0).map((writer) => writer.id);
    expect(found).toEqual(
      expect.arrayContaining([
        'db/settings.ts#writeSetting',
        'db/meetings.ts#setFollowing',
        'db/meetings.ts#recordRemindersShown',
        'db/course.ts#finishAttempt',
        'db/course.ts#markLessonRead',
        'db/drafts.ts#appendDraftUpdate',
        'db/drafts.ts#setTrashed',
      ]),
    );
    for (const id of Object.keys(LOCAL_ONLY)) expect(found).toContain(id);
  });
});
