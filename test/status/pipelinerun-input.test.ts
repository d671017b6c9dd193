/**
 * `pipelineRunStatus` (src/status/pipelinerun-input.ts): the status the
 * PipelineRun controller wrote on its next reconcile, from the objects a
 * user has. The cases are the facts of Tekton's reconciler tests at
 * 6c132b937e (pipelinerun_test.go: a completed PipelineRun, a cancelled
 * one, a timeout, a timeout with retries, condition checks created,
 * failing condition checks), restated with our builders.
 */
import * as E from 'fp-ts/Either';
import { objectsOf } from '../support/objects';
import type { PipelineRunStatus } from '../../src/model/pipeline';
import { pipelineRunStatus, PipelineRunStatusResult } from '../../src/status/pipelinerun-input';
import { condition, pipeline, pt, run } from '../pipeline/builders';

const NOW = new Date('2019-10-30T10:05:00Z');
const NOW_TEXT = '2019-10-30T10:05:00Z';
const NS = 'default';
const SUFFIX = '-[a-z0-9]{5}';

/** A TaskRun of PipelineRun `run` (default ci-1) for pipeline task `task`, labelled as the controller labelled it, with a status. */
function taskRun(name: string, task: string, status: Record<string, unknown>, extra: { labels?: Record<string, string>; spec?: Record<string, unknown>; run?: string } = {}) {
  return {
    apiVersion: 'tekton.dev/v1alpha1',
    kind: 'TaskRun',
    metadata: { name, namespace: NS, labels: { 'tekton.dev/pipelineRun': extra.run ?? 'ci-1', 'tekton.dev/pipelineTask': task, ...extra.labels } },
    spec: extra.spec ?? { taskRef: { name: 'echo' } },
    status,
  };
}

/** A TaskRun status whose Succeeded condition has `status`. */
const trStatus = (status: string, extra: Record<string, unknown> = {}) => ({ podName: '', conditions: [{ type: 'Succeeded', status }], ...extra });

/** The PipelineRun `name` of Pipeline `ci` with this spec and status. */
const prWith = (name: string, spec: Record<string, unknown>, status?: Record<string, unknown>) => ({ ...run(spec, { name }), ...(status !== undefined ? { status } : {}) });

function statusOf(...docs: unknown[]): PipelineRunStatusResult {
  const r = pipelineRunStatus(objectsOf(...docs), NOW);
  if (E.isLeft(r)) throw new Error(`${r.left.object}: ${r.left.field}: ${r.left.message}`);
  return r.right;
}

const succeededOf = (s: PipelineRunStatus) => s.conditions?.find((c) => c.type === 'Succeeded');
const RUNNING = { type: 'Succeeded', status: 'Unknown', reason: 'Running', message: 'Not all Tasks in the Pipeline have finished executing' };

