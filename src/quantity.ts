/**
 * A TypeScript port of the observable behaviour of Kubernetes' `resource.Quantity`
 * (k8s.io/apimachinery/pkg/api/resource) as it stood in late 2019; parsing,
 * formatting and comparison have not changed since then.
 *
 * Only behaviour is carried over: the code is written from scratch, uses
 * `BigInt` for exact arithmetic and never materialises huge powers of ten,
 * so absurd exponents (`1e2000000000`) stay cheap.
 *
 * What Go does, and this module reproduces:
 *
 * - Parsing accepts `[+-]digits[.digits]suffix` where the suffix is a decimal SI
 *   prefix (`n u m "" k M G T P E`), a binary one (`Ki Mi Gi Ti Pi Ei`) or an
 *   exponent (`e3`, `E-3`, `e+3`). The scanner is lenient: `"1."`, `".5"`,
 *   `"."`, `"-"`, `"+"` and `"k"` are all accepted (the last four as zero).
 * - Values are exact, except that anything finer than 1n is rounded away from
 *   zero to the next nano unit (`"0.1n"` is `1n`), and BinarySI values are capped
 *   at 2^63-1 in magnitude. Decimal values are not capped.
 * - A parsed BinarySI value strictly between -1 and 1 (but not 0) becomes DecimalSI.
 * - Go remembers the input text when its int64 fast path judges it already
 *   canonical, and `String()` / `MarshalJSON` re-emit that text unchanged. The
 *   judgement is a heuristic, so some non-canonical spellings survive verbatim:
 *   `"+1"`, `"01"`, `"1."`, `"1.500k"`, `"1E3"`. {@link Quantity.verbatim} holds it.
 * - Otherwise the canonical form is printed: trailing zeros are folded into an
 *   exponent that is a multiple of 3, and the suffix of the remembered format is
 *   used. BinarySI values that are not whole numbers, or lie strictly between
 *   -1024 and 1024, print as DecimalSI; whole BinarySI values that are not a
 *   multiple of 1024 print as bare integers (`2000`, not `2k`). DecimalSI values of
 *   10^21 or more have no suffix, and Go then prints the digits without one
 *   (`"1000E"` prints as `"1"`).
 *
 * @packageDocumentation
 */
import * as t from 'io-ts';
import { Either, isRight, left, right } from 'fp-ts/Either';

/**
 * The three suffix families a quantity can remember, as Go's `resource.Format`.
 *
 * @example
 * ```ts
 * const f: QuantityFormat = 'BinarySI'; // 12Mi
 * ```
 *
 * @public
 */
export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

/**
 * An exact quantity: the value is `mantissa × 10^exponent`.
 *
 * Obtain values from {@link parseQuantity}; its results satisfy Go's invariants
 * (`exponent` is an int32 and at least -9 unless the value is 0; BinarySI values
 * are at most 2^63-1 in magnitude).
 *
 * @example
 * ```ts
 * // parseQuantity('1.5Gi') is Right of:
 * const q: Quantity = { mantissa: 1610612736n, exponent: 0, format: 'BinarySI', verbatim: undefined };
 * ```
 *
 * @public
 */
export interface Quantity {
  /** Signed integer mantissa. */
  readonly mantissa: bigint;
  /** Power of ten applied to {@link Quantity.mantissa}. */
  readonly exponent: number;
  /** The suffix family that formatting uses, as remembered from parsing. */
  readonly format: QuantityFormat;
  /**
   * The input text Go kept because its fast path judged it canonical; Go's
   * `String()` and `MarshalJSON` return it unchanged. `undefined` when Go
   * would compute the canonical form instead.
   */
  readonly verbatim: string | undefined;
}

