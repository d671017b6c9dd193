#!/usr/bin/env node
/**
 * Writes the documents of the YAML differential run (one JSON-encoded YAML
 * document per line) to standard output: plain scalars of number-like
 * shapes as values and as keys, merge keys in random combinations, explicit
 * tags, dashes, question marks and colons in flow collections. Deterministic (seeded), so two runs write the same file.
 */
import fc from 'fast-check';

const atoms = ['0', '1', '7', '9', '_', '.', 'e', 'E', '+', '-', 'x', 'X', 'b', 'o', 'O', 'a', 'f', ':', 'inf', 'nan', '0b', '0x', '0o'];
const specials = [
  `0b1${'0'.repeat(63)}`, `0b1${'0'.repeat(64)}`, `-0b1${'0'.repeat(63)}`, `-0b1${'0'.repeat(64)}`, `0x${'f'.repeat(16)}`,
  '18446744073709551615', '18446744073709551616', '-9223372036854775808', '-9223372036854775809', '.5_0', '.5e3', '._5', '.5_',
  '1_000.5', '0o17', '017', '019', '1:30', '190:20:30.15', '.inf', '-.Inf', '+.INF', '.NaN', '0.', '1.e5', '1.5e+308', '1e400',
  '2001-12-14', '~', 'null', 'y', 'n', 'on', 'off', 'True', '-0', '-0.0', '00', '1.0', '0.1', '100000000000000000000', '1e21',
  '4.9e-324', '1e+7', '16777217.0', '!!float 1', '!!float 16777217', '!!str 1', "'1.0'", '? [1]', '1000000.0', '-.5_5',
];
const rnd = fc.sample(fc.array(fc.constantFrom(...atoms), { minLength: 1, maxLength: 6 }).map((a) => a.join('')), { seed: 7, numRuns: 6000 });
const scalars = [...new Set([...specials, ...rnd.filter((s) => /^[-+.0-9]/.test(s))])].sort();
const docs = scalars.flatMap((s) => [`v: ${s}\n`, `${s}: x\n`]);

const bases = ['{x: 1, k: 2}', '{x: 3}', '[1]', '5', 'null', '{z: {<<: {q: 1}}}'];
const item = fc.oneof(
  fc.integer({ min: 0, max: 2 }).map((i) => `<<: *a${i}`),
  fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })).map(([i, j]) => `<<: [*a${i}, *a${j}]`),
  fc.constantFrom('<<: {x: 7, w: 8}', '"<<": {x: 9}', '!!merge <<: {x: 10}'),
  fc.tuple(fc.constantFrom('x', 'k', 'z', 'w'), fc.integer({ min: 0, max: 9 })).map(([k, v]) => `${k}: ${v}`),
);
const merges = fc.sample(fc.tuple(fc.shuffledSubarray(bases, { minLength: 3, maxLength: 3 }), fc.array(item, { minLength: 1, maxLength: 4 })), { seed: 11, numRuns: 1500 });
for (const [bs, items] of merges) docs.push(`${bs.map((b, i) => `a${i}: &a${i} ${b}`).join('\n')}\nb: {${items.join(', ')}}\n`);

docs.push(
  'v: !!binary aGVsbG8=\n', 'v: !!binary |\n  aGVs\n  bG8=\n', 'v: !!binary "aGVsbG8"\n', 'v: !!int "1"\n', 'v: !!int 1.5\n', 'v: !!int abc\n',
  'v: !!bool 1\n', 'v: !!null 1\n', 'v: !custom x\n', 'v: ! 12\n', 'v: !!timestamp 2001-12-14\n', 'v: !!set {a, b}\n', 'v: !foo {a: 1}\n',
);
// Dashes in flow collections: go-yaml v2 read a `-` before `,`, `]` or `}`
// as the string "-", and refused `- ` there.
const flowItem = fc.constantFrom('-', '-', '- ', ' -', '-x', '-1', '-#c', 'a', '"-"', "'-'", '[-]', '[a, -]', '{k: -}', '{-: -}', '-: a', '{-}', '-[b]', '');
const flowDocs = fc.sample(fc.tuple(fc.boolean(), fc.array(flowItem, { minLength: 1, maxLength: 4 }), fc.constantFrom(', ', ',', ',\n  ')), { seed: 13, numRuns: 600 });
for (const [map, items, sep] of flowDocs) docs.push(map ? `v: {${items.map((i, k) => (i.includes(':') || i === '' ? i : `k${k}: ${i}`)).join(sep)}}\n` : `v: [${items.join(sep)}]\n`);

// `?` and `:` in flow collections (src/input/go-flow.ts): explicit keys
// written without a space, `?` inside a scalar, `:` before an indicator or
// with no key before it.
const qcItem = fc.constantFrom('?x', '? x', '?-', '??x', 'a?b', 'a?', '?"q"', "?'q'", '?1', '?x: y', ':x', ': x', ':', 'b:', 'a:b', 'a::b',
  '-:', '-:x', '-: a', '"a":', '"a": b', '*a', '*a : b', '&b c', '&b ?x', 'x: ?y', 'x: :', '[?x]', '{?x}', '{a:}', '[b:]', 'a #c\n ', '? ', 'http://h?q=1', '-', 'y');
const qcDocs = fc.sample(fc.tuple(fc.boolean(), fc.array(qcItem, { minLength: 1, maxLength: 3 }), fc.constantFrom(', ', ',', ',\n  ')), { seed: 17, numRuns: 900 });
for (const [map, items, sep] of qcDocs) docs.push(`a: &a k\nv: ${map ? `{${items.join(sep)}}` : `[${items.join(sep)}]`}\n`);

for (const d of docs) process.stdout.write(`${JSON.stringify(d)}\n`);
