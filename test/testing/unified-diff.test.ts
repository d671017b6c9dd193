/**
 * unifiedDiff in detail: the `diff -u` format (hunk headers, line numbers,
 * context, when hunks merge), the texts that differ only in their final
 * newline, and, for every pair of short texts, a check against an
 * independent oracle: the diff applies, is minimal (as many lines removed
 * and added as a longest common subsequence implies) and its hunks are well
 * formed. The expected hunks of the fixed cases are what GNU diff -u prints
 * for the same texts (GNU diffutils 3.x, where the minimal edit is unique).
 */
import { unifiedDiff } from '../../src/testing';

/** Lines "1".."n", each ending in a newline, with some lines replaced. */
function numbered(n: number, replace: Readonly<Record<number, string>> = {}): string {
  return Array.from({ length: n }, (_, i) => `${replace[i + 1] ?? i + 1}\n`).join('');
}

describe('unifiedDiff: the diff -u format', () => {
  it('labels the texts "expected" and "actual" unless told otherwise', () => {
    expect(unifiedDiff('a\n', 'b\n')).toBe('--- expected\n+++ actual\n@@ -1 +1 @@\n-a\n+b\n');
    expect(unifiedDiff('a\n', 'b\n', 'pod.yaml')).toBe('--- pod.yaml\n+++ actual\n@@ -1 +1 @@\n-a\n+b\n');
  });

  it('gives up to 3 lines of context around a change, no more, at the start, the middle and the end of a text', () => {
    const ten = numbered(10);
    expect(unifiedDiff(ten, numbered(10, { 1: 'X' }), 'A', 'B')).toBe('--- A\n+++ B\n@@ -1,4 +1,4 @@\n-1\n+X\n 2\n 3\n 4\n');
    expect(unifiedDiff(ten, numbered(10, { 5: 'X' }), 'A', 'B')).toBe('--- A\n+++ B\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+X\n 6\n 7\n 8\n');
    expect(unifiedDiff(ten, numbered(10, { 10: 'X' }), 'A', 'B')).toBe('--- A\n+++ B\n@@ -7,4 +7,4 @@\n 7\n 8\n 9\n-10\n+X\n');
  });

  it('merges two changes into one hunk when at most 6 unchanged lines (twice the context) separate them', () => {
    const twenty = numbered(20);
    expect(unifiedDiff(twenty, numbered(20, { 2: 'X', 9: 'Y' }), 'A', 'B')).toBe(
      '--- A\n+++ B\n@@ -1,12 +1,12 @@\n 1\n-2\n+X\n 3\n 4\n 5\n 6\n 7\n 8\n-9\n+Y\n 10\n 11\n 12\n',
    );
  });

  it('keeps two hunks when 7 unchanged lines separate the changes', () => {
    const twenty = numbered(20);
    expect(unifiedDiff(twenty, numbered(20, { 2: 'X', 10: 'Y' }), 'A', 'B')).toBe(
      '--- A\n+++ B\n@@ -1,5 +1,5 @@\n 1\n-2\n+X\n 3\n 4\n 5\n@@ -7,7 +7,7 @@\n 7\n 8\n 9\n-10\n+Y\n 11\n 12\n 13\n',
    );
  });

  it('takes the number of context lines as its last argument', () => {
    const twenty = numbered(20);
    const changed = numbered(20, { 2: 'X', 10: 'Y' });
    expect(unifiedDiff(twenty, changed, 'A', 'B', 0)).toBe('--- A\n+++ B\n@@ -2 +2 @@\n-2\n+X\n@@ -10 +10 @@\n-10\n+Y\n');
    expect(unifiedDiff(twenty, changed, 'A', 'B', 1)).toBe('--- A\n+++ B\n@@ -1,3 +1,3 @@\n 1\n-2\n+X\n 3\n@@ -9,3 +9,3 @@\n 9\n-10\n+Y\n 11\n');
  });

  it('writes a side with no lines as "LINE,0", LINE being the line before it', () => {
    expect(unifiedDiff('', '1\n2\n', 'A', 'B')).toBe('--- A\n+++ B\n@@ -0,0 +1,2 @@\n+1\n+2\n');
    expect(unifiedDiff('1\n2\n', '', 'A', 'B')).toBe('--- A\n+++ B\n@@ -1,2 +0,0 @@\n-1\n-2\n');
    expect(unifiedDiff('1\n3\n', '1\n2\n3\n', 'A', 'B', 0)).toBe('--- A\n+++ B\n@@ -1,0 +2 @@\n+2\n');
    expect(unifiedDiff('1\n2\n3\n', '1\n3\n', 'A', 'B', 0)).toBe('--- A\n+++ B\n@@ -2 +1,0 @@\n-2\n');
  });

  it('says which text ends with a newline when that is the only difference, both ways', () => {
    expect(unifiedDiff('a\nb', 'a\nb\n', 'pod.yaml', 'rendered')).toBe('--- pod.yaml\n+++ rendered\n@@ pod.yaml does not end with a newline, rendered ends with a newline @@\n');
    expect(unifiedDiff('a\n', 'a', 'pod.yaml', 'rendered')).toBe('--- pod.yaml\n+++ rendered\n@@ pod.yaml ends with a newline, rendered does not end with a newline @@\n');
  });

  it('treats an empty text as no lines, and a lone newline as one empty line', () => {
    expect(unifiedDiff('', '\n', 'A', 'B')).toBe('--- A\n+++ B\n@@ -0,0 +1 @@\n+\n');
  });
});