/**
 * The error texts of Go's `ParseQuantity` (`ErrFormatWrong`, `ErrNumeric`,
 * `ErrSuffix`), which {@link parseQuantity} returns as its `Left`.
 *
 * @example
 * ```ts
 * parseQuantity('1 ')   // Left(QUANTITY_ERRORS.format)
 * parseQuantity('1Qi')  // Left(QUANTITY_ERRORS.format)
 * parseQuantity('1mi')  // Left(QUANTITY_ERRORS.suffix)
 * parseQuantity('.Pi')  // Left(QUANTITY_ERRORS.numeric)
 * ```
 */
export const QUANTITY_ERRORS = {
  format:
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  numeric: 'unable to parse numeric part of quantity',
  suffix: "unable to parse quantity's suffix",
} as const;

// ---------------------------------------------------------------------------
// Constants

/** Largest magnitude a BinarySI quantity may have (Go's max int64). */
const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);
/** Finest unit Go keeps: 10^-9. */
const NANO_EXPONENT = -9;
/** Go's `maxInt64Factors`: decimal digits its int64 fast path accepts. */
const FAST_PATH_DIGITS = 18;
/** Letters the scanner lets into a suffix. */
const SUFFIX_LETTERS = 'eEinumkKMGTP';

const DECIMAL_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['n', -9],
  ['u', -6],
  ['m', -3],
  ['', 0],
  ['k', 3],
  ['M', 6],
  ['G', 9],
  ['T', 12],
  ['P', 15],
  ['E', 18],
]);
const BINARY_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['Ki', 10],
  ['Mi', 20],
  ['Gi', 30],
  ['Ti', 40],
  ['Pi', 50],
  ['Ei', 60],
]);
const DECIMAL_BY_EXPONENT: ReadonlyMap<number, string> = invert(DECIMAL_SUFFIXES);
const BINARY_BY_EXPONENT: ReadonlyMap<number, string> = invert(BINARY_SUFFIXES);

function invert(m: ReadonlyMap<string, number>): ReadonlyMap<number, string> {
  return new Map([...m].map(([k, v]): [number, string] => [v, k]));
}

// ---------------------------------------------------------------------------
// Small exact-arithmetic helpers

/** Go's int32 wrap-around. */
const int32 = (n: number): number => n | 0;

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

const pow10 = (n: number): bigint => 10n ** BigInt(n);

const digitCount = (n: bigint): number => abs(n).toString().length;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * Compares the magnitudes `a × 10^ea` and `b × 10^eb` (a, b ≥ 0) without ever
 * building a power of ten larger than the operands' own digit counts.
 */
