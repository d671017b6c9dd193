/**
 * cli/yaml-print.ts: where the fast printer answers, its text is exactly
 * what the `yaml` package prints for `taskpod render` (YAML 1.1, no line
 * folding, strings go-yaml v2 would misread double-quoted), on every
 * fixture Pod and on generated values full of strings that need quoting,
 * escaping or a block scalar.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Document, parse, visit } from 'yaml';
import { printYaml, YAML11_TAG_TESTS } from '../src/cli/yaml-print';
import { resolvePlain } from '../src/input/go-yaml';
import { runs } from './helpers/runs';

/** The `yaml` package's printing, as src/cli/io.ts asks for it. */
function yamlText(value: unknown): string {
  const doc = new Document(value, { version: '1.1', aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && resolvePlain(node.value) !== node.value && !node.value.includes('\n')) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ version: '1.1', lineWidth: 0 } as Parameters<Document['toString']>[0]);
}

/** Where the fast printer answers, it prints as the yaml package; `true` when it answered. */
function agrees(value: unknown): boolean {
  const fast = printYaml(value);
  if (fast === undefined) return false;
  expect(fast).toBe(yamlText(value));
  return true;
}

const FIXTURES = join(__dirname, '..', 'fixtures');

it("decides plain strings by the yaml package's own YAML 1.1 tag tests, in its order", () => {
  // The printer keeps its own copy, so that printing does not load the package.
  type TagTest = { readonly default?: boolean | 'key'; readonly tag: string; readonly test?: RegExp };
  const schema = new Document(null, { version: '1.1' }).schema as unknown as { tags: readonly TagTest[]; compat?: readonly TagTest[] | null };
  const own = [...schema.tags, ...(schema.compat ?? [])].filter((t) => t.default === true && t.tag !== 'tag:yaml.org,2002:str' && t.test !== undefined);
  expect(own.length).toBe(13);
  expect(YAML11_TAG_TESTS.map((r) => [r.source, r.flags])).toEqual(own.map((t) => [t.test!.source, t.test!.flags]));
});


it('prints every fixture Pod as the yaml package does', () => {
  const pods = readdirSync(FIXTURES)
    .map((d) => join(FIXTURES, d, 'pod.yaml'))
    .filter(existsSync)
    .map((f) => parse(readFileSync(f, 'utf8'), { version: '1.1' }) as unknown);
  expect(pods.length).toBeGreaterThan(15);
  for (const pod of pods) expect(agrees(pod)).toBe(true);
});

it.each([
  ['strings go-yaml or YAML 1.1 would misread', { a: ['yes', 'on', 'n', '0o17', '1_000', '12:30', '2019-10-01', '1e3', '.inf', '~', '', 'null', '0x1F'] }],
  ['strings that cannot be plain', { a: ['- x', 'a: b', 'a #b', '#c', '[x]', '{y}', "it's", 'say "hi"', 'both \' and "', ' lead', 'trail ', 'x:', '%x', '@x', '`x'] }],
  ['escapes', { a: ['\u0000\u0007\u000b\u001b\u0085\u00a0\u2028\u2029\u0001\u007f', 'tab\there', 'é😀'] }],
  ['scripts', { script: '#!/bin/sh\nset -e\necho hi\n', strip: 'a\nb', args: ['-args', 'mkdir -p /workspace/a\n'] }],
  ['empty collections and other scalars', { a: [], b: {}, c: [[], {}], n: 0, f: 1.5, t: true, z: null, neg: -3 }],
  ['nested lists and maps', { a: [[1, [2, 3]], { b: [{ c: 'd' }] }] }],
])('%s', (_what, value) => {
  expect(agrees(value)).toBe(true);
});

it.each([
  ['a multi-line key', { 'a\nb': 1 }],
  ['kept trailing lines', { a: 'x\n\n' }],
  ['a block starting with spaces', { a: '  x\ny' }],
  ['a document marker', { a: '--- x' }],
  ['a bigint', { a: 1n }],
])('leaves %s to the yaml package', (_what, value) => {
  expect(printYaml(value)).toBeUndefined();
});

const piece = fc.constantFrom(
  'a', 'b c', ' ', '\n', '\n\n', ' \n', '\n ', '\t', ':', ': ', '#', ' #', '-', '- ', '"', "'", '0', '.', 'e', '+', 'yes', 'on', '~', 'null', '<<', '|', '>',
  '\\', 'é', '😀', '\ud800', '\u0085', '\u00a0', '\u2028', '\u0001', '\u007f', '1.5', '12:30', '2019-10-01', '0o17', '0x1F', '1_000', '.inf', '!', '&', '*',
  '%', '@', '`', '[', ']', '{', '}', ',', '?', '---', '...', '#!/bin/sh\n', 'echo $(x)\n', 'x'.repeat(300),
);
const text = fc.array(piece, { maxLength: 7 }).map((xs) => xs.join(''));
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(text, tie('node'), { maxKeys: 4 }),
  ),
})).node;

it('a generated value: printed as the yaml package prints it, or left to it', () => {
  let answered = 0;
  fc.assert(
    fc.property(value, value, (spec, status) => {
      if (agrees({ kind: 'Pod', spec, status })) answered++;
    }),
    { numRuns: runs(2000) },
  );
  expect(answered).toBeGreaterThan(runs(2000) / 3);
});
