/**
 * The CLI's reading and writing: files (or `-` for standard input) into
 * objects, values out as YAML or JSON.
 *
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import * as E from 'fp-ts/Either';
import { Document, parse, visit } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { invalidInput, TaskpodError } from '../errors';
import { decodeAs } from '../input/decode';
import { collectObjects, concatObjects, EMPTY_OBJECTS, InputObjects } from '../input/objects';
import { readFast } from '../input/fast-yaml';
import { resolvePlain } from '../input/go-yaml';
import { DEFAULT_LIMITS, parseDocuments, ReadLimits } from '../input/yaml';
import { Config, DEFAULT_CONFIG, configFromFile, ConfigFile } from '../model/config';
import { printYamlChecked } from './yaml-print';

/** `buf` as UTF-8 text, or `undefined` when it is not valid UTF-8. */
function utf8(buf: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return undefined;
  }
}

/** Reads a file, or standard input for `-`. */
export function readText(file: string, limits: ReadLimits): E.Either<TaskpodError, string> {
  try {
    const buf = readFileSync(file === '-' ? 0 : file);
    if (buf.length > limits.maxBytes) {
      return E.left(invalidInput(file === '-' ? 'standard input' : file, '', `input is ${buf.length} bytes, over the limit of ${limits.maxBytes} (raise it with --max-input-bytes)`));
    }
    const text = utf8(buf);
    // yaml.v2 refused a document that is not UTF-8 ("invalid leading UTF-8 octet").
    if (text === undefined) return E.left(invalidInput(file === '-' ? 'standard input' : file, '', 'is not valid UTF-8 (Tekton\'s YAML reader, yaml.v2, refused such input)'));
    return E.right(text);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : e instanceof Error ? e.message : String(e);
    return E.left(invalidInput(file, '', `cannot read: ${why}`));
  }
}

/** Reads and sorts the objects of every `-f` file. */
export function readObjects(files: readonly string[], limits: ReadLimits): E.Either<TaskpodError, InputObjects> {
  let all = EMPTY_OBJECTS;
  for (const file of files) {
    const label = file === '-' ? 'standard input' : file;
    const text = readText(file, limits);
    if (E.isLeft(text)) return text;
    const docs = parseDocuments(text.right, label, limits);
    if (E.isLeft(docs)) return docs;
    const objects = collectObjects(docs.right, (i) => (docs.right.length > 1 ? `${label}, document ${i + 1}` : label));
    if (E.isLeft(objects)) return objects;
    all = concatObjects(all, objects.right);
  }
  return E.right(all);
}

/** Reads `--config`, or the defaults when it is not given. */
export function readConfig(file: string | undefined, limits: ReadLimits): E.Either<TaskpodError, Config> {
  if (file === undefined) return E.right(DEFAULT_CONFIG);
  const text = readText(file, limits);
  if (E.isLeft(text)) return text;
  const docs = parseDocuments(text.right, file, limits);
  if (E.isLeft(docs)) return docs;
  const doc = docs.right.find((d) => d !== null && d !== undefined);
  if (doc === undefined) return E.right(DEFAULT_CONFIG);
  return E.map(configFromFile)(decodeAs(ConfigFile, doc, `config ${file}`));
}

/** Output formats of values. */
export type OutputFormat = 'yaml' | 'json';

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
    if (fast !== undefined) return fast.length === 1 && isDeepStrictEqual(fast[0], value);
  }
  try {
    const go = parseDocuments(text, 'output', { ...DEFAULT_LIMITS, maxBytes: Infinity });
    return isDeepStrictEqual(parse(text, { version: '1.1' }), value) && E.isRight(go) && isDeepStrictEqual(go.right[0], value);
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
