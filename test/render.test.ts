/**
 * render.ts end to end: the reconciler cases of taskrun_test.go
 * (TestReconcile) that need no PipelineResource, with their expected Pods:
 * success, serviceaccount, deprecated-serviceaccount,
 * success-with-cluster-task, taskrun-with-labels, taskrun-with-annotations,
 * task-env, taskrun-with-resource-requests. The Pod name's six hex digits
 * and the credential initializer's suffix are checked for their shape.
 */
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { Container, Pod } from '../src/model/core';
import { DEFAULT_CONFIG } from '../src/model/config';
import { podName, withSuffix } from '../src/names';
import { admit, redirect, renderPod, renderTaskRun, substitute } from '../src/render';
import { collectObjects, type InputObjects } from '../src/input/objects';
import { resolveRun, ResolvedRun, theTaskRun } from '../src/resolve';
import {
  credsInit,
  downwardMount,
  downwardVolume,
  entrypointArgs,
  generated,
  homeVolume,
  placeTools,
  redirectedStep,
  TEST_IMAGES,
  toolsMount,
  toolsVolume,
  withEnv,
  withLimits,
  withRequests,
  workspaceVolume,
} from './support/builders';
import { clusterTaskDoc, objectsOf, serviceAccountDoc, taskDoc, taskRunDoc } from './support/objects';

const config = { ...DEFAULT_CONFIG, images: TEST_IMAGES };
const simpleStep = { name: 'simple-step', image: 'foo', command: ['/mycmd'] };
const simpleTask = taskDoc({ name: 'test-task', namespace: 'foo' }, { steps: [simpleStep] });
const saTask = taskDoc({ name: 'test-with-sa', namespace: 'foo' }, { steps: [{ name: 'sa-step', image: 'foo', command: ['/mycmd'] }] });

function podFor(run: unknown, ...more: unknown[]): Pod {
  const r = renderPod(objectsOf(run, ...more), { config });
  if (E.isLeft(r)) throw new Error(`${r.left.object}: ${r.left.field}: ${r.left.message}`);
  return r.right;
}

/** taskrun_test's expected Pod: its metadata, then the spec around the step containers. */
function expectedPod(pod: Pod, taskRun: string, labels: Record<string, string>, containers: Container[], spec: Pod['spec'] = {}, annotations: Record<string, string> = {}): Pod {
  expect(pod.metadata?.name).toMatch(new RegExp(`^${taskRun}-pod-[0-9a-f]{6}$`));
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name: pod.metadata?.name,
      namespace: 'foo',
      labels: { 'app.kubernetes.io/managed-by': 'tekton-pipelines', 'tekton.dev/taskRun': taskRun, ...labels },
      annotations: { 'tekton.dev/ready': '', ...annotations },
      ownerReferences: [{ apiVersion: 'tekton.dev/v1alpha1', kind: 'TaskRun', name: taskRun, uid: '', controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      volumes: [toolsVolume, downwardVolume, workspaceVolume, homeVolume],
      initContainers: [credsInit(generated(pod.spec?.initContainers?.[0]?.name, 'step-credential-initializer')), placeTools()],
      containers,
      restartPolicy: 'Never',
      ...spec,
    },
  };
}

const simpleContainer = redirectedStep('step-simple-step', 'foo', 0, ['/mycmd'], []);

it('success', () => {
  const pod = podFor(taskRunDoc({ name: 'test-taskrun-run-success', namespace: 'foo' }, { taskRef: { name: 'test-task', apiVersion: 'a1' } }), simpleTask, serviceAccountDoc('default', 'foo'));
  expect(pod).toEqual(expectedPod(pod, 'test-taskrun-run-success', { 'tekton.dev/task': 'test-task' }, [simpleContainer]));
});

it('serviceaccount', () => {
  const pod = podFor(
    taskRunDoc({ name: 'test-taskrun-with-sa-run-success', namespace: 'foo' }, { taskRef: { name: 'test-with-sa', apiVersion: 'a1' }, serviceAccountName: 'test-sa' }),
    saTask,
    serviceAccountDoc('test-sa', 'foo'),
  );
  expect(pod).toEqual(
    expectedPod(pod, 'test-taskrun-with-sa-run-success', { 'tekton.dev/task': 'test-with-sa' }, [redirectedStep('step-sa-step', 'foo', 0, ['/mycmd'], [])], { serviceAccountName: 'test-sa' }),
  );
});

