/**
 * Bad input, end to end through the library (YAML text in, error out): each
 * refusal names the object it is about (`Kind ns/name`, or the file) and the
 * field path inside it.
 */
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { TaskpodError } from '../src/errors';
import { formatError } from '../src/errors';
import { decodeAs } from '../src/input/decode';
import { collectObjects } from '../src/input/objects';
import { parseDocuments } from '../src/input/yaml';
import { configFromFile, ConfigFile } from '../src/model/config';
import { renderPod } from '../src/render';

/** Renders `input` (YAML) with `config` (YAML), as the CLI does. */
function render(input: string, config = 'imageEntrypoints: {ubuntu: ["/bin/bash"]}\n') {
  return pipe(
    E.Do,
    E.bind('objects', () =>
      pipe(
        parseDocuments(input, 'input.yaml'),
        E.chain((docs) => collectObjects(docs, (i) => `input.yaml, document ${i + 1}`)),
      ),
    ),
    E.bind('config', () =>
      pipe(
        parseDocuments(config, 'config.yaml'),
        E.chain((docs) => decodeAs(ConfigFile, docs[0] ?? {}, 'config config.yaml')),
        E.map(configFromFile),
      ),
    ),
    E.chain(({ objects, config: c }) => renderPod(objects, { config: c })),
  );
}

function refusal(input: string, config?: string): TaskpodError {
  const r = render(input, config);
  if (E.isRight(r)) throw new Error('expected a refusal, got a Pod');
  return r.left;
}

const SA = `---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: ci}
`;

const run = (spec: string, meta = 'name: run, namespace: ci') => `apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {${meta}}
spec:
${spec}
`;

const task = (spec: string, name = 'build', kind = 'Task') => `---
apiVersion: tekton.dev/v1alpha1
kind: ${kind}
metadata: {name: ${name}${kind === 'Task' ? ', namespace: ci' : ''}}
spec:
${spec}
`;

const refTask = run('  taskRef: {name: build}');
const goodSteps = '  steps:\n  - {name: s, image: ubuntu}\n';

it('a valid input renders (the baseline the cases below break)', () => {
  expect(E.isRight(render(refTask + task(goodSteps) + SA))).toBe(true);
});

it('YAML syntax: names the file and what is wrong', () => {
  expect(refusal(`${refTask}  inputs: [oops\n${SA}`)).toMatchObject({ _tag: 'InvalidInput', object: 'input.yaml, document 1', message: expect.stringMatching(/^not valid YAML/) });
});

it('a wrong field type deep inside a step: the object and the path to the field', () => {
  const e = refusal(refTask + task('  steps:\n  - name: s\n    image: ubuntu\n    env:\n    - {name: A, value: x}\n    - name: B\n      valueFrom: {secretKeyRef: {name: s, key: [k]}}\n') + SA);
  expect(e).toMatchObject({ _tag: 'InvalidInput', object: 'Task ci/build', field: 'spec.steps[0].env[1].valueFrom.secretKeyRef.key' });
  expect(formatError(e)).toBe(`Task ci/build: spec.steps[0].env[1].valueFrom.secretKeyRef.key: ${e.message}`);
});

it('a mapping where a param value (a string or a list) belongs', () => {
  expect(refusal(run('  inputs:\n    params:\n    - {name: p, value: {a: b}}\n  taskRef: {name: build}') + task(goodSteps) + SA)).toMatchObject({
    object: 'TaskRun ci/run',
    field: 'spec.inputs.params[0].value',
    message: 'expected ArrayOrString, got {"a":"b"}',
  });
});

it('no TaskRun', () => {
  expect(refusal(task(goodSteps) + SA)).toMatchObject({ _tag: 'InvalidInput', object: 'input', message: expect.stringContaining('no TaskRun') });
});

it('two TaskRuns: both named', () => {
  expect(refusal(refTask + '---\n' + run('  taskRef: {name: build}', 'name: other, namespace: ci') + task(goodSteps) + SA).message).toMatch(/2 TaskRuns found \(run, other\)/);
});

it('a missing Task', () => {
  expect(refusal(refTask + SA)).toEqual({ _tag: 'Unresolved', object: 'TaskRun ci/run', field: 'spec.taskRef.name', message: 'Task "build" not found in namespace "ci"' });
});

it('a missing ClusterTask', () => {
  expect(refusal(run('  taskRef: {name: build, kind: ClusterTask}') + task(goodSteps) + SA)).toEqual({
    _tag: 'Unresolved',
    object: 'TaskRun ci/run',
    field: 'spec.taskRef.name',
    message: 'ClusterTask "build" not found in the cluster',
  });
});

it('a missing ServiceAccount', () => {
  expect(refusal(run('  serviceAccountName: builder\n  taskRef: {name: build}') + task(goodSteps) + SA)).toMatchObject({
    _tag: 'Unresolved',
    object: 'TaskRun ci/run',
    field: 'spec.serviceAccountName',
    message: expect.stringContaining('"builder"'),
  });
});

it('a missing Secret of the ServiceAccount', () => {
  const sa = '---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: builder, namespace: ci}\nsecrets:\n- name: regcred\n';
  expect(refusal(run('  serviceAccountName: builder\n  taskRef: {name: build}') + task(goodSteps) + sa)).toMatchObject({
    _tag: 'Unresolved',
    object: 'ServiceAccount ci/builder',
    field: 'secrets[0].name',
    message: expect.stringContaining('"regcred"'),
  });
});

