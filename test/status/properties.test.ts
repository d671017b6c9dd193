/**
 * Properties of the TaskRun status over rendered Pods: generated TaskRuns
 * (steps of every shape, sidecars, resources) rendered by taskpod, then
 * given a status the way the kubelet reports one (container statuses
 * listed by name), and over arbitrary Pod statuses.
 *
 * The expected messages are written here from Tekton's format
 * (pkg/status/taskrunpod.go at 6c132b937e), not taken from taskpod's code.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { collectObjects } from '../../src/input/objects';
import type { ContainerStatus, Pod } from '../../src/model/core';
import type { TaskRun } from '../../src/model/tekton';
import { getCondition, SUCCEEDED } from '../../src/status/condition';
import { taskRunStatus } from '../../src/status/taskrun';
import { resourceScenario } from '../arbitraries/resources';
import { scenario } from '../arbitraries/taskrun';
import { renderOk } from '../helpers/render';
import { checkProperty } from '../helpers/runs';

const NOW = new Date('2019-10-30T10:00:00Z');

/** A generated input's TaskRun (decoded) and its rendered Pod. */
const rendered = fc.oneof(scenario({ maxSteps: 4 }), resourceScenario()).map((s) => {
  const objects = collectObjects(s.docs, (i) => `document ${i + 1}`);
  if (E.isLeft(objects)) throw new Error(objects.left.message);
  return { taskRun: objects.right.taskRuns[0] as TaskRun, pod: renderOk(s) };
});

const byName = (a: ContainerStatus, b: ContainerStatus): number => ((a.name ?? '') < (b.name ?? '') ? -1 : (a.name ?? '') > (b.name ?? '') ? 1 : 0);

/** The Pod with the kubelet's report: each container's state, listed by name. */
function withStatus(pod: Pod, phase: string, state: (name: string, i: number) => ContainerStatus['state']): Pod {
  const statuses = (pod.spec?.containers ?? []).map((c, i) => ({ name: c.name ?? '', state: state(c.name ?? '', i), ready: false, restartCount: 0, imageID: `docker-pullable://${c.image ?? ''}@sha256:${i}` }));
  return { ...pod, status: { phase, containerStatuses: [...statuses].sort(byName) } };
}

const stepNames = (pod: Pod): string[] => (pod.spec?.containers ?? []).map((c) => c.name ?? '').filter((n) => n.startsWith('step-'));

describe('TaskRun status of rendered Pods', () => {
  // Protects: success is read from the steps — every step terminated 0 in a
  // Running (or Succeeded) Pod means Succeeded, completed now, with one step
  // state per step container, in the Pod's order (deviation 13).
  it('every step exited 0: Succeeded, steps in Pod order', () => {
    checkProperty('status: all steps succeed', 60, fc.property(rendered, fc.constantFrom('Running', 'Succeeded'), ({ taskRun, pod }, phase) => {
      const live = withStatus(pod, phase, (name) => (name.startsWith('step-') ? { terminated: { exitCode: 0, reason: 'Completed' } } : { running: {} }));
      const r = taskRunStatus(taskRun, live, NOW);
      if (E.isLeft(r)) throw new Error(r.left.message);
      expect(getCondition(r.right.status.conditions, SUCCEEDED)).toEqual({
        type: 'Succeeded',
        status: 'True',
        lastTransitionTime: '2019-10-30T10:00:00Z',
        reason: 'Succeeded',
        message: 'All Steps have completed executing',
      });
      expect(r.right.status.completionTime).toBe('2019-10-30T10:00:00Z');
      expect((r.right.status.steps ?? []).map((s) => s.container)).toEqual(stepNames(pod));
      expect((r.right.status.steps ?? []).map((s) => s.name)).toEqual(stepNames(pod).map((n) => n.slice('step-'.length)));
      expect(r.right.status.podName).toBe(pod.metadata?.name);
    }));
  });

  // Protects: the failure message — any step that exited non-zero fails the
  // TaskRun, and the message names the first non-zero container in the
  // kubelet's list (by name), which is not the first failing step in run order.
  it('some step exited non-zero: Failed, naming the first non-zero container the kubelet lists', () => {
    const exits = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: -128, max: 255 })), { minLength: 20, maxLength: 20 });
    checkProperty('status: a step fails', 60, fc.property(rendered, exits, fc.nat(19), ({ taskRun, pod }, codes, forced) => {
      const steps = stepNames(pod);
      const failing = steps[forced % steps.length]!;
      const code = (name: string, i: number): number => (name === failing ? (codes[i % 20] || 1) : codes[i % 20]!);
      const live = withStatus(pod, 'Running', (name, i) => ({ terminated: { exitCode: name.startsWith('step-') ? code(name, i) : 0 } }));
      const r = taskRunStatus(taskRun, live, NOW);
      if (E.isLeft(r)) throw new Error(r.left.message);
      const first = (live.status?.containerStatuses ?? []).find((s) => (s.state?.terminated?.exitCode ?? 0) !== 0)!;
      const ns = pod.metadata?.namespace ?? '';
      const expected = `"${first.name}" exited with code ${first.state?.terminated?.exitCode} (image: "${first.imageID}"); for logs run: kubectl -n ${ns} logs ${pod.metadata?.name} -c ${first.name}`;
      expect(getCondition(r.right.status.conditions, SUCCEEDED)).toMatchObject({ status: 'False', reason: 'Failed', message: expected });
      expect((r.right.status.steps ?? []).map((s) => s.container)).toEqual(steps);
      expect(r.right.status.resourcesResult).toBeUndefined();
    }));
  });
});

