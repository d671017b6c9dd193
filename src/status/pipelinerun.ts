/**
 * A PipelineRun's status from its TaskRuns, as the PipelineRun reconciler
 * computed it at 6c132b937e (resources/pipelinerunresolution.go:
 * `GetPipelineConditionStatus`, `GetNextTasks`, `isSkipped`, `IsDone`;
 * pipelinerun.go: `getTaskRunsStatus`, cancellation, completion time), as
 * pure functions of a state: each pipeline task with its TaskRun and
 * condition checks (when they exist, with their statuses) and "now".
 *
 * The same functions decide what the controller creates next in a what-if
 * run (src/pipeline/expand.ts) and give the status `taskpod status` prints.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { formatGoDuration, parseGoDuration } from '../admission/duration';
import type { PipelineRun, PipelineRunConditionCheckStatus, PipelineRunStatus, PipelineRunTaskRunStatus, PipelineTask } from '../model/pipeline';
import type { StatusCondition, TaskRun, TaskRunStatus } from '../model/tekton';
import type { PipelineGraph } from '../pipeline/dag';
import { getCondition, isFalse, isTrue, isUnknown, SUCCEEDED, setCondition, initializeConditions } from './condition';
import { goQuote, timeMillis } from './go-text';
import { semanticallyEqual } from './semantic';

/**
 * The reasons a PipelineRun's `Succeeded` condition gives.
 *
 * @example
 * ```ts
 * getCondition(status.conditions, SUCCEEDED)?.reason === PIPELINERUN_REASONS.failed;
 * ```
 *
 * @public
 */
export const PIPELINERUN_REASONS = {
  /** Unknown: not every task has finished. */
  running: 'Running',
  /** False: a TaskRun failed (with no retry left). */
  failed: 'Failed',
  /** True: every task succeeded or was skipped. */
  succeeded: 'Succeeded',
  /** False: the PipelineRun ran longer than its timeout. */
  timedOut: 'PipelineRunTimeout',
  /** False: `spec.status` asked for cancellation. */
  cancelled: 'PipelineRunCancelled',
  /** False (on a task's entry in `status.taskRuns`): a condition check failed, the task was skipped. */
  conditionCheckFailed: 'ConditionCheckFailed',
  /** False: the Pipeline could not be found. */
  couldntGetPipeline: 'CouldntGetPipeline',
  /** False: the Pipeline's graph is invalid. */
  invalidGraph: 'PipelineInvalidGraph',
} as const;

/**
 * A condition check of a pipeline task: which Condition, the check
 * TaskRun's name, the name of its check step, and the TaskRun once created.
 *
 * @public
 */
export interface ConditionCheckState {
  readonly conditionName: string;
  readonly checkName: string;
  /** The check's step name (`condition-check-<condition>` when the Condition leaves it unnamed). */
  readonly checkStep: string;
  readonly conditionCheck?: TaskRun;
}

/**
 * A pipeline task as the reconciler saw it: the task, the name its TaskRun
 * has (or will have), the TaskRun once created, and its condition checks.
 *
 * @public
 */
export interface PipelineTaskState {
  readonly task: PipelineTask;
  readonly taskRunName: string;
  readonly taskRun?: TaskRun;
  readonly checks: readonly ConditionCheckState[];
}

const succeeded = (tr: TaskRun | undefined): StatusCondition | undefined => getCondition(tr?.status?.conditions, SUCCEEDED);
const retriesDone = (s: PipelineTaskState): number => (s.taskRun?.status?.retriesStatus ?? []).length;

/**
 * Whether a pipeline task's TaskRun failed for good: `False`, with every
 * retry used (IsFailure).
 *
 * @example
 * ```ts
 * isFailure({ task: { name: 'a', retries: 1 }, taskRunName: 'r', taskRun: failedOnce, checks: [] }); // false: one retry left
 * ```
 *
 * @public
 */
export function isFailure(s: PipelineTaskState): boolean {
  return s.taskRun !== undefined && isFalse(succeeded(s.taskRun)) && retriesDone(s) >= (s.task.retries ?? 0);
}

/**
 * Whether a pipeline task's TaskRun succeeded (IsSuccessful).
 *
 * @example
 * ```ts
 * isSuccessful(state); // true once its TaskRun's Succeeded condition is True
 * ```
 *
 * @public
 */
export function isSuccessful(s: PipelineTaskState): boolean {
  return isTrue(succeeded(s.taskRun));
}

/**
 * Whether a pipeline task is done: succeeded, or failed with no retry left (IsDone).
 *
 * @example
 * ```ts
 * isTaskDone(state);
 * ```
 *
 * @public
 */
