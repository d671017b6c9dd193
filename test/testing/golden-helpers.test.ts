/**
 * The golden-file helpers of `taskpod/testing`: the unified diff (checked
 * against GNU diff), and checkGolden's match, mismatch, missing, update and
 * error cases in a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkGolden, checkGoldenCases, expectGolden, findGoldenCases, goldenFailure, toGoldenYaml, unifiedDiff } from '../../src/testing';

const INPUT = `apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: run, namespace: default}
spec:
  taskSpec:
    steps:
    - {name: a, image: busybox, command: [echo, hi]}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: default}
`;

describe('unifiedDiff', () => {
  test('equal texts give no diff', () => {
    expect(unifiedDiff('a\n', 'a\n')).toBe('');
  });

  test('one changed line', () => {
    expect(unifiedDiff('a\nb\nc\n', 'a\nx\nc\n', 'pod.yaml', 'rendered')).toBe('--- pod.yaml\n+++ rendered\n@@ -1,3 +1,3 @@\n a\n-b\n+x\n c\n');
  });

  test('a missing final newline is reported', () => {
    expect(unifiedDiff('a\n', 'a')).toContain('does not end with a newline');
  });

  const gnuDiff = spawnSync('diff', ['--version']).status === 0;
  (gnuDiff ? test : test.skip)('hunks match GNU diff -u', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taskpod-diff-'));
    try {
      const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 30 });
      fc.assert(
        fc.property(lines, lines, (xs, ys) => {
          const a = xs.map((x) => `${x}\n`).join('');
          const b = ys.map((y) => `${y}\n`).join('');
          writeFileSync(join(dir, 'a'), a);
          writeFileSync(join(dir, 'b'), b);
          const gnu = spawnSync('diff', ['-u', '--label', 'A', '--label', 'B', join(dir, 'a'), join(dir, 'b')], { encoding: 'utf8' }).stdout;
          const ours = unifiedDiff(a, b, 'A', 'B');
          // Both are minimal edit scripts; they may pick different ones, so compare what they claim.
          const count = (d: string, c: string) => d.split('\n').filter((l) => l.startsWith(c) && !l.startsWith(`${c}${c}${c}`)).length;
          expect(count(ours, '-')).toBe(count(gnu, '-'));
          expect(count(ours, '+')).toBe(count(gnu, '+'));
          expect(applyDiff(a, ours)).toBe(b);
        }),
        { numRuns: 60 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Applies a unified diff to `a` (hunk headers give the positions). */
function applyDiff(a: string, diff: string): string {
  const src = a === '' ? [] : a.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  let at = 0;
  const lines = diff.split('\n').slice(2);
  for (let i = 0; i < lines.length; i++) {
    const m = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(lines[i]!);
    if (m === null) continue;
    const count = m[2] === undefined ? 1 : Number(m[2]);
    const start = count === 0 ? Number(m[1]) : Number(m[1]) - 1;
    while (at < start) out.push(src[at++]!);
    for (i++; i < lines.length && !lines[i]!.startsWith('@@') && lines[i] !== ''; i++) {
      const op = lines[i]![0];
      const text = lines[i]!.slice(1);
      if (op === ' ') { out.push(text); at++; } else if (op === '-') at++; else out.push(text);
    }
    i--;
  }
  while (at < src.length) out.push(src[at++]!);
  return out.map((l) => `${l}\n`).join('');
}

