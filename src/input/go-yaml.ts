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
import type { Alias, Document, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { formatGoFloat32 } from '../model/struct';
import { yamlLib } from './yaml-lib';

// The `yaml` package's node tests, for text the fast reader leaves to it: the
// package is loaded on first use (./yaml-lib.ts).
const isAlias = (n: unknown): n is Alias => yamlLib().isAlias(n);
const isMap = (n: unknown): n is YAMLMap => yamlLib().isMap(n);
const isScalar = (n: unknown): n is Scalar => yamlLib().isScalar(n);
const isSeq = (n: unknown): n is YAMLSeq => yamlLib().isSeq(n);

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
  const body = m[2]!;
  // BigInt reads 0x, 0b and 0o itself; a bare leading 0 is Go's octal too.
  const magnitude = BigInt(/^0[0-7]/.test(body) ? `0o${body.slice(1)}` : body);
  const v = m[1] === '-' ? -magnitude : magnitude;
  return v < -(2n ** 63n) || v >= 2n ** 64n ? undefined : v;
}

function asNumber(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** What yaml.v2's resolver made of a scalar: its tag and its Go value as JSON would hold it. */
type Resolved =
  | { readonly tag: 'null'; readonly value: null }
  | { readonly tag: 'bool'; readonly value: boolean }
  | { readonly tag: 'int'; readonly value: number | bigint }
  | { readonly tag: 'float'; readonly value: number }
  | { readonly tag: 'str'; readonly value: string };

const SPECIAL_FLOAT_VALUES: Readonly<Record<string, number>> = Object.fromEntries(
  [...SPECIAL_FLOATS].map((s) => [s, s.endsWith('nan') || s.endsWith('NaN') || s.endsWith('NAN') ? NaN : s.startsWith('-') ? -Infinity : Infinity]),
);

/** Whether Go's strconv.ParseFloat accepts the underscores of `s`: each one stands between two digits. */
function underscoresOk(s: string): boolean {
  return !/(^|[^0-9])_|_($|[^0-9])/.test(s);
}

/** yaml.v2's `0b` fallback: strconv.ParseInt(rest, 2, 64), else ParseUint; `-0b`: ParseInt("-" + rest, 2, 64). */
function parseBinaryFallback(plain: string): bigint | undefined {
  const pos = /^0b([-+]?)([01]+)$/.exec(plain);
  if (pos !== null) {
    const v = BigInt(`0b${pos[2]}`) * (pos[1] === '-' ? -1n : 1n);
    if (v >= -(2n ** 63n) && v < 2n ** 63n) return v;
    return pos[1] === '' && v < 2n ** 64n ? v : undefined;
  }
  const neg = /^-0b([01]+)$/.exec(plain);
  if (neg !== null) {
    const v = -BigInt(`0b${neg[1]}`);
    return v >= -(2n ** 63n) ? v : undefined;
  }
  return undefined;
}

/** yaml.v2's resolve() of an untagged plain scalar. */
function resolveScalar(s: string): Resolved {
  if (NULLS.has(s)) return { tag: 'null', value: null };
  if (Object.prototype.hasOwnProperty.call(BOOLS, s)) return { tag: 'bool', value: BOOLS[s]! };
  if (SPECIAL_FLOATS.has(s)) return { tag: 'float', value: SPECIAL_FLOAT_VALUES[s]! };
  const first = s[0];
  if (first === '.') {
    // strconv.ParseFloat on the text as written (underscores between digits allowed).
    const f = Number(s.replace(/_/g, ''));
    if (/^\.[0-9_]+([eE][-+]?[0-9_]+)?$/.test(s) && underscoresOk(s) && Number.isFinite(f)) return { tag: 'float', value: f };
    return { tag: 'str', value: s };
  }
  if (first === '+' || first === '-' || (first !== undefined && first >= '0' && first <= '9')) {
    const plain = s.replace(/_/g, '');
    const i = parseGoInt(plain);
    if (i !== undefined) return { tag: 'int', value: asNumber(i) };
    if (GO_YAML_FLOAT.test(plain)) {
      const f = Number(plain);
      if (Number.isFinite(f)) return { tag: 'float', value: f };
    }
    const bin = parseBinaryFallback(plain);
    if (bin !== undefined) return { tag: 'int', value: asNumber(bin) };
  }
  return { tag: 'str', value: s };
}

/**
 * What yaml.v2 made of a plain (unquoted, untagged) scalar, as it then
 * appears in JSON: null, boolean, integer, float (`.inf` and `.nan` as
 * JavaScript's infinities and NaN, which JSON cannot hold) or string.
 *
 * @example
 * ```ts
 * resolvePlain('yes'); // true
 * resolvePlain('1e3'); // '1e3'
 * resolvePlain('0x1F'); // 31
 * ```
 */
export function resolvePlain(s: string): unknown {
  return resolveScalar(s).value;
}

/** Options of {@link toGoJson}. */
export interface GoJsonOptions {
  /** Most aliases a document may resolve. */
  readonly maxAliases: number;
}

/** A document yaml.v2 could not read (too many aliases, a collection as a key). */
class Unreadable extends Error {}

/**
 * sigs.k8s.io/yaml's string form of a scalar map key: ints in decimal,
 * floats as Go's float32 `%g` (`.inf`, `-.inf`, `.nan` for the specials),
 * booleans as words. It refused null and unsigned (2^63 and above) keys.
 */
function keyString(k: Resolved): string {
  if (k.tag === 'null') throw new Unreadable('unsupported map key: null');
  if (typeof k.value === 'bigint' && k.value >= 2n ** 63n) throw new Unreadable(`unsupported map key: ${k.value} (an unsigned 64-bit integer)`);
  if (k.tag !== 'float') return String(k.value);
  const f = formatGoFloat32(k.value);
  return f === '+Inf' ? '.inf' : f === '-Inf' ? '-.inf' : f === 'NaN' ? '.nan' : f;
}

/**
 * The JSON key that sigs.k8s.io/yaml made of a plain scalar map key
 * (`0x10` is "16", `yes` is "true"), or `undefined` where it refused the key.
 *
 * @example
 * ```ts
 * keyOfPlain('yes'); // 'true'
 * keyOfPlain('~');   // undefined: a null key
 * ```
 */
export function keyOfPlain(s: string): string | undefined {
  try {
    return keyString(resolveScalar(s));
  } catch (e) {
    if (e instanceof Unreadable) return undefined;
    throw e;
  }
}

function defineKey(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

const TAG = 'tag:yaml.org,2002:';

/**
 * A scalar as yaml.v2 decoded it into an untyped value: its tag decides,
 * else its text. (The `yaml` package spells every tag out in full:
 * `!!int` is `tag:yaml.org,2002:int`.)
 */
function scalarValue(s: Scalar): Resolved {
  const text = String(s.value); // the failsafe schema keeps every scalar as text
  const tag = s.tag;
  if (tag === undefined) return s.type === 'PLAIN' ? resolveScalar(text) : { tag: 'str', value: text };
  if (tag === `${TAG}binary`) return { tag: 'str', value: decodeBinary(text) };
  const explicit = /^tag:yaml\.org,2002:(int|float|bool|null)$/.exec(tag)?.[1];
  if (explicit === undefined) return { tag: 'str', value: text }; // !!str, and tags yaml.v2 does not resolve
  // An explicit tag must agree with what the text resolves to; `!!float 1`
  // is the float 1 (it matters for a key's spelling).
  const r = resolveScalar(text);
  if (r.tag === explicit) return r;
  if (explicit === 'float' && r.tag === 'int') return { tag: 'float', value: Number(r.value) };
  throw new Unreadable(`cannot decode !!${r.tag} \`${text}\` as a !!${explicit}`);
}

/** A `!!binary` scalar: base64 (line breaks ignored), as text. */
function decodeBinary(text: string): string {
  const b64 = text.replace(/[\r\n]/g, '');
  if (!/^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(b64)) throw new Unreadable('!!binary value contains invalid base64 data');
  return Buffer.from(b64, 'base64').toString('utf8');
}

/** Whether a key is yaml.v2's merge key: a plain `<<`, or any `<<` tagged `!!merge`. */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.value === '<<' && ((key as Scalar).type === 'PLAIN' || key.tag === `${TAG}merge`);
}

/**
 * The maps a merge key's value brings, in the order yaml.v2 wrote them: a
 * map (or an alias of one) alone; a sequence of them last to first, so that
 * the first one wins. Anything else Go refused.
 */
function mergedMaps(value: unknown, doc: Document): readonly unknown[] {
  const target = (n: unknown): unknown => (isAlias(n) ? anchored(n, doc) : n);
  const refuse = () => new Unreadable('map merge requires map or sequence of maps as the value');
  const v = target(value);
  if (isMap(v)) return [value];
  if (!isSeq(v)) throw refuse();
  for (const item of v.items) if (!isMap(target(item))) throw refuse();
  return [...v.items].reverse();
}

/**
 * A parsed document's value, with scalars resolved as yaml.v2 resolved them.
 * The document must have been parsed with the `failsafe` schema (every
 * scalar kept as its text). Throws only {@link Unreadable}, caught by the caller.
 */
function convert(node: unknown, doc: Document, budget: { aliases: number }, stack: Set<unknown>): unknown {
  const n = target(node, doc, budget, stack);
  if (isScalar(n)) return scalarValue(n).value;
  if (!isSeq(n) && !isMap(n)) return null; // an empty node
  stack.add(n);
  try {
    if (isSeq(n)) return n.items.map((item) => convert(item, doc, budget, stack));
    // yaml.v2 fills the map in document order: a later key overwrites an
    // earlier one, and a merge (`<<: *base`) writes all of its keys then,
    // overwriting what came before it.
    const out: Record<string, unknown> = {};
    for (const pair of n.items) {
      if (isMergeKey(pair.key)) {
        for (const m of mergedMaps(pair.value, doc)) {
          const value = convert(m, doc, budget, stack) as Record<string, unknown>;
          for (const k of Object.keys(value)) defineKey(out, k, value[k]);
        }
        continue;
      }
      const key = target(pair.key, doc, budget, stack);
      if (isSeq(key) || isMap(key)) {
        throw new Unreadable(`invalid map key: a ${isSeq(key) ? 'sequence' : 'mapping'} (YAML keys must be scalars for Tekton's reader, yaml.v2)`);
      }
      const value = convert(pair.value, doc, budget, stack);
      defineKey(out, keyString(isScalar(key) ? scalarValue(key) : { tag: 'null', value: null }), value);
    }
    return out;
  } finally {
    stack.delete(n);
  }
}

/** The node an alias names: the last one anchored with its name before it, as yaml.v2 looked it up (none: refused). */
function anchored(alias: Alias, doc: Document): unknown {
  const t = alias.resolve(doc);
  if (t === undefined) throw new Unreadable(`unknown anchor '${alias.source}' referenced`);
  return t;
}

/** The node an alias stands for (counted against the budget), or the node itself. */
function target(node: unknown, doc: Document, budget: { aliases: number }, stack: Set<unknown>): unknown {
  if (!isAlias(node)) return node;
  if (--budget.aliases < 0) throw new Unreadable('too many aliases (raise the limit with --max-aliases)');
  const t = anchored(node, doc);
  if (stack.has(t)) throw new Unreadable('an alias refers to a node that contains it');
  return target(t, doc, budget, stack);
}

/**
 * The JSON value of a document as Tekton's YAML reading produced it.
 * `{ error }` carries the reason when yaml.v2 could not have read it (too many
 * aliases, an alias inside itself, a collection as a map key).
 */
export function toGoJson(doc: Document, options: GoJsonOptions): { readonly value: unknown } | { readonly error: string } {
  try {
    return { value: convert(doc.contents, doc, { aliases: options.maxAliases }, new Set()) };
  } catch (e) {
    if (e instanceof Unreadable) return { error: e.message };
    throw e;
  }
}
