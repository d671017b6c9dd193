/**
 * pod/step-template.ts: Tekton's MergeStepsWithStepTemplate (merge.go), a
 * three-way strategic merge patch with an empty original, the step as
 * modified and the template as current. Cases from merge_test.go, then the
 * element order of keyed lists that apimachinery's strategic merge gives
 * (mergePatchIntoOriginal / normalizeElementOrder / mergeSortedSlice in
 * vendor/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go at
 * 6c132b937e): the step's items in the step's order, each template-only
 * item inserted before the first step item the template lists after it.
 */
import * as E from 'fp-ts/Either';
import type { Container, EnvVar } from '../../src/model/core';
import { mergeAllWithTemplate, mergeWithTemplate } from '../../src/pod/step-template';

const merged = (template: Container, step: Container): Container => {
  const r = mergeWithTemplate(template, step);
  if (E.isLeft(r)) throw new Error(r.left);
  return r.right;
};

const env = (...names: string[]): EnvVar[] => names.map((n) => ({ name: n, value: n.toLowerCase() }));
const names = (c: Container) => (c.env ?? []).map((e) => e.name);

describe('MergeStepsWithStepTemplate (merge_test.go)', () => {
  it('nil-template: the steps as they are', () => {
    const steps = [{ image: 'some-image' }];
    expect(mergeAllWithTemplate(undefined, steps)).toEqual(E.right(steps));
  });

  it('not-overlapping: template fields are added', () => {
    expect(merged({ command: ['/somecmd'] }, { image: 'some-image' })).toEqual({ command: ['/somecmd'], image: 'some-image' });
  });

  it('overwriting-one-field: the step wins', () => {
    expect(merged({ image: 'some-image', command: ['/somecmd'] }, { image: 'some-other-image' })).toEqual({ command: ['/somecmd'], image: 'some-other-image' });
  });

  it('merge-and-overwrite-slice: env merges by name, step items first, template value overridden', () => {
    const template = { env: [{ name: 'KEEP_THIS', value: 'A_VALUE' }, { name: 'SOME_KEY', value: 'ORIGINAL_VALUE' }] };
    const step = { env: [{ name: 'NEW_KEY', value: 'A_VALUE' }, { name: 'SOME_KEY', value: 'NEW_VALUE' }] };
    expect(merged(template, step)).toEqual({
      env: [
        { name: 'NEW_KEY', value: 'A_VALUE' },
        { name: 'KEEP_THIS', value: 'A_VALUE' },
        { name: 'SOME_KEY', value: 'NEW_VALUE' },
      ],
    });
  });

  it('task-env (taskrun_test.go): the step keeps its order, the template adds nothing new', () => {
    const step = { env: [{ name: 'HOME', value: '/builder/home' }, { name: 'ANOTHER', value: 'VARIABLE' }, { name: 'FRUIT', value: 'LEMON' }] };
    expect(merged({ env: [{ name: 'FRUIT', value: 'APPLE' }] }, step)).toEqual(step);
    expect(merged({ env: [{ name: 'FRUIT', value: 'APPLE' }] }, { env: [{ name: 'HOME', value: '/builder/home' }] }).env).toEqual([
      { name: 'HOME', value: '/builder/home' },
      { name: 'FRUIT', value: 'APPLE' },
    ]);
  });
});

