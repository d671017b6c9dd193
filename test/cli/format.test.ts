/**
 * src/cli/format.ts has no Node.js modules (the playground bundles it), so
 * it compares values with its own `sameValue`: for anything YAML can read
 * into plain JSON values it must agree with Node's `isDeepStrictEqual`,
 * which the CLI used before; anything else is never equal.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parse } from 'yaml';
import { sameValue } from '../../src/cli/format';
import { checkProperty } from '../helpers/runs';

const leaf = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(-0), fc.constant(undefined));
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 3 }), tie('v'), { maxKeys: 4, noNullPrototype: true })),
})).v;

/** A deep copy made in this realm (structuredClone's objects come from another under jest). */
function copyOf(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copyOf);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copyOf(x)]));
  return v;
}

/** `v` with one leaf somewhere replaced by `by` (or `v` itself when it is a leaf). */
function changed(v: unknown, path: readonly number[], by: unknown): unknown {
  if (Array.isArray(v) && v.length > 0) {
    const i = (path[0] ?? 0) % v.length;
    return v.map((x, j) => (j === i ? changed(x, path.slice(1), by) : x));
  }
  if (typeof v === 'object' && v !== null) {
    const keys = Object.keys(v);
    if (keys.length === 0) return { x: by };
    const k = keys[(path[0] ?? 0) % keys.length]!;
    return { ...v, [k]: changed((v as Record<string, unknown>)[k], path.slice(1), by) };
  }
  return by;
}

describe('sameValue', () => {
  test('agrees with isDeepStrictEqual on equal copies, unrelated values and one-leaf changes', () => {
    checkProperty(
      'format: sameValue agrees with isDeepStrictEqual',
      300,
      fc.property(value, value, fc.array(fc.nat(), { maxLength: 6 }), leaf, (a, b, path, by) => {
        const copy = copyOf(a);
        const other = changed(a, path, by);
        expect(sameValue(a, copy)).toBe(true);
        expect(sameValue(a, b)).toBe(isDeepStrictEqual(a, b));
        expect(sameValue(a, other)).toBe(isDeepStrictEqual(a, other));
        expect(sameValue(other, a)).toBe(isDeepStrictEqual(other, a));
      }),
    );
  });

  test('key order does not matter; -0, NaN, missing and undefined keys as Node tells them apart', () => {
    expect(sameValue({ a: 1, b: [2] }, { b: [2], a: 1 })).toBe(true);
    expect(sameValue(0, -0)).toBe(false);
    expect(sameValue(NaN, NaN)).toBe(true);
    expect(sameValue({ a: undefined }, {})).toBe(false);
    expect(sameValue([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameValue(Object.assign(Object.create(null), { a: 1 }), { a: 1 })).toBe(isDeepStrictEqual(Object.assign(Object.create(null), { a: 1 }), { a: 1 }));
  });

  test('what YAML 1.1 reads as a Date, a Set or an ordered map is never the same as the string written', () => {
    const date = parse('t: 2001-12-14', { version: '1.1' }) as { t: unknown };
    expect(date.t).toBeInstanceOf(Date);
    expect(sameValue(date, { t: new Date(date.t as Date) })).toBe(false);
    expect(sameValue(date, { t: '2001-12-14' })).toBe(false);
    const set = parse('!!set {a: null}', { version: '1.1' });
    expect(sameValue(set, { a: null })).toBe(false);
  });
});
