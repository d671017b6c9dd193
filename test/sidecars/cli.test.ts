import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { runCli } from '../helpers/cli';
import { NOP, PHASES, podJson } from './fixtures';
import { INPUT_YAML } from './render-input';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'taskpod-sidecars-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

const run = (...argv: string[]) => runCli(argv);

const TASK_WITH_SLEEPER = `
apiVersion: tekton.dev/v1alpha1
kind: Task
metadata:
  name: with-sleeper
spec:
  steps:
    - name: s
      image: busybox
      command: ["true"]
  sidecars:
    - name: sleeper
      image: busybox
      command: ["/bin/sh", "-c", "sleep infinity"]
    - name: dind
      image: docker:dind
`;

describe('taskpod ready', () => {
  it('prints the patch for a Pod whose sidecars are ready', async () => {
    const r = await run('ready', '-f', file('ready.json', podJson(PHASES.ready())), '-o', 'patch');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ op: 'add', path: '/metadata/annotations/tekton.dev~1ready', value: 'READY' }]);
    expect(r.stderr).toBe('');
  });

  it('prints the whole Pod, newer fields kept', async () => {
    const r = await run('ready', '-f', file('ready2.json', podJson(PHASES.ready())), '-o', 'json');
    const pod = JSON.parse(r.stdout);
    expect(pod.metadata.annotations).toEqual({ 'pipeline.tekton.dev/release': 'v0.8.0', 'tekton.dev/ready': 'READY' });
    expect(pod.spec.enableServiceLinks).toBe(false);
    expect(pod.spec.containers[2].startupProbe).toEqual({ tcpSocket: { port: 5432 } });
    expect(pod.metadata.managedFields).toBeDefined();
  });

  it('reads YAML from a file (timestamps quoted, as kubectl prints them) and prints YAML by default', async () => {
    const yaml = stringify(podJson(PHASES.ready()), { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
    const r = await run('ready', '-f', file('ready.yaml', yaml));
    expect(r.stderr).toBe('');
    expect(parse(r.stdout).metadata.annotations['tekton.dev/ready']).toBe('READY');
  });

  it('changes nothing while the sidecars start, and says why', async () => {
    const r = await run('ready', '-f', file('starting.json', podJson(PHASES.sidecarsStarting())), '-o', 'patch');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.stderr).toMatch(/warning: Pod ci\/run-pod-abcde: sidecars not ready: sidecar "db" is running but not ready/);
  });

  it('refuses an input without exactly one Pod', async () => {
    const none = await run('ready', '-f', file('task.yaml', TASK_WITH_SLEEPER));
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no Pod found/);
    const two = await run('ready', '-f', file('a.json', podJson(PHASES.ready())), '-f', file('b.json', podJson(PHASES.ready())));
    expect(two.code).toBe(1);
    expect(two.stderr).toMatch(/2 Pods found/);
  });

  it('rejects an unknown output format', async () => {
    expect((await run('ready', '-f', file('r.json', podJson(PHASES.ready())), '-o', 'xml')).code).toBe(2);
  });
});

describe('taskpod stop-sidecars', () => {
  it('swaps the running sidecars for the default nop image', async () => {
    const r = await run('stop-sidecars', '-f', file('done.json', podJson(PHASES.stepsDone())), '-o', 'patch');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).filter((o: { op: string }) => o.op === 'replace').map((o: { value: string }) => o.value)).toEqual([NOP, NOP]);
    expect(r.stderr).toBe('');
  });

  it('takes --nop and warns when the nop image holds a sidecar\'s command', async () => {
    const r = await run('stop-sidecars', '-f', file('done2.json', podJson(PHASES.stepsDone())), '--nop', 'my/nop:1', '--nop-contains', '/usr/local/bin/envoy', '-o', 'json');
    const pod = JSON.parse(r.stdout);
    expect(pod.spec.containers.map((c: { image: string }) => c.image)).toEqual(['golang:1.13', 'golang:1.13', 'my/nop:1', 'my/nop:1']);
    expect(r.stderr).toMatch(/warning: Pod ci\/run-pod-abcde: sidecar "proxy" will not stop/);
  });

  it('says when there is nothing to stop, and when the steps are still running', async () => {
    const pending = await run('stop-sidecars', '-f', file('pending.json', podJson(PHASES.pending())), '-o', 'patch');
    expect(JSON.parse(pending.stdout)).toEqual([]);
    expect(pending.stderr).toMatch(/nothing to stop: the Pod is in phase Pending/);
    const early = await run('stop-sidecars', '-f', file('early.json', podJson(PHASES.ready())), '-o', 'patch');
    expect(early.stderr).toMatch(/not every step has finished/);
  });

  it('is idempotent across runs', async () => {
    const once = await run('stop-sidecars', '-f', file('once.json', podJson(PHASES.stepsDone())), '-o', 'json');
    const twice = await run('stop-sidecars', '-f', file('twice.json', once.stdout), '-o', 'patch');
    expect(JSON.parse(twice.stdout)).toEqual([]);
    expect(twice.stderr).toMatch(/every running sidecar already runs/);
  });

  it('wants absolute paths in --nop-contains', async () => {
    const r = await run('stop-sidecars', '-f', file('x.json', podJson(PHASES.stepsDone())), '--nop-contains', 'sh');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/absolute path/);
  });
});

