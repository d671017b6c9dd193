/**
 * Facts found by running Tekton's own reconcilers at 6c132b937e (TaskRun and
 * PipelineRun, on a fake cluster) next to taskpod on generated inputs:
 * - a status that equals the stored one but for conditions' times was never
 *   written (`equality.Semantic.DeepEqual`, knative's VolatileTime), so the
 *   old times stay; a PipelineRun is given a completion time only when its
 *   status is written;
 * - the PipelineRun timeout message quotes the `*metav1.Duration`'s String()
 *   text, `&Duration{Duration:10m0s,}`;
 * - GetSchedulable refused (and nothing started) when a task counted as done
 *   could not be reached from a root through done tasks.
 */
import * as E from 'fp-ts/Either';
import type { Pod } from '../../src/model/core';
import type { PipelineRun, PipelineTask } from '../../src/model/pipeline';
import type { TaskRun } from '../../src/model/tekton';
import { buildGraph, PipelineGraph, schedulable } from '../../src/pipeline/dag';
import { getCondition, SUCCEEDED } from '../../src/status/condition';
import { pipelineConditionStatus, PipelineTaskState, reconcileStatus } from '../../src/status/pipelinerun';
import { semanticallyEqual } from '../../src/status/semantic';
import { taskRunStatus } from '../../src/status/taskrun';

const NOW = new Date('2019-10-30T10:05:00Z');
const NOW_TEXT = '2019-10-30T10:05:00Z';

const graphOf = (tasks: PipelineTask[]): PipelineGraph => {
  const g = buildGraph(tasks);
  if (E.isLeft(g)) throw new Error(g.left);
  return g.right;
};

describe('a TaskRun status that only moves a condition time is not written', () => {
  const pendingPod: Pod = {
    metadata: { name: 'run-pod-abcde', namespace: 'default' },
    status: { phase: 'Pending', containerStatuses: [{ name: 'step-a', state: { waiting: { reason: 'ContainerCreating' } } }] },
  };
  const run = (message: string): TaskRun => ({
    metadata: { name: 'run', namespace: 'default' },
    spec: { taskRef: { name: 't' }, timeout: '1h0m0s' },
    status: {
      podName: 'run-pod-abcde',
      startTime: '2019-10-30T10:00:00Z',
      steps: [{ waiting: { reason: 'ContainerCreating' }, name: 'a', container: 'step-a' }],
      conditions: [{ type: 'Succeeded', status: 'Unknown', lastTransitionTime: '2019-10-30T10:00:01Z', reason: 'Pending', message }],
    },
  });

  it('keeps the stored Pending condition, time and all, when the Pod is still pending for the same reason', () => {
    // UpdateStatusFromPod first marked it Running (stamped now) and then Pending again (stamped now):
    // the result differed from the stored status only in that time, so Tekton wrote nothing.
    const r = taskRunStatus(run('Pending'), pendingPod, NOW);
    if (E.isLeft(r)) throw new Error('expected a status');
    expect(getCondition(r.right.status.conditions, SUCCEEDED)?.lastTransitionTime).toBe('2019-10-30T10:00:01Z');
  });

  it('stamps now when the message changes', () => {
    const r = taskRunStatus(run('something else'), pendingPod, NOW);
    if (E.isLeft(r)) throw new Error('expected a status');
    expect(getCondition(r.right.status.conditions, SUCCEEDED)).toMatchObject({ reason: 'Pending', message: 'Pending', lastTransitionTime: NOW_TEXT });
  });
});

