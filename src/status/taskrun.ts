/**
 * A TaskRun's status, as Tekton's TaskRun reconciler at 6c132b937e wrote it
 * (`Reconcile` and `reconcile` in pkg/reconciler/taskrun/taskrun.go), as a
 * pure function of the TaskRun, its Pod and the time "now". The sequence:
 *
 *  1. the start time is set to now if the TaskRun has none, and a
 *     `Succeeded: Unknown` condition is added if it has none; a start time
 *     before the creation time is moved up to it;
 *  2. a TaskRun that is done (its condition is `True` or `False`) keeps its
 *     status;
 *  3. a cancelled TaskRun (`spec.status: TaskRunCancelled`) fails with
 *     `TaskRunCancelled` (Tekton then deleted the Pod);
 *  4. a TaskRun that has run longer than its timeout (`spec.timeout`, else
 *     the webhook's default of 60 minutes; `0s` means none) fails with
 *     `TaskRunTimeout` and completes now (Tekton then deleted the Pod);
 *  5. otherwise the status comes from the Pod (pod.ts), or, when the Pod
 *     could not be created, from why (`podCreationFailedStatus`);
 *  6. once it has succeeded, the resource results of the containers'
 *     termination messages are added (resource-results.ts);
 *  7. a status equal to the given one but for its conditions' times is not
 *     written: the given one stands, times included (semantic.ts).
 *
 * Tekton also failed a TaskRun whose Task or PipelineResources could not
 * be found or did not fit (`TaskRunResolutionFailed`,
 * `TaskRunValidationFailed`); those need the Task, and `renderPod`
 * refuses such a TaskRun. Cloud event deliveries are kept as the TaskRun
 * has them: sending them is network I/O.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { formatGoDuration, parseGoDuration } from '../admission/duration';
import { invalidInput, objectLabel, TaskpodError } from '../errors';
import { DEFAULT_NAMESPACE } from '../input/objects';
import type { Pod } from '../model/core';
import { TaskRun, TaskRunStatus } from '../model/tekton';
import { TaskpodWarning, warning } from '../warnings';
import { getCondition, initializeConditions, isTrue, isUnknown, setCondition, SUCCEEDED } from './condition';
import { goQuote, goTimeText, timeMillis } from './go-text';
import { exceededResourcesMessage, StatusSubject, updateStatusFromPod } from './pod';
import { TASKRUN_REASONS } from './reasons';
import { resourceResultsFromPod } from './resource-results';
import { semanticallyEqual } from './semantic';

/**
 * Settings of the TaskRun status functions.
 *
 * @example
 * ```ts
 * taskRunStatus(run, pod, new Date(), { defaultTimeoutMinutes: 30 });
 * ```
 *
 * @public
 */
export interface TaskRunStatusOptions {
  /**
   * The timeout of a TaskRun without `spec.timeout`, in minutes: what
   * Tekton's webhook set when the TaskRun was created, from
   * `default-timeout-minutes` of the `config-defaults` ConfigMap. Default 60.
   */
  readonly defaultTimeoutMinutes?: number;
}

/**
 * A TaskRun's new status, and what deserves a warning (termination messages
 * Tekton ignored, a Pod that is not the one the TaskRun names).
 *
 * @example
 * ```ts
 * const r = taskRunStatus(run, pod, new Date());
 * if (E.isRight(r)) r.right.warnings.forEach((w) => console.error(formatWarning(w)));
 * ```
 *
 * @public
 */
export interface TaskRunStatusResult {
  /** The status, fields in Go's order, times as metav1.Time text. */
  readonly status: TaskRunStatus;
  /** What Tekton went along with that deserves a look (see `formatWarning`). */
  readonly warnings: readonly TaskpodWarning[];
}

/**
 * Why the Pod of a TaskRun could not be created, as the API server (or
 * taskpod's render) said: a ResourceQuota refused it (Tekton retried with a
 * backoff and counted the attempts), or anything else.
 *
 * @example
 * ```ts
 * const quota: PodCreationFailure = { _tag: 'ExceededResourceQuota', error: 'pods "run-pod-abcdef" is forbidden: exceeded quota: compute', attempts: 2 };
 * const other: PodCreationFailure = { _tag: 'Refused', error: 'ServiceAccount "builder" not found' };
 * ```
 *
 * @public
 */
export type PodCreationFailure =
  | { readonly _tag: 'Refused'; readonly error: string }
  | { readonly _tag: 'ExceededResourceQuota'; readonly error: string; readonly attempts: number };