it('an image whose entrypoint is unknown: the step of the Task', () => {
  expect(refusal(refTask + task('  steps:\n  - {name: ok, image: ubuntu}\n  - {name: go, image: golang}\n') + SA)).toMatchObject({
    _tag: 'Unresolved',
    object: 'Task ci/build',
    field: 'spec.steps[1].image',
    message: expect.stringContaining('"golang"'),
  });
});

it('an image whose entrypoint is unknown: the step of an embedded taskSpec', () => {
  expect(refusal(run('  taskSpec:\n    steps:\n    - {name: go, image: golang}') + SA)).toMatchObject({ object: 'TaskRun ci/run', field: 'spec.taskSpec.steps[0].image' });
});

// The steps of input resources (here git-source) come before the Task's
// steps when the entrypoints are looked up; the path still names the step
// where the Task declares it.
it('an unknown entrypoint behind an input resource: the path of the step in the Task', () => {
  const withGit = run('  taskRef: {name: build}\n  inputs:\n    resources:\n    - name: src\n      resourceSpec:\n        type: git\n        params: [{name: url, value: "https://github.com/x/y"}]');
  const t = task('  inputs:\n    resources:\n    - {name: src, type: git}\n  steps:\n  - {name: ok, image: ubuntu}\n  - {name: go, image: golang}\n');
  expect(refusal(withGit + t + SA)).toMatchObject({ object: 'Task ci/build', field: 'spec.steps[1].image' });
});

it('an invalid step name', () => {
  expect(refusal(refTask + task('  steps:\n  - {name: Build_It, image: ubuntu}\n') + SA)).toMatchObject({
    _tag: 'Invalid',
    object: 'Task ci/build',
    field: 'spec.steps[0].name',
    message: expect.stringContaining('"Build_It"'),
  });
});

it('a script with a command', () => {
  expect(refusal(refTask + task('  steps:\n  - name: s\n    image: ubuntu\n    command: [sh]\n    script: "#!/bin/sh"\n') + SA)).toMatchObject({
    _tag: 'Invalid',
    object: 'Task ci/build',
    field: 'spec.steps[0].script',
    message: 'script cannot be used with args or command',
  });
});

it('the reserved step name place-tools', () => {
  expect(refusal(run('  taskSpec:\n    steps:\n    - {name: place-tools, image: ubuntu}') + SA)).toMatchObject({
    _tag: 'Invalid',
    object: 'TaskRun ci/run',
    field: 'spec.taskSpec.steps[0].name',
    message: expect.stringContaining('reserved'),
  });
});

it('duplicate volumes of a Task', () => {
  expect(refusal(refTask + task(`${goodSteps}  volumes:\n  - {name: v, emptyDir: {}}\n  - {name: v, emptyDir: {}}\n`) + SA)).toMatchObject({
    _tag: 'Invalid',
    object: 'Task ci/build',
    field: 'spec.volumes[1].name',
    message: 'multiple volumes with same name "v"',
  });
});

it('a Task volume that collides with a podTemplate volume: the place in the Pod (after tools and downward)', () => {
  const e = refusal(run('  taskRef: {name: build}\n  podTemplate:\n    volumes:\n    - {name: v, emptyDir: {}}') + task(`${goodSteps}  volumes:\n  - {name: v, emptyDir: {}}\n`) + SA);
  expect(e).toMatchObject({ _tag: 'Refused', object: 'TaskRun ci/run', field: 'pod.spec.volumes[3].name', message: 'multiple volumes with same name "v"' });
});

it('a mount of a volume nothing declares', () => {
  expect(refusal(refTask + task('  steps:\n  - name: s\n    image: ubuntu\n    volumeMounts:\n    - {name: ghost, mountPath: /ghost}\n') + SA)).toMatchObject({
    _tag: 'Refused',
    object: 'TaskRun ci/run',
    field: 'pod.spec.containers[0].volumeMounts[0].name',
    message: expect.stringContaining('"ghost"'),
  });
});

it('an unknown image key in the config', () => {
  expect(refusal(refTask + task(goodSteps) + SA, 'images:\n  entrypoint: my/entrypoint\n  creds-init: my/creds\n')).toMatchObject({
    _tag: 'InvalidInput',
    object: 'config config.yaml',
    field: 'images.creds-init',
    message: expect.stringContaining('unknown image key "creds-init"'),
  });
});

it('a param without value or default', () => {
  expect(refusal(refTask + task(`  inputs:\n    params:\n    - {name: p}\n${goodSteps}`) + SA)).toMatchObject({
    _tag: 'Invalid',
    object: 'TaskRun ci/run',
    field: 'spec.inputs.params',
    message: expect.stringContaining('[p]'),
  });
});

it('a Task whose name has a dot', () => {
  expect(refusal(run('  taskRef: {name: a.b}') + task(goodSteps, 'a.b') + SA)).toMatchObject({ _tag: 'Invalid', object: 'Task ci/a.b', field: 'metadata.name' });
});

it('a TaskRun with both taskRef and taskSpec', () => {
  expect(refusal(run(`  taskRef: {name: build}\n  taskSpec:\n  ${goodSteps.replace(/\n  /g, '\n    ')}`) + task(goodSteps) + SA)).toMatchObject({ _tag: 'Invalid', object: 'TaskRun ci/run', field: 'spec' });
});