describe('taskpod lint', () => {
  it('flags a /bin/sh sidecar against a nop image with /bin/sh, exit 1', async () => {
    const r = await run('lint', '-f', file('sleeper.yaml', TASK_WITH_SLEEPER), '--nop-contains', '/bin/sh');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Task default\/with-sleeper: sidecar "sleeper": keeps running: its command "\/bin\/sh" resolves to \/bin\/sh/m);
    expect(r.stdout).not.toMatch(/"dind"/);
    expect(r.stdout).toMatch(/1 sidecar would keep running; 2 sidecars checked/);
  });

  it("passes against Tekton's own nop image", async () => {
    const r = await run('lint', '-f', file('sleeper2.yaml', TASK_WITH_SLEEPER));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: no sidecar would keep running; 2 sidecars checked against the nop image gcr.io\/tekton-releases/m);
  });

  it("cannot tell for an operator's nop image of unknown contents", async () => {
    const cfg = file('config.yaml', 'images:\n  nop: registry.example.com/nop:ubi\n');
    const r = await run('lint', '-f', file('sleeper3.yaml', TASK_WITH_SLEEPER), '--config', cfg);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/sidecar "sleeper": cannot tell/);
    expect(r.stdout).toMatch(/\(contents unknown\)/);
  });

  it('lints the rendered Pod of a TaskRun, as JSON', async () => {
    const r = await run('lint', '-f', file('input.yaml', INPUT_YAML), '--nop-contains', '/bin/sh', '-o', 'json');
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout);
    expect(findings.map((f: { sidecar: string; verdict: string }) => [f.sidecar, f.verdict])).toEqual([
      ['server', 'stops'],
      ['web', 'keeps-running'],
    ]);
    for (const f of findings) expect(f.object).toMatch(/^Pod ci\/with-sidecars-pod-[a-z0-9]+ \(rendered\)$/);
  });

  it('lints live Pods too', async () => {
    const r = await run('lint', '-f', file('live.json', podJson(PHASES.ready())), '--nop-contains', '/usr/local/bin/envoy');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Pod ci\/run-pod-abcde: sidecar "proxy": keeps running/);
  });

  it('refuses an input with nothing to lint', async () => {
    const r = await run('lint', '-f', file('sa.yaml', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: x\n'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing to lint/);
  });
});

describe('taskpod render and sidecars', () => {
  it('--sidecars native prints init containers with restartPolicy: Always', async () => {
    const r = await run('render', '-f', file('in.yaml', INPUT_YAML), '--sidecars', 'native', '-o', 'json');
    expect(r.code).toBe(0);
    const pod = JSON.parse(r.stdout);
    expect(pod.spec.containers.map((c: { name: string }) => c.name)).toEqual(['step-client', 'step-check']);
    expect(pod.spec.initContainers.slice(-2).map((c: { name: string; restartPolicy: string }) => [c.name, c.restartPolicy])).toEqual([
      ['server', 'Always'],
      ['web', 'Always'],
    ]);
    expect(r.stderr).toBe('');
  });

  it('--sidecars native in YAML too', async () => {
    const r = await run('render', '-f', file('in2.yaml', INPUT_YAML), '--sidecars', 'native');
    expect(parse(r.stdout).spec.initContainers.at(-1).restartPolicy).toBe('Always');
  });

  it('the default is unchanged and warns only about sidecars at risk', async () => {
    const plain = await run('render', '-f', file('in3.yaml', INPUT_YAML), '-o', 'json');
    const nop = await run('render', '-f', file('in4.yaml', INPUT_YAML), '--sidecars', 'nop', '-o', 'json');
    expect(plain.stdout).toBe(nop.stdout);
    expect(plain.stderr).toBe('');
    const risky = await run('render', '-f', file('in5.yaml', INPUT_YAML), '--nop-contains', '/bin/sh', '-o', 'json');
    expect(risky.code).toBe(0);
    expect(risky.stdout).toBe(plain.stdout);
    expect(risky.stderr).toMatch(/^taskpod render: warning: TaskRun ci\/with-sidecars: spec\.taskSpec\.sidecars\[1\]: sidecar "web" will not stop when its image is swapped for the nop image/);
    expect(risky.stderr).not.toMatch(/"server"/);
    const native = await run('render', '-f', file('in6.yaml', INPUT_YAML), '--nop-contains', '/bin/sh', '--sidecars', 'native');
    expect(native.stderr).toBe('');
  });

  it('rejects an unknown --sidecars mode', async () => {
    const r = await run('render', '-f', file('in7.yaml', INPUT_YAML), '--sidecars', 'sometimes');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--sidecars takes nop or native/);
  });
});

describe('help', () => {
  it('lists the sidecar commands', async () => {
    const r = await run('--help');
    for (const c of ['lint', 'ready', 'stop-sidecars']) expect(r.stdout).toContain(`  ${c}`);
    for (const c of ['lint', 'ready', 'stop-sidecars']) expect((await run(c, '--help')).code).toBe(0);
  });
});
