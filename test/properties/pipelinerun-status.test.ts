/**
 * Properties of what-if runs and of the PipelineRun status, over the
 * generated PipelineRuns of test/arbitraries/pipeline.ts with random
 * outcomes (tasks failing some or all of their attempts, condition checks
 * failing), and over arbitrary task states.
 *
 * What each task ends as (docs/status.md, "What happened to each task"):
 * - succeeded: its TaskRun's last attempt succeeded;
 * - failed: its TaskRun failed with every retry used, or with retries left
 *   that were never tried because the PipelineRun had failed already;
 * - skipped: it has no TaskRun because a condition check of it failed, or a
 *   task it waits for (directly or not) was skipped;
 * - not-run: it has no TaskRun and was not skipped: the PipelineRun failed
 *   before the task could start (or was cancelled).
 * Every pipeline task is counted once, as exactly one of these.
 *
 * The expected outcomes come from the generator's model and the outcomes
 * drawn (which task fails more often than it may retry, which conditions
 * fail and what waits for them), never from taskpod's code.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import type { TaskpodError } from '../../src/errors';
import { decodeAs } from '../../src/input/decode';
import { collectObjects } from '../../src/input/objects';
import { ConfigFile, configFromFile } from '../../src/model/config';
import type { PipelineRun, PipelineTask } from '../../src/model/pipeline';
import type { StatusCondition, TaskRun } from '../../src/model/tekton';
import { buildGraph } from '../../src/pipeline/dag';
import { expandPipelineRun, PipelineRunExpansion } from '../../src/pipeline/expand';
import type { ExpandOptions, Outcomes } from '../../src/pipeline/simulate';
import { ConditionCheckState, pipelineConditionStatus, PipelineTaskState, reconcileStatus, taskRunsStatus } from '../../src/status/pipelinerun';
import { pipelineRunStatus } from '../../src/status/pipelinerun-input';
import { PipelineModel, PipelineScenario, pipelineScenario } from '../arbitraries/pipeline';
import { checkProperty } from '../helpers/runs';

const NOW = new Date('2019-10-30T10:00:00Z');

function expandWith(s: PipelineScenario, options: ExpandOptions): E.Either<TaskpodError, PipelineRunExpansion> {
  const objects = collectObjects(s.docs, (i) => `document ${i + 1}`);
  if (E.isLeft(objects)) return objects;
  const config = decodeAs(ConfigFile, s.config, 'config');
  if (E.isLeft(config)) return config;
  return expandPipelineRun(objects.right, { config: configFromFile(config.right), ...options });
}

function expandOk(s: PipelineScenario, options: ExpandOptions): PipelineRunExpansion {
  const r = expandWith(s, options);
  if (E.isLeft(r)) throw new Error(`expected an expansion, got ${r.left._tag}: ${r.left.object}: ${r.left.field}: ${r.left.message}`);
  return r.right;
}

/** A scenario and outcomes for it: some tasks fail 1, 2, 3 or all attempts; some conditions fail. */
const withOutcomes = pipelineScenario({ maxTasks: 5 }).chain((s) => {
  const tasks = s.model.tasks.map((t) => t.name);
  const conditions = [...new Set(s.model.tasks.flatMap((t) => t.conditions.map((c) => `${t.name}/${c.conditionRef}`)))];
  return fc
    .record({
      failing: fc.subarray(tasks),
      counts: fc.array(fc.constantFrom(1, 2, 3, Infinity, Infinity), { minLength: tasks.length, maxLength: tasks.length }),
      failConditions: fc.subarray(conditions),
    })
    .map(({ failing, counts, failConditions }) => ({
      s,
      outcomes: { failTasks: new Map(failing.map((t) => [t, counts[tasks.indexOf(t)]!])), failConditions: new Set(failConditions) } as Outcomes,
    }));
});

/** Every task that waits, directly or not, for one of `roots`, and the roots. */
function downstream(model: PipelineModel, roots: ReadonlySet<string>): Set<string> {
  const out = new Set(roots);
  // Tasks come after everything they wait for.
  for (const t of model.tasks) if (t.deps.some((d) => out.has(d))) out.add(t.name);
  return out;
}

const succeededOf = (conditions: readonly StatusCondition[] | undefined) => (conditions ?? []).find((c) => c.type === 'Succeeded');

