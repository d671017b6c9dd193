/**
 * input/go-yaml.ts against gopkg.in/yaml.v2 as vendored by Tekton at
 * 6c132b937e (resolve.go, decode.go) and sigs.k8s.io/yaml (yaml.go).
 *
 * Every expected value below is what Go 1.19 printed for the scalar `S` in
 * the document `v: S` (yaml.Unmarshal into interface{}, then
 * sigs.k8s.io/yaml.YAMLToJSON), not what taskpod prints. Go's int and uint64
 * are exact: they appear here as numbers when within 2^53 and as bigints
 * beyond, as taskpod keeps them; Go's float64 is a number.
 */
import * as E from 'fp-ts/Either';
import { Document, parseDocument } from 'yaml';
import { resolvePlain, toGoJson } from '../../src/input/go-yaml';
import { parseDocuments } from '../../src/input/yaml';

const ones = (n: number) => '1'.repeat(n);
const zeros = (n: number) => '0'.repeat(n);

type Row = readonly [string, unknown];

/** resolve.go: resolveMap (bools, nulls) and the hint table. */
const BOOLS_AND_NULLS: readonly Row[] = [
  ['y', true], ['Y', true], ['yes', true], ['Yes', true], ['YES', true],
  ['true', true], ['True', true], ['TRUE', true], ['on', true], ['On', true], ['ON', true],
  ['n', false], ['N', false], ['no', false], ['No', false], ['NO', false],
  ['false', false], ['False', false], ['FALSE', false], ['off', false], ['Off', false], ['OFF', false],
  // only the listed spellings
  ['yEs', 'yEs'], ['tRUE', 'tRUE'], ['oN', 'oN'],
  ['~', null], ['null', null], ['Null', null], ['NULL', null], ['', null], ['nULL', 'nULL'],
];

/** strconv.ParseInt(plain, 0, 64), then ParseUint, after removing every `_`. */
const INTEGERS: readonly Row[] = [
  ['0', 0], ['-0', 0], ['+0', 0], ['00', 0], ['8080', 8080], ['+12', 12], ['-12', -12],
  // hexadecimal
  ['0x1F', 31], ['0X1f', 31], ['-0x1F', -31], ['+0x1F', 31], ['0x', '0x'], ['0xG', '0xG'],
  // octal, with a leading 0 or 0o
  ['017', 15], ['-017', -15], ['+017', 15], ['0o17', 15], ['0O17', 15], ['-0o17', -15], ['0o8', '0o8'],
  // binary: 0b or 0B, either sign
  ['0b101', 5], ['0B101', 5], ['-0b101', -5], ['-0B101', -5], ['+0b101', 5], ['0b', '0b'], ['0b2', '0b2'], ['0b12', '0b12'], ['10b1', '10b1'],
  // underscores are removed first, wherever they are, but a scalar must start with a sign or digit
  ['1_000', 1000], ['1__000', 1000], ['1000_', 1000], ['1_', 1], ['-1_0', -10], ['-_1', -1], ['0x_1F', 31], ['0b_1', 1], ['0b1_0', 2], ['0_17', 15], ['0x_', '0x_'],
  ['_1000', '_1000'], ['_', '_'],
  // not integers, not floats
  ['0a1', '0a1'], ['1a', '1a'], ['9z', '9z'], ['+', '+'], ['-a', '-a'], ['+a', '+a'],
];

