import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import {
  defineField,
  formatGoFloat32,
  goString,
  goTextOnly,
  int,
  int32,
  intOrString,
  listOf,
  mapOf,
  nullReadsAs,
  NullReads,
  omitZero,
  printZero,
  stringMap,
  struct,
} from '../../src/model/struct';
import { bytesCodec, timeCodec } from '../../src/model/core';
import { errors, right } from '../helpers/validation';

/** A codec that decodes a string to its upper case and encodes to lower case, to see which codec ran. */
const upper = new t.Type<string, string, unknown>(
  'Upper',
  (u): u is string => typeof u === 'string' && u === u.toUpperCase(),
  (u, c) => (typeof u === 'string' ? t.success(u.toUpperCase()) : t.failure(u, c, 'expected text')),
  (a) => a.toLowerCase(),
);

describe('struct', () => {
  const EnvVar = struct('EnvVar', { name: goString, value: goString, n: int });

  it('decodes the declared fields in declaration order and drops unknown ones', () => {
    const decoded = right(EnvVar.decode({ extra: 1, value: 'x', name: 'A', n: 3 }));
    expect(decoded).toStrictEqual({ name: 'A', value: 'x', n: 3 });
    expect(Object.keys(decoded)).toStrictEqual(['name', 'value', 'n']);
  });

  it('matches field names exactly (Go matched case-insensitively, Kubernetes JSON is lower camel case)', () => {
    expect(right(EnvVar.decode({ Name: 'A', VALUE: 'x' }))).toStrictEqual({});
  });

  it('reads null and undefined fields as absent', () => {
    expect(right(EnvVar.decode({ name: null, value: undefined, n: null }))).toStrictEqual({});
  });

  it('drops a field whose name is "undefined" unless declared', () => {
    expect(right(EnvVar.decode({ undefined: 5, name: 'A' }))).toStrictEqual({ name: 'A' });
    const encoded = EnvVar.encode({ name: 'A', undefined: 5 } as never);
    expect(encoded).toStrictEqual({ name: 'A' });
  });

  it('does not read inherited properties as fields', () => {
    const u = Object.create({ name: 'inherited' }) as Record<string, unknown>;
    u['value'] = 'own';
    expect(right(EnvVar.decode(u))).toStrictEqual({ value: 'own' });
  });

  it('rejects what is not an object, naming the struct', () => {
    for (const bad of ['x', 5, true, null, [], [{ name: 'A' }]]) {
      expect(errors(EnvVar.decode(bad))).toStrictEqual([': expected an object (EnvVar)']);
    }
  });

  it('reports every bad field with its path', () => {
    const Outer = struct('Outer', { env: listOf(EnvVar), one: EnvVar, last: goString });
    expect(errors(Outer.decode({ env: [{ name: 1 }, { n: 1.5 }], one: 'x', last: 2 }))).toStrictEqual([
      'env.0.name: (no message)',
      'env.1.n: expected an integer',
      'one: expected an object (EnvVar)',
      'last: (no message)',
    ]);
  });

  it('decodes and encodes each field with its own codec', () => {
    const S = struct('S', { a: upper, b: goString });
    expect(right(S.decode({ b: 'x', a: 'x' }))).toStrictEqual({ a: 'X', b: 'x' });
    const encoded = S.encode({ b: 'Y', a: 'Y' });
    expect(encoded).toStrictEqual({ a: 'y', b: 'Y' });
    expect(Object.keys(encoded)).toStrictEqual(['a', 'b']);
    expect(S.encode({})).toStrictEqual({});
  });

  it('keeps props and embedded for introspection', () => {
    expect(Object.keys(EnvVar.props)).toStrictEqual(['name', 'value', 'n']);
    expect(EnvVar.embedded).toStrictEqual({});
    const embedded = { name: goString };
    expect(struct('Step', { name: goString }, embedded).embedded).toBe(embedded);
    expect(EnvVar.name).toBe('EnvVar');
  });

  it('is() checks every present field', () => {
    expect(EnvVar.is({})).toBe(true);
    expect(EnvVar.is({ name: 'A', n: 3, other: {} })).toBe(true);
    expect(EnvVar.is({ name: undefined })).toBe(true);
    expect(EnvVar.is({ name: 5 })).toBe(false);
    expect(EnvVar.is({ name: 'A', n: 1.5 })).toBe(false);
    expect(EnvVar.is({ n: 'x', name: 'A' })).toBe(false);
    expect(EnvVar.is(null)).toBe(false);
    expect(EnvVar.is([])).toBe(false);
    expect(EnvVar.is('A')).toBe(false);
    const inherited = Object.create({ name: 5 }) as object;
    expect(EnvVar.is(inherited)).toBe(true);
  });
});

