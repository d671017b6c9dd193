/**
 * input/yaml.ts: the limits README documents ("Input is capped at 16 MiB of
 * text (`--max-input-bytes N`) and 100 YAML aliases per document
 * (`--max-aliases N`): larger input is refused, not expanded"), and how a
 * refusal reads.
 */
import * as E from 'fp-ts/Either';
import { DEFAULT_LIMITS, parseDocuments } from '../../src/input/yaml';

const aliases = (n: number) => `a: &a x\nb: [${Array(n).fill('*a').join(', ')}]\n`;
const messageOf = (r: ReturnType<typeof parseDocuments>) => (E.isLeft(r) ? r.left.message : undefined);

describe('size limit', () => {
  it('is 16 MiB by default, and 100 aliases', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxBytes: 16 * 1024 * 1024, maxAliases: 100 });
  });

  it('takes a text of exactly the limit, refuses one byte more', () => {
    expect(parseDocuments('a: 1\n', 'x.yaml', { maxBytes: 5, maxAliases: 0 })).toStrictEqual(E.right([{ a: 1 }]));
    expect(parseDocuments('a: 1\n', 'x.yaml', { maxBytes: 4, maxAliases: 0 })).toStrictEqual(
      E.left({ _tag: 'InvalidInput', object: 'x.yaml', field: '', message: 'input is 5 bytes, over the limit of 4 (raise it with --max-input-bytes)' }),
    );
  });
});

describe('alias limit', () => {
  it('takes 100 aliases in a document by default, refuses 101, saying how many and how to raise it', () => {
    expect(E.isRight(parseDocuments(aliases(100), 'x.yaml'))).toBe(true);
    expect(parseDocuments(aliases(101), 'x.yaml')).toStrictEqual(
      E.left({ _tag: 'InvalidInput', object: 'x.yaml', field: '', message: 'has 101 YAML aliases, over the limit of 100 (raise the limit with --max-aliases)' }),
    );
  });

  it('counts the alias nodes written, even when expanding them would fit', () => {
    const limits = { maxBytes: 1000, maxAliases: 3 };
    expect(parseDocuments(aliases(3), 'x.yaml', limits)).toStrictEqual(E.right([{ a: 'x', b: ['x', 'x', 'x'] }]));
    expect(messageOf(parseDocuments(aliases(4), 'x.yaml', limits))).toBe('has 4 YAML aliases, over the limit of 3 (raise the limit with --max-aliases)');
  });

  it('is per document, and names the document that is over it', () => {
    const limits = { maxBytes: 1000, maxAliases: 3 };
    expect(E.isRight(parseDocuments(`${aliases(3)}---\n${aliases(3)}`, 'x.yaml', limits))).toBe(true);
    const r = parseDocuments(`${aliases(3)}---\n${aliases(4)}`, 'x.yaml', limits);
    expect(E.isLeft(r) && [r.left.object, r.left.message]).toEqual(['x.yaml, document 2', 'has 4 YAML aliases, over the limit of 3 (raise the limit with --max-aliases)']);
  });

  it('refuses an alias to the node that contains it, as yaml.v2 did', () => {
    // yaml.v2: "anchor 'a' value contains itself"
    expect(messageOf(parseDocuments('a: &a [*a]\n', 'x.yaml'))).toMatch(/^could not be read: an alias refers to a node that contains it/);
  });
});

