/**
 * A PipelineRun's status from the objects a user has: the PipelineRun, its
 * Pipeline (or embedded spec) and the TaskRuns it owns, with their
 * statuses. What the PipelineRun controller wrote on its next reconcile at
 * 6c132b937e: it found each pipeline task's TaskRun and condition checks
 * (by the PipelineRun's `status.taskRuns`, else by their labels), acted on
 * the next tasks (a TaskRun it would create appears with an empty status, a
 * retry moves the last try into `retriesStatus`), and computed the status
 * (src/status/pipelinerun.ts).
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { defaultPipelineSpec } from '../admission/pipeline';
import { invalidInput, TaskpodError } from '../errors';
import { InputObjects, namespaceOf } from '../input/objects';
import type { PipelineRun, PipelineRunStatus, PipelineSpec } from '../model/pipeline';
import type { TaskRun } from '../model/tekton';
import { buildGraph, schedulable } from '../pipeline/dag';
import { admitPipelineRun } from '../pipeline/expand';
import { generatedNames } from '../pipeline/names';
import { CONDITION_CHECK_LABEL, PIPELINE_RUN_LABEL, PIPELINE_TASK_LABEL } from '../pipeline/taskruns';
import type { TaskpodWarning } from '../warnings';
import { setCondition, SUCCEEDED, initializeConditions } from './condition';
import { goTimeText } from './go-text';
import { checksPassed, checksStarted, nextTasks, PIPELINERUN_REASONS, PipelineTaskState, reconcileStatus, runStartTime, successfulTaskNames } from './pipelinerun';

/**
 * The PipelineRun with its new status, and what deserves a warning.
 *
 * @public
 */
export interface PipelineRunStatusResult {
  /** The PipelineRun (as the webhook stored it) with the status. */
  readonly pipelineRun: PipelineRun;
  readonly status: PipelineRunStatus;
  readonly warnings: readonly TaskpodWarning[];
}

const labelled = (tr: TaskRun, key: string): string | undefined => tr.metadata?.labels?.[key];

/** Go's `%s` of an error from a lister that found nothing. */
const notFound = (resource: string, name: string): string => `${resource}.tekton.dev ${JSON.stringify(name)} not found`;

/** The status of a PipelineRun that failed before any task: started, the condition set, completed. */
function failedEarly(pr: PipelineRun, reason: string, message: string, now: string, nowMs: number): PipelineRunStatus {
  const given = pr.status ?? {};
  const conditions = setCondition(initializeConditions(given.conditions, now), { type: SUCCEEDED, status: 'False', reason, message }, now);
  return { ...given, startTime: runStartTime(pr, now, nowMs), conditions, completionTime: now };
}

/**
 * The status the PipelineRun controller would write for the one PipelineRun
 * among `objects` at `now`, from its TaskRuns (with their statuses) and its
 * Pipeline. Pure: the clock is never read.
 *
 * @example
 * ```ts
 * const r = pipelineRunStatus(objects, new Date('2019-10-30T10:05:00Z'));
 * if (E.isRight(r)) getCondition(r.right.status.conditions, SUCCEEDED);
 * // { type: 'Succeeded', status: 'Unknown', reason: 'Running', message: 'Not all Tasks in the Pipeline have finished executing', ... }
 * ```
 *
 * @public
 */