describe('element order of a merged keyed list (mergeSortedSlice)', () => {
  it.each<[string, string[], string[], string[]]>([
    ['template items before the step item they precede in the template', ['A', 'B', 'C'], ['C', 'X'], ['A', 'B', 'C', 'X']],
    ['a template item after every step item goes last', ['A', 'B', 'C'], ['B'], ['A', 'B', 'C']],
    ['a step item missing from the template comes first when met first', ['A', 'B', 'C'], ['X', 'B'], ['X', 'A', 'B', 'C']],
    ['the step order wins over the template order', ['A', 'B'], ['B', 'A'], ['B', 'A']],
    ['a template-only item is placed by the next step item only', ['A', 'B', 'C', 'D'], ['D', 'B'], ['A', 'C', 'D', 'B']],
    ['template items come last behind step items missing from the template', ['A', 'B'], ['X', 'Y'], ['X', 'Y', 'A', 'B']],
    ['identical lists', ['A', 'B'], ['A', 'B'], ['A', 'B']],
    ['an empty step list takes the template', ['A', 'B'], [], ['A', 'B']],
  ])('%s: template %j, step %j', (_name, template, step, want) => {
    expect(names(merged({ env: env(...template) }, step.length > 0 ? { env: env(...step) } : {}))).toEqual(want);
  });

  // A key the step repeats is merged into one item. Which value wins follows
  // Go's sort.Sort of the step's list by key with SortableSliceOfMaps.Less
  // (`<=`, so equal keys move): worked by hand from Go 1.13's sort.go.
  it('collapses a key the step repeats; in a short list the first value wins (insertion sort reverses equal keys)', () => {
    const step = { env: [{ name: 'HOME', value: '/builder/home' }, { name: 'HOME', value: '/custom' }, { name: 'Y', value: 'y' }] };
    expect(merged({ env: env('X') }, step).env).toEqual([{ name: 'HOME', value: '/builder/home' }, { name: 'Y', value: 'y' }, { name: 'X', value: 'x' }]);
    expect(merged({ env: [{ name: 'HOME', value: '/tpl' }] }, step).env).toEqual([{ name: 'HOME', value: '/builder/home' }, { name: 'Y', value: 'y' }]);
  });

  it('merges a repeat the template pairs: the identical paired item changes nothing, the other wins', () => {
    // Sorted step: [HOME=/custom, HOME=/builder/home, X]; HOME=/custom pairs with
    // the template's identical item and is left out of the patch; the patch
    // [HOME=/builder/home, X] follows the step's order [HOME, X, HOME].
    const step = { env: [{ name: 'HOME', value: '/builder/home' }, { name: 'X', value: 'x' }, { name: 'HOME', value: '/custom' }] };
    expect(merged({ env: [{ name: 'HOME', value: '/custom' }] }, step).env).toEqual([{ name: 'HOME', value: '/builder/home' }, { name: 'X', value: 'x' }]);
  });

  it('keeps repeated keys when the template has no such list (nothing is merged)', () => {
    const step = { env: [{ name: 'HOME', value: '/builder/home' }, { name: 'HOME', value: '/custom' }] };
    expect(merged({ image: 'i' }, step).env).toEqual(step.env);
  });

  it('merges an item without its merge key by the zero value (Go always encoded name, mountPath, devicePath, containerPort)', () => {
    expect(merged({ env: env('A') }, { env: [{ value: 'no name' }] }).env).toEqual([{ value: 'no name' }, { name: 'A', value: 'a' }]);
    expect(merged({ env: [{ value: 'no name' }] }, { env: env('A') }).env).toEqual([{ name: 'A', value: 'a' }, { value: 'no name' }]);
    expect(merged({ volumeMounts: [{ name: 'a', mountPath: '/a' }] }, { volumeMounts: [{ name: 'no-path' }] }).volumeMounts).toEqual([{ name: 'no-path' }, { name: 'a', mountPath: '/a' }]);
    // One item: the template's name "" is the step's missing name (Go printed name: "", an empty value, absent).
    expect((merged({ env: [{ name: '', value: 't' }] }, { env: [{ value: 's' }] }).env ?? []).map((e) => ({ name: e.name ?? '', value: e.value }))).toEqual([{ name: '', value: 's' }]);
  });

  it('accepts an item without its merge key when only one side has the list', () => {
    expect(merged({ image: 'i' }, { volumeMounts: [{ name: 'no-path' }] }).volumeMounts).toEqual([{ name: 'no-path' }]);
    expect(merged({ volumeMounts: [{ name: 'no-path' }] }, { image: 'i' }).volumeMounts).toEqual([{ name: 'no-path' }]);
  });

  it('merges a step item with the template item of the same key, field by field', () => {
    const template = { env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] };
    expect(merged(template, { env: [{ name: 'A', value: 'v' }] }).env).toEqual([{ name: 'A', value: 'v', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }]);
  });

  it('volumeMounts merge by mountPath (not by name)', () => {
    const template = { volumeMounts: [{ name: 'cache', mountPath: '/cache' }, { name: 'a', mountPath: '/same', readOnly: true }] };
    const step = { volumeMounts: [{ name: 'b', mountPath: '/same' }, { name: 'cache', mountPath: '/other' }] };
    expect(merged(template, step).volumeMounts).toEqual([
      { name: 'cache', mountPath: '/cache' },
      { name: 'b', readOnly: true, mountPath: '/same' },
      { name: 'cache', mountPath: '/other' },
    ]);
  });

  it('ports merge by containerPort', () => {
    const template = { ports: [{ name: 'http', containerPort: 80 }, { containerPort: 443 }] };
    const step = { ports: [{ containerPort: 8080 }, { containerPort: 80, protocol: 'TCP' }] };
    expect(merged(template, step).ports).toEqual([{ containerPort: 8080 }, { name: 'http', containerPort: 80, protocol: 'TCP' }, { containerPort: 443 }]);
  });

  it('volumeDevices merge by devicePath', () => {
    const template = { volumeDevices: [{ name: 'x', devicePath: '/dev/x' }] };
    const step = { volumeDevices: [{ name: 'y', devicePath: '/dev/y' }, { name: 'z', devicePath: '/dev/x' }] };
    expect(merged(template, step).volumeDevices).toEqual([{ name: 'y', devicePath: '/dev/y' }, { name: 'z', devicePath: '/dev/x' }]);
  });
});

