/**
 * status/pod.ts: a TaskRun's status from its Pod. The table carries over
 * the cases of Tekton's TestUpdateStatusFromPod (pkg/status/taskrunpod_test.go
 * at 6c132b937e) as facts: a TaskRun "taskRun" in namespace "foo" whose Pod
 * "pod" is in each phase and container state, and the condition, steps and
 * completion time Tekton gave it.
 */
import type { Pod, PodStatus } from '../../src/model/core';
import type { StatusCondition, TaskRunStatus } from '../../src/model/tekton';
import { exceedsNodeResources, failureMessage, updateStatusFromPod, waitingMessage } from '../../src/status/pod';

const NOW = '2019-10-30T10:05:00Z';
const START = '2010-01-01T01:01:01Z';
const run = { name: 'taskRun', namespace: 'foo' };

const pod = (status: PodStatus): Pod => ({ metadata: { name: 'pod', namespace: 'foo' }, status });

/** The status Tekton computed for a TaskRun that had only its start time. */
const fromPod = (status: PodStatus): TaskRunStatus => updateStatusFromPod({ startTime: START }, run, pod(status), NOW);

const running: StatusCondition = {
  type: 'Succeeded',
  status: 'Unknown',
  lastTransitionTime: NOW,
  reason: 'Running',
  message: 'Not all Steps in the Task have finished executing',
};
const succeeded: StatusCondition = {
  type: 'Succeeded',
  status: 'True',
  lastTransitionTime: NOW,
  reason: 'Succeeded',
  message: 'All Steps have completed executing',
};
const condition = (status: 'True' | 'False' | 'Unknown', reason: string, message: string): StatusCondition => ({
  type: 'Succeeded',
  status,
  lastTransitionTime: NOW,
  reason,
  message,
});

