/**
 * The PipelineRun reconciler's rules (src/status/pipelinerun.ts), one by
 * one, as pure functions of the tasks' state. The tables are the facts of
 * Tekton's own tests at 6c132b937e — pipelinerunresolution_test.go
 * (next tasks, retries, done, successful names, the PipelineRun's
 * condition over every state it lists, condition checks and skipped
 * parents and grandparents) and pipelinerun_test.go (the taskRuns map with
 * and without condition checks) — restated here with our own names.
 */
import * as E from 'fp-ts/Either';
import type { PipelineRun, PipelineTask } from '../../src/model/pipeline';
import type { StatusCondition, TaskRun, TaskRunStatus } from '../../src/model/tekton';
import { buildGraph, PipelineGraph, schedulable } from '../../src/pipeline/dag';
import {
  checksDone,
  checksPassed,
  checksStarted,
  ConditionCheckState,
  isFailure,
  isSkipped,
  isSuccessful,
  isTaskDone,
  isTimedOut,
  nextTasks,
  PIPELINERUN_REASONS,
  pipelineConditionStatus,
  PipelineTaskState,
  reconcileStatus,
  successfulTaskNames,
  taskRunsStatus,
} from '../../src/status/pipelinerun';

const NOW = '2019-10-30T10:05:00Z';
const NOW_MS = Date.parse(NOW);

// ---------------------------------------------------------------------------
// The pieces of a state

/** A pipeline task running Task `echo`. */
const task = (name: string, fields: Partial<PipelineTask> = {}): PipelineTask => ({ name, taskRef: { name: 'echo' }, ...fields });

/** A TaskRun named `name` whose Succeeded condition has `status` (none at all for `undefined`). */
function taskRun(name: string, status: string | undefined, extra: Partial<TaskRunStatus> = {}, reason?: string): TaskRun {
  const conditions: StatusCondition[] = status === undefined ? [] : [{ type: 'Succeeded', status, ...(reason !== undefined ? { reason } : {}) }];
  return { metadata: { name, namespace: 'default' }, spec: { taskRef: { name: 'echo' } }, status: { podName: '', conditions, ...extra } };
}

const started = (name: string) => taskRun(name, 'Unknown');
const succeeded = (name: string) => taskRun(name, 'True');
const failed = (name: string) => taskRun(name, 'False');
/** One earlier try that failed, as the reconciler keeps it in retriesStatus. */
const ONE_FAILED_TRY: TaskRunStatus = { podName: '', conditions: [{ type: 'Succeeded', status: 'False' }] };
const withRetries = (tr: TaskRun, n = 1): TaskRun => ({ ...tr, status: { ...tr.status!, retriesStatus: Array.from({ length: n }, () => ONE_FAILED_TRY) } });
/** Cancelled as the TaskRun controller reports it: its condition's reason TaskRunCancelled, its status as it was. */
const cancelledByStatus = (tr: TaskRun): TaskRun => ({ ...tr, status: { ...tr.status!, conditions: (tr.status?.conditions ?? []).map((c) => ({ ...c, reason: 'TaskRunCancelled' })) } });
/** Cancelled as the PipelineRun controller asks: spec.status TaskRunCancelled. */
const cancelledBySpec = (tr: TaskRun): TaskRun => ({ ...tr, spec: { ...tr.spec, status: 'TaskRunCancelled' } });

/** A pipeline task's state: its TaskRun (when created) and its condition checks. */
const state = (t: PipelineTask, tr?: TaskRun, checks: ConditionCheckState[] = [], taskRunName = `run-${t.name ?? ''}`): PipelineTaskState => ({
  task: t,
  taskRunName,
  ...(tr !== undefined ? { taskRun: tr } : {}),
  checks,
});

/** A check of Condition `cond` (its TaskRun with `status`, or not created for `undefined`). */
const check = (cond: string, status: StatusCondition['status'] | 'none', name = `check-${cond}`): ConditionCheckState => ({
  conditionName: cond,
  checkName: name,
  checkStep: `condition-check-${cond}`,
  ...(status !== 'none' ? { conditionCheck: taskRun(name, status) } : {}),
});