describe('omitZero and printZero', () => {
  const Mount = struct('VolumeMount', { name: goString, readOnly: omitZero(t.boolean), depth: omitZero(int) });
  const Port = struct('ContainerPort', { name: goString, containerPort: printZero(int32), hostIP: printZero(goString, '') });

  it('know Go zero values of booleans and integers', () => {
    expect([omitZero(t.boolean).rule, omitZero(t.boolean).zero]).toStrictEqual(['omit', false]);
    expect([printZero(t.boolean).rule, printZero(t.boolean).zero]).toStrictEqual(['print', false]);
    expect([omitZero(int).rule, omitZero(int).zero]).toStrictEqual(['omit', 0]);
    expect([printZero(int).rule, printZero(int).zero]).toStrictEqual(['print', 0]);
    expect(printZero(int32 as typeof int).zero).toBe(0);
    expect(omitZero(t.boolean).codec).toBe(t.boolean);
  });

  it('take a given zero, and refuse a codec whose zero they do not know', () => {
    expect(omitZero(goString, '').zero).toBe('');
    expect(printZero(intOrString, 0).zero).toBe(0);
    expect(omitZero(int, 7 as number).zero).toBe(7);
    expect(printZero(t.boolean, true).zero).toBe(true);
    expect(() => omitZero(goString as unknown as t.BooleanC)).toThrow('no zero value known for string: pass it');
    expect(() => printZero(goString as unknown as t.BooleanC)).toThrow('no zero value known for string: pass it');
  });

  it('on their own decode and encode as their codec', () => {
    const f = omitZero(upper, '');
    expect(f.name).toBe('Upper');
    expect(f.decode('a')).toStrictEqual(E.right('A'));
    expect(errors(f.decode(3))).toStrictEqual([': expected text']);
    expect(f.encode('B')).toBe('b');
    expect(f.is('B')).toBe(true);
    expect(f.is('b')).toBe(false);
    expect(omitZero(t.boolean).encode(true)).toBe(true);
    expect(printZero(t.boolean).encode(false)).toBe(false);
  });

  it('omitZero drops the zero on decode and on encode', () => {
    expect(right(Mount.decode({ name: 'v', readOnly: false, depth: 0 }))).toStrictEqual({ name: 'v' });
    expect(right(Mount.decode({ name: 'v', readOnly: true, depth: 2 }))).toStrictEqual({ name: 'v', readOnly: true, depth: 2 });
    expect(Mount.encode({ name: 'v', readOnly: false, depth: 0 })).toStrictEqual({ name: 'v' });
    expect(Mount.encode({ readOnly: true, depth: 1 })).toStrictEqual({ readOnly: true, depth: 1 });
    expect(Mount.encode({})).toStrictEqual({});
  });

  it('printZero fills the zero in for an absent or null field, on decode and on encode', () => {
    const decoded = right(Port.decode({ name: 'http' }));
    expect(decoded).toStrictEqual({ name: 'http', containerPort: 0, hostIP: '' });
    expect(Object.keys(decoded)).toStrictEqual(['name', 'containerPort', 'hostIP']);
    expect(right(Port.decode({ containerPort: null }))).toStrictEqual({ containerPort: 0, hostIP: '' });
    expect(right(Port.decode({ containerPort: 0, hostIP: '' }))).toStrictEqual({ containerPort: 0, hostIP: '' });
    expect(right(Port.decode({ containerPort: 8080 }))).toStrictEqual({ containerPort: 8080, hostIP: '' });
    expect(Port.encode({})).toStrictEqual({ containerPort: 0, hostIP: '' });
    expect(Port.encode({ hostIP: '10.0.0.1', name: 'x' })).toStrictEqual({ name: 'x', containerPort: 0, hostIP: '10.0.0.1' });
  });

  it('still validate a given value', () => {
    expect(errors(Port.decode({ containerPort: 2 ** 31 }))).toStrictEqual([
      'containerPort: expected an integer from -2^31 to 2^31 - 1 (int32), got 2147483648',
    ]);
    expect(errors(Mount.decode({ readOnly: 'false' }))).toStrictEqual(['readOnly: (no message)']);
  });

  it('encode through the field codec, zero included', () => {
    const S = struct('S', { a: printZero(upper, 'Z'), b: omitZero(upper, 'X') });
    expect(S.encode({})).toStrictEqual({ a: 'z' });
    expect(S.encode({ a: 'A', b: 'X' })).toStrictEqual({ a: 'a' });
    expect(S.encode({ b: 'B' })).toStrictEqual({ a: 'z', b: 'b' });
    // Decoding compares the decoded value with the zero.
    expect(right(S.decode({ b: 'x' }))).toStrictEqual({ a: 'Z' });
    expect(right(S.decode({ a: 'q', b: 'y' }))).toStrictEqual({ a: 'Q', b: 'Y' });
  });

  it('a codec that decodes to undefined leaves the field out', () => {
    const gone = new t.Type<undefined, undefined, unknown>('Gone', (u): u is undefined => u === undefined, () => t.success(undefined), () => undefined);
    const S = struct('S', { a: gone, b: goString });
    const decoded = right(S.decode({ a: 'anything', b: 'x' }));
    expect(decoded).toStrictEqual({ b: 'x' });
    expect('a' in decoded).toBe(false);
  });
});

