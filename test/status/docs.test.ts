/**
 * docs/status.md stays true: every `taskpod status` example prints the
 * status shown under it (up to a `# ...` line where the doc shortens it),
 * and the warning it quotes is the one taskpod gives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

const ROOT = join(__dirname, '..', '..');
const DOC = readFileSync(join(ROOT, 'docs', 'status.md'), 'utf8');
/** The TaskRun part (the PipelineRun part is checked by docs-pipelinerun.test.ts). */
const TASKRUN_PART = DOC.slice(0, DOC.indexOf('\n## PipelineRun status\n'));

async function run(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const EXAMPLE = /```console\n\$ taskpod (status [^\n]+)\n```\n\n```yaml\n([\s\S]*?)```/g;
const examples = [...TASKRUN_PART.matchAll(EXAMPLE)].map((m) => ({ args: m[1]!, shown: m[2]! }));

test('the doc has an example for each outcome', () => {
  expect(examples.map((e) => e.args.match(/pod-(\w+)|taskrun-(\w+)/)?.[0])).toEqual([
    'pod-running',
    'pod-pending',
    'pod-unschedulable',
    'pod-succeeded',
    'pod-failed',
    'pod-running',
    'taskrun-cancelled',
  ]);
});

test.each(examples)('$args', async ({ args, shown }) => {
  const r = await run(args.split(' ').map((a) => (a.startsWith('fixtures/') ? join(ROOT, a) : a)));
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  const status = r.stdout.slice(r.stdout.indexOf('\nstatus:\n') + 1);
  const cut = shown.search(/^ {2}# /m);
  if (cut < 0) expect(status).toBe(shown);
  else expect(status.startsWith(shown.slice(0, cut))).toBe(true);
});

test('the warning quoted for a malformed termination message', async () => {
  const pod = readFileSync(join(ROOT, 'fixtures', 'status', 'pod-succeeded.yaml'), 'utf8').replace(/message: ".*"/, 'message: "Error: no index.json"');
  const { writeFileSync, mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'taskpod-status-doc-'));
  try {
    const file = join(dir, 'pod.yaml');
    writeFileSync(file, pod);
    const r = await run(['status', '-f', join(ROOT, 'fixtures', 'status', 'taskrun.yaml'), '-f', file, '--now', '2019-10-30T10:04:00Z']);
    expect(r.code).toBe(0);
    const line = r.stderr.trimEnd();
    expect(line).toMatch(/^taskpod status: warning: /);
    expect(DOC).toContain(`    ${line}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
