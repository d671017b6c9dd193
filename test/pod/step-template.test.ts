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
import { Container, EnvVar } from '../../src/model/core';
import { mergeAllWithTemplate, mergeWithTemplate } from '../../src/pod/step-template';
import { renderPod } from '../../src/render';
import { objectsOf, serviceAccountDoc, taskRunDoc } from '../support/objects';

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

// Expected values below are Tekton's own results: its code at 6c132b937e run
// on the same container (the project's differential oracle), or, where a
// test says so, the same vendored apimachinery code with Go 1.13's sort
// package, which is what Tekton's controller was built with
// (tekton/ko/Dockerfile); Go 1.19's pdqsort orders equal keys differently
// from 7 items on.
describe('a key the step repeats (every step has HOME first, so a step that sets HOME has two)', () => {
  const home = (value: string): EnvVar => ({ name: 'HOME', value });

  it("in a short list the implicit HOME wins over the step's own", () => {
    expect(merged({ env: [{ name: 'BAR', value: 'b' }] }, { env: [home('/builder/home'), home('b'), { name: 'FOO', value: 'x y' }] }).env).toEqual([
      home('/builder/home'),
      { name: 'FOO', value: 'x y' },
      { name: 'BAR', value: 'b' },
    ]);
  });

  it('with another item between the two, the patch fails its own order check and the merge is refused', () => {
    expect(mergeWithTemplate({ env: [{ name: 'BAR', value: 'b' }] }, { env: [home('/builder/home'), { name: 'FOO', value: 'x y' }, home('b')] })).toEqual(
      E.left(
        "The order in patch list: [map[name:HOME value:b] map[name:HOME value:/builder/home] map[name:FOO value:x y]] doesn't match $setElementOrder list: [map[name:HOME] map[name:FOO] map[name:HOME]]",
      ),
    );
  });

  it('a template item with that key is merged once, by the step item that sorts last', () => {
    expect(merged({ env: [home('/tpl'), { name: 'A', value: 'a' }] }, { env: [home('/builder/home'), home('/custom')] }).env).toEqual([home('/builder/home'), { name: 'A', value: 'a' }]);
  });

  it('7 to 12 items: Go 1.13 sorts with a gap-6 pass first, and the last HOME wins (Go 1.13 build; Go 1.19: the first)', () => {
    const step = { env: [home('/builder/home'), home('/custom'), ...env('B', 'C', 'D', 'E', 'F')] };
    expect(merged({ env: env('Z') }, step).env).toEqual([home('/custom'), ...env('B', 'C', 'D', 'E', 'F', 'Z')]);
  });

  it('more than 12 items: Go 1.13 quicksorts, and the first HOME wins (Go 1.13 build; Go 1.19: the last)', () => {
    const step = { env: [home('1'), home('2'), home('3'), ...env('B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K')] };
    expect(merged({ env: env('Z') }, step).env).toEqual([home('1'), ...env('B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'Z')]);
  });

  it('a repeated mountPath: one mount, the fields of both', () => {
    const step = { volumeMounts: [{ name: 'a', mountPath: '/data' }, { name: 'b', mountPath: '/data', readOnly: true }] };
    expect(merged({ volumeMounts: [{ name: 'cache', mountPath: '/cache' }] }, step).volumeMounts).toEqual([
      { name: 'a', readOnly: true, mountPath: '/data' },
      { name: 'cache', mountPath: '/cache' },
    ]);
  });

  it('a repeated mountPath with another mount between is refused', () => {
    const step = { volumeMounts: [{ name: 'a', mountPath: '/data' }, { name: 'w', mountPath: '/workspace' }, { name: 'b', mountPath: '/data' }] };
    expect(mergeWithTemplate({ volumeMounts: [{ name: 'cache', mountPath: '/cache' }] }, step)).toEqual(
      E.left(
        "The order in patch list: [map[mountPath:/data name:b] map[mountPath:/data name:a] map[mountPath:/workspace name:w]] doesn't match $setElementOrder list: [map[mountPath:/data] map[mountPath:/workspace] map[mountPath:/data]]",
      ),
    );
  });

  it('a repeated containerPort', () => {
    const step = { ports: [{ containerPort: 8080 }, { containerPort: 8080, protocol: 'UDP' }] };
    expect(merged({ ports: [{ name: 'http', containerPort: 80 }] }, step).ports).toEqual([{ containerPort: 8080, protocol: 'UDP' }, { name: 'http', containerPort: 80 }]);
  });

  it('a key the template repeats: the step item merges into the first', () => {
    expect(merged({ env: [{ name: 'A', value: 'a' }, { name: 'A', value: 'b' }] }, { env: [{ name: 'A', value: 'c' }] }).env).toEqual([
      { name: 'A', value: 'c' },
      { name: 'A', value: 'b' },
    ]);
  });

  it('when env and volumeMounts both fail, env is reported (Go reported whichever its map iteration met first)', () => {
    const step = { env: [{ name: 'X', value: '1' }, { name: 'Y' }, { name: 'X', value: '2' }], volumeMounts: [{ name: 'p', mountPath: '/p' }, { name: 'q', mountPath: '/q' }, { name: 'r', mountPath: '/p' }] };
    const r = mergeWithTemplate({ env: env('A'), volumeMounts: [{ name: 'v', mountPath: '/v' }] }, step);
    expect(r).toEqual(E.left(expect.stringMatching(/^The order in patch list: \[map\[name:X value:2\] map\[name:X value:1\] map\[name:Y\]\]/)));
  });

  it('mergeAllWithTemplate names the container it could not merge', () => {
    const r = mergeAllWithTemplate({ env: env('A') }, [{ name: 'ok' }, { name: 's', env: [home('/builder/home'), ...env('B'), home('x')] }]);
    expect(r).toEqual(E.left(expect.stringMatching(/^container "s": The order in patch list: /)));
  });
});

describe("Go's encoding of both containers (json.Marshal of a core/v1 Container)", () => {
  it("the step's name always replaces the template's, even when empty (name has no omitempty)", () => {
    expect(merged({ name: 'tmpl', image: 't', workingDir: '/t' }, { image: '', workingDir: '' })).toEqual({ image: 't', workingDir: '/t' });
  });

  it("readOnly: false cannot clear the template's readOnly: true (omitempty)", () => {
    const r = merged({ volumeMounts: [{ name: 'a', mountPath: '/x', readOnly: true }] }, { volumeMounts: [{ name: 'b', mountPath: '/x', readOnly: false }] });
    expect(r.volumeMounts).toEqual([{ name: 'b', readOnly: true, mountPath: '/x' }]);
  });

  it('securityContext merges field by field; its capabilities lists are replaced whole', () => {
    const template = { securityContext: { privileged: true, runAsUser: 1000, capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] } } };
    expect(merged(template, { securityContext: { privileged: false, capabilities: { add: ['SYS_TIME'] } } }).securityContext).toEqual({
      capabilities: { add: ['SYS_TIME'], drop: ['ALL'] },
      privileged: false,
      runAsUser: 1000,
    });
  });

  it('lifecycle and probes merge as objects: the handlers of both sides are kept', () => {
    const template = { lifecycle: { postStart: { exec: { command: ['a'] } } }, readinessProbe: { exec: { command: ['true'] }, periodSeconds: 5 } };
    const step = { lifecycle: { postStart: { httpGet: { path: '/up', port: 8080 } }, preStop: { tcpSocket: { port: 80 } } }, readinessProbe: { periodSeconds: 10 } };
    const r = merged(template, step);
    expect(r.lifecycle).toEqual({ postStart: { exec: { command: ['a'] }, httpGet: { path: '/up', port: 8080 } }, preStop: { tcpSocket: { port: 80 } } });
    expect(r.readinessProbe).toEqual({ exec: { command: ['true'] }, periodSeconds: 10 });
  });

  it('resources merge by resource name', () => {
    const r = merged({ resources: { limits: { cpu: '2', memory: '1Gi' }, requests: { cpu: '500m' } } }, { resources: { limits: { memory: '512Mi' } } });
    expect(Container.encode(r).resources).toEqual({ limits: { cpu: '2', memory: '512Mi' }, requests: { cpu: '500m' } });
  });

  it('envFrom is replaced whole; the valueFrom sources of one env var are combined', () => {
    const template = { envFrom: [{ configMapRef: { name: 't' } }], env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] };
    const step = { envFrom: [{ prefix: 'S_', secretRef: { name: 's' } }], env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } }] };
    expect(merged(template, step)).toEqual({
      envFrom: [{ prefix: 'S_', secretRef: { name: 's' } }],
      env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' }, secretKeyRef: { name: 's', key: 'k' } } }],
    });
  });

  it('fields Go always wrote come back with their zero value: a port without containerPort, a divisor', () => {
    expect(merged({ ports: [{ name: 'p' }] }, { ports: [{ containerPort: 80 }] }).ports).toEqual([{ containerPort: 80 }, { name: 'p', containerPort: 0 }]);
    const r = merged({ env: [{ name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } }] }, { env: env('B') });
    expect(Container.encode(r).env).toEqual([{ name: 'B', value: 'b' }, { name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '0' } } }]);
  });
});

