/**
 * Where an error points in the text the user typed: the object an error
 * names (`TaskRun default/demo`, `input.yaml, document 2`) and its field
 * path (`spec.taskSpec.steps[0].image`) found in the YAML, so the editor
 * can mark the place. A path that goes further than the text (a missing
 * field) stops at the last part that is there.
 */
import { isMap, isPair, isScalar, isSeq, Node, parseAllDocuments, Scalar } from 'yaml';
import type { TaskpodError } from '../../src';

/** A range of the text, as offsets. */
export interface TextRange {
  readonly from: number;
  readonly to: number;
}

/** One step of a field path: a key or an index. */
export type PathPart = string | number;

/**
 * A field path as taskpod writes them, as keys and indices; the parts
 * that parse, up to the first that does not.
 *
 * @example
 * ```ts
 * parsePath('spec.steps[0]["a.b"]'); // ['spec', 'steps', 0, 'a.b']
 * ```
 */
export function parsePath(path: string): PathPart[] {
  const out: PathPart[] = [];
  let rest = path;
  while (rest !== '') {
    const m =
      /^\.?([A-Za-z_$][\w$-]*)/.exec(rest) ?? /^\[(\d+)\]/.exec(rest) ?? /^\[("(?:[^"\\]|\\.)*")\]/.exec(rest) ?? /^\[([^\]"]+)\]/.exec(rest);
    if (m === null) break;
    const token = m[1]!;
    out.push(/^\[\d+\]$/.test(m[0]) ? Number(token) : token.startsWith('"') ? (JSON.parse(token) as string) : token);
    rest = rest.slice(m[0].length);
  }
  return out;
}

const keyText = (key: unknown): string | undefined => (isScalar(key) ? String((key as Scalar).value) : undefined);

/** A node and the key node that holds it (where the mark goes for a collection). */
interface Place {
  readonly node: Node | null;
  readonly key?: Node;
}

function child(place: Place, part: PathPart): Place | undefined {
  const { node } = place;
  if (typeof part === 'number') {
    if (!isSeq(node)) return undefined;
    const item = node.items[part];
    return item === undefined ? undefined : { node: item as Node };
  }
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => keyText(p.key) === part);
  if (pair === undefined || !isPair(pair)) return undefined;
  return { node: (pair.value as Node | null) ?? null, key: pair.key as Node };
}

function rangeOf(place: Place, text: string): TextRange | undefined {
  const { node, key } = place;
  // A scalar is marked where it is; a collection by its key, else its first line.
  if (isScalar(node) && node.range) return { from: node.range[0], to: Math.max(node.range[1], node.range[0] + 1) };
  if (key?.range) return { from: key.range[0], to: Math.max(key.range[1], key.range[0] + 1) };
  if (node?.range) {
    const end = text.indexOf('\n', node.range[0]);
    return { from: node.range[0], to: Math.max(Math.min(end === -1 ? text.length : end, node.range[1]), node.range[0] + 1) };
  }
  return undefined;
}

const sameKindAndName = (node: Node | null, kind: string, namespace: string | undefined, name: string): boolean => {
  if (!isMap(node)) return false;
  const get = (...path: string[]) => {
    let place: Place | undefined = { node };
    for (const p of path) place = place === undefined ? undefined : child(place, p);
    return isScalar(place?.node) ? String((place!.node as Scalar).value) : undefined;
  };
  if (get('kind') !== kind) return false;
  const named = get('metadata', 'name') ?? (get('metadata', 'generateName') !== undefined ? `${get('metadata', 'generateName')}*` : undefined);
  const ns = get('metadata', 'namespace');
  return named === name && (namespace === undefined || (ns ?? 'default') === namespace);
};

/** The documents' roots and, for `List`s, their items, as the input reader walks them. */
function objectsOf(roots: readonly (Node | null)[]): Node[] {
  const out: Node[] = [];
  const walk = (n: Node | null) => {
    if (n === null) return;
    out.push(n);
    const items = child({ node: n }, 'items');
    if (isSeq(items?.node)) items.node.items.forEach((i) => walk(i as Node));
  };
  roots.forEach(walk);
  return out;
}

/** The node the error's object names, in documents `roots` of the text named `name`. */
function objectNode(object: string, name: string, roots: readonly (Node | null)[]): Node | null | undefined {
  // `input.yaml`, `input.yaml, document 2`, `input.yaml, document 2, items[0]`, maybe wrapped as `Kind (...)` or after `config `.
  const where = /^(?:\w+ \((.*)\)|config (.*)|(.*))$/.exec(object);
  const label = where?.[1] ?? where?.[2] ?? where?.[3] ?? object;
  if (label === name || label.startsWith(`${name},`)) {
    const m = /^(?:, document (\d+))?((?:, items\[\d+\])*)$/.exec(label.slice(name.length));
    if (m === null) return undefined;
    let node: Node | null | undefined = roots[m[1] === undefined ? 0 : Number(m[1]) - 1];
    for (const item of (m[2] ?? '').matchAll(/items\[(\d+)\]/g)) {
      const items = node === undefined ? undefined : child({ node }, 'items');
      node = items === undefined ? undefined : child(items, Number(item[1]))?.node;
    }
    return node;
  }
  // `Kind namespace/name` or `Kind name`.
  const named = /^(\w+) (?:([^/\s]+)\/)?(\S+)$/.exec(object);
  if (named === null) return undefined;
  const [, kind, namespace, objName] = named;
  return objectsOf(roots).find((n) => sameKindAndName(n, kind!, namespace, objName!));
}

/**
 * Where `error` points in `text` (the text named `name` in errors), or
 * `undefined` when it names no place there.
 *
 * @example
 * ```ts
 * locateError(text, invalid('TaskRun default/demo', 'spec.taskSpec.steps[0].image', 'missing'), 'input.yaml'); // { from: 312, to: 317 }
 * ```
 */
export function locateError(text: string, error: Pick<TaskpodError, 'object' | 'field' | 'message'>, name: string): TextRange | undefined {
  const syntax = /\(line (\d+), column (\d+)\)/.exec(error.message);
  if (syntax !== null && (error.object === name || error.object.startsWith(`${name},`))) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    const lineStart = starts[Number(syntax[1]) - 1];
    if (lineStart === undefined) return undefined;
    const lineEnd = text.indexOf('\n', lineStart);
    const from = Math.min(lineStart + Number(syntax[2]) - 1, lineEnd === -1 ? text.length : lineEnd);
    return { from, to: Math.max(lineEnd === -1 ? text.length : lineEnd, from + 1) };
  }
  const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.some((d) => d.errors.length > 0)) return undefined;
  const node = objectNode(error.object, name, list.map((d) => d.contents as Node | null));
  if (node === undefined || node === null) return undefined;
  let place: Place = { node };
  for (const part of parsePath(error.field)) {
    const next = child(place, part);
    if (next === undefined) break;
    place = next;
  }
  if (place.node === node && error.field === '') {
    // The object as a whole: mark its name (or its kind).
    place = child({ node }, 'metadata') !== undefined ? (child(child({ node }, 'metadata')!, 'name') ?? { node }) : (child({ node }, 'kind') ?? { node });
  }
  return rangeOf(place, text);
}