describe('a completed PipelineRun', () => {
  const succeeded = { type: 'Succeeded', status: 'True', lastTransitionTime: '2019-10-30T10:02:00Z', reason: 'Succeeded', message: 'All Tasks have completed executing' };
  const done = {
    startTime: '2019-10-30T10:00:00Z',
    completionTime: '2019-10-30T10:02:00Z',
    conditions: [succeeded],
    taskRuns: { 'test-pipeline-run-completed-hello-world': { pipelineTaskName: 'hello-world-1', status: { podName: '' } } },
  };
  const docs = (trState: Record<string, unknown>) => [
    pipeline([pt('hello-world-1')]),
    prWith('test-pipeline-run-completed', {}, done),
    taskRun('test-pipeline-run-completed-hello-world', 'hello-world-1', trState, { run: 'test-pipeline-run-completed' }),
  ];

  test('keeps its condition; its listed TaskRun gets the status the TaskRun has now, and the write stamps the completion time', () => {
    const r = statusOf(...docs({ podName: '', conditions: [{ type: 'Succeeded' }] }));
    expect(r.status.conditions).toEqual([succeeded]);
    expect(r.status.taskRuns).toEqual({ 'test-pipeline-run-completed-hello-world': { pipelineTaskName: 'hello-world-1', status: { podName: '', conditions: [{ type: 'Succeeded', status: '' }] } } });
    expect(r.status.completionTime).toBe(NOW_TEXT);
    expect(r.status.startTime).toBe('2019-10-30T10:00:00Z');
  });

  test('a listed TaskRun that is gone keeps its entry; an unlisted one is not added', () => {
    const r = statusOf(pipeline([pt('hello-world-1')]), prWith('test-pipeline-run-completed', {}, done), taskRun('other', 'hello-world-1', trStatus('True'), { run: 'test-pipeline-run-completed' }));
    expect(r.status.taskRuns).toEqual(done.taskRuns);
    expect(r.status.completionTime).toBe('2019-10-30T10:02:00Z');
  });

  test('a failed one stays failed, even if a TaskRun it lists succeeded since', () => {
    const failed = { ...done, conditions: [{ ...succeeded, status: 'False', reason: 'Failed', message: 'TaskRun x has failed' }] };
    const r = statusOf(pipeline([pt('hello-world-1')]), prWith('test-pipeline-run-completed', {}, failed), taskRun('test-pipeline-run-completed-hello-world', 'hello-world-1', trStatus('True'), { run: 'test-pipeline-run-completed' }));
    expect(succeededOf(r.status)).toMatchObject({ status: 'False', reason: 'Failed' });
    expect(r.status.taskRuns?.['test-pipeline-run-completed-hello-world']?.status).toEqual(trStatus('True'));
  });
});

describe('a cancelled PipelineRun', () => {
  test('fails with PipelineRunCancelled and completes now; its TaskRuns are not looked at', () => {
    const r = statusOf(
      pipeline([pt('hello-world-1')]),
      prWith('test-pipeline-run-cancelled', { status: 'PipelineRunCancelled' }),
      taskRun('test-pipeline-run-cancelled-hello-world', 'hello-world-1', {}, { run: 'test-pipeline-run-cancelled' }),
    );
    expect(r.status.conditions).toEqual([
      { type: 'Succeeded', status: 'False', lastTransitionTime: NOW_TEXT, reason: 'PipelineRunCancelled', message: 'PipelineRun "test-pipeline-run-cancelled" was cancelled' },
    ]);
    expect(r.status.completionTime).toBe(NOW_TEXT);
    expect(r.status.startTime).toBe(NOW_TEXT);
    expect(r.status.taskRuns).toBeUndefined();
  });

  test('cancelled with TaskRuns listed: the list stays as it was', () => {
    const taskRuns = { 'ci-1-a-abcde': { pipelineTaskName: 'a', status: trStatus('Unknown') } };
    const r = statusOf(pipeline([pt('a')]), prWith('ci-1', { status: 'PipelineRunCancelled' }, { startTime: '2019-10-30T10:00:00Z', taskRuns }), taskRun('ci-1-a-abcde', 'a', trStatus('True')));
    expect(r.status.taskRuns).toEqual(taskRuns);
  });
});

