/**
 * input/fast-yaml.ts: the fast path answers for the usual shapes of
 * Kubernetes YAML with exactly the values of the full reader (`yaml` then
 * go-yaml v2's rules, `parseFull`), and leaves everything else to it.
 * Compared as ordered text (key order, -0, bigint and NaN told apart).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify, ToStringOptions } from 'yaml';
import { readFast } from '../../src/input/fast-yaml';
import { parseDocuments, parseFull } from '../../src/input/yaml';
import { runs } from '../helpers/runs';

/** Values as ordered text: key order kept; -0, NaN, bigint and strings told apart. */
function canon(v: unknown): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (typeof v === 'object') return `{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${canon((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return `?${typeof v}`;
}

function full(text: string): string {
  const r = parseFull(text, 'x.yaml');
  return r._tag === 'Right' ? canon(r.right) : `refused: ${r.left.message}`;
}

/** Where the fast path answers, it answers as the full reader; `true` when it answered. */
function agrees(text: string): boolean {
  const fast = readFast(text);
  if (fast === undefined) return false;
  expect({ text, value: canon(fast) }).toEqual({ text, value: full(text) });
  return true;
}

const ROOT = join(__dirname, '..', '..');
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}
const FIXTURES = yamlFiles(join(ROOT, 'fixtures')).map((f) => readFileSync(f, 'utf8'));

describe('the fixtures', () => {
  it('are read by the fast path with the full reader\'s values, or left to the full reader (nearly all take the fast path)', () => {
    expect(FIXTURES.length).toBeGreaterThan(30);
    // agrees() asserts equal values whenever the fast path reads the text; a
    // shape it is not sure of (a `:` inside a flow item, say) goes to the full reader.
    const fast = FIXTURES.filter((text) => agrees(text)).length;
    expect(fast / FIXTURES.length).toBeGreaterThan(0.9);
  });
});

describe('shapes the fast path reads', () => {
  it.each([
    ['a: 1\nb: two\n'],
    ['a:\n  b:\n    c: [1, "2", \'3\']\n'],
    ['- a\n- b: 1\n  c: 2\n-   - x\n    - y\n'],
    ['a:\n- 1\n-\n- 3\nb: 3\n'],
    ['a: |\n  x\n\n  y\n\n'],
    ['a: |-\n  x\n\n'],
    ['a: |+\n  x\n\n'],
    ['k: >\n  a\n   b\n  c\n\n  d\n  e\n'],
    ['k: >-\n\n\n  a\n\n  b\n'],
    ['a: "x\\/y\\ez\\x41\\u00e9\\n"\nb: \'it\'\'s\'\n'],
    ['a: 1 # c\nb:    # c\n  c: 2\n# end\n'],
    ['"a b": 1\n\'c\': 2\n1.5: x\n0x10: y\nyes: w\n'],
    ['a: 1\na: 2\nb: 3\n'],
    ['__proto__: 1\n'],
    ['a: 1\n---\nb: 2\n---\n'],
    ['--- # first\na: 1\n'],
    ['a: {x: [1, 2], "y": 2}\nb: []\nc: {}\n'],
    ['a: yes\nb: 1e3\nc: 1e+3\nd: 0o17\ne: 017\nf: .inf\ng: 12:30\nh: 2019-10-01\ni: 9007199254740993\n'],
    ['a: b#c\nd: e # f\n'],
    [''],
    ['# only a comment\n'],
  ])('%j', (text) => {
    expect(agrees(text)).toBe(true);
  });
});

describe('shapes left to the full reader', () => {
  it.each([
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['merge keys', 'a: {x: 1}\nb:\n  <<: {y: 2}\n'],
    ['a multi-line plain scalar', 'a: b\n  c\n'],
    ['a multi-line quoted scalar', 'a: "b\n  c"\n'],
    ['a tab', 'a:\tb\n'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n'],
    ['a directive', '%YAML 1.1\n---\na: 1\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['a multi-line flow collection', 'a: [1,\n  2]\n'],
    ['an indentation indicator', 'a: |2\n   x\n'],
    ['a nested mapping on one line (invalid)', 'a: b: c\n'],
    ['bad indentation (invalid)', 'a:\n  b: 1\n c: 2\n'],
    ['a null key', '~: 1\n'],
    ['a trailing comma', 'a: [1, 2,]\n'],
    ['a top-level scalar', 'hello\n'],
    ['a byte-order mark', '\ufeffa: 1\n'],
    ['a question mark in a flow scalar (go-yaml refused it)', 'a: [x?y]\n'],
    ['a colon before a flow indicator', 'a: [b:]\n'],
  ])('%s', (_what, text) => {
    expect(readFast(text)).toBeUndefined();
    // parseDocuments still reads (or refuses) it, through the full reader.
    expect(canon(parseDocuments(text, 'x.yaml'))).toBe(canon(parseFull(text, 'x.yaml')));
  });
});

// Mutations: the fixtures with characters and lines inserted, deleted, re-indented.
const INSERTS = [' ', '  ', '\n', '-', '- ', ':', ': ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '|', '>', '|-', '>+', '&a ', '*a', '!', '?', '%', '\\', '\\n', '---\n', '\n  ', '\n- ', 'x', '0', '1e3', '.5', '~', 'yes', '<<: ', "''", ' \n', '\n\n'];
const edit = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...INSERTS) }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), spaces: fc.integer({ min: 0, max: 5 }) }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;
function apply(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  if (e.kind === 'delete') return text.slice(0, at) + text.slice(at + e.length);
  if (e.kind === 'insert') return text.slice(0, at) + e.text + text.slice(at);
  const lines = text.split('\n');
  const i = e.at % lines.length;
  lines[i] = ' '.repeat(e.spaces) + lines[i]!.trimStart();
  return lines.join('\n');
}

describe('properties', () => {
  it('a mutated fixture: the fast path answers as the full reader, or not at all', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.constantFrom(...FIXTURES), fc.array(edit, { minLength: 1, maxLength: 3 }), (text, edits) => {
        if (agrees(edits.reduce(apply, text))) answered++;
      }),
      { numRuns: runs(1500) },
    );
    // The property is not vacuous: many mutants are still read fast.
    expect(answered).toBeGreaterThan(runs(1500) / 10);
  });

  const scalar = fc.oneof(
    fc.constantFrom('a', 'x: y', 'a #b', '- d', '1', '0x1F', '1e3', '-0', 'yes', '~', '', ' lead', 'trail ', 'multi\nline\n', 'l1\n\nl3\n\n', '  in\nnext', "it's", '[x]', 'é'),
    fc.string({ unit: fc.constantFrom('a', ' ', '\n', ':', '#', '-', '"', "'", '0', '.', 'e', '+') }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('node')), fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('a', 'b', '1', 'yes', 'x: y')), tie('node'))),
  })).node;
  const style = fc.constantFrom<ToStringOptions>(
    {},
    { indentSeq: false },
    { blockQuote: 'folded' },
    { blockQuote: 'literal' },
    { collectionStyle: 'flow' },
    { defaultStringType: 'QUOTE_SINGLE' },
    { defaultStringType: 'QUOTE_DOUBLE' },
    { indent: 4 },
    { lineWidth: 20 },
  );

  it('a value printed by the yaml package in any style: the fast path answers as the full reader, or not at all', () => {
    let answered = 0;
    fc.assert(
      fc.property(value, style, (v, options) => {
        if (agrees(stringify(v, { version: '1.1', ...options }))) answered++;
      }),
      { numRuns: runs(1500) },
    );
    expect(answered).toBeGreaterThan(runs(1500) / 10);
  });
});
