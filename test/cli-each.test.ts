/**
 * `taskpod render --each`: every input under the paths in one run, each
 * result byte-identical to a single `taskpod render` of it, written beside
 * its input or under --out-dir, or compared with --check; refusals reported
 * without stopping the run; a summary line; progress only on a terminal.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main';

const FIXTURES = join(__dirname, '..', 'fixtures');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'taskpod-each-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], tty = false): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stderrIsTTY: tty });
  return { code, stdout, stderr };
}

/** A copy of some fixture cases (input.yaml, config.yaml only) under dir/cases. */
function copyCases(names: readonly string[]): string {
  const root = join(dir, 'cases');
  for (const n of names) {
    for (const f of ['input.yaml', 'config.yaml']) {
      if (existsSync(join(FIXTURES, n, f))) cpSync(join(FIXTURES, n, f), join(root, n, f));
    }
  }
  return root;
}

const TASKRUN = `apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: loose, namespace: default}
spec:
  taskSpec:
    steps:
    - {name: hello, image: ubuntu, command: [echo], args: [hi]}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: default}
`;

describe('render --each over case folders', () => {
  const names = readdirSync(FIXTURES).filter((n) => existsSync(join(FIXTURES, n, 'input.yaml')));

  // A TaskRun case's result is pod.yaml, a PipelineRun case's list.yaml (the List), as taskpod/testing keeps them.
  const resultOf = (n: string) => (existsSync(join(FIXTURES, n, 'list.yaml')) ? 'list.yaml' : 'pod.yaml');

  it('writes each case\'s pod.yaml or list.yaml (or error.txt) with exactly what a single render prints', async () => {
    const root = copyCases(names);
    const r = await run(['render', '--each', root]);
    const refused = names.filter((n) => existsSync(join(FIXTURES, n, 'error.txt')));
    expect(r.stdout).toBe(`${names.length} inputs: ${names.length - refused.length} rendered, ${refused.length} refused; 0 unchanged, ${names.length} changed (written)\n`);
    expect(r.code).toBe(0);
    for (const n of names) {
      const args = ['render', '-f', join(root, n, 'input.yaml'), ...(existsSync(join(root, n, 'config.yaml')) ? ['--config', join(root, n, 'config.yaml')] : [])];
      const single = await run(args);
      if (single.code === 0) {
        expect(readFileSync(join(root, n, resultOf(n)), 'utf8')).toBe(single.stdout);
        expect(existsSync(join(root, n, 'error.txt'))).toBe(false);
      } else {
        // The one-line error, as taskpod/testing records a refused case; reported on stderr too.
        const error = readFileSync(join(root, n, 'error.txt'), 'utf8');
        expect(`taskpod render: ${error}`).toBe(single.stderr);
        expect(r.stderr).toContain(`taskpod render: ${join(root, n)}: ${error}`);
      }
    }
  });

  it('matches the committed golden files of the fixtures (pod.yaml, list.yaml and error.txt)', async () => {
    const root = copyCases(names);
    for (const n of names) for (const f of ['pod.yaml', 'list.yaml', 'error.txt']) if (existsSync(join(FIXTURES, n, f))) cpSync(join(FIXTURES, n, f), join(root, n, f));
    const committed = names.filter((n) => ['pod.yaml', 'list.yaml', 'error.txt'].some((f) => existsSync(join(FIXTURES, n, f))));
    const r = await run(['render', '--each', root, '--check']);
    // Every committed case is unchanged; a case without a committed file (the demo) is reported missing.
    expect(r.stdout).toContain(`; ${committed.length} unchanged, ${names.length - committed.length} changed (differ)\n`);
    for (const n of names.filter((x) => !committed.includes(x))) expect(r.stdout).toContain(`--- ${join(root, n, 'pod.yaml')} (missing)`);
  });

  it('writes pod.json with -o json, under --out-dir at the path relative to the parent of the path given', async () => {
    const root = copyCases(['demo', 'image-entrypoint']);
    const out = join(dir, 'out');
    const r = await run(['render', '--each', root, '-o', 'json', '--out-dir', out]);
    expect(r.code).toBe(0);
    expect(existsSync(join(root, 'demo', 'pod.json'))).toBe(false);
    const single = await run(['render', '-f', join(root, 'image-entrypoint', 'input.yaml'), '--config', join(root, 'image-entrypoint', 'config.yaml'), '-o', 'json']);
    expect(single.code).toBe(0);
    // The case's own config.yaml was used: without it the step's entrypoint is unknown and the render refused.
    expect(readFileSync(join(out, 'cases', 'image-entrypoint', 'pod.json'), 'utf8')).toBe(single.stdout);
    expect(readFileSync(join(out, 'cases', 'demo', 'pod.json'), 'utf8')).toBe((await run(['render', '-f', join(root, 'demo', 'input.yaml'), '-o', 'json'])).stdout);
  });
});

