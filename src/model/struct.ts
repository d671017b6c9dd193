/**
 * Codec combinators that decode the way Go's `encoding/json` filled Tekton's
 * typed structs: unknown fields are dropped (reading Tekton's own kinds, the
 * input layer refuses them first, as Tekton's webhook did:
 * src/input/go-json.ts), `null` means "absent", and every
 * field is optional (Go has zero values, not required fields; required-ness
 * is a validation concern with its own messages).
 *
 * Encoding writes the fields in the order the struct declares them, which is
 * the order Go's encoder printed them in, so a rendered Pod reads like the
 * one Tekton printed.
 *
 * A Go value field (not a pointer) always holds a value, its zero when
 * nothing was set, and its zero is printed or not by its tag: `omitempty`
 * leaves `false`/`0` out, so for Go they are the same as absent; without
 * `omitempty` the zero is always printed. {@link omitZero} and
 * {@link printZero} mark such fields; a pointer field (`*bool`, `*int32`)
 * stays a plain codec and keeps its `false`/`0`.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts';
import * as E from 'fp-ts/Either';

/**
 * The decoded form of a `struct`: every field optional and readonly.
 *
 * @example
 * ```ts
 * const named: StructOf<{ name: t.StringC }> = { name: 'build' }; // every field optional and readonly
 * ```
 *
 * @public
 */
export type StructOf<P extends t.Props> = { readonly [K in keyof P]?: t.TypeOf<P[K]> };
/**
 * The encoded form of a `struct`.
 *
 * @example
 * ```ts
 * const encoded: StructOutputOf<typeof PodCodec.props> = PodCodec.encode(pod); // fields in Go's order
 * ```
 *
 * @public
 */
export type StructOutputOf<P extends t.Props> = { [K in keyof P]?: t.OutputOf<P[K]> };

/**
 * A codec built by `struct`; `props` is kept for introspection.
 *
 * @example
 * ```ts
 * Object.keys(PodCodec.props); // ['kind', 'apiVersion', 'metadata', 'spec', 'status']
 * ```
 *
 * @public
 */
