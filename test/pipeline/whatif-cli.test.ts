/**
 * What-if runs from the CLI: `render` and `explain` with `--fail TASK[:N]`,
 * `--fail-condition TASK/CONDITION` and `--now`, their usage errors, and
 * `taskpod status` on a PipelineRun with the TaskRuns such a run created
 * (given the statuses the run ended with): the status command and the
 * what-if run agree.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { COMMANDS, main } from '../../src/cli/main';
import { toYaml } from '../helpers/render';
import { BASE, condition, pipeline, pt, run } from './builders';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'taskpod-whatif-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes documents as one YAML file (plus BASE unless `bare`); its path. */
function file(name: string, docs: readonly unknown[], bare = false): string {
  const p = join(dir, name);
  writeFileSync(p, toYaml(bare ? [...docs] : [...BASE, ...docs]));
  return p;
}

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const usage = (command: string) => COMMANDS.find((c) => c.name === command)!.usage;

interface Condition {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly message?: string;
  readonly lastTransitionTime?: string;
}
interface Item {
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly labels?: Record<string, string> };
  readonly spec?: Record<string, unknown>;
  readonly status?: {
    readonly conditions?: Condition[];
    readonly startTime?: string;
    readonly completionTime?: string;
    readonly taskRuns?: Record<string, { pipelineTaskName: string; status?: { conditions?: Condition[]; retriesStatus?: unknown[] }; conditionChecks?: Record<string, { status?: Record<string, unknown> }> }>;
  };
}
type List = { readonly kind: string; readonly items: Item[] };

const succeededOf = (conditions: readonly Condition[] | undefined) => (conditions ?? []).find((c) => c.type === 'Succeeded');

/** build (one retry); test and lint after it; deploy after test, guarded by is-main. */
const docs = () => [
  condition('is-main'),
  pipeline([
    pt('build', { retries: 1 }),
    pt('test', { runAfter: ['build'] }),
    pt('lint', { runAfter: ['build'] }),
    pt('deploy', { runAfter: ['test'], conditions: [{ conditionRef: 'is-main' }] }),
  ]),
  run({}, { creationTimestamp: '2019-10-30T09:00:00Z' }),
];
const input = () => file('input.yaml', docs());

async function list(...args: string[]): Promise<List> {
  const r = await cli('render', '-f', input(), '-o', 'json', ...args);
  expect([r.code, r.stderr]).toEqual([0, '']);
  return JSON.parse(r.stdout) as List;
}

/** `Kind task` for each item (a check as `task/condition`, a Pod after its TaskRun). */
const shape = (l: List) =>
  l.items.map((i) =>
    i.kind === 'PipelineRun' || i.kind === 'PersistentVolumeClaim'
      ? i.kind
      : `${i.kind} ${i.metadata.labels?.['tekton.dev/pipelineTask'] ?? '?'}${i.metadata.labels?.['tekton.dev/conditionCheck'] !== undefined ? '/check' : ''}`,
  );