function graphOf(s: readonly PipelineTaskState[]): PipelineGraph {
  const g = buildGraph(s.map((x) => x.task));
  if (E.isLeft(g)) throw new Error(g.left);
  return g.right;
}

const names = (s: readonly PipelineTaskState[]) => s.map((x) => x.task.name);

// The tasks of the tables: two plain ones, one with a retry, one with two
// retries, one guarded by a Condition, and tasks after the guarded one.
const first = task('first');
const second = task('second');
const oneRetry = task('one-retry', { retries: 1 });
const twoRetries = task('two-retries', { retries: 2 });
const guarded = task('guarded', { conditions: [{ conditionRef: 'always-true' }] });
const afterGuarded = task('after-guarded', { runAfter: ['guarded'] });
const afterBoth = task('after-both', { runAfter: ['first', 'guarded'] });
const afterAfterBoth = task('after-after-both', { runAfter: ['after-both'] });

const noneStarted = [state(first), state(second)];
const oneStarted = [state(first, started('run-first')), state(second)];
const oneFinished = [state(first, succeeded('run-first')), state(second)];
const oneFailed = [state(first, failed('run-first')), state(second)];
const allFinished = [state(first, succeeded('run-first')), state(second, succeeded('run-second'))];

// ---------------------------------------------------------------------------

describe('one pipeline task: successful, failed, done', () => {
  test('succeeded means the TaskRun says True; no TaskRun, Unknown, False or no condition is not success', () => {
    expect(isSuccessful(state(first, succeeded('r')))).toBe(true);
    expect(isSuccessful(state(first))).toBe(false);
    expect(isSuccessful(state(first, started('r')))).toBe(false);
    expect(isSuccessful(state(first, failed('r')))).toBe(false);
    expect(isSuccessful(state(first, taskRun('r', undefined)))).toBe(false);
  });

  test('failed means False with every retry used: a failure with a retry left is not (yet) a failure', () => {
    expect(isFailure(state(first, failed('r')))).toBe(true);
    expect(isFailure(state(oneRetry, failed('r')))).toBe(false);
    expect(isFailure(state(oneRetry, withRetries(failed('r'))))).toBe(true);
    expect(isFailure(state(twoRetries, withRetries(failed('r'))))).toBe(false);
    expect(isFailure(state(twoRetries, withRetries(failed('r'), 2)))).toBe(true);
    expect(isFailure(state(first))).toBe(false);
    expect(isFailure(state(first, started('r')))).toBe(false);
  });

  // The per-task half of Tekton's IsDone table. Its "cancelled" and
  // "retried" TaskRuns have a Succeeded condition with an empty status (one
  // earlier try in retriesStatus): neither done nor failed.
  test.each([
    ['cancelled (reason TaskRunCancelled), one of two retries used', state(twoRetries, cancelledByStatus(withRetries(taskRun('r', '')))), false],
    ['cancelled by its spec, one of two retries used', state(twoRetries, cancelledBySpec(withRetries(taskRun('r', '')))), false],
    ['running', state(twoRetries, started('r')), false],
    ['succeeded', state(twoRetries, succeeded('r')), true],
    ['its one retry used, its condition empty', state(oneRetry, cancelledByStatus(withRetries(taskRun('r', '')))), false],
    ['failed with one of two retries used', state(twoRetries, withRetries(failed('r'))), false],
    ['no TaskRun yet', state(twoRetries), false],
  ])('done: %s → %s', (_name, s, done) => {
    expect(isTaskDone(s)).toBe(done);
  });

  test('done also when failed with no retry left', () => {
    expect(isTaskDone(state(oneRetry, withRetries(failed('r'))))).toBe(true);
    expect(isTaskDone(state(first, failed('r')))).toBe(true);
  });
});