// ---------------------------------------------------------------------------
// The oracle: every pair of short texts
// ---------------------------------------------------------------------------

/** Length of a longest common subsequence (dynamic programming). */
function lcs(a: readonly string[], b: readonly string[]): number {
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
  return t[0]![0]!;
}

interface Hunk {
  readonly aStart: number; // 1-based first line (or the line before, when aCount is 0)
  readonly aCount: number;
  readonly bStart: number;
  readonly bCount: number;
  readonly lines: readonly string[];
}

/** Parses a unified diff strictly; throws on anything malformed. */
function parseDiff(diff: string): Hunk[] {
  const lines = diff.split('\n');
  if (lines.pop() !== '') throw new Error('no final newline');
  if (lines[0] !== '--- A' || lines[1] !== '+++ B') throw new Error(`bad labels: ${lines.slice(0, 2).join(' / ')}`);
  const hunks: Hunk[] = [];
  for (let i = 2; i < lines.length; ) {
    const m = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/.exec(lines[i]!);
    if (m === null) throw new Error(`bad hunk header: ${lines[i]}`);
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith('@@'); i++) body.push(lines[i]!);
    hunks.push({ aStart: Number(m[1]), aCount: m[2] === undefined ? 1 : Number(m[2]), bStart: Number(m[3]), bCount: m[4] === undefined ? 1 : Number(m[4]), lines: body });
  }
  return hunks;
}