describe('defineField', () => {
  it('makes __proto__ an own, enumerable, writable, deletable property', () => {
    const o: Record<string, unknown> = {};
    defineField(o, '__proto__', 'x');
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(Object.keys(o)).toStrictEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(o, '__proto__')).toStrictEqual({ value: 'x', enumerable: true, writable: true, configurable: true });
    o['__proto__'] = 'y';
    expect(Object.getOwnPropertyDescriptor(o, '__proto__')!.value).toBe('y');
    delete o['__proto__'];
    expect(Object.keys(o)).toStrictEqual([]);
  });

  it('assigns other keys plainly', () => {
    const o: Record<string, unknown> = {};
    defineField(o, 'a', 1);
    defineField(o, 'constructor', 2);
    expect(o).toStrictEqual({ a: 1, constructor: 2 });
  });
});

describe('mapOf', () => {
  it('keeps the input key order on decode', () => {
    const m = right(mapOf(goString).decode({ b: '2', a: '1', C: '3' }));
    expect(Object.keys(m)).toStrictEqual(['b', 'a', 'C']);
  });

  it('sorts keys byte-wise on encode, as Go did', () => {
    expect(Object.keys(stringMap.encode({ b: '2', a: '1', B: '0', _: '' }))).toStrictEqual(['B', '_', 'a', 'b']);
    // UTF-16 order puts a surrogate pair (U+1F600) before U+FF21; UTF-8 bytes (F0... > EF...) do not.
    const encoded = stringMap.encode({ '\u{1F600}': 'smile', '\uFF21': 'fullwidth A', z: 'ascii', é: 'e acute' });
    expect(Object.keys(encoded)).toStrictEqual(['z', 'é', '\uFF21', '\u{1F600}']);
    expect(encoded).toStrictEqual({ z: 'ascii', é: 'e acute', '\uFF21': 'fullwidth A', '\u{1F600}': 'smile' });
    expect(Object.keys(stringMap.encode({ '\u{1F600}': '', '\uFF21': '' }))).toStrictEqual(['\uFF21', '\u{1F600}']);
  });

  it('encodes each value with its codec', () => {
    expect(mapOf(upper).encode({ k: 'V', a: 'W' })).toStrictEqual({ a: 'w', k: 'v' });
    expect(mapOf(upper).decode({ k: 'v' })).toStrictEqual(E.right({ k: 'V' }));
  });

  it('without a zero, leaves out null (and undefined) entries', () => {
    expect(right(mapOf(goString).decode({ a: null, b: 'x', c: undefined }))).toStrictEqual({ b: 'x' });
  });

  it('with a zero, keeps a null entry as the zero, as Go did', () => {
    const m = right(stringMap.decode({ app: 'web', team: null }));
    expect(m).toStrictEqual({ app: 'web', team: '' });
    expect(Object.keys(m)).toStrictEqual(['app', 'team']);
    expect(right(mapOf(int, 'map[string]int', 0).decode({ n: null }))).toStrictEqual({ n: 0 });
  });

  it('treats __proto__ as an ordinary key', () => {
    const u = JSON.parse('{"__proto__": "evil", "a": "b"}') as unknown;
    const m = right(stringMap.decode(u));
    expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
    expect(Object.keys(m)).toStrictEqual(['__proto__', 'a']);
    expect(Object.getOwnPropertyDescriptor(m, '__proto__')!.value).toBe('evil');
    const encoded = stringMap.encode(m);
    expect(Object.getPrototypeOf(encoded)).toBe(Object.prototype);
    expect(Object.keys(encoded)).toStrictEqual(['__proto__', 'a']);
  });

  it('names itself after its values unless told, and reports bad values by key', () => {
    expect(mapOf(int).name).toBe('map[string]int');
    expect(mapOf(goString, 'Labels').name).toBe('Labels');
    expect(errors(mapOf(int).decode('x'))).toStrictEqual([': expected an object (map[string]int)']);
    expect(errors(mapOf(int).decode([1]))).toStrictEqual([': expected an object (map[string]int)']);
    expect(errors(stringMap.decode(null))).toStrictEqual([': expected an object (map[string]string)']);
    expect(errors(mapOf(int).decode({ a: 1, b: 1.5, c: 'x' }))).toStrictEqual(['b: expected an integer', 'c: expected an integer']);
  });

  it('keeps its codomain', () => {
    expect(mapOf(int).codomain).toBe(int);
    expect(stringMap.codomain).toBe(goString);
  });

  it('is() checks every value', () => {
    expect(stringMap.is({ a: 'x' })).toBe(true);
    expect(stringMap.is({})).toBe(true);
    expect(stringMap.is({ a: 'x', b: 1 })).toBe(false);
    expect(stringMap.is(null)).toBe(false);
    expect(stringMap.is(['x'])).toBe(false);
    expect(stringMap.is('x')).toBe(false);
  });
});