describe('condition checks of a task: started, done, passed', () => {
  test('no checks: started, done and passed', () => {
    const s = state(first);
    expect([checksStarted(s), checksDone(s), checksPassed(s)]).toEqual([true, true, true]);
  });
  test.each([
    ['not created', [check('a', 'none')], [false, false, false]],
    ['one of two created', [check('a', 'True'), check('b', 'none')], [false, false, false]],
    ['running', [check('a', 'Unknown')], [true, false, false]],
    ['created with no condition yet (counts as running)', [check('a', undefined)], [true, false, false]],
    ['passed', [check('a', 'True')], [true, true, true]],
    ['failed', [check('a', 'False')], [true, true, false]],
    ['one passed, one failed', [check('a', 'True'), check('b', 'False')], [true, true, false]],
    ['one passed, one running', [check('a', 'True'), check('b', 'Unknown')], [true, false, false]],
  ] as const)('%s', (_name, checks, expected) => {
    const s = state(guarded, undefined, [...checks]);
    expect([checksStarted(s), checksDone(s), checksPassed(s)]).toEqual(expected);
  });
});

describe('the tasks acted on next', () => {
  // Tekton's GetNextTasks table: candidates without a TaskRun start; a
  // running, succeeded or failed (no retries) TaskRun is never acted on again.
  test.each([
    ['none started, no candidates', noneStarted, [], []],
    ['none started, the first a candidate', noneStarted, ['first'], ['first']],
    ['none started, the second a candidate', noneStarted, ['second'], ['second']],
    ['none started, both candidates', noneStarted, ['first', 'second'], ['first', 'second']],
    ['one running, no candidates', oneStarted, [], []],
    ['one running, it a candidate', oneStarted, ['first'], []],
    ['one running, the other a candidate', oneStarted, ['second'], ['second']],
    ['one running, both candidates', oneStarted, ['first', 'second'], ['second']],
    ['one succeeded, no candidates', oneFinished, [], []],
    ['one succeeded, it a candidate', oneFinished, ['first'], []],
    ['one succeeded, the other a candidate', oneFinished, ['second'], ['second']],
    ['one succeeded, both candidates', oneFinished, ['first', 'second'], ['second']],
    ['one failed, no candidates', oneFailed, [], []],
    ['one failed, it a candidate', oneFailed, ['first'], []],
    ['one failed, the other a candidate', oneFailed, ['second'], ['second']],
    ['one failed, both candidates', oneFailed, ['first', 'second'], ['second']],
    ['all succeeded, no candidates', allFinished, [], []],
    ['all succeeded, the first a candidate', allFinished, ['first'], []],
    ['all succeeded, the second a candidate', allFinished, ['second'], []],
    ['all succeeded, both candidates', allFinished, ['first', 'second'], []],
    ['a cancelled TaskRun with a retry left', [state(twoRetries, cancelledByStatus(withRetries(taskRun('r', ''))))], ['two-retries'], []],
  ])('%s', (_name, s, candidates, expected) => {
    expect(names(nextTasks(s, new Set(candidates)))).toEqual(expected);
  });

  // Tekton's GetNextTaskWithRetries table: only a failed TaskRun with a
  // retry left is retried. Its cancelled TaskRuns have a condition with an
  // empty status, so they are not failed either.
  test.each([
    ['cancelled by its status, one of two retries used', state(twoRetries, cancelledByStatus(withRetries(taskRun('r', '')))), ['two-retries'], []],
    ['cancelled by its spec, one of two retries used', state(twoRetries, cancelledBySpec(withRetries(taskRun('r', '')))), ['two-retries'], []],
    ['running', state(twoRetries, started('r')), ['two-retries'], []],
    ['succeeded', state(twoRetries, succeeded('r')), ['two-retries'], []],
    ['not a candidate', state(oneRetry, cancelledByStatus(withRetries(taskRun('r', '')))), ['two-retries'], []],
    ['failed, one of two retries used', state(twoRetries, withRetries(failed('r'))), ['two-retries'], ['two-retries']],
  ] as [string, PipelineTaskState, string[], string[]][])('retries: %s', (_name, s, candidates, expected) => {
    expect(names(nextTasks([s], new Set(candidates)))).toEqual(expected);
  });

  test('a failed TaskRun that was cancelled is not retried, whether its spec or its reason says so', () => {
    expect(names(nextTasks([state(twoRetries, cancelledBySpec(failed('r')))], new Set(['two-retries'])))).toEqual([]);
    expect(names(nextTasks([state(twoRetries, cancelledByStatus(failed('r')))], new Set(['two-retries'])))).toEqual([]);
  });

  test('a failed TaskRun with a retry left is retried; with none it is not', () => {
    expect(names(nextTasks([state(oneRetry, failed('r'))], new Set(['one-retry'])))).toEqual(['one-retry']);
    expect(names(nextTasks([state(oneRetry, withRetries(failed('r')))], new Set(['one-retry'])))).toEqual([]);
  });

  test('a task whose checks failed (reason ConditionCheckFailed) is never retried', () => {
    const tr = taskRun('r', 'False', {}, PIPELINERUN_REASONS.conditionCheckFailed);
    expect(names(nextTasks([state(oneRetry, tr)], new Set(['one-retry'])))).toEqual([]);
  });

  test('the order is the state order, not the candidates order', () => {
    expect(names(nextTasks(noneStarted, new Set(['second', 'first'])))).toEqual(['first', 'second']);
  });
});

