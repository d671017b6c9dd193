/**
 * Finding `$(inputs|outputs.params|resources.NAME...)` references, as
 * Tekton's webhook did to validate them (with the regular expression
 * `\$\((?:inputs|outputs).<kind>.([_a-zA-Z][_a-zA-Z0-9.-]*)\)`, its two
 * `.` unescaped, so any one character but a line terminator).
 *
 * The strings are read with a scan of their characters rather than that
 * expression: it finds the references of both kinds in one pass (what the
 * webhook's checks need), and costs nothing for the many strings without
 * `$(` (docs/performance.md).
 *
 * @packageDocumentation
 */

/** A reference found in a string: the name (first segment) and the whole match. */
export interface VariableRef {
  readonly name: string;
  readonly match: string;
}

/** A reference of either kind: `s.slice(start, end)` is the whole match. */
export interface VariableSpan {
  readonly kind: 'params' | 'resources';
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

const CLOSE = 0x29;
const DOT = 0x2e;

/** What the expression's unescaped `.` matched: one UTF-16 unit, not a line terminator. */
function isAnyChar(c: number): boolean {
  return !Number.isNaN(c) && c !== 0x0a && c !== 0x0d && c !== 0x2028 && c !== 0x2029;
}

function isNameStart(c: number): boolean {
  return c === 0x5f || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === DOT || c === 0x2d;
}

/** Whether `s` holds `word` at `i` (a loop the compiler inlines: cheaper than startsWith here). */
function holdsAt(s: string, i: number, word: string): boolean {
  if (i + word.length > s.length) return false;
  for (let k = 0; k < word.length; k++) if (s.charCodeAt(i + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** The reference that starts at `start` (where `s` holds `$(`), if one does. */
function spanAt(s: string, start: number): VariableSpan | undefined {
  let i = start + 2;
  if (holdsAt(s, i, 'inputs')) i += 6;
  else if (holdsAt(s, i, 'outputs')) i += 7;
  else return undefined;
  if (!isAnyChar(s.charCodeAt(i))) return undefined;
  i++;
  let kind: VariableSpan['kind'];
  if (holdsAt(s, i, 'params')) {
    kind = 'params';
    i += 6;
  } else if (holdsAt(s, i, 'resources')) {
    kind = 'resources';
    i += 9;
  } else return undefined;
  if (!isAnyChar(s.charCodeAt(i))) return undefined;
  i++;
  const nameStart = i;
  if (!isNameStart(s.charCodeAt(i))) return undefined;
  let nameEnd = -1;
  i++;
  for (let c = s.charCodeAt(i); isNameChar(c); c = s.charCodeAt(++i)) if (c === DOT && nameEnd < 0) nameEnd = i;
  if (s.charCodeAt(i) !== CLOSE) return undefined;
  return { kind, name: s.slice(nameStart, nameEnd < 0 ? i : nameEnd), start, end: i + 1 };
}

/**
 * Every reference of both kinds in `s`, in order: what the expression of
 * each kind would find, merged (a match never holds another `$(`, so the
 * two searches resume at the same places).
 *
 * @example
 * ```ts
 * findVariableSpans('$(inputs.params.a) $(outputs.resources.img.url)').map((v) => `${v.kind}:${v.name}`);
 * // ['params:a', 'resources:img']
 * ```
 */
export function findVariableSpans(s: string): VariableSpan[] {
  const out: VariableSpan[] = [];
  for (let at = s.indexOf('$('); at >= 0; ) {
    const span = spanAt(s, at);
    if (span !== undefined) out.push(span);
    at = s.indexOf('$(', span !== undefined ? span.end : at + 1);
  }
  return out;
}

/**
 * Every reference of that kind in `s`.
 *
 * @example
 * ```ts
 * findVariables('$(inputs.params.a) $(inputs.params.b.c)', 'params').map((v) => v.name); // ['a', 'b']
 * ```
 */
export function findVariables(s: string, kind: 'params' | 'resources'): VariableRef[] {
  const out: VariableRef[] = [];
  for (const v of findVariableSpans(s)) if (v.kind === kind) out.push({ name: v.name, match: s.slice(v.start, v.end) });
  return out;
}