describe('updateStatusFromPod: Tekton\'s table', () => {
  const cases: readonly { readonly desc: string; readonly status: PodStatus; readonly want: TaskRunStatus }[] = [
    {
      desc: 'a Pod with no status yet: running',
      status: {},
      want: { conditions: [running], podName: 'pod', startTime: START },
    },
    {
      desc: 'init containers are not steps; a terminated step in a Pod without a phase is still running',
      status: {
        initContainerStatuses: [{ imageID: 'ignored' }],
        containerStatuses: [{ name: 'step-state-name', imageID: '', state: { terminated: { exitCode: 123 } } }],
      },
      want: {
        conditions: [running],
        podName: 'pod',
        startTime: START,
        steps: [{ terminated: { exitCode: 123 }, name: 'state-name', container: 'step-state-name' }],
      },
    },
    {
      desc: 'two init containers ignored, the image ID kept',
      status: {
        initContainerStatuses: [{ imageID: 'ignoreme' }, { imageID: 'ignoreme' }],
        containerStatuses: [{ name: 'step-state-name', imageID: 'image-id', state: { terminated: { exitCode: 123 } } }],
      },
      want: {
        conditions: [running],
        podName: 'pod',
        startTime: START,
        steps: [{ terminated: { exitCode: 123 }, name: 'state-name', container: 'step-state-name', imageID: 'image-id' }],
      },
    },
    {
      desc: 'a Succeeded Pod: succeeded, completed now',
      status: { phase: 'Succeeded', containerStatuses: [{ name: 'step-step-push', state: { terminated: { exitCode: 0 } }, imageID: 'image-id' }] },
      want: {
        conditions: [succeeded],
        podName: 'pod',
        startTime: START,
        completionTime: NOW,
        steps: [{ terminated: { exitCode: 0 }, name: 'step-push', container: 'step-step-push', imageID: 'image-id' }],
      },
    },
    {
      desc: 'a Running Pod with a running step: running',
      status: { phase: 'Running', containerStatuses: [{ name: 'step-running-step', state: { running: {} } }] },
      want: { conditions: [running], podName: 'pod', startTime: START, steps: [{ running: {}, name: 'running-step', container: 'step-running-step' }] },
    },
    {
      desc: 'a Failed Pod with a step that exited 123: failed, naming the step and how to see its logs',
      status: {
        phase: 'Failed',
        initContainerStatuses: [{ imageID: 'ignore-me' }],
        containerStatuses: [{ name: 'step-failure', imageID: 'image-id', state: { terminated: { exitCode: 123 } } }],
      },
      want: {
        conditions: [condition('False', 'Failed', '"step-failure" exited with code 123 (image: "image-id"); for logs run: kubectl -n foo logs pod -c step-failure')],
        podName: 'pod',
        startTime: START,
        completionTime: NOW,
        steps: [{ terminated: { exitCode: 123 }, name: 'failure', container: 'step-failure', imageID: 'image-id' }],
      },
    },
    {
      desc: 'a Failed Pod with a message and no containers: its message',
      status: { phase: 'Failed', message: 'boom' },
      want: { conditions: [condition('False', 'Failed', 'boom')], podName: 'pod', startTime: START, completionTime: NOW },
    },
    {
      desc: 'a Failed Pod with nothing to say: the generic message',
      status: { phase: 'Failed' },
      want: { conditions: [condition('False', 'Failed', 'build failed for unspecified reasons.')], podName: 'pod', startTime: START, completionTime: NOW },
    },
    {
      desc: 'a Pending Pod with a waiting step: the step and its waiting message',
      status: {
        phase: 'Pending',
        initContainerStatuses: [{}],
        containerStatuses: [{ name: 'step-status-name', state: { waiting: { message: "i'm pending" } } }],
      },
      want: {
        conditions: [condition('Unknown', 'Pending', 'build step "step-status-name" is pending with reason "i\'m pending"')],
        podName: 'pod',
        startTime: START,
        steps: [{ waiting: { message: "i'm pending" }, name: 'status-name', container: 'step-status-name' }],
      },
    },
    {
      desc: 'a Pending Pod with a condition that is not True: that condition',
      status: { phase: 'Pending', conditions: [{ status: 'Unknown', type: 'the type', message: 'the message' }] },
      want: { conditions: [condition('Unknown', 'Pending', 'pod status "the type":"Unknown"; message: "the message"')], podName: 'pod', startTime: START },
    },
    {
      desc: 'a Pending Pod with only a message: its message',
      status: { phase: 'Pending', message: 'pod status message' },
      want: { conditions: [condition('Unknown', 'Pending', 'pod status message')], podName: 'pod', startTime: START },
    },
    {
      desc: 'a Pending Pod with nothing to say: "Pending"',
      status: { phase: 'Pending' },
      want: { conditions: [condition('Unknown', 'Pending', 'Pending')], podName: 'pod', startTime: START },
    },
    {
      desc: 'a Pending Pod no node has room for: exceeded node resources, naming the TaskRun',
      status: { phase: 'Pending', conditions: [{ reason: 'Unschedulable', message: '0/1 nodes are available: 1 Insufficient cpu.' }] },
      want: { conditions: [condition('Unknown', 'ExceededNodeResources', 'TaskRun pod "taskRun" exceeded available resources')], podName: 'pod', startTime: START },
    },
    {
      desc: 'a running sidecar is not a step',
      status: {
        phase: 'Running',
        containerStatuses: [
          { name: 'step-running-step', state: { running: {} } },
          { name: 'running-sidecar', state: { running: {} }, ready: true },
        ],
      },
      want: { conditions: [running], podName: 'pod', startTime: START, steps: [{ running: {}, name: 'running-step', container: 'step-running-step' }] },
    },
  ];

  it.each(cases)('$desc', ({ status, want }) => {
    expect(fromPod(status)).toEqual(want);
  });
});