describe('the names of the succeeded tasks', () => {
  test.each([
    ['none started', noneStarted, []],
    ['one running', oneStarted, []],
    ['one succeeded', oneFinished, ['first']],
    ['one failed', oneFailed, []],
    ['all succeeded', allFinished, ['first', 'second']],
  ])('%s', (_name, s, expected) => {
    expect(successfulTaskNames(s)).toEqual(expected);
  });

  test('with the graph, they say what may start: after a success its dependents, after a failure nothing new', () => {
    const s = [state(first, succeeded('r1')), state(second, failed('r2')), state(task('third', { runAfter: ['first'] })), state(task('fourth', { runAfter: ['second'] }))];
    expect(schedulable(graphOf(s), new Set(successfulTaskNames(s)))).toEqual(['second', 'third']);
  });
});

describe('skipped tasks', () => {
  const failedCheck = [check('always-true', 'False')];
  test('a task with no TaskRun whose checks are done and one failed is skipped', () => {
    const s = [state(guarded, undefined, failedCheck)];
    expect(isSkipped(s[0]!, new Map([['guarded', s[0]!]]), graphOf(s))).toBe(true);
  });
  test('not while its checks run, nor once they passed, nor once it has a TaskRun', () => {
    for (const s of [state(guarded, undefined, [check('always-true', 'Unknown')]), state(guarded, undefined, [check('always-true', 'True')]), state(guarded, failed('r'), failedCheck)]) {
      expect(isSkipped(s, new Map([['guarded', s]]), graphOf([s]))).toBe(false);
    }
  });
  test('every task after a skipped one is skipped: child, one of two parents, grandchild', () => {
    const s = [state(first, succeeded('r1')), state(guarded, undefined, failedCheck), state(afterGuarded), state(afterBoth), state(afterAfterBoth)];
    const byName = new Map(s.map((x) => [x.task.name!, x]));
    expect(s.map((x) => isSkipped(x, byName, graphOf(s)))).toEqual([false, true, true, true, true]);
  });
  test('a task after one that is merely not run yet is not skipped', () => {
    const s = [state(first, succeeded('r1')), state(guarded, undefined, [check('always-true', 'True')]), state(afterBoth)];
    const byName = new Map(s.map((x) => [x.task.name!, x]));
    expect(s.map((x) => isSkipped(x, byName, graphOf(s)))).toEqual([false, false, false]);
  });
});