describe('a timed-out PipelineRun', () => {
  test('started a day ago with a 12h timeout: PipelineRunTimeout, completed now, and the TaskRun the reconcile creates is listed', () => {
    const r = statusOf(pipeline([pt('hello-world-1')]), prWith('test-pipeline-run-with-timeout', { timeout: '12h' }, { startTime: '2019-10-29T10:05:00Z' }));
    expect(r.status.conditions).toEqual([
      { type: 'Succeeded', status: 'False', lastTransitionTime: NOW_TEXT, reason: 'PipelineRunTimeout', message: 'PipelineRun "test-pipeline-run-with-timeout" failed to finish within "&Duration{Duration:12h0m0s,}"' },
    ]);
    expect(r.status.completionTime).toBe(NOW_TEXT);
    const entries = Object.entries(r.status.taskRuns ?? {});
    expect(entries).toHaveLength(1);
    expect(entries[0]![0]).toMatch(new RegExp(`^test-pipeline-run-with-timeout-hello-world-1${SUFFIX}$`));
    expect(entries[0]![1]).toEqual({ pipelineTaskName: 'hello-world-1', status: { podName: '' } });
  });

  test.each([
    // Tekton's timeout-and-retry table: a TaskRun failed twice (one try in retriesStatus).
    ['with one retry, it was the last: the TaskRun stays failed', 1, 1, 'False'],
    ['with two retries, one is left: the TaskRun is tried again though the PipelineRun timed out', 2, 2, 'Unknown'],
  ])('%s', (_name, retries, kept, status) => {
    const failedTry = { podName: '', conditions: [{ type: 'Succeeded', status: 'False' }] };
    const tr = { apiVersion: 'tekton.dev/v1alpha1', kind: 'TaskRun', metadata: { name: 'hello-world-1', namespace: NS }, status: { podName: 'my-pod-name', conditions: [{ type: 'Succeeded', status: 'False' }], retriesStatus: [failedTry] } };
    const r = statusOf(
      pipeline([pt('hello-world-1', { retries })], {}, {}, 'test-pipeline-retry'),
      prWith('test-pipeline-retry-run-with-timeout', { pipelineRef: { name: 'test-pipeline-retry' }, timeout: '12h' }, {
        startTime: '2019-10-29T10:05:00Z',
        taskRuns: { 'hello-world-1': { pipelineTaskName: 'hello-world-1', status: tr.status } },
      }),
      tr,
    );
    expect(succeededOf(r.status)?.reason).toBe('PipelineRunTimeout');
    const entry = r.status.taskRuns?.['hello-world-1'];
    expect(entry?.status?.retriesStatus).toHaveLength(kept);
    expect(succeededOf(entry?.status ?? {})?.status).toBe(status);
  });
});

describe('retries', () => {
  const failedTry = { podName: 'ci-1-a-abcde-pod-111111', startTime: '2019-10-30T10:00:00Z', completionTime: '2019-10-30T10:01:00Z', conditions: [{ type: 'Succeeded', status: 'False', reason: 'Failed', message: 'boom' }] };

  test('a failed TaskRun with a retry left: the last try moves into retriesStatus, the times and Pod are cleared, Unknown now', () => {
    const r = statusOf(pipeline([pt('a', { retries: 1 })]), prWith('ci-1', {}), taskRun('ci-1-a-abcde', 'a', failedTry));
    expect(succeededOf(r.status)).toMatchObject(RUNNING);
    expect(r.status.taskRuns?.['ci-1-a-abcde']?.status).toEqual({ podName: '', conditions: [{ type: 'Succeeded', status: 'Unknown', lastTransitionTime: NOW_TEXT }], retriesStatus: [failedTry] });
  });

  test('its retries used: the PipelineRun fails, naming it', () => {
    const r = statusOf(pipeline([pt('a', { retries: 1 }), pt('b', { runAfter: ['a'] })]), prWith('ci-1', {}), taskRun('ci-1-a-abcde', 'a', { ...failedTry, retriesStatus: [failedTry] }));
    expect(succeededOf(r.status)).toEqual({ type: 'Succeeded', status: 'False', lastTransitionTime: NOW_TEXT, reason: 'Failed', message: 'TaskRun ci-1-a-abcde has failed' });
    expect(r.status.completionTime).toBe(NOW_TEXT);
    expect(Object.keys(r.status.taskRuns ?? {})).toEqual(['ci-1-a-abcde']);
  });

  test('succeeded on its retry: what runs after it starts', () => {
    const r = statusOf(pipeline([pt('a', { retries: 1 }), pt('b', { runAfter: ['a'] })]), prWith('ci-1', {}), taskRun('ci-1-a-abcde', 'a', trStatus('True', { retriesStatus: [failedTry] })));
    expect(succeededOf(r.status)).toMatchObject(RUNNING);
    expect(Object.values(r.status.taskRuns ?? {}).map((e) => e.pipelineTaskName)).toEqual(['a', 'b'].filter((t) => t !== '').sort());
  });
});

