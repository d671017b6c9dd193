/**
 * What-if runs of a PipelineRun (src/pipeline/simulate.ts through
 * expandPipelineRun): outcomes make TaskRuns and condition checks fail, and
 * the run plays out as Tekton's controllers played it at 6c132b937e — a
 * retry is a new Pod of the same TaskRun with the failed try kept in
 * `retriesStatus` (createTaskRun/addRetryHistory in pipelinerun.go), a
 * failure with no retry left fails the PipelineRun and nothing new starts
 * (GetPipelineConditionStatus; the run is done), a failed condition check
 * skips its task and every task after it while the PipelineRun may still
 * succeed (isSkipped), and with no outcomes the run is the all-succeed
 * expansion, golden files included.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { parse } from 'yaml';
import { readConfig, readObjects } from '../../src/cli/io';
import { DEFAULT_LIMITS } from '../../src/input/yaml';
import type { StatusCondition } from '../../src/model/tekton';
import { expandPipelineRun, finalPipelineRun, PipelineRunExpansion } from '../../src/pipeline/expand';
import type { Outcomes } from '../../src/pipeline/simulate';
import { toGoldenYaml } from '../../src/testing';
import { condition, pipeline, pt, run, SUFFIX, world } from './builders';

const ROOT = join(__dirname, '..', '..');
const NOW = new Date('2019-10-30T10:00:00Z');
const NOW_TEXT = '2019-10-30T10:00:00Z';

/** Outcomes from a short form: `{ fail: { a: Infinity, b: 1 }, conditions: ['t/c'] }`. */
const outcomes = (fail: Record<string, number> = {}, conditions: string[] = []): Outcomes => ({ failTasks: new Map(Object.entries(fail)), failConditions: new Set(conditions) });

/** The expansion of `docs` (plus the builders' base) with these outcomes, at `now` ('unset': none given). */
function play(docs: readonly unknown[], o?: Outcomes, now: Date | 'unset' = NOW): PipelineRunExpansion {
  const r = expandPipelineRun(world(...docs), { ...(o !== undefined ? { outcomes: o } : {}), ...(now !== 'unset' ? { now } : {}) });
  if (E.isLeft(r)) throw new Error(`${r.left.object}: ${r.left.field}: ${r.left.message}`);
  return r.right;
}

const succeededOf = (conditions: readonly StatusCondition[] | undefined) => (conditions ?? []).find((c) => c.type === 'Succeeded');
/** Each creation as `task#attempt@wave` (`task/condition@wave` for a check). */
const timeline = (x: PipelineRunExpansion) => x.created.map((c) => (c.conditionCheck !== undefined ? `${c.pipelineTask}/${c.conditionCheck.condition}@${c.wave}` : `${c.pipelineTask}#${c.attempt}@${c.wave}`));
const outcomeOf = (x: PipelineRunExpansion) => Object.fromEntries(x.outcomes.map((o) => [o.pipelineTask, `${o.outcome}/${o.attempts}`]));
const nameOf = (x: PipelineRunExpansion, task: string) => x.created.find((c) => c.pipelineTask === task && c.conditionCheck === undefined)!.taskRun.metadata!.name!;

/** a and b side by side; c after both. */
const fan = (retries: { a?: number; b?: number } = {}) => [
  pipeline([pt('a', retries.a !== undefined ? { retries: retries.a } : {}), pt('b', retries.b !== undefined ? { retries: retries.b } : {}), pt('c', { runAfter: ['a', 'b'] })]),
  run(),
];
/** a, then b, then c. */
const chain = (retriesOfA = 0) => [pipeline([pt('a', { retries: retriesOfA }), pt('b', { runAfter: ['a'] }), pt('c', { runAfter: ['b'] })]), run()];
/** guarded (by `ok`, and `also` when asked), after it `after`, and `other` beside. */
const guarded = (conditions = ['ok']) => [
  ...conditions.map((c) => condition(c)),
  pipeline([pt('guarded', { conditions: conditions.map((c) => ({ conditionRef: c })) }), pt('after', { runAfter: ['guarded'] }), pt('other')]),
  run(),
];

