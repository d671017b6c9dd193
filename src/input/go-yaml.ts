/**
 * YAML read the way Tekton's Go code read it: `gopkg.in/yaml.v2` (as
 * vendored at 6c132b937e) decides what a plain scalar is, then
 * `sigs.k8s.io/yaml` turns the result into JSON.
 *
 * That differs from YAML 1.2 (and from the `yaml` package's 1.1 schema) in
 * ways users meet: `yes`, `on`, `y` are booleans; `1e3` and `1.5e3` are
 * strings (an exponent needs a sign); `0x1F` and `017` are integers;
 * timestamps (`2019-10-01`) and sexagesimal numbers (`12:30`) stay strings,
 * as go-yaml v2 kept them when decoding into untyped values.
 *
 * @packageDocumentation
 */
import { Document, isAlias, isMap, isPair, isScalar, isSeq, Node, Scalar } from 'yaml';

/** Go's float regexp in yaml.v2's resolver: an exponent must have a sign. */
const GO_YAML_FLOAT = /^[-+]?[0-9]*\.?[0-9]+([eE][-+][0-9]+)?$/;

const BOOLS: Readonly<Record<string, boolean>> = {
  y: true, Y: true, yes: true, Yes: true, YES: true, true: true, True: true, TRUE: true, on: true, On: true, ON: true,
  n: false, N: false, no: false, No: false, NO: false, false: false, False: false, FALSE: false, off: false, Off: false, OFF: false,
};
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOATS = new Set(['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF']);

/** Go's strconv.ParseInt(s, 0, 64) and ParseUint: decimal, 0x, 0o/0 octal, 0b; `undefined` when not an integer. */
function parseGoInt(s: string): bigint | undefined {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|[1-9][0-9]*|0)$/.exec(s);
  if (m === null) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  let body = m[2]!;
  let v: bigint;
  if (/^0[xX]/.test(body)) v = BigInt(body);
  else if (/^0[bB]/.test(body)) v = BigInt(body);
  else if (/^0[oO]/.test(body)) v = BigInt(`0o${body.slice(2)}`);
  else if (body.length > 1 && body.startsWith('0')) v = BigInt(`0o${body.slice(1)}`);
  else v = BigInt(body);
  v *= sign;
  if (v < -(2n ** 63n) || v >= 2n ** 64n) return undefined;
  if (sign < 0n && body === '') body = '0';
  return v;
}

function asNumber(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/**
 * What yaml.v2 made of a plain (unquoted, untagged) scalar, as it then
 * appears in JSON: null, boolean, integer, float or string.
 *
 * @example
 * ```ts
 * resolvePlain('yes'); // true
 * resolvePlain('1e3'); // '1e3'
 * resolvePlain('0x1F'); // 31
 * ```
 */
export function resolvePlain(s: string): unknown {
  if (NULLS.has(s)) return null;
  if (Object.prototype.hasOwnProperty.call(BOOLS, s)) return BOOLS[s];
  if (SPECIAL_FLOATS.has(s)) return s; // NaN and infinities cannot be JSON: kept as text
  const first = s[0];
  if (first === '.') {
    const f = Number(s);
    return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s) && Number.isFinite(f) ? f : s;
  }
  if (first === '+' || first === '-' || (first !== undefined && first >= '0' && first <= '9')) {
    const plain = s.replace(/_/g, '');
    const i = parseGoInt(plain);
    if (i !== undefined) return asNumber(i);
    if (GO_YAML_FLOAT.test(plain)) {
      const f = Number(plain);
      if (Number.isFinite(f)) return f;
    }
    const bin = /^(-?)0b([01]+)$/.exec(plain);
    if (bin !== null) return asNumber(BigInt(`0b${bin[2]}`) * (bin[1] === '-' ? -1n : 1n));
  }
  return s;
}

/** Options of {@link toGoJson}. */
export interface GoJsonOptions {
  /** Most aliases a document may resolve. */
  readonly maxAliases: number;
}

/** A document yaml.v2 could not read (too many aliases, a collection as a key). */
class Unreadable extends Error {}

/** sigs.k8s.io/yaml's string form of a scalar map key; yaml.v2 refused collections as keys. */
function keyString(k: unknown): string {
  if (typeof k === 'string') return k;
  if (typeof k === 'number' || typeof k === 'bigint') return String(k);
  if (typeof k === 'boolean') return k ? 'true' : 'false';
  if (k === null) return 'null';
  throw new Unreadable(`invalid map key: a ${Array.isArray(k) ? 'sequence' : 'mapping'} (YAML keys must be scalars for Tekton's reader, yaml.v2)`);
}

function defineKey(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/**
 * A parsed document's value, with scalars resolved as yaml.v2 resolved them.
 * The document must have been parsed with the `failsafe` schema (every
 * scalar kept as its text). Throws only {@link Unreadable}, caught by the caller.
 */
function convert(node: unknown, doc: Document, budget: { aliases: number }, stack: Set<unknown>): unknown {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    if (--budget.aliases < 0) throw new Unreadable('too many aliases (raise the limit with --max-aliases)');
    const target = node.resolve(doc);
    if (target === undefined) return null;
    if (stack.has(target)) throw new Unreadable('an alias refers to a node that contains it');
    return convert(target, doc, budget, stack);
  }
  if (isScalar(node)) {
    const s = node as Scalar;
    const text = typeof s.value === 'string' ? s.value : String(s.value);
    const tag = s.tag;
    if (tag === 'tag:yaml.org,2002:str' || tag === '!!str') return text;
    if (s.type === 'PLAIN' || tag === 'tag:yaml.org,2002:int' || tag === 'tag:yaml.org,2002:float' || tag === 'tag:yaml.org,2002:bool' || tag === 'tag:yaml.org,2002:null') {
      return resolvePlain(text);
    }
    return text;
  }
  stack.add(node);
  try {
    if (isSeq(node)) return node.items.map((item) => convert(item, doc, budget, stack));
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const merged: Record<string, unknown>[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key;
        const isMerge = isScalar(keyNode) && (keyNode as Scalar).type === 'PLAIN' && (keyNode as Scalar).value === '<<';
        const value = convert(pair.value, doc, budget, stack);
        if (isMerge) {
          for (const m of Array.isArray(value) ? value : [value]) if (m !== null && typeof m === 'object' && !Array.isArray(m)) merged.push(m as Record<string, unknown>);
          continue;
        }
        defineKey(out, keyString(convert(keyNode, doc, budget, stack)), value);
      }
      for (const m of merged) for (const k of Object.keys(m)) if (!Object.prototype.hasOwnProperty.call(out, k)) defineKey(out, k, m[k]);
      return out;
    }
  } finally {
    stack.delete(node);
  }
  return null;
}

/**
 * The JSON value of a document as Tekton's YAML reading produced it.
 * `{ error }` carries the reason when yaml.v2 could not have read it (too many
 * aliases, an alias inside itself, a collection as a map key).
 */
export function toGoJson(doc: Document, options: GoJsonOptions): { readonly value: unknown } | { readonly error: string } {
  try {
    return { value: convert(doc.contents as Node | null, doc, { aliases: options.maxAliases }, new Set()) };
  } catch (e) {
    if (e instanceof Unreadable) return { error: e.message };
    throw e;
  }
}
