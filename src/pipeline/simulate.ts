/**
 * The run of a PipelineRun, reconcile by reconcile, as Tekton's two
 * controllers played it out at 6c132b937e: the PipelineRun controller acts
 * on the state of the tasks (the next tasks of the graph, their condition
 * checks, retries of failed TaskRuns; `GetNextTasks` and the loop of
 * `reconcile` in pipelinerun.go), each TaskRun gets its Pod from the TaskRun
 * render and its status from that Pod (src/status/taskrun.ts), and the
 * PipelineRun's status follows (src/status/pipelinerun.ts).
 *
 * What happens to each TaskRun is an outcome the caller chooses: by default
 * every TaskRun succeeds and every check passes. Time is one instant, `now`:
 * nothing times out. After each reconcile, the TaskRuns it created finish —
 * the failing ones first, seen by a reconcile of their own, then the rest —
 * so a failure is acted on (a retry, or the PipelineRun failing) before any
 * task that was running beside it could start others. A PipelineRun that is
 * done stops nothing: what still runs then ends too, and the done
 * PipelineRun's last reconcile lists those TaskRuns' final statuses.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { invalidInput, TaskpodError } from '../errors';
import type { InputObjects } from '../input/objects';
import type { Pod } from '../model/core';
import type { PipelineRun, PipelineRunStatus } from '../model/pipeline';
import type { RenderedPod } from '../model/rendered';
import type { TaskRun, TaskRunStatus } from '../model/tekton';
import { explainPod } from '../explain';
import { renderTaskRun, RenderOptions } from '../render';
import { isStepName } from '../sidecars/pod';
import { getCondition, isFalse, isTrue, isUnknown, setCondition, SUCCEEDED } from '../status/condition';
import { goTimeText } from '../status/go-text';
import {
  checksPassed,
  checksStarted,
  isSkipped,
  isSuccessful,
  nextTasks,
  PipelineTaskState,
  reconcileStatus,
  successfulTaskNames,
} from '../status/pipelinerun';
import { taskRunStatus } from '../status/taskrun';
import type { TaskpodWarning } from '../warnings';
import { conditionCheckRun } from './conditions';
import { schedulable } from './dag';
import { creatable, generatedNames } from './names';
import type { ResolvedPipelineRun } from './resolve';
import type { PipelineStorage } from './storage';
import { pipelineTaskRun } from './taskruns';

/**
 * What happens to the TaskRuns of a what-if run. Without outcomes, every
 * TaskRun succeeds and every condition check passes.
 *
 * @example
 * ```ts
 * const outcomes: Outcomes = { failTasks: new Map([['build', Infinity]]), failConditions: new Set(['deploy/is-main']) };
 * ```
 *
 * @public
 */
export interface Outcomes {
  /**
   * Pipeline tasks whose TaskRun fails, with how many attempts fail
   * (`Infinity`: every one; with `retries`, the task is tried again while
   * it has retries left).
   */
  readonly failTasks?: ReadonlyMap<string, number>;
  /** Condition checks that fail, as `task/condition` (the pipeline task and the Condition it names). */
  readonly failConditions?: ReadonlySet<string>;
}

/**
 * Settings of a PipelineRun's expansion: those of each TaskRun's render,
 * the outcomes, and the instant everything happens at.
 *
 * @example
 * ```ts
 * expandPipelineRun(objects, { config, outcomes: { failTasks: new Map([['test', 1]]) }, now: new Date('2019-10-30T10:00:00Z') });
 * ```
 *
 * @public
 */
export interface ExpandOptions extends RenderOptions {
  readonly outcomes?: Outcomes;
  /**
   * The time of every status (the PipelineRun's `creationTimestamp` when
   * not given, else 1970-01-01T00:00:00Z): the clock is never read.
   */
  readonly now?: Date;
}

/**
 * What happened to a pipeline task: its TaskRun succeeded, or failed (every
 * retry used, or a retry left that was never tried because the PipelineRun
 * had failed already); it was skipped (a condition of it, or of a task
 * before it, failed); or it never ran (the PipelineRun ended first).
 *
 * @public
 */
export type TaskOutcome = 'succeeded' | 'failed' | 'skipped' | 'not-run';