export interface StructType<P extends t.Props>
  extends t.Type<StructOf<P>, StructOutputOf<P>, unknown> {
  readonly props: P;
  /**
   * Fields promoted from an embedded Go struct, to that struct's codec
   * (e.g. a Step's container fields come from its embedded Container).
   * Reading YAML, sigs.k8s.io/yaml lost track of the Go type below such a
   * field (see src/input/go-json.ts).
   */
  readonly embedded: Readonly<Record<string, t.Mixed>>;
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Sets `key` on `target` as an own, enumerable data property, even when the
 * key is `__proto__`: plain assignment would change the object's prototype.
 * Any other key is assigned plainly, which on a plain object defines the same
 * property and is several times faster than `Object.defineProperty` (every
 * decoded and encoded field goes through here; docs/performance.md).
 */
export function defineField(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * A copy of `o` with `key` set to `value` (in its place if `o` has it, else
 * last), as `{ ...o, [key]: value }` would be. Built key by key because on
 * Node 20 a key added to a spread copy costs some 0.6 us, five to ten times
 * this.
 *
 * @example
 * ```ts
 * withField({ name: 'build' }, 'kind', 'Task'); // { name: 'build', kind: 'Task' }
 * ```
 *
 * @internal
 */
export function withField<T extends object, K extends keyof T>(o: T, key: K & string, value: T[K]): T {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(o);
  for (let i = 0; i < keys.length; i++) defineField(out, keys[i]!, (o as Record<string, unknown>)[keys[i]!]);
  defineField(out, key, value);
  return out as T;
}

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * What an `omitZero` or `printZero` field of a `struct` codec does with Go's zero value.
 *
 * @example
 * ```ts
 * const rule: ZeroRule = 'omit'; // omitempty: the zero is the same as absent
 * ```
 *
 * @public
 */
export type ZeroRule = 'omit' | 'print';

/**
 * A Go value (non-pointer) field whose zero value matters: `codec` decodes
 * and encodes it, `zero` is Go's zero value of its type, `rule` says how a
 * `struct` codec treats that zero (see `omitZero` and `printZero` in
 * src/model/struct.ts). On its own it decodes and encodes exactly as `codec`.
 *
 * @example
 * ```ts
 * const tty: ZeroField<t.BooleanC> = omitZero(t.boolean);
 * [tty.rule, tty.zero]; // ['omit', false]
 * ```
 *
 * @public
 */
export interface ZeroField<C extends t.Mixed> extends t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown> {
  /** The field's codec. */
  readonly codec: C;
  /** Go's zero value of the field's type, decoded. */
  readonly zero: t.TypeOf<C>;
  /** `omit`: tagged `omitempty`, the zero is absent; `print`: no `omitempty`, Go always printed it. */
  readonly rule: ZeroRule;
}

function zeroField<C extends t.Mixed>(codec: C, zero: t.TypeOf<C>, rule: ZeroRule): ZeroField<C> {
  const field = new t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown>(
    codec.name,
    (u): u is t.TypeOf<C> => codec.is(u),
    (u, c) => codec.validate(u, c),
    (a) => codec.encode(a) as t.OutputOf<C>,
  );
  return Object.assign(field, { codec, zero, rule });
}

/** Go's zero value of a boolean or integer codec. */
function zeroOf(codec: t.Mixed): boolean | number {
  if (codec instanceof t.BooleanType) return false;
  if (codec === int || codec === int32) return 0;
  throw new Error(`no zero value known for ${codec.name}: pass it`);
}

/**
 * A value field tagged `omitempty` (`ReadOnly bool \`json:"readOnly,omitempty"\``):
 * Go printed nothing for its zero, so a {@link struct} drops the zero on
 * decode and on encode. A step's `readOnly: false` is then absent, as it was
 * in the JSON Tekton merged and printed. The zero is `false` for
 * `t.boolean`, `0` for `int`; other codecs must name it.
 *
 * @example
 * ```ts
 * const Mount = struct('VolumeMount', { name: goString, readOnly: omitZero(t.boolean) });
 * Mount.decode({ name: 'v', readOnly: false }); // Right({ name: 'v' })
 * ```
 *
 * @public
 */
export function omitZero(codec: t.BooleanC): ZeroField<t.BooleanC>;
export function omitZero(codec: typeof int): ZeroField<typeof int>;
export function omitZero<C extends t.Mixed>(codec: C, zero: t.TypeOf<C>): ZeroField<C>;
export function omitZero<C extends t.Mixed>(codec: C, zero?: t.TypeOf<C>): ZeroField<C> {
  return zeroField(codec, zero === undefined ? zeroOf(codec) : zero, 'omit');
}

/**
 * A value field without `omitempty` (`ContainerPort int32 \`json:"containerPort"\``):
 * Go always held and printed it, its zero when nothing was set, so a
 * {@link struct} fills the zero in for an absent (or `null`) field on decode
 * and on encode. The zero is `false` for `t.boolean`, `0` for `int`; other
 * codecs must name it (an IntOrString's is `0`, a Quantity's `"0"`).
 *
 * @example
 * ```ts
 * const Port = struct('ContainerPort', { name: goString, containerPort: printZero(int) });
 * Port.decode({ name: 'http' }); // Right({ name: 'http', containerPort: 0 })
 * ```
 *
 * @public
 */
export function printZero(codec: t.BooleanC): ZeroField<t.BooleanC>;
export function printZero(codec: typeof int): ZeroField<typeof int>;
export function printZero<C extends t.Mixed>(codec: C, zero: t.TypeOf<C>): ZeroField<C>;
export function printZero<C extends t.Mixed>(codec: C, zero?: t.TypeOf<C>): ZeroField<C> {
  return zeroField(codec, zero === undefined ? zeroOf(codec) : zero, 'print');
}

const isZeroField = (c: t.Mixed): c is ZeroField<t.Mixed> => c instanceof t.Type && 'rule' in c && 'zero' in c && 'codec' in c;

/**
 * A Go struct: a JSON object with the given optional fields, in this order.
 * Fields marked {@link omitZero} lose their zero value, fields marked
 * {@link printZero} get it when absent, on decode and on encode.
 *
 * @example
 * ```ts
 * const EnvVar = struct('EnvVar', { name: t.string, value: t.string });
 * EnvVar.decode({ value: 'x', name: 'A', extra: 1 }); // Right({ name: 'A', value: 'x' })
 * ```
 */
export function struct<P extends t.Props>(name: string, props: P, embedded: Readonly<Record<string, t.Mixed>> = {}): StructType<P> {
  const keys = Object.keys(props);
  // Per key: the codec that reads and writes the value, and the zero rule (if any).
  const codecs = keys.map((k) => {
    const p = props[k]!;
    return isZeroField(p) ? p.codec : p;
  });
  const omits = keys.map((k) => {
    const p = props[k]!;
    return isZeroField(p) && p.rule === 'omit' ? p : undefined;
  });
  const prints = keys.map((k) => {
    const p = props[k]!;
    return isZeroField(p) && p.rule === 'print' ? p : undefined;
  });
  // Codecs that encode a value as itself (strings, numbers, booleans): the
  // encoder copies the value without calling them (docs/performance.md).
  const asIs = codecs.map((c) => c.encode === t.identity);
  const codec = new t.Type<StructOf<P>, StructOutputOf<P>, unknown>(
    name,
    (u): u is StructOf<P> => isPlainObject(u) && keys.every((k) => !hasOwn(u, k) || u[k] === undefined || props[k]!.is(u[k])),
    (u, c) => {
      if (!isPlainObject(u)) return t.failure(u, c, `expected an object (${name})`);
      const out: Record<string, unknown> = {};
      const errors: t.ValidationError[] = [];
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        const v = hasOwn(u, k) ? u[k] : undefined;
        if (v === undefined || v === null) {
          const printed = prints[i];
          if (printed !== undefined) defineField(out, k, printed.zero);
          continue;
        }
        const p = codecs[i]!;
        const r = p.validate(v, t.appendContext(c, k, p, v));
        if (E.isLeft(r)) errors.push(...r.left);
        else if (r.right !== undefined && !(omits[i] !== undefined && r.right === omits[i]!.zero)) defineField(out, k, r.right);
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out as StructOf<P>);
    },
    (a) => (encodeInOwnOrder(a as Record<string, unknown>) ?? encodeInFieldOrder(a as Record<string, unknown>)) as StructOutputOf<P>,
  );
  // Encoding writes the fields in the struct's order. Most values already
  // hold their fields in that order (decoded ones, and those built from
  // them), and hold few of them: for those, walking the value's own keys
  // gives the same object for a fraction of the lookups that walking every
  // field of the struct costs (docs/performance.md).
  const fieldIndex = new Map(keys.map((k, i) => [k, i]));
  const printCount = prints.filter((p) => p !== undefined).length;
  // Without a field named `__proto__`, a plain store defines every field.
  const plainStores = !keys.includes('__proto__');
  const encodeInFieldOrder = (a: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      let v = a[k];
      if (v === undefined) {
        const printed = prints[i];
        if (printed === undefined) continue;
        v = printed.zero;
      } else if (omits[i] !== undefined && v === omits[i]!.zero) continue;
      defineField(out, k, asIs[i] ? v : codecs[i]!.encode(v));
    }
    return out;
  };
  /** The encoding, when `a`'s own keys come in the struct's order and no printed zero is missing; else undefined. */
  const encodeInOwnOrder = (a: Record<string, unknown>): Record<string, unknown> | undefined => {
    const out: Record<string, unknown> = {};
    let next = 0;
    let printed = 0;
    // for-in lists inherited keys too: only plain objects take this path.
    const proto: unknown = Object.getPrototypeOf(a);
    if (proto !== Object.prototype && proto !== null) return undefined;
    for (const k in a) {
      // The next field of that name: keys are interned strings, so the
      // comparisons are cheaper than a lookup in fieldIndex.
      let i = next;
      while (i < keys.length && keys[i] !== k) i++;
      if (i === keys.length) {
        if (fieldIndex.has(k)) return undefined; // a field out of order
        continue; // not a field: left out
      }
      next = i + 1;
      const v = a[k];
      if (v === undefined) continue;
      if (prints[i] !== undefined) printed++;
      else if (omits[i] !== undefined && v === omits[i]!.zero) continue;
      const w = asIs[i] ? v : codecs[i]!.encode(v);
      if (plainStores) out[k] = w;
      else defineField(out, k, w);
    }
    return printed === printCount ? out : undefined;
  };
  return Object.assign(codec, { props, embedded });
}