/** The edges of int64, uint64 and exact JavaScript numbers. */
const INTEGER_RANGE: readonly Row[] = [
  ['9007199254740991', 9007199254740991], ['-9007199254740991', -9007199254740991],
  ['9007199254740992', 9007199254740992n], ['-9007199254740992', -9007199254740992n],
  ['9007199254740993', 9007199254740993n], ['-9007199254740993', -9007199254740993n],
  ['123456789012', 123456789012],
  ['9223372036854775807', 9223372036854775807n], ['0x7FFFFFFFFFFFFFFF', 9223372036854775807n],
  ['-9223372036854775808', -9223372036854775808n], ['-0x8000000000000000', -9223372036854775808n],
  [`-0b1${zeros(63)}`, -9223372036854775808n],
  // beyond int64: uint64
  ['9223372036854775808', 9223372036854775808n], ['18446744073709551615', 18446744073709551615n],
  ['0xFFFFFFFFFFFFFFFF', 18446744073709551615n], ['01777777777777777777777', 18446744073709551615n],
  ['0o1777777777777777777777', 18446744073709551615n], [`0b${ones(64)}`, 18446744073709551615n],
  // beyond uint64 (or below int64): a float when the float regexp takes it, else a string
  ['18446744073709551616', 18446744073709551616], ['-9223372036854775809', -9223372036854775809],
  ['02000000000000000000000', 2e21],
  ['0x10000000000000000', '0x10000000000000000'], ['-0x8000000000000001', '-0x8000000000000001'],
];

/** yamlStyleFloat (an exponent needs a sign) and strconv.ParseFloat. */
const FLOATS: readonly Row[] = [
  ['0.5', 0.5], ['0.0', 0], ['1.0', 1], ['-1.0', -1], ['+1.5', 1.5], ['3.14159265358979', 3.14159265358979],
  ['1.5e+3', 1500], ['1.5E+3', 1500], ['1e+3', 1000], ['1e-3', 0.001],
  ['1e3', '1e3'], ['1.5e3', '1.5e3'], ['1.', '1.'], ['1.2.3', '1.2.3'],
  // a leading zero that is not octal: not an integer, but a float
  ['08', 8], ['09', 9], ['091', 91],
  // underscores go before the float is read too
  ['1.5_0', 1.5], ['1_0.5', 10.5], ['1e+3_0', 1e30], ['1_000.5e+1_0', 10005000000000],
  // out of float64's range: a string; below its precision: zero
  ['1.5e+999', '1.5e+999'], ['-1.5e+999', '-1.5e+999'], ['1e+400', '1e+400'], ['1.5e999', '1.5e999'], ['1.5e-999', 0],
  // Go float syntax yaml.v2 does not take from a scalar
  ['0x1p-2', '0x1p-2'], ['nan', 'nan'], ['inf', 'inf'], ['-inf', '-inf'], ['+inf', '+inf'], ['Infinity', 'Infinity'], ['-Infinity', '-Infinity'],
];

/** A scalar starting with `.` goes straight to strconv.ParseFloat: the exponent's sign is optional there. */
const DOT_FLOATS: readonly Row[] = [
  ['.5', 0.5], ['.25', 0.25], ['.5e+3', 500], ['.5E+3', 500], ['.5e3', 500], ['.5E3', 500], ['.5e-3', 0.0005], ['.5e10', 5e9],
  ['.5e', '.5e'], ['.e3', '.e3'], ['.', '.'], ['..5', '..5'], ['.5.', '.5.'], ['._5', '._5'], ['.5x', '.5x'],
  ['.5e999', '.5e999'], ['.5e-999', 0],
  // signed: the 'S' hint, so the float regexp
  ['-.5', -0.5], ['+.5', 0.5],
  // strconv.ParseFloat(".5 ", 64) is an error: a string
  ['.5 ', '.5 '],
];

/** What YAML 1.1 has and yaml.v2 left as text when decoding into interface{}. */
const STRINGS: readonly Row[] = [
  ['2019-10-30', '2019-10-30'], ['2019-10-30T12:00:00Z', '2019-10-30T12:00:00Z'], ['2001-12-14 21:59:43.10 -5', '2001-12-14 21:59:43.10 -5'],
  ['12:30', '12:30'], ['1:20:00', '1:20:00'], ['190:20:30.15', '190:20:30.15'],
  ['abc', 'abc'], ['<<', '<<'], ['.nAn', '.nAn'],
];