describe('condition checks', () => {
  test('a task guarded by two Conditions: both checks are created and listed, each with an empty status', () => {
    const r = statusOf(
      condition('cond-1'),
      condition('cond-2'),
      pipeline([pt('hello-world-1', { conditions: [{ conditionRef: 'cond-1' }, { conditionRef: 'cond-2' }] })], {}, {}, 'test-pipeline'),
      prWith('test-pipeline-run', { pipelineRef: { name: 'test-pipeline' } }),
    );
    expect(succeededOf(r.status)).toMatchObject(RUNNING);
    const [[name, entry]] = Object.entries(r.status.taskRuns ?? {}) as [[string, { pipelineTaskName: string; status?: unknown; conditionChecks?: Record<string, unknown> }]];
    expect(name).toMatch(new RegExp(`^test-pipeline-run-hello-world-1${SUFFIX}$`));
    expect(entry.pipelineTaskName).toBe('hello-world-1');
    expect(entry.status).toBeUndefined();
    const checks = Object.entries(entry.conditionChecks ?? {}).sort(([a], [b]) => a.localeCompare(b));
    expect(checks.map(([k]) => k)).toEqual([expect.stringMatching(new RegExp(`^${name}-cond-1${SUFFIX}$`)), expect.stringMatching(new RegExp(`^${name}-cond-2${SUFFIX}$`))]);
    expect(checks.map(([, v]) => v)).toEqual([
      { conditionName: 'cond-1', status: { podName: '', check: {} } },
      { conditionName: 'cond-2', status: { podName: '', check: {} } },
    ]);
  });

  test("a failed check skips its task (ConditionCheckFailed) while the next task of another branch is created", () => {
    const prName = 'test-pipeline-run-with-conditions';
    const check = `${prName}task-2-always-false-xxxyyy`;
    const r = statusOf(
      condition('always-false'),
      pipeline([pt('task-1'), pt('task-2', { conditions: [{ conditionRef: 'always-false' }] }), pt('task-3', { runAfter: ['task-1'] })], {}, {}, 'test-pipeline'),
      prWith(prName, { pipelineRef: { name: 'test-pipeline' } }, {
        startTime: '2019-10-30T10:00:00Z',
        conditions: [{ type: 'Succeeded', status: 'Unknown', lastTransitionTime: '2019-10-30T10:00:00Z', reason: 'Running', message: 'Not all Tasks in the Pipeline have finished executing' }],
        taskRuns: {
          [`${prName}task-1`]: { pipelineTaskName: 'task-1', status: { podName: '' } },
          [`${prName}task-2`]: { pipelineTaskName: 'task-2', status: { podName: '' }, conditionChecks: { [check]: { conditionName: 'always-false', status: { podName: '' } } } },
        },
      }),
      taskRun(`${prName}task-1`, 'task-1', trStatus('True'), { run: prName }),
      taskRun(check, 'task-2', trStatus('False'), { run: prName, labels: { 'tekton.dev/conditionCheck': check }, spec: { taskSpec: { steps: [{ name: 'condition-check-always-false', image: 'foo' }] } } }),
    );
    expect(r.status.conditions).toEqual([{ ...RUNNING, lastTransitionTime: '2019-10-30T10:00:00Z' }]);
    const runs = r.status.taskRuns ?? {};
    expect(runs[`${prName}task-2`]).toEqual({
      pipelineTaskName: 'task-2',
      status: {
        conditions: [{ type: 'Succeeded', status: 'False', lastTransitionTime: NOW_TEXT, reason: 'ConditionCheckFailed', message: `ConditionChecks failed for Task ${prName}task-2 in PipelineRun ${prName}` }],
      },
      conditionChecks: { [check]: { conditionName: 'always-false', status: { conditions: [{ type: 'Succeeded', status: 'False' }], podName: '', check: {} } } },
    });
    const created = Object.keys(runs).filter((k) => runs[k]!.pipelineTaskName === 'task-3');
    expect(created).toEqual([expect.stringMatching(new RegExp(`^${prName}-task-3${SUFFIX}$`))]);
    expect(runs[created[0]!]).toEqual({ pipelineTaskName: 'task-3', status: { podName: '' } });
  });

  test('once task-3 succeeded too, the PipelineRun succeeds: a skipped task counts as done', () => {
    const prName = 'p';
    const check = 'p-guarded-xxxxx-no-abcde';
    const r = statusOf(
      condition('no'),
      pipeline([pt('guarded', { conditions: [{ conditionRef: 'no' }] }), pt('after', { runAfter: ['guarded'] }), pt('other')]),
      prWith(prName, {}),
      taskRun(check, 'guarded', trStatus('False'), { run: prName, labels: { 'tekton.dev/conditionCheck': check } }),
      taskRun('p-other-abcde', 'other', trStatus('True'), { run: prName }),
    );
    expect(succeededOf(r.status)).toMatchObject({ status: 'True', reason: 'Succeeded', message: 'All Tasks have completed executing' });
    expect(Object.values(r.status.taskRuns ?? {}).map((e) => e.pipelineTaskName).sort()).toEqual(['guarded', 'other']);
    // The guarded task's entry is keyed by the TaskRun name its check was named after.
    expect(r.status.taskRuns?.['p-guarded-xxxxx']?.conditionChecks).toEqual({ [check]: { conditionName: 'no', status: { conditions: [{ type: 'Succeeded', status: 'False' }], podName: '', check: {} } } });
  });

  test('checks found by their labels, not recorded: matched to their Condition by name, and by their step where the cut to 57 characters left too little of the name', () => {
    const pr = 'nightly-build-of-the-monorepo-with-a-long-name';
    const task = 'integration';
    // The TaskRun's base is 57 characters: its check's base is the same 57, the Condition's name cut off.
    const trBase = `${pr}-${task}`.slice(0, 57);
    const checkA = `${`${trBase}-qz7wk-cond-a`.slice(0, 57)}-b4c5d`;
    const r = statusOf(
      condition('cond-a'),
      condition('cond-b'),
      pipeline([pt(task, { conditions: [{ conditionRef: 'cond-b' }, { conditionRef: 'cond-a' }] })]),
      prWith(pr, {}),
      taskRun(checkA, task, trStatus('Unknown'), { run: pr, labels: { 'tekton.dev/conditionCheck': checkA }, spec: { taskSpec: { steps: [{ name: 'condition-check-cond-a', image: 'alpine' }] } } }),
    );
    const [entry] = Object.values(r.status.taskRuns ?? {});
    const checks = entry?.conditionChecks ?? {};
    // cond-a's check is the one given (running); cond-b's does not exist, so this reconcile creates it.
    expect(checks[checkA]).toEqual({ conditionName: 'cond-a', status: { conditions: [{ type: 'Succeeded', status: 'Unknown' }], podName: '', check: {} } });
    expect(Object.values(checks).map((c) => c.conditionName).sort()).toEqual(['cond-a', 'cond-b']);
  });

  test('a TaskRun name recorded before its checks were created: the checks are named after it', () => {
    const r = statusOf(condition('ok'), pipeline([pt('a', { conditions: [{ conditionRef: 'ok' }] })]), prWith('ci-1', {}, { taskRuns: { 'ci-1-a-bcdfg': { pipelineTaskName: 'a' } } }));
    expect(Object.keys(r.status.taskRuns?.['ci-1-a-bcdfg']?.conditionChecks ?? {})).toEqual([expect.stringMatching(new RegExp(`^ci-1-a-bcdfg-ok${SUFFIX}$`))]);
  });
});