/** Whether the strings are in JavaScript's default order already (sorting them would change nothing). */
function isSorted(xs: readonly string[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i - 1]! > xs[i]!) return false;
  return true;
}

/** Whether every character of `s` is ASCII (a scan: cheaper than a regex on the short keys of maps). */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * The keys of `o` in byte-wise (UTF-8) order, as Go's encoder sorted map keys.
 * For ASCII keys (nearly always) that is JavaScript's default string order;
 * otherwise the keys are compared as UTF-8 bytes.
 *
 * @example
 * ```ts
 * goSortedKeys({ memory: '1Gi', cpu: '1' }); // ['cpu', 'memory']
 * ```
 */
export function goSortedKeys(o: object): string[] {
  const keys = Object.keys(o);
  if (keys.length < 2) return keys;
  if (keys.every(isAscii)) return isSorted(keys) ? keys : keys.sort();
  return keys
    .map((k) => ({ k, b: Buffer.from(k) }))
    .sort((x, y) => Buffer.compare(x.b, y.b))
    .map((x) => x.k);
}

/**
 * A codec built by `mapOf` (Go's `map[string]T`); `codomain` is the values' codec.
 *
 * @example
 * ```ts
 * const labels: MapType<t.StringC> = mapOf(t.string); // labels.codomain is t.string
 * ```
 *
 * @public
 */