export function isTaskDone(s: PipelineTaskState): boolean {
  return isSuccessful(s) || isFailure(s);
}

/** Every check created (HasStarted: true when there are none). */
export const checksStarted = (s: PipelineTaskState): boolean => s.checks.every((c) => c.conditionCheck !== undefined);
/** Every check created and finished. */
export const checksDone = (s: PipelineTaskState): boolean => checksStarted(s) && s.checks.every((c) => !isUnknown(succeeded(c.conditionCheck)));
/** Every check created, finished, and passed. */
export const checksPassed = (s: PipelineTaskState): boolean => checksDone(s) && s.checks.every((c) => isTrue(succeeded(c.conditionCheck)));

/**
 * Whether a pipeline task will not run: it has no TaskRun and a condition
 * check of its failed, or a task before it in the graph is skipped (isSkipped).
 *
 * @example
 * ```ts
 * isSkipped(state, byName, graph); // true for every task after one whose condition failed
 * ```
 *
 * @public
 */
export function isSkipped(s: PipelineTaskState, byName: ReadonlyMap<string, PipelineTaskState>, graph: PipelineGraph): boolean {
  if (s.taskRun !== undefined) return false;
  if (s.checks.length > 0 && checksDone(s) && !checksPassed(s)) return true;
  return (graph.prev.get(s.task.name ?? '') ?? []).some((p) => {
    const before = byName.get(p);
    return before !== undefined && isSkipped(before, byName, graph);
  });
}

/**
 * The names of the pipeline tasks whose TaskRun succeeded, in state order
 * (SuccessfulPipelineTaskNames).
 *
 * @example
 * ```ts
 * successfulTaskNames(state); // ['fetch', 'build']
 * ```
 *
 * @public
 */
export function successfulTaskNames(state: readonly PipelineTaskState[]): readonly string[] {
  return state.filter(isSuccessful).map((s) => s.task.name ?? '');
}

/**
 * The tasks the reconciler acts on next (GetNextTasks), in state order: the
 * candidates without a TaskRun, and the candidates whose TaskRun failed, was
 * not cancelled, and has a retry left.
 *
 * @example
 * ```ts
 * nextTasks(state, new Set(schedulable(graph, new Set(successfulTaskNames(state)))));
 * ```
 *
 * @public
 */
export function nextTasks(state: readonly PipelineTaskState[], candidates: ReadonlySet<string>): readonly PipelineTaskState[] {
  return state.filter((s) => {
    if (!candidates.has(s.task.name ?? '')) return false;
    if (s.taskRun === undefined) return true;
    const c = succeeded(s.taskRun);
    if (c === undefined || !isFalse(c)) return false;
    const cancelled = s.taskRun.spec?.status === 'TaskRunCancelled' || c.reason === 'TaskRunCancelled' || c.reason === PIPELINERUN_REASONS.conditionCheckFailed;
    return !cancelled && retriesDone(s) < (s.task.retries ?? 0);
  });
}

/** The PipelineRun's timeout in nanoseconds, `undefined` for none (0) or unreadable. */
function timeoutOf(pr: PipelineRun): bigint | undefined {
  const text = pr.spec?.timeout;
  if (text === undefined) return undefined;
  const d = parseGoDuration(text);
  return E.isRight(d) && d.right !== 0n ? d.right : undefined;
}

/** Go's zero time (January 1, year 1, UTC): a start time that is no start (HasStarted, IsZero). */
const ZERO_TIME = timeMillis('0001-01-01T00:00:00Z');

/** A start time's instant, `undefined` for none, Go's zero time or text that is no time. */
function startMillis(start: string | Date | undefined): number | undefined {
  const ms = start === undefined ? undefined : timeMillis(start);
  return ms === ZERO_TIME ? undefined : ms;
}

/**
 * The start time a reconcile leaves on a PipelineRun: the one it has; for
 * one not started (no start time, or Go's zero time), `now`, moved up to the
 * creation time when that is later (Reconcile: HasStarted,
 * InitializeConditions, then the check against the creation timestamp).
 *
 * @example
 * ```ts
 * runStartTime({ metadata: { creationTimestamp: '2019-10-30T10:06:00Z' } }, '2019-10-30T10:05:00Z', Date.parse('2019-10-30T10:05:00Z'));
 * // '2019-10-30T10:06:00Z'
 * ```
 *
 * @public
 */
export function runStartTime(pr: PipelineRun, now: string, nowMs: number): string | Date {
  const given = pr.status?.startTime;
  if (given !== undefined && startMillis(given) !== undefined) return given;
  const created = pr.metadata?.creationTimestamp;
  const createdMs = created === undefined ? undefined : timeMillis(created);
  return created !== undefined && createdMs !== undefined && createdMs > nowMs ? created : now;
}