/** The Go zero time (January 1, year 1, UTC), which Tekton read as "not started". */
const ZERO_TIME = timeMillis('0001-01-01T00:00:00Z');

/** The TaskRun's name and namespace, for messages. */
function subjectOf(taskRun: TaskRun): StatusSubject {
  const ns = taskRun.metadata?.namespace ?? '';
  return { name: taskRun.metadata?.name ?? '', namespace: ns === '' ? DEFAULT_NAMESPACE : ns };
}

/** Where the reconcile stands after steps 1-4: finished (the status is final for now) or going on to the Pod. */
type Stage = { readonly final: boolean; readonly status: TaskRunStatus };

/** Steps 1 to 4: start time and condition, done, cancelled, timed out. */
function beforePod(taskRun: TaskRun, nowMs: number, now: string, options: TaskRunStatusOptions): E.Either<TaskpodError, Stage> {
  const run = subjectOf(taskRun);
  const label = objectLabel('TaskRun', taskRun.metadata?.namespace, taskRun.metadata?.name);
  const given = taskRun.status ?? {};
  // 1. Start time and the Succeeded condition.
  const givenStart = given.startTime === undefined ? undefined : timeMillis(given.startTime);
  let startMs = givenStart === undefined || givenStart === ZERO_TIME ? nowMs : givenStart;
  let startTime: string | Date = givenStart === undefined || givenStart === ZERO_TIME ? now : (given.startTime ?? now);
  const created = taskRun.metadata?.creationTimestamp;
  const createdMs = created === undefined ? undefined : timeMillis(created);
  if (created !== undefined && createdMs !== undefined && startMs < createdMs) {
    startMs = createdMs;
    startTime = created;
  }
  let status: TaskRunStatus = { ...given, startTime, conditions: initializeConditions(given.conditions, now) };
  // 2. Done: nothing more.
  if (!isUnknown(getCondition(status.conditions, SUCCEEDED))) return E.right({ final: true, status });
  // 3. Cancelled.
  if (taskRun.spec?.status === 'TaskRunCancelled') {
    const cancelled = { type: SUCCEEDED, status: 'False', reason: TASKRUN_REASONS.cancelled, message: `TaskRun ${goQuote(run.name)} was cancelled` };
    return E.right({ final: true, status: { ...status, conditions: setCondition(status.conditions, cancelled, now) } });
  }
  // 4. Timed out.
  const timeout = taskRun.spec?.timeout === undefined ? E.right(BigInt(options.defaultTimeoutMinutes ?? 60) * 60_000_000_000n) : parseGoDuration(taskRun.spec.timeout);
  if (E.isLeft(timeout)) return E.left(invalidInput(label, 'spec.timeout', timeout.left));
  if (timeout.right !== 0n && BigInt(nowMs - startMs) * 1_000_000n > timeout.right) {
    const timedOut = {
      type: SUCCEEDED,
      status: 'False',
      reason: TASKRUN_REASONS.timedOut,
      message: `TaskRun ${goQuote(run.name)} failed to finish within ${goQuote(formatGoDuration(timeout.right))}`,
    };
    status = { ...status, conditions: setCondition(status.conditions, timedOut, now), completionTime: now };
    return E.right({ final: true, status });
  }
  return E.right({ final: false, status });
}

/** `now` as epoch milliseconds and metav1.Time text, or the error for an invalid Date. */
function clock(now: Date): E.Either<TaskpodError, { readonly ms: number; readonly text: string }> {
  const text = goTimeText(now);
  return text === undefined ? E.left(invalidInput('now', '', 'not a valid time')) : E.right({ ms: now.getTime(), text });
}

/**
 * The status the TaskRun has after the reconcile, in Go's field order, times
 * as text: the one computed, unless it equals the given one but for
 * conditions' times (or empty fields), in which case Tekton wrote nothing
 * and the given status stands (semantic.ts).
 */
function written(taskRun: TaskRun, status: TaskRunStatus): TaskRunStatus {
  const next = TaskRunStatus.encode(status);
  if (taskRun.status === undefined) return next;
  const given = TaskRunStatus.encode(taskRun.status);
  return semanticallyEqual(given, next) ? given : next;
}