describe("the PipelineRun's Succeeded condition", () => {
  const pr: PipelineRun = { metadata: { name: 'somepipelinerun', namespace: 'foo' } };
  const RUNNING = { type: 'Succeeded', status: 'Unknown', reason: 'Running', message: 'Not all Tasks in the Pipeline have finished executing' };
  const SUCCEEDED = { type: 'Succeeded', status: 'True', reason: 'Succeeded', message: 'All Tasks have completed executing' };
  const failedBy = (name: string) => ({ type: 'Succeeded', status: 'False', reason: 'Failed', message: `TaskRun ${name} has failed` });
  const passedCheck = [check('always-true', 'True')];
  const failedCheck = [check('always-true', 'False')];

  // Every state of Tekton's GetPipelineConditionStatus table, with its status.
  test.each([
    ['no task started', noneStarted, RUNNING],
    ['one running', oneStarted, RUNNING],
    ['one succeeded, one not started', oneFinished, RUNNING],
    ['one failed', oneFailed, failedBy('run-first')],
    ['all succeeded', allFinished, SUCCEEDED],
    ['its one retry used, its condition empty', [state(oneRetry, cancelledByStatus(withRetries(taskRun('run-one-retry', ''))))], RUNNING],
    ['checks passed, the task not started', [state(guarded, undefined, passedCheck)], RUNNING],
    ['a check running', [state(guarded, undefined, [check('always-true', 'Unknown')])], RUNNING],
    ['the only task skipped by its failed check', [state(guarded, undefined, failedCheck)], SUCCEEDED],
    ['one skipped by its check, another succeeded', [state(guarded, undefined, failedCheck), state(first, succeeded('run-first'))], SUCCEEDED],
    ['one skipped by its check, another failed', [state(guarded, undefined, failedCheck), state(first, failed('run-first'))], failedBy('run-first')],
    ['skipped because its parent was', [state(guarded, undefined, failedCheck), state(afterGuarded)], SUCCEEDED],
    ['one of two parents skipped', [state(first, succeeded('run-first')), state(guarded, undefined, failedCheck), state(afterBoth)], SUCCEEDED],
    ['a grandparent skipped', [state(first, succeeded('run-first')), state(guarded, undefined, failedCheck), state(afterBoth), state(afterAfterBoth)], SUCCEEDED],
    ['a parent failed, its checks passed', [state(first, succeeded('run-first')), state(guarded, failed('run-guarded'), passedCheck), state(afterBoth), state(afterAfterBoth)], failedBy('run-guarded')],
    ['a parent not run yet, its checks passed', [state(first, succeeded('run-first')), state(guarded, undefined, passedCheck), state(afterBoth), state(afterAfterBoth)], RUNNING],
  ] as [string, PipelineTaskState[], StatusCondition][])('%s', (_name, s, expected) => {
    expect(pipelineConditionStatus(pr, s, graphOf(s), NOW_MS)).toEqual(expected);
  });

  test('a failure with a retry left keeps it running; with the retries used it fails', () => {
    expect(pipelineConditionStatus(pr, [state(oneRetry, failed('tr'))], graphOf([state(oneRetry)]), NOW_MS)).toEqual(RUNNING);
    expect(pipelineConditionStatus(pr, [state(oneRetry, withRetries(failed('tr')))], graphOf([state(oneRetry)]), NOW_MS)).toEqual(failedBy('tr'));
  });

  test('of two failures, the first in the Pipeline is named', () => {
    const s = [state(first, failed('tr-1')), state(second, failed('tr-2'))];
    expect(pipelineConditionStatus(pr, s, graphOf(s), NOW_MS).message).toBe('TaskRun tr-1 has failed');
    expect(pipelineConditionStatus(pr, [...s].reverse(), graphOf(s), NOW_MS).message).toBe('TaskRun tr-2 has failed');
  });

  test('timed out before anything else: the timeout as Go prints it, the name quoted', () => {
    const timed: PipelineRun = { metadata: { name: 'nightly' }, spec: { timeout: '90m' }, status: { startTime: '2019-10-30T08:00:00Z' } };
    expect(pipelineConditionStatus(timed, allFinished, graphOf(allFinished), Date.parse('2019-10-30T09:30:01Z'))).toEqual({
      type: 'Succeeded',
      status: 'False',
      reason: 'PipelineRunTimeout',
      message: 'PipelineRun "nightly" failed to finish within "&Duration{Duration:1h30m0s,}"',
    });
    expect(pipelineConditionStatus(timed, allFinished, graphOf(allFinished), Date.parse('2019-10-30T09:30:00Z'))).toEqual(SUCCEEDED);
  });
});

