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
 * @packageDocumentation
 */
import * as t from 'io-ts';
import { formatGoFloat32, MapType, NullReads, StructType } from '../model/struct';

type Target = t.Mixed | undefined;

const isStruct = (c: t.Mixed): c is StructType<t.Props> => 'props' in c && 'embedded' in c;
const isMap = (c: t.Mixed): c is MapType<t.Mixed> => 'codomain' in c;
const isArrayCodec = (c: t.Mixed): c is t.ReadonlyArrayC<t.Mixed> => c instanceof t.ReadonlyArrayType || c instanceof t.ArrayType;
const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u);

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

/** The field of a struct codec a JSON key fills: exact name first, else case-insensitive. */
function fieldFor(c: StructType<t.Props>, key: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(c.props, key)) return key;
  const lower = key.toLowerCase();
  return Object.keys(c.props).find((k) => k.toLowerCase() === lower);
}

/**
 * `value` as Go decoded it into the type of `target`: strings where a
 * number or boolean stood in a string field, keys renamed to the field they
 * fill (`Image` -> `image`). Values with no known target are unchanged.
 *
 * @example
 * ```ts
 * asGoDecoded({ stepTemplate: { env: [{ name: 'P', value: 8080 }] } }, TaskSpec);
 * // { stepTemplate: { env: [{ name: 'P', value: '8080' }] } }
 * ```
 */
export function asGoDecoded(value: unknown, target: Target): unknown {
  if (target === undefined) return value;
  if (value === null && 'goNull' in target) return (target as NullReads<t.Mixed>).goNull;
  if (isStruct(target)) {
    if (!isRecord(value)) return value; // a scalar aimed at a struct: Go refuses it later
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const field = fieldFor(target, key);
      if (field === undefined) {
        setKey(out, key, value[key]);
        continue;
      }
      const embedded = target.embedded[field];
      const child = embedded !== undefined ? embedded : target.props[field];
      setKey(out, field, asGoDecoded(value[key], child));
    }
    return out;
  }
  if (isMap(target)) {
    if (!isRecord(value)) return value;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setKey(out, key, asGoDecoded(value[key], target.codomain));
    return out;
  }
  if (isArrayCodec(target)) {
    return Array.isArray(value) ? value.map((v) => asGoDecoded(v, target.type)) : value;
  }
  if (target instanceof t.StringType) return asGoText(value);
  return value;
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