/**
 * The status Tekton's reconciler would write for `taskRun`, given its Pod
 * (as the API server returns it, with `status`) at the time `now`. A
 * TaskRun that is done keeps its status; a cancelled or timed-out one fails
 * without looking at the Pod; otherwise the Pod decides: running, pending
 * (with the waiting reason), exceeded node resources, succeeded (with the
 * resource results of its termination messages) or failed (with the
 * failing container's message). Without a Pod, only those first outcomes
 * are known: for the others the answer is an error asking for the Pod.
 *
 * Pure: the clock is never read (`now` is the time), inputs are not changed.
 *
 * @example
 * ```ts
 * const r = taskRunStatus(taskRun, pod, new Date('2019-10-30T10:05:00Z'));
 * if (E.isRight(r)) getCondition(r.right.status.conditions, SUCCEEDED);
 * // { type: 'Succeeded', status: 'True', lastTransitionTime: '2019-10-30T10:05:00Z',
 * //   reason: 'Succeeded', message: 'All Steps have completed executing' }
 * ```
 *
 * @public
 */
export function taskRunStatus(taskRun: TaskRun, pod: Pod | undefined, now: Date, options: TaskRunStatusOptions = {}): E.Either<TaskpodError, TaskRunStatusResult> {
  const t = clock(now);
  if (E.isLeft(t)) return t;
  const stage = beforePod(taskRun, t.right.ms, t.right.text, options);
  if (E.isLeft(stage)) return stage;
  if (stage.right.final) return E.right({ status: written(taskRun, stage.right.status), warnings: [] });
  const label = objectLabel('TaskRun', taskRun.metadata?.namespace, taskRun.metadata?.name);
  if (pod === undefined) {
    return E.left(invalidInput(label, 'status.podName', 'the TaskRun is neither done, cancelled nor timed out: its status comes from its Pod, give the Pod'));
  }
  const warnings: TaskpodWarning[] = [];
  const named = taskRun.status?.podName ?? '';
  const podName = pod.metadata?.name ?? '';
  if (named !== '' && named !== podName) {
    warnings.push(warning(label, 'status.podName', `names Pod ${goQuote(named)}, but the Pod given is ${goQuote(podName)}: the status is computed from the Pod given`));
  }
  // 5. From the Pod.
  let status = updateStatusFromPod(stage.right.status, subjectOf(taskRun), pod, t.right.text);
  // 6. Resource results, once succeeded.
  if (isTrue(getCondition(status.conditions, SUCCEEDED))) {
    const read = resourceResultsFromPod(pod);
    warnings.push(...read.warnings);
    const all = [...(status.resourcesResult ?? []), ...read.results];
    if (all.length > 0) status = { ...status, resourcesResult: all };
  }
  return E.right({ status: written(taskRun, status), warnings });
}

/**
 * The status Tekton's reconciler wrote when it could not create the
 * TaskRun's Pod (`handlePodCreationError`): a ResourceQuota refusal leaves
 * the TaskRun `Unknown` with `ExceededResourceQuota` (Tekton tried again
 * later); anything else fails it with `CouldntGetTask`. A TaskRun that is
 * done, cancelled or timed out gets those statuses instead, as Tekton never
 * tried to create their Pod.
 *
 * @example
 * ```ts
 * podCreationFailedStatus(taskRun, { _tag: 'Refused', error: 'ServiceAccount "builder" not found' }, new Date());
 * // Succeeded: False, reason CouldntGetTask,
 * // message 'Missing or invalid Task default/build: ServiceAccount "builder" not found'
 * ```
 *
 * @public
 */
export function podCreationFailedStatus(taskRun: TaskRun, failure: PodCreationFailure, now: Date, options: TaskRunStatusOptions = {}): E.Either<TaskpodError, TaskRunStatusResult> {
  const t = clock(now);
  if (E.isLeft(t)) return t;
  const stage = beforePod(taskRun, t.right.ms, t.right.text, options);
  if (E.isLeft(stage)) return stage;
  if (stage.right.final) return E.right({ status: written(taskRun, stage.right.status), warnings: [] });
  const run = subjectOf(taskRun);
  const taskRef = taskRun.spec?.taskRef;
  const condition =
    failure._tag === 'ExceededResourceQuota'
      ? {
          type: SUCCEEDED,
          status: 'Unknown',
          reason: TASKRUN_REASONS.exceededResourceQuota,
          message: `${exceededResourcesMessage(run.name)}, reattempted ${failure.attempts} times: ${failure.error}`,
        }
      : {
          type: SUCCEEDED,
          status: 'False',
          reason: TASKRUN_REASONS.couldntGetTask,
          message: `${taskRef !== undefined ? `Missing or invalid Task ${run.namespace}/${taskRef.name ?? ''}` : 'Invalid TaskSpec'}: ${failure.error}`,
        };
  const status = { ...stage.right.status, conditions: setCondition(stage.right.status.conditions, condition, t.right.text) };
  return E.right({ status: written(taskRun, status), warnings: [] });
}
