/**
 * status/taskrun.ts: the reconciler's sequence around the Pod. Facts from
 * Tekton at 6c132b937e: pkg/reconciler/taskrun/taskrun_test.go
 * (TestReconcileTimeouts, TestReconcileOnCancelledTaskRun,
 * TestReconcileOnCompletedTaskRun, TestReconcile_DoesntChangeStartTime,
 * TestReconcilePodUpdateStatus, TestHandlePodCreationError,
 * TestUpdateTaskRunStatus_withValidJson/_withInvalidJson) and
 * timeout_check_test.go (TestCheckTimeout).
 */
import * as E from 'fp-ts/Either';
import type { Pod } from '../../src/model/core';
import type { TaskRun, TaskRunStatus } from '../../src/model/tekton';
import { getCondition, SUCCEEDED } from '../../src/status/condition';
import { podCreationFailedStatus, TaskRunStatusResult, taskRunStatus } from '../../src/status/taskrun';
import { deepFreeze } from '../helpers/deep-freeze';

const NOW = new Date('2019-10-30T10:00:00.600Z');
const NOW_TEXT = '2019-10-30T10:00:00Z';
const minutesAgo = (m: number): string => new Date(NOW.getTime() - m * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');

const taskRun = (name: string, spec: TaskRun['spec'] = {}, status?: TaskRunStatus, meta: TaskRun['metadata'] = {}): TaskRun => ({
  metadata: { name, namespace: 'foo', ...meta },
  spec: { taskRef: { name: 'test-task' }, ...spec },
  ...(status !== undefined ? { status } : {}),
});
const unknown = { type: 'Succeeded', status: 'Unknown' };

const ok = (r: E.Either<unknown, TaskRunStatusResult>): TaskRunStatusResult => {
  if (E.isLeft(r)) throw new Error(`expected a status, got ${JSON.stringify(r.left)}`);
  return r.right;
};
const succeededOf = (r: TaskRunStatusResult) => getCondition(r.status.conditions, SUCCEEDED);

const runningPod: Pod = {
  metadata: { name: 'the-pod', namespace: 'foo' },
  status: { phase: 'Running', containerStatuses: [{ name: 'step-a', state: { running: { startedAt: NOW_TEXT } } }] },
};
const donePod = (message?: string): Pod => ({
  metadata: { name: 'the-pod', namespace: 'foo' },
  status: {
    phase: 'Succeeded',
    containerStatuses: [
      { name: 'step-a', state: { terminated: { exitCode: 0 } } },
      { name: 'step-image-digest-exporter-x1', state: { terminated: { exitCode: 0, ...(message !== undefined ? { message } : {}) } } },
    ],
  },
});

describe('start time and the first condition', () => {
  it('a new TaskRun starts now, and is running with its Pod', () => {
    const r = ok(taskRunStatus(taskRun('test-taskrun'), runningPod, NOW));
    expect(r.status.startTime).toBe(NOW_TEXT);
    expect(r.status.podName).toBe('the-pod');
    expect(succeededOf(r)).toEqual({
      type: 'Succeeded',
      status: 'Unknown',
      lastTransitionTime: NOW_TEXT,
      reason: 'Running',
      message: 'Not all Steps in the Task have finished executing',
    });
  });

  it('a start time already set is kept', () => {
    const start = '2000-01-01T01:01:01Z';
    const r = ok(taskRunStatus(taskRun('test-taskrun', { timeout: '0s' }, { startTime: start, podName: 'the-pod' }), runningPod, NOW));
    expect(r.status.startTime).toBe(start);
  });

  it('the zero time counts as not started (Go\'s IsZero)', () => {
    const r = ok(taskRunStatus(taskRun('t', {}, { startTime: '0001-01-01T00:00:00Z' }), runningPod, NOW));
    expect(r.status.startTime).toBe(NOW_TEXT);
  });

  it('a start time before the creation time moves up to it', () => {
    const later = '2019-10-30T10:00:05Z';
    const r = ok(taskRunStatus(taskRun('t', {}, undefined, { creationTimestamp: later }), runningPod, NOW));
    expect(r.status.startTime).toBe(later);
  });

  it('a status in Go\'s field order, times as text', () => {
    const r = ok(taskRunStatus(taskRun('t'), runningPod, NOW));
    expect(Object.keys(r.status)).toEqual(['conditions', 'podName', 'startTime', 'steps']);
  });
});

describe('a TaskRun that is done', () => {
  it('keeps its condition, however the Pod looks', () => {
    const done = { type: 'Succeeded', status: 'True', lastTransitionTime: '2019-10-29T00:00:00Z', reason: 'Build succeeded', message: 'Build succeeded' };
    const before = { conditions: [done], startTime: '2019-10-28T00:00:00Z', podName: 'the-pod' };
    const r = ok(taskRunStatus(taskRun('test-taskrun-run-success', {}, before), runningPod, NOW));
    expect(r.status).toEqual(before);
  });

  it('needs no Pod', () => {
    const failed = { type: 'Succeeded', status: 'False', lastTransitionTime: '2019-10-29T00:00:00Z', reason: 'Failed', message: 'x' };
    expect(E.isRight(taskRunStatus(taskRun('t', {}, { conditions: [failed], startTime: '2019-10-28T00:00:00Z' }), undefined, NOW))).toBe(true);
  });
});

describe('cancellation', () => {
  it('fails the TaskRun with TaskRunCancelled, without a completion time', () => {
    const r = ok(taskRunStatus(taskRun('test-taskrun-run-cancelled', { status: 'TaskRunCancelled' }, { conditions: [unknown] }), undefined, NOW));
    expect(succeededOf(r)).toEqual({
      type: 'Succeeded',
      status: 'False',
      lastTransitionTime: NOW_TEXT,
      reason: 'TaskRunCancelled',
      message: 'TaskRun "test-taskrun-run-cancelled" was cancelled',
    });
    expect(r.status.completionTime).toBeUndefined();
  });

  it('comes before the timeout', () => {
    const r = ok(taskRunStatus(taskRun('c', { status: 'TaskRunCancelled', timeout: '1s' }, { startTime: minutesAgo(5) }), undefined, NOW));
    expect(succeededOf(r)?.reason).toBe('TaskRunCancelled');
  });
});

describe('timeouts', () => {
  const cases = [
    { name: 'test-taskrun-timeout', timeout: '10s', started: 0.25, message: 'TaskRun "test-taskrun-timeout" failed to finish within "10s"' },
    { name: 'test-taskrun-default-timeout-60-minutes', timeout: undefined, started: 61, message: 'TaskRun "test-taskrun-default-timeout-60-minutes" failed to finish within "1h0m0s"' },
    { name: 'timeout-in-hours', timeout: '1.5h', started: 91, message: 'TaskRun "timeout-in-hours" failed to finish within "1h30m0s"' },
  ];
  it.each(cases)('$name: TaskRunTimeout, completed now', ({ name, timeout, started, message }) => {
    const r = ok(taskRunStatus(taskRun(name, timeout === undefined ? {} : { timeout }, { conditions: [unknown], startTime: minutesAgo(started) }), runningPod, NOW));
    expect(succeededOf(r)).toEqual({ type: 'Succeeded', status: 'False', lastTransitionTime: NOW_TEXT, reason: 'TaskRunTimeout', message });
    expect(r.status.completionTime).toBe(NOW_TEXT);
    expect(r.status.podName ?? '').toBe('');
  });

  it('a timeout of 0 is none: fifteen hours later it still runs', () => {
    const r = ok(taskRunStatus(taskRun('t', { timeout: '0s' }, { conditions: [unknown], startTime: minutesAgo(15 * 60) }), runningPod, NOW));
    expect(succeededOf(r)?.reason).toBe('Running');
  });

  it('a TaskRun that has not started cannot time out', () => {
    const r = ok(taskRunStatus(taskRun('t', { timeout: '1ns' }), runningPod, NOW));
    expect(succeededOf(r)?.reason).toBe('Running');
  });

  it('exactly at the timeout is not yet past it', () => {
    const at = ok(taskRunStatus(taskRun('t', { timeout: '600ms' }, { startTime: NOW_TEXT }), runningPod, NOW));
    expect(succeededOf(at)?.reason).toBe('Running');
    const past = ok(taskRunStatus(taskRun('t', { timeout: '599ms' }, { startTime: NOW_TEXT }), runningPod, NOW));
    expect(succeededOf(past)?.reason).toBe('TaskRunTimeout');
  });

  it('the default comes from the options (config-defaults\' default-timeout-minutes)', () => {
    const tr = taskRun('t', {}, { startTime: minutesAgo(31) });
    expect(succeededOf(ok(taskRunStatus(tr, runningPod, NOW)))?.reason).toBe('Running');
    expect(succeededOf(ok(taskRunStatus(tr, runningPod, NOW, { defaultTimeoutMinutes: 30 })))?.message).toBe('TaskRun "t" failed to finish within "30m0s"');
  });

  it('an unreadable timeout is an error naming the field', () => {
    const r = taskRunStatus(taskRun('t', { timeout: 'soon' }), runningPod, NOW);
    expect(r).toEqual(E.left(expect.objectContaining({ object: 'TaskRun foo/t', field: 'spec.timeout', message: 'time: invalid duration soon' })));
  });
});

describe('from the Pod', () => {
  it('running, then succeeded once the Pod has (Tekton\'s TestReconcilePodUpdateStatus)', () => {
    const first = ok(taskRunStatus(taskRun('test-taskrun-run-success', {}, { podName: 'the-pod' }), { metadata: { name: 'the-pod' } }, NOW));
    expect(succeededOf(first)).toMatchObject({ status: 'Unknown', reason: 'Running', message: 'Not all Steps in the Task have finished executing' });
    const later = new Date(NOW.getTime() + 60_000);
    const second = ok(taskRunStatus({ ...taskRun('test-taskrun-run-success'), status: first.status }, { metadata: { name: 'the-pod' }, status: { phase: 'Succeeded' } }, later));
    expect(succeededOf(second)).toEqual({
      type: 'Succeeded',
      status: 'True',
      lastTransitionTime: '2019-10-30T10:01:00Z',
      reason: 'Succeeded',
      message: 'All Steps have completed executing',
    });
    expect(second.status.completionTime).toBe('2019-10-30T10:01:00Z');
    expect(second.status.startTime).toBe(NOW_TEXT);
  });

  it('an unchanged condition keeps its transition time', () => {
    const first = ok(taskRunStatus(taskRun('t'), runningPod, NOW));
    const second = ok(taskRunStatus({ ...taskRun('t'), status: first.status }, runningPod, new Date(NOW.getTime() + 5_000)));
    expect(succeededOf(second)?.lastTransitionTime).toBe(NOW_TEXT);
  });

  it('a pending condition repeated keeps its time: Tekton marked it running, then pending again, and wrote nothing', () => {
    // The reconcile stamped the condition twice, but the status differed from the stored one only in
    // that time, which equality.Semantic ignored (knative's VolatileTime): no status update.
    const pending: Pod = { metadata: { name: 'the-pod' }, status: { phase: 'Pending' } };
    const first = ok(taskRunStatus(taskRun('t'), pending, NOW));
    const second = ok(taskRunStatus({ ...taskRun('t'), status: first.status }, pending, new Date(NOW.getTime() + 5_000)));
    expect(succeededOf(second)).toMatchObject({ reason: 'Pending', lastTransitionTime: NOW_TEXT });
    expect(second.status).toEqual(first.status);
  });

  it('without a Pod, a TaskRun still going is an error asking for it', () => {
    const r = taskRunStatus(taskRun('t'), undefined, NOW);
    expect(r).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidInput', object: 'TaskRun foo/t', field: 'status.podName' })));
  });

  it('a Pod other than the one the TaskRun names is used, with a warning', () => {
    const r = ok(taskRunStatus(taskRun('t', {}, { podName: 'other-pod' }), runningPod, NOW));
    expect(r.status.podName).toBe('the-pod');
    expect(r.warnings).toEqual([
      { object: 'TaskRun foo/t', field: 'status.podName', message: 'names Pod "other-pod", but the Pod given is "the-pod": the status is computed from the Pod given' },
    ]);
  });

  it('an invalid now is an error', () => {
    expect(E.isLeft(taskRunStatus(taskRun('t'), runningPod, new Date(Number.NaN)))).toBe(true);
  });

  it('leaves its inputs alone', () => {
    const tr = deepFreeze(taskRun('t', {}, { podName: 'the-pod', resourcesResult: [{ name: 'old', digest: 'sha256:00' }] }));
    const pod = deepFreeze(donePod('[{"name":"img","digest":"sha256:11"}]'));
    expect(() => taskRunStatus(tr, pod, NOW)).not.toThrow();
  });
});

describe('resource results', () => {
  it('a succeeded TaskRun gets the digests its steps reported (Tekton\'s "image resource updated")', () => {
    const r = ok(taskRunStatus(taskRun('t'), donePod('[{"name":"source-image","digest":"sha256:1234"}]'), NOW));
    expect(r.status.resourcesResult).toEqual([{ name: 'source-image', digest: 'sha256:1234', key: '', value: '', resourceRef: {} }]);
    expect(r.warnings).toEqual([]);
  });

  it('are appended to those the TaskRun has', () => {
    const old = { name: 'old', digest: 'sha256:00', key: '', value: '', resourceRef: {} };
    const r = ok(taskRunStatus(taskRun('t', {}, { resourcesResult: [old] }), donePod('[{"key":"digest","value":"sha256:11","resourceRef":{"name":"img"}}]'), NOW));
    expect(r.status.resourcesResult).toEqual([old, { name: '', digest: '', key: 'digest', value: 'sha256:11', resourceRef: { name: 'img' } }]);
  });

  it('a malformed message is ignored with a warning (Tekton\'s "malformed json output")', () => {
    const r = ok(taskRunStatus(taskRun('t'), donePod('extralogscamehere[{"name":"source-image","digest":"sha256:1234"}]'), NOW));
    expect(r.status.resourcesResult).toBeUndefined();
    expect(succeededOf(r)?.status).toBe('True');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ object: 'Pod foo/the-pod', field: 'status.containerStatuses[1].state.terminated.message' });
    expect(r.warnings[0]?.message).toMatch(/^the termination message of container "step-image-digest-exporter-x1" is not a list of resource results \(invalid JSON at offset 0.*\); ignored, as Tekton ignored it$/);
  });

  it('are not read when the TaskRun failed', () => {
    const pod = donePod('not json');
    const failedPod: Pod = { ...pod, status: { ...pod.status, phase: 'Failed' } };
    const r = ok(taskRunStatus(taskRun('t'), failedPod, NOW));
    expect(succeededOf(r)?.status).toBe('False');
    expect(r.status.resourcesResult).toBeUndefined();
    expect(r.warnings).toEqual([]);
  });
});