describe('listOf', () => {
  it('decodes arrays element by element', () => {
    expect(listOf(upper).decode(['a', 'b'])).toStrictEqual(E.right(['A', 'B']));
    expect(listOf(goString).decode([])).toStrictEqual(E.right([]));
    expect(errors(listOf(int).decode([1, 'x', 2.5]))).toStrictEqual(['1: expected an integer', '2: expected an integer']);
    expect(E.isLeft(listOf(goString).decode('a'))).toBe(true);
    expect(E.isLeft(listOf(goString).decode({ 0: 'a' }))).toBe(true);
    expect(listOf(upper).encode(['A'])).toStrictEqual(['a']);
  });
});

describe('int (Go int64, exact to 2^53)', () => {
  it('takes safe integers', () => {
    for (const n of [0, -1, 42, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, -0]) {
      expect(int.decode(n)).toStrictEqual(E.right(n));
      expect(int.is(n)).toBe(true);
    }
    expect(int.encode(5)).toBe(5);
  });

  it('says why it refuses a value', () => {
    expect(errors(int.decode(2 ** 53))).toStrictEqual([': expected an integer within ±2^53, got 9007199254740992']);
    expect(errors(int.decode(-(2 ** 53)))).toStrictEqual([': expected an integer within ±2^53, got -9007199254740992']);
    expect(errors(int.decode(1e300))).toStrictEqual([`: expected an integer within ±2^53, got ${1e300}`]);
    expect(errors(int.decode(2n ** 63n - 1n))).toStrictEqual([
      ': expected an integer within ±2^53, got 9223372036854775807 (taskpod holds integers exactly only up to 2^53; docs/deviations.md)',
    ]);
    for (const bad of [1.5, '3', NaN, Infinity, -Infinity, null, true, [1]]) {
      expect(errors(int.decode(bad))).toStrictEqual([': expected an integer']);
    }
  });

  it('is() refuses what decode refuses', () => {
    for (const bad of [1.5, '3', 2 ** 53, NaN, Infinity, null, undefined, 3n]) expect(int.is(bad)).toBe(false);
  });
});