it('deprecated-serviceaccount', () => {
  const pod = podFor(
    taskRunDoc({ name: 'test-taskrun-with-deprecated-sa-run-success', namespace: 'foo' }, { taskRef: { name: 'test-with-sa', apiVersion: 'a1' }, serviceAccount: 'test-deprecated-sa' }),
    saTask,
    serviceAccountDoc('test-deprecated-sa', 'foo'),
  );
  expect(pod).toEqual(
    expectedPod(pod, 'test-taskrun-with-deprecated-sa-run-success', { 'tekton.dev/task': 'test-with-sa' }, [redirectedStep('step-sa-step', 'foo', 0, ['/mycmd'], [])], {
      serviceAccountName: 'test-deprecated-sa',
    }),
  );
});

it('success-with-cluster-task', () => {
  const pod = podFor(
    taskRunDoc({ name: 'test-taskrun-with-cluster-task', namespace: 'foo' }, { taskRef: { name: 'test-cluster-task', kind: 'ClusterTask' } }),
    clusterTaskDoc('test-cluster-task', { steps: [simpleStep] }),
    serviceAccountDoc('default', 'foo'),
  );
  expect(pod).toEqual(expectedPod(pod, 'test-taskrun-with-cluster-task', { 'tekton.dev/task': 'test-cluster-task' }, [simpleContainer]));
});

it('taskrun-with-labels: a TaskRun label passes through, tekton.dev/taskRun cannot be overridden', () => {
  const pod = podFor(
    taskRunDoc({ name: 'test-taskrun-with-labels', namespace: 'foo', labels: { TaskRunLabel: 'TaskRunValue', 'tekton.dev/taskRun': 'WillNotBeUsed' } }, { taskRef: { name: 'test-task' } }),
    simpleTask,
    serviceAccountDoc('default', 'foo'),
  );
  expect(pod).toEqual(expectedPod(pod, 'test-taskrun-with-labels', { TaskRunLabel: 'TaskRunValue', 'tekton.dev/task': 'test-task' }, [simpleContainer]));
});

it('taskrun-with-annotations', () => {
  const pod = podFor(
    taskRunDoc({ name: 'test-taskrun-with-annotations', namespace: 'foo', annotations: { TaskRunAnnotation: 'TaskRunValue' } }, { taskRef: { name: 'test-task' } }),
    simpleTask,
    serviceAccountDoc('default', 'foo'),
  );
  expect(pod).toEqual(expectedPod(pod, 'test-taskrun-with-annotations', { 'tekton.dev/task': 'test-task' }, [simpleContainer], {}, { TaskRunAnnotation: 'TaskRunValue' }));
});

it('task-env: the stepTemplate env on the init containers and the step', () => {
  const task = taskDoc(
    { name: 'test-task-env', namespace: 'foo' },
    {
      stepTemplate: { env: [{ name: 'FRUIT', value: 'APPLE' }] },
      steps: [{ name: 'env-step', image: 'foo', command: ['/mycmd'], env: [{ name: 'ANOTHER', value: 'VARIABLE' }, { name: 'FRUIT', value: 'LEMON' }] }],
    },
  );
  const pod = podFor(taskRunDoc({ name: 'test-taskrun-task-env', namespace: 'foo' }, { taskRef: { name: 'test-task-env' } }), task, serviceAccountDoc('default', 'foo'));
  const expected = expectedPod(pod, 'test-taskrun-task-env', { 'tekton.dev/task': 'test-task-env' }, [
    redirectedStep('step-env-step', 'foo', 0, ['/mycmd'], [], withEnv('ANOTHER', 'VARIABLE'), withEnv('FRUIT', 'LEMON')),
  ]);
  expect(pod).toEqual({
    ...expected,
    spec: { ...expected.spec, initContainers: expected.spec?.initContainers?.map((c) => withEnv<Container>('FRUIT', 'APPLE')(c)) },
  });
});

