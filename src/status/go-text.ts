/**
 * Go's ways of writing values that Tekton's status messages and timestamps
 * use: `%q` quoting (strconv.Quote), metav1.Time's text, and reading that
 * text back. Shared by the TaskRun and the PipelineRun status code
 * (durations are in src/admission/duration.ts: `formatGoDuration`).
 *
 * @packageDocumentation
 */
// strconv.IsPrint: letters, marks, numbers, punctuation, symbols, and the
// ASCII space (no other space, no control or format character).
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\u000b': '\\v',
};

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/**
 * Go's `strconv.Quote` (what `fmt`'s `%q` prints for a string): double
 * quotes; `"` and `\` backslashed; printable characters as they are;
 * `\a \b \f \n \r \t \v` by name; other control characters below a space
 * as `\xNN`; any other unprintable character as `\uNNNN` or `\UNNNNNNNN`.
 * A lone UTF-16 surrogate, which a Go string cannot hold, is written as
 * U+FFFD, what Go's JSON decoder made of it.
 *
 * @example
 * ```ts
 * goQuote('step-build'); // '"step-build"'
 * goQuote('say "hi"\n'); // '"say \\"hi\\"\\n"'
 * ```
 *
 * @public
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0xfffd;
    const c = code >= 0xd800 && code <= 0xdfff ? '\ufffd' : ch;
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (PRINTABLE.test(c)) out += c;
    else if (NAMED_ESCAPES[c] !== undefined) out += NAMED_ESCAPES[c];
    else if (code < 0x20) out += `\\x${hex(code, 2)}`;
    else if (code < 0x10000) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return `${out}"`;
}

/** Go's "2006" year layout: four digits at least, a sign for negative years. */
function yearText(year: number): string {
  return year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
}

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * An instant as a metav1.Time is printed: RFC 3339 in UTC, the fraction of
 * a second dropped (`2019-10-30T10:00:00Z`). `undefined` for an invalid Date.
 *
 * @example
 * ```ts
 * goTimeText(new Date('2019-10-30T12:00:00.750+02:00')); // '2019-10-30T10:00:00Z'
 * ```
 *
 * @public
 */
export function goTimeText(d: Date): string | undefined {
  if (Number.isNaN(d.getTime())) return undefined;
  return `${yearText(d.getUTCFullYear())}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}Z`;
}

const CANONICAL = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/**
 * The instant of a metav1.Time as decoded (the canonical UTC text, or a
 * Date), in milliseconds since 1970; `undefined` when it is neither.
 *
 * @example
 * ```ts
 * timeMillis('1970-01-01T00:00:01Z'); // 1000
 * ```
 *
 * @public
 */
export function timeMillis(time: string | Date): number | undefined {
  if (time instanceof Date) {
    const ms = time.getTime();
    return Number.isNaN(ms) ? undefined : ms;
  }
  const m = CANONICAL.exec(time);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  // setUTCFullYear, unlike Date.UTC, takes years 0-99 as they are.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  const ms = d.getTime();
  return Number.isNaN(ms) ? undefined : ms;
}