describe('finding the TaskRuns', () => {
  test('by status.taskRuns first, else by their labels; TaskRuns of other PipelineRuns or namespaces are ignored', () => {
    const r = statusOf(
      pipeline([pt('a'), pt('b')]),
      prWith('ci-1', {}, { taskRuns: { 'recorded-a': { pipelineTaskName: 'a' } } }),
      taskRun('recorded-a', 'a', trStatus('True'), { labels: { 'tekton.dev/pipelineRun': 'someone-else' } }),
      taskRun('labelled-a', 'a', trStatus('False')),
      taskRun('labelled-b', 'b', trStatus('Unknown')),
      taskRun('other-run-b', 'b', trStatus('False'), { run: 'ci-2' }),
      { ...taskRun('other-ns-b', 'b', trStatus('False')), metadata: { name: 'other-ns-b', namespace: 'elsewhere', labels: { 'tekton.dev/pipelineRun': 'ci-1', 'tekton.dev/pipelineTask': 'b' } } },
    );
    expect(Object.keys(r.status.taskRuns ?? {}).sort()).toEqual(['labelled-b', 'recorded-a']);
    expect(succeededOf(r.status)).toMatchObject(RUNNING);
    expect(r.warnings).toEqual([]);
  });

  test('two TaskRuns labelled for one task and none recorded: the first given is taken, with a warning', () => {
    const r = statusOf(pipeline([pt('a')]), prWith('ci-1', {}), taskRun('first-a', 'a', trStatus('True')), taskRun('second-a', 'a', trStatus('False')));
    expect(Object.keys(r.status.taskRuns ?? {})).toEqual(['first-a']);
    expect(r.warnings).toEqual([{ object: 'PipelineRun default/ci-1', field: 'status.taskRuns', message: '2 TaskRuns are labelled for pipeline task "a"; the first given is taken' }]);
  });

  test('the PipelineRun is printed as the webhook stored it (defaults set), with the new status', () => {
    const r = statusOf(pipeline([pt('a')]), prWith('ci-1', {}));
    expect(r.pipelineRun.spec?.timeout).toBe('1h0m0s');
    expect(r.pipelineRun.status).toEqual(r.status);
  });
});

