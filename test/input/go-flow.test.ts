/**
 * input/go-flow.ts: the changed text it hands to the `yaml` package, and
 * the map of its offsets back to the text as written. (What the changes
 * read as is checked against go-yaml's own answers in
 * yaml-go-answers.test.ts and scripts/yaml-differential.)
 */
import fc from 'fast-check';
import { goFlowFixes, originalOffset } from '../../src/input/go-flow';
import { runs } from '../helpers/runs';

describe('goFlowFixes', () => {
  it.each([['a: 1\nb: [x, "y?", \'-\', -1]\n'], ['a: b?c\nd: - e\n'], ['a: {x: 1, y: [z]}\n'], ['k: |\n  [a?, -]\n']])('changes nothing in %j', (text) => {
    expect(goFlowFixes(text)).toBeUndefined();
  });

  it('replaces a dash and a kept colon by characters not in the text, and puts a space after a `?`', () => {
    const f = goFlowFixes('v: [\ue000, -, b:, ?x]\n');
    expect(f).toBeDefined();
    expect(f!.standIns.map(([, was]) => was)).toEqual(['-', ':']);
    const [dash, colon] = f!.standIns.map(([stand]) => stand);
    expect(dash).not.toBe('\ue000');
    expect(colon).not.toBe(dash);
    expect(f!.text).toBe(`v: [\ue000, ${dash}, b${colon}, ? x]\n`);
    expect(f!.inserted).toEqual([f!.text.indexOf('? x') + 1]);
    expect(f!.refusals).toEqual([]);
  });

  it('refuses as go-yaml refused, at the offset of the text as written', () => {
    expect(goFlowFixes('v: [?x, a?b, :c]\n')!.refusals).toEqual([
      { at: 9, message: "did not find expected ',' or ']'" },
      { at: 13, message: 'did not find expected node content' },
    ]);
    expect(goFlowFixes('v: {a: b?c}\n')!.refusals).toEqual([{ at: 8, message: "did not find expected ',' or '}'" }]);
  });

  const flowText = fc
    .array(fc.constantFrom('[', ']', '{', '}', ',', ' ', '-', '?', ':', 'a', 'b', '"', '#', '\n', '\ue000'), { maxLength: 24 })
    .map((cs) => `v: [${cs.join('')}]\n`);

  it('maps every offset of the changed text back to the same character of the original', () => {
    let changed = 0;
    fc.assert(
      fc.property(flowText, (text) => {
        const f = goFlowFixes(text);
        if (f === undefined) return;
        changed++;
        const stands = new Map(f.standIns);
        expect(f.text.length).toBe(text.length + f.inserted.length);
        for (let at = 0; at < f.text.length; at++) {
          if (f.inserted.includes(at)) {
            expect(f.text[at]).toBe(' ');
            continue;
          }
          const was = text[originalOffset(f, at)];
          const now = f.text[at]!;
          expect(stands.get(now) ?? now).toBe(was);
        }
        for (const r of f.refusals) expect(r.at).toBeLessThan(text.length);
      }),
      { numRuns: runs(400) },
    );
    expect(changed).toBeGreaterThan(runs(400) / 10);
  });
});
