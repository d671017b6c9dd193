/**
 * pod/metadata.ts: Tekton's makeLabels, makeAnnotations and the controller
 * reference (pod.go). Cases from pod_test.go (TestMakeLabels,
 * TestMakeAnnotations) and taskrun_test.go's expected Pod metadata.
 */
import { podAnnotations, podLabels, podMetadata, taskRunOwnerReference } from '../../src/pod/metadata';

describe('podLabels (TestMakeLabels)', () => {
  it('taskrun labels pass through', () => {
    expect(podLabels('task-run-name', { foo: 'bar', hello: 'world' })).toEqual({
      'tekton.dev/taskRun': 'task-run-name',
      'app.kubernetes.io/managed-by': 'tekton-pipelines',
      foo: 'bar',
      hello: 'world',
    });
  });

  it("taskrun managed-by overrides; taskrun label key doesn't", () => {
    expect(podLabels('task-run-name', { foo: 'bar', 'tekton.dev/taskRun': 'override-me', 'app.kubernetes.io/managed-by': 'managed-by-something-else' })).toEqual({
      'tekton.dev/taskRun': 'task-run-name',
      'app.kubernetes.io/managed-by': 'managed-by-something-else',
      foo: 'bar',
    });
  });

  it('keeps a __proto__ label as an ordinary key', () => {
    const labels = podLabels('r', JSON.parse('{"__proto__":"x"}') as Record<string, string>);
    expect(Object.keys(labels)).toContain('__proto__');
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
  });
});

describe('podAnnotations (TestMakeAnnotations)', () => {
  it("a taskrun's annotations are copied to the pod", () => {
    expect(podAnnotations({ foo: 'bar', baz: 'quux' })).toEqual({ foo: 'bar', baz: 'quux', 'tekton.dev/ready': '' });
  });

  it('initial pod annotations contain the ready annotation, empty, to pause steps until sidecars are ready', () => {
    expect(podAnnotations({})).toEqual({ 'tekton.dev/ready': '' });
  });

  it('the ready annotation cannot be set by the TaskRun', () => {
    expect(podAnnotations({ 'tekton.dev/ready': 'READY' })).toEqual({ 'tekton.dev/ready': '' });
  });
});

describe('the owner reference', () => {
  it('is a controller reference to the TaskRun (taskrun_test.go)', () => {
    expect(taskRunOwnerReference('test-taskrun-run-success', 'uid-1')).toEqual({
      apiVersion: 'tekton.dev/v1alpha1',
      kind: 'TaskRun',
      name: 'test-taskrun-run-success',
      uid: 'uid-1',
      controller: true,
      blockOwnerDeletion: true,
    });
  });

  it('has an empty uid when the TaskRun has none', () => {
    expect(taskRunOwnerReference('r', undefined).uid).toBe('');
  });
});

describe('podMetadata', () => {
  it('puts it together', () => {
    expect(podMetadata('r-pod-abcdef', 'foo', { name: 'r', labels: { a: 'b' }, annotations: { c: 'd' } })).toEqual({
      name: 'r-pod-abcdef',
      namespace: 'foo',
      labels: { 'app.kubernetes.io/managed-by': 'tekton-pipelines', a: 'b', 'tekton.dev/taskRun': 'r' },
      annotations: { c: 'd', 'tekton.dev/ready': '' },
      ownerReferences: [{ apiVersion: 'tekton.dev/v1alpha1', kind: 'TaskRun', name: 'r', uid: '', controller: true, blockOwnerDeletion: true }],
    });
  });
});
