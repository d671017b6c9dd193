/**
 * docs/status.md, "PipelineRun status" and "What happens next", stays true:
 * every `taskpod status`, `render` and `explain` example prints what is
 * shown under it — of `status`, the part from `status:`; of `render`, the
 * List's last item (the PipelineRun); of `explain`, all of it — where a
 * line `# ...` stands for lines the doc leaves out, and the doc keeps an
 * example of each outcome.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

const ROOT = join(__dirname, '..', '..');
const DOC = readFileSync(join(ROOT, 'docs', 'status.md'), 'utf8');
const PART = DOC.slice(DOC.indexOf('\n## PipelineRun status\n'));

async function run(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const EXAMPLE = /```console\n\$ taskpod ((status|render|explain) [^\n]+)\n```\n\n```(?:yaml|text)\n([\s\S]*?)```/g;
const examples = [...PART.matchAll(EXAMPLE)].map((m) => ({ args: m[1]!, command: m[2]!, shown: m[3]! }));

/** What the doc shows of a command's output. */
function shownPart(command: string, stdout: string): string {
  if (command === 'status') return stdout.slice(stdout.indexOf('\nstatus:\n') + 1);
  if (command === 'render') return stdout.slice(stdout.lastIndexOf('\n  - kind: PipelineRun\n') + 1);
  return stdout;
}

const CUT = /^ *# \.\.\.(?: \(.*\))?$/;

/**
 * Whether `shown` is `actual` with runs of whole lines left out where it
 * has a `# ...` line: the kept lines come in order, each run of them
 * contiguous in `actual`, starting and ending it unless a cut says not.
 */
function matchesWithCuts(shown: string, actual: string): { ok: true } | { ok: false; at: string } {
  const lines = actual.replace(/\n$/, '').split('\n');
  const doc = shown.replace(/\n$/, '').split('\n');
  const runs: { cutBefore: boolean; lines: string[] }[] = [];
  let cutBefore = false;
  for (const l of doc) {
    if (CUT.test(l)) {
      cutBefore = true;
      continue;
    }
    const last = runs.at(-1);
    if (last !== undefined && !cutBefore) last.lines.push(l);
    else runs.push({ cutBefore, lines: [l] });
    cutBefore = false;
  }
  const cutAtEnd = CUT.test(doc.at(-1) ?? '');
  let pos = 0;
  for (const r of runs) {
    const fits = (at: number) => r.lines.every((l, k) => lines[at + k] === l);
    let at = pos;
    if (r.cutBefore) {
      while (at + r.lines.length <= lines.length && !fits(at)) at++;
      // A cut leaves out at least one line.
      if (at === pos) return { ok: false, at: `a cut that leaves nothing out before: ${r.lines[0]}` };
    }
    if (!fits(at)) return { ok: false, at: r.lines[0]! };
    pos = at + r.lines.length;
  }
  if (!cutAtEnd && pos !== lines.length) return { ok: false, at: `the end: the output goes on with ${lines[pos]}` };
  if (cutAtEnd && pos === lines.length) return { ok: false, at: 'the end: a cut that leaves nothing out' };
  return { ok: true };
}

test('the doc has an example for each outcome', () => {
  const outcome = (args: string) => args.replace(/ -f \S+/g, '').replace(/ --now \S+/, (m) => (args.startsWith('status') ? m : ' --now'));
  expect(examples.map((e) => outcome(e.args))).toEqual([
    'status --now 2019-10-30T10:05:00Z', // still running; what it creates next
    'status --now 2019-10-30T11:00:02Z', // timed out
    'status --now 2019-10-30T10:05:00Z', // cancelled (ship-42-cancelled.yaml)
    'explain', // every task succeeds
    'render --now',
    'explain --fail lint', // a task fails, no retries
    'render --fail lint',
    'explain --fail build:1', // fails, then succeeds on its retry
    'render --fail build:1',
    'explain --fail build', // fails every retry
    'render --fail build',
    'explain --fail-condition deploy/on-branch', // a condition check fails
    'render --fail-condition deploy/on-branch',
  ]);
  expect(examples[2]!.args).toContain('fixtures/status/ship-42-cancelled.yaml');
});

test.each(examples)('$args', async ({ args, command, shown }) => {
  const r = await run(args.split(' ').map((a) => (a.startsWith('fixtures/') ? join(ROOT, a) : a)));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(matchesWithCuts(shown, shownPart(command, r.stdout))).toEqual({ ok: true });
});

describe('the cut-aware comparison', () => {
  const actual = 'a\nb\nc\nd\ne\n';
  test.each([
    ['a\nb\nc\nd\ne\n', true],
    ['a\n# ...\nd\ne\n', true],
    ['a\nb\n  # ... (c and d)\ne\n', true],
    ['a\n# ...\nc\ne\n', false], // d is left out with no cut
    ['a\nb\n# ...\n', true],
    ['a\nb\n', false], // the output goes on
    ['a\nc\n', false], // b left out, no cut
    ['# ...\nc\nd\ne\n', true],
    ['# ...\na\nb\nc\nd\ne\n', false], // a leading cut that leaves nothing out
    ['b\nc\nd\ne\n', false], // a left out, no cut
    ['a\n# ...\nb\nc\nd\ne\n', false], // a cut that leaves nothing out
    ['a\nx\n# ...\n', false],
  ])('%j', (shown, ok) => {
    expect(matchesWithCuts(shown, actual).ok).toBe(ok);
  });
});