describe('semanticallyEqual', () => {
  it('ignores conditions times and empty lists, strings and struct fields', () => {
    expect(
      semanticallyEqual(
        { podName: 'p', conditions: [{ type: 'Succeeded', status: 'Unknown', lastTransitionTime: '2019-10-30T10:00:00Z' }], steps: [], resourcesResult: [{ name: 'a', key: '', resourceRef: {} }] },
        { podName: 'p', conditions: [{ type: 'Succeeded', status: 'Unknown', lastTransitionTime: '2019-10-30T11:00:00Z' }], resourcesResult: [{ name: 'a' }] },
      ),
    ).toBe(true);
    expect(semanticallyEqual({ podName: 'p', conditions: [{ type: 'Succeeded', status: 'Unknown', reason: 'Running' }] }, { podName: 'p', conditions: [{ type: 'Succeeded', status: 'Unknown', reason: 'Pending' }] })).toBe(false);
  });

  it('tells a pointer to an empty struct from none', () => {
    // A condition check just created has a status (podName "") where a missing one had none.
    expect(semanticallyEqual({ conditionChecks: { c: { conditionName: 'x' } } }, { conditionChecks: { c: { conditionName: 'x', status: { podName: '', check: {} } } } })).toBe(false);
  });

  it('compares other times', () => {
    expect(semanticallyEqual({ startTime: '2019-10-30T10:00:00Z' }, { startTime: '2019-10-30T10:00:01Z' })).toBe(false);
  });
});

describe('PipelineRun status', () => {
  const tasks: PipelineTask[] = [{ name: 'a', taskRef: { name: 't' } }];
  const graph = graphOf(tasks);
  const running = { type: 'Succeeded', status: 'Unknown', lastTransitionTime: '2019-10-30T10:00:01Z', reason: 'Running', message: 'Not all Tasks in the Pipeline have finished executing' };
  const tr: TaskRun = { metadata: { name: 'pr-a-xxxxx', namespace: 'default' }, status: { podName: 'p', conditions: [{ type: 'Succeeded', status: 'Unknown', reason: 'Running' }] } };
  const state: PipelineTaskState[] = [{ task: tasks[0]!, taskRunName: 'pr-a-xxxxx', taskRun: tr, checks: [] }];

  it('quotes the String() of the timeout, as Tekton did', () => {
    const pr: PipelineRun = { metadata: { name: 'pr' }, spec: { timeout: '10m' }, status: { startTime: '2019-10-30T09:00:00Z' } };
    expect(pipelineConditionStatus(pr, state, graph, NOW.getTime()).message).toBe('PipelineRun "pr" failed to finish within "&Duration{Duration:10m0s,}"');
  });

  it('leaves a Running status it would not change as it was', () => {
    const given = { conditions: [running], startTime: '2019-10-30T10:00:00Z', taskRuns: { 'pr-a-xxxxx': { pipelineTaskName: 'a', status: tr.status } } };
    const pr: PipelineRun = { metadata: { name: 'pr' }, spec: { timeout: '1h0m0s' }, status: given };
    expect(reconcileStatus(pr, state, graph, NOW_TEXT, NOW.getTime())).toEqual(given);
  });

  it('does not stamp a completion time on a done PipelineRun whose status does not change', () => {
    const done = { ...running, status: 'True', reason: 'Succeeded', message: 'All Tasks have completed executing' };
    const given = { conditions: [done], startTime: '2019-10-30T10:00:00Z', completionTime: '2019-10-30T10:03:00Z' };
    const pr: PipelineRun = { metadata: { name: 'pr' }, spec: {}, status: given };
    expect(reconcileStatus(pr, [], graph, NOW_TEXT, NOW.getTime()).completionTime).toBe('2019-10-30T10:03:00Z');
  });
});

describe('schedulable', () => {
  const graph = graphOf([
    { name: 'render', taskRef: { name: 't' } },
    { name: 'publish', taskRef: { name: 't' }, runAfter: ['render'] },
    { name: 'other', taskRef: { name: 't' } },
  ]);

  it('starts nothing when a done task has a task before it that is not done', () => {
    expect(schedulable(graph, new Set(['publish']))).toEqual([]);
  });

  it('schedules the roots and what follows done tasks otherwise', () => {
    expect(schedulable(graph, new Set())).toEqual(['render', 'other']);
    expect(schedulable(graph, new Set(['render']))).toEqual(['publish', 'other']);
  });
});
