/**
 * paramLookups (what the render's params pass looks variables up in)
 * against the maps of paramReplacements: for every key of the maps and for
 * keys that only nearly name a param, the same string and the same array.
 */
import { fc, it as fcIt } from '@fast-check/jest';
import type { Param, ParamSpec } from '../src/model/tekton';
import { paramLookups, paramReplacements } from '../src/substitution';

const name = fc.constantFrom('a', 'b', '', 'a.b', 'inputs.params.a');
const value = fc.oneof(fc.constantFrom('x', '', '$(inputs.params.b)'), fc.array(fc.constantFrom('x', 'y', ''), { maxLength: 2 }));
const declared: fc.Arbitrary<ParamSpec[]> = fc.array(fc.record({ name, default: value }, { requiredKeys: [] }), { maxLength: 4 });
const given: fc.Arbitrary<Param[]> = fc.array(fc.record({ name, value }, { requiredKeys: [] }), { maxLength: 4 });
const nearKey = fc
  .tuple(fc.constantFrom('inputs.params.', 'inputs.params', 'inputs.resources.', ''), name, fc.constantFrom('', '.', 'x'))
  .map(([a, b, c]) => a + b + c);

describe('paramLookups', () => {
  fcIt.prop([declared, given, fc.array(nearKey, { maxLength: 6 })], { numRuns: 1000 })(
    'answers every key as the maps of paramReplacements do',
    (d, g, near) => {
      const maps = paramReplacements(d, g);
      const lookups = paramLookups(d, g);
      for (const key of [...maps.strings.keys(), ...maps.arrays.keys(), ...near]) {
        expect([key, lookups.strings.get(key)]).toEqual([key, maps.strings.get(key)]);
        expect([key, lookups.arrays.get(key)]).toEqual([key, maps.arrays.get(key)]);
      }
      if (lookups.strings.size === 0) expect(maps.strings.size).toBe(0);
    },
  );
});
