/**
 * The JSON that Tekton's Go code actually decoded from YAML.
 *
 * sigs.k8s.io/yaml (which Tekton used to read YAML into its typed structs)
 * walks the YAML alongside the Go type it is decoding into, and where the Go
 * field is a `string` it turns a YAML number or boolean into its text
 * (`value: 8080` becomes "8080"). Two of its quirks decide where that
 * happens, and taskpod reproduces both:
 *
 * - field names match case-insensitively when no field matches exactly
 *   (Go's encoding/json does the same when decoding);
 * - below a field promoted from an embedded struct (a Step's container
 *   fields, a binding's `resourceSpec`, a Volume's source, a Probe's
 *   handler) it looks the keys up in the embedded struct itself, so it
 *   loses track of the real type and converts nothing: there a number
 *   stays a number and decoding then refuses it, as Go did.
 *
 * Everything else is left for the codecs, which are strict.
 *
 * Read strictly (Tekton's own kinds, as its webhook decoded them with
 * `DisallowUnknownFields`), a key that fills no field of its struct is
 * collected as unknown, at any depth. Which keys are known follows Go's
 * encoding/json, not sigs.k8s.io/yaml's quirk: below a promoted field the
 * real type is still known, so there too keys match case-insensitively and
 * an unknown key is found.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts';
import { formatGoFloat32, MapType, NullReads, StructType } from '../model/struct';

type Target = t.Mixed | undefined;

const isStruct = (c: t.Mixed): c is StructType<t.Props> => 'props' in c && 'embedded' in c;
const isMap = (c: t.Mixed): c is MapType<t.Mixed> => 'codomain' in c;
const isArrayCodec = (c: t.Mixed): c is t.ReadonlyArrayC<t.Mixed> => c instanceof t.ReadonlyArrayType || c instanceof t.ArrayType;
const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u);
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function setKey(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** A scalar written where Go has a string, as sigs.k8s.io/yaml wrote it. */
function asGoText(u: unknown): unknown {
  if (typeof u === 'boolean') return u ? 'true' : 'false';
  if (typeof u === 'bigint') return u.toString();
  if (typeof u === 'number') return Number.isInteger(u) ? u.toFixed(0) : formatGoFloat32(u);
  return u;
}

const LONG_S = /\u017f/g;

/**
 * A name folded as Go's encoding/json compared a key with a field name
 * when no field matched exactly: ASCII letters in either case, and the
 * Kelvin sign (U+212A) and long s (U+017F) as `k` and `s` (Go's
 * `bytes.EqualFold` against an ASCII name). Lower-casing maps the Kelvin
 * sign to `k` and no other non-ASCII character to ASCII; the long s needs
 * its own rule.
 *
 * @example
 * ```ts
 * goFold('WorkingDir') === goFold('workingdir'); // true
 * ```
 */
export function goFold(name: string): string {
  const lower = name.toLowerCase();
  return lower.includes('\u017f') ? lower.replace(LONG_S, 's') : lower;
}

/** Per struct codec: folded field name -> field, the first field in Go's order winning. */
const foldedFields = new WeakMap<StructType<t.Props>, ReadonlyMap<string, string>>();

/**
 * The field of a struct codec a JSON key fills: exact name first, else the
 * first field whose name folds equal, as Go's decoder chose.
 *
 * @example
 * ```ts
 * fieldFor(Container, 'WorkingDir'); // 'workingDir'
 * ```
 */
export function fieldFor(c: StructType<t.Props>, key: string): string | undefined {
  if (hasOwn(c.props, key)) return key;
  let folded = foldedFields.get(c);
  if (folded === undefined) {
    const m = new Map<string, string>();
    for (const k of Object.keys(c.props)) if (!m.has(goFold(k))) m.set(goFold(k), k);
    foldedFields.set(c, m);
    folded = m;
  }
  return folded.get(goFold(key));
}

/**
 * A field that a strict reading (Tekton's webhook) found in an object
 * whose Go type has no such field.
 *
 * @example
 * ```ts
 * const found: UnknownField = { path: 'spec.steps[0].entrypoint', name: 'entrypoint', struct: Step };
 * ```
 */
export interface UnknownField {
  /** Where it is, ending with its own name: `spec.steps[0].entrypoint`. */
  readonly path: string;
  /** The key as written. */
  readonly name: string;
  /** The codec of the Go struct that has no such field. */
  readonly struct: StructType<t.Props>;
}

/** What a strict reading collects: the unknown fields, and where the walk is. */
interface Sink {
  readonly found: UnknownField[];
  readonly at: (string | number)[];
}

/**
 * A codec as the walk sees it: a recursive codec is the codec it stands
 * for, and a value field with a zero rule (`omitZero`, `printZero`) is its
 * field's codec.
 */
function resolve(c: Target): Target {
  if (c instanceof t.RecursiveType) return resolve(c.type as t.Mixed);
  if (c !== undefined && 'rule' in c && 'zero' in c && 'codec' in c) return resolve((c as { readonly codec: t.Mixed }).codec);
  return c;
}