/**
 * Whether the PipelineRun has run longer than its timeout at `nowMs`
 * (IsTimedOut; no timeout, or `0`, never times out; nor does a run with no
 * start time, or Go's zero time as its start).
 *
 * @example
 * ```ts
 * isTimedOut({ spec: { timeout: '1h' }, status: { startTime: '2019-10-30T10:00:00Z' } }, Date.parse('2019-10-30T11:00:01Z')); // true
 * ```
 *
 * @public
 */
export function isTimedOut(pr: PipelineRun, nowMs: number): boolean {
  const start = startMillis(pr.status?.startTime);
  const timeout = timeoutOf(pr);
  if (start === undefined || timeout === undefined) return false;
  return BigInt(nowMs - start) * 1_000_000n > timeout;
}

/**
 * The `Succeeded` condition of a PipelineRun given its state
 * (GetPipelineConditionStatus): timed out; else failed when a TaskRun
 * failed with no retry left (the first in state order); else succeeded
 * when every task succeeded or was skipped; else running.
 *
 * @example
 * ```ts
 * pipelineConditionStatus(pr, state, graph, Date.now());
 * // { type: 'Succeeded', status: 'True', reason: 'Succeeded', message: 'All Tasks have completed executing' }
 * ```
 *
 * @public
 */
export function pipelineConditionStatus(pr: PipelineRun, state: readonly PipelineTaskState[], graph: PipelineGraph, nowMs: number): StatusCondition {
  const name = pr.metadata?.name ?? '';
  if (isTimedOut(pr, nowMs)) {
    const timeout = parseGoDuration(pr.spec?.timeout ?? '0s');
    return {
      type: SUCCEEDED,
      status: 'False',
      reason: PIPELINERUN_REASONS.timedOut,
      // Tekton quoted the String() of the *metav1.Duration (its generated protobuf text), not the duration itself.
      message: `PipelineRun ${goQuote(name)} failed to finish within ${goQuote(`&Duration{Duration:${formatGoDuration(E.isRight(timeout) ? timeout.right : 0n)},}`)}`,
    };
  }
  const failed = state.find(isFailure);
  if (failed !== undefined) {
    return { type: SUCCEEDED, status: 'False', reason: PIPELINERUN_REASONS.failed, message: `TaskRun ${failed.taskRun?.metadata?.name ?? ''} has failed` };
  }
  const byName = new Map(state.map((s) => [s.task.name ?? '', s]));
  if (state.every((s) => isSuccessful(s) || isSkipped(s, byName, graph))) {
    return { type: SUCCEEDED, status: 'True', reason: PIPELINERUN_REASONS.succeeded, message: 'All Tasks have completed executing' };
  }
  return { type: SUCCEEDED, status: 'Unknown', reason: PIPELINERUN_REASONS.running, message: 'Not all Tasks in the Pipeline have finished executing' };
}

/** A condition check's entry (NewConditionCheckStatus): the check TaskRun's condition, Pod, times and check step state. */
function checkEntry(c: ConditionCheckState): PipelineRunConditionCheckStatus {
  const trs = c.conditionCheck?.status;
  if (c.conditionCheck === undefined) return { conditionName: c.conditionName };
  const step = (trs?.steps ?? []).find((s) => s.name === c.checkStep);
  return {
    conditionName: c.conditionName,
    status: {
      ...(trs?.observedGeneration !== undefined ? { observedGeneration: trs.observedGeneration } : {}),
      ...(trs?.conditions !== undefined ? { conditions: trs.conditions } : {}),
      podName: trs?.podName ?? '',
      ...(trs?.startTime !== undefined ? { startTime: trs.startTime } : {}),
      ...(trs?.completionTime !== undefined ? { completionTime: trs.completionTime } : {}),
      check: {
        ...(step?.waiting !== undefined ? { waiting: step.waiting } : {}),
        ...(step?.running !== undefined ? { running: step.running } : {}),
        ...(step?.terminated !== undefined ? { terminated: step.terminated } : {}),
      },
    },
  };
}

/**
 * The PipelineRun's `status.taskRuns` (getTaskRunsStatus): an entry per
 * pipeline task that has a TaskRun or condition checks, keyed by its
 * TaskRun's name, with the TaskRun's status and its checks' statuses; a
 * task whose checks failed gets a `False` status with reason
 * `ConditionCheckFailed`.
 *
 * @example
 * ```ts
 * taskRunsStatus(pr, state, now);
 * // { 'ci-1-build-x7kq2': { pipelineTaskName: 'build', status: { ... } } }
 * ```
 *
 * @public
 */
