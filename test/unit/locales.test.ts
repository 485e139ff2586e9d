import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../renderer/i18n/languages';
import { flatten, namespacesOf, readNamespace } from '../support/locales';

// The check that keeps the six languages on an equal footing: a missing key, a missing plural
// form, a stray key or a changed placeholder in any language fails `npm test`.

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const SOURCE = 'en';

function placeholders(value: unknown): string[] {
  return [...String(value).matchAll(/{{\s*([\w.]+)\s*(?:,[^}]*)?}}/g)].map((m) => m[1]!).sort();
}

/** Keys without plural suffixes, and the plural keys by base ("status.pending" → ["one", "other"]). */
function split(keys: Iterable<string>) {
  const singles = new Set<string>();
  const plurals = new Map<string, Set<string>>();
  for (const key of keys) {
    const match = PLURAL_SUFFIX.exec(key);
    if (!match) {
      singles.add(key);
      continue;
    }
    const base = key.slice(0, match.index);
    plurals.set(base, (plurals.get(base) ?? new Set()).add(match[1]!));
  }
  return { singles, plurals };
}

const sourceNamespaces = namespacesOf(SOURCE);

describe('locales', () => {
  it('has the source language with strings in it', () => {
    expect(sourceNamespaces).toEqual(expect.arrayContaining(['shell', 'menu']));
  });

  describe.each(LANGUAGES.map((l) => l.code))('%s', (language) => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];

    it('has every namespace of the source and no other', () => {
      expect(namespacesOf(language)).toEqual(sourceNamespaces);
    });

    it.each(sourceNamespaces)('has every key of %s, non-empty, with the same placeholders', (namespace) => {
      const source = flatten(readNamespace(SOURCE, namespace));
      const target = flatten(readNamespace(language, namespace));
      const wanted = split(source.keys());
      const present = split(target.keys());

      expect([...present.singles].sort()).toEqual([...wanted.singles].sort());
      for (const key of wanted.singles) {
        const value = target.get(key);
        expect(typeof value === 'string' && value.trim() !== '', `${language}/${namespace}:${key}`).toBe(true);
        expect(placeholders(value), `${language}/${namespace}:${key}`).toEqual(placeholders(source.get(key)));
      }

      expect([...present.plurals.keys()].sort()).toEqual([...wanted.plurals.keys()].sort());
      for (const base of wanted.plurals.keys()) {
        const forms = present.plurals.get(base) ?? new Set<string>();
        // i18next also accepts an explicit _zero in any language.
        const allowed = new Set([...categories, 'zero']);
        expect(
          categories.filter((c) => !forms.has(c)),
          `${language}/${namespace}:${base} lacks plural forms`,
        ).toEqual([]);
        expect(
          [...forms].filter((f) => !allowed.has(f)),
          `${language}/${namespace}:${base} has forms ${language} does not use`,
        ).toEqual([]);
        const sourcePlaceholders = placeholders(source.get(`${base}_other`)).filter((p) => p !== 'count');
        for (const form of forms) {
          const value = target.get(`${base}_${form}`);
          expect(typeof value === 'string' && value.trim() !== '').toBe(true);
          expect(placeholders(value).filter((p) => p !== 'count')).toEqual(sourcePlaceholders);
        }
      }
    });
  });
});

describe('translation keys in the code', () => {
  const RENDERER = path.resolve(import.meta.dirname, '../../renderer');
  const files = readdirSync(RENDERER, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.tsx') && !file.endsWith('.test.tsx'))
    .map((file) => path.join(RENDERER, file));

  const sources = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));

  /** A component that takes its namespace as a prop is checked against every namespace passed to it. */
  function namespacesUsedBy(file: string): string[] {
    const literal = /useTranslation\('(\w+)'\)/.exec(sources.get(file)!)?.[1];
    if (literal) return [literal];
    const component = path.basename(file, '.tsx');
    const usage = new RegExp(`<${component}\\s+namespace="(\\w+)"`, 'g');
    return [...sources.values()].flatMap((code) => [...code.matchAll(usage)].map((m) => m[1]!));
  }

  it.each(files.map((file) => [path.relative(RENDERER, file), file]))('%s uses only keys that exist', (_name, file) => {
    const keys = [...sources.get(file)!.matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1]!);
    if (keys.length === 0) return;
    const namespaces = namespacesUsedBy(file);
    expect(namespaces, 'a component that translates names its namespace').not.toEqual([]);
    for (const namespace of namespaces) {
      const source = flatten(readNamespace(SOURCE, namespace));
      for (const key of keys) {
        const exists = source.has(key) || source.has(`${key}_other`);
        expect(exists, `${namespace}:${key} in ${path.relative(RENDERER, file)}`).toBe(true);
      }
    }
  });
});