const textArb = fc.oneof(fc.constantFrom('', 'x', 'Insufficient cpu', '[{"name":"a","digest":"b"}]', 'null', '{'), fc.string({ unit: 'binary', maxLength: 20 }));
const stateArb = fc.oneof(
  fc.constant(undefined),
  fc.record({ waiting: fc.record({ reason: textArb, message: textArb }, { requiredKeys: [] }) }),
  fc.record({ running: fc.constant({}) }),
  fc.record({ terminated: fc.record({ exitCode: fc.integer({ min: -2147483648, max: 2147483647 }), message: textArb }, { requiredKeys: ['exitCode'] }) }),
);
const anyPod: fc.Arbitrary<Pod> = fc.record(
  {
    metadata: fc.record({ name: textArb, namespace: textArb }, { requiredKeys: [] }),
    spec: fc.record({ containers: fc.array(fc.record({ name: fc.constantFrom('step-a', 'step-b', 'c', 'step-') }), { maxLength: 3 }) }),
    status: fc.record(
      {
        phase: fc.constantFrom('Pending', 'Running', 'Succeeded', 'Failed', 'Unknown', ''),
        message: textArb,
        conditions: fc.array(fc.record({ type: textArb, status: fc.constantFrom('True', 'False', 'Unknown', ''), reason: fc.constantFrom('Unschedulable', ''), message: textArb }, { requiredKeys: [] }), { maxLength: 2 }),
        containerStatuses: fc.array(fc.record({ name: fc.constantFrom('step-a', 'step-b', 'step-z', 'side', 'step-'), state: stateArb, imageID: textArb }, { requiredKeys: ['name'] }), { maxLength: 4 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Pod>;
const anyTaskRun: fc.Arbitrary<TaskRun> = fc.record(
  {
    metadata: fc.record({ name: textArb, namespace: textArb, creationTimestamp: fc.constantFrom('2019-10-30T09:00:00Z', '2019-10-30T11:00:00Z') }, { requiredKeys: [] }),
    spec: fc.record({ status: fc.constantFrom('', 'TaskRunCancelled'), timeout: fc.constantFrom('0s', '1h', '1ms', '-1s', 'bad'), taskRef: fc.record({ name: textArb }) }, { requiredKeys: [] }),
    status: fc.record(
      {
        podName: textArb,
        startTime: fc.constantFrom('2019-10-30T09:59:00Z', '0001-01-01T00:00:00Z'),
        conditions: fc.array(fc.record({ type: fc.constantFrom('Succeeded', 'Other'), status: fc.constantFrom('True', 'False', 'Unknown'), reason: textArb }), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<TaskRun>;

describe('status functions are total and pure', () => {
  // Protects: no input makes the status code throw, and the answer never
  // depends on the clock — the same call under two different system times
  // gives the same status.
  it('never throw, and give the same answer whatever the clock says', () => {
    checkProperty('status: total, clock-free', 300, fc.property(anyTaskRun, fc.option(anyPod, { nil: undefined }), (taskRun, pod) => {
      jest.useFakeTimers({ now: new Date('2001-01-01T00:00:00Z') });
      const a = taskRunStatus(taskRun, pod, NOW);
      jest.setSystemTime(new Date('2031-06-01T12:00:00Z'));
      const b = taskRunStatus(taskRun, pod, NOW);
      jest.useRealTimers();
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      if (E.isRight(a)) {
        expect(JSON.stringify(a.right.status)).not.toMatch(/200[01]-|203[01]-/);
      }
    }));
  });
});
