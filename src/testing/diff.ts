/**
 * A unified diff of two texts, line by line (Myers' O(ND) algorithm), for
 * golden-file failures a reader can act on.
 *
 * @packageDocumentation
 */

/** One line of an edit script: kept, removed from the expected text, or added by the actual one. */
interface Edit {
  readonly op: ' ' | '-' | '+';
  readonly line: string;
  /** 0-based line numbers in the old and new text (of the next line for the other side). */
  readonly a: number;
  readonly b: number;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The shortest edit script from `a` to `b` (Myers 1986, with the trace kept for backtracking). */
function editScript(a: readonly string[], b: readonly string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = max === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  trace.push(v.slice());
  // Backtrack from (n, m).
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      edits.push({ op: ' ', line: a[x]!, a: x, b: y });
    }
    if (d === 0) break;
    if (x === prevX) {
      y--;
      edits.push({ op: '+', line: b[y]!, a: x, b: y });
    } else {
      x--;
      edits.push({ op: '-', line: a[x]!, a: x, b: y });
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    edits.push({ op: ' ', line: a[x]!, a: x, b: y });
  }
  return edits.reverse();
}

const range = (start: number, count: number): string => (count === 1 ? `${start + 1}` : `${count === 0 ? start : start + 1},${count}`);

/**
 * A unified diff (`diff -u` format, `context` lines around each change) from
 * `expected` to `actual`; `''` when the texts are equal.
 *
 * @example
 * ```ts
 * unifiedDiff('a\nb\n', 'a\nc\n', 'pod.yaml', 'rendered');
 * // '--- pod.yaml\n+++ rendered\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n'
 * ```
 *
 * @public
 */
export function unifiedDiff(expected: string, actual: string, expectedLabel = 'expected', actualLabel = 'actual', context = 3): string {
  if (expected === actual) return '';
  const a = splitLines(expected);
  const b = splitLines(actual);
  const edits = editScript(a, b);
  const out = [`--- ${expectedLabel}`, `+++ ${actualLabel}`];
  const changed = edits.map((e, i) => (e.op !== ' ' ? i : -1)).filter((i) => i >= 0);
  if (changed.length === 0) {
    // Same lines, different line ends (a final newline).
    const tail = (t: string) => (t.endsWith('\n') ? 'ends with a newline' : 'does not end with a newline');
    return `${out.join('\n')}\n@@ ${expectedLabel} ${tail(expected)}, ${actualLabel} ${tail(actual)} @@\n`;
  }
  let i = 0;
  while (i < changed.length) {
    const start = Math.max(0, changed[i]! - context);
    let end = Math.min(edits.length, changed[i]! + context + 1);
    while (i + 1 < changed.length && changed[i + 1]! - context <= end) {
      i++;
      end = Math.min(edits.length, changed[i]! + context + 1);
    }
    i++;
    const hunk = edits.slice(start, end);
    const first = hunk[0]!;
    const aCount = hunk.filter((e) => e.op !== '+').length;
    const bCount = hunk.filter((e) => e.op !== '-').length;
    out.push(`@@ -${range(first.a, aCount)} +${range(first.b, bCount)} @@`);
    for (const e of hunk) out.push(`${e.op}${e.line}`);
  }
  return `${out.join('\n')}\n`;
}
