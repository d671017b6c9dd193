/**
 * admission/variables.ts: Tekton's extractVariablesFromString
 * (v1alpha1/substitution.go): `$((?:inputs|outputs).<kind>.NAME...)`, the
 * name being the first dot-separated part.
 */
import { findVariables } from '../../src/admission/variables';

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