describe('taskpod render: what if', () => {
  test('no flags: the all-succeed List, with no PipelineRun at its end', async () => {
    const l = await list();
    expect(shape(l)).toEqual([
      'PersistentVolumeClaim',
      'TaskRun build',
      'Pod build',
      'TaskRun test',
      'Pod test',
      'TaskRun lint',
      'Pod lint',
      'TaskRun deploy/check',
      'Pod deploy/check',
      'TaskRun deploy',
      'Pod deploy',
    ]);
  });

  test('--fail test: nothing after test; the List ends with the PipelineRun, failed, at its creation time', async () => {
    const l = await list('--fail', 'test');
    expect(shape(l)).toEqual(['PersistentVolumeClaim', 'TaskRun build', 'Pod build', 'TaskRun test', 'Pod test', 'TaskRun lint', 'Pod lint', 'PipelineRun']);
    const pr = l.items.at(-1)!;
    const testRun = l.items.find((i) => i.kind === 'TaskRun' && i.metadata.labels?.['tekton.dev/pipelineTask'] === 'test')!;
    expect(succeededOf(pr.status?.conditions)).toEqual({
      type: 'Succeeded',
      status: 'False',
      lastTransitionTime: '2019-10-30T09:00:00Z',
      reason: 'Failed',
      message: `TaskRun ${testRun.metadata.name} has failed`,
    });
    expect(pr.status?.completionTime).toBe('2019-10-30T09:00:00Z');
    // lint ran beside test: not stopped, it succeeded.
    const lint = Object.values(pr.status?.taskRuns ?? {}).find((e) => e.pipelineTaskName === 'lint');
    expect(succeededOf(lint?.status?.conditions)?.status).toBe('True');
  });

  test('--fail build:1 with one retry: a second Pod of build, then the rest; the PipelineRun succeeds', async () => {
    const l = await list('--fail', 'build:1');
    expect(shape(l).slice(0, 4)).toEqual(['PersistentVolumeClaim', 'TaskRun build', 'Pod build', 'Pod build']);
    const pr = l.items.at(-1)!;
    expect(succeededOf(pr.status?.conditions)).toMatchObject({ status: 'True', reason: 'Succeeded' });
    const build = Object.values(pr.status?.taskRuns ?? {}).find((e) => e.pipelineTaskName === 'build');
    expect(build?.status?.retriesStatus).toHaveLength(1);
  });

  test('--fail build: two Pods (the retry used), then the PipelineRun fails', async () => {
    const l = await list('--fail', 'build');
    expect(shape(l)).toEqual(['PersistentVolumeClaim', 'TaskRun build', 'Pod build', 'Pod build', 'PipelineRun']);
    expect(succeededOf(l.items.at(-1)!.status?.conditions)).toMatchObject({ status: 'False', reason: 'Failed' });
  });

  test('--fail-condition deploy/is-main: the check runs, deploy is skipped, the PipelineRun succeeds', async () => {
    const l = await list('--fail-condition', 'deploy/is-main');
    expect(shape(l)).toEqual(['PersistentVolumeClaim', 'TaskRun build', 'Pod build', 'TaskRun test', 'Pod test', 'TaskRun lint', 'Pod lint', 'TaskRun deploy/check', 'Pod deploy/check', 'PipelineRun']);
    const pr = l.items.at(-1)!;
    expect(succeededOf(pr.status?.conditions)).toMatchObject({ status: 'True', reason: 'Succeeded', message: 'All Tasks have completed executing' });
    const deploy = Object.values(pr.status?.taskRuns ?? {}).find((e) => e.pipelineTaskName === 'deploy');
    expect(succeededOf(deploy?.status?.conditions)).toMatchObject({ status: 'False', reason: 'ConditionCheckFailed' });
  });

  test('--now sets the time of the statuses; alone, it ends the all-succeed List with the PipelineRun', async () => {
    const l = await list('--now', '2019-10-30T12:00:00Z');
    expect(shape(l).slice(0, -1)).toEqual(shape(await list()));
    expect(l.items.at(-1)!.status).toMatchObject({ startTime: '2019-10-30T12:00:00Z', completionTime: '2019-10-30T12:00:00Z' });
    expect(succeededOf(l.items.at(-1)!.status?.conditions)).toMatchObject({ status: 'True', lastTransitionTime: '2019-10-30T12:00:00Z' });
  });

  test('--task with --fail: what was created for that task, then the PipelineRun', async () => {
    const l = await list('--fail', 'build', '--task', 'build');
    expect(shape(l)).toEqual(['TaskRun build', 'Pod build', 'Pod build', 'PipelineRun']);
  });

  test('YAML: the same List', async () => {
    const r = await cli('render', '-f', input(), '--fail', 'test');
    expect(parse(r.stdout, { version: '1.1' })).toEqual(await list('--fail', 'test'));
  });
});

describe('usage errors', () => {
  test.each([
    [['--fail', 'nope'], '--fail nope: no pipeline task "nope" (tasks: build, test, lint, deploy)'],
    [['--fail-condition', 'nope/is-main'], '--fail-condition nope/is-main: no pipeline task "nope" (tasks: build, test, lint, deploy)'],
    [['--fail-condition', 'deploy/is-dev'], '--fail-condition deploy/is-dev: task "deploy" has no condition "is-dev" (its conditions: is-main)'],
    [['--fail-condition', 'build/is-main'], '--fail-condition build/is-main: task "build" has no condition "is-main" (its conditions: none)'],
    [['--fail', 'build:0'], '--fail takes TASK or TASK:N (N attempts fail, N >= 1), not "build:0"'],
    [['--fail-condition', 'is-main'], '--fail-condition takes TASK/CONDITION, not "is-main"'],
    [['--now', 'yesterday'], '--now takes an RFC 3339 time such as 2019-10-30T10:00:00Z, not "yesterday"'],
  ])('%j', async (args, message) => {
    for (const command of ['render', 'explain']) {
      const r = await cli(command, '-f', input(), ...args);
      expect(r).toEqual({ code: 2, stdout: '', stderr: `taskpod ${command}: ${message}\nUsage: ${usage(command)}\n` });
    }
  });

  test('on a TaskRun input', async () => {
    const taskRun = { apiVersion: 'tekton.dev/v1alpha1', kind: 'TaskRun', metadata: { name: 'tr', namespace: 'default' }, spec: { taskRef: { name: 'echo' } } };
    for (const command of ['render', 'explain']) {
      for (const args of [['--fail', 'a'], ['--fail-condition', 'a/b'], ['--now', '2019-10-30T10:00:00Z']]) {
        const r = await cli(command, '-f', file('taskrun.yaml', [taskRun]), ...args);
        expect(r).toEqual({ code: 2, stdout: '', stderr: `taskpod ${command}: --fail, --fail-condition and --now are for a PipelineRun (and no TaskRun) in the input\nUsage: ${usage(command)}\n` });
      }
    }
  });
});