describe('resolvePlain: yaml.v2 resolve() of a plain scalar, as JSON', () => {
  it.each(BOOLS_AND_NULLS)('bool/null %p', (text, expected) => expect(resolvePlain(text)).toStrictEqual(expected));
  it.each(INTEGERS)('integer %p', (text, expected) => expect(resolvePlain(text)).toStrictEqual(expected));
  it.each(INTEGER_RANGE)('range %p', (text, expected) => expect(resolvePlain(text)).toStrictEqual(expected));
  it.each(FLOATS)('float %p', (text, expected) => expect(resolvePlain(text)).toStrictEqual(expected));
  it.each(DOT_FLOATS)('dot float %p', (text, expected) => expect(resolvePlain(text)).toStrictEqual(expected));
  it.each(STRINGS)('string %p', (text, expected) => expect(resolvePlain(text)).toStrictEqual(expected));

  // .nan and the infinities are Go floats: where a string field takes them
  // sigs.k8s.io/yaml writes "+Inf"/"NaN", anywhere else encoding/json
  // refuses the document ("json: unsupported value: NaN"); the reader keeps
  // the float and the decoder decides.
  it.each([
    ['.nan', NaN], ['.NaN', NaN], ['.NAN', NaN],
    ['.inf', Infinity], ['.Inf', Infinity], ['.INF', Infinity], ['+.inf', Infinity], ['+.Inf', Infinity], ['+.INF', Infinity],
    ['-.inf', -Infinity], ['-.Inf', -Infinity], ['-.INF', -Infinity],
  ])('%s is the float %p', (text, value) => {
    expect(resolvePlain(text)).toBe(value);
  });

  // yaml.v2's last resort for a text starting 0b: strconv.ParseInt of the
  // rest in base 2 (a sign allowed), else ParseUint; -0b: the negated rest.
  // Beyond 64 bits the text stays a string.
  it.each([
    ['0b-11', -3], ['0b+11', 3], ['-0b+11', '-0b+11'],
    [`0b1${'0'.repeat(64)}`, `0b1${'0'.repeat(64)}`],
    [`-0b1${'0'.repeat(63)}`, -(2n ** 63n)],
    [`-0b1${'0'.repeat(64)}`, `-0b1${'0'.repeat(64)}`],
  ])('binary %s -> %p', (text, value) => {
    expect(resolvePlain(text)).toStrictEqual(value);
  });

  // strconv.ParseFloat on a text starting with a dot takes underscores
  // between digits.
  it.each([['.5_0', 0.5], ['.0_7', 0.07], ['.5e1_0', 0.5e10], ['._5', '._5'], ['.5_', '.5_'], ['.5__0', '.5__0'], ['.5e_1', '.5e_1']])('dot float %s -> %p', (text, value) => {
    expect(resolvePlain(text)).toStrictEqual(value);
  });
});