describe('other fields', () => {
  it('lists without a merge key are the step list when it has one: command, args, envFrom', () => {
    const template = { command: ['a'], args: ['b'], envFrom: [{ configMapRef: { name: 't' } }] };
    expect(merged(template, { command: ['c'], args: ['d'], envFrom: [{ secretRef: { name: 's' } }] })).toEqual({ command: ['c'], args: ['d'], envFrom: [{ secretRef: { name: 's' } }] });
    expect(merged(template, {})).toEqual(template);
  });

  it('objects merge field by field: resources', () => {
    const template = { resources: { limits: { cpu: '1' }, requests: { memory: '1Gi', cpu: '100m' } } };
    expect(merged(template, { resources: { requests: { cpu: '0' } } })).toEqual({ resources: { limits: { cpu: '1' }, requests: { memory: '1Gi', cpu: '0' } } });
  });

  it('objects merge field by field: securityContext, a false pointer of the step wins', () => {
    expect(merged({ securityContext: { privileged: true, runAsUser: 1000 } }, { securityContext: { privileged: false } })).toEqual({
      securityContext: { privileged: false, runAsUser: 1000 },
    });
  });

  it('empty strings and lists of the step do not override (Go omitempty)', () => {
    expect(merged({ workingDir: '/t', image: 'i', args: ['x'] }, { workingDir: '', image: '', args: [] })).toEqual({ image: 'i', args: ['x'], workingDir: '/t' });
  });

  it('the merged container is written in the struct order', () => {
    expect(Object.keys(merged({ env: env('A'), image: 'i' }, { name: 'n', command: ['c'] }))).toEqual(['name', 'image', 'command', 'env']);
  });

  it('merges every container onto one template', () => {
    const r = mergeAllWithTemplate({ env: env('T') }, [{ name: 'a', env: env('A') }, { name: 'b' }]);
    expect(r).toEqual(E.right([{ name: 'a', env: env('A', 'T') }, { name: 'b', env: env('T') }]));
  });
});