/**
 * `value` as Go decoded it into the type of `target`: strings where a
 * number or boolean stood in a string field, keys renamed to the field they
 * fill (`Image` -> `image`). Values with no known target are unchanged.
 *
 * Given `unknown`, the reading is also strict, as Tekton's webhook decoded
 * its objects (`DisallowUnknownFields`): every key that fills no field of
 * its struct, at any depth, is added to `unknown` (and kept in the result;
 * the struct codec drops it).
 *
 * @example
 * ```ts
 * asGoDecoded({ stepTemplate: { env: [{ name: 'P', value: 8080 }] } }, TaskSpec);
 * // { stepTemplate: { env: [{ name: 'P', value: '8080' }] } }
 * ```
 */
export function asGoDecoded(value: unknown, target: Target, unknown?: UnknownField[]): unknown {
  return walk(value, target, target, unknown === undefined ? undefined : { found: unknown, at: [] });
}

/**
 * The walk behind {@link asGoDecoded}. Two types go along: `real`, the Go
 * type encoding/json decoded into (it names fields, matches keys
 * case-insensitively, and knows which keys are unknown), and `hint`, the
 * type sigs.k8s.io/yaml believed it was converting for, which decides where
 * a scalar becomes text. They differ below a promoted field, where the hint
 * is the embedded struct itself (see the module comment).
 */
function walk(value: unknown, realTarget: Target, hintTarget: Target, sink: Sink | undefined): unknown {
  if (realTarget === undefined && hintTarget === undefined) return value;
  const real = resolve(realTarget);
  const hint = realTarget === hintTarget ? real : resolve(hintTarget);
  if (value === null) return real !== undefined && 'goNull' in real ? (real as NullReads<t.Mixed>).goNull : value;
  if (isRecord(value)) {
    const realStruct = real !== undefined && isStruct(real) ? real : undefined;
    const realMap = real !== undefined && realStruct === undefined && isMap(real) ? real : undefined;
    const hintStruct = hint !== undefined && isStruct(hint) ? hint : undefined;
    const hintMap = hint !== undefined && hintStruct === undefined && isMap(hint) ? hint : undefined;
    if (realStruct === undefined && realMap === undefined && hintStruct === undefined && hintMap === undefined) return value;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      let name = key;
      let childReal: Target;
      let childHint: Target;
      const field = realStruct === undefined ? undefined : fieldFor(realStruct, key);
      if (realStruct !== undefined) {
        if (field === undefined) {
          if (sink !== undefined) sink.found.push({ path: pathOf(sink.at, key), name: key, struct: realStruct });
        } else {
          name = field;
          childReal = realStruct.props[field];
        }
      } else if (realMap !== undefined) childReal = realMap.codomain;
      if (hintStruct !== undefined) {
        const hintField = hintStruct === realStruct ? field : fieldFor(hintStruct, key);
        if (hintField !== undefined) childHint = hasOwn(hintStruct.embedded, hintField) ? hintStruct.embedded[hintField] : hintStruct.props[hintField];
      } else if (hintMap !== undefined) childHint = hintMap.codomain;
      if (sink !== undefined) sink.at.push(name);
      setKey(out, name, walk(value[key], childReal, childHint, sink));
      if (sink !== undefined) sink.at.pop();
    }
    return out;
  }
  if (Array.isArray(value)) {
    const realElem = real !== undefined && isArrayCodec(real) ? real.type : undefined;
    const hintElem = hint !== undefined && isArrayCodec(hint) ? hint.type : undefined;
    if (realElem === undefined && hintElem === undefined) return value;
    return value.map((v, i) => {
      if (sink !== undefined) sink.at.push(i);
      const r = walk(v, realElem, hintElem, sink);
      if (sink !== undefined) sink.at.pop();
      return r;
    });
  }
  if (hint instanceof t.StringType) return asGoText(value);
  return value;
}

/** A walk's position and a key below it as a field path: `spec.steps[0].entrypoint`. */
function pathOf(at: readonly (string | number)[], key: string): string {
  let out = '';
  for (const step of at) out += typeof step === 'number' ? `[${step}]` : pathStep(step, out === '');
  return out + pathStep(key, out === '');
}

/** A key as a step of a field path: `.name`, or `["odd key"]`. */
const pathStep = (k: string, first: boolean): string => (/^[A-Za-z_$][\w$-]*$/.test(k) ? (first ? k : `.${k}`) : `[${JSON.stringify(k)}]`);

/**
 * Where `value` (after {@link asGoDecoded}) still holds an infinity or NaN,
 * which JSON cannot: the field path and Go's spelling of the number.
 *
 * @example
 * ```ts
 * nonFinitePath({ spec: { x: [1, Infinity] } }); // { path: 'spec.x[1]', text: '+Inf' }
 * ```
 */
export function nonFinitePath(value: unknown, path = ''): { readonly path: string; readonly text: string } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path, text: Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf' };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const r = nonFinitePath(value[i], `${path}[${i}]`);
      if (r !== undefined) return r;
    }
  } else if (isRecord(value)) {
    for (const k of Object.keys(value)) {
      const r = nonFinitePath(value[k], `${path}${pathStep(k, path === '')}`);
      if (r !== undefined) return r;
    }
  }
  return undefined;
}
