/**
 * `taskpod status`: reading the TaskRun and its Pod, --now, the defaults
 * ConfigMap, what it prints and how it refuses.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');
const FIX = join(ROOT, 'fixtures', 'status');
const TASKRUN = join(FIX, 'taskrun.yaml');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'taskpod-status-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

const run = (...argv: string[]) => runCli(argv);

type Printed = { metadata: Record<string, unknown>; spec: Record<string, unknown>; status: { conditions: { reason: string; lastTransitionTime: string; message: string }[]; completionTime?: string; startTime: string } };

describe('taskpod status', () => {
  it('prints the TaskRun as given, with the new status in place of the old', async () => {
    const r = await run('status', '-f', TASKRUN, '-f', join(FIX, 'pod-succeeded.yaml'), '--now', '2019-10-30T10:04:00Z');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const printed = parse(r.stdout) as Printed;
    const given = parse(readFileSync(TASKRUN, 'utf8')) as Printed;
    expect(Object.keys(printed)).toEqual(Object.keys(given));
    expect(printed.spec).toEqual(given.spec);
    expect(printed.metadata).toEqual(given.metadata);
    expect(printed.status.conditions[0]?.reason).toBe('Succeeded');
    expect(printed.status.completionTime).toBe('2019-10-30T10:04:00Z');
  });

  it('-o json prints JSON', async () => {
    const r = await run('status', '-f', TASKRUN, '-f', join(FIX, 'pod-running.yaml'), '--now', '2019-10-30T10:04:00Z', '-o', 'json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Printed).status.conditions[0]?.reason).toBe('Running');
  });

  it('reads a List holding both', async () => {
    const list = JSON.stringify({ kind: 'List', items: [parse(readFileSync(TASKRUN, 'utf8')), parse(readFileSync(join(FIX, 'pod-failed.yaml'), 'utf8'))] });
    const r = await run('status', '-f', file('list.json', list), '--now', '2019-10-30T10:04:00Z');
    expect(r.code).toBe(0);
    expect((parse(r.stdout) as Printed).status.conditions[0]?.reason).toBe('Failed');
  });

  it('--now keeps a fraction of a second for the timeout, and prints whole seconds', async () => {
    const tr = file('tr.yaml', readFileSync(TASKRUN, 'utf8').replace('timeout: 1h0m0s', 'timeout: 10s'));
    const at = await run('status', '-f', tr, '-f', join(FIX, 'pod-running.yaml'), '--now', '2019-10-30T10:00:11.000Z');
    expect((parse(at.stdout) as Printed).status.conditions[0]?.reason).toBe('Running');
    const past = await run('status', '-f', tr, '-f', join(FIX, 'pod-running.yaml'), '--now', '2019-10-30T12:00:11.5+02:00');
    const status = (parse(past.stdout) as Printed).status;
    expect(status.conditions[0]?.reason).toBe('TaskRunTimeout');
    expect(status.completionTime).toBe('2019-10-30T10:00:11Z');
  });

  it('without --now, uses the current time', async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const r = await run('status', '-f', TASKRUN, '-f', join(FIX, 'pod-pending.yaml'));
    const t = Date.parse((parse(r.stdout) as Printed).status.conditions[0]!.lastTransitionTime);
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });

  it('takes the default timeout from config-defaults in tekton-pipelines', async () => {
    const tr = file('no-timeout.yaml', readFileSync(TASKRUN, 'utf8').replace('  timeout: 1h0m0s\n', ''));
    const cm = (ns: string, minutes: string) =>
      file(`cm-${ns}-${minutes}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-defaults\n  namespace: ${ns}\ndata:\n  default-timeout-minutes: "${minutes}"\n`);
    const pod = join(FIX, 'pod-running.yaml');
    const now = ['--now', '2019-10-30T10:20:02Z'];
    expect((parse((await run('status', '-f', tr, '-f', pod, ...now)).stdout) as Printed).status.conditions[0]?.reason).toBe('Running');
    const r = await run('status', '-f', tr, '-f', pod, '-f', cm('tekton-pipelines', '20'), ...now);
    expect((parse(r.stdout) as Printed).status.conditions[0]?.message).toBe('TaskRun "build-images" failed to finish within "20m0s"');
    expect((parse((await run('status', '-f', tr, '-f', pod, '-f', cm('default', '20'), ...now)).stdout) as Printed).status.conditions[0]?.reason).toBe('Running');
    // Tekton could not read the ConfigMap, logged it and kept its defaults (60 minutes): a warning here.
    const bad = await run('status', '-f', tr, '-f', pod, '-f', cm('tekton-pipelines', 'ten'), ...now);
    expect(bad.code).toBe(0);
    expect((parse(bad.stdout) as Printed).status.conditions[0]?.reason).toBe('Running');
    expect(bad.stderr).toMatch(/^taskpod status: warning: ConfigMap tekton-pipelines\/config-defaults: data\["default-timeout-minutes"\]: "ten" is not a whole number of minutes: Tekton could not read this ConfigMap and kept its default/);
  });

  it('writes warnings to standard error', async () => {
    const pod = file('pod.yaml', readFileSync(join(FIX, 'pod-succeeded.yaml'), 'utf8').replace(/message: ".*"/, 'message: "done"'));
    const r = await run('status', '-f', TASKRUN, '-f', pod, '--now', '2019-10-30T10:04:00Z');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^taskpod status: warning: Pod default\/build-images-pod-49805b: status\.containerStatuses\[3\]\.state\.terminated\.message: .*ignored, as Tekton ignored it\n$/);
  });

  it('picks the Pod the TaskRun names among several', async () => {
    const other = file('other.yaml', readFileSync(join(FIX, 'pod-failed.yaml'), 'utf8').replace('name: build-images-pod-49805b', 'name: someone-else'));
    const r = await run('status', '-f', other, '-f', TASKRUN, '-f', join(FIX, 'pod-succeeded.yaml'), '--now', '2019-10-30T10:04:00Z');
    expect(r.code).toBe(0);
    expect((parse(r.stdout) as Printed).status.conditions[0]?.reason).toBe('Succeeded');
  });

  describe('refuses', () => {
    it('input without a TaskRun, or with two', async () => {
      expect(await run('status', '-f', join(FIX, 'pod-running.yaml'))).toEqual({
        code: 1,
        stdout: '',
        stderr: 'taskpod status: input: no TaskRun found: give the TaskRun with -f (kubectl get taskrun NAME -o yaml)\n',
      });
      const r = await run('status', '-f', TASKRUN, '-f', join(FIX, 'taskrun-cancelled.yaml'));
      expect(r.stderr).toBe('taskpod status: input: 2 TaskRuns found (TaskRun default/build-images, TaskRun default/build-images): give exactly one\n');
    });

    it('several Pods none of which the TaskRun names', async () => {
      const a = file('a.yaml', readFileSync(join(FIX, 'pod-failed.yaml'), 'utf8').replace('name: build-images-pod-49805b', 'name: a'));
      const b = file('b.yaml', readFileSync(join(FIX, 'pod-failed.yaml'), 'utf8').replace('name: build-images-pod-49805b', 'name: b'));
      const r = await run('status', '-f', TASKRUN, '-f', a, '-f', b);
      expect(r).toMatchObject({ code: 1, stdout: '' });
      expect(r.stderr).toContain('2 Pods found (Pod default/a, Pod default/b)');
    });

    it('a running TaskRun without its Pod', async () => {
      const r = await run('status', '-f', TASKRUN, '--now', '2019-10-30T10:04:00Z');
      expect(r).toMatchObject({ code: 1, stdout: '' });
      expect(r.stderr).toBe('taskpod status: TaskRun default/build-images: status.podName: the TaskRun is neither done, cancelled nor timed out: its status comes from its Pod, give the Pod\n');
    });

    it('a --now that is not an RFC 3339 time (usage error)', async () => {
      const r = await run('status', '-f', TASKRUN, '--now', 'yesterday');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--now takes an RFC 3339 time such as 2019-10-30T10:00:00Z, not "yesterday"');
    });

    it('a TaskRun whose status does not decode, naming the field', async () => {
      const tr = file('bad.yaml', readFileSync(TASKRUN, 'utf8').replace('startTime: "2019-10-30T10:00:01Z"', 'startTime: soon'));
      const r = await run('status', '-f', tr, '-f', join(FIX, 'pod-running.yaml'));
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('taskpod status: TaskRun default/build-images: status.startTime: invalid RFC 3339 time "soon"\n');
    });
  });
});