// Expected values from Go: MergeStepsWithStepTemplate's code (json.Marshal of
// v1.Container, CreateThreeWayMergePatch, StrategicMergePatchUsingLookupPatchMeta,
// json.Unmarshal) run on the same containers, the fields Go always prints
// (`name: ""`, `resources: {}`) left out as the model leaves them out.
describe('what omitempty drops and what a pointer keeps (Go-checked)', () => {
  it('an empty resources map of the step is dropped (omitempty), so it neither adds nor clears one', () => {
    expect(merged({ image: 'i' }, { resources: { limits: {} } })).toEqual({ image: 'i' });
    expect(merged({ image: 'i' }, { resources: { requests: {}, limits: { cpu: '1' } } })).toEqual({ image: 'i', resources: { limits: { cpu: '1' } } });
    expect(merged({ resources: { limits: { cpu: '1' } } }, { resources: { limits: {} } })).toEqual({ resources: { limits: { cpu: '1' } } });
  });

  it('an empty object or string behind a pointer is kept: securityContext {}, postStart {}, mountPropagation "", procMount ""', () => {
    expect(merged({ image: 'i' }, { securityContext: {} })).toEqual({ image: 'i', securityContext: {} });
    expect(merged({ image: 'i' }, { lifecycle: { postStart: {} } })).toEqual({ image: 'i', lifecycle: { postStart: {} } });
    expect(merged({ image: 'i' }, { volumeMounts: [{ name: 'a', mountPath: '/x', mountPropagation: '' }] })).toEqual({
      image: 'i',
      volumeMounts: [{ name: 'a', mountPath: '/x', mountPropagation: '' }],
    });
    expect(merged({ image: 'i' }, { securityContext: { procMount: '' } })).toEqual({ image: 'i', securityContext: { procMount: '' } });
  });

  it('an int-or-string port "" (no omitempty) is kept as it is', () => {
    const template = { readinessProbe: { httpGet: { port: '' } }, securityContext: {} };
    expect(mergeAllWithTemplate(template, [{ image: 's' }, { securityContext: { runAsUser: 0 } }])).toEqual(
      E.right([
        { image: 's', readinessProbe: { httpGet: { port: '' } }, securityContext: {} },
        { readinessProbe: { httpGet: { port: '' } }, securityContext: { runAsUser: 0 } },
      ]),
    );
  });
});