it('taskrun-with-resource-requests', () => {
  const pod = podFor(
    taskRunDoc(
      { name: 'test-taskrun-with-resource-requests', namespace: 'foo' },
      {
        taskSpec: {
          steps: [
            { name: 'step1', image: 'foo', command: ['/mycmd'], resources: { limits: { cpu: '8', memory: '10Gi' }, requests: { cpu: '4', memory: '3Gi' } } },
            { name: 'step2', image: 'foo', command: ['/mycmd'], resources: { limits: { memory: '5Gi' }, requests: { cpu: '2', memory: '5Gi', 'ephemeral-storage': '25Gi' } } },
            { name: 'step3', image: 'foo', command: ['/mycmd'] },
          ],
        },
      },
    ),
    serviceAccountDoc('default', 'foo'),
  );
  expect(pod).toEqual(
    expectedPod(pod, 'test-taskrun-with-resource-requests', {}, [
      redirectedStep('step-step1', 'foo', 0, ['/mycmd'], [], withLimits({ cpu: '8', memory: '10Gi' }), withRequests({ cpu: '4', memory: '0', 'ephemeral-storage': '0' })),
      redirectedStep('step-step2', 'foo', 1, ['/mycmd'], [], withLimits({ memory: '5Gi' }), withRequests({ cpu: '0', memory: '5Gi', 'ephemeral-storage': '25Gi' })),
      redirectedStep('step-step3', 'foo', 2, ['/mycmd'], []),
    ]),
  );
});

// ---------------------------------------------------------------------------
// Beyond taskrun_test.go: the stages of renderPod and the public stages.
// ---------------------------------------------------------------------------

const tableConfig = { ...config, imageEntrypoints: { ubuntu: ['/bin/bash'], '$(inputs.params.)': ['/bin/sh'] } };
const sa = serviceAccountDoc('default', 'foo');

function podWith(cfg: typeof tableConfig, ...docs: unknown[]): Pod {
  const r = renderPod(objectsOf(...docs), { config: cfg });
  if (E.isLeft(r)) throw new Error(`${r.left.object}: ${r.left.field}: ${r.left.message}`);
  return r.right;
}

const containerNamed = (pod: Pod, name: string) => pod.spec?.containers?.find((c) => c.name === name);

// DEVIATIONS.md item 3: the entrypoint of a step without command is looked
// up under its image after substitution (Tekton failed on the variable).
describe('the entrypoint lookup uses the substituted image', () => {
  const task = (spec: Record<string, unknown>) => taskDoc({ name: 't', namespace: 'foo' }, spec);
  const run = (spec: Record<string, unknown> = {}) => taskRunDoc({ name: 'r', namespace: 'foo' }, { taskRef: { name: 't' }, ...spec });

  it('a param default', () => {
    const pod = podWith(tableConfig, run(), task({ inputs: { params: [{ name: 'img', type: 'string', default: 'ubuntu' }] }, steps: [{ name: 's', image: '$(inputs.params.img)' }] }), sa);
    expect(pod).toEqual(expectedPod(pod, 'r', { 'tekton.dev/task': 't' }, [redirectedStep('step-s', 'ubuntu', 0, ['/bin/bash'], [])]));
  });

  it("the TaskRun's value over the default", () => {
    const pod = podWith(
      tableConfig,
      run({ inputs: { params: [{ name: 'img', value: 'ubuntu' }] } }),
      task({ inputs: { params: [{ name: 'img', type: 'string', default: 'golang' }] }, steps: [{ name: 's', image: '$(inputs.params.img)' }] }),
      sa,
    );
    expect(pod).toEqual(expectedPod(pod, 'r', { 'tekton.dev/task': 't' }, [redirectedStep('step-s', 'ubuntu', 0, ['/bin/bash'], [])]));
  });

  it('an input resource field (and the same field in args)', () => {
    const pod = podWith(
      tableConfig,
      run({ inputs: { resources: [{ name: 'src', resourceSpec: { type: 'image', params: [{ name: 'url', value: 'ubuntu' }] } }] } }),
      task({ inputs: { resources: [{ name: 'src', type: 'image' }] }, steps: [{ name: 's', image: '$(inputs.resources.src.url)', args: ['$(inputs.resources.src.url)'] }] }),
      sa,
    );
    expect(pod).toEqual(expectedPod(pod, 'r', { 'tekton.dev/task': 't' }, [redirectedStep('step-s', 'ubuntu', 0, ['/bin/bash'], ['ubuntu'])]));
  });

  it('an output resource field of a Task without inputs (and the same field in args)', () => {
    const pod = podWith(
      tableConfig,
      run({ outputs: { resources: [{ name: 'img', resourceSpec: { type: 'image', params: [{ name: 'url', value: 'ubuntu' }] } }] } }),
      task({ outputs: { resources: [{ name: 'img', type: 'image' }] }, steps: [{ name: 's', image: '$(outputs.resources.img.url)', args: ['$(outputs.resources.img.url)'] }] }),
      sa,
    );
    // Step 1: AddOutputResources puts the output's create-dir step first.
    expect(containerNamed(pod, 'step-s')).toEqual(redirectedStep('step-s', 'ubuntu', 1, ['/bin/bash'], ['ubuntu']));
  });

  it('a variable naming no param stays as written, in the lookup and in the Pod', () => {
    const pod = podWith(tableConfig, run(), task({ steps: [{ name: 's', image: '$(inputs.params.)', args: ['$(inputs.params.)'] }] }), sa);
    expect(pod).toEqual(expectedPod(pod, 'r', { 'tekton.dev/task': 't' }, [redirectedStep('step-s', '$(inputs.params.)', 0, ['/bin/sh'], ['$(inputs.params.)'])]));
  });
});