export function pipelineRunStatus(objects: InputObjects, now: Date): E.Either<TaskpodError, PipelineRunStatusResult> {
  const text = goTimeText(now);
  if (text === undefined) return E.left(invalidInput('now', '', 'not a valid time'));
  const nowMs = now.getTime();
  const admitted = admitPipelineRun(objects);
  if (E.isLeft(admitted)) return admitted;
  const { pipelineRun: pr, name, namespace } = admitted.right;
  const warnings: TaskpodWarning[] = [...admitted.right.warnings];
  const done = (status: PipelineRunStatus): E.Either<TaskpodError, PipelineRunStatusResult> => E.right({ pipelineRun: { ...pr, status }, status, warnings });

  const owned = objects.taskRuns.filter((tr) => namespaceOf(tr) === namespace && labelled(tr, PIPELINE_RUN_LABEL) === name);
  if ((pr.status?.conditions ?? []).some((c) => c.type === SUCCEEDED && c.status !== 'Unknown')) {
    // Done: the controller only refreshed the statuses of the TaskRuns it lists, looked up by name.
    const listed = objects.taskRuns.filter((tr) => namespaceOf(tr) === namespace && Object.keys(pr.status?.taskRuns ?? {}).includes(tr.metadata?.name ?? ''));
    const state = listed.map((tr) => ({ task: { name: labelled(tr, PIPELINE_TASK_LABEL) ?? '' }, taskRunName: tr.metadata?.name ?? '', taskRun: tr, checks: [] }));
    return done(reconcileStatus(pr, state, { tasks: [], prev: new Map(), next: new Map() }, text, nowMs));
  }
  const ref = pr.spec?.pipelineRef?.name ?? '';
  let spec: PipelineSpec;
  if (ref === '') spec = pr.spec?.pipelineSpec ?? {};
  else {
    const p = objects.pipelines.find((x) => x.metadata?.name === ref && namespaceOf(x) === namespace);
    if (p === undefined) {
      const message = `Error retrieving pipeline for pipelinerun ${namespace}/${name}: error when listing pipelines for pipelineRun ${name}: ${notFound('pipeline', ref)}`;
      return done(failedEarly(pr, PIPELINERUN_REASONS.couldntGetPipeline, message, text, nowMs));
    }
    spec = defaultPipelineSpec(p.spec ?? {});
  }
  const graph = buildGraph(spec.tasks ?? []);
  if (E.isLeft(graph)) {
    return done(failedEarly(pr, PIPELINERUN_REASONS.invalidGraph, `PipelineRun ${namespace}/${name}'s Pipeline DAG is invalid: ${graph.left}`, text, nowMs));
  }

  const tasks = (spec.tasks ?? []).map((task) => ({ task, conditions: (task.conditions ?? []).map((guard, index) => ({ guard, index })) }));
  const names = generatedNames({ name, namespace, tasks });
  const byName = (n: string) => objects.taskRuns.find((tr) => namespaceOf(tr) === namespace && tr.metadata?.name === n);
  const entries = Object.entries(pr.status?.taskRuns ?? {});

  const state: PipelineTaskState[] = tasks.map(({ task, conditions }) => {
    const pt = task.name ?? '';
    const recorded = entries.filter(([, e]) => e.pipelineTaskName === pt).map(([k]) => k);
    const found = owned.filter((tr) => labelled(tr, PIPELINE_TASK_LABEL) === pt && labelled(tr, CONDITION_CHECK_LABEL) === undefined);
    if (recorded.length === 0 && found.length > 1) {
      warnings.push({ object: admitted.right.object, field: 'status.taskRuns', message: `${found.length} TaskRuns are labelled for pipeline task "${pt}"; the first given is taken` });
    }
    const taskRunName = recorded[0] ?? found[0]?.metadata?.name ?? names.taskRun.get(pt)!;
    const taskRun = byName(taskRunName);
    const recordedChecks = Object.entries(pr.status?.taskRuns?.[taskRunName]?.conditionChecks ?? {});
    const checks = conditions.map(({ guard, index }) => {
      const cond = guard.conditionRef ?? '';
      // A check is named <taskrun>-<condition>, cut to 57 characters, then five more.
      const base = `${taskRunName}-${cond}`.slice(0, 57);
      const checkName =
        recordedChecks.find(([, c]) => c.conditionName === cond)?.[0] ??
        owned.find((tr) => labelled(tr, CONDITION_CHECK_LABEL) !== undefined && labelled(tr, PIPELINE_TASK_LABEL) === pt && (tr.metadata?.name ?? '').startsWith(`${base}-`))?.metadata?.name ??
        names.check.get(`${pt}/${index}`)!;
      const conditionCheck = byName(checkName);
      const object = objects.conditions.find((c) => c.metadata?.name === cond && namespaceOf(c) === namespace);
      const step = conditionCheck?.spec?.taskSpec?.steps?.[0]?.name ?? object?.spec?.check?.name ?? '';
      return { conditionName: cond, checkName, checkStep: step !== '' ? step : `condition-check-${cond}`, ...(conditionCheck !== undefined ? { conditionCheck } : {}) };
    });
    return { task, taskRunName, ...(taskRun !== undefined ? { taskRun } : {}), checks };
  });

  // What this reconcile creates: TaskRuns (their status empty), condition checks, retries.
  const acting = pr.spec?.status === 'PipelineRunCancelled' ? [] : nextTasks(state, new Set(schedulable(graph.right, new Set(successfulTaskNames(state)))));
  const next = state.map((s): PipelineTaskState => {
    if (!acting.includes(s)) return s;
    if (s.checks.length === 0 || checksPassed(s)) {
      if (s.taskRun === undefined) return { ...s, taskRun: { metadata: { name: s.taskRunName, namespace }, status: { podName: '' } } };
      const { retriesStatus, ...last } = s.taskRun.status ?? {};
      const rest: Record<string, unknown> = { ...last, retriesStatus: [...(retriesStatus ?? []), last] };
      delete rest.startTime;
      delete rest.completionTime;
      return { ...s, taskRun: { ...s.taskRun, status: { ...rest, podName: '', conditions: setCondition(last.conditions, { type: SUCCEEDED, status: 'Unknown' }, text) } } };
    }
    if (!checksStarted(s)) {
      return { ...s, checks: s.checks.map((c) => (c.conditionCheck !== undefined ? c : { ...c, conditionCheck: { metadata: { name: c.checkName, namespace }, status: { podName: '' } } })) };
    }
    return s;
  });
  return done(reconcileStatus(pr, next, graph.right, text, nowMs));
}
