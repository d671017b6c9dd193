#!/usr/bin/env node
/**
 * Writes mutated fixtures for the YAML differential run (one JSON-encoded
 * YAML document per line, as generate.mjs): each YAML file under fixtures/
 * with one to three edits (characters and lines inserted, deleted,
 * re-indented), cut to its first document, since the Go side reads one.
 * Usage: node mutants.mjs [SEED] [COUNT]. Deterministic for a seed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const files = (d) => readdirSync(d).flatMap((n) => {
  const p = join(d, n);
  return statSync(p).isDirectory() ? files(p) : /\.ya?ml$/.test(n) ? [p] : [];
});
const FIXTURES = files(join(root, 'fixtures')).map((f) => readFileSync(f, 'utf8'));
const INSERTS = [' ', '  ', '\n', '-', '- ', ':', ': ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '|', '>', '|-', '>+', '&a ', '*a', '!', '?',
  '%', '\\', '\\n', '---\n', '\n  ', '\n- ', 'x', '0', '1e3', '.5', '~', 'yes', '<<: ', "''", ' \n', '\n\n', '?x', ':x', '[?x]', '[-]', '{a:}',
  '\t', '!!str ', '&b ', '*b'];
const edit = fc.oneof(
  fc.record({ kind: fc.constant('delete'), at: fc.nat(), length: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('insert'), at: fc.nat(), text: fc.constantFrom(...INSERTS) }),
  fc.record({ kind: fc.constant('indent'), at: fc.nat(), spaces: fc.integer({ min: 0, max: 5 }) }),
);
function apply(text, e) {
  const at = e.at % (text.length + 1);
  if (e.kind === 'delete') return text.slice(0, at) + text.slice(at + e.length);
  if (e.kind === 'insert') return text.slice(0, at) + e.text + text.slice(at);
  const lines = text.split('\n');
  const i = e.at % lines.length;
  lines[i] = ' '.repeat(e.spaces) + lines[i].trimStart();
  return lines.join('\n');
}
const seed = Number(process.argv[2] ?? 1);
const count = Number(process.argv[3] ?? 4000);
for (const [text, edits] of fc.sample(fc.tuple(fc.constantFrom(...FIXTURES), fc.array(edit, { minLength: 1, maxLength: 3 })), { seed, numRuns: count })) {
  const mutant = edits.reduce(apply, text);
  const first = mutant.split(/^---\s*$/m).find((d) => d.trim() !== '') ?? mutant;
  process.stdout.write(`${JSON.stringify(first)}\n`);
}