describe('render --each over loose files', () => {
  it('writes NAME.pod.yaml beside NAME.yaml; a second run finds them unchanged and does not read them as inputs', async () => {
    writeFileSync(join(dir, 'a.yaml'), TASKRUN);
    writeFileSync(join(dir, 'b.yml'), TASKRUN.replace('name: loose', 'name: other'));
    const first = await run(['render', '--each', dir]);
    expect(first).toEqual({ code: 0, stdout: '2 inputs: 2 rendered, 0 refused; 0 unchanged, 2 changed (written)\n', stderr: '' });
    expect(readFileSync(join(dir, 'a.pod.yaml'), 'utf8')).toBe((await run(['render', '-f', join(dir, 'a.yaml')])).stdout);
    expect(readFileSync(join(dir, 'b.pod.yaml'), 'utf8')).toContain('name: other-pod-');
    const second = await run(['render', '--each', dir]);
    expect(second.stdout).toBe('2 inputs: 2 rendered, 0 refused; 2 unchanged, 0 changed\n');
  });

  it('--check compares without writing: exit 1 and a unified diff naming the file when a result differs', async () => {
    writeFileSync(join(dir, 'a.yaml'), TASKRUN);
    await run(['render', '--each', join(dir, 'a.yaml')]);
    const pod = join(dir, 'a.pod.yaml');
    const good = readFileSync(pod, 'utf8');
    expect(await run(['render', '--each', dir, '--check'])).toEqual({ code: 0, stdout: '1 input: 1 rendered, 0 refused; 1 unchanged, 0 changed\n', stderr: '' });
    writeFileSync(pod, good.replace('restartPolicy: Never', 'restartPolicy: Always'));
    const r = await run(['render', '--each', dir, '--check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`--- ${pod}\n+++ ${pod} (rendered)\n`);
    expect(r.stdout).toContain('-  restartPolicy: Always\n+  restartPolicy: Never\n');
    expect(r.stdout.endsWith('1 input: 1 rendered, 0 refused; 0 unchanged, 1 changed (differ)\n')).toBe(true);
    expect(readFileSync(pod, 'utf8')).not.toBe(good); // nothing written
    rmSync(pod);
    expect((await run(['render', '--each', dir, '--check'])).code).toBe(1);
    expect(existsSync(pod)).toBe(false);
  });

  it('reports a refused or unreadable input and goes on; exit 1', async () => {
    writeFileSync(join(dir, 'a.yaml'), TASKRUN);
    writeFileSync(join(dir, 'bad.yaml'), 'kind: TaskRun\nmetadata: {name: x}\nspec: {taskRef: {name: missing}}\n');
    writeFileSync(join(dir, 'broken.yaml'), 'a: [\n');
    writeFileSync(join(dir, 'z.yaml'), TASKRUN.replace('name: loose', 'name: last'));
    const r = await run(['render', '--each', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('4 inputs: 2 rendered, 2 refused; 0 unchanged, 2 changed (written)\n');
    const single = await run(['render', '-f', join(dir, 'bad.yaml')]);
    expect(r.stderr).toContain(single.stderr.replace('taskpod render: ', `taskpod render: ${join(dir, 'bad.yaml')}: `));
    expect(r.stderr).toMatch(/broken\.yaml: .*not valid YAML/);
    expect(existsSync(join(dir, 'z.pod.yaml'))).toBe(true);
    expect(existsSync(join(dir, 'bad.pod.yaml'))).toBe(false);
  });
});

describe('render --each: terminal and usage', () => {
  it('draws a progress bar on a terminal only, and clears it', async () => {
    writeFileSync(join(dir, 'a.yaml'), TASKRUN);
    const piped = await run(['render', '--each', dir]);
    expect(piped.stderr).toBe('');
    rmSync(join(dir, 'a.pod.yaml'));
    const tty = await run(['render', '--each', dir], true);
    expect(tty.stderr).toContain('[');
    expect(tty.stderr).toContain('0/1');
    expect(tty.stderr.endsWith('\r\x1b[K')).toBe(true);
    expect(tty.stdout).toBe(piped.stdout);
  });

  it.each([
    [['render', '--each'], '--each needs at least one file or folder'],
    [['render', '--each', '.', '-f', 'x.yaml'], '--each takes paths, not -f'],
    [['render', '-f', 'x.yaml', '--check'], '--check goes with --each'],
    [['render', '-f', 'x.yaml', '--out-dir', 'o'], '--out-dir goes with --each'],
    [['render', '--each', '/no/such/path'], '--each: no such file or folder: /no/such/path'],
    [['render', 'x.yaml'], 'unexpected argument "x.yaml" (files are given with -f)'],
  ])('%j: usage error', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`taskpod render: ${message}`);
  });
});
