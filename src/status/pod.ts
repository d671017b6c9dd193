/**
 * A TaskRun's status from its Pod, as Tekton's `UpdateStatusFromPod`
 * (pkg/status/taskrunpod.go at 6c132b937e) computed it: the `Succeeded`
 * condition from the Pod's phase and its step containers' states, the Pod's
 * name, the step states and, once finished, the completion time.
 *
 * The rules, in Tekton's order:
 * - a TaskRun whose condition is still `Unknown` is first marked `Running`;
 * - it is finished when every step container has terminated in a `Running`
 *   Pod, or when the Pod is `Succeeded` or `Failed`. Finished, it failed if
 *   the Pod `Failed` or a step exited non-zero (the message names the first
 *   container in the kubelet's list that exited non-zero, step or not),
 *   else it succeeded; either way it completes "now";
 * - unfinished, a `Running` Pod means `Running`, a `Pending` one `Pending`
 *   (or `ExceededNodeResources` when the scheduler found no node with
 *   enough resources) with the most telling message, and any other phase
 *   leaves the condition as it was.
 *
 * @packageDocumentation
 */
import type { Pod } from '../model/core';
import type { StatusCondition, TaskRunStatus } from '../model/tekton';
import { isStepName } from '../sidecars/pod';
import { getCondition, setCondition, SUCCEEDED } from './condition';
import { goQuote } from './go-text';
import { TASKRUN_REASONS } from './reasons';
import { stepStates } from './steps';

/**
 * The message of a TaskRun that is running.
 *
 * @example
 * ```ts
 * getCondition(status.conditions, SUCCEEDED)?.message === RUNNING_MESSAGE; // steps still running
 * ```
 *
 * @public
 */
export const RUNNING_MESSAGE = 'Not all Steps in the Task have finished executing';
/**
 * The message of a TaskRun whose steps all succeeded.
 *
 * @example
 * ```ts
 * getCondition(status.conditions, SUCCEEDED)?.message === SUCCEEDED_MESSAGE; // all done, all well
 * ```
 *
 * @public
 */
export const SUCCEEDED_MESSAGE = 'All Steps have completed executing';

const running: StatusCondition = { type: SUCCEEDED, status: 'Unknown', reason: TASKRUN_REASONS.running, message: RUNNING_MESSAGE };

/**
 * Tekton's `areStepsComplete`: the Pod is `Running`, reports container
 * statuses, and every step container among them has terminated.
 */
function stepsComplete(pod: Pod): boolean {
  const statuses = pod.status?.containerStatuses ?? [];
  return statuses.length > 0 && pod.status?.phase === 'Running' && statuses.every((s) => !isStepName(s.name ?? '') || s.state?.terminated !== undefined);
}

/** Tekton's `didTaskRunFail`: the Pod `Failed`, or a step container exited non-zero. */
function failed(pod: Pod): boolean {
  return (
    pod.status?.phase === 'Failed' ||
    (pod.status?.containerStatuses ?? []).some((s) => isStepName(s.name ?? '') && s.state?.terminated !== undefined && (s.state.terminated.exitCode ?? 0) !== 0)
  );
}

/** The Pod's namespace, else the TaskRun's (a Pod is created in its TaskRun's namespace). */
const podNamespace = (pod: Pod, fallback: string): string => {
  const ns = pod.metadata?.namespace ?? '';
  return ns === '' ? fallback : ns;
};

/**
 * Tekton's message for a failed TaskRun: the first container status (in the
 * kubelet's order, sidecars included) that exited non-zero, with the command
 * that shows its logs; else the Pod's own message; else a generic one.
 * `namespace` is the Pod's (the TaskRun's when the Pod does not say).
 *
 * @example
 * ```ts
 * failureMessage(pod, 'foo');
 * // '"step-failure" exited with code 123 (image: "image-id"); for logs run: kubectl -n foo logs pod -c step-failure'
 * ```
 *
 * @public
 */
export function failureMessage(pod: Pod, namespace: string): string {
  for (const s of pod.status?.containerStatuses ?? []) {
    const term = s.state?.terminated;
    if (term !== undefined && (term.exitCode ?? 0) !== 0) {
      const name = s.name ?? '';
      return `${goQuote(name)} exited with code ${term.exitCode ?? 0} (image: ${goQuote(s.imageID ?? '')}); for logs run: kubectl -n ${podNamespace(pod, namespace)} logs ${pod.metadata?.name ?? ''} -c ${name}`;
    }
  }
  if ((pod.status?.message ?? '') !== '') return pod.status?.message ?? '';
  return 'build failed for unspecified reasons.';
}