describe('refusals', () => {
  it('a syntax error gives its position once, and the first line of the reason', () => {
    // yaml.v2: "yaml: line 2: mapping values are not allowed in this context"
    const message = messageOf(parseDocuments('a: 1\nb: c: d\n', 'x.yaml'));
    expect(message).toMatch(/^not valid YAML \(line 2, column \d+\): [^\n]*[a-z][^\n]*$/);
    expect(message).not.toMatch(/ at line /);
  });

  it('no document at all is no value', () => {
    expect(parseDocuments('', 'x.yaml')).toStrictEqual(E.right([]));
    expect(parseDocuments('# nothing here\n', 'x.yaml')).toStrictEqual(E.right([]));
  });

  // yaml.v2 refused a sequence or a mapping as a map key ("invalid map
  // key"), so Tekton never read such a document; one with a 64-bit integer
  // in it used to make taskpod's JSON writer throw.
  it.each([
    ['? [9223372036854775807]\n: x\n', 'sequence'],
    ['? [a, b]\n: x\n', 'sequence'],
    ['? {a: 1}\n: x\n', 'mapping'],
    ['spec:\n  ? {a: [1]}\n  : x\n', 'mapping'],
  ])('a collection as a map key is refused, not thrown: %j', (text, kind) => {
    expect(parseDocuments(text, 'x.yaml')).toStrictEqual(
      E.left({ _tag: 'InvalidInput', object: 'x.yaml', field: '', message: `could not be read: invalid map key: a ${kind} (YAML keys must be scalars for Tekton's reader, yaml.v2)` }),
    );
  });

  // Expected values are sigs.k8s.io/yaml's YAMLToJSON (vendored at
  // 6c132b937e), run on these documents.
  it('scalar keys become strings as sigs.k8s.io/yaml wrote them: floats as float32 %g', () => {
    expect(parseDocuments('1: a\n9223372036854775807: b\ntrue: c\n1.5: e\n1e+7: f\n1.5e+308: g\n-0.0: h\n-.INF: i\n.NaN: j\n0.1: k\n!!float 16777217: l\n100000000000000000000: m\n', 'x.yaml')).toStrictEqual(
      E.right([{ '1': 'a', '9223372036854775807': 'b', true: 'c', '1.5': 'e', '1e+07': 'f', '.inf': 'g', '-0': 'h', '-.inf': 'i', '.nan': 'j', '0.1': 'k', '1.6777216e+07': 'l', '1e+20': 'm' }]),
    );
  });

  it.each([
    ['~: x\n', 'unsupported map key: null'],
    ['18446744073709551615: x\n', 'unsupported map key: 18446744073709551615 (an unsigned 64-bit integer)'],
    ['0x8000000000000000: x\n', 'unsupported map key: 9223372036854775808 (an unsigned 64-bit integer)'],
  ])('a null or unsigned key is refused: %j', (text, message) => {
    expect(parseDocuments(text, 'x.yaml')).toStrictEqual(E.left({ _tag: 'InvalidInput', object: 'x.yaml', field: '', message: `could not be read: ${message}` }));
  });
});

// yaml.v2 fills a map in document order; a merge key writes the merged
// map's keys when it is met, overwriting earlier ones, and later keys
// overwrite it. Of a list of maps, the first wins.
describe('merge keys (<<)', () => {
  it.each([
    ['a: &a {x: 1, k: 2}\nb: {z: 0, <<: *a, x: 9}\n', { z: 0, x: 9, k: 2 }],
    ['a: &a {x: 1}\nb: {x: 0, <<: *a}\n', { x: 1 }],
    ['a: &a {x: 1}\nb: {<<: *a, <<: {x: 5}}\n', { x: 5 }],
    ['a: &a {x: 1}\nc: &c {x: 2, w: 3}\nb: {<<: [*a, *c]}\n', { x: 1, w: 3 }],
    ['b: {"<<": {x: 1}}\n', { '<<': { x: 1 } }],
    ['b: {!!merge <<: {x: 1}}\n', { x: 1 }],
  ])('%j', (text, b) => {
    const r = parseDocuments(text, 'x.yaml');
    expect(E.isRight(r) && (r.right[0] as { b: unknown }).b).toStrictEqual(b);
  });

  it.each([['a: &a [1]\nb: {<<: *a}\n'], ['b: {<<: 5}\n'], ['b: {<<: null}\n'], ['b: {<<: [{x: 1}, 2]}\n']])('a merge of something else than maps is refused: %j', (text) => {
    expect(parseDocuments(text, 'x.yaml')).toStrictEqual(
      E.left({ _tag: 'InvalidInput', object: 'x.yaml', field: '', message: 'could not be read: map merge requires map or sequence of maps as the value' }),
    );
  });
});

describe('tags', () => {
  it.each([
    ['v: !!binary aGVsbG8=\n', 'hello'],
    ['v: !!binary |\n  aGVs\n  bG8=\n', 'hello'],
    ['v: !!float 1\n', 1],
    ['v: !custom 12\n', '12'],
    ['v: ! 12\n', '12'],
  ])('%j', (text, v) => {
    expect(parseDocuments(text, 'x.yaml')).toStrictEqual(E.right([{ v }]));
  });

  it.each([
    ['v: !!binary "aGVsbG8"\n', '!!binary value contains invalid base64 data'],
    ['v: !!int 1.5\n', 'cannot decode !!float `1.5` as a !!int'],
    ['v: !!bool 1\n', 'cannot decode !!int `1` as a !!bool'],
    ['v: !!int abc\n', 'cannot decode !!str `abc` as a !!int'],
  ])('%j is refused', (text, message) => {
    expect(parseDocuments(text, 'x.yaml')).toStrictEqual(E.left({ _tag: 'InvalidInput', object: 'x.yaml', field: '', message: `could not be read: ${message}` }));
  });
});