describe('taskpod explain: what if', () => {
  test('text: each task marked, the retry Pods listed, the tasks never created, the result', async () => {
    const r = await cli('explain', '-f', input(), '--fail', 'build:1', '--fail', 'test');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('  build '))).toBe('  build  (Task default/echo, ServiceAccount default, 1 retry)  [succeeded, 2 attempts]');
    expect(lines.some((l) => /^ {4}retry 1 \(wave 2\): Pod ci-1-build-[a-z0-9]{5}-pod-[0-9a-f]{6}$/.test(l))).toBe(true);
    expect(lines.find((l) => l.startsWith('  test '))).toBe('  test  (Task default/echo, ServiceAccount default)  [failed]');
    expect(lines.find((l) => l.startsWith('  lint '))).toBe('  lint  (Task default/echo, ServiceAccount default)');
    expect(lines).toContain('Never created: deploy [not-run]');
    expect(lines.find((l) => l.startsWith('Result: '))).toMatch(/^Result: False \(Failed\): TaskRun ci-1-test-[a-z0-9]{5} has failed$/);
  });

  test('a failed condition: the task and what follows it skipped, the result a success', async () => {
    const r = await cli('explain', '-f', file('skip.yaml', [condition('ok'), pipeline([pt('a', { conditions: [{ conditionRef: 'ok' }] }), pt('b', { runAfter: ['a'] })]), run()]), '--fail-condition', 'a/ok');
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('  a '))).toBe('  a  (Task default/echo, ServiceAccount default)  [skipped]');
    expect(lines).toContain('    no TaskRun');
    expect(lines).toContain('Never created: b [skipped]');
    expect(lines).toContain('Result: True (Succeeded): All Tasks have completed executing');
  });

  test('mermaid: the marked tasks get their class', async () => {
    const r = await cli('explain', '-f', input(), '--fail', 'test', '-o', 'mermaid');
    const lines = r.stdout.split('\n');
    expect(lines).toContain('  class t1 failed');
    expect(lines).toContain('  class t3 notrun');
    expect(lines.filter((l) => l.startsWith('  class '))).toHaveLength(2);
  });

  test('json: each task with its outcome and attempts', async () => {
    const r = await cli('explain', '-f', input(), '--fail', 'build', '-o', 'json');
    const x = JSON.parse(r.stdout) as { tasks: { name: string; status: string; attempts: number }[]; result: { status: string } };
    expect(x.tasks.map((t) => [t.name, t.status, t.attempts])).toEqual([
      ['build', 'failed', 2],
      ['test', 'not-run', 0],
      ['lint', 'not-run', 0],
      ['deploy', 'not-run', 0],
    ]);
    expect(x.result.status).toBe('False');
  });
});

describe('taskpod status on what a what-if run created', () => {
  /** The what-if run's TaskRuns, each given the status the run ended with (as its PipelineRun lists them), and the condition checks too. */
  async function createdWithStatuses(...args: string[]): Promise<{ readonly pr: Item; readonly taskRuns: Item[] }> {
    const l = await list(...args);
    const pr = l.items.at(-1)!;
    const entries = Object.entries(pr.status?.taskRuns ?? {});
    // A check's entry holds its TaskRun's status but for the step, which is its `check`.
    const checkStatus = (name: string) => {
      const { check: _check, ...rest } = entries.flatMap(([, e]) => Object.entries(e.conditionChecks ?? {})).find(([k]) => k === name)?.[1].status ?? {};
      return rest;
    };
    const statusOf = (name: string) => entries.find(([k]) => k === name)?.[1].status ?? checkStatus(name);
    const taskRuns = l.items.filter((i) => i.kind === 'TaskRun').map((i) => ({ ...i, status: statusOf(i.metadata.name) as Item['status'] }));
    return { pr, taskRuns };
  }

  test.each([
    ['all succeed', []],
    ['a task fails', ['--fail', 'test']],
    ['a retry, then success', ['--fail', 'build:1']],
    ['the retries used', ['--fail', 'build']],
    ['a condition fails', ['--fail-condition', 'deploy/is-main']],
  ])('%s: the PipelineRun as given, with the TaskRuns at their end, gets the same condition', async (_name, args) => {
    const { pr, taskRuns } = await createdWithStatuses('--now', '2019-10-30T09:30:00Z', ...args);
    // The PipelineRun as the user gave it (no status): its status is worked out from the TaskRuns, found by their labels.
    const r = await cli('status', '-f', file('status.yaml', [...docs(), ...taskRuns]), '--now', '2019-10-30T09:30:00Z');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const printed = parse(r.stdout) as Item;
    expect(printed.kind).toBe('PipelineRun');
    expect(succeededOf(printed.status?.conditions)).toEqual(succeededOf(pr.status?.conditions));
    // The finished PipelineRun, as the what-if run left it, stays as it is: done, nothing changed.
    const again = await cli('status', '-f', file('done.yaml', [docs()[1], pr, ...taskRuns], true), '--now', '2019-10-30T10:30:00Z');
    expect(again.code).toBe(0);
    expect((parse(again.stdout) as Item).status).toEqual(pr.status);
  });
});