describe('errors name the step where the Task declares it', () => {
  it('the first step of a Task behind an input resource step', () => {
    const r = renderPod(
      objectsOf(
        taskRunDoc(
          { name: 'r', namespace: 'foo' },
          { taskRef: { name: 't' }, inputs: { resources: [{ name: 'src', resourceSpec: { type: 'git', params: [{ name: 'url', value: 'https://github.com/x/y' }] } }] } },
        ),
        taskDoc({ name: 't', namespace: 'foo' }, { inputs: { resources: [{ name: 'src', type: 'git' }] }, steps: [{ name: 'go', image: 'golang' }] }),
        sa,
      ),
      { config: tableConfig },
    );
    expect(r).toEqual(E.left(expect.objectContaining({ _tag: 'Unresolved', object: 'Task foo/t', field: 'spec.steps[0].image', message: expect.stringContaining('"golang"') })));
  });
});

// reconcile: a cancelled TaskRun is cancelled before anything is looked up.
it('a cancelled TaskRun is refused before its Task or ServiceAccount is looked up', () => {
  expect(renderPod(objectsOf(taskRunDoc({ name: 'r', namespace: 'foo' }, { taskRef: { name: 'missing' }, status: 'TaskRunCancelled' })), { config })).toEqual(
    E.left({ _tag: 'Refused', object: 'TaskRun foo/r', field: 'spec.status', message: 'the TaskRun is cancelled: Tekton creates no Pod for it' }),
  );
});

it('another spec.status is not a cancellation', () => {
  const pod = podFor(taskRunDoc({ name: 'r', namespace: 'foo' }, { taskRef: { name: 'test-task' }, status: 'Running' }), simpleTask, sa);
  expect(pod).toEqual(expectedPod(pod, 'r', { 'tekton.dev/task': 'test-task' }, [simpleContainer]));
});

// MakePod: the owner reference is metav1.NewControllerRef(taskRun), with its UID.
it("the owner reference carries the TaskRun's uid", () => {
  const run = { ...taskRunDoc({ name: 'r', namespace: 'foo' }, { taskRef: { name: 'test-task' } }), metadata: { name: 'r', namespace: 'foo', uid: '5f8d-uid' } };
  const pod = podFor(run, simpleTask, sa);
  const expected = expectedPod(pod, 'r', { 'tekton.dev/task': 'test-task' }, [simpleContainer]);
  expect(pod).toEqual({ ...expected, metadata: { ...expected.metadata, ownerReferences: [{ ...expected.metadata!.ownerReferences![0]!, uid: '5f8d-uid' }] } });
});

// DEVIATIONS.md, generated names: derived from the TaskRun's namespace/name.
it('generated names are derived from namespace/name', () => {
  const doc = (namespace: string) => taskRunDoc({ name: 'r', namespace }, { taskSpec: { steps: [simpleStep] } });
  const a = podFor(doc('foo'), sa);
  const b = podFor(doc('bar'), serviceAccountDoc('default', 'bar'));
  expect([a.metadata?.name, a.spec?.initContainers?.[0]?.name]).toEqual([podName('foo/r', 'r'), withSuffix('foo/r', 'step-credential-initializer')]);
  expect([b.metadata?.name, b.spec?.initContainers?.[0]?.name]).toEqual([podName('bar/r', 'r'), withSuffix('bar/r', 'step-credential-initializer')]);
  expect(a.metadata?.name).not.toBe(b.metadata?.name);
});

