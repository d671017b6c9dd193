/**
 * resourceLookups (what the render's resource passes look variables up in)
 * against the maps resourceReplacements builds: for every key of the maps
 * and for keys that only nearly name something (binding and resource names
 * with dots, empty names, a prefix that overlaps `.path`), the same answer.
 */
import { fc, it as fcIt } from '@fast-check/jest';
import type { PipelineResource, TaskResource, TaskSpec } from '../../src/model/tekton';
import type { ResolvedRun } from '../../src/resolve';
import { resourceLookups, resourceReplacements } from '../../src/resources/replacements';

const NAMES = ['a', 'b', 'a.b', '', 'a.', '.b', 'path', 'url'];
const name = fc.constantFrom(...NAMES);
const value = fc.constantFrom('x', 'https://example.com/r', '', 'v1');

const resource: fc.Arbitrary<PipelineResource> = fc
  .tuple(
    name,
    fc.constantFrom('git', 'image', 'pullRequest', 'cluster', 'nope', 'storage'),
    fc.array(fc.tuple(fc.constantFrom('url', 'revision', 'digest', 'name', 'type', 'path', 'Url'), value), { maxLength: 3 }),
  )
  .map(([n, type, ps]) => ({ metadata: { name: n }, spec: { type, params: ps.map(([k, v]) => ({ name: k, value: v })) } }));
const bound = fc.array(fc.tuple(name, resource), { maxLength: 4 }).map((entries) => new Map(entries));
const declared: fc.Arbitrary<TaskResource[]> = fc.array(
  fc.record({ name, type: fc.constant('git'), targetPath: fc.constantFrom(undefined, '', 'x', '../y', '/abs') }, { requiredKeys: ['name'] }),
  { maxLength: 3 },
);
const spec: fc.Arbitrary<TaskSpec> = fc.record(
  { inputs: fc.record({ resources: declared }, { requiredKeys: [] }), outputs: fc.record({ resources: declared }, { requiredKeys: [] }) },
  { requiredKeys: [] },
);
const nearKey = fc
  .tuple(
    fc.constantFrom('inputs.resources.', 'outputs.resources.', 'inputs.resources', 'inputs.params.', ''),
    name,
    fc.constantFrom('.path', '.url', '.name', '.b.url', '', '.', 'path', '.revision', '.b.path'),
  )
  .map(([a, b, c]) => a + b + c);

describe('resourceLookups', () => {
  fcIt.prop([bound, bound, spec, fc.array(nearKey, { maxLength: 8 })], { numRuns: 1000 })(
    'answers every key as the maps of resourceReplacements do',
    (inputs, outputs, s, near) => {
      const run = { inputs, outputs } as unknown as ResolvedRun;
      const lookups = resourceLookups(run, s);
      for (const direction of ['inputs', 'outputs'] as const) {
        const map = resourceReplacements(run, s, direction);
        const lookup = lookups[direction];
        for (const key of [...map.keys(), ...near, 'inputs.resources.path', 'outputs.resources..path']) expect([key, lookup.get(key)]).toEqual([key, map.get(key)]);
        if (lookup.size === 0) expect(map.size).toBe(0);
      }
    },
  );
});
