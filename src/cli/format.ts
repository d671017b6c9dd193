/**
 * Values as the CLI prints them, YAML or JSON. No Node.js modules: the
 * browser playground (playground/) shows the same text.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import type { Document } from 'yaml';
import { readFast } from '../input/fast-yaml';
import { resolvePlain } from '../input/go-yaml';
import { yamlLib } from '../input/yaml-lib';
import { DEFAULT_LIMITS, parseDocuments } from '../input/yaml';
import { printYamlChecked } from './yaml-print';

/** Output formats of values. */
export type OutputFormat = 'yaml' | 'json';

const isPlainObject = (u: unknown): u is Record<string, unknown> => {
  if (typeof u !== 'object' || u === null) return false;
  const proto = Object.getPrototypeOf(u) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * Whether two values read from YAML are the same: primitives by
 * `Object.is`, arrays item by item, plain objects key by key (in any
 * order). Anything else (a `Date`, a `Map` from a YAML 1.1 tag) is never
 * equal, so a value that reads back as one is written the safe way.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    if (Object.keys(a).length !== a.length || Object.keys(b).length !== b.length) return false;
    return a.every((x, i) => sameValue(x, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue(a[k], b[k]));
}

/**
 * Whether YAML `text` reads back to `value`, both for the `yaml` package
 * (YAML 1.1) and for taskpod's port of Tekton's reader (yaml.v2, as kubectl
 * reads it too).
 */
function readsBack(text: string, value: unknown): boolean {
  // Where the fast reader reads the text, the `yaml` package reads the same
  // structure (test/input/fast-yaml.test.ts), and every plain scalar of
  // text it printed reads back as printed under both rule sets: its printer
  // quotes a string that any of its YAML 1.1 tags would take, yamlText one
  // that go-yaml v2 would take. So the fast reader's value equal to `value`
  // means the `yaml` package's is too, and the 1.4 MB Pod of a 1,000-step
  // Task is not parsed a second time (docs/performance.md). A plain `<<` key
  // (a merge for the `yaml` package) is left to the full check by the fast
  // reader itself, and so is, here, any `__proto__`.
  if (!text.includes('__proto__')) {
    const fast = readFast(text);
    if (fast !== undefined) return fast.length === 1 && sameValue(fast[0], value);
  }
  try {
    const go = parseDocuments(text, 'output', { ...DEFAULT_LIMITS, maxBytes: Infinity });
    return sameValue(yamlLib().parse(text, { version: '1.1' }), value) && E.isRight(go) && sameValue(go.right[0], value);
  } catch {
    return false;
  }
}

/**
 * `value` as YAML 1.1. Strings that yaml.v2 would read as something else
 * are double-quoted: the `yaml` package leaves `0o17` or `1_000` plain (not
 * numbers in YAML 1.1 as it reads it), where yaml.v2 built with Go 1.13
 * reads them as numbers, and a key `0o17` as "15".
 */
function yamlText(value: unknown, options: Parameters<Document['toString']>[0] & { readonly version: '1.1' }): string {
  const { Document, visit } = yamlLib();
  const doc = new Document(value, { version: options.version, aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && resolvePlain(node.value) !== node.value && !node.value.includes('\n')) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString(options);
}

/** A value as text in the chosen format. */
export function formatValue(value: unknown, format: OutputFormat): string {
  // YAML 1.1 quoting, so that kubectl (go-yaml v2, a YAML 1.1 reader) reads
  // every string back as a string: `"yes"`, `"on"`, `"n"`, `"0b101"`.
  if (format === 'json') return `${JSON.stringify(value, null, 2)}\n`;
  const options = { version: '1.1', lineWidth: 0 } as const;
  // The same text, printed without building the yaml package's Document
  // where the fast printer is sure of every string (src/cli/yaml-print.ts);
  // it also knows, mostly, whether the text reads back as the value (each
  // block scalar checked on its own; plain and quoted strings, safe integers
  // and the structure always do), and then the full check below is not run.
  const printed = printYamlChecked(value);
  const text = printed?.text ?? yamlText(value, options);
  // The yaml package writes some strings as block scalars that do not read
  // back the same (a first line of only spaces loses them, a blank line
  // then a tab does not even parse), and folds long double-quoted strings
  // in ways that can change them. Scripts must survive byte for byte, so
  // when the text does not read back the same, every multi-line string is
  // written as a one-line JSON string, which YAML 1.1 reads as written.
  const ok = printed === undefined || printed.readBack === 'check' ? readsBack(text, value) : printed.readBack === 'reads-back';
  return ok ? text : yamlText(value, { ...options, blockQuote: false, doubleQuotedAsJSON: true });
}