export function taskRunsStatus(pr: PipelineRun, state: readonly PipelineTaskState[], now: string): Readonly<Record<string, PipelineRunTaskRunStatus>> {
  const out: Record<string, PipelineRunTaskRunStatus> = {};
  for (const s of state) {
    if (s.taskRun === undefined && s.checks.length === 0) continue;
    let status: TaskRunStatus | undefined = s.taskRun?.status ?? (s.taskRun !== undefined ? {} : undefined);
    const checks: Record<string, PipelineRunConditionCheckStatus> = {};
    for (const c of s.checks) checks[c.checkName] = checkEntry(c);
    if (s.checks.length > 0 && checksDone(s) && !checksPassed(s)) {
      status = {
        ...(status ?? {}),
        conditions: setCondition(
          status?.conditions,
          {
            type: SUCCEEDED,
            status: 'False',
            reason: PIPELINERUN_REASONS.conditionCheckFailed,
            message: `ConditionChecks failed for Task ${s.taskRunName} in PipelineRun ${pr.metadata?.name ?? ''}`,
          },
          now,
        ),
      };
    }
    out[s.taskRunName] = {
      pipelineTaskName: s.task.name ?? '',
      ...(status !== undefined ? { status } : {}),
      ...(s.checks.length > 0 ? { conditionChecks: checks } : {}),
    };
  }
  return out;
}

/**
 * The status the reconciler writes for a PipelineRun given the state of its
 * tasks at `now` (text as metav1.Time prints it, and `nowMs` the same
 * instant): a PipelineRun already done keeps its condition (its TaskRuns'
 * statuses refreshed); a cancelled one fails with `PipelineRunCancelled`;
 * otherwise the condition of {@link pipelineConditionStatus} and the
 * `taskRuns` of {@link taskRunsStatus}. The start time is set on the first
 * look (never before the creation time), the completion time once done.
 *
 * @example
 * ```ts
 * reconcileStatus(pr, state, graph, '2019-10-30T10:05:00Z', Date.parse('2019-10-30T10:05:00Z')).conditions;
 * ```
 *
 * @public
 */
export function reconcileStatus(pr: PipelineRun, state: readonly PipelineTaskState[], graph: PipelineGraph, now: string, nowMs: number): PipelineRunStatus {
  const given = pr.status ?? {};
  const started: PipelineRunStatus = { ...given, startTime: runStartTime(pr, now, nowMs), conditions: initializeConditions(given.conditions, now) };
  const run = { ...pr, status: started };
  const done = !isUnknown(getCondition(started.conditions, SUCCEEDED));
  if (done) {
    // Done: only the TaskRuns' statuses are refreshed (updateTaskRunsStatusDirectly).
    const taskRuns: Record<string, PipelineRunTaskRunStatus> = {};
    for (const [name, entry] of Object.entries(given.taskRuns ?? {})) {
      const tr = state.find((s) => s.taskRun?.metadata?.name === name)?.taskRun;
      taskRuns[name] = tr?.status !== undefined ? { ...entry, status: tr.status } : entry;
    }
    const refreshed = { ...started, ...(given.taskRuns !== undefined ? { taskRuns } : {}) };
    return writtenStatus(given, refreshed, now);
  }
  const condition: StatusCondition =
    pr.spec?.status === 'PipelineRunCancelled'
      ? { type: SUCCEEDED, status: 'False', reason: PIPELINERUN_REASONS.cancelled, message: `PipelineRun ${goQuote(pr.metadata?.name ?? '')} was cancelled` }
      : pipelineConditionStatus(run, state, graph, nowMs);
  const conditions = setCondition(started.conditions, condition, now);
  const taskRuns = pr.spec?.status === 'PipelineRunCancelled' ? given.taskRuns : taskRunsStatus(pr, state, now);
  const rest: Record<string, unknown> = { ...started };
  delete rest.taskRuns;
  return writtenStatus(given, { ...(rest as PipelineRunStatus), conditions, ...(taskRuns !== undefined && Object.keys(taskRuns).length > 0 ? { taskRuns } : {}) }, now);
}

/**
 * What the reconcile leaves as the status (`updateStatus`): nothing is
 * written when the new status equals the given one but for conditions'
 * times (semantic.ts), so the given one stands; a status that is written
 * and done gets its completion time, now.
 */
function writtenStatus(given: PipelineRunStatus, next: PipelineRunStatus, now: string): PipelineRunStatus {
  if (semanticallyEqual(given, next)) return given;
  const done = !isUnknown(getCondition(next.conditions, SUCCEEDED));
  return done ? { ...next, completionTime: now } : next;
}