/**
 * One TaskRun the controllers created (or, for `attempt` above 0, one more
 * Pod of it, when the PipelineRun retried it).
 *
 * @public
 */
export interface SimulatedTaskRun {
  /** The pipeline task it runs (or whose condition it checks). */
  readonly pipelineTask: string;
  /** For a condition check: the Condition and its place in the pipeline task's `conditions`. */
  readonly conditionCheck?: { readonly condition: string; readonly index: number };
  /** The reconcile (from 1) that created it. */
  readonly wave: number;
  /** 0 for the TaskRun's first Pod, n for its n-th retry. */
  readonly attempt: number;
  /** The TaskRun as the controller created it (no status). */
  readonly taskRun: TaskRun;
  /** The Pod the TaskRun controller created. */
  readonly pod: RenderedPod;
  /** The TaskRun's status once this attempt finished. */
  readonly status: TaskRunStatus;
}

/**
 * A simulated run: every creation in order, the final state of each
 * pipeline task, and the PipelineRun's final status.
 *
 * @public
 */
export interface Simulation {
  readonly created: readonly SimulatedTaskRun[];
  /** Per pipeline task (in declaration order), what happened to it. */
  readonly outcomes: readonly { readonly pipelineTask: string; readonly outcome: TaskOutcome; readonly attempts: number }[];
  /** The PipelineRun's status after its last reconcile. */
  readonly status: PipelineRunStatus;
  /** The renders' warnings, in order (repeats included). */
  readonly warnings: readonly TaskpodWarning[];
}

type Result<A> = E.Either<TaskpodError, A>;

/**
 * The Pod with a status as the kubelet reports it once every container
 * ended; `fail` makes the last of the Task's own steps exit 1 (the image ID,
 * which the runtime reports, is not known offline: left empty).
 */
function endedPod(pod: RenderedPod, fail: boolean): Pod {
  const containers = pod.spec?.containers ?? [];
  const own = explainPod(pod as Pod).containers.filter((c) => c.origin === 'step');
  const failing = fail ? (own[own.length - 1]?.name ?? containers.filter((c) => isStepName(c.name ?? '')).pop()?.name) : undefined;
  return {
    ...pod,
    status: {
      phase: fail ? 'Failed' : 'Succeeded',
      containerStatuses: containers.map((c) => ({
        name: c.name ?? '',
        image: c.image ?? '',
        imageID: '',
        ready: false,
        restartCount: 0,
        state: { terminated: c.name === failing ? { exitCode: 1, reason: 'Error' } : { exitCode: 0, reason: 'Completed' } },
      })),
    },
  } as Pod;
}

/** The status of a TaskRun the PipelineRun retries: the last try kept in `retriesStatus`, the rest cleared, Unknown. */
function retried(status: TaskRunStatus, now: string): TaskRunStatus {
  const { retriesStatus, ...last } = status;
  const rest: Record<string, unknown> = { ...status, retriesStatus: [...(retriesStatus ?? []), last] };
  delete rest.startTime;
  delete rest.completionTime;
  return { ...(rest as TaskRunStatus), podName: '', conditions: setCondition(status.conditions, { type: SUCCEEDED, status: 'Unknown' }, now) };
}

/**
 * The instant a what-if run happens at: `now` when given, else the
 * PipelineRun's creation time, else 1970-01-01T00:00:00Z (the clock is never
 * read).
 *
 * @example
 * ```ts
 * simulationInstant({ metadata: { creationTimestamp: '2019-10-30T09:00:00Z' } }); // 2019-10-30T09:00:00.000Z
 * ```
 *
 * @public
 */
export function simulationInstant(pr: PipelineRun, now?: Date): Date {
  const created = pr.metadata?.creationTimestamp;
  return now ?? (created instanceof Date ? created : created !== undefined ? new Date(created) : new Date(0));
}

/**
 * Plays out a resolved PipelineRun: reconcile by reconcile, what Tekton
 * created, and what happened to it, given the outcomes.
 *
 * @example
 * ```ts
 * const sim = simulate(objects, run, storage, { outcomes: { failTasks: new Map([['test', Infinity]]) } });
 * // Right({ created: [...], outcomes: [{ pipelineTask: 'test', outcome: 'failed', attempts: 1 }, ...], status: { conditions: [{ reason: 'Failed', ... }] } })
 * ```
 *
 * @public
 */