/**
 * Tekton's `IsPodExceedingNodeResources`: a Pod condition with reason
 * `Unschedulable` whose message mentions `Insufficient` (the scheduler's
 * "0/3 nodes are available: 3 Insufficient cpu.").
 *
 * @example
 * ```ts
 * exceedsNodeResources(pendingPod); // true when no node has room for it
 * ```
 *
 * @public
 */
export function exceedsNodeResources(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.reason === 'Unschedulable' && (c.message ?? '').includes('Insufficient'));
}

/**
 * Tekton's message when the Pod is too big for any node.
 *
 * @example
 * ```ts
 * exceededResourcesMessage('build-run'); // 'TaskRun pod "build-run" exceeded available resources'
 * ```
 *
 * @public
 */
export function exceededResourcesMessage(taskRunName: string): string {
  return `TaskRun pod ${goQuote(taskRunName)} exceeded available resources`;
}

/**
 * Tekton's message for a pending Pod: the first container waiting with a
 * message, else the first Pod condition that is not `True`, else the Pod's
 * message, else `Pending`.
 *
 * @example
 * ```ts
 * waitingMessage(pod); // 'build step "step-build" is pending with reason "Back-off pulling image \\"nosuch\\""'
 * ```
 *
 * @public
 */
export function waitingMessage(pod: Pod): string {
  for (const s of pod.status?.containerStatuses ?? []) {
    const wait = s.state?.waiting;
    if (wait !== undefined && (wait.message ?? '') !== '') return `build step ${goQuote(s.name ?? '')} is pending with reason ${goQuote(wait.message ?? '')}`;
  }
  for (const c of pod.status?.conditions ?? []) {
    if (c.status !== 'True') return `pod status ${goQuote(c.type ?? '')}:${goQuote(c.status ?? '')}; message: ${goQuote(c.message ?? '')}`;
  }
  if ((pod.status?.message ?? '') !== '') return pod.status?.message ?? '';
  return 'Pending';
}

/**
 * Who the status is for: the TaskRun's name and namespace (for messages).
 *
 * @example
 * ```ts
 * const subject: StatusSubject = { name: 'build-run', namespace: 'default' };
 * ```
 *
 * @public
 */
export interface StatusSubject {
  /** The TaskRun's name. */
  readonly name: string;
  /** Its namespace (`default` when it names none). */
  readonly namespace: string;
}

/**
 * Tekton's `UpdateStatusFromPod`: `status` updated from the Pod at `now`
 * (metav1.Time text). The steps are listed in the Pod's container order
 * (see steps.ts); the resource results are read separately
 * (resource-results.ts), as the reconciler did after this.
 *
 * @example
 * ```ts
 * const next = updateStatusFromPod({}, { name: 'build-run', namespace: 'default' }, pod, '2019-10-30T10:05:00Z');
 * getCondition(next.conditions, SUCCEEDED)?.reason; // 'Running', 'Pending', 'Succeeded', 'Failed', ...
 * ```
 *
 * @public
 */
export function updateStatusFromPod(status: TaskRunStatus, run: StatusSubject, pod: Pod, now: string): TaskRunStatus {
  let conditions = status.conditions;
  const before = getCondition(conditions, SUCCEEDED);
  if (before === undefined || before.status === 'Unknown') conditions = setCondition(conditions, running, now);
  const phase = pod.status?.phase ?? '';
  let completionTime = status.completionTime;
  if (stepsComplete(pod) || phase === 'Succeeded' || phase === 'Failed') {
    conditions = setCondition(
      conditions,
      failed(pod)
        ? { type: SUCCEEDED, status: 'False', reason: TASKRUN_REASONS.failed, message: failureMessage(pod, run.namespace) }
        : { type: SUCCEEDED, status: 'True', reason: TASKRUN_REASONS.succeeded, message: SUCCEEDED_MESSAGE },
      now,
    );
    completionTime = now;
  } else if (phase === 'Running') {
    conditions = setCondition(conditions, running, now);
  } else if (phase === 'Pending') {
    const tooBig = exceedsNodeResources(pod);
    conditions = setCondition(
      conditions,
      {
        type: SUCCEEDED,
        status: 'Unknown',
        reason: tooBig ? TASKRUN_REASONS.exceededNodeResources : TASKRUN_REASONS.pending,
        message: tooBig ? exceededResourcesMessage(run.name) : waitingMessage(pod),
      },
      now,
    );
  }
  const steps = stepStates(pod);
  const rest: Record<string, unknown> = { ...status };
  delete rest.conditions;
  delete rest.completionTime;
  delete rest.steps;
  return {
    ...(rest as TaskRunStatus),
    ...(conditions !== undefined && conditions.length > 0 ? { conditions } : {}),
    podName: pod.metadata?.name ?? '',
    ...(completionTime !== undefined ? { completionTime } : {}),
    ...(steps.length > 0 ? { steps } : {}),
  };
}