describe('timeouts', () => {
  const at = (timeout: string | undefined, startTime?: string): PipelineRun => ({
    metadata: { name: 'p' },
    spec: timeout !== undefined ? { timeout } : {},
    status: startTime !== undefined ? { startTime } : {},
  });
  test('strictly longer than the timeout since the start time', () => {
    expect(isTimedOut(at('1h', '2019-10-30T10:00:00Z'), Date.parse('2019-10-30T11:00:00Z'))).toBe(false);
    expect(isTimedOut(at('1h', '2019-10-30T10:00:00Z'), Date.parse('2019-10-30T11:00:00.001Z'))).toBe(true);
  });
  test('no timeout, a zero timeout or no start time: never', () => {
    expect(isTimedOut(at(undefined, '2019-10-30T10:00:00Z'), Date.parse('2029-10-30T11:00:00Z'))).toBe(false);
    expect(isTimedOut(at('0s', '2019-10-30T10:00:00Z'), Date.parse('2029-10-30T11:00:00Z'))).toBe(false);
    expect(isTimedOut(at('1h'), Date.parse('2029-10-30T11:00:00Z'))).toBe(false);
  });
});

describe('status.taskRuns', () => {
  const pr: PipelineRun = { metadata: { name: 'test-pipeline-run', namespace: 'foo' } };

  test("a TaskRun's entry: the pipeline task's name and the TaskRun's status as it is", () => {
    const tr: TaskRun = {
      metadata: { name: 'test-pipeline-run-success-unit-test-1', namespace: 'foo' },
      status: { podName: '', conditions: [{ type: 'Succeeded', status: 'Unknown' }], steps: [{ terminated: { exitCode: 0 } }] },
    };
    expect(taskRunsStatus(pr, [state(task('unit-test-1'), tr, [], 'test-pipeline-run-success-unit-test-1')], NOW)).toEqual({
      'test-pipeline-run-success-unit-test-1': { pipelineTaskName: 'unit-test-1', status: tr.status },
    });
  });

  test('a task with neither a TaskRun nor checks has no entry', () => {
    expect(taskRunsStatus(pr, noneStarted, NOW)).toEqual({});
  });

  const checkRun = (name: string, status: 'True' | 'False', exitCode: number, step = 'check'): TaskRun => ({
    metadata: { name },
    status: { podName: 'p', conditions: [{ type: 'Succeeded', status }], steps: [{ name: step, terminated: { exitCode } }, { name: 'other', terminated: { exitCode: 9 } }] },
  });
  const success: ConditionCheckState = { conditionName: 'cond-1', checkName: 'success-condition', checkStep: 'check', conditionCheck: checkRun('success-condition', 'True', 0) };
  const failing: ConditionCheckState = { conditionName: 'cond-2', checkName: 'fail-condition', checkStep: 'check', conditionCheck: checkRun('fail-condition', 'False', 127) };
  const entryOf = (c: ConditionCheckState, status: 'True' | 'False', exitCode: number) => ({
    conditionName: c.conditionName,
    status: { conditions: [{ type: 'Succeeded', status }], podName: 'p', check: { terminated: { exitCode } } },
  });
  const CHECKS_FAILED = {
    type: 'Succeeded',
    status: 'False',
    lastTransitionTime: NOW,
    reason: 'ConditionCheckFailed',
    message: 'ConditionChecks failed for Task task-run in PipelineRun test-pipeline-run',
  };

  // Tekton's table for the taskRuns map with condition checks: each check's
  // entry has its Condition's name and the check's status, with the state of
  // the check's own step; a failed check marks the task ConditionCheckFailed.
  test.each([
    ['passed checks', [success], { conditionChecks: { 'success-condition': entryOf(success, 'True', 0) } }],
    ['a failed check', [failing], { status: { conditions: [CHECKS_FAILED] }, conditionChecks: { 'fail-condition': entryOf(failing, 'False', 127) } }],
    [
      'one passed and one failed',
      [success, failing],
      { status: { conditions: [CHECKS_FAILED] }, conditionChecks: { 'success-condition': entryOf(success, 'True', 0), 'fail-condition': entryOf(failing, 'False', 127) } },
    ],
  ] as [string, ConditionCheckState[], Record<string, unknown>][])('%s', (_name, checks, expected) => {
    const s = state(task('unit-test', { conditions: checks.map((c) => ({ conditionRef: c.conditionName })) }), undefined, checks, 'task-run');
    expect(taskRunsStatus(pr, [s], NOW)).toEqual({ 'task-run': { pipelineTaskName: 'unit-test', ...expected } });
  });

  test('a check not created yet has only its Condition; one just created has an empty status', () => {
    const none: ConditionCheckState = { conditionName: 'c', checkName: 'c-check', checkStep: 'x' };
    const fresh: ConditionCheckState = { conditionName: 'd', checkName: 'd-check', checkStep: 'x', conditionCheck: { metadata: { name: 'd-check' }, status: { podName: '' } } };
    const s = state(task('t', { conditions: [{ conditionRef: 'c' }, { conditionRef: 'd' }] }), undefined, [none, fresh], 'tr');
    expect(taskRunsStatus(pr, [s], NOW)).toEqual({
      tr: { pipelineTaskName: 't', conditionChecks: { 'c-check': { conditionName: 'c' }, 'd-check': { conditionName: 'd', status: { podName: '', check: {} } } } },
    });
  });
});