describe('what-if runs', () => {
  // Protects: the outcome of every task, and the PipelineRun's: with no task
  // failing for good outside the skipped part of the graph, every task that
  // may run succeeds (after as many attempts as it was made to fail), the
  // skipped ones are exactly those after a failed condition, and the
  // PipelineRun succeeds; otherwise it fails naming a failed TaskRun, and
  // only tasks made to fail for good are failed.
  it('each task is counted once, as succeeded, failed, skipped or not run, as the outcomes say', () => {
    checkProperty('what-if: task outcomes', 40, fc.property(withOutcomes, ({ s, outcomes }) => {
      const x = expandOk(s, { outcomes, now: NOW });
      const model = s.model;
      const failCount = (t: string) => outcomes.failTasks?.get(t) ?? 0;
      const retriesOf = (t: string) => model.tasks.find((m) => m.name === t)!.retries;
      const doomed = new Set(model.tasks.filter((t) => failCount(t.name) > t.retries).map((t) => t.name));
      const guardedOff = new Set(model.tasks.filter((t) => t.conditions.some((c) => outcomes.failConditions?.has(`${t.name}/${c.conditionRef}`))).map((t) => t.name));
      const skippable = downstream(model, guardedOff);

      // Counted once each, in declaration order.
      expect(x.outcomes.map((o) => o.pipelineTask)).toEqual(model.tasks.map((t) => t.name));
      const counts = { succeeded: 0, failed: 0, skipped: 0, 'not-run': 0 };
      for (const o of x.outcomes) counts[o.outcome]++;
      expect(counts.succeeded + counts.failed + counts.skipped + counts['not-run']).toBe(model.tasks.length);

      for (const o of x.outcomes) {
        const tries = x.created.filter((c) => c.pipelineTask === o.pipelineTask && c.conditionCheck === undefined);
        // Attempts: one Pod each, numbered in order, one TaskRun, never more than the retries allow.
        expect(tries.map((c) => c.attempt)).toEqual(tries.map((_, i) => i));
        expect(o.attempts).toBe(tries.length);
        expect(tries.length).toBeLessThanOrEqual(retriesOf(o.pipelineTask) + 1);
        expect(new Set(tries.map((c) => c.taskRun.metadata?.name)).size).toBeLessThanOrEqual(1);
        if (o.outcome === 'succeeded') expect({ task: o.pipelineTask, attempts: o.attempts }).toEqual({ task: o.pipelineTask, attempts: failCount(o.pipelineTask) + 1 });
        // Failed: every attempt was made to fail, and either every retry was used or the PipelineRun had failed first.
        if (o.outcome === 'failed') {
          expect(o.attempts).toBeLessThanOrEqual(failCount(o.pipelineTask));
          if (o.attempts < retriesOf(o.pipelineTask) + 1) expect(succeededOf(x.status.conditions)?.status).toBe('False');
        }
        if (o.outcome === 'skipped' || o.outcome === 'not-run') expect(o.attempts).toBe(0);
        if (o.outcome === 'skipped') expect(skippable.has(o.pipelineTask)).toBe(true);
      }

      const condition = succeededOf(x.status.conditions);
      const reachableDoom = [...doomed].filter((t) => !skippable.has(t));
      if (reachableDoom.length === 0) {
        // Nothing fails for good: every task succeeds or is skipped, the skipped ones exactly those after a failed condition.
        expect(Object.fromEntries(x.outcomes.map((o) => [o.pipelineTask, o.outcome]))).toEqual(
          Object.fromEntries(model.tasks.map((t) => [t.name, skippable.has(t.name) ? 'skipped' : 'succeeded'])),
        );
        expect(condition).toMatchObject({ status: 'True', reason: 'Succeeded', message: 'All Tasks have completed executing' });
      } else {
        expect(counts.failed).toBeGreaterThan(0);
        expect(condition).toMatchObject({ status: 'False', reason: 'Failed' });
        const named = /^TaskRun (.*) has failed$/.exec(condition?.message ?? '')?.[1];
        const failedTask = x.created.find((c) => c.conditionCheck === undefined && c.taskRun.metadata?.name === named)?.pipelineTask;
        expect(x.outcomes.find((o) => o.pipelineTask === failedTask)?.outcome).toBe('failed');
        for (const t of doomed) expect(['failed', 'skipped', 'not-run']).toContain(x.outcomes.find((o) => o.pipelineTask === t)?.outcome);
      }
      expect(x.status.completionTime).toBe('2019-10-30T10:00:00Z');
    }));
  });

  // Protects: a failure stops the run — after the reconcile that saw a
  // TaskRun fail for good, nothing is created, and that reconcile itself
  // only retried TaskRuns that failed beside it.
  it('no TaskRun is created after the reconcile that saw a final failure', () => {
    checkProperty('what-if: nothing after a failure', 40, fc.property(withOutcomes, ({ s, outcomes }) => {
      const x = expandOk(s, { outcomes, now: NOW });
      const failed = new Set(x.outcomes.filter((o) => o.outcome === 'failed').map((o) => o.pipelineTask));
      if (failed.size === 0) return;
      const lastTry = (t: string) => Math.max(...x.created.filter((c) => c.pipelineTask === t && c.conditionCheck === undefined).map((c) => c.wave));
      const seen = Math.min(...[...failed].map(lastTry));
      const after = x.created.filter((c) => c.wave > seen);
      expect(after.map((c) => ({ task: c.pipelineTask, wave: c.wave, retry: c.attempt > 0 && c.conditionCheck === undefined }))).toEqual(
        after.map((c) => ({ task: c.pipelineTask, wave: seen + 1, retry: true })),
      );
    }));
  });

  // Protects: the status the run ends with lists every TaskRun with the
  // status its last attempt ended with; a task is marked ConditionCheckFailed
  // exactly when it has no TaskRun and its recorded checks had all ended,
  // one of them failed (and only checks drawn to fail fail). When the run
  // succeeds, every task whose drawn-to-fail check was created is so marked.
  // (A run that fails first may record a task's checks still running: Tekton
  // did not refresh the check statuses of a done PipelineRun.)
  it("the final status.taskRuns: each TaskRun's last status; a task skipped by its check, ConditionCheckFailed", () => {
    checkProperty('what-if: final taskRuns', 40, fc.property(withOutcomes, ({ s, outcomes }) => {
      const x = expandOk(s, { outcomes, now: NOW });
      const entries = x.status.taskRuns ?? {};
      const runSucceeded = succeededOf(x.status.conditions)?.status === 'True';
      for (const o of x.outcomes) {
        const tries = x.created.filter((c) => c.pipelineTask === o.pipelineTask && c.conditionCheck === undefined);
        if (tries.length > 0) {
          const last = tries.at(-1)!;
          const entry = entries[last.taskRun.metadata?.name ?? ''];
          expect(entry?.pipelineTaskName).toBe(o.pipelineTask);
          expect(entry?.status).toEqual(last.status);
          expect(succeededOf(entry?.status?.conditions)?.status).toBe(o.outcome === 'succeeded' ? 'True' : 'False');
        }
        const own = Object.values(entries).find((e) => e.pipelineTaskName === o.pipelineTask);
        const checkFailed = succeededOf(own?.status?.conditions)?.reason === 'ConditionCheckFailed';
        const t = s.model.tasks.find((m) => m.name === o.pipelineTask)!;
        const drawnToFail = t.conditions.filter((c) => outcomes.failConditions?.has(`${t.name}/${c.conditionRef}`)).map((c) => c.conditionRef);
        const checksCreated = x.created.some((c) => c.pipelineTask === t.name && c.conditionCheck !== undefined);
        const recorded = Object.values(own?.conditionChecks ?? {}).map((c) => ({ condition: c.conditionName, status: succeededOf(c.status?.conditions)?.status }));
        // Only checks drawn to fail fail; the others pass or still run.
        for (const r of recorded) if (r.status === 'False') expect(drawnToFail).toContain(r.condition);
        for (const r of recorded) if (r.status === 'True') expect(drawnToFail).not.toContain(r.condition);
        const recordedFailed = tries.length === 0 && recorded.length === t.conditions.length && recorded.every((r) => r.status === 'True' || r.status === 'False') && recorded.some((r) => r.status === 'False');
        expect({ task: o.pipelineTask, checkFailed }).toEqual({ task: o.pipelineTask, checkFailed: recordedFailed });
        if (runSucceeded) expect({ task: o.pipelineTask, checkFailed }).toEqual({ task: o.pipelineTask, checkFailed: drawnToFail.length > 0 && checksCreated });
      }
    }));
  });

  // Protects: the expansion never reads the clock: the same input under two
  // system times gives the same run, and no time from the system clock.
  it('gives the same run whatever the system clock says', () => {
    checkProperty('what-if: clock-free', 15, fc.property(withOutcomes, fc.boolean(), ({ s, outcomes }, withNow) => {
      const options = { outcomes, ...(withNow ? { now: NOW } : {}) };
      jest.useFakeTimers({ now: new Date('2001-01-01T00:00:00Z') });
      try {
        const a = JSON.stringify(expandWith(s, options));
        jest.setSystemTime(new Date('2031-06-01T12:00:00Z'));
        const b = JSON.stringify(expandWith(s, options));
        expect(b).toBe(a);
        expect(a).not.toMatch(/200[01]-|203[01]-/);
      } finally {
        jest.useRealTimers();
      }
    }));
  });
});