/** Checks `diff` from `a` to `b` against the rules of diff -u with `context` lines; returns what is wrong, or ''. */
function problems(a: readonly string[], b: readonly string[], diff: string, context: number): string {
  const hunks = parseDiff(diff);
  if (hunks.length === 0) return 'no hunk for different texts';
  const out: string[] = [];
  let at = 0; // 0-based next line of a
  let removed = 0;
  let added = 0;
  let prevTrail = 0;
  for (const [h, hunk] of hunks.entries()) {
    const start = hunk.aCount === 0 ? hunk.aStart : hunk.aStart - 1;
    if (start < at) return `hunk ${h} overlaps the previous one`;
    const ops = hunk.lines.map((l) => l[0]);
    if (ops.some((o) => o !== ' ' && o !== '-' && o !== '+')) return `hunk ${h} has a line without an operation`;
    if (ops.filter((o) => o !== '+').length !== hunk.aCount || ops.filter((o) => o !== '-').length !== hunk.bCount) return `hunk ${h}'s header counts are wrong`;
    const lead = ops.findIndex((o) => o !== ' ');
    const trail = [...ops].reverse().findIndex((o) => o !== ' ');
    if (lead < 0) return `hunk ${h} changes nothing`;
    // Two hunks are separate only when more than twice the context lies unchanged between their changes.
    const between = prevTrail + (start - at) + lead;
    if (h > 0 && between <= 2 * context) return `hunks ${h - 1} and ${h} have ${between} unchanged lines between their changes, and should be one`;
    prevTrail = trail;
    while (at < start) out.push(a[at++]!);
    if ((hunk.bCount === 0 ? hunk.bStart : hunk.bStart - 1) !== out.length) return `hunk ${h} starts at the wrong line of the new text`;
    if (lead > context || trail > context) return `hunk ${h} has more than ${context} lines of context`;
    const isFirst = h === 0;
    const isLast = h === hunks.length - 1;
    if (!isFirst || start > 0) if (lead < Math.min(context, start)) return `hunk ${h} has too little leading context`;
    for (const l of hunk.lines) {
      const text = l.slice(1);
      if (l[0] === '+') {
        out.push(text);
        added++;
        continue;
      }
      if (a[at] !== text) return `hunk ${h} quotes line ${at + 1} of the old text wrongly`;
      at++;
      if (l[0] === ' ') out.push(text);
      else removed++;
    }
    if (isLast && trail < Math.min(context, a.length - at)) return `the last hunk has too little trailing context`;
  }
  while (at < a.length) out.push(a[at++]!);
  if (out.join('\n') !== b.join('\n') || out.length !== b.length) return 'applying the diff does not give the new text';
  const common = lcs(a, b);
  if (removed !== a.length - common || added !== b.length - common) return `not minimal: -${removed} +${added}, expected -${a.length - common} +${b.length - common}`;
  return '';
}

/** Every sequence of `alphabet` of length 0 to `max`. */
function sequences(alphabet: readonly string[], max: number): string[][] {
  const out: string[][] = [[]];
  for (let len = 1, last: string[][] = [[]]; len <= max; len++) {
    last = last.flatMap((s) => alphabet.map((c) => [...s, c]));
    out.push(...last);
  }
  return out;
}

const text = (lines: readonly string[]) => lines.map((l) => `${l}\n`).join('');

describe('unifiedDiff: every pair of short texts', () => {
  it('over two letters, up to 5 lines, with 1 line of context: applies, is minimal, hunks well formed', () => {
    const all = sequences(['a', 'b'], 5);
    const failures: string[] = [];
    for (const a of all) {
      for (const b of all) {
        if (a.join() === b.join() && a.length === b.length) continue;
        const why = problems(a, b, unifiedDiff(text(a), text(b), 'A', 'B', 1), 1);
        if (why !== '') failures.push(`${a.join('')} -> ${b.join('')}: ${why}`);
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('over three letters, up to 3 lines, with the default 3 lines of context and with none', () => {
    const all = sequences(['a', 'b', 'c'], 3);
    const failures: string[] = [];
    for (const a of all) {
      for (const b of all) {
        if (a.join() === b.join() && a.length === b.length) continue;
        for (const context of [3, 0]) {
          const diff = context === 3 ? unifiedDiff(text(a), text(b), 'A', 'B') : unifiedDiff(text(a), text(b), 'A', 'B', 0);
          const why = problems(a, b, diff, context);
          if (why !== '') failures.push(`${a.join('')} -> ${b.join('')} (context ${context}): ${why}`);
        }
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('long texts: one hunk per change, 3 lines of context each, changes 2 lines apart in one hunk', () => {
    // Lines 8, 23, 38 and 53 (1-based) change and line 41 goes.
    const a = Array.from({ length: 60 }, (_, i) => `line ${i + 1}`);
    const b = a.map((l, i) => (i % 15 === 7 ? `${l} changed` : l)).filter((_, i) => i !== 40);
    const diff = unifiedDiff(text(a), text(b), 'A', 'B');
    expect(problems(a, b, diff, 3)).toBe('');
    expect(parseDiff(diff).map((h) => [h.aStart, h.aCount, h.bStart, h.bCount])).toEqual([
      [5, 7, 5, 7],
      [20, 7, 20, 7],
      [35, 10, 35, 9],
      [50, 7, 49, 7],
    ]);
  });
});