function compareMagnitude(a: bigint, ea: number, b: bigint, eb: number): -1 | 0 | 1 {
  if (a === 0n || b === 0n) {
    return a === b ? 0 : a === 0n ? -1 : 1;
  }
  // Order of magnitude: a value with d digits and exponent e lies in [10^(d+e-1), 10^(d+e)).
  const oa = digitCount(a) + ea;
  const ob = digitCount(b) + eb;
  if (oa !== ob) {
    return oa < ob ? -1 : 1;
  }
  // Same order, so the exponents differ by at most the longer digit count.
  const [x, y] = ea >= eb ? [a * pow10(ea - eb), b] : [a, b * pow10(eb - ea)];
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Rounds `m × 10^e` (m ≥ 0) away from zero to a multiple of 10^-9. */
function roundUpToNano(m: bigint, e: number): [bigint, number] {
  if (m === 0n || e >= NANO_EXPONENT) {
    return [m, e];
  }
  const shift = NANO_EXPONENT - e;
  if (digitCount(m) <= shift) {
    return [1n, NANO_EXPONENT]; // 0 < m × 10^e < 10^-9
  }
  const divisor = pow10(shift);
  const q = m / divisor;
  return [m % divisor === 0n ? q : q + 1n, NANO_EXPONENT];
}

// ---------------------------------------------------------------------------
// Scanning

interface Scanned {
  readonly negative: boolean;
  /** The numeric text including sign and any leading zeros; Go hands it to inf.Dec. */
  readonly value: string;
  /** Integer digits without leading zeros, or "0" when there are none. */
  readonly num: string;
  /** Fraction digits as written (trailing zeros kept). */
  readonly denom: string;
  readonly suffix: string;
}

/**
 * Splits `s` into sign, integer digits, fraction digits and suffix the way
 * Go's hand-written scanner does, including its leniencies. `undefined` means
 * the text does not have the shape number-then-suffix.
 */
function scan(s: string): Scanned | undefined {
  const end = s.length;
  let pos = 0;
  let negative = false;
  if (s[0] === '-') {
    negative = true;
    pos = 1;
  } else if (s[0] === '+') {
    pos = 1;
  }

  while (pos < end && s[pos] === '0') {
    pos++;
  }
  if (pos >= end) {
    // Only a sign and/or zeros: Go stops here and reports plain zero.
    return { negative, value: '0', num: '0', denom: '', suffix: '' };
  }

  let i = pos;
  while (i < end && isDigit(s[i])) {
    i++;
  }
  if (i >= end) {
    return { negative, value: s, num: s.slice(pos), denom: '', suffix: '' };
  }
  const num = i > pos ? s.slice(pos, i) : '0';
  pos = i;

  let denom = '';
  if (s[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigit(s[i])) {
      i++;
    }
    if (i >= end) {
      return { negative, value: s, num, denom: s.slice(pos), suffix: '' };
    }
    denom = s.slice(pos, i);
    pos = i;
  }
  const value = s.slice(0, pos);

  const suffixStart = pos;
  i = pos;
  while (i < end && SUFFIX_LETTERS.includes(s.charAt(i))) {
    i++;
  }
  if (i >= end) {
    return { negative, value, num, denom, suffix: s.slice(suffixStart) };
  }
  pos = i;
  if (s[pos] === '+' || s[pos] === '-') {
    pos++;
  }
  i = pos;
  while (i < end && isDigit(s[i])) {
    i++;
  }
  if (i >= end) {
    return { negative, value, num, denom, suffix: s.slice(suffixStart) };
  }
  return undefined;
}

interface Suffix {
  readonly base: 2 | 10;
  readonly exponent: number;
  readonly format: QuantityFormat;
}

/** Maps a suffix to its base and exponent, as Go's suffixer does. */
function interpretSuffix(suffix: string): Suffix | undefined {
  const dec = DECIMAL_SUFFIXES.get(suffix);
  if (dec !== undefined) {
    return { base: 10, exponent: dec, format: 'DecimalSI' };
  }
  const bin = BINARY_SUFFIXES.get(suffix);
  if (bin !== undefined) {
    return { base: 2, exponent: bin, format: 'BinarySI' };
  }
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    // Go reads the exponent as an int64 and then truncates it to int32.
    const digits = suffix.slice(1);
    if (!/^[+-]?[0-9]+$/.test(digits)) {
      return undefined;
    }
    const n = BigInt(digits);
    if (n > MAX_INT64 || n < MIN_INT64) {
      return undefined;
    }
    return { base: 10, exponent: Number(BigInt.asIntN(32, n)), format: 'DecimalExponent' };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Public API

/**
 * Parses a quantity exactly as Go's `resource.ParseQuantity` does: same
 * accepted syntax, same rounding (up to the next 1n), same BinarySI cap, same
 * remembered text. No whitespace is trimmed.
 *
 * @param s - the quantity text, e.g. `"100m"`, `"1.5Gi"`, `"1e3"`
 * @returns `Right` with the quantity, or `Left` with Go's error text (see `QUANTITY_ERRORS`)
 *
 * @example
 * ```ts
 * parseQuantity('0.1m');  // Right({ mantissa: 1n, exponent: -4, format: 'DecimalSI', verbatim: undefined })
 * parseQuantity('0.1n');  // rounded up: Right({ mantissa: 1n, exponent: -9, ... })
 * parseQuantity('1Ki');   // Right({ mantissa: 1024n, exponent: 0, format: 'BinarySI', verbatim: '1Ki' })
 * parseQuantity('1 ');    // Left("quantities must match the regular expression ...")
 * ```
 *
 * @public
 */
export function parseQuantity(s: string): Either<string, Quantity> {
  if (s.length === 0) {
    return left(QUANTITY_ERRORS.format);
  }
  if (s === '0') {
    return right({ mantissa: 0n, exponent: 0, format: 'DecimalSI', verbatim: s });
  }
  const scanned = scan(s);
  if (scanned === undefined) {
    return left(QUANTITY_ERRORS.format);
  }
  const suffix = interpretSuffix(scanned.suffix);
  if (suffix === undefined) {
    return left(QUANTITY_ERRORS.suffix);
  }
  const { negative, value, num, denom } = scanned;
  const { base, format } = suffix;

  // Go first tries an int64 fast path; only there does it remember the input
  // text. Whether it gets there depends on digit counts, not on the value.
  // (Binary exponents are multiples of 10, so `* 3 / 10` is an exact integer.)
  const precision =
    base === 10
      ? FAST_PATH_DIGITS - (num.length + denom.length)
      : denom.length === 0
        ? 15 - num.length - (suffix.exponent * 3) / 10 - 1
        : -1;
  const scale = int32(base === 10 ? suffix.exponent - denom.length : -denom.length);

  if (precision >= 0 && scale >= NANO_EXPONENT) {
    const shifted = num + denom;
    const digits = BigInt(shifted);
    const magnitude = base === 2 ? digits << BigInt(suffix.exponent) : digits;
    const rememberText =
      base === 2
        ? (digits & 7n) !== 0n
        : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
    return right({
      mantissa: negative ? -magnitude : magnitude,
      exponent: magnitude === 0n ? 0 : scale,
      format,
      verbatim: rememberText ? s : undefined,
    });
  }

  // Slow path (Go's inf.Dec): needs at least one digit in the numeric text.
  if (!/[0-9]/.test(value)) {
    return left(QUANTITY_ERRORS.numeric);
  }
  const digits = BigInt(num + denom);
  let [m, e] = roundUpToNano(base === 2 ? digits << BigInt(suffix.exponent) : digits, scale);

  let resultFormat = format;
  if (format === 'BinarySI') {
    if (compareMagnitude(m, e, MAX_INT64, 0) > 0) {
      [m, e] = [MAX_INT64, 0];
    }
    if (m !== 0n && compareMagnitude(m, e, 1n, 0) < 0) {
      resultFormat = 'DecimalSI';
    }
  }
  return right({
    mantissa: negative ? -m : m,
    exponent: m === 0n ? 0 : e,
    format: resultFormat,
    verbatim: undefined,
  });
}

/**
 * Compares two quantities by value, as Go's `Quantity.Cmp`; formats and
 * remembered text are ignored.
 *
 * @returns -1 if `a < b`, 0 if equal, 1 if `a > b`
 *
 * @example
 * ```ts
 * // with q = (s) => (parseQuantity(s) as Right<Quantity>).right
 * compareQuantity(q('1'), q('1000m'));    // 0
 * compareQuantity(q('1Gi'), q('1G'));     // 1
 * compareQuantity(q('-1'), q('0'));       // -1
 * ```
 *
 * @public
 */
export function compareQuantity(a: Quantity, b: Quantity): -1 | 0 | 1 {
  const sa = a.mantissa < 0n ? -1 : a.mantissa > 0n ? 1 : 0;
  const sb = b.mantissa < 0n ? -1 : b.mantissa > 0n ? 1 : 0;
  if (sa !== sb) {
    return sa < sb ? -1 : 1;
  }
  if (sa === 0) {
    return 0;
  }
  const byMagnitude = compareMagnitude(
    abs(a.mantissa),
    safeExponent(a.exponent),
    abs(b.mantissa),
    safeExponent(b.exponent),
  );
  return sa > 0 ? byMagnitude : byMagnitude === 0 ? 0 : byMagnitude > 0 ? -1 : 1;
}

/**
 * Prints a quantity as Go's `Quantity.String()` (and, quoted, `MarshalJSON`)
 * does after parsing: the remembered input text if Go kept it, otherwise the
 * canonical form in the remembered format.
 *
 * @example
 * ```ts
 * // with q = (s) => (parseQuantity(s) as Right<Quantity>).right
 * formatQuantity(q('1000m'));   // "1"
 * formatQuantity(q('1024Mi'));  // "1Gi"
 * formatQuantity(q('0.5'));     // "500m"
 * formatQuantity(q('1.5Ki'));   // "1536"
 * formatQuantity(q('+1'));      // "+1" (kept verbatim by Go)
 * ```
 *
 * @public
 */
export function formatQuantity(q: Quantity): string {
  return q.verbatim !== undefined ? q.verbatim : canonicalize(q);
}

/**
 * Parses then formats: what a Kubernetes object carries after Go read
 * `s` into a `resource.Quantity` and wrote it back out.
 *
 * @example
 * ```ts
 * canonicalQuantity('1000');   // Right("1k")
 * canonicalQuantity('1e3');    // Right("1e3")
 * canonicalQuantity('100Mi');  // Right("100Mi")
 * canonicalQuantity('0.1m');   // Right("100u")
 * canonicalQuantity('0.1n');   // Right("1n") (rounded up)
 * canonicalQuantity('1.1.1');  // Left("quantities must match the regular expression ...")
 * ```
 *
 * @public
 */
export function canonicalQuantity(s: string): Either<string, string> {
  const parsed = parseQuantity(s);
  return isRight(parsed) ? right(formatQuantity(parsed.right)) : parsed;
}

/**
 * io-ts codec for a quantity field, mirroring Go's `Quantity.UnmarshalJSON`:
 * accepts a JSON string or a JSON number in quantity syntax and decodes to the
 * string Go would write back (see {@link canonicalQuantity}). Encoding is the
 * identity. `is` accepts any string {@link parseQuantity} accepts.
 *
 * Go sees the raw JSON text: it trims Unicode white space around it, but the
 * control characters a JSON string must escape (`\t`, `\n`, ...) reach it as
 * backslash escapes and so are rejected. A JSON number reaches Go as its
 * literal; here it is re-spelled with `String(n)` (which matches Go's own
 * float encoding), so `1e3` written as a number decodes as `"1k"`, not `"1e3"`.
 * Integers beyond 2^53 in magnitude are rejected, since their digits are
 * already lost (pass them as strings, or as bigints from a lossless JSON
 * parser). `null` is rejected too, although Go would reset the value to zero.
 * JSON escapes such as `"\u0031"` cannot be seen in a decoded string; Go would
 * reject them.
 *
 * @example
 * ```ts
 * quantityCodec.decode(' 1Gi ');  // Right("1Gi")
 * quantityCodec.decode(0.5);      // Right("500m")
 * quantityCodec.decode('1024Mi'); // Right("1Gi")
 * quantityCodec.decode('abc');    // Left([...])
 * ```
 */
export const quantityCodec: t.Type<string, string, unknown> = new t.Type<string, string, unknown>(
  'Quantity',
  (u): u is string => typeof u === 'string' && isRight(parseQuantity(u)),
  (u, c) => {
    let text: string;
    if (typeof u === 'string') {
      // JSON.stringify yields the text Go's decoder would have been handed.
      text = JSON.stringify(u).slice(1, -1);
    } else if (typeof u === 'number') {
      if (!Number.isFinite(u)) {
        return t.failure(u, c, 'a quantity number must be finite');
      }
      if (Number.isInteger(u) && !Number.isSafeInteger(u)) {
        // The JSON literal's digits were lost when it became a double.
        return t.failure(u, c, 'a quantity number beyond 2^53 is not exact; write it as a string');
      }
      text = String(u);
    } else if (typeof u === 'bigint') {
      text = u.toString();
    } else {
      return t.failure(u, c, 'a quantity must be a JSON string or number');
    }
    const result = canonicalQuantity(trimGoSpace(text));
    return isRight(result) ? t.success(result.right) : t.failure(u, c, result.left);
  },
  // Canonical text encodes as itself.
  t.identity,
);

// ---------------------------------------------------------------------------
// Formatting

function canonicalize(q: Quantity): string {
  if (q.mantissa === 0n) {
    return '0';
  }
  const exponent = safeExponent(q.exponent);
  if (q.format === 'BinarySI') {
    const binary = formatBinary(q.mantissa, exponent);
    if (binary !== undefined) {
      return binary;
    }
    return formatDecimal(q.mantissa, exponent, 'DecimalSI');
  }
  // Go prints any unknown format as DecimalExponent.
  return formatDecimal(q.mantissa, exponent, q.format === 'DecimalSI' ? 'DecimalSI' : 'DecimalExponent');
}

/**
 * Base-1024 form of a BinarySI value, or `undefined` when Go falls back to
 * DecimalSI: the value lies strictly between -1024 and 1024, or has a
 * fraction.
 */
function formatBinary(mantissa: bigint, exponent: number): string | undefined {
  const magnitude = abs(mantissa);
  if (compareMagnitude(magnitude, exponent, 1024n, 0) < 0) {
    return undefined;
  }
  let n: bigint;
  if (exponent >= 0) {
    // Parsed BinarySI values never exceed 2^63-1; refuse to build absurd
    // integers from hand-made values rather than exhaust memory.
    if (exponent > 4096) {
      return undefined;
    }
    n = mantissa * pow10(exponent);
  } else {
    if (digitCount(mantissa) <= -exponent) {
      return undefined; // non-zero and below 1 in magnitude: a fraction
    }
    const divisor = pow10(-exponent);
    if (mantissa % divisor !== 0n) {
      return undefined;
    }
    n = mantissa / divisor;
  }
  let times = 0;
  while (abs(n) >= 1024n && n % 1024n === 0n) {
    n /= 1024n;
    times++;
  }
  return n.toString() + (BINARY_BY_EXPONENT.get(times * 10) ?? '');
}

function formatDecimal(mantissa: bigint, exponent: number, format: 'DecimalSI' | 'DecimalExponent'): string {
  const digits = abs(mantissa).toString();
  let zeros = 0;
  while (digits[digits.length - 1 - zeros] === '0') {
    zeros++;
  }
  let m = zeros === 0 ? mantissa : mantissa / pow10(zeros);
  // Go keeps exponents in int32 and lets them wrap.
  let e = int32(exponent + zeros);
  // Lower the exponent to a multiple of three (Go's % truncates like JS's).
  const r = e % 3;
  if (r === 1 || r === -2) {
    m *= 10n;
    e = int32(e - 1);
  } else if (r === 2 || r === -1) {
    m *= 100n;
    e = int32(e - 2);
  }
  if (format === 'DecimalExponent') {
    return m.toString() + (e === 0 ? '' : `e${e}`);
  }
  // Go ignores a failed suffix lookup, so exponents past E print bare digits.
  return m.toString() + (DECIMAL_BY_EXPONENT.get(e) ?? '');
}

/** Keeps hand-made exponents usable: integers pass, anything else becomes 0. */
function safeExponent(e: number): number {
  return Number.isSafeInteger(e) ? e : 0;
}

/** Go's `strings.TrimSpace`: strips Unicode White_Space from both ends. */
function trimGoSpace(s: string): string {
  return s.replace(GO_SPACE_EDGES, '');
}

const GO_SPACE_EDGES =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
