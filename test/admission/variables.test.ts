/**
 * admission/variables.ts: Tekton's extractVariablesFromString
 * (v1alpha1/substitution.go): `$((?:inputs|outputs).<kind>.NAME...)`, the
 * name being the first dot-separated part.
 */
import { fc, test } from '@fast-check/jest';
import { findVariables, findVariableSpans } from '../../src/admission/variables';

describe('findVariables', () => {
  it('finds every reference, naming its first part', () => {
    expect(findVariables('$(inputs.params.a) and $(inputs.params.b.c)', 'params')).toEqual([
      { name: 'a', match: '$(inputs.params.a)' },
      { name: 'b', match: '$(inputs.params.b.c)' },
    ]);
  });

  it('matches outputs too, for both kinds', () => {
    expect(findVariables('$(outputs.resources.img.url)', 'resources')).toEqual([{ name: 'img', match: '$(outputs.resources.img.url)' }]);
    expect(findVariables('$(outputs.params.x)', 'params').map((v) => v.name)).toEqual(['x']);
  });

  it('ignores near misses: input., .param., other kinds', () => {
    expect(findVariables('$(input.params.a) $(inputs.param.b) $(inputs.resources.c)', 'params')).toEqual([]);
  });

  it('accepts any character where Tekton left "." unescaped', () => {
    expect(findVariables('$(inputsXparamsYa)', 'params').map((v) => v.name)).toEqual(['a']);
  });

  it('needs a name that starts with a letter or underscore', () => {
    expect(findVariables('$(inputs.params.1a) $(inputs.params._b-c)', 'params').map((v) => v.name)).toEqual(['_b-c']);
  });
});

describe('findVariables and findVariableSpans, against the webhook expression', () => {
  // The expression Tekton's webhook searched with, one per kind.
  const expression = (kind: 'params' | 'resources') => new RegExp(`\\$\\((?:inputs|outputs).${kind}.([_a-zA-Z][_a-zA-Z0-9.-]*)\\)`, 'g');
  const byExpression = (s: string, kind: 'params' | 'resources') => [...s.matchAll(expression(kind))].map((m) => ({ name: (m[1] ?? '').split('.')[0] ?? '', match: m[0] }));
  // Strings of whole references, near misses (each part of a reference varied, the characters the two "."
  // may or may not match) and loose pieces, so both matches and every way of failing one are common.
  const anyChar = fc.constantFrom('.', 'X', '$', '(', '\n', '\r', '\u2028', '\u2029', '\ud83d', '');
  const name = fc.array(fc.constantFrom('a', 'Z', '_', '1', '-', '.', '.', '$', ' '), { maxLength: 6 }).map((cs) => cs.join(''));
  const reference = fc
    .tuple(fc.constantFrom('inputs', 'outputs', 'outputs', 'input', ''), anyChar, fc.constantFrom('params', 'resources', 'resources', 'param', ''), anyChar, name, fc.constantFrom(')', ')', ')', '', 'x)'))
    .map((parts) => `$(${parts.join('')}`);
  const piece = fc.oneof(reference, fc.constantFrom('$(', '$', '(', ')', 'inputs', '.', 'params', 'x', ' ', '\n'));
  const text = fc.array(piece, { maxLength: 8 }).map((ps) => ps.join(''));

  test.prop([text], { numRuns: 2000 })('finds what the expression of each kind finds, in order', (s) => {
    expect(findVariables(s, 'params')).toEqual(byExpression(s, 'params'));
    expect(findVariables(s, 'resources')).toEqual(byExpression(s, 'resources'));
  });

  test.prop([text], { numRuns: 500 })('the spans are both kinds merged in order, each slicing out its match', (s) => {
    const spans = findVariableSpans(s);
    expect(spans.map((v) => v.start)).toEqual([...spans.map((v) => v.start)].sort((a, b) => a - b));
    for (const kind of ['params', 'resources'] as const) {
      expect(spans.filter((v) => v.kind === kind).map((v) => ({ name: v.name, match: s.slice(v.start, v.end) }))).toEqual(byExpression(s, kind));
    }
  });

  it('reads a reference at the very end, and not a cut-off one', () => {
    expect(findVariableSpans('x $(inputs.resources.src.path)')).toEqual([{ kind: 'resources', name: 'src', start: 2, end: 30 }]);
    expect(findVariableSpans('$(inputs.params.a')).toEqual([]);
    expect(findVariableSpans('$(inputs.params.')).toEqual([]);
    expect(findVariableSpans('$(inputs.params')).toEqual([]);
  });
});