describe('no outcomes: the all-succeed run', () => {
  test('every task succeeds once, the PipelineRun succeeds, and the status lists every TaskRun as succeeded', () => {
    const x = play(chain());
    expect(timeline(x)).toEqual(['a#0@1', 'b#0@2', 'c#0@3']);
    expect(outcomeOf(x)).toEqual({ a: 'succeeded/1', b: 'succeeded/1', c: 'succeeded/1' });
    expect(succeededOf(x.status.conditions)).toEqual({ type: 'Succeeded', status: 'True', lastTransitionTime: NOW_TEXT, reason: 'Succeeded', message: 'All Tasks have completed executing' });
    expect(x.status.startTime).toBe(NOW_TEXT);
    expect(x.status.completionTime).toBe(NOW_TEXT);
    expect(Object.values(x.status.taskRuns ?? {}).map((e) => [e.pipelineTaskName, succeededOf(e.status?.conditions)?.status])).toEqual([
      ['a', 'True'],
      ['b', 'True'],
      ['c', 'True'],
    ]);
  });

  test('empty outcomes are no outcomes', () => {
    const plain = play(guarded(), undefined);
    for (const o of [{}, outcomes(), { failTasks: new Map<string, number>() }, { failConditions: new Set<string>() }]) {
      const x = play(guarded(), o);
      expect(x.items).toEqual(plain.items);
      expect(x.status).toEqual(plain.status);
    }
  });

  // Every golden PipelineRun fixture: with empty outcomes, the List is the committed one.
  const cases = readdirSync(join(ROOT, 'fixtures'))
    .filter((d) => d.startsWith('pipeline-') && existsSync(join(ROOT, 'fixtures', d, 'list.yaml')))
    .map((d) => join(ROOT, 'fixtures', d));
  test('there are golden PipelineRun fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });
  test.each(cases.map((dir) => [dir.slice(ROOT.length + 1), dir]))('%s: the List with empty outcomes is the golden list.yaml', (_name, dir) => {
    const objects = readObjects([join(dir, 'input.yaml')], DEFAULT_LIMITS);
    const configFile = join(dir, 'config.yaml');
    const config = readConfig(existsSync(configFile) ? configFile : undefined, DEFAULT_LIMITS);
    if (E.isLeft(objects) || E.isLeft(config)) throw new Error('fixture unreadable');
    const x = expandPipelineRun(objects.right, { config: config.right, outcomes: outcomes() });
    if (E.isLeft(x)) throw new Error(x.left.message);
    expect(toGoldenYaml({ apiVersion: 'v1', kind: 'List', items: x.right.items })).toBe(readFileSync(join(dir, 'list.yaml'), 'utf8'));
    expect(x.right.outcomes.every((o) => o.outcome === 'succeeded' || (x.right.cancelled && o.outcome === 'not-run'))).toBe(true);
    expect(succeededOf(x.right.status.conditions)?.status).toBe(x.right.cancelled ? 'False' : 'True');
  });
});

describe('a failure with no retry left', () => {
  test('fails the PipelineRun, naming the TaskRun; nothing after it is created', () => {
    const x = play(chain(), outcomes({ b: Infinity }));
    expect(timeline(x)).toEqual(['a#0@1', 'b#0@2']);
    expect(outcomeOf(x)).toEqual({ a: 'succeeded/1', b: 'failed/1', c: 'not-run/0' });
    expect(succeededOf(x.status.conditions)).toEqual({ type: 'Succeeded', status: 'False', lastTransitionTime: NOW_TEXT, reason: 'Failed', message: `TaskRun ${nameOf(x, 'b')} has failed` });
    expect(x.status.completionTime).toBe(NOW_TEXT);
    expect(x.items.filter((i) => i.kind === 'TaskRun')).toHaveLength(2);
  });

  test("the failed TaskRun's status is the one its Pod gave: the last step of the Task exited 1", () => {
    const x = play(chain(), outcomes({ a: Infinity }));
    const a = x.created[0]!;
    expect(succeededOf(a.status.conditions)).toMatchObject({ status: 'False', reason: 'Failed' });
    expect(succeededOf(a.status.conditions)?.message).toMatch(/^"step-echo" exited with code 1 /);
    expect(x.status.taskRuns?.[nameOf(x, 'a')]?.status).toEqual(a.status);
  });

  test('a task running beside the failure is not cancelled: it runs to its end, and the done PipelineRun lists its final status', () => {
    const x = play(fan(), outcomes({ a: Infinity }));
    expect(timeline(x)).toEqual(['a#0@1', 'b#0@1']);
    expect(outcomeOf(x)).toEqual({ a: 'failed/1', b: 'succeeded/1', c: 'not-run/0' });
    expect(succeededOf(x.created[1]!.status.conditions)?.status).toBe('True');
    expect(succeededOf(x.status.taskRuns?.[nameOf(x, 'b')]?.status?.conditions)?.status).toBe('True');
    expect(succeededOf(x.status.conditions)).toMatchObject({ status: 'False', reason: 'Failed', message: `TaskRun ${nameOf(x, 'a')} has failed` });
  });

  test('failures of a wave are seen first: a task that waits only for the succeeding one beside the failure never starts', () => {
    const x = play([pipeline([pt('a'), pt('b'), pt('after-b', { runAfter: ['b'] })]), run()], outcomes({ a: Infinity }));
    expect(timeline(x)).toEqual(['a#0@1', 'b#0@1']);
    expect(outcomeOf(x)['after-b']).toBe('not-run/0');
  });

  test('two failures in one wave: the first in the Pipeline is named', () => {
    const x = play(fan(), outcomes({ b: Infinity, a: Infinity }));
    expect(outcomeOf(x)).toEqual({ a: 'failed/1', b: 'failed/1', c: 'not-run/0' });
    expect(succeededOf(x.status.conditions)?.message).toBe(`TaskRun ${nameOf(x, 'a')} has failed`);
  });
});

describe('retries', () => {
  test('a task that fails once with one retry: a second Pod of the same TaskRun, then the run goes on', () => {
    const x = play(chain(1), outcomes({ a: 1 }));
    expect(timeline(x)).toEqual(['a#0@1', 'a#1@2', 'b#0@3', 'c#0@4']);
    expect(outcomeOf(x)).toEqual({ a: 'succeeded/2', b: 'succeeded/1', c: 'succeeded/1' });
    const [first, retry] = x.created;
    expect(retry!.taskRun).toEqual(first!.taskRun);
    expect(retry!.pod.metadata.name).not.toBe(first!.pod.metadata.name);
    expect(retry!.pod.metadata.name).toMatch(new RegExp(`^${nameOf(x, 'a')}-pod-[0-9a-f]{6}$`));
    // The List: one TaskRun for a, and a Pod per attempt.
    expect(x.items.filter((i) => i.kind === 'TaskRun').map((i) => i.metadata.name)).toEqual([nameOf(x, 'a'), nameOf(x, 'b'), nameOf(x, 'c')]);
    expect(x.items.filter((i) => i.kind === 'Pod')).toHaveLength(4);
    expect(succeededOf(x.status.conditions)?.status).toBe('True');
  });

  test('the retried TaskRun keeps the failed try in retriesStatus, without its own retriesStatus', () => {
    const x = play(chain(2), outcomes({ a: 2 }));
    const tries = x.created.filter((c) => c.pipelineTask === 'a');
    expect(tries.map((t) => succeededOf(t.status.conditions)?.status)).toEqual(['False', 'False', 'True']);
    const last = tries[2]!.status;
    expect(last.retriesStatus).toHaveLength(2);
    const { retriesStatus: _firstRetries, ...firstTry } = tries[0]!.status;
    expect(last.retriesStatus![0]).toEqual(firstTry);
    expect(last.retriesStatus!.every((r) => r.retriesStatus === undefined)).toBe(true);
    expect(last.podName).toBe(tries[2]!.pod.metadata.name);
    expect(x.status.taskRuns?.[nameOf(x, 'a')]?.status).toEqual(last);
  });

  test.each([
    ['every attempt fails, two retries: three Pods, then the PipelineRun fails', 2, Infinity, 3, 'failed'],
    ['more failing attempts than retries: the same', 2, 5, 3, 'failed'],
    ['as many failing attempts as retries: the last retry succeeds', 2, 2, 3, 'succeeded'],
    ['no retries: one attempt', 0, 1, 1, 'failed'],
  ] as const)('%s', (_name, retries, failing, attempts, outcome) => {
    const x = play(chain(retries), outcomes({ a: failing }));
    expect(x.created.filter((c) => c.pipelineTask === 'a').map((c) => c.attempt)).toEqual(Array.from({ length: attempts }, (_, i) => i));
    expect(outcomeOf(x).a).toBe(`${outcome}/${attempts}`);
    expect(succeededOf(x.status.conditions)?.status).toBe(outcome === 'failed' ? 'False' : 'True');
    if (outcome === 'failed') expect(outcomeOf(x).b).toBe('not-run/0');
  });

  test('a retry is created in the same reconcile that sees another task fail for good, and runs to its end', () => {
    const x = play(fan({ a: 1 }), outcomes({ a: Infinity, b: Infinity }));
    expect(timeline(x)).toEqual(['a#0@1', 'b#0@1', 'a#1@2']);
    expect(outcomeOf(x)).toEqual({ a: 'failed/2', b: 'failed/1', c: 'not-run/0' });
    expect(succeededOf(x.status.conditions)?.message).toBe(`TaskRun ${nameOf(x, 'b')} has failed`);
  });
  test('a TaskRun that fails with retries left after the PipelineRun failed is not tried again: it ends failed', () => {
    const x = play(fan({ a: 2 }), outcomes({ a: Infinity, b: Infinity }));
    expect(timeline(x)).toEqual(['a#0@1', 'b#0@1', 'a#1@2']);
    expect(outcomeOf(x)).toEqual({ a: 'failed/2', b: 'failed/1', c: 'not-run/0' });
    expect(x.status.taskRuns?.[nameOf(x, 'a')]?.status?.retriesStatus).toHaveLength(1);
  });
});

describe('condition checks', () => {
  test('a failed check skips its task and every task after it; the PipelineRun still succeeds', () => {
    const x = play(guarded(), outcomes({}, ['guarded/ok']));
    expect(timeline(x)).toEqual(['guarded/ok@1', 'other#0@1']);
    expect(outcomeOf(x)).toEqual({ guarded: 'skipped/0', after: 'skipped/0', other: 'succeeded/1' });
    expect(succeededOf(x.status.conditions)).toMatchObject({ status: 'True', reason: 'Succeeded', message: 'All Tasks have completed executing' });
    const entry = Object.entries(x.status.taskRuns ?? {}).find(([, e]) => e.pipelineTaskName === 'guarded')!;
    expect(entry[0]).toMatch(new RegExp(`^ci-1-guarded${SUFFIX}$`));
    expect(succeededOf(entry[1].status?.conditions)).toEqual({
      type: 'Succeeded',
      status: 'False',
      lastTransitionTime: NOW_TEXT,
      reason: 'ConditionCheckFailed',
      message: `ConditionChecks failed for Task ${entry[0]} in PipelineRun ci-1`,
    });
    const [check] = Object.values(entry[1].conditionChecks ?? {});
    expect(check).toMatchObject({ conditionName: 'ok', status: { conditions: [expect.objectContaining({ status: 'False' })], check: { terminated: { exitCode: 1 } } } });
  });

  test('of two conditions, one failing is enough; both checks ran', () => {
    const x = play(guarded(['ok', 'also']), outcomes({}, ['guarded/also']));
    expect(timeline(x)).toEqual(['guarded/ok@1', 'guarded/also@1', 'other#0@1']);
    expect(outcomeOf(x)).toEqual({ guarded: 'skipped/0', after: 'skipped/0', other: 'succeeded/1' });
  });

  test('passing checks: the task runs one wave later', () => {
    const x = play(guarded());
    expect(timeline(x)).toEqual(['guarded/ok@1', 'other#0@1', 'guarded#0@2', 'after#0@3']);
  });

  test('a failed check and a failed task: the PipelineRun fails', () => {
    const x = play(guarded(), outcomes({ other: Infinity }, ['guarded/ok']));
    expect(outcomeOf(x)).toEqual({ guarded: 'skipped/0', after: 'skipped/0', other: 'failed/1' });
    expect(succeededOf(x.status.conditions)).toMatchObject({ status: 'False', reason: 'Failed' });
  });

  test('a task after both a skipped task and a succeeded one is skipped', () => {
    const docs = [condition('ok'), pipeline([pt('g', { conditions: [{ conditionRef: 'ok' }] }), pt('o'), pt('both', { runAfter: ['g', 'o'] }), pt('then', { runAfter: ['both'] })]), run()];
    const x = play(docs, outcomes({}, ['g/ok']));
    expect(outcomeOf(x)).toEqual({ g: 'skipped/0', o: 'succeeded/1', both: 'skipped/0', then: 'skipped/0' });
    expect(succeededOf(x.status.conditions)?.status).toBe('True');
  });

  test('a guarded task whose checks passed but whose TaskRun fails: failed, not skipped', () => {
    const x = play(guarded(), outcomes({ guarded: Infinity }));
    expect(outcomeOf(x)).toEqual({ guarded: 'failed/1', after: 'not-run/0', other: 'succeeded/1' });
  });
});

describe('time and the final PipelineRun', () => {
  test('"now" defaults to the creation time', () => {
    const x = play([pipeline([pt('a')]), run({}, { creationTimestamp: '2019-10-30T09:00:00Z' })], outcomes({ a: Infinity }), 'unset');
    expect(x.status.startTime).toBe('2019-10-30T09:00:00Z');
    expect(succeededOf(x.status.conditions)?.lastTransitionTime).toBe('2019-10-30T09:00:00Z');
  });

  test('a cancelled PipelineRun: nothing created, every task not run, cancelled at "now" (the creation time by default)', () => {
    const x = play([pipeline([pt('a')]), run({ status: 'PipelineRunCancelled' }, { creationTimestamp: '2019-10-30T09:00:00Z' })], outcomes({ a: Infinity }), 'unset');
    expect(x.created).toEqual([]);
    expect(outcomeOf(x)).toEqual({ a: 'not-run/0' });
    expect(x.status.conditions).toEqual([
      { type: 'Succeeded', status: 'False', lastTransitionTime: '2019-10-30T09:00:00Z', reason: 'PipelineRunCancelled', message: 'PipelineRun "ci-1" was cancelled' },
    ]);
    expect(x.status.completionTime).toBe('2019-10-30T09:00:00Z');
  });

  test('a PipelineRun started long ago times out on the first reconcile, after creating the first TaskRuns', () => {
    const pr = { ...run({ timeout: '1h' }), status: { startTime: '2019-10-30T08:00:00Z' } };
    const x = play([pipeline([pt('a'), pt('b', { runAfter: ['a'] })]), pr]);
    expect(timeline(x)).toEqual(['a#0@1']);
    expect(succeededOf(x.status.conditions)).toMatchObject({ status: 'False', reason: 'PipelineRunTimeout', message: 'PipelineRun "ci-1" failed to finish within "&Duration{Duration:1h0m0s,}"' });
  });

  test('the final PipelineRun: as stored, with the labels the reconciler added and the final status', () => {
    const x = play(chain(), outcomes({ b: Infinity }));
    const pr = finalPipelineRun(x) as { kind: string; metadata: { labels?: Record<string, string> }; status: unknown };
    expect(pr.kind).toBe('PipelineRun');
    expect(pr.metadata.labels).toEqual({ 'tekton.dev/pipeline': 'ci' });
    expect(JSON.parse(JSON.stringify(pr.status))).toEqual(JSON.parse(JSON.stringify(x.status)));
  });

  test('the PipelineRun status prints as Go printed it: a List item that reads back the same', () => {
    const x = play(guarded(), outcomes({}, ['guarded/ok']));
    const text = toGoldenYaml(finalPipelineRun(x));
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(finalPipelineRun(x))));
  });
});