// Expected values from Go (MergeStepsWithStepTemplate's calls, Go 1.13's sort).
describe('longer lists with repeated keys (Go-checked)', () => {
  it("13 items with HOME three times: Go 1.13's quicksort leaves /builder/home last, so it wins", () => {
    expect(merged({"env": [{"name": "HOME", "value": "/tpl"}, {"name": "Z", "value": "z"}, {"name": "B", "value": "tb"}]}, {"env": [{"name": "HOME", "value": "/builder/home"}, {"name": "HOME", "value": "/h2"}, {"name": "HOME", "value": "/h3"}, {"name": "B", "value": "b"}, {"name": "C", "value": "c"}, {"name": "D", "value": "d"}, {"name": "E", "value": "e"}, {"name": "F", "value": "f"}, {"name": "G", "value": "g"}, {"name": "H", "value": "h"}, {"name": "I", "value": "i"}, {"name": "J", "value": "j"}, {"name": "K", "value": "k"}]})).toEqual({"env": [{"name": "HOME", "value": "/builder/home"}, {"name": "Z", "value": "z"}, {"name": "B", "value": "b"}, {"name": "C", "value": "c"}, {"name": "D", "value": "d"}, {"name": "E", "value": "e"}, {"name": "F", "value": "f"}, {"name": "G", "value": "g"}, {"name": "H", "value": "h"}, {"name": "I", "value": "i"}, {"name": "J", "value": "j"}, {"name": "K", "value": "k"}]});
  });

  it("8 ports, containerPort 80 three times: merged into one, the fields of all three", () => {
    expect(merged({"ports": [{"containerPort": 80, "name": "http"}, {"containerPort": 443}]}, {"ports": [{"containerPort": 80, "protocol": "TCP"}, {"containerPort": 80, "protocol": "UDP"}, {"containerPort": 80, "name": "web"}, {"containerPort": 81}, {"containerPort": 82}, {"containerPort": 83}, {"containerPort": 84}, {"containerPort": 85}]})).toEqual({"ports": [{"name": "web", "containerPort": 80, "protocol": "TCP"}, {"containerPort": 81}, {"containerPort": 82}, {"containerPort": 83}, {"containerPort": 84}, {"containerPort": 85}, {"containerPort": 443}]});
  });

  it("a devicePath the step repeats, with the template's own items", () => {
    expect(merged({"volumeDevices": [{"name": "t", "devicePath": "/dev/a"}, {"name": "u", "devicePath": "/dev/z"}]}, {"volumeDevices": [{"name": "x", "devicePath": "/dev/a"}, {"name": "y", "devicePath": "/dev/a"}, {"name": "w", "devicePath": "/dev/b"}]})).toEqual({"volumeDevices": [{"name": "x", "devicePath": "/dev/a"}, {"name": "w", "devicePath": "/dev/b"}, {"name": "u", "devicePath": "/dev/z"}]});
  });

  it("14 volumeMounts over 5 mountPaths: refused, the patch list in Go 1.13's quicksort order", () => {
    expect(mergeWithTemplate({"volumeMounts": [{"name": "c", "mountPath": "/cache"}]}, {"volumeMounts": [{"name": "m0", "mountPath": "/p00"}, {"name": "m1", "mountPath": "/p01"}, {"name": "m2", "mountPath": "/p02"}, {"name": "m3", "mountPath": "/p03"}, {"name": "m4", "mountPath": "/p04"}, {"name": "m5", "mountPath": "/p00"}, {"name": "m6", "mountPath": "/p01"}, {"name": "m7", "mountPath": "/p02"}, {"name": "m8", "mountPath": "/p03"}, {"name": "m9", "mountPath": "/p04"}, {"name": "m10", "mountPath": "/p00"}, {"name": "m11", "mountPath": "/p01"}, {"name": "m12", "mountPath": "/p02"}, {"name": "m13", "mountPath": "/p03"}]})).toEqual(E.left("The order in patch list: [map[mountPath:/p00 name:m5] map[mountPath:/p00 name:m10] map[mountPath:/p00 name:m0] map[mountPath:/p01 name:m6] map[mountPath:/p01 name:m11] map[mountPath:/p01 name:m1] map[mountPath:/p02 name:m2] map[mountPath:/p02 name:m7] map[mountPath:/p02 name:m12] map[mountPath:/p03 name:m13] map[mountPath:/p03 name:m3] map[mountPath:/p03 name:m8] map[mountPath:/p04 name:m4] map[mountPath:/p04 name:m9]] doesn't match $setElementOrder list: [map[mountPath:/p00] map[mountPath:/p01] map[mountPath:/p02] map[mountPath:/p03] map[mountPath:/p04] map[mountPath:/p00] map[mountPath:/p01] map[mountPath:/p02] map[mountPath:/p03] map[mountPath:/p04] map[mountPath:/p00] map[mountPath:/p01] map[mountPath:/p02] map[mountPath:/p03]]"));
  });

  it("41 env items over 4 names: refused, the patch list in the order of Go 1.13's quicksort with a ninther", () => {
    expect(mergeWithTemplate({"env": [{"name": "A", "value": "t"}]}, {"env": [{"name": "K0", "value": "0"}, {"name": "K1", "value": "1"}, {"name": "K2", "value": "2"}, {"name": "K3", "value": "3"}, {"name": "K0", "value": "4"}, {"name": "K1", "value": "5"}, {"name": "K2", "value": "6"}, {"name": "K3", "value": "7"}, {"name": "K0", "value": "8"}, {"name": "K1", "value": "9"}, {"name": "K2", "value": "10"}, {"name": "K3", "value": "11"}, {"name": "K0", "value": "12"}, {"name": "K1", "value": "13"}, {"name": "K2", "value": "14"}, {"name": "K3", "value": "15"}, {"name": "K0", "value": "16"}, {"name": "K1", "value": "17"}, {"name": "K2", "value": "18"}, {"name": "K3", "value": "19"}, {"name": "K0", "value": "20"}, {"name": "K1", "value": "21"}, {"name": "K2", "value": "22"}, {"name": "K3", "value": "23"}, {"name": "K0", "value": "24"}, {"name": "K1", "value": "25"}, {"name": "K2", "value": "26"}, {"name": "K3", "value": "27"}, {"name": "K0", "value": "28"}, {"name": "K1", "value": "29"}, {"name": "K2", "value": "30"}, {"name": "K3", "value": "31"}, {"name": "K0", "value": "32"}, {"name": "K1", "value": "33"}, {"name": "K2", "value": "34"}, {"name": "K3", "value": "35"}, {"name": "K0", "value": "36"}, {"name": "K1", "value": "37"}, {"name": "K2", "value": "38"}, {"name": "K3", "value": "39"}, {"name": "K0", "value": "40"}]})).toEqual(E.left("The order in patch list: [map[name:K0 value:0] map[name:K0 value:4] map[name:K0 value:40] map[name:K0 value:36] map[name:K0 value:12] map[name:K0 value:20] map[name:K0 value:16] map[name:K0 value:24] map[name:K0 value:8] map[name:K0 value:28] map[name:K0 value:32] map[name:K1 value:1] map[name:K1 value:25] map[name:K1 value:37] map[name:K1 value:9] map[name:K1 value:29] map[name:K1 value:17] map[name:K1 value:33] map[name:K1 value:21] map[name:K1 value:5] map[name:K1 value:13] map[name:K2 value:14] map[name:K2 value:30] map[name:K2 value:26] map[name:K2 value:22] map[name:K2 value:34] map[name:K2 value:10] map[name:K2 value:6] map[name:K2 value:38] map[name:K2 value:2] map[name:K2 value:18] map[name:K3 value:7] map[name:K3 value:19] map[name:K3 value:15] map[name:K3 value:3] map[name:K3 value:11] map[name:K3 value:35] map[name:K3 value:39] map[name:K3 value:31] map[name:K3 value:27] map[name:K3 value:23]] doesn't match $setElementOrder list: [map[name:K0] map[name:K1] map[name:K2] map[name:K3] map[name:K0] map[name:K1] map[name:K2] map[name:K3] map[name:K0] map[name:K1] map[name:K2] map[name:K3] map[name:K0] map[name:K1] map[name:K2] map[name:K3] map[name:K0] map[name:K1] map[name:K2] map[name:K3] map[name:K0] map[name:K1] map[name:K2] map[name:K3] map[name:K0] map[name:K1] map[name:K2] map[name:K3] map[name:K0] map[name:K1] map[name:K2] map[name:K3] map[name:K0] map[name:K1] map[name:K2] map[name:K3] map[name:K0] map[name:K1] map[name:K2] map[name:K3] map[name:K0]]"));
  });
});

