import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const LOCALES_DIR = path.resolve(import.meta.dirname, '../../locales');

export type Strings = { [key: string]: string | Strings };

export function readNamespace(language: string, namespace: string): Strings {
  return JSON.parse(readFileSync(path.join(LOCALES_DIR, language, `${namespace}.json`), 'utf8')) as Strings;
}

export function namespacesOf(language: string): string[] {
  return readdirSync(path.join(LOCALES_DIR, language))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

/** Leaf values by dotted key: { "nav.course": "A.1 course", … }. */
export function flatten(strings: Strings, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  for (const [key, value] of Object.entries(strings)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [inner, leaf] of flatten(value, dotted)) leaves.set(inner, leaf);
    } else {
      leaves.set(dotted, value);
    }
  }
  return leaves;
}
