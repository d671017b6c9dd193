/**
 * Go's `time.Duration` text, as Tekton read and wrote `spec.timeout`.
 *
 * A TaskRun's timeout is a `metav1.Duration`, which Go decoded from its JSON
 * string with `time.ParseDuration`: text that does not parse failed the
 * webhook's decoding of the whole object. The webhook's validation then
 * refused a negative duration, printing it with `Duration.String()`. Both
 * follow Go 1.13, the Go Tekton's release was built with: a duration is an
 * int64 count of nanoseconds, and error texts quote nothing.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';

/** The largest int64, the longest duration Go held (about 292 years). */
const MAX = (1n << 63n) - 1n;

/** Nanoseconds per unit; the micro sign (U+00B5) and the Greek mu (U+03BC) both spell micro. */
const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['\u00b5s', 1_000n],
  ['\u03bcs', 1_000n],
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** The leading run of digits of `s`, and how long it is. */
function digitRun(s: string): number {
  let i = 0;
  while (isDigit(s[i])) i++;
  return i;
}

/**
 * Go's `time.ParseDuration`: an optional sign, then one or more numbers,
 * each with an optional fraction and a unit (`1h30m`, `-1.5h`, `300ms`,
 * `.5s`, `1.s`); the bare `0` (signed or not) needs no unit. Nothing else is
 * allowed, not even a blank. Whole parts are exact; a fraction adds
 * `fraction * (unit / 10^digits)` computed in float64 and truncated, and
 * digits of a fraction beyond int64 precision are ignored. A whole part, a
 * term or the sum beyond int64 nanoseconds is invalid; the negative range
 * ends at -(2^63 - 1) too, since Go 1.13 negated the sum at the end.
 *
 * Returns the nanoseconds, or Go's error text.
 *
 * @example
 * ```ts
 * parseGoDuration('1h30m'); // Right(5400000000000n)
 * parseGoDuration('abc');   // Left('time: invalid duration abc')
 * parseGoDuration('10');    // Left('time: missing unit in duration 10')
 * ```
 */
export function parseGoDuration(text: string): E.Either<string, bigint> {
  const invalid = E.left(`time: invalid duration ${text}`);
  let s = text;
  let negative = false;
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return E.right(0n);
  if (s === '') return invalid;
  let total = 0n;
  while (s !== '') {
    if (s[0] !== '.' && !isDigit(s[0])) return invalid;
    // The whole part: exact, invalid past int64.
    const wholeDigits = digitRun(s);
    let whole = 0n;
    for (const c of s.slice(0, wholeDigits)) {
      whole = whole * 10n + BigInt(c);
      if (whole > MAX) return invalid;
    }
    s = s.slice(wholeDigits);
    // The fraction: its digits as an integer and 10^(digits kept); digits
    // that would take the integer past int64 are skipped.
    let fraction = 0n;
    let scale = 1;
    let fractionDigits = 0;
    if (s[0] === '.') {
      s = s.slice(1);
      fractionDigits = digitRun(s);
      let full = false;
      for (const c of s.slice(0, fractionDigits)) {
        const next = fraction * 10n + BigInt(c);
        if (full || next > MAX) {
          full = true;
          continue;
        }
        fraction = next;
        scale *= 10;
      }
      s = s.slice(fractionDigits);
    }
    if (wholeDigits === 0 && fractionDigits === 0) return invalid;
    // The unit: everything up to the next digit or '.'.
    let unitEnd = 0;
    while (unitEnd < s.length && s[unitEnd] !== '.' && !isDigit(s[unitEnd])) unitEnd++;
    if (unitEnd === 0) return E.left(`time: missing unit in duration ${text}`);
    const unitText = s.slice(0, unitEnd);
    s = s.slice(unitEnd);
    const unit = UNITS.get(unitText);
    if (unit === undefined) return E.left(`time: unknown unit ${unitText} in duration ${text}`);
    if (whole > MAX / unit) return invalid;
    let term = whole * unit;
    if (fraction > 0n) {
      term += BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)));
      if (term > MAX) return invalid;
    }
    total += term;
    if (total > MAX) return invalid;
  }
  return E.right(negative ? -total : total);
}

/** The last `places` decimal digits of `v` as a fraction without trailing zeros (`.5`), and what is left of `v`. */
function fractionText(v: bigint, places: number): { readonly text: string; readonly rest: bigint } {
  const digits = (v % 10n ** BigInt(places)).toString().padStart(places, '0').replace(/0+$/, '');
  return { text: digits === '' ? '' : `.${digits}`, rest: v / 10n ** BigInt(places) };
}

/**
 * Go's `Duration.String()`: hours, minutes and seconds (`1h0m0s`, `1m30s`,
 * `1.5s`) from a second up, else one smaller unit (`1.5ms`, `2µs`, `7ns`),
 * and `0s` for zero.
 *
 * @example
 * ```ts
 * formatGoDuration(-3_600_000_000_000n); // '-1h0m0s'
 * formatGoDuration(1_500_000n);          // '1.5ms'
 * ```
 */
export function formatGoDuration(ns: bigint): string {
  const sign = ns < 0n ? '-' : '';
  const u = ns < 0n ? -ns : ns;
  if (u === 0n) return '0s';
  if (u < 1_000n) return `${sign}${u}ns`;
  if (u < 1_000_000n) {
    const f = fractionText(u, 3);
    return `${sign}${f.rest}${f.text}\u00b5s`;
  }
  if (u < 1_000_000_000n) {
    const f = fractionText(u, 6);
    return `${sign}${f.rest}${f.text}ms`;
  }
  const f = fractionText(u, 9);
  const seconds = `${f.rest % 60n}${f.text}s`;
  const minutes = f.rest / 60n;
  if (minutes === 0n) return `${sign}${seconds}`;
  const hours = minutes / 60n;
  if (hours === 0n) return `${sign}${minutes}m${seconds}`;
  return `${sign}${hours}h${minutes % 60n}m${seconds}`;
}
