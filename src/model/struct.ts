/**
 * Codec combinators that decode the way Go's `encoding/json` filled Tekton's
 * typed structs: unknown fields are dropped, `null` means "absent", and every
 * field is optional (Go has zero values, not required fields; required-ness
 * is a validation concern with its own messages).
 *
 * Encoding writes the fields in the order the struct declares them, which is
 * the order Go's encoder printed them in, so a rendered Pod reads like the
 * one Tekton printed.
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

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * A Go struct: a JSON object with the given optional fields, in this order.
 *
 * @example
 * ```ts
 * const EnvVar = struct('EnvVar', { name: t.string, value: t.string });
 * EnvVar.decode({ value: 'x', name: 'A', extra: 1 }); // Right({ name: 'A', value: 'x' })
 * ```
 */
export function struct<P extends t.Props>(name: string, props: P, embedded: Readonly<Record<string, t.Mixed>> = {}): StructType<P> {
  const keys = Object.keys(props);
  const codec = new t.Type<StructOf<P>, StructOutputOf<P>, unknown>(
    name,
    (u): u is StructOf<P> => isPlainObject(u) && keys.every((k) => !hasOwn(u, k) || u[k] === undefined || props[k]!.is(u[k])),
    (u, c) => {
      if (!isPlainObject(u)) return t.failure(u, c, `expected an object (${name})`);
      const out: Record<string, unknown> = {};
      const errors: t.ValidationError[] = [];
      for (const k of keys) {
        if (!hasOwn(u, k)) continue;
        const v = u[k];
        if (v === undefined || v === null) continue;
        const p = props[k]!;
        const r = p.validate(v, t.appendContext(c, k, p, v));
        if (E.isLeft(r)) errors.push(...r.left);
        else if (r.right !== undefined) defineField(out, k, r.right);
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out as StructOf<P>);
    },
    (a) => {
      const out: Record<string, unknown> = {};
      for (const k of keys) {
        const v = (a as Record<string, unknown>)[k];
        if (v !== undefined) defineField(out, k, props[k]!.encode(v));
      }
      return out as StructOutputOf<P>;
    },
  );
  return Object.assign(codec, { props, embedded });
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * The keys of `o` in byte-wise (UTF-8) order, as Go's encoder sorted map keys.
 * For ASCII keys (nearly always) that is JavaScript's default string order;
 * otherwise the keys are compared as UTF-8 bytes.
 */
function sortedKeys(o: object): string[] {
  const keys = Object.keys(o);
  if (keys.every((k) => ASCII.test(k))) return keys.sort();
  return keys
    .map((k) => ({ k, b: Buffer.from(k) }))
    .sort((x, y) => Buffer.compare(x.b, y.b))
    .map((x) => x.k);
}

/** A codec built by {@link mapOf}; `codomain` is the values' codec. */
export interface MapType<C extends t.Mixed>
  extends t.Type<Readonly<Record<string, t.TypeOf<C>>>, Record<string, t.OutputOf<C>>, unknown> {
  readonly codomain: C;
}

/**
 * A JSON object whose values all decode with `codec` (Go's `map[string]T`).
 * Decoding keeps the input's key order, encoding sorts keys as Go did;
 * `__proto__` and friends are ordinary keys.
 *
 * @example
 * ```ts
 * stringMap(t.string).decode({ app: 'web' }); // Right({ app: 'web' })
 * ```
 */
export function mapOf<C extends t.Mixed>(
  codec: C,
  name = `map[string]${codec.name}`,
): MapType<C> {
  const mapCodec = new t.Type<Readonly<Record<string, t.TypeOf<C>>>, Record<string, t.OutputOf<C>>, unknown>(
    name,
    (u): u is Record<string, t.TypeOf<C>> => isPlainObject(u) && Object.keys(u).every((k) => codec.is(u[k])),
    (u, c) => {
      if (!isPlainObject(u)) return t.failure(u, c, `expected an object (${name})`);
      const out: Record<string, unknown> = {};
      const errors: t.ValidationError[] = [];
      for (const k of Object.keys(u)) {
        const v = u[k];
        if (v === null || v === undefined) continue;
        const r = codec.validate(v, t.appendContext(c, k, codec, v));
        if (E.isLeft(r)) errors.push(...r.left);
        else defineField(out, k, r.right);
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out as Record<string, t.TypeOf<C>>);
    },
    (a) => {
      // Go's encoder writes map keys sorted, byte-wise.
      const out: Record<string, unknown> = {};
      const keys = sortedKeys(a);
      for (const k of keys) defineField(out, k, codec.encode(a[k]));
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

/**
 * An integer (Go's int32/int64): a JSON number with no fractional part.
 *
 * @example
 * ```ts
 * int.decode(3); // Right(3)
 * ```
 */
export const int = new t.Type<number, number, unknown>(
  'int',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u),
  (u, c) => (typeof u === 'number' && Number.isSafeInteger(u) ? t.success(u) : t.failure(u, c, 'expected an integer')),
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
export const intOrString = t.union([int, t.string], 'IntOrString');

/** Go's strconv.FormatFloat(f, 'g', -1, 32): shortest float32 digits, %e past 1e6 or below 1e-4. */
export function formatGoFloat32(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const f32 = Math.fround(x);
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

/** `map[string]string`, the type of labels, annotations and selectors. */
export const stringMap = mapOf(goString, 'map[string]string');