describe('the status a reconcile writes', () => {
  const s = [state(first, started('run-first'))];
  const g = graphOf(s);

  test('the first look starts it now and marks it running; nothing done, no completion time', () => {
    const st = reconcileStatus({ metadata: { name: 'p' } }, s, g, NOW, NOW_MS);
    expect(st.startTime).toBe(NOW);
    expect(st.completionTime).toBeUndefined();
    expect(st.conditions).toEqual([{ type: 'Succeeded', status: 'Unknown', lastTransitionTime: NOW, reason: 'Running', message: 'Not all Tasks in the Pipeline have finished executing' }]);
    expect(Object.keys(st.taskRuns ?? {})).toEqual(['run-first']);
  });

  test('a start time before the creation time is moved up to it', () => {
    const st = reconcileStatus({ metadata: { name: 'p', creationTimestamp: '2019-10-30T10:06:00Z' } }, s, g, NOW, NOW_MS);
    expect(st.startTime).toBe('2019-10-30T10:06:00Z');
  });

  test('the same condition as before keeps its time', () => {
    const before = { type: 'Succeeded', status: 'Unknown', lastTransitionTime: '2019-10-30T10:00:00Z', reason: 'Running', message: 'Not all Tasks in the Pipeline have finished executing' };
    const st = reconcileStatus({ metadata: { name: 'p' }, status: { startTime: '2019-10-30T10:00:00Z', conditions: [before] } }, s, g, NOW, NOW_MS);
    expect(st.conditions).toEqual([before]);
    expect(st.startTime).toBe('2019-10-30T10:00:00Z');
  });

  test('finished: the completion time is now', () => {
    const done = [state(first, succeeded('run-first'))];
    const st = reconcileStatus({ metadata: { name: 'p' } }, done, g, NOW, NOW_MS);
    expect(st.completionTime).toBe(NOW);
    expect(st.conditions?.[0]).toMatchObject({ status: 'True', reason: 'Succeeded' });
  });

  test('cancelled: False, PipelineRunCancelled, the name quoted, completed now, the taskRuns map as it was', () => {
    const taskRuns = { 'run-first': { pipelineTaskName: 'first', status: { podName: 'old' } } };
    const st = reconcileStatus({ metadata: { name: 'test-pipeline-run-cancelled' }, spec: { status: 'PipelineRunCancelled' }, status: { taskRuns } }, s, g, NOW, NOW_MS);
    expect(st.conditions).toEqual([{ type: 'Succeeded', status: 'False', lastTransitionTime: NOW, reason: 'PipelineRunCancelled', message: 'PipelineRun "test-pipeline-run-cancelled" was cancelled' }]);
    expect(st.completionTime).toBe(NOW);
    expect(st.taskRuns).toEqual(taskRuns);
  });

  test('already done: the condition stays, the listed TaskRuns get their current status, and the write stamps the completion time', () => {
    const done = { type: 'Succeeded', status: 'True', lastTransitionTime: '2019-10-30T10:01:00Z', reason: 'Succeeded', message: 'All Tasks have completed executing' };
    const pr: PipelineRun = {
      metadata: { name: 'test-pipeline-run-completed' },
      status: {
        startTime: '2019-10-30T10:00:00Z',
        completionTime: '2019-10-30T10:01:00Z',
        conditions: [done],
        taskRuns: { 'test-pipeline-run-completed-hello-world': { pipelineTaskName: 'hello-world-1', status: { podName: '' } } },
      },
    };
    const tr = taskRun('test-pipeline-run-completed-hello-world', undefined);
    const current: TaskRun = { ...tr, status: { podName: '', conditions: [{ type: 'Succeeded', status: '' }] } };
    const st = reconcileStatus(pr, [state(task('hello-world-1'), current, [], 'test-pipeline-run-completed-hello-world')], g, NOW, NOW_MS);
    expect(st.conditions).toEqual([done]);
    expect(st.taskRuns).toEqual({ 'test-pipeline-run-completed-hello-world': { pipelineTaskName: 'hello-world-1', status: current.status } });
    expect(st.completionTime).toBe(NOW);
    // Nothing changed: nothing written, the completion time kept.
    const again = reconcileStatus({ ...pr, status: st }, [state(task('hello-world-1'), current, [], 'test-pipeline-run-completed-hello-world')], g, '2019-10-30T11:00:00Z', NOW_MS + 3_600_000);
    expect(again).toEqual(st);
  });

  test("Go's zero time as the start time is no start: it starts now, and has not timed out", () => {
    const st = reconcileStatus({ metadata: { name: 'p' }, spec: { timeout: '1h' }, status: { startTime: '0001-01-01T00:00:00Z' } }, s, g, NOW, NOW_MS);
    expect(st.startTime).toBe(NOW);
    expect(st.conditions?.[0]).toMatchObject({ status: 'Unknown', reason: 'Running' });
  });

  test('already done and nothing changed, whatever the order of the fields: the completion time is kept', () => {
    const done = { type: 'Succeeded', status: 'False', lastTransitionTime: '2019-10-30T10:01:00Z', reason: 'Failed', message: 'TaskRun tr has failed' };
    const entry = { pipelineTaskName: 'first', status: { conditions: [{ type: 'Succeeded', status: 'False' }], podName: 'tr-pod' } };
    const pr: PipelineRun = { metadata: { name: 'p' }, status: { startTime: '2019-10-30T10:00:00Z', completionTime: '2019-10-30T10:01:00Z', conditions: [done], taskRuns: { tr: entry } } };
    const tr: TaskRun = { metadata: { name: 'tr' }, status: { podName: 'tr-pod', conditions: [{ status: 'False', type: 'Succeeded' }] } };
    const st = reconcileStatus(pr, [state(first, tr, [], 'tr')], g, NOW, NOW_MS);
    expect(st.completionTime).toBe('2019-10-30T10:01:00Z');
  });

  test('timed out: False, PipelineRunTimeout, completed now', () => {
    const pr: PipelineRun = { metadata: { name: 'test-pipeline-run-with-timeout' }, spec: { timeout: '12h' }, status: { startTime: '2019-10-29T10:05:00Z' } };
    const st = reconcileStatus(pr, s, g, NOW, NOW_MS);
    expect(st.conditions).toEqual([
      { type: 'Succeeded', status: 'False', lastTransitionTime: NOW, reason: 'PipelineRunTimeout', message: 'PipelineRun "test-pipeline-run-with-timeout" failed to finish within "&Duration{Duration:12h0m0s,}"' },
    ]);
    expect(st.completionTime).toBe(NOW);
  });
});