// docs/sidecars.md: nop (default) as Tekton; native at the end of the init containers.
describe('sidecars', () => {
  const sidecar = { name: 'sidecar', image: 'redis' };
  const doc = taskRunDoc({ name: 'r', namespace: 'foo' }, { taskSpec: { steps: [simpleStep], sidecars: [sidecar] } });
  const render = (sidecars?: 'nop' | 'native') => {
    const r = renderPod(objectsOf(doc, sa), { config, ...(sidecars !== undefined ? { sidecars } : {}) });
    if (E.isLeft(r)) throw new Error(r.left.message);
    return r.right;
  };

  it.each([['default', undefined], ['nop', 'nop' as const]])('%s: after the steps, as written', (_name, mode) => {
    const pod = render(mode);
    expect(pod).toEqual(expectedPod(pod, 'r', {}, [simpleContainer, sidecar]));
  });

  it('native: after the init containers, restartPolicy Always', () => {
    const pod = render('native');
    const expected = expectedPod(pod, 'r', {}, [simpleContainer]);
    expect(pod).toEqual({ ...expected, spec: { ...expected.spec, initContainers: [...expected.spec!.initContainers!, { ...sidecar, restartPolicy: 'Always' }] } });
  });

  it('native without sidecars: the Tekton Pod', () => {
    const plain = taskRunDoc({ name: 'r', namespace: 'foo' }, { taskSpec: { steps: [simpleStep] } });
    expect(renderPod(objectsOf(plain, sa), { config, sidecars: 'native' })).toEqual(renderPod(objectsOf(plain, sa), { config }));
  });
});

// The public stages called on their own.
describe('redirect, substitute and admit', () => {
  const resolvedRun = (...docs: unknown[]): ResolvedRun => {
    const objects = objectsOf(...docs);
    const r = pipe(theTaskRun(objects), E.chain((run) => resolveRun(objects, run)));
    if (E.isLeft(r)) throw new Error(r.left.message);
    return r.right;
  };
  const placeToolsStep = { name: 'place-tools', image: TEST_IMAGES.entrypoint, command: ['cp', '/ko-app/entrypoint', '/builder/tools/entrypoint'], volumeMounts: [toolsMount] };
  const first = (image: string, command: string[], args: string[] = []) => ({
    name: 's',
    image,
    command: ['/builder/tools/entrypoint'],
    args: entrypointArgs(0, command, ...args),
    volumeMounts: [toolsMount, downwardMount],
  });

  it('a TaskSpec without steps gets place-tools and the tools and downward volumes', () => {
    const run = resolvedRun(taskRunDoc({ name: 'r', namespace: 'foo' }, { taskSpec: { steps: [simpleStep] } }), sa);
    expect(redirect(run, {}, tableConfig)).toEqual(E.right({ steps: [placeToolsStep], volumes: [toolsVolume, downwardVolume] }));
  });

  it('a TaskRun without spec: lookup and substitution leave an unknown variable', () => {
    const run = resolvedRun({ apiVersion: 'tekton.dev/v1alpha1', kind: 'TaskRun', metadata: { name: 'r', namespace: 'foo' } }, sa);
    const spec = { steps: [{ name: 's', image: '$(inputs.params.)', args: ['$(inputs.params.)'] }] };
    expect(redirect(run, spec, tableConfig)).toEqual(E.right({ steps: [placeToolsStep, first('$(inputs.params.)', ['/bin/sh'], ['$(inputs.params.)'])], volumes: [toolsVolume, downwardVolume] }));
    expect(substitute(run, spec)).toEqual(spec);
  });

  it('a step that is not one of the Task steps is named by its place in the spec given', () => {
    const run = resolvedRun(taskRunDoc({ name: 'r', namespace: 'foo' }, { taskSpec: { steps: [simpleStep] } }), sa);
    expect(redirect(run, { steps: [{ ...simpleStep }, { name: 'go', image: 'golang' }] }, tableConfig)).toEqual(
      E.left(expect.objectContaining({ _tag: 'Unresolved', object: 'TaskRun foo/r', field: 'spec.taskSpec.steps[1].image', message: expect.stringContaining('"golang"') })),
    );
  });

  it('a step without image and command: the lookup of the empty image fails', () => {
    const run = resolvedRun(taskRunDoc({ name: 'r', namespace: 'foo' }, { taskSpec: { steps: [simpleStep] } }), sa);
    expect(redirect(run, { steps: [{ name: 'x' }] }, tableConfig)).toEqual(
      E.left(expect.objectContaining({ _tag: 'Unresolved', object: 'TaskRun foo/r', field: 'spec.taskSpec.steps[0].image', message: expect.stringContaining('image ""') })),
    );
  });

  it('substitute: params, then input, then output resources', () => {
    const run = resolvedRun(
      taskRunDoc(
        { name: 'r', namespace: 'foo' },
        {
          taskSpec: { steps: [simpleStep] },
          inputs: {
            params: [{ name: 'p', value: '$(outputs.resources.out.url)' }],
            resources: [{ name: 'in', resourceSpec: { type: 'image', params: [{ name: 'url', value: 'in-url' }] } }],
          },
          outputs: { resources: [{ name: 'out', resourceSpec: { type: 'image', params: [{ name: 'url', value: 'out-url' }] } }] },
        },
      ),
      sa,
    );
    const spec = {
      inputs: { params: [{ name: 'p', type: 'string' }], resources: [{ name: 'in', type: 'image' }] },
      outputs: { resources: [{ name: 'out', type: 'image' }] },
      steps: [{ name: 's', image: 'i', args: ['$(inputs.params.p)', '$(inputs.resources.in.url)', '$(outputs.resources.out.url)', '$(inputs.resources.in.path)'] }],
    };
    expect(substitute(run, spec)).toEqual({ ...spec, steps: [{ name: 's', image: 'i', args: ['out-url', 'in-url', 'out-url', '/workspace/in'] }] });
  });

  it('admit: a Task object without metadata has no name to refuse', () => {
    const run = resolvedRun(taskRunDoc({ name: 'r', namespace: 'foo' }, { taskRef: { name: 'test-task' } }), simpleTask, sa);
    const { metadata: _dropped, ...taskWithoutMetadata } = run.task!;
    expect(admit({ ...run, task: taskWithoutMetadata })).toEqual(E.right({ ...run, task: taskWithoutMetadata }));
  });
});

