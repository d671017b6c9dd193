/**
 * A struct's encode has two ways: values whose own keys come in the
 * struct's order take the walk over their own keys, the others the walk
 * over every field. Both must give what the field walk gives: the fields in
 * the struct's order, omitted zeros dropped, printed zeros filled in, each
 * value through its field's codec; unknown keys dropped. Compared here on
 * values with any subset of keys, in any order, with inherited and
 * undefined ones, against that reference written out plainly.
 */
import { fc, it as fcIt } from '@fast-check/jest';
import * as t from 'io-ts';
import { int, omitZero, printZero, stringMap, struct } from '../../src/model/struct';

const lower = new t.Type<string, string, unknown>(
  'Lower',
  (u): u is string => typeof u === 'string',
  (u, c) => (typeof u === 'string' ? t.success(u) : t.failure(u, c)),
  (a) => a.toLowerCase(),
);
const Inner = struct('Inner', { b: t.string, a: lower });
const Outer = struct('Outer', {
  name: t.string,
  tty: omitZero(t.boolean),
  port: printZero(int),
  code: lower,
  labels: stringMap,
  inner: Inner,
  count: omitZero(int),
});
const FIELDS = ['name', 'tty', 'port', 'code', 'labels', 'inner', 'count'] as const;

/** The encoding by its definition: every field in order, as the field walk does it. */
function reference(a: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of FIELDS) {
    const v = a[k];
    if (k === 'port') out.port = v === undefined ? 0 : v;
    else if (v === undefined || ((k === 'tty' && v === false) || (k === 'count' && v === 0))) continue;
    else if (k === 'code') out.code = (v as string).toLowerCase();
    else if (k === 'labels') out.labels = Object.fromEntries(Object.entries(v as Record<string, string>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
    else if (k === 'inner') {
      const inner = v as Record<string, unknown>;
      out.inner = {
        ...(inner.b !== undefined ? { b: inner.b } : {}),
        ...(inner.a !== undefined ? { a: (inner.a as string).toLowerCase() } : {}),
      };
    } else out[k] = v;
  }
  return out;
}

const value = fc.record(
  {
    name: fc.constantFrom('x', ''),
    tty: fc.boolean(),
    port: fc.constantFrom(0, 8080),
    code: fc.constantFrom('AB', 'c'),
    labels: fc.dictionary(fc.constantFrom('z', 'a', 'é', 'm'), fc.constant('v'), { maxKeys: 3 }),
    inner: fc.record({ a: fc.constantFrom('Q', 'r'), b: fc.constant('b') }, { requiredKeys: [] }).chain((r) => fc.shuffledSubarray(Object.keys(r), { minLength: Object.keys(r).length }).map((ks) => Object.fromEntries(ks.map((k) => [k, r[k as 'a' | 'b']])))),
    count: fc.constantFrom(0, 3),
    unknown: fc.constant('dropped'),
    hole: fc.constant(undefined),
  },
  { requiredKeys: [] },
);
/** The value's keys in a shuffled order, sometimes in the struct's order (the own-key walk). */
const arranged = fc.tuple(value, fc.boolean(), fc.boolean()).chain(([v, sorted, inherit]) =>
  fc.shuffledSubarray(Object.keys(v), { minLength: Object.keys(v).length }).map((ks) => {
    const order = sorted ? [...ks].sort((x, y) => FIELDS.indexOf(x as never) - FIELDS.indexOf(y as never)) : ks;
    const own = Object.fromEntries(order.map((k) => [k, (v as Record<string, unknown>)[k]]));
    // An inherited field: both walks read it as the field's value or not at all, never differently.
    return inherit ? Object.assign(Object.create({ name: 'inherited' }) as object, own) : own;
  }),
);

describe('struct encode', () => {
  fcIt.prop([arranged], { numRuns: 3000 })('gives the field walk\'s object, key for key and in order, whatever the value\'s key order', (a) => {
    const expected = reference(a as Record<string, unknown>);
    expect(JSON.stringify(Outer.encode(a as never))).toBe(JSON.stringify(expected));
  });

  it('writes fields held in the struct order and out of it alike', () => {
    expect(JSON.stringify(Outer.encode({ name: 'n', code: 'X', port: 1 }))).toBe('{"name":"n","port":1,"code":"x"}');
    expect(JSON.stringify(Outer.encode({ code: 'X', port: 1, name: 'n' }))).toBe('{"name":"n","port":1,"code":"x"}');
    expect(JSON.stringify(Outer.encode({ tty: false, count: 0, name: 'n' }))).toBe('{"name":"n","port":0}');
  });
});
