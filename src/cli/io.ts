/**
 * The CLI's reading and writing: files (or `-` for standard input) into
 * objects, values out as YAML or JSON.
 *
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import * as E from 'fp-ts/Either';
import { invalidInput, TaskpodError } from '../errors';
import { decodeAs } from '../input/decode';
import { collectObjects, concatObjects, EMPTY_OBJECTS, InputObjects } from '../input/objects';
import { parseDocuments, ReadLimits } from '../input/yaml';
import { Config, DEFAULT_CONFIG, configFromFile, ConfigFile } from '../model/config';

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

/**
 * The objects of the `-f` files and the `--config` settings: what `render`
 * and `explain` read.
 */
export function readInputs(files: readonly string[], configFile: string | undefined, limits: ReadLimits): E.Either<TaskpodError, { readonly objects: InputObjects; readonly config: Config }> {
  const objects = readObjects(files, limits);
  if (E.isLeft(objects)) return objects;
  return E.map((config: Config) => ({ objects: objects.right, config }))(readConfig(configFile, limits));
}

// Printing lives in ./format (no Node.js modules), shared with the playground.
export { formatValue } from './format';
export type { OutputFormat } from './format';