describe('golden cases', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'taskpod-golden-'));
    mkdirSync(join(root, 'ok'));
    writeFileSync(join(root, 'ok', 'input.yaml'), INPUT);
    mkdirSync(join(root, 'refused'));
    writeFileSync(join(root, 'refused', 'input.yaml'), INPUT.replace(/command: \[echo, hi\]/, ''));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('finds the case folders, sorted', () => {
    expect(findGoldenCases(root)).toEqual([join(root, 'ok'), join(root, 'refused')]);
  });

  test('a missing file fails unless creation is asked for', () => {
    const r = checkGolden(join(root, 'ok'), { update: false, createMissing: false });
    expect(r.status).toBe('missing');
    expect(goldenFailure(r)).toContain('pod.yaml is missing');
    expect(existsSync(join(root, 'ok', 'pod.yaml'))).toBe(false);
  });

  test('created, then matches; a change shows as a unified diff; update rewrites', () => {
    const dir = join(root, 'ok');
    expect(checkGolden(dir, { update: false, createMissing: true }).status).toBe('created');
    const text = readFileSync(join(dir, 'pod.yaml'), 'utf8');
    expect(text).toMatch(/^kind: Pod\napiVersion: v1\n/);
    expect(checkGolden(dir, { update: false, createMissing: false }).status).toBe('match');
    writeFileSync(join(dir, 'pod.yaml'), text.replace('restartPolicy: Never', 'restartPolicy: Always'));
    const r = checkGolden(dir, { update: false, createMissing: false, root });
    expect(r.status).toBe('mismatch');
    expect(r.diff).toContain('-  restartPolicy: Always\n+  restartPolicy: Never\n');
    expect(() => expectGolden(dir, { update: false, createMissing: false, root })).toThrow(/ok: the rendered output differs[\s\S]*\+  restartPolicy: Never/);
    expect(checkGolden(dir, { update: true }).status).toBe('updated');
    expect(readFileSync(join(dir, 'pod.yaml'), 'utf8')).toBe(text);
  });

  test('a refused render is compared with error.txt', () => {
    const dir = join(root, 'refused');
    const r = checkGolden(dir, { update: true });
    expect(r.status).toBe('created');
    expect(r.file).toBe(join(dir, 'error.txt'));
    expect(readFileSync(r.file, 'utf8')).toMatch(/^TaskRun default\/run: .*imageEntrypoints.*\n$/);
    expect(checkGolden(dir, { update: false }).status).toBe('match');
  });

  test('UPDATE_GOLDEN=1 turns update mode on', () => {
    const saved = process.env.UPDATE_GOLDEN;
    process.env.UPDATE_GOLDEN = '1';
    try {
      expect(checkGoldenCases(root).map((r) => r.status)).toEqual(['created', 'created']);
    } finally {
      if (saved === undefined) delete process.env.UPDATE_GOLDEN;
      else process.env.UPDATE_GOLDEN = saved;
    }
  });

  test('a PipelineRun case is pinned by list.yaml, the List of everything created; a refusal replaces it with error.txt', () => {
    const dir = join(root, 'pipeline');
    mkdirSync(dir);
    const task = 'apiVersion: tekton.dev/v1alpha1\nkind: Task\nmetadata: {name: echo}\nspec:\n  steps:\n  - {name: a, image: busybox, command: [echo, hi]}\n';
    const pr = 'apiVersion: tekton.dev/v1alpha1\nkind: PipelineRun\nmetadata: {name: pr}\nspec:\n  pipelineSpec:\n    tasks:\n    - {name: one, taskRef: {name: echo}}\n';
    const sa = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default}\n';
    writeFileSync(join(dir, 'input.yaml'), [task, pr, sa].join('---\n'));
    const r = checkGolden(dir, { update: true });
    expect([r.status, r.file]).toEqual(['created', join(dir, 'list.yaml')]);
    const text = readFileSync(r.file, 'utf8');
    expect(text).toMatch(/^apiVersion: v1\nkind: List\nitems:\n  - kind: PersistentVolumeClaim\n/);
    expect(text.match(/^ {2}- kind: (\w+)/gm)).toEqual(['  - kind: PersistentVolumeClaim', '  - kind: TaskRun', '  - kind: Pod']);
    expect(checkGolden(dir, { update: false }).status).toBe('match');
    writeFileSync(join(dir, 'input.yaml'), [task, pr].join('---\n')); // no ServiceAccount: the TaskRun gets no Pod
    const refused = checkGolden(dir, { update: false, createMissing: false });
    expect([refused.status, refused.file]).toEqual(['mismatch', join(dir, 'error.txt')]);
    expect(checkGolden(dir, { update: true }).status).toBe('updated');
    expect(existsSync(join(dir, 'list.yaml'))).toBe(false);
    expect(readFileSync(join(dir, 'error.txt'), 'utf8')).toMatch(/^TaskRun default\/pr-one-\w{5}: spec.serviceAccountName: ServiceAccount "default" not found/);
  });

  test('toGoldenYaml sorts keys on request', () => {
    expect(toGoldenYaml({ b: 1, a: { d: 2, c: 3 } }, true)).toBe('a:\n  c: 3\n  d: 2\nb: 1\n');
  });
});