export function simulate(objects: InputObjects, run: ResolvedPipelineRun, storage: PipelineStorage, options: ExpandOptions = {}): Result<Simulation> {
  const instant = simulationInstant(run.pipelineRun, options.now);
  const now = goTimeText(instant);
  if (now === undefined) return E.left(invalidInput('now', '', 'not a valid time'));
  const nowMs = instant.getTime();
  const failTasks = options.outcomes?.failTasks ?? new Map<string, number>();
  const failConditions = options.outcomes?.failConditions ?? new Set<string>();
  const names = generatedNames(run);

  // The state of each pipeline task, by declaration order; checks by condition index.
  const taskRuns: (TaskRun | undefined)[] = run.tasks.map(() => undefined);
  const checks: (TaskRun | undefined)[][] = run.tasks.map((t) => t.conditions.map(() => undefined));
  const state = (): PipelineTaskState[] =>
    run.tasks.map((t, i) => {
      const pt = t.task.name ?? '';
      return {
        task: t.task,
        taskRunName: names.taskRun.get(pt)!,
        ...(taskRuns[i] !== undefined ? { taskRun: taskRuns[i] } : {}),
        checks: t.conditions.map((c, k) => ({
          conditionName: c.guard.conditionRef ?? '',
          checkName: names.check.get(`${pt}/${c.index}`)!,
          checkStep: (c.condition.spec?.check?.name ?? '') !== '' ? c.condition.spec!.check!.name! : `condition-check-${c.condition.metadata?.name ?? ''}`,
          ...(checks[i]![k] !== undefined ? { conditionCheck: checks[i]![k] } : {}),
        })),
      };
    });

  const out: SimulatedTaskRun[] = [];
  const warnings: TaskpodWarning[] = [];
  // Creations not yet finished: where they are in `out`, and how to write their status back.
  type Running = { readonly at: number; readonly fails: boolean; readonly write: (tr: TaskRun) => void; readonly current: () => TaskRun };
  type Live = TaskRun & { readonly status: TaskRunStatus };
  let running: Running[] = [];
  let status: PipelineRunStatus = run.pipelineRun.status ?? {};
  let wave = 0;

  /** Renders the Pod of a TaskRun (attempt n), gives it its running status, and records it. */
  const start = (
    taskRun: TaskRun,
    statusBefore: TaskRunStatus | undefined,
    entry: Omit<SimulatedTaskRun, 'pod' | 'status' | 'taskRun' | 'wave'>,
    fails: boolean,
    write: (tr: TaskRun) => void,
  ): Result<void> => {
    const rendered = renderTaskRun({ ...objects, taskRuns: [taskRun] }, { ...options, attempt: entry.attempt });
    if (E.isLeft(rendered)) return rendered;
    warnings.push(...rendered.right.warnings);
    const live = { ...taskRun, ...(statusBefore !== undefined ? { status: statusBefore } : {}) };
    const st = taskRunStatus(live, rendered.right.pod as Pod, instant);
    if (E.isLeft(st)) return st;
    const current: Live = { ...taskRun, status: st.right.status };
    write(current);
    out.push({ ...entry, wave, taskRun, pod: rendered.right.pod, status: st.right.status });
    let latest: TaskRun = current;
    running.push({
      at: out.length - 1,
      fails,
      write: (tr) => {
        latest = tr;
        write(tr);
      },
      current: () => latest,
    });
    return E.right(undefined);
  };

  /** The creations `ending` end: each gets the status its ended Pod gives. */
  const end = (ending: readonly Running[]): Result<void> => {
    running = running.filter((r) => !ending.includes(r));
    for (const r of ending) {
      const entry = out[r.at]!;
      const st = taskRunStatus(r.current(), endedPod(entry.pod, r.fails), instant);
      if (E.isLeft(st)) return st;
      r.write({ ...r.current(), status: st.right.status });
      out[r.at] = { ...entry, status: st.right.status };
    }
    return E.right(undefined);
  };

  for (let guard = 0; guard < 10_000; guard++) {
    // One reconcile of the PipelineRun controller.
    if (!isUnknown(getCondition(status.conditions, SUCCEEDED))) break;
    const before = state();
    const candidates = new Set(schedulable(run.graph, new Set(successfulTaskNames(before))));
    const acting = nextTasks(before, candidates);
    if (acting.length > 0) wave++;
    for (const s of acting) {
      const i = run.tasks.findIndex((t) => t.task.name === s.task.name);
      const t = run.tasks[i]!;
      const pt = t.task.name ?? '';
      if (s.checks.length === 0 || checksPassed(s)) {
        const existing = taskRuns[i];
        const attempt = existing === undefined ? 0 : (existing.status?.retriesStatus ?? []).length + 1;
        const fails = attempt < (failTasks.get(pt) ?? 0);
        if (existing === undefined) {
          const ok = creatable(run, t, 'TaskRun', names.taskRun.get(pt)!);
          if (E.isLeft(ok)) return ok;
          const tr = pipelineTaskRun(run, t, names.taskRun.get(pt)!, storage.basePath);
          const r = start(tr, undefined, { pipelineTask: pt, attempt }, fails, (x) => (taskRuns[i] = x));
          if (E.isLeft(r)) return r;
        } else {
          const { status: last, ...spec } = existing;
          const r = start(spec, retried(last ?? {}, now), { pipelineTask: pt, attempt }, fails, (x) => (taskRuns[i] = x));
          if (E.isLeft(r)) return r;
        }
      } else if (!checksStarted(s)) {
        for (const [k, c] of t.conditions.entries()) {
          const name = names.check.get(`${pt}/${c.index}`)!;
          const ok = creatable(run, t, 'Condition-check TaskRun', name);
          if (E.isLeft(ok)) return ok;
          const check = conditionCheckRun(run, t, c, name);
          if (E.isLeft(check)) return check;
          const fails = failConditions.has(`${pt}/${c.guard.conditionRef ?? ''}`);
          const r = start(check.right, undefined, { pipelineTask: pt, conditionCheck: { condition: c.guard.conditionRef ?? '', index: c.index }, attempt: 0 }, fails, (x) => (checks[i]![k] = x));
          if (E.isLeft(r)) return r;
        }
      }
    }
    status = reconcileStatus({ ...run.pipelineRun, status }, state(), run.graph, now, nowMs);
    if (!isUnknown(getCondition(status.conditions, SUCCEEDED)) || running.length === 0) break;
    // Time passes: the failing creations end first, then the others.
    const failing = running.filter((r) => r.fails);
    const ended = end(failing.length > 0 ? failing : running);
    if (E.isLeft(ended)) return ended;
  }
  if (running.length > 0 && !isUnknown(getCondition(status.conditions, SUCCEEDED))) {
    // Done, but nothing was stopped (only a cancelled PipelineRun's TaskRuns were): what still
    // runs ends as its outcome says, and the done PipelineRun's next reconcile copies the status
    // of each TaskRun it lists (updateTaskRunsStatusDirectly; not the condition checks').
    const ended = end(running);
    if (E.isLeft(ended)) return ended;
    status = reconcileStatus({ ...run.pipelineRun, status }, state(), run.graph, now, nowMs);
  }

  const final = state();
  const byName = new Map(final.map((s) => [s.task.name ?? '', s]));
  return E.right({
    created: out,
    outcomes: final.map((s) => ({
      pipelineTask: s.task.name ?? '',
      // Every TaskRun has ended: one that failed with retries left was not retried because the PipelineRun had failed.
      outcome: isSuccessful(s) ? 'succeeded' : isFalse(getCondition(s.taskRun?.status?.conditions, SUCCEEDED)) ? 'failed' : isSkipped(s, byName, run.graph) ? 'skipped' : 'not-run',
      attempts: s.taskRun === undefined ? 0 : (s.taskRun.status?.retriesStatus ?? []).length + 1,
    })),
    status,
    warnings,
  });
}

/** Whether a TaskRun's status says it succeeded (True), failed (False) or neither yet. */
export function taskRunResult(status: TaskRunStatus | undefined): 'succeeded' | 'failed' | 'running' {
  const c = getCondition(status?.conditions, SUCCEEDED);
  return isTrue(c) ? 'succeeded' : isFalse(c) ? 'failed' : 'running';
}
