/**
 * render.ts end to end: the reconciler cases of taskrun_test.go
 * (TestReconcile) that need no PipelineResource, with their expected Pods:
 * success, serviceaccount, deprecated-serviceaccount,
 * success-with-cluster-task, taskrun-with-labels, taskrun-with-annotations,
 * task-env, taskrun-with-resource-requests. The Pod name's six hex digits
 * and the credential initializer's suffix are checked for their shape.
 */
import * as E from 'fp-ts/Either';
import type { Container, Pod } from '../src/model/core';
import { DEFAULT_CONFIG } from '../src/model/config';
import { renderPod } from '../src/render';
import {
  credsInit,
  downwardVolume,
  generated,
  homeVolume,
  placeTools,
  redirectedStep,
  TEST_IMAGES,
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