// MakePod fetched each Secret the ServiceAccount lists; an entry without a
// name fetched "" and failed.
it('a ServiceAccount secret entry without a name is refused, naming the entry', () => {
  const saWithNameless = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'foo' }, secrets: [{}] };
  expect(renderPod(objectsOf(taskRunDoc({ name: 'r', namespace: 'foo' }, { taskSpec: { steps: [simpleStep] } }), saWithNameless), { config })).toEqual(
    E.left({ _tag: 'Unresolved', object: 'ServiceAccount foo/default', field: 'secrets[0].name', message: 'Secret "" of the ServiceAccount is not in the input' }),
  );
});

describe('config-defaults', () => {
  const cfg = (data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config-defaults', namespace: 'tekton-pipelines' }, data });
  const docs = (extra: unknown[]) => [
    { apiVersion: 'tekton.dev/v1alpha1', kind: 'TaskRun', metadata: { name: 'r' }, spec: { taskSpec: { steps: [{ name: 's', image: 'busybox', command: ['true'] }] } } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot' } },
    ...extra,
  ];
  const renderDocs = (extra: unknown[]) => E.chain((o: InputObjects) => renderTaskRun(o))(collectObjects(docs(extra), (i) => `document ${i + 1}`));

  it("a TaskRun without a ServiceAccount runs as default-service-account, as the webhook set it", () => {
    const r = renderDocs([cfg({ 'default-service-account': 'robot' })]);
    expect(E.isRight(r) && r.right.pod.spec.serviceAccountName).toBe('robot');
  });

  it('a default-timeout-minutes that is no number: Tekton kept its defaults; the render warns, naming the key', () => {
    const r = renderDocs([cfg({ 'default-timeout-minutes': 'soon', 'default-service-account': 'robot' }), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } }]);
    expect(E.isRight(r) && r.right.pod.spec.serviceAccountName).toBeUndefined();
    expect(E.isRight(r) && r.right.warnings).toEqual([
      expect.objectContaining({ object: 'ConfigMap tekton-pipelines/config-defaults', field: 'data["default-timeout-minutes"]' }),
    ]);
  });
});