describe('mergeAllWithTemplate names the container it could not merge', () => {
  const refused = { env: [{ name: 'HOME', value: '/builder/home' }, ...env('B'), { name: 'HOME', value: 'x' }] };
  it.each<[string, Container, string]>([
    ['by its name', { name: 'step-a', ...refused }, 'container "step-a": '],
    ['by its index when it has no name', refused, 'container #1: '],
    ['by its index when its name is empty', { name: '', ...refused }, 'container #1: '],
  ])('%s', (_name, bad, prefix) => {
    const r = mergeAllWithTemplate({ env: env('A') }, [{ name: 'ok' }, bad]);
    expect(E.isLeft(r) && r.left.startsWith(`${prefix}The order in patch list: `)).toBe(true);
  });
});

describe('in a rendered TaskRun (the step gets HOME=/builder/home first)', () => {
  const render = (stepEnv: readonly EnvVar[]) =>
    renderPod(
      objectsOf(
        taskRunDoc(
          { name: 'run', namespace: 'default' },
          { taskSpec: { stepTemplate: { env: [{ name: 'BAR', value: 'b' }] }, steps: [{ name: 's', image: 'ubuntu', command: ['echo'], env: stepEnv }] } },
        ),
        serviceAccountDoc('default'),
      ),
    );

  it("a step's own HOME, first in its env: Tekton kept the implicit one", () => {
    const r = render([{ name: 'HOME', value: 'b' }, { name: 'FOO', value: 'x y' }]);
    expect(E.isRight(r) && r.right.spec?.containers?.[0]?.env).toEqual([
      { name: 'HOME', value: '/builder/home' },
      { name: 'FOO', value: 'x y' },
      { name: 'BAR', value: 'b' },
    ]);
  });

  it("a step's own HOME after another env var: Tekton refused the TaskRun", () => {
    expect(render([{ name: 'FOO', value: 'x y' }, { name: 'HOME', value: 'b' }])).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'Refused',
          object: 'TaskRun default/run',
          field: 'spec.stepTemplate',
          message: expect.stringMatching(/^container "step-s": The order in patch list: .* doesn't match \$setElementOrder list: /),
        }),
      ),
    );
  });
});