describe('int32', () => {
  it('takes -2^31 to 2^31 - 1', () => {
    for (const n of [0, 8080, -2147483648, 2147483647, 0o644]) {
      expect(int32.decode(n)).toStrictEqual(E.right(n));
      expect(int32.is(n)).toBe(true);
    }
    expect(int32.encode(-3)).toBe(-3);
  });

  it('refuses anything beyond, as Go did', () => {
    expect(errors(int32.decode(2147483648))).toStrictEqual([': expected an integer from -2^31 to 2^31 - 1 (int32), got 2147483648']);
    expect(errors(int32.decode(-2147483649))).toStrictEqual([': expected an integer from -2^31 to 2^31 - 1 (int32), got -2147483649']);
    expect(errors(int32.decode(2n ** 40n))).toStrictEqual([
      ': expected an integer from -2^31 to 2^31 - 1 (int32), got 1099511627776 (taskpod holds integers exactly only up to 2^53; docs/deviations.md)',
    ]);
    for (const bad of [0.5, '80', NaN, Infinity, false, null]) {
      expect(errors(int32.decode(bad))).toStrictEqual([': expected an integer']);
    }
    for (const bad of [2147483648, -2147483649, 0.5, '80', NaN, Infinity, -Infinity, null]) expect(int32.is(bad)).toBe(false);
  });
});

describe('intOrString', () => {
  it('takes an int32 or a string, kept as given', () => {
    expect(intOrString.name).toBe('IntOrString');
    expect(intOrString.decode('http')).toStrictEqual(E.right('http'));
    expect(intOrString.decode('8080')).toStrictEqual(E.right('8080'));
    expect(intOrString.decode(8080)).toStrictEqual(E.right(8080));
    expect(intOrString.decode('')).toStrictEqual(E.right(''));
    for (const bad of [1.5, 2 ** 31, true, null, {}]) expect(E.isLeft(intOrString.decode(bad))).toBe(true);
  });
});