export interface MapType<C extends t.Mixed>
  extends t.Type<Readonly<Record<string, t.TypeOf<C>>>, Record<string, t.OutputOf<C>>, unknown> {
  readonly codomain: C;
}

/**
 * A JSON object whose values all decode with `codec` (Go's `map[string]T`).
 * Decoding keeps the input's key order, encoding sorts keys as Go did;
 * `__proto__` and friends are ordinary keys.
 *
 * Go's decoder kept every key of a map, setting a `null` value to the zero
 * value of T (`{app: null}` read as `app: ""`). `zero` is that value: with
 * it, a `null` keeps its key; without it (taskpod's own maps, where Go had
 * no say) a `null` entry is left out.
 *
 * @example
 * ```ts
 * stringMap.decode({ app: 'web', team: null }); // Right({ app: 'web', team: '' })
 * ```
 */
export function mapOf<C extends t.Mixed>(
  codec: C,
  name = `map[string]${codec.name}`,
  zero?: t.TypeOf<C>,
): MapType<C> {
  // Values whose codec encodes them as themselves are copied without a call.
  const asIs = codec.encode === t.identity;
  const mapCodec = new t.Type<Readonly<Record<string, t.TypeOf<C>>>, Record<string, t.OutputOf<C>>, unknown>(
    name,
    (u): u is Record<string, t.TypeOf<C>> => isPlainObject(u) && Object.keys(u).every((k) => codec.is(u[k])),
    (u, c) => {
      if (!isPlainObject(u)) return t.failure(u, c, `expected an object (${name})`);
      const out: Record<string, unknown> = {};
      const errors: t.ValidationError[] = [];
      for (const k of Object.keys(u)) {
        const v = u[k];
        if (v === null || v === undefined) {
          if (zero !== undefined) defineField(out, k, zero);
          continue;
        }
        const r = codec.validate(v, t.appendContext(c, k, codec, v));
        if (E.isLeft(r)) errors.push(...r.left);
        else defineField(out, k, r.right);
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out as Record<string, t.TypeOf<C>>);
    },
    (a) => {
      // Go's encoder writes map keys sorted, byte-wise.
      const keys = goSortedKeys(a);
      const out: Record<string, unknown> = {};
      if (asIs) for (const k of keys) defineField(out, k, a[k]);
      else for (const k of keys) defineField(out, k, codec.encode(a[k]));
      return out as Record<string, t.OutputOf<C>>;
    },
  );
  return Object.assign(mapCodec, { codomain: codec });
}


/**
 * A Go slice: a JSON array (a `null` element decodes as the element codec
 * decodes it). Decoded arrays are readonly.
 *
 * @example
 * ```ts
 * listOf(t.string).decode(['a', 'b']); // Right(['a', 'b'])
 * ```
 */
export function listOf<C extends t.Mixed>(codec: C): t.ReadonlyArrayC<C> {
  return t.readonlyArray(codec);
}

/** Why `u` is not an integer `int` or `int32` takes. */
function notAnInteger(u: unknown, range: string): string {
  if (typeof u === 'bigint') return `expected an integer ${range}, got ${u} (taskpod holds integers exactly only up to 2^53; docs/deviations.md)`;
  return typeof u === 'number' && Number.isInteger(u) ? `expected an integer ${range}, got ${u}` : 'expected an integer';
}

/**
 * An integer (Go's int64): a JSON number with no fractional part, within
 * JavaScript's exact range (±2^53 - 1; Go took up to ±2^63).
 *
 * @example
 * ```ts
 * int.decode(3); // Right(3)
 * ```
 */