describe('scalars inside a document', () => {
  const valueOf = (scalar: string): unknown => {
    const r = parseDocuments(`v: ${scalar}\n`, 't.yaml');
    if (E.isLeft(r)) throw new Error(r.left.message);
    return (r.right[0] as { v: unknown }).v;
  };

  it.each([
    ['!!int "12"', 12], ['!!float "1.5"', 1.5], ['!!float "1"', 1], ['!!bool "yes"', true], ['!!null "~"', null], ['!!null ""', null],
    ['!!str 12', '12'], ['!<!!str> 12', '12'], ['!<tag:yaml.org,2002:str> 12', '12'], ['!!str yes', 'yes'],
    ['"12"', '12'], ["'yes'", 'yes'], ['|\n  12\n', '12\n'], ['>\n  yes\n', 'yes\n'],
  ])('v: %s', (scalar, expected) => {
    expect(valueOf(scalar)).toStrictEqual(expected);
  });

  it.each([
    // sigs.k8s.io/yaml: strconv.Itoa of an int key, "true"/"false" of a bool key
    ['9223372036854775807: x', { '9223372036854775807': 'x' }],
    ['0x1F: x', { '31': 'x' }],
    ['-0: x', { '0': 'x' }],
    ['1.5: x', { '1.5': 'x' }],
    ['no: x', { false: 'x' }],
    ['On: x', { true: 'x' }],
    ['"no": x', { no: 'x' }],
    // a quoted << is an ordinary key (decode.go isMerge needs an implicit scalar)
    ['"<<": x', { '<<': 'x' }],
    ["'<<': {a: 1}", { '<<': { a: 1 } }],
  ])('%s', (text, expected) => {
    expect(parseDocuments(`${text}\n`, 't.yaml')).toStrictEqual(E.right([expected]));
  });

  it('a sequence of merged maps: the first one that sets a key wins', () => {
    // "y" is a bool key: "true"
    const r = parseDocuments('a: &a {x: 1, y: 1}\nb: &b {x: 2, z: 2}\nm:\n  <<: [*a, *b]\n', 't.yaml');
    expect(E.isRight(r) && r.right[0]).toStrictEqual({ a: { x: 1, true: 1 }, b: { x: 2, z: 2 }, m: { x: 1, true: 1, z: 2 } });
  });

  it('maps are ordinary data, as JSON.parse makes them', () => {
    const r = parseDocuments('__proto__: {a: 1}\nb: 2\n', 't.yaml');
    if (E.isLeft(r)) throw new Error(r.left.message);
    const v = r.right[0] as Record<string, unknown>;
    const json = JSON.parse('{"__proto__":{"a":1},"b":2}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__', 'b']);
    expect(Object.getOwnPropertyDescriptor(v, '__proto__')).toEqual(Object.getOwnPropertyDescriptor(json, '__proto__'));
    expect(Object.getOwnPropertyDescriptor(v, 'b')).toEqual(Object.getOwnPropertyDescriptor(json, 'b'));
    delete v.b;
    v.c = 3;
    expect(v).toStrictEqual(JSON.parse('{"__proto__":{"a":1},"c":3}'));
  });
});

describe('toGoJson', () => {
  const doc = (text: string): Document => parseDocument(text, { schema: 'failsafe', version: '1.1', uniqueKeys: false });

  it('resolves exactly maxAliases aliases, and refuses one more', () => {
    const d = doc('a: &a [1]\nb: [*a, *a, *a]\n');
    expect(toGoJson(d, { maxAliases: 3 })).toStrictEqual({ value: { a: [1], b: [[1], [1], [1]] } });
    expect(toGoJson(d, { maxAliases: 2 })).toStrictEqual({ error: 'too many aliases (raise the limit with --max-aliases)' });
  });

  it('counts an alias inside an aliased node each time it is expanded', () => {
    const d = doc('a: &a x\nb: &b [*a, *a]\nc: [*b, *b]\n');
    // b: 2, c: 2 + 2 x 2
    expect(toGoJson(d, { maxAliases: 8 })).toStrictEqual({ value: { a: 'x', b: ['x', 'x'], c: [['x', 'x'], ['x', 'x']] } });
    expect('error' in toGoJson(d, { maxAliases: 7 })).toBe(true);
  });

  it('refuses an alias to a node that contains it (yaml.v2: "anchor \'a\' value contains itself")', () => {
    const r = toGoJson(doc('a: &a [*a]\n'), { maxAliases: 1000 });
    expect('error' in r && r.error).toMatch(/^an alias refers to a node that contains it/);
  });

  it('resolves an alias to a scalar as the scalar', () => {
    expect(toGoJson(doc('a: &a 5\nb: *a\nc: &c yes\nd: *c\n'), { maxAliases: 2 })).toStrictEqual({ value: { a: 5, b: 5, c: true, d: true } });
  });

  it('an empty document is null', () => {
    expect(toGoJson(doc(''), { maxAliases: 0 })).toStrictEqual({ value: null });
  });

  it('lets other failures through instead of blaming the alias limit', () => {
    const broken = {
      get contents(): unknown {
        throw new RangeError('boom');
      },
    } as unknown as Document;
    expect(() => toGoJson(broken, { maxAliases: 10 })).toThrow('boom');
  });
});