describe('formatGoFloat32 (strconv.FormatFloat(x, \'g\', -1, 32))', () => {
  // Each answer is Go's (go1.19 strconv.FormatFloat(float64(float32(x)), 'g', -1, 32)).
  const cases: readonly [number, string][] = [
    [1e6, '1e+06'],
    [999999, '999999'],
    [123456, '123456'],
    [1234567, '1.234567e+06'],
    [123456789, '1.2345679e+08'],
    [1e7, '1e+07'],
    [1e10, '1e+10'],
    [1e21, '1e+21'],
    [100, '100'],
    [120, '120'],
    [1.5, '1.5'],
    [-2.5, '-2.5'],
    [0.5, '0.5'],
    [0.1, '0.1'],
    [12345.678, '12345.678'],
    [0.0001, '0.0001'],
    [0.000123456, '0.000123456'],
    [-0.00012, '-0.00012'],
    [0.00001, '1e-05'],
    [1.5e-5, '1.5e-05'],
    [1.1e-7, '1.1e-07'],
    [1e-10, '1e-10'],
    [1e-40, '1e-40'],
    [16777217, '1.6777216e+07'],
    [10.015202522277832, '10.0152025'],
    [-10.015202522277832, '-10.0152025'],
    [3.4028235e38, '3.4028235e+38'],
    [1e39, '+Inf'],
    [-1e39, '-Inf'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
    [NaN, 'NaN'],
    [0, '0'],
    [-0, '-0'],
    [1e-46, '0'],
    [-1e-46, '-0'],
  ];
  it.each(cases)('%p prints as %p', (x, text) => {
    expect(formatGoFloat32(x)).toBe(text);
  });
});

describe('nullReadsAs', () => {
  it('marks a codec with the value Go read null as, leaving the codec alone', () => {
    const ArrayOrString = t.union([goString, listOf(goString)], 'ArrayOrString');
    const marked = nullReadsAs(ArrayOrString, []);
    expect((marked as NullReads<typeof ArrayOrString>).goNull).toStrictEqual([]);
    expect(marked).toBeInstanceOf(t.UnionType);
    expect(marked.name).toBe('ArrayOrString');
    expect(marked.types).toBe(ArrayOrString.types);
    expect(marked.decode('x')).toStrictEqual(E.right('x'));
    expect(marked.decode(['a'])).toStrictEqual(E.right(['a']));
    expect(E.isLeft(marked.decode(3))).toBe(true);
    expect('goNull' in ArrayOrString).toBe(false);
    expect(marked).not.toBe(ArrayOrString);
  });
});

describe('goTextOnly', () => {
  it('reads only a JSON string', () => {
    const Duration = goTextOnly('Duration');
    expect(Duration.name).toBe('Duration');
    expect(Duration.decode('1h30m')).toStrictEqual(E.right('1h30m'));
    expect(Duration.encode('5s')).toBe('5s');
    expect(errors(Duration.decode(5))).toStrictEqual([": expected a string (Go's Duration reads only a JSON string)"]);
    expect(errors(Duration.decode(null))).toStrictEqual([": expected a string (Go's Duration reads only a JSON string)"]);
    expect(Duration.is('5s')).toBe(true);
    expect(Duration.is(5)).toBe(false);
  });
});

describe('timeCodec (metav1.Time) as Go 1.13 parsed and printed it', () => {
  // Each answer is Go's time.Parse(time.RFC3339, s).UTC().Format(time.RFC3339).
  const cases: readonly [string, string][] = [
    ['2100-03-01T00:30:00+01:00', '2100-02-28T23:30:00Z'],
    ['2000-03-01T00:30:00+01:00', '2000-02-29T23:30:00Z'],
    ['2000-03-01T00:00:00+00:01', '2000-02-29T23:59:00Z'],
    ['2000-02-29T23:59:00-00:01', '2000-03-01T00:00:00Z'],
    ['1900-02-28T23:59:59-00:30', '1900-03-01T00:29:59Z'],
    ['2019-10-30T10:00:00+05:45', '2019-10-30T04:15:00Z'],
    ['2019-10-30T01:02:03+10:30', '2019-10-29T14:32:03Z'],
    ['2019-10-30T10:00:00-00:59', '2019-10-30T10:59:00Z'],
    ['0000-01-01T00:30:00+01:00', '-0001-12-31T23:30:00Z'],
    ['0000-03-01T00:00:00Z', '0000-03-01T00:00:00Z'],
    ['0000-02-29T00:00:00Z', '0000-02-29T00:00:00Z'],
    ['2400-02-29T12:00:00Z', '2400-02-29T12:00:00Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00Z'],
    ['1999-12-31T23:00:00-01:00', '2000-01-01T00:00:00Z'],
    ['2001-03-01T00:00:00+00:01', '2001-02-28T23:59:00Z'],
    ['2099-03-01T00:00:00+00:01', '2099-02-28T23:59:00Z'],
    ['2300-03-01T00:00:00+00:01', '2300-02-28T23:59:00Z'],
    ['0999-06-15T12:00:00Z', '0999-06-15T12:00:00Z'],
    ['2019-10-30T00:59:59Z', '2019-10-30T00:59:59Z'],
    ['2019-04-30T00:00:00Z', '2019-04-30T00:00:00Z'],
    ['2019-12-01T00:00:00Z', '2019-12-01T00:00:00Z'],
    ['2019-01-01T00:00:00Z', '2019-01-01T00:00:00Z'],
    ['1969-12-31T23:59:59Z', '1969-12-31T23:59:59Z'],
  ];
  it.each(cases)('%p reads as %p', (text, canonical) => {
    expect(timeCodec.decode(text)).toStrictEqual(E.right(canonical));
    // Go printed a year before 1 with a sign, which its own RFC 3339 parser then refused.
    expect(timeCodec.is(canonical)).toBe(!canonical.startsWith('-'));
  });

  it('refuses a signed year, as Go\'s parser did', () => {
    expect(errors(timeCodec.decode('-0001-12-31T23:30:00Z'))).toStrictEqual([': invalid RFC 3339 time "-0001-12-31T23:30:00Z"']);
  });

  it('refuses impossible dates and times', () => {
    for (const bad of [
      '1900-02-29T00:00:00Z',
      '2100-02-29T00:00:00Z',
      '2019-04-31T00:00:00Z',
      '2019-00-10T00:00:00Z',
      '2019-13-01T00:00:00Z',
      '2019-01-00T00:00:00Z',
      '2019-01-01T00:60:00Z',
      '2019-01-01T00:00:60Z',
    ]) {
      expect(errors(timeCodec.decode(bad))).toStrictEqual([`: invalid RFC 3339 time ${JSON.stringify(bad)}`]);
    }
    expect(errors(timeCodec.decode(1572429600))).toStrictEqual([': expected an RFC 3339 time string']);
    expect(errors(timeCodec.decode(null))).toStrictEqual([': expected an RFC 3339 time string']);
  });

  it('takes a Date, as typed clients hold timestamps, and prints whole UTC seconds', () => {
    expect(timeCodec.decode(new Date('2019-10-30T10:00:00.5Z'))).toStrictEqual(E.right('2019-10-30T10:00:00Z'));
    expect(timeCodec.decode(new Date('2019-10-30T10:00:07Z'))).toStrictEqual(E.right('2019-10-30T10:00:07Z'));
    expect(errors(timeCodec.decode(new Date(NaN)))).toStrictEqual([': invalid Date']);
    expect(timeCodec.encode(new Date('2019-10-30T12:00:00.123+02:00'))).toBe('2019-10-30T10:00:00Z');
    expect(timeCodec.encode(new Date('2019-10-30T10:00:00Z'))).toBe('2019-10-30T10:00:00Z');
    expect(timeCodec.encode('2019-10-30T10:00:00Z')).toBe('2019-10-30T10:00:00Z');
  });

  it('is() takes canonical text and valid Dates only', () => {
    expect(timeCodec.is('2019-10-30T10:00:00Z')).toBe(true);
    expect(timeCodec.is('2019-10-30T12:00:00+02:00')).toBe(false);
    expect(timeCodec.is('2019-10-30T10:00:00.5Z')).toBe(false);
    expect(timeCodec.is('yesterday')).toBe(false);
    expect(timeCodec.is(new Date('2019-10-30T10:00:00Z'))).toBe(true);
    expect(timeCodec.is(new Date(NaN))).toBe(false);
    expect(timeCodec.is(1572429600)).toBe(false);
    expect(timeCodec.is(null)).toBe(false);
  });
});

describe('bytesCodec (Go []byte)', () => {
  it('takes padded standard base64, ignoring CR and LF, kept as given', () => {
    for (const ok of ['', 'aGk=', 'aGVsbG8=', 'aGVsbA==', 'aGVs', 'aGk=\r\n', 'aG\nk=', 'a+/9']) {
      expect(bytesCodec.decode(ok)).toStrictEqual(E.right(ok));
      expect(bytesCodec.is(ok)).toBe(true);
    }
  });

  it('refuses anything else, as Go did', () => {
    for (const bad of ['aGk', 'not base64!', 'aGk=aGk=', 'a-_9', 'aG k=', 'aGk==']) {
      expect(errors(bytesCodec.decode(bad))).toStrictEqual([': expected a standard base64 string']);
      expect(bytesCodec.is(bad)).toBe(false);
    }
    expect(errors(bytesCodec.decode(5))).toStrictEqual([': expected a standard base64 string']);
    expect(bytesCodec.is(5)).toBe(false);
    expect(bytesCodec.is(null)).toBe(false);
  });
});
