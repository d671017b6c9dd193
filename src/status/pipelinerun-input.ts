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
import { CONDITION_CHECK_LABEL, PIPELINE_RUN_LABEL, PIPELINE_TASK_LABEL, uniqueName } from '../pipeline/taskruns';
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

/** Tekton cut a generated name's base to 57 characters before its `-` and five random characters. */
const NAME_CUT = 57;

/**
 * The names a condition check of Condition `cond` can have: its task's
 * TaskRun name, `-<cond>`, cut to 57 characters, then `-` and five
 * characters. `taskRun` is that TaskRun's name, or, when it is not known
 * (never created, not recorded), its base: Tekton's five random characters
 * after it may be any.
 */
function checkNamePattern(taskRun: { readonly name: string } | { readonly base: string }, cond: string): RegExp {
  // Each character as a pattern of its own: a literal, or any of [a-z0-9] for an unknown one.
  const literal = (text: string) => [...text].map((c) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  const taskRunPart = 'name' in taskRun ? literal(taskRun.name) : [...literal(taskRun.base.slice(0, NAME_CUT)), '-', ...Array<string>(5).fill('[a-z0-9]')];
  const base = [...taskRunPart, ...literal(`-${cond}`)].slice(0, NAME_CUT);
  return new RegExp(`^${base.join('')}-[a-z0-9]{5}$`);
}

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
    // A check is named after its task's TaskRun (whether or not that exists yet): a check found by
    // its labels gives that TaskRun's name when the cut to 57 characters left all of it.
    const labelledChecks = owned.filter((tr) => labelled(tr, CONDITION_CHECK_LABEL) !== undefined && labelled(tr, PIPELINE_TASK_LABEL) === pt);
    // Which Condition a check ran: its name says so, and (where the cut left too little of the
    // name to tell) so does its one step, named as the Condition's check or condition-check-<name>.
    const checkStepOf = (cond: string): string => {
      const named = objects.conditions.find((c) => c.metadata?.name === cond && namespaceOf(c) === namespace)?.spec?.check?.name ?? '';
      return named !== '' ? named : `condition-check-${cond}`;
    };
    const checkOf = (tr: TaskRun, pattern: RegExp, cond: string): boolean => {
      const step = tr.spec?.taskSpec?.steps?.[0]?.name;
      return pattern.test(tr.metadata?.name ?? '') && (step === undefined || step === checkStepOf(cond));
    };
    const base = `${name}-${pt}`.slice(0, NAME_CUT);
    const fromCheck =
      base.length + 6 > NAME_CUT
        ? undefined
        : labelledChecks.find((tr) => conditions.some(({ guard }) => checkOf(tr, checkNamePattern({ base }, guard.conditionRef ?? ''), guard.conditionRef ?? '')))?.metadata?.name?.slice(0, base.length + 6);
    const known = recorded[0] ?? found[0]?.metadata?.name ?? fromCheck;
    const taskRunName = known ?? names.taskRun.get(pt)!;
    const taskRun = byName(taskRunName);
    const recordedChecks = Object.entries(pr.status?.taskRuns?.[taskRunName]?.conditionChecks ?? {});
    const checks = conditions.map(({ guard, index }) => {
      const cond = guard.conditionRef ?? '';
      const pattern = checkNamePattern(known !== undefined ? { name: known } : { base }, cond);
      const checkName =
        recordedChecks.find(([, c]) => c.conditionName === cond)?.[0] ??
        labelledChecks.find((tr) => checkOf(tr, pattern, cond))?.metadata?.name ??
        (taskRunName === names.taskRun.get(pt) ? names.check.get(`${pt}/${index}`)! : uniqueName(`${namespace}/${name}`, `${taskRunName}-${cond}`, `condition/${pt}/${index}`, new Set()));
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
