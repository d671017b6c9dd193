/**
 * makePod builds each step's container in one copy (stepContainer); it
 * stands for the public functions applied one after the other: withImplicits,
 * runScriptFile for a script step, the defaulted workingDir and the container
 * name, zeroNonMaxRequests (not for place-tools), toContainer. The same
 * value, its fields in the Container's order (what the Pod prints, so the
 * same JSON text once encoded), and the step left as it was.
 */
import { fc, it as fcIt } from '@fast-check/jest';
import { Container } from '../src/model/core';
import type { Step } from '../src/model/tekton';
import { stepContainer, stepContainerName, toContainer, withImplicits } from '../src/pod/build';
import { WORKSPACE_DIR } from '../src/pod/constants';
import { maxRequestIndices, zeroedRequests, zeroNonMaxRequests } from '../src/pod/requests';
import { placeScript, runScriptFile } from '../src/pod/scripts';
import { deepFreeze } from './helpers/deep-freeze';

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const path = fc.constantFrom('/workspace', '/workspace/', '/builder/home', '//builder/./home', '/cache', '', 'rel', '/workspace/..');
const mount = fc.record({ name: fc.constantFrom('cache', 'workspace', 'x'), mountPath: path, readOnly: maybe(fc.boolean()) }, { requiredKeys: ['name'] });
const quantity = fc.constantFrom('0', '1', '500m', '1Gi', '2');
const requests = fc.dictionary(fc.constantFrom('cpu', 'memory', 'ephemeral-storage', 'nvidia.com/gpu'), quantity, { maxKeys: 3 });
const KEYS = ['name', 'image', 'command', 'args', 'workingDir', 'env', 'resources', 'volumeMounts', 'tty', 'script'] as const;
const fields = fc.record(
  {
    name: fc.constantFrom('', 'build', 'place-tools', 'x'.repeat(70)),
    image: fc.constantFrom('busybox', ''),
    command: fc.array(fc.constantFrom('/builder/tools/entrypoint', 'sh'), { maxLength: 2 }),
    args: fc.array(fc.constantFrom('-wait_file', '-entrypoint', '--', 'ls', ''), { maxLength: 6 }),
    workingDir: fc.constantFrom('', '/workspace/src', WORKSPACE_DIR),
    env: fc.array(fc.record({ name: fc.constantFrom('A', 'HOME'), value: fc.constantFrom('1', '') }), { maxLength: 2 }),
    resources: fc.record({ limits: maybe(requests), requests: maybe(requests) }, { requiredKeys: [] }),
    volumeMounts: fc.array(mount, { maxLength: 3 }),
    tty: fc.boolean(),
    script: fc.constantFrom('', '#!/bin/sh\necho hi\n', 'script-heredoc-randomly-generated'),
  },
  { requiredKeys: [] },
);
// Any subset of the fields, in any key order (resource stages and
// substitution hand makePod steps whose keys are not in the codec's order).
const step: fc.Arbitrary<Step> = fc
  .tuple(fields, fc.shuffledSubarray([...KEYS]))
  .map(([f, order]) => Object.fromEntries(order.filter((k) => k in f).map((k) => [k, f[k]])) as Step);

function reference(s: Step, i: number, seed: string, maxIndices: ReadonlyMap<string, number>, placeTools: boolean): unknown {
  let out = withImplicits(s);
  if (out.script !== undefined && out.script !== '') out = runScriptFile(out, placeScript(out.script, i, seed).file);
  out = { ...out, workingDir: out.workingDir === undefined || out.workingDir === '' ? WORKSPACE_DIR : out.workingDir, name: stepContainerName(out, i) };
  return toContainer(placeTools ? out : zeroNonMaxRequests(out, i, maxIndices));
}

describe('stepContainer', () => {
  fcIt.prop([fc.array(step, { minLength: 1, maxLength: 4 }), fc.nat(3), fc.boolean()], { numRuns: 1500 })(
    'is the chain of public step functions: same value, fields in the Container order, input untouched',
    (steps, at, placeTools) => {
      const i = at % steps.length;
      const s = deepFreeze(steps[i]!);
      const seed = 'default/run';
      const maxIndices = maxRequestIndices(steps);
      const placed = s.script !== undefined && s.script !== '' ? placeScript(s.script, i, seed) : undefined;
      const got = stepContainer(s, stepContainerName(s, i), placed, placeTools ? undefined : zeroedRequests(s, i, maxIndices));
      const expected = reference(s, i, seed, maxIndices, placeTools);
      expect(got).toEqual(expected);
      expect(JSON.stringify(Container.encode(got))).toBe(JSON.stringify(Container.encode(expected as Container)));
      const order = Object.keys(Container.props);
      expect(Object.keys(got)).toEqual(order.filter((k) => k in got));
    },
  );

  it('keeps the step own mounts first, then the implicit ones it lacks, then the scripts mount', () => {
    const s: Step = { script: 'echo', volumeMounts: [{ name: 'w', mountPath: '/workspace/' }] };
    const got = stepContainer(s, 'step-unnamed-1', placeScript('echo', 1, 'ns/r'), {});
    expect(got.volumeMounts?.map((m) => m.mountPath)).toEqual(['/workspace/', '/builder/home', '/builder/scripts']);
    expect(Object.keys(got)).toEqual(['name', 'args', 'workingDir', 'env', 'resources', 'volumeMounts']);
  });
});