describe('updateStatusFromPod: what finishes a TaskRun', () => {
  const terminated = (name: string, exitCode: number) => ({ name, state: { terminated: { exitCode } } });

  it('a Running Pod whose steps have all terminated is finished, though its sidecar still runs', () => {
    const s = fromPod({ phase: 'Running', containerStatuses: [terminated('step-a', 0), { name: 'sidecar', state: { running: {} } }] });
    expect(s.conditions?.[0]?.reason).toBe('Succeeded');
    expect(s.completionTime).toBe(NOW);
  });

  it('a Running Pod with one step still running is not finished', () => {
    const s = fromPod({ phase: 'Running', containerStatuses: [terminated('step-a', 0), { name: 'step-b', state: { running: {} } }] });
    expect(s.conditions).toEqual([running]);
    expect(s.completionTime).toBeUndefined();
  });

  it('a Running Pod with no container statuses is not finished', () => {
    expect(fromPod({ phase: 'Running' }).conditions).toEqual([running]);
  });

  it('a sidecar that exited non-zero does not fail the TaskRun, but its exit is the message if a step failed too', () => {
    const ok = fromPod({ phase: 'Running', containerStatuses: [terminated('sidecar-a', 2), terminated('step-b', 0)] });
    expect(ok.conditions?.[0]?.reason).toBe('Succeeded');
    const bad = fromPod({ phase: 'Running', containerStatuses: [terminated('sidecar-a', 2), terminated('step-b', 1)] });
    expect(bad.conditions?.[0]).toMatchObject({ status: 'False', reason: 'Failed' });
    expect(bad.conditions?.[0]?.message).toMatch(/^"sidecar-a" exited with code 2/);
  });

  it('the message names the first non-zero container in the kubelet\'s list, not the first step', () => {
    const s = fromPod({ phase: 'Running', containerStatuses: [terminated('step-a-late', 3), terminated('step-b-early', 4)] });
    expect(s.conditions?.[0]?.message).toMatch(/^"step-a-late" exited with code 3/);
  });

  it('a Pod in phase Unknown leaves the TaskRun running', () => {
    expect(fromPod({ phase: 'Unknown', message: 'node lost' }).conditions).toEqual([running]);
  });

  it('a Running Pod marks the TaskRun running whatever it said before (the reconciler never asks this for a TaskRun that is done)', () => {
    const failed = condition('False', 'Failed', 'earlier');
    const s = updateStatusFromPod({ conditions: [failed] }, run, pod({ phase: 'Running' }), '2030-01-01T00:00:00Z');
    expect(s.conditions).toEqual([{ ...running, lastTransitionTime: '2030-01-01T00:00:00Z' }]);
  });

  it('a Pending Pod leaves a failed TaskRun failed: only an Unknown condition is marked running first', () => {
    const failed = condition('False', 'Failed', 'earlier');
    const s = updateStatusFromPod({ conditions: [failed] }, run, pod({ phase: '' }), '2030-01-01T00:00:00Z');
    expect(s.conditions).toEqual([failed]);
  });

  it('keeps the other fields of the status, replaces podName and steps', () => {
    const before: TaskRunStatus = { podName: 'old', steps: [{ name: 'gone', container: 'step-gone' }], resourcesResult: [{ name: 'x', digest: 'y' }] };
    const s = updateStatusFromPod(before, run, pod({ phase: 'Pending' }), NOW);
    expect(s.podName).toBe('pod');
    expect(s.steps).toBeUndefined();
    expect(s.resourcesResult).toEqual(before.resourcesResult);
  });
});

describe('the messages', () => {
  it('quote as Go\'s %q: quotes and control characters escaped', () => {
    const p = pod({ containerStatuses: [{ name: 'step-a', imageID: 'img"1', state: { terminated: { exitCode: -1 } } }] });
    expect(failureMessage(p, 'x')).toBe('"step-a" exited with code -1 (image: "img\\"1"); for logs run: kubectl -n foo logs pod -c step-a');
    const w = pod({ containerStatuses: [{ name: 'step-a', state: { waiting: { reason: 'ErrImagePull', message: 'rpc error:\n "no such image"' } } }] });
    expect(waitingMessage(w)).toBe('build step "step-a" is pending with reason "rpc error:\\n \\"no such image\\""');
  });

  it('a failure message without a Pod namespace uses the TaskRun\'s', () => {
    const p: Pod = { metadata: { name: 'p' }, status: { containerStatuses: [{ name: 'step-a', state: { terminated: { exitCode: 1 } } }] } };
    expect(failureMessage(p, 'team')).toContain('kubectl -n team logs p -c step-a');
  });

  it('a waiting container without a message is passed over; a True condition too', () => {
    const p = pod({
      conditions: [{ type: 'Initialized', status: 'True' }, { type: 'PodScheduled', status: 'False', message: 'no nodes' }],
      containerStatuses: [{ name: 'step-a', state: { waiting: { reason: 'ContainerCreating' } } }],
    });
    expect(waitingMessage(p)).toBe('pod status "PodScheduled":"False"; message: "no nodes"');
  });

  it('exceeded node resources needs both the reason Unschedulable and "Insufficient"', () => {
    expect(exceedsNodeResources(pod({ conditions: [{ reason: 'Unschedulable', message: '0/3 nodes are available: 3 node(s) had taints' }] }))).toBe(false);
    expect(exceedsNodeResources(pod({ conditions: [{ reason: 'Other', message: 'Insufficient memory' }] }))).toBe(false);
    expect(exceedsNodeResources(pod({ conditions: [{ reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient memory.' }] }))).toBe(true);
  });
});