// ---------------------------------------------------------------------------
// Arbitrary states: the status functions are total and never read the clock.

const TASK_NAMES = ['a', 'b', 'c', 'd'];
const text = fc.constantFrom('', 'x', 'TaskRunCancelled', 'ConditionCheckFailed', 'Failed', '"quoted"\n');
const condStatus = fc.constantFrom('True', 'False', 'Unknown', '', 'Other');
const condition = fc.record({ type: fc.constantFrom('Succeeded', 'Other'), status: condStatus, reason: text, message: text }, { requiredKeys: ['type', 'status'] });
const time = fc.constantFrom('2019-10-30T09:00:00Z', '2019-10-30T10:00:00Z', '2019-10-30T11:00:00Z', '0001-01-01T00:00:00Z');
const trStatus = fc.record(
  {
    podName: text,
    conditions: fc.array(condition, { maxLength: 2 }),
    startTime: time,
    completionTime: time,
    retriesStatus: fc.array(fc.record({ podName: text, conditions: fc.array(condition, { maxLength: 1 }) }), { maxLength: 3 }),
    steps: fc.array(fc.record({ name: fc.constantFrom('check', 'condition-check-c', 'other'), terminated: fc.record({ exitCode: fc.integer({ min: -1, max: 2 }) }) }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
const aTaskRun = (name: string): fc.Arbitrary<TaskRun> =>
  fc.record({ metadata: fc.constant({ name, namespace: 'default' }), spec: fc.record({ status: fc.constantFrom('', 'TaskRunCancelled') }, { requiredKeys: [] }), status: trStatus }, { requiredKeys: ['metadata'] });

/** A small graph (each task may wait for earlier ones), tasks with retries and conditions, and their states. */
const anyState: fc.Arbitrary<PipelineTaskState[]> = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.tuple(
    ...TASK_NAMES.slice(0, n).map((name, i) =>
      fc
        .record({
          after: fc.subarray(TASK_NAMES.slice(0, i)),
          retries: fc.integer({ min: 0, max: 2 }),
          conditions: fc.subarray(['c', 'd']),
          taskRun: fc.option(aTaskRun(`run-${name}`), { nil: undefined }),
          checks: fc.array(fc.option(aTaskRun(`check-${name}`), { nil: undefined }), { minLength: 2, maxLength: 2 }),
        })
        .map(({ after, retries, conditions, taskRun, checks }): PipelineTaskState => {
          const task: PipelineTask = { name, taskRef: { name: 'echo' }, retries, runAfter: after, conditions: conditions.map((c) => ({ conditionRef: c })) };
          const cs: ConditionCheckState[] = conditions.map((c, k) => ({ conditionName: c, checkName: `check-${name}-${c}`, checkStep: 'check', ...(checks[k] !== undefined ? { conditionCheck: checks[k] } : {}) }));
          return { task, taskRunName: `run-${name}`, ...(taskRun !== undefined ? { taskRun } : {}), checks: cs };
        }),
    ),
  ),
);

const anyPipelineRun: fc.Arbitrary<PipelineRun> = fc.record(
  {
    metadata: fc.record({ name: text, creationTimestamp: time }, { requiredKeys: [] }),
    spec: fc.record({ status: fc.constantFrom('', 'PipelineRunCancelled'), timeout: fc.constantFrom('0s', '1h', '1ms', '-1s', '30m', 'bad') }, { requiredKeys: [] }),
    status: fc.record(
      {
        startTime: time,
        completionTime: time,
        conditions: fc.array(condition, { maxLength: 2 }),
        taskRuns: fc.dictionary(fc.constantFrom('run-a', 'run-b', 'gone'), fc.record({ pipelineTaskName: fc.constantFrom(...TASK_NAMES), status: trStatus }, { requiredKeys: ['pipelineTaskName'] }), { maxKeys: 2 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** `f` under two system times: the same JSON, and no system time in it. */
function clockFree(f: () => unknown): void {
  jest.useFakeTimers({ now: new Date('2001-01-01T00:00:00Z') });
  try {
    const a = JSON.stringify(f());
    jest.setSystemTime(new Date('2031-06-01T12:00:00Z'));
    const b = JSON.stringify(f());
    expect(b).toBe(a);
    expect(a ?? '').not.toMatch(/200[01]-|203[01]-/);
  } finally {
    jest.useRealTimers();
  }
}

describe('PipelineRun status functions are total and pure', () => {
  // Protects: no state makes the rules throw, and their answer never depends
  // on the clock.
  it('reconcileStatus, pipelineConditionStatus and taskRunsStatus never throw and never read the clock', () => {
    checkProperty('pipelinerun status: total, clock-free', 300, fc.property(anyPipelineRun, anyState, time, (pr, state, now) => {
      const graph = buildGraph(state.map((s) => s.task));
      if (E.isLeft(graph)) throw new Error(graph.left);
      const nowMs = Date.parse(now);
      clockFree(() => [reconcileStatus(pr, state, graph.right, now, nowMs), pipelineConditionStatus(pr, state, graph.right, nowMs), taskRunsStatus(pr, state, now)]);
    }));
  });

  // Protects: the same of the status of a PipelineRun from its objects: any
  // PipelineRun and TaskRuns (labelled, recorded or not) give an answer, the
  // same under any system time.
  it('pipelineRunStatus never throws and never reads the clock', () => {
    const taskRunDoc = fc
      .record({ name: fc.constantFrom('run-a', 'run-b', 'x-a-bcdfg-c-bcdfg', 'other'), task: fc.constantFrom(...TASK_NAMES, ''), check: fc.boolean(), run: fc.constantFrom('p', 'q'), status: trStatus })
      .map((t) => ({
        apiVersion: 'tekton.dev/v1alpha1',
        kind: 'TaskRun',
        metadata: { name: t.name, namespace: 'default', labels: { 'tekton.dev/pipelineRun': t.run, 'tekton.dev/pipelineTask': t.task, ...(t.check ? { 'tekton.dev/conditionCheck': t.name } : {}) } },
        spec: { taskRef: { name: 'echo' } },
        status: t.status,
      }));
    const docs = fc.tuple(anyState, anyPipelineRun, fc.uniqueArray(taskRunDoc, { maxLength: 4, selector: (d) => d.metadata.name })).map(([state, pr, taskRuns]) => [
      { apiVersion: 'tekton.dev/v1alpha1', kind: 'Pipeline', metadata: { name: 'p', namespace: 'default' }, spec: { tasks: state.map((s) => s.task) } },
      ...['c', 'd'].map((c) => ({ apiVersion: 'tekton.dev/v1alpha1', kind: 'Condition', metadata: { name: c, namespace: 'default' }, spec: { check: { image: 'alpine' } } })),
      { apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineRun', metadata: { name: 'p', namespace: 'default', ...(pr.metadata?.creationTimestamp !== undefined ? { creationTimestamp: pr.metadata.creationTimestamp } : {}) }, spec: { ...pr.spec, pipelineRef: { name: 'p' } }, ...(pr.status !== undefined ? { status: pr.status } : {}) },
      ...taskRuns,
    ]);
    checkProperty('pipelinerun status from objects: total, clock-free', 150, fc.property(docs, time, (d, now) => {
      const objects = collectObjects(d, (i) => `document ${i + 1}`);
      if (E.isLeft(objects)) return; // an input the decoder refuses is another suite's business
      clockFree(() => pipelineRunStatus(objects.right, new Date(now)));
    }));
  });
});
