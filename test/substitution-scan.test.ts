/**
 * replaceVariables scans for references; it must give exactly what one
 * global regular expression (`$(` no parentheses `)`, replaced when the map
 * has the key, kept otherwise) gives, on any text: nested, unclosed and
 * adjacent references, empty keys, values that hold references themselves.
 */
import { fc, it as fcIt } from '@fast-check/jest';
import { replaceVariables, StringReplacements } from '../src/substitution';

/** The definition the scan stands for: one global regular expression. */
function replaceVariablesByRegExp(s: string, replacements: StringReplacements): string {
  if (replacements.size === 0 || !s.includes('$(')) return s;
  return s.replace(/\$\(([^()]*)\)/g, (whole, key: string) => replacements.get(key) ?? whole);
}

const piece = fc.constantFrom('$(', '$', '(', ')', 'a', 'b', 'inputs.params.x', '$(a)', '$(b)', '$()', '$(a', ' ', '$$(', 'é');
const text = fc.array(piece, { maxLength: 12 }).map((ps) => ps.join(''));
const map = fc.dictionary(fc.constantFrom('a', 'b', '', 'inputs.params.x', 'a(', '$(a)'), fc.constantFrom('A', '', '$(b)', ')', '$('), { maxKeys: 4 });

describe('replaceVariables', () => {
  fcIt.prop([text, map], { numRuns: 5000 })('gives what the regular expression gives', (s, m) => {
    const replacements = new Map(Object.entries(m));
    expect(replaceVariables(s, replacements)).toBe(replaceVariablesByRegExp(s, replacements));
  });

  it('replaces each reference once, never inside a replacement, and keeps unknown ones', () => {
    const m = new Map([['a', '$(b)'], ['b', 'B']]);
    expect(replaceVariables('$(a)-$(b)-$(c)-$($(a))-$(a', m)).toBe('$(b)-B-$(c)-$($(b))-$(a');
  });
});