describe('podCreationFailedStatus (handlePodCreationError)', () => {
  it('a ResourceQuota refusal leaves the TaskRun Unknown, counting the attempts', () => {
    const r = ok(podCreationFailedStatus(taskRun('test-taskrun-pod-creation-failed', {}, { conditions: [unknown], startTime: NOW_TEXT }), {
      _tag: 'ExceededResourceQuota',
      error: 'bar.foo "baz" is forbidden: exceeded quota',
      attempts: 1,
    }, NOW));
    expect(succeededOf(r)).toEqual({
      type: 'Succeeded',
      status: 'Unknown',
      lastTransitionTime: NOW_TEXT,
      reason: 'ExceededResourceQuota',
      message: 'TaskRun pod "test-taskrun-pod-creation-failed" exceeded available resources, reattempted 1 times: bar.foo "baz" is forbidden: exceeded quota',
    });
  });

  it('any other error fails it with CouldntGetTask, naming the Task', () => {
    const r = ok(podCreationFailedStatus(taskRun('r', {}, { conditions: [unknown], startTime: NOW_TEXT }), { _tag: 'Refused', error: 'this is a fatal error' }, NOW));
    expect(succeededOf(r)).toMatchObject({ status: 'False', reason: 'CouldntGetTask', message: 'Missing or invalid Task foo/test-task: this is a fatal error' });
    expect(r.status.completionTime).toBeUndefined();
  });

  it('an embedded taskSpec is an invalid TaskSpec', () => {
    const tr: TaskRun = { metadata: { name: 'r' }, spec: { taskSpec: { steps: [{ image: 'busybox' }] } } };
    const r = ok(podCreationFailedStatus(tr, { _tag: 'Refused', error: 'boom' }, NOW));
    expect(succeededOf(r)?.message).toBe('Invalid TaskSpec: boom');
  });

  it('a TaskRun that timed out times out instead', () => {
    const r = ok(podCreationFailedStatus(taskRun('r', { timeout: '1m' }, { startTime: minutesAgo(2) }), { _tag: 'Refused', error: 'boom' }, NOW));
    expect(succeededOf(r)?.reason).toBe('TaskRunTimeout');
  });
});