describe('failures before any task', () => {
  test('no Pipeline: CouldntGetPipeline with the lister\'s error', () => {
    const r = statusOf(prWith('ci-1', { pipelineRef: { name: 'missing' } }));
    expect(r.status).toEqual({
      startTime: NOW_TEXT,
      conditions: [
        {
          type: 'Succeeded',
          status: 'False',
          lastTransitionTime: NOW_TEXT,
          reason: 'CouldntGetPipeline',
          message: 'Error retrieving pipeline for pipelinerun default/ci-1: error when listing pipelines for pipelineRun ci-1: pipeline.tekton.dev "missing" not found',
        },
      ],
      completionTime: NOW_TEXT,
    });
  });

  test('a cycle: PipelineInvalidGraph with the DAG\'s message', () => {
    const r = pipelineRunStatus(objectsOf(pipeline([pt('a', { runAfter: ['b'] }), pt('b', { runAfter: ['a'] })]), prWith('ci-1', {})), NOW);
    // The webhook refuses a cycle in a Pipeline it admits; an embedded spec is where the reconciler met one.
    if (E.isRight(r)) expect(succeededOf(r.right.status)).toMatchObject({ status: 'False', reason: 'PipelineInvalidGraph' });
    else expect(r.left.message).toMatch(/cycle/);
  });

  test('an invalid "now" is refused', () => {
    const r = pipelineRunStatus(objectsOf(pipeline([pt('a')]), prWith('ci-1', {})), new Date(Number.NaN));
    expect(E.isLeft(r)).toBe(true);
  });
});

describe('start time', () => {
  test('set now on the first look; kept after; moved up to a later creation time', () => {
    expect(statusOf(pipeline([pt('a')]), prWith('ci-1', {})).status.startTime).toBe(NOW_TEXT);
    expect(statusOf(pipeline([pt('a')]), prWith('ci-1', {}, { startTime: '2019-10-30T10:00:00Z' })).status.startTime).toBe('2019-10-30T10:00:00Z');
    const later = { ...prWith('ci-1', {}), metadata: { name: 'ci-1', namespace: NS, creationTimestamp: '2019-10-30T10:06:00Z' } };
    expect(statusOf(pipeline([pt('a')]), later).status.startTime).toBe('2019-10-30T10:06:00Z');
  });

  test("Go's zero time is no start time: it starts now", () => {
    expect(statusOf(pipeline([pt('a')]), prWith('ci-1', { timeout: '1h' }, { startTime: '0001-01-01T00:00:00Z' })).status.startTime).toBe(NOW_TEXT);
  });
});
