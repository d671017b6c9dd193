// Expected values are what Go printed: strconv.FormatFloat(f, 'g', -1, 32)
// run with Go 1.19, and the resolution rules of gopkg.in/yaml.v2 as
// vendored by Tekton at 6c132b937e (resolve.go).
import * as E from 'fp-ts/Either';
import { resolvePlain } from '../../src/input/go-yaml';
import { parseDocuments } from '../../src/input/yaml';
import { formatGoFloat32, goString } from '../../src/model/struct';
import { asGoDecoded } from '../../src/input/go-json';
import { Pod } from '../../src/model/core';

describe('resolvePlain (gopkg.in/yaml.v2)', () => {
  it.each([
    ['yes', true], ['Y', true], ['on', true], ['True', true], ['n', false], ['OFF', false], ['no', false],
    ['~', null], ['null', null], ['', null],
    ['8080', 8080], ['-12', -12], ['0x1F', 31], ['017', 15], ['0o17', 15], ['1_000', 1000], ['0b101', 5],
    ['0.5', 0.5], ['.5', 0.5], ['1.5e+3', 1500], ['1e-3', 0.001],
    // an exponent without a sign is not a float to yaml.v2
    ['1e3', '1e3'], ['1.5e3', '1.5e3'],
    // timestamps and sexagesimal numbers stay text when decoded into untyped values
    ['2019-10-30', '2019-10-30'], ['12:30', '12:30'],
    ['abc', 'abc'], ['1.2.3', '1.2.3'],
  ])('%j -> %j', (text, expected) => {
    expect(resolvePlain(text)).toStrictEqual(expected);
  });

  it('keeps integers beyond 2^53 exact as bigint', () => {
    expect(resolvePlain('9223372036854775807')).toBe(9223372036854775807n);
  });
});

describe('formatGoFloat32 (strconv.FormatFloat(f, g, -1, 32))', () => {
  it.each([
    [1.5, '1.5'], [0.1, '0.1'], [3.14159265358979, '3.1415927'], [1234567.5, '1.2345675e+06'],
    [100000.5, '100000.5'], [1e-5, '1e-05'], [0.0001, '0.0001'], [2.5e10, '2.5e+10'],
    [1e21, '1e+21'], [-0.75, '-0.75'], [999999.9, '999999.9'],
  ])('%p -> %s', (f, expected) => {
    expect(formatGoFloat32(f)).toBe(expected);
  });
});

describe('a number or boolean in a Go string field (sigs.k8s.io/yaml)', () => {
  it.each([
    [8080, '8080'], [true, 'true'], [false, 'false'], [1.5, '1.5'], [9223372036854775807n, '9223372036854775807'], ['x', 'x'],
  ])('%p -> %s', (value, expected) => {
    expect(asGoDecoded({ metadata: { labels: { k: value } } }, Pod)).toStrictEqual({ metadata: { labels: { k: expected } } });
  });

  it('goString itself is strict: objects, lists and numbers are refused', () => {
    expect(E.isLeft(goString.decode({ a: 1 }))).toBe(true);
    expect(E.isLeft(goString.decode(['a']))).toBe(true);
    expect(E.isLeft(goString.decode(8080))).toBe(true);
  });
});

describe('parseDocuments reads scalars as Tekton did', () => {
  it('quoted scalars stay strings, plain ones resolve', () => {
    const docs = parseDocuments("a: '8080'\nb: 8080\nc: yes\nd: \"yes\"\ne: 1e3\nf: !!str 12\n", 't.yaml');
    expect(docs).toStrictEqual(E.right([{ a: '8080', b: 8080, c: true, d: 'yes', e: '1e3', f: '12' }]));
  });

  it('non-string keys become their text', () => {
    expect(parseDocuments('1: a\ntrue: b\n', 't.yaml')).toStrictEqual(E.right([{ '1': 'a', true: 'b' }]));
  });

  it('merge keys fill what the map does not set itself', () => {
    expect(parseDocuments('base: &b {p: 1, q: 2}\nm:\n  <<: *b\n  q: 3\n', 't.yaml')).toStrictEqual(E.right([{ base: { p: 1, q: 2 }, m: { q: 3, p: 1 } }]));
  });

  it('a key `y` is the boolean true, as yaml.v2 read it', () => {
    expect(parseDocuments('y: 1\n', 't.yaml')).toStrictEqual(E.right([{ true: 1 }]));
  });

  it('refuses a billion laughs instead of expanding it', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]`);
    const r = parseDocuments(lines.join('\n'), 'laughs.yaml');
    expect(E.isLeft(r) && r.left.message).toMatch(/alias/);
  });
});
