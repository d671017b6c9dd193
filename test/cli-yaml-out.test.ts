/**
 * `formatValue(value, 'yaml')` decides between two printings by whether the
 * first reads back to the value, for the `yaml` package (YAML 1.1) and for
 * taskpod's port of yaml.v2. It now skips the check where the fast
 * printer's text holds nothing that could read back differently, asks the
 * fast reader where it can, and parses with the `yaml` package only where
 * the fast reader does not answer; the printed text must be exactly what
 * the check with both full parses chose.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { Document, parse, visit } from 'yaml';
import { formatValue } from '../src/cli/io';
import { resolvePlain } from '../src/input/go-yaml';
import { parseFull } from '../src/input/yaml';
import { runs } from './helpers/runs';

/** The printing as it was chosen before the fast path: both readers parse the text in full. */
function formatValueBefore(value: unknown): string {
  const yamlText = (options: Record<string, unknown>): string => {
    const doc = new Document(value, { version: '1.1', aliasDuplicateObjects: false });
    visit(doc, {
      Scalar(_key, node) {
        if (typeof node.value === 'string' && resolvePlain(node.value) !== node.value && !node.value.includes('\n')) node.type = 'QUOTE_DOUBLE';
      },
    });
    // The options formatValue passes, version included.
    return doc.toString({ version: '1.1', lineWidth: 0, ...options } as Parameters<Document['toString']>[0]);
  };
  const text = yamlText({});
  const readsBack = (() => {
    try {
      const go = parseFull(text, 'output', { maxBytes: Infinity, maxAliases: 100 });
      return isDeepStrictEqual(parse(text, { version: '1.1' }), value) && E.isRight(go) && isDeepStrictEqual(go.right[0], value);
    } catch {
      return false;
    }
  })();
  return readsBack ? text : yamlText({ blockQuote: false, doubleQuotedAsJSON: true });
}

// Strings built from the pieces that trouble YAML printers and readers.
const piece = fc.constantFrom(
  'a', ' ', '  ', '\n', '\n\n', ' \n', '\n ', '\t', '\n\t', ':', ': ', '#', ' #', '-', '- ', '"', "'", '0', '.', 'e', '+', 'yes', 'on', '~', 'null',
  '<<', '|', '>', '\\', 'é', '\u0085', '1.5', '12:30', '2019-10-01', '0o17', '0x1F', '1_000', '.inf', '!', '&', '*', '%', '@', '`', '[', ']', '{', '}', ',', '?',
  '#!/bin/sh\n', 'echo $(x)\n', '\r\n', '__proto__',
);
const text = fc.array(piece, { maxLength: 6 }).map((xs) => xs.join(''));
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.double({ noDefaultInfinity: true, noNaN: true }),
    fc.constantFrom(-0, 2 ** 60, 1e21, 0.1),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(text, fc.constantFrom('name', 'args', 'env')), tie('node'), { maxKeys: 4 }),
  ),
})).node;

it('prints exactly what the two full parses chose, for any value', () => {
  let fallbacks = 0;
  fc.assert(
    fc.property(value, (v) => {
      const pod = { apiVersion: 'v1', kind: 'Pod', spec: v };
      const before = formatValueBefore(pod);
      if (before.includes('\\n') && !before.includes('|')) fallbacks++;
      expect(formatValue(pod, 'yaml')).toBe(before);
    }),
    { numRuns: runs(2000) },
  );
  // Some values took the second printing: the check decided something.
  expect(fallbacks).toBeGreaterThan(0);
});

it('a script whose block scalar would not read back still gets the JSON-style printing', () => {
  const pod = { args: ['-args', ' \nscript'], other: [' \n'] };
  expect(formatValue(pod, 'yaml')).toBe(formatValueBefore(pod));
  expect(parse(formatValue(pod, 'yaml'), { version: '1.1' })).toEqual(pod);
});