export const int = new t.Type<number, number, unknown>(
  'int',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u),
  (u, c) => (typeof u === 'number' && Number.isSafeInteger(u) ? t.success(u) : t.failure(u, c, notAnInteger(u, 'within ±2^53'))),
  t.identity,
);

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * Go's int32 (a container port, a file mode, a probe's period): an integer
 * from -2^31 to 2^31 - 1; Go's decoder refused anything beyond.
 *
 * @example
 * ```ts
 * int32.decode(8080); // Right(8080)
 * int32.decode(2 ** 31); // Left: expected an int32
 * ```
 */
export const int32 = new t.Type<number, number, unknown>(
  'int32',
  (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= INT32_MIN && u <= INT32_MAX,
  (u, c) =>
    typeof u === 'number' && Number.isInteger(u) && u >= INT32_MIN && u <= INT32_MAX ? t.success(u) : t.failure(u, c, notAnInteger(u, 'from -2^31 to 2^31 - 1 (int32)')),
  t.identity,
);

/**
 * Kubernetes' IntOrString: a JSON integer or string, kept as given.
 *
 * @example
 * ```ts
 * intOrString.decode('http'); // Right('http')
 * ```
 */
export const intOrString = t.union([int32, t.string], 'IntOrString');

/** Go's strconv.FormatFloat(f, 'g', -1, 32): shortest float32 digits, %e past 1e6 or below 1e-4. */
export function formatGoFloat32(x: number): string {
  // Go rounds to float32 first: 1e39 is +Inf there, 1e-46 is 0 (or -0).
  const f32 = Math.fround(x);
  if (Number.isNaN(f32)) return 'NaN';
  if (!Number.isFinite(f32)) return f32 > 0 ? '+Inf' : '-Inf';
  if (f32 === 0) return Object.is(f32, -0) ? '-0' : '0';
  let digits = '';
  let exp = 0;
  for (let p = 1; p <= 9; p++) {
    const e = Math.abs(f32).toExponential(p - 1);
    if (Math.fround(Number(e)) === Math.abs(f32)) {
      const [mant, ex] = e.split('e');
      digits = (mant ?? '').replace('.', '');
      exp = Number(ex);
      break;
    }
  }
  const sign = f32 < 0 ? '-' : '';
  // Go's shortest %g switches to %e below 1e-4 and from 1e6 on.
  if (exp < -4 || exp >= 6) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const es = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${es}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/**
 * A Go `string` field. Strict: numbers and booleans that sigs.k8s.io/yaml
 * turned into text were converted before decoding (src/input/go-json.ts),
 * only where Go's YAML reading knew the field was a string.
 *
 * @example
 * ```ts
 * goString.decode('x'); // Right('x')
 * ```
 */
export const goString: t.StringC = t.string;

/** A codec whose JSON `null` Go decoded as a value rather than as absent: see {@link nullReadsAs}. */
export type NullReads<C extends t.Mixed> = C & { readonly goNull: t.TypeOf<C> };

/**
 * Marks a field whose Go type decoded JSON `null` itself, as a value: a
 * Tekton ArrayOrString (its UnmarshalJSON read `null` as an empty array).
 * src/input/go-json.ts puts `value` in place of the `null` before decoding;
 * everywhere else a `null` field is absent, as for Go's pointers.
 *
 * @example
 * ```ts
 * const ParamValue = nullReadsAs(ArrayOrString, []);
 * ```
 */
export function nullReadsAs<C extends t.Mixed>(codec: C, value: t.TypeOf<C>): C {
  // A copy of the same class (a union stays a union for error reports).
  const copy = Object.assign(Object.create(Object.getPrototypeOf(codec) as object) as C, codec);
  return Object.assign(copy, { goNull: value });
}

/**
 * A Go field of a type that decodes itself from a JSON string only (a
 * metav1.Duration): sigs.k8s.io/yaml did not turn a YAML number into text
 * for it, so `timeout: 5` was refused, where a `string` field took "5".
 *
 * @example
 * ```ts
 * goTextOnly('Duration').decode(5); // Left
 * ```
 */
export function goTextOnly(name: string): t.Type<string, string, unknown> {
  return new t.Type<string, string, unknown>(
    name,
    (u): u is string => typeof u === 'string',
    (u, c) => (typeof u === 'string' ? t.success(u) : t.failure(u, c, `expected a string (Go's ${name} reads only a JSON string)`)),
    t.identity,
  );
}

/** `map[string]string`, the type of labels, annotations and selectors; a `null` value is "". */
export const stringMap = mapOf(goString, 'map[string]string', '');
