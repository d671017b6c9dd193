/**
 * The CLI on a PipelineRun: `render` prints the List of what was created
 * (JSON or YAML, `--task NAME` for one pipeline task), `--task` without a
 * PipelineRun is a usage error, refusals and warnings go to standard error,
 * and `explain` prints the run as text or a Mermaid flowchart.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { COMMANDS } from '../../src/cli/main';
import { runCli } from '../helpers/cli';
import { toYaml } from '../helpers/render';
import { BASE, condition, pipeline, pt, run, SUFFIX } from './builders';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'taskpod-pipeline-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the documents (plus BASE) as one YAML file; its path. */
function input(name: string, ...docs: unknown[]): string {
  const p = join(dir, name);
  writeFileSync(p, toYaml([...BASE, ...docs]));
  return p;
}

const cli = (...argv: string[]) => runCli(argv);

const usage = (command: string) => COMMANDS.find((c) => c.name === command)!.usage;

/** build, then test guarded by the condition `ok`. */
const twoTasks = () => input('two.yaml', condition('ok'), pipeline([pt('build'), pt('test', { runAfter: ['build'], conditions: [{ conditionRef: 'ok' }] })]), run());

interface Item {
  readonly kind: string;
  readonly metadata: { readonly name: string };
}
/** `Kind name` with the generated parts cut: the Pod's `-pod-<hex>`, then each `-<5 characters>` (a check's is inside its name). */
const names = (items: readonly Item[]) =>
  items.map((i) => `${i.kind} ${i.metadata.name.replace(/-pod-[0-9a-f]{6}$/, '').replace(new RegExp(`${SUFFIX}$`), '').replace(new RegExp(`${SUFFIX}-ok$`), '-ok')}`);

describe('taskpod render on a PipelineRun', () => {
  test('-o json: a List of the claim, then each TaskRun followed by its Pod', async () => {
    const r = await cli('render', '-f', twoTasks(), '-o', 'json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const list = JSON.parse(r.stdout) as { apiVersion: string; kind: string; items: Item[] };
    expect([list.apiVersion, list.kind]).toEqual(['v1', 'List']);
    expect(names(list.items)).toEqual([
      'PersistentVolumeClaim ci-1-pvc',
      'TaskRun ci-1-build',
      'Pod ci-1-build',
      'TaskRun ci-1-test-ok',
      'Pod ci-1-test-ok',
      'TaskRun ci-1-test',
      'Pod ci-1-test',
    ]);
  });

  test('YAML by default, the same List', async () => {
    const file = twoTasks();
    const [yaml, json] = [await cli('render', '-f', file), await cli('render', '-f', file, '-o', 'json')];
    expect(yaml.code).toBe(0);
    expect(yaml.stdout.startsWith('apiVersion: v1\nkind: List\nitems:\n')).toBe(true);
    expect(parse(yaml.stdout, { version: '1.1' })).toEqual(JSON.parse(json.stdout));
  });

  test('--task NAME: only what was created for that pipeline task (its checks, its TaskRun, their Pods)', async () => {
    const file = twoTasks();
    const test = JSON.parse((await cli('render', '-f', file, '--task', 'test', '-o', 'json')).stdout) as { kind: string; items: Item[] };
    expect(test.kind).toBe('List');
    expect(names(test.items)).toEqual(['TaskRun ci-1-test-ok', 'Pod ci-1-test-ok', 'TaskRun ci-1-test', 'Pod ci-1-test']);
    const build = JSON.parse((await cli('render', '-f', file, '--task', 'build', '-o', 'json')).stdout) as { items: Item[] };
    expect(names(build.items)).toEqual(['TaskRun ci-1-build', 'Pod ci-1-build']);
  });

  test('--task naming no pipeline task is a usage error that lists the tasks', async () => {
    const r = await cli('render', '-f', twoTasks(), '--task', 'deploy');
    expect(r).toEqual({ code: 2, stdout: '', stderr: `taskpod render: --task deploy: Pipeline default/ci has no task "deploy" (tasks: build, test)\nUsage: ${usage('render')}\n` });
  });

  test('--task on a TaskRun input is a usage error', async () => {
    const taskRun = { apiVersion: 'tekton.dev/v1alpha1', kind: 'TaskRun', metadata: { name: 'tr', namespace: 'default' }, spec: { taskRef: { name: 'echo' } } };
    const r = await cli('render', '-f', input('taskrun.yaml', taskRun), '--task', 'build');
    expect(r).toEqual({ code: 2, stdout: '', stderr: `taskpod render: --task selects a pipeline task: it needs a PipelineRun (and no TaskRun) in the input\nUsage: ${usage('render')}\n` });
  });

  test('warnings go to standard error, the List still to standard output', async () => {
    const r = await cli('render', '-f', input('warn.yaml', pipeline([pt('a')]), run({ params: [{ name: 'extra', value: 'x' }] })), '-o', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('taskpod render: warning: PipelineRun default/ci-1: spec.params[0].name: Pipeline default/ci declares no param "extra": Tekton ignored it\n');
    expect((JSON.parse(r.stdout) as { items: unknown[] }).items).toHaveLength(3);
  });

  test('a refused PipelineRun: exit 1, one line naming the object and field', async () => {
    const r = await cli('render', '-f', input('missing.yaml', pipeline([pt('a', { taskRef: { name: 'missing' } })]), run()));
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'taskpod render: Pipeline default/ci: spec.tasks[0].taskRef.name: Task "missing" not found in namespace "default"\n' });
  });
});

describe('taskpod explain on a PipelineRun', () => {
  test('-o mermaid: the flowchart', async () => {
    const r = await cli('explain', '-f', twoTasks(), '-o', 'mermaid');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('flowchart LR');
    expect(lines.filter((l) => l.startsWith('  subgraph '))).toEqual(['  subgraph w1["Wave 1"]', '  subgraph w2["Wave 2"]', '  subgraph w3["Wave 3"]']);
    expect(lines).toContain('  t0 -.->|"runAfter"| t1');
    expect(lines).toContain('  t1c0 -.->|"passes"| t1');
    expect(lines.at(-2)).toBe('  storage[("PVC ci-1-pvc<br/>/pvc")]');
  });

  test('text by default; -o json gives the data', async () => {
    const file = twoTasks();
    const text = await cli('explain', '-f', file);
    expect(text.stdout.split('\n').slice(0, 2)).toEqual([
      'PipelineRun default/ci-1 of Pipeline default/ci',
      'Artifacts: PersistentVolumeClaim ci-1-pvc, mounted at /pvc by the steps that copy resources between tasks',
    ]);
    const data = JSON.parse((await cli('explain', '-f', file, '-o', 'json')).stdout) as { edges: unknown[]; waves: { wave: number }[] };
    expect(data.edges).toEqual([{ from: 'build', to: 'test', kind: 'runAfter' }]);
    expect(data.waves.map((w) => w.wave)).toEqual([1, 2, 3]);
  });
});
