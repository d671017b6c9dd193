/**
 * Tests for src/quantity.ts, the port of apimachinery's resource.Quantity.
 *
 * Expected values come from two places:
 * - the tables of k8s.io/apimachinery/pkg/api/resource/quantity_test.go
 *   (TestQuantityParse, TestQuantityString, TestQuantityParseEmit,
 *   TestQuantityCmp, TestQuantityCmpInt64AndDec, TestParseQuantity,
 *   TestJSONWhitespace, TestNewSet, TestMilliNewSet, TestNewScaledSet, ...);
 * - "Go golden" tables, recorded by running the late-2019 apimachinery code
 *   (commit 13d0b3fd, Aug 2019; parsing and formatting are unchanged at HEAD)
 *   with Go 1.19 over hand-picked and randomly generated inputs.
 */
import { fc, it as fcIt } from '@fast-check/jest';
import { Either, isLeft, isRight } from 'fp-ts/Either';
import {
  QUANTITY_ERRORS,
  Quantity,
  QuantityFormat,
  canonicalQuantity,
  compareQuantity,
  formatQuantity,
  parseQuantity,
  quantityCodec,
} from '../src/quantity';

// ---------------------------------------------------------------------------
// Helpers

const MAX_INT64 = (1n << 63n) - 1n;

function unwrap<A>(e: Either<string, A>, what: string): A {
  if (isLeft(e)) {
    throw new Error(`${what}: unexpected Left(${e.left})`);
  }
  return e.right;
}

/** Parses or fails the test. */
const q = (s: string): Quantity => unwrap(parseQuantity(s), JSON.stringify(s));

/** A quantity built by hand, as Go's tests build them from inf.Dec / int64Amount. */
const mk = (mantissa: bigint, exponent: number, format: QuantityFormat): Quantity => ({
  mantissa,
  exponent,
  format,
  verbatim: undefined,
});

const negate = (x: Quantity): Quantity => ({ ...x, mantissa: -x.mantissa, verbatim: undefined });

/** Reads a plain decimal such as "-12.50" (inf.Dec's String form) into an exact quantity. */
function decimal(s: string): Quantity {
  const m = /^(-?)([0-9]+)(?:\.([0-9]*))?$/.exec(s);
  if (m === null) {
    throw new Error(`bad decimal ${s}`);
  }
  const frac = m[3] ?? '';
  const magnitude = BigInt((m[2] ?? '') + frac);
  return mk(m[1] === '-' ? -magnitude : magnitude, -frac.length, 'DecimalSI');
}

/** Normalises -0 to 0 so that `toBe` compares signs sensibly. */
const sign = (n: number): number => (n === 0 ? 0 : n);


// ---------------------------------------------------------------------------
// quantity_test.go: TestQuantityParse

/** [input, mantissa, exponent, format] — the value is mantissa × 10^exponent. */
const GO_PARSE_TABLE: ReadonlyArray<readonly [string, bigint, number, QuantityFormat]> = [
  ["0", 0n, 0, 'DecimalSI'],
  ["0n", 0n, 0, 'DecimalSI'],
  ["0u", 0n, 0, 'DecimalSI'],
  ["0m", 0n, 0, 'DecimalSI'],
  ["0Ki", 0n, 0, 'BinarySI'],
  ["0k", 0n, 0, 'DecimalSI'],
  ["0Mi", 0n, 0, 'BinarySI'],
  ["0M", 0n, 0, 'DecimalSI'],
  ["0Gi", 0n, 0, 'BinarySI'],
  ["0G", 0n, 0, 'DecimalSI'],
  ["0Ti", 0n, 0, 'BinarySI'],
  ["0T", 0n, 0, 'DecimalSI'],
  ["1", 1n, 0, 'DecimalSI'],
  ["1Ki", 1024n, 0, 'BinarySI'],
  ["8Ki", 8192n, 0, 'BinarySI'],
  ["7Mi", 7340032n, 0, 'BinarySI'],
  ["6Gi", 6442450944n, 0, 'BinarySI'],
  ["5Ti", 5497558138880n, 0, 'BinarySI'],
  ["4Pi", 4503599627370496n, 0, 'BinarySI'],
  ["3Ei", 3458764513820540928n, 0, 'BinarySI'],
  ["10Ti", 10995116277760n, 0, 'BinarySI'],
  ["100Ti", 109951162777600n, 0, 'BinarySI'],
  ["5n", 5n, -9, 'DecimalSI'],
  ["4u", 4n, -6, 'DecimalSI'],
  ["3m", 3n, -3, 'DecimalSI'],
  ["9", 9n, 0, 'DecimalSI'],
  ["8k", 8n, 3, 'DecimalSI'],
  ["50k", 5n, 4, 'DecimalSI'],
  ["7M", 7n, 6, 'DecimalSI'],
  ["6G", 6n, 9, 'DecimalSI'],
  ["5T", 5n, 12, 'DecimalSI'],
  ["40T", 4n, 13, 'DecimalSI'],
  ["300T", 3n, 14, 'DecimalSI'],
  ["2P", 2n, 15, 'DecimalSI'],
  ["1E", 1n, 18, 'DecimalSI'],
  ["1E-3", 1n, -3, 'DecimalExponent'],
  ["1e3", 1n, 3, 'DecimalExponent'],
  ["1E6", 1n, 6, 'DecimalExponent'],
  ["1e9", 1n, 9, 'DecimalExponent'],
  ["1E12", 1n, 12, 'DecimalExponent'],
  ["1e15", 1n, 15, 'DecimalExponent'],
  ["1E18", 1n, 18, 'DecimalExponent'],
  ["1e14", 1n, 14, 'DecimalExponent'],
  ["1e13", 1n, 13, 'DecimalExponent'],
  ["1e3", 1n, 3, 'DecimalExponent'],
  ["100.035k", 100035n, 0, 'DecimalSI'],
  ["0.001", 1n, -3, 'DecimalSI'],
  ["0.0005k", 5n, -1, 'DecimalSI'],
  ["0.005", 5n, -3, 'DecimalSI'],
  ["0.05", 5n, -2, 'DecimalSI'],
  ["0.5", 5n, -1, 'DecimalSI'],
  ["0.00050k", 5n, -1, 'DecimalSI'],
  ["0.00500", 5n, -3, 'DecimalSI'],
  ["0.05000", 5n, -2, 'DecimalSI'],
  ["0.50000", 5n, -1, 'DecimalSI'],
  ["0.5e0", 5n, -1, 'DecimalExponent'],
  ["0.5e-1", 5n, -2, 'DecimalExponent'],
  ["0.5e-2", 5n, -3, 'DecimalExponent'],
  ["0.5e0", 5n, -1, 'DecimalExponent'],
  ["10.035M", 10035n, 3, 'DecimalSI'],
  ["1.2e3", 12n, 2, 'DecimalExponent'],
  ["1.3E+6", 13n, 5, 'DecimalExponent'],
  ["1.40e9", 14n, 8, 'DecimalExponent'],
  ["1.53E12", 153n, 10, 'DecimalExponent'],
  ["1.6e15", 16n, 14, 'DecimalExponent'],
  ["1.7E18", 17n, 17, 'DecimalExponent'],
  ["9.01", 901n, -2, 'DecimalSI'],
  ["8.1k", 81n, 2, 'DecimalSI'],
  ["7.123456M", 7123456n, 0, 'DecimalSI'],
  ["6.987654321G", 6987654321n, 0, 'DecimalSI'],
  ["5.444T", 5444n, 9, 'DecimalSI'],
  ["40.1T", 401n, 11, 'DecimalSI'],
  ["300.2T", 3002n, 11, 'DecimalSI'],
  ["2.5P", 25n, 14, 'DecimalSI'],
  ["1.01E", 101n, 16, 'DecimalSI'],
  ["3.001n", 4n, -9, 'DecimalSI'],
  ["1.1E-9", 2n, -9, 'DecimalExponent'],
  ["0.0000000001", 1n, -9, 'DecimalSI'],
  ["0.0000000005", 1n, -9, 'DecimalSI'],
  ["0.00000000050", 1n, -9, 'DecimalSI'],
  ["0.5e-9", 1n, -9, 'DecimalExponent'],
  ["0.9n", 1n, -9, 'DecimalSI'],
  ["0.00000012345", 124n, -9, 'DecimalSI'],
  ["0.00000012354", 124n, -9, 'DecimalSI'],
  ["9Ei", 9223372036854775807n, 0, 'BinarySI'],
  ["9223372036854775807Ki", 9223372036854775807n, 0, 'BinarySI'],
  ["12E", 12n, 18, 'DecimalSI'],
  ["100.035Ki", 10243584n, -2, 'BinarySI'],
  ["0.5Mi", 524288n, 0, 'BinarySI'],
  ["0.05Gi", 536870912n, -1, 'BinarySI'],
  ["0.025Ti", 274877906944n, -1, 'BinarySI'],
  ["0.000000000001Ki", 2n, -9, 'DecimalSI'],
  [".001", 1n, -3, 'DecimalSI'],
  [".0001k", 100n, -3, 'DecimalSI'],
  ["1.", 1n, 0, 'DecimalSI'],
  ["1.G", 1n, 9, 'DecimalSI'],
];

describe('parseQuantity: TestQuantityParse table', () => {
  it('rejects the empty string', () => {
    expect(parseQuantity('')).toEqual({ _tag: 'Left', left: QUANTITY_ERRORS.format });
  });

  it.each(GO_PARSE_TABLE)('%s', (input, mantissa, exponent, format) => {
    const got = q(input);
    expect(compareQuantity(got, mk(mantissa, exponent, format))).toBe(0);
    expect(got.format).toBe(format);
  });

  it.each(GO_PARSE_TABLE)('-%s', (input, mantissa, exponent, format) => {
    const got = q(`-${input}`);
    expect(compareQuantity(got, mk(-mantissa, exponent, format))).toBe(0);
    expect(got.format).toBe(format);
  });

  it.each(GO_PARSE_TABLE)('+%s', (input, mantissa, exponent, format) => {
    const got = q(`+${input}`);
    expect(compareQuantity(got, mk(mantissa, exponent, format))).toBe(0);
    expect(got.format).toBe(format);
  });
});

/** Inputs Go's TestQuantityParse rejects. */
const GO_INVALID: readonly string[] = [
  "1.1.M",
  "1+1.0M",
  "0.1mi",
  "0.1am",
  "aoeu",
  ".5i",
  "1i",
  "-3.01i",
  "-3.01e-",
  " 1",
  "1 ",
];

describe('parseQuantity: invalid inputs', () => {
  it.each(GO_INVALID)('%j is rejected', (input) => {
    expect(isLeft(parseQuantity(input))).toBe(true);
  });

  it.each([
    ['1.1.M', QUANTITY_ERRORS.format],
    ['1+1.0M', QUANTITY_ERRORS.format],
    ['aoeu', QUANTITY_ERRORS.format],
    [' 1', QUANTITY_ERRORS.format],
    ['1 ', QUANTITY_ERRORS.format],
    ['', QUANTITY_ERRORS.format],
    ['0.1mi', QUANTITY_ERRORS.suffix],
    ['.5i', QUANTITY_ERRORS.suffix],
    ['-3.01e-', QUANTITY_ERRORS.suffix],
    ['1e', QUANTITY_ERRORS.suffix],
    ['1K', QUANTITY_ERRORS.suffix],
    ['1e9223372036854775808', QUANTITY_ERRORS.suffix],
    ['.Pi', QUANTITY_ERRORS.numeric],
    ['-Ei', QUANTITY_ERRORS.numeric],
    ['e-10', QUANTITY_ERRORS.numeric],
  ])('%j fails with Go\'s message', (input, message) => {
    expect(parseQuantity(input)).toEqual({ _tag: 'Left', left: message });
    expect(canonicalQuantity(input)).toEqual({ _tag: 'Left', left: message });
  });

  it('uses Go\'s exact error texts', () => {
    expect(QUANTITY_ERRORS).toEqual({
      format: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      numeric: 'unable to parse numeric part of quantity',
      suffix: "unable to parse quantity's suffix",
    });
  });
});

describe('parseQuantity: TestParseQuantityString / TestQuantityParseZero', () => {
  it.each([
    ['0.025Ti', 274877906944n, -1],
    ['1.025Ti', 11269994184704n, -1],
    ['-1.025Ti', -11269994184704n, -1],
    ['.', 0n, 0],
    ['-.', 0n, 0],
    ['1E-3', 1n, -3],
  ])('%s scans and parses', (input, mantissa, exponent) => {
    expect(compareQuantity(q(input), mk(mantissa, exponent, 'DecimalSI'))).toBe(0);
  });

  it('"0" prints as "0"', () => {
    expect(formatQuantity(q('0'))).toBe('0');
  });
});

// ---------------------------------------------------------------------------
// quantity_test.go: TestQuantityString

/** [mantissa, exponent, format, canonical, alternate spelling or ""]. */
const GO_STRING_TABLE: ReadonlyArray<readonly [bigint, number, QuantityFormat, string, string]> = [
  [1073741824n, 0, 'BinarySI', "1Gi", "1024Mi"],
  [314572800n, 0, 'BinarySI', "300Mi", "307200Ki"],
  [6144n, 0, 'BinarySI', "6Ki", ""],
  [1074815565824n, 0, 'BinarySI', "1001Gi", "1025024Mi"],
  [1099511627776n, 0, 'BinarySI', "1Ti", "1024Gi"],
  [5n, 0, 'BinarySI', "5", "5000m"],
  [500n, -3, 'BinarySI', "500m", "0.5"],
  [1n, 9, 'DecimalSI', "1G", "1000M"],
  [1000n, 6, 'DecimalSI', "1G", "0.001T"],
  [1000000n, 3, 'DecimalSI', "1G", ""],
  [1000000000n, 0, 'DecimalSI', "1G", ""],
  [1n, -3, 'DecimalSI', "1m", "1000u"],
  [80n, -3, 'DecimalSI', "80m", ""],
  [1080n, -3, 'DecimalSI', "1080m", "1.08"],
  [108n, -2, 'DecimalSI', "1080m", "1080000000n"],
  [10800n, -4, 'DecimalSI', "1080m", ""],
  [300n, 6, 'DecimalSI', "300M", ""],
  [1n, 12, 'DecimalSI', "1T", ""],
  [1234567n, 6, 'DecimalSI', "1234567M", ""],
  [1234567n, -3, 'BinarySI', "1234567m", ""],
  [3n, 3, 'DecimalSI', "3k", ""],
  [1025n, 0, 'BinarySI', "1025", ""],
  [0n, 0, 'DecimalSI', "0", ""],
  [0n, 0, 'BinarySI', "0", ""],
  [1n, 9, 'DecimalExponent', "1e9", ".001e12"],
  [1n, -3, 'DecimalExponent', "1e-3", "0.001e0"],
  [1n, -9, 'DecimalExponent', "1e-9", "1000e-12"],
  [80n, -3, 'DecimalExponent', "80e-3", ""],
  [300n, 6, 'DecimalExponent', "300e6", ""],
  [1n, 12, 'DecimalExponent', "1e12", ""],
  [1n, 3, 'DecimalExponent', "1e3", ""],
  [3n, 3, 'DecimalExponent', "3e3", ""],
  [3n, 3, 'DecimalSI', "3k", ""],
  [0n, 0, 'DecimalExponent', "0", "00"],
  [1n, -9, 'DecimalSI', "1n", ""],
  [80n, -9, 'DecimalSI', "80n", ""],
  [1080n, -9, 'DecimalSI', "1080n", ""],
  [108n, -8, 'DecimalSI', "1080n", ""],
  [10800n, -10, 'DecimalSI', "1080n", ""],
  [1n, -6, 'DecimalSI', "1u", ""],
  [80n, -6, 'DecimalSI', "80u", ""],
  [1080n, -6, 'DecimalSI', "1080u", ""],
];

describe('formatQuantity: TestQuantityString table', () => {
  it.each(GO_STRING_TABLE)('%p×10^%p %s prints as %j', (mantissa, exponent, format, expected) => {
    expect(formatQuantity(mk(mantissa, exponent, format))).toBe(expected);
  });

  it.each(GO_STRING_TABLE)('%p×10^%p %s: parsing %j keeps the text', (_m, _e, _f, expected) => {
    expect(q(expected).verbatim).toBe(expected);
    expect(formatQuantity(q(expected))).toBe(expected);
  });

  it.each(GO_STRING_TABLE.filter((row) => row[4] !== ''))(
    '%p×10^%p %s: alternate %j canonicalises to %j',
    (_m, _e, _f, expected, alternate) => {
      const parsed = q(alternate);
      expect(parsed.verbatim).toBeUndefined();
      expect(formatQuantity(parsed)).toBe(expected);
    },
  );

  it.each(GO_STRING_TABLE.filter((row) => row[0] !== 0n))(
    '%p×10^%p %s negated prints as -%s',
    (mantissa, exponent, format, expected) => {
      expect(formatQuantity(mk(-mantissa, exponent, format))).toBe(`-${expected}`);
    },
  );
});

// ---------------------------------------------------------------------------
// quantity_test.go: TestQuantityParseEmit

const GO_EMIT_TABLE: ReadonlyArray<readonly [string, string]> = [
  ["1Ki", "1Ki"],
  ["1Mi", "1Mi"],
  ["1Gi", "1Gi"],
  ["1024Mi", "1Gi"],
  ["1000M", "1G"],
  [".001Ki", "1024m"],
  [".000001Ki", "1024u"],
  [".000000001Ki", "1024n"],
  [".000000000001Ki", "2n"],
];

describe('canonicalQuantity: TestQuantityParseEmit table', () => {
  it.each(GO_EMIT_TABLE)('%s -> %s', (input, expected) => {
    expect(canonicalQuantity(input)).toEqual({ _tag: 'Right', right: expected });
  });

  it.each(GO_EMIT_TABLE)('-%s -> -%s', (input, expected) => {
    expect(canonicalQuantity(`-${input}`)).toEqual({ _tag: 'Right', right: `-${expected}` });
  });
});

// ---------------------------------------------------------------------------
// quantity_test.go: TestParseQuantity (values around 10^18 and the int64 limits)

/** [input, exact value, canonical text if different from the input]. */
const GO_LIMITS_TABLE: ReadonlyArray<readonly [string, string, string | undefined]> = [
  ["-999999999999999999", "-999999999999999999", undefined],
  ["999999999999999999", "999999999999999999", undefined],
  ["-999999999999999999.0", "-999999999999999999", "-999999999999999999"],
  ["999999999999999999.0", "999999999999999999", "999999999999999999"],
  ["-999999999999999999.1", "-999999999999999999.1", "-999999999999999999100m"],
  ["999999999999999999.1", "999999999999999999.1", "999999999999999999100m"],
  ["-9999999999999999999", "-9999999999999999999", undefined],
  ["9999999999999999999", "9999999999999999999", undefined],
  ["-1E", "-1000000000000000000", undefined],
  ["1E", "1000000000000000000", undefined],
  ["-1000000000000000000", "-1000000000000000000", "-1E"],
  ["1000000000000000000", "1000000000000000000", "1E"],
  ["-9999999999999999999.0", "-9999999999999999999", "-9999999999999999999"],
  ["9999999999999999999.0", "9999999999999999999", "9999999999999999999"],
  ["-1.0E", "-1000000000000000000", "-1E"],
  ["1.0E", "1000000000000000000", "1E"],
  ["-1000000000000000000.0", "-1000000000000000000", "-1E"],
  ["1000000000000000000.0", "1000000000000000000", "1E"],
  ["-9999999999999999999000m", "-9999999999999999999", "-9999999999999999999"],
  ["9999999999999999999000m", "9999999999999999999", "9999999999999999999"],
  ["-9999999999999999999.1", "-9999999999999999999.1", "-9999999999999999999100m"],
  ["9999999999999999999.1", "9999999999999999999.1", "9999999999999999999100m"],
  ["-1.0000000000000000001E", "-1000000000000000000.1", "-1000000000000000000100m"],
  ["1.0000000000000000001E", "1000000000000000000.1", "1000000000000000000100m"],
  ["-1000000000000000000.1", "-1000000000000000000.1", "-1000000000000000000100m"],
  ["1000000000000000000.1", "1000000000000000000.1", "1000000000000000000100m"],
  ["-1.000000000000000001E", "-1000000000000000001", "-1000000000000000001"],
  ["1.000000000000000001E", "1000000000000000001", "1000000000000000001"],
  ["-1000000000000000001", "-1000000000000000001", undefined],
  ["1000000000000000001", "1000000000000000001", undefined],
  ["-10E", "-10000000000000000000", undefined],
  ["10E", "10000000000000000000", undefined],
  ["-10000000000000000000", "-10000000000000000000", "-10E"],
  ["10000000000000000000", "10000000000000000000", "10E"],
  ["-10.0E", "-10000000000000000000", "-10E"],
  ["10.0E", "10000000000000000000", "10E"],
  ["-10000000000000000000.0", "-10000000000000000000", "-10E"],
  ["10000000000000000000.0", "10000000000000000000", "10E"],
  ["-10000000000000000000000m", "-10000000000000000000", "-10E"],
  ["10000000000000000000000m", "10000000000000000000", "10E"],
  ["-10.0000000000000000001E", "-10000000000000000000.1", "-10000000000000000000100m"],
  ["10.0000000000000000001E", "10000000000000000000.1", "10000000000000000000100m"],
  ["-10000000000000000000.1", "-10000000000000000000.1", "-10000000000000000000100m"],
  ["10000000000000000000.1", "10000000000000000000.1", "10000000000000000000100m"],
  ["-10.000000000000000001E", "-10000000000000000001", "-10000000000000000001"],
  ["10.000000000000000001E", "10000000000000000001", "10000000000000000001"],
  ["-10000000000000000001", "-10000000000000000001", undefined],
  ["10000000000000000001", "10000000000000000001", undefined],
  ["-9223372036854775809", "-9223372036854775809", undefined],
  ["9223372036854775806", "9223372036854775806", undefined],
  ["-9223372036854775809.0", "-9223372036854775809", "-9223372036854775809"],
  ["9223372036854775806.0", "9223372036854775806", "9223372036854775806"],
  ["-9223372036854775809000m", "-9223372036854775809", "-9223372036854775809"],
  ["9223372036854775806000m", "9223372036854775806", "9223372036854775806"],
  ["-9223372036854775809.1", "-9223372036854775809.1", "-9223372036854775809100m"],
  ["9223372036854775806.1", "9223372036854775806.1", "9223372036854775806100m"],
  ["-9223372036854775808", "-9223372036854775808", undefined],
  ["9223372036854775807", "9223372036854775807", undefined],
  ["-9223372036854775808.0", "-9223372036854775808", "-9223372036854775808"],
  ["9223372036854775807.0", "9223372036854775807", "9223372036854775807"],
  ["-9223372036854775808000m", "-9223372036854775808", "-9223372036854775808"],
  ["9223372036854775807000m", "9223372036854775807", "9223372036854775807"],
  ["-9223372036854775808.1", "-9223372036854775808.1", "-9223372036854775808100m"],
  ["9223372036854775807.1", "9223372036854775807.1", "9223372036854775807100m"],
  ["-9223372036854775807", "-9223372036854775807", undefined],
  ["9223372036854775808", "9223372036854775808", undefined],
  ["-9223372036854775807.0", "-9223372036854775807", "-9223372036854775807"],
  ["9223372036854775808.0", "9223372036854775808", "9223372036854775808"],
  ["-9223372036854775807000m", "-9223372036854775807", "-9223372036854775807"],
  ["9223372036854775808000m", "9223372036854775808", "9223372036854775808"],
  ["-9223372036854775807.1", "-9223372036854775807.1", "-9223372036854775807100m"],
  ["9223372036854775808.1", "9223372036854775808.1", "9223372036854775808100m"],
];

describe('parse and format around the int64 limits: TestParseQuantity table', () => {
  it.each(GO_LIMITS_TABLE)('%s', (input, value, canonical) => {
    const parsed = q(input);
    expect(compareQuantity(parsed, decimal(value))).toBe(0);
    expect(formatQuantity(parsed)).toBe(canonical ?? input);
  });
});

// ---------------------------------------------------------------------------
// Formatting of constructed values: TestNewSet, TestMilliNewSet, TestNewScaledSet,
// TestQuantityNeg, TestQuantityCanocicalizeZero

describe('formatQuantity of constructed values', () => {
  it.each([
    [1n, 'DecimalSI', '1'],
    [1000n, 'DecimalSI', '1k'],
    [1234000n, 'DecimalSI', '1234k'],
    [1024n, 'BinarySI', '1Ki'],
    [1024n * 1024n, 'BinarySI', '1Mi'],
  ] as const)('NewQuantity(%p, %s) prints as %s', (value, format, expected) => {
    expect(formatQuantity(mk(value, 0, format))).toBe(expected);
    expect(compareQuantity(q(expected), mk(value, 0, 'DecimalSI'))).toBe(0);
  });

  it.each([
    [1n, 'DecimalSI', '1m'],
    [1000n, 'DecimalSI', '1'],
    [1234000n, 'DecimalSI', '1234'],
    [1024n, 'BinarySI', '1024m'],
    [1024n * 1024n, 'BinarySI', '1048576m'],
  ] as const)('NewMilliQuantity(%p, %s) prints as %s', (value, format, expected) => {
    expect(formatQuantity(mk(value, -3, format))).toBe(expected);
  });

  it.each([
    [1n, -9, '1n'],
    [1000n, -9, '1u'],
    [1n, -6, '1u'],
    [1000n, -6, '1m'],
    [1n, -3, '1m'],
    [1000n, -3, '1'],
    [1n, 0, '1'],
    [0n, -9, '0'],
    [0n, -6, '0'],
    [0n, -3, '0'],
    [0n, 0, '0'],
  ])('NewScaledQuantity(%p, %p) prints as %s', (value, scale, expected) => {
    const built = mk(value, scale, 'DecimalSI');
    expect(formatQuantity(built)).toBe(expected);
    expect(compareQuantity(q(expected), built)).toBe(0);
  });

  it('negating 9.01 prints -9010m', () => {
    expect(formatQuantity(negate(mk(901n, -2, 'DecimalSI')))).toBe('-9010m');
  });

  it('a zero value never prints a suffix', () => {
    expect(formatQuantity(mk(0n, -3, 'DecimalSI'))).toBe('0');
    expect(formatQuantity(mk(0n, 0, 'BinarySI'))).toBe('0');
    expect(formatQuantity(mk(0n, 6, 'DecimalExponent'))).toBe('0');
  });
});

// ---------------------------------------------------------------------------
// Comparison: TestQuantityCmp, TestQuantityCmpInt64AndDec, and Go goldens

const GO_CMP_TABLE: ReadonlyArray<readonly [string, string, -1 | 0 | 1]> = [
  ["0", "0", 0],
  ["100m", "50m", 1],
  ["50m", "100m", -1],
  ["10000T", "100Gi", 1],
];

/** [a mantissa, a exponent, b mantissa, b exponent, Cmp(a, b)]. */
const GO_CMP_SCALED_TABLE: ReadonlyArray<readonly [bigint, number, bigint, number, -1 | 0 | 1]> = [
  [901n, -2, 901n, -2, 0],
  [90n, -1, 901n, -2, -1],
  [901n, -2, 900n, -2, 1],
  [0n, 0, 0n, 0, 0],
  [0n, 1, 0n, -1, 0],
  [0n, -1, 0n, 1, 0],
  [800n, -3, 1n, 0, -1],
  [800n, -3, 79n, -2, 1],
  [9223372036854775807n, 0, 1n, -1, 1],
  [9223372036854775807n, 1, 1n, 0, 1],
  [9223372036854775807n, 1, 1n, 1, 1],
  [9223372036854775807n, 1, 0n, 1, 1],
  [9223372036854775807n, -16, 1n, 3, -1],
  [-9223372036854775808n, 0, 0n, 0, -1],
  [-9223372036854775808n, -18, -1n, 0, -1],
  [-9223372036854775808n, -19, -1n, 0, 1],
  [1000000000000000000n, -17, 1n, 1, 0],
  [1000000000000000000n, -17, -10n, 0, 1],
  [-1000000000000000000n, -17, -10n, 0, 0],
  [1000000000000000000n, -17, 1n, 0, 1],
  [1000000000000000001n, -17, 1n, 1, 1],
  [999999999999999999n, -17, 1n, 1, -1],
];

/** Recorded from Go's Quantity.Cmp on ParseQuantity(a), ParseQuantity(b). */
const GO_CMP_GOLDEN: ReadonlyArray<readonly [string, string, -1 | 0 | 1]> = [
  ["0", "0", 0],
  ["100m", "50m", 1],
  ["50m", "100m", -1],
  ["10000T", "100Gi", 1],
  ["1", "1000m", 0],
  ["1k", "1000", 0],
  ["1Ki", "1024", 0],
  ["1Ki", "1k", 1],
  ["1Gi", "1G", 1],
  ["-1", "0", -1],
  ["-1Ki", "-1k", -1],
  ["1n", "0", 1],
  ["0.1n", "1n", 0],
  ["0.9n", "1n", 0],
  ["1.1n", "2n", 0],
  ["9Ei", "9223372036854775807", 0],
  ["9Ei", "8Ei", 0],
  ["9Ei", "9223372036854775808", -1],
  ["12E", "9Ei", 1],
  ["1000E", "1e21", 0],
  ["1e3", "1k", 0],
  ["1E-3", "1m", 0],
  ["1e-9", "1n", 0],
  ["1e-10", "1n", 0],
  ["-1e-10", "-1n", 0],
  ["-1e-10", "0", -1],
  ["999999999n", "1", -1],
  ["1000000001n", "1", 1],
  [".5", "500m", 0],
  ["0.5Mi", "512Ki", 0],
  ["1.5Gi", "1536Mi", 0],
  ["1.1Ki", "1126400m", 0],
  ["1.1Ki", "1126399999999n", 1],
  ["123456789012345678901234567890", "123456789012345678901234567891", -1],
  ["-123456789012345678901234567890", "-123456789012345678901234567891", 1],
  ["1e30", "999999999999999999999999999999", 1],
  ["1e-3", "0.000999999999", 0],
  ["+1", "1", 0],
  ["01", "1", 0],
  ["-", "0", 0],
  [".", "+", 0],
  ["7Ei", "8070450532247928832", 0],
  ["1.0001Ki", "1024.1024", 0],
  ["3.001n", "4n", 0],
  ["2000", "1.953125Ki", 0],
  ["100Mi", "104857600", 0],
  ["100Mi", "0.1Gi", -1],
  ["-0.1Gi", "-100Mi", -1],
  ["1e18", "1E", 0],
  ["1E", "1e18", 0],
  ["10E", "1e19", 0],
  ["5n", "0.000000005", 0],
  ["6.987654321G", "6987654321", 0],
  ["1Ti", "1099511627776", 0],
  ["1Pi", "1125899906842624", 0],
  ["1Ei", "1152921504606846976", 0],
  ["1Ei", "1152921504606846977", -1],
  ["-1Ei", "-1152921504606846977", 1],
];

describe('compareQuantity', () => {
  it.each(GO_CMP_TABLE)('TestQuantityCmp: %s vs %s is %p', (a, b, expected) => {
    expect(compareQuantity(q(a), q(b))).toBe(expected);
  });

  it.each(GO_CMP_SCALED_TABLE)(
    'TestQuantityCmpInt64AndDec: %p×10^%p vs %p×10^%p is %p',
    (am, ae, bm, be, expected) => {
      const a = mk(am, ae, 'DecimalSI');
      const b = mk(bm, be, 'DecimalSI');
      expect(compareQuantity(a, b)).toBe(expected);
      expect(sign(compareQuantity(b, a))).toBe(sign(-expected));
    },
  );

  it.each(GO_CMP_GOLDEN)('Go golden: %s vs %s is %p', (a, b, expected) => {
    expect(compareQuantity(q(a), q(b))).toBe(expected);
    expect(sign(compareQuantity(q(b), q(a)))).toBe(sign(-expected));
  });

  it('never produces a negative-zero exponent', () => {
    for (const s of ['1Ki', '1.5Ki', '5', '-0', '1.0001Ki']) {
      expect(Object.is(q(s).exponent, -0)).toBe(false);
    }
  });

  it('ignores format and remembered text', () => {
    expect(compareQuantity(mk(5n, 0, 'BinarySI'), mk(5000n, -3, 'DecimalExponent'))).toBe(0);
    expect(compareQuantity(q('+1'), q('1000m'))).toBe(0);
  });

  it('handles exponents far apart without building huge numbers', () => {
    expect(compareQuantity(q('1e2000000000'), q('9Ei'))).toBe(1);
    expect(compareQuantity(q('-1e2000000000'), q('-9Ei'))).toBe(-1);
    expect(compareQuantity(q('1e-2000000000'), q('1n'))).toBe(0); // rounded up to 1n
  });
});

// ---------------------------------------------------------------------------
// Go golden: String(), Format and exact value for curated and random inputs

type Golden =
  | { readonly error: keyof typeof QUANTITY_ERRORS }
  | { readonly string: string; readonly format: QuantityFormat; readonly value: string };

/** Recorded from Go: ParseQuantity(input) -> String(), Format, AsDec().String(), or the error. */
const GO_GOLDEN: ReadonlyArray<readonly [string, Golden]> = [
  ["0", { string: "0", format: "DecimalSI", value: "0" }],
  ["00", { string: "0", format: "DecimalSI", value: "0" }],
  ["-0", { string: "0", format: "DecimalSI", value: "0" }],
  ["+0", { string: "0", format: "DecimalSI", value: "0" }],
  ["0.0", { string: "0", format: "DecimalSI", value: "0.0" }],
  [".", { string: "0", format: "DecimalSI", value: "0" }],
  ["-.", { string: "0", format: "DecimalSI", value: "0" }],
  ["+", { string: "0", format: "DecimalSI", value: "0" }],
  ["-", { string: "0", format: "DecimalSI", value: "0" }],
  ["k", { string: "0", format: "DecimalSI", value: "0" }],
  ["Ki", { string: "0", format: "BinarySI", value: "0" }],
  ["Ti", { string: "0", format: "BinarySI", value: "0" }],
  ["Pi", { error: "numeric" }],
  ["Ei", { error: "numeric" }],
  [".Pi", { error: "numeric" }],
  ["-Pi", { error: "numeric" }],
  ["e-10", { error: "numeric" }],
  [".e-10", { error: "numeric" }],
  ["1", { string: "1", format: "DecimalSI", value: "1" }],
  ["+1", { string: "+1", format: "DecimalSI", value: "1" }],
  ["01", { string: "01", format: "DecimalSI", value: "1" }],
  ["-01", { string: "-01", format: "DecimalSI", value: "-1" }],
  ["001Ki", { string: "001Ki", format: "BinarySI", value: "1024" }],
  ["+1Ki", { string: "+1Ki", format: "BinarySI", value: "1024" }],
  ["1.", { string: "1.", format: "DecimalSI", value: "1" }],
  ["1.Ki", { string: "1.Ki", format: "BinarySI", value: "1024" }],
  ["1.k", { string: "1.k", format: "DecimalSI", value: "1000" }],
  ["1.500k", { string: "1.500k", format: "DecimalSI", value: "1500" }],
  ["12.345k", { string: "12.345k", format: "DecimalSI", value: "12345" }],
  ["100.035k", { string: "100.035k", format: "DecimalSI", value: "100035" }],
  ["7.123456M", { string: "7.123456M", format: "DecimalSI", value: "7123456" }],
  ["1.5k", { string: "1500", format: "DecimalSI", value: "1500" }],
  ["1.000k", { string: "1k", format: "DecimalSI", value: "1000" }],
  ["1000", { string: "1k", format: "DecimalSI", value: "1000" }],
  ["1000m", { string: "1", format: "DecimalSI", value: "1.000" }],
  ["1024Mi", { string: "1Gi", format: "BinarySI", value: "1073741824" }],
  ["1Gi", { string: "1Gi", format: "BinarySI", value: "1073741824" }],
  ["100Mi", { string: "100Mi", format: "BinarySI", value: "104857600" }],
  ["2048Ki", { string: "2Mi", format: "BinarySI", value: "2097152" }],
  ["1025Ki", { string: "1025Ki", format: "BinarySI", value: "1049600" }],
  ["1.5Gi", { string: "1536Mi", format: "BinarySI", value: "1610612736.000000000" }],
  ["1.5Ki", { string: "1536", format: "BinarySI", value: "1536.000000000" }],
  ["1.953125Ki", { string: "2000", format: "BinarySI", value: "2000.000000000" }],
  ["0.9765625Ki", { string: "1k", format: "BinarySI", value: "1000.000000000" }],
  ["1.0001Ki", { string: "1024102400u", format: "BinarySI", value: "1024.102400000" }],
  ["0.5Ki", { string: "512", format: "BinarySI", value: "512.000000000" }],
  ["0.001Ki", { string: "1024m", format: "BinarySI", value: "1.024000000" }],
  [".000000000001Ki", { string: "2n", format: "DecimalSI", value: "0.000000002" }],
  ["8Ei", { string: "9223372036854775807", format: "BinarySI", value: "9223372036854775807" }],
  ["9Ei", { string: "9223372036854775807", format: "BinarySI", value: "9223372036854775807" }],
  ["-9Ei", { string: "-9223372036854775807", format: "BinarySI", value: "-9223372036854775807" }],
  ["7Ei", { string: "7Ei", format: "BinarySI", value: "8070450532247928832.000000000" }],
  ["7.99999999999999999999Ei", { string: "9223372036854775807", format: "BinarySI", value: "9223372036854775807" }],
  ["9223372036854775807Ki", { string: "9223372036854775807", format: "BinarySI", value: "9223372036854775807" }],
  ["1023", { string: "1023", format: "DecimalSI", value: "1023" }],
  ["1024", { string: "1024", format: "DecimalSI", value: "1024" }],
  ["-1024", { string: "-1024", format: "DecimalSI", value: "-1024" }],
  ["1e3", { string: "1e3", format: "DecimalExponent", value: "1000" }],
  ["1E3", { string: "1E3", format: "DecimalExponent", value: "1000" }],
  ["1e+3", { string: "1e+3", format: "DecimalExponent", value: "1000" }],
  ["1e03", { string: "1e03", format: "DecimalExponent", value: "1000" }],
  ["1e-3", { string: "1e-3", format: "DecimalExponent", value: "0.001" }],
  ["1e13", { string: "10e12", format: "DecimalExponent", value: "10000000000000" }],
  ["1e-7", { string: "100e-9", format: "DecimalExponent", value: "0.0000001" }],
  ["1.5e3", { string: "1500", format: "DecimalExponent", value: "1500" }],
  ["1.500e3", { string: "1.500e3", format: "DecimalExponent", value: "1500" }],
  ["0.5e-9", { string: "1e-9", format: "DecimalExponent", value: "0.000000001" }],
  ["1e-10", { string: "1e-9", format: "DecimalExponent", value: "0.000000001" }],
  ["1e-100", { string: "1e-9", format: "DecimalExponent", value: "0.000000001" }],
  ["1.1E-9", { string: "2e-9", format: "DecimalExponent", value: "0.000000002" }],
  ["1e4294967296", { string: "1e4294967296", format: "DecimalExponent", value: "1" }],
  ["1e4294967299", { string: "1e4294967299", format: "DecimalExponent", value: "1000" }],
  ["1e9223372036854775807", { string: "100e-3", format: "DecimalExponent", value: "0.1" }],
  ["1e9223372036854775808", { error: "suffix" }],
  ["1e", { error: "suffix" }],
  ["1e+", { error: "suffix" }],
  ["1ee3", { error: "suffix" }],
  ["1k3", { error: "suffix" }],
  ["1Ki3", { error: "suffix" }],
  ["0.1m", { string: "100u", format: "DecimalSI", value: "0.0001" }],
  ["0.1n", { string: "1n", format: "DecimalSI", value: "0.000000001" }],
  ["0.0001n", { string: "1n", format: "DecimalSI", value: "0.000000001" }],
  ["3.001n", { string: "4n", format: "DecimalSI", value: "0.000000004" }],
  ["0.5", { string: "500m", format: "DecimalSI", value: "0.5" }],
  ["0.50000", { string: "500m", format: "DecimalSI", value: "0.50000" }],
  ["1.5", { string: "1500m", format: "DecimalSI", value: "1.5" }],
  ["-1.5", { string: "-1500m", format: "DecimalSI", value: "-1.5" }],
  ["1500m", { string: "1500m", format: "DecimalSI", value: "1.500" }],
  ["1000E", { string: "1", format: "DecimalSI", value: "1000000000000000000000" }],
  ["10000E", { string: "10", format: "DecimalSI", value: "10000000000000000000000" }],
  ["12E", { string: "12E", format: "DecimalSI", value: "12000000000000000000" }],
  ["1E", { string: "1E", format: "DecimalSI", value: "1000000000000000000" }],
  ["1000000000000000000000", { string: "1", format: "DecimalSI", value: "1000000000000000000000.000000000" }],
  ["999999999999999999", { string: "999999999999999999", format: "DecimalSI", value: "999999999999999999" }],
  ["9999999999999999999", { string: "9999999999999999999", format: "DecimalSI", value: "9999999999999999999.000000000" }],
  ["9223372036854775808", { string: "9223372036854775808", format: "DecimalSI", value: "9223372036854775808.000000000" }],
  ["1e21", { string: "1e21", format: "DecimalExponent", value: "1000000000000000000000" }],
  ["1e+21", { string: "1e+21", format: "DecimalExponent", value: "1000000000000000000000" }],
  ["-1000E", { string: "-1", format: "DecimalSI", value: "-1000000000000000000000" }],
  ["1.1.M", { error: "format" }],
  ["1+1.0M", { error: "format" }],
  ["0.1mi", { error: "suffix" }],
  ["aoeu", { error: "format" }],
  [".5i", { error: "suffix" }],
  ["1i", { error: "suffix" }],
  ["-3.01i", { error: "suffix" }],
  ["-3.01e-", { error: "suffix" }],
  [" 1", { error: "format" }],
  ["1 ", { error: "format" }],
  ["--1", { error: "suffix" }],
  ["1KiB", { error: "format" }],
  ["1ki", { error: "suffix" }],
  ["1K", { error: "suffix" }],
  ["0.000000001", { string: "1n", format: "DecimalSI", value: "0.000000001" }],
  ["0.0000000001", { string: "1n", format: "DecimalSI", value: "0.000000001" }],
  ["1000000n", { string: "1m", format: "DecimalSI", value: "0.001000000" }],
  ["1000000000n", { string: "1", format: "DecimalSI", value: "1.000000000" }],
  ["999m", { string: "999m", format: "DecimalSI", value: "0.999" }],
  ["1001m", { string: "1001m", format: "DecimalSI", value: "1.001" }],
  ["123456789012345678901234567890", { string: "123456789012345678901234567890", format: "DecimalSI", value: "123456789012345678901234567890.000000000" }],
  ["0.000000000000000000000001", { string: "1n", format: "DecimalSI", value: "0.000000001" }],
  ["+5.020030206e21", { string: "+5.020030206e21", format: "DecimalExponent", value: "5020030206000000000000" }],
  ["-k", { string: "0", format: "DecimalSI", value: "0" }],
  ["--4E", { error: "format" }],
  ["+000370.5m", { string: "370500u", format: "DecimalSI", value: "0.3705" }],
  [" 011579E-7", { error: "format" }],
  ["-00474097.e-2", { string: "-4740970e-3", format: "DecimalExponent", value: "-4740.97" }],
  [" 000.00E+15", { error: "format" }],
  [" 00e-3", { error: "format" }],
  ["-0008E", { string: "-0008E", format: "DecimalSI", value: "-8000000000000000000" }],
  ["-9045e3", { string: "-9045e3", format: "DecimalExponent", value: "-9045000" }],
  ["+04800862210005203.e-1", { string: "480086221000520300e-3", format: "DecimalExponent", value: "480086221000520.3" }],
  ["0004706T", { string: "0004706T", format: "DecimalSI", value: "4706000000000000" }],
  ["--0004e-1", { error: "format" }],
  ["-60580e+", { error: "suffix" }],
  ["--05.e4294967299", { error: "format" }],
  [" 76.0504E", { error: "format" }],
  ["--0037E", { error: "format" }],
  ["-0008025mm", { error: "suffix" }],
  ["0009087e", { error: "suffix" }],
  ["+00060592.5E", { string: "60592500P", format: "DecimalSI", value: "60592500000000000000000" }],
  ["00858914e9223372036854775807", { string: "85891400e-3", format: "DecimalExponent", value: "85891.4" }],
  ["+0000404e9223372036854775807", { string: "40400e-3", format: "DecimalExponent", value: "40.4" }],
  ["+0e33", { string: "0", format: "DecimalExponent", value: "0" }],
  [".0000u", { string: "0", format: "DecimalSI", value: "0.0000000000" }],
  ["-00504Kii", { error: "suffix" }],
  ["2789e0", { string: "2789e0", format: "DecimalExponent", value: "2789" }],
  ["+78248e+", { error: "suffix" }],
  ["005.2099e4294967299-", { error: "format" }],
  ["-06T", { string: "-06T", format: "DecimalSI", value: "-6000000000000" }],
  ["--0004e-1", { error: "format" }],
  ["-60580e+", { error: "suffix" }],
  ["--05.e4294967299", { error: "format" }],
  [" 76.0504E", { error: "format" }],
  ["--0037E", { error: "format" }],
  ["-0008025mm", { error: "suffix" }],
  ["0009087e", { error: "suffix" }],
  ["+00060592.5E", { string: "60592500P", format: "DecimalSI", value: "60592500000000000000000" }],
  ["00858914e9223372036854775807", { string: "85891400e-3", format: "DecimalExponent", value: "85891.4" }],
  ["+0000404e9223372036854775807", { string: "40400e-3", format: "DecimalExponent", value: "40.4" }],
  ["+0e33", { string: "0", format: "DecimalExponent", value: "0" }],
  [".0000u", { string: "0", format: "DecimalSI", value: "0.0000000000" }],
  ["-00504Kii", { error: "suffix" }],
  ["2789e0", { string: "2789e0", format: "DecimalExponent", value: "2789" }],
  ["+78248e+", { error: "suffix" }],
  ["005.2099e4294967299-", { error: "format" }],
  ["-06T", { string: "-06T", format: "DecimalSI", value: "-6000000000000" }],
  ["--0004e-1", { error: "format" }],
  ["-60580e+", { error: "suffix" }],
  ["--05.e4294967299", { error: "format" }],
  [" 76.0504E", { error: "format" }],
  ["--0037E", { error: "format" }],
  ["-0008025mm", { error: "suffix" }],
  ["0009087e", { error: "suffix" }],
  ["+00060592.5E", { string: "60592500P", format: "DecimalSI", value: "60592500000000000000000" }],
  ["00858914e9223372036854775807", { string: "85891400e-3", format: "DecimalExponent", value: "85891.4" }],
  ["+0000404e9223372036854775807", { string: "40400e-3", format: "DecimalExponent", value: "40.4" }],
  ["+0e33", { string: "0", format: "DecimalExponent", value: "0" }],
  [".0000u", { string: "0", format: "DecimalSI", value: "0.0000000000" }],
  ["-00504Kii", { error: "suffix" }],
  ["2789e0", { string: "2789e0", format: "DecimalExponent", value: "2789" }],
  ["+78248e+", { error: "suffix" }],
  ["005.2099e4294967299-", { error: "format" }],
  ["-06T", { string: "-06T", format: "DecimalSI", value: "-6000000000000" }],
  ["--0004e-1", { error: "format" }],
  ["-60580e+", { error: "suffix" }],
  ["--05.e4294967299", { error: "format" }],
  [" 76.0504E", { error: "format" }],
  ["--0037E", { error: "format" }],
  ["-0008025mm", { error: "suffix" }],
  ["0009087e", { error: "suffix" }],
  ["+00060592.5E", { string: "60592500P", format: "DecimalSI", value: "60592500000000000000000" }],
  ["00858914e9223372036854775807", { string: "85891400e-3", format: "DecimalExponent", value: "85891.4" }],
  ["+0000404e9223372036854775807", { string: "40400e-3", format: "DecimalExponent", value: "40.4" }],
  ["+0e33", { string: "0", format: "DecimalExponent", value: "0" }],
  [".0000u", { string: "0", format: "DecimalSI", value: "0.0000000000" }],
  ["-00504Kii", { error: "suffix" }],
  ["2789e0", { string: "2789e0", format: "DecimalExponent", value: "2789" }],
  ["+78248e+", { error: "suffix" }],
  ["005.2099e4294967299-", { error: "format" }],
  ["-06T", { string: "-06T", format: "DecimalSI", value: "-6000000000000" }],
  ["--0004e-1", { error: "format" }],
  ["-60580e+", { error: "suffix" }],
  ["--05.e4294967299", { error: "format" }],
  [" 76.0504E", { error: "format" }],
  ["--0037E", { error: "format" }],
  ["-0008025mm", { error: "suffix" }],
  ["0009087e", { error: "suffix" }],
  ["+00060592.5E", { string: "60592500P", format: "DecimalSI", value: "60592500000000000000000" }],
  ["00858914e9223372036854775807", { string: "85891400e-3", format: "DecimalExponent", value: "85891.4" }],
  ["+0000404e9223372036854775807", { string: "40400e-3", format: "DecimalExponent", value: "40.4" }],
  ["+0e33", { string: "0", format: "DecimalExponent", value: "0" }],
  [".0000u", { string: "0", format: "DecimalSI", value: "0.0000000000" }],
  ["-00504Kii", { error: "suffix" }],
  ["2789e0", { string: "2789e0", format: "DecimalExponent", value: "2789" }],
  ["+78248e+", { error: "suffix" }],
  ["005.2099e4294967299-", { error: "format" }],
  ["-06T", { string: "-06T", format: "DecimalSI", value: "-6000000000000" }],
  ["--0004e-1", { error: "format" }],
  ["-60580e+", { error: "suffix" }],
  ["--05.e4294967299", { error: "format" }],
  [" 76.0504E", { error: "format" }],
  ["--0037E", { error: "format" }],
  ["-0008025mm", { error: "suffix" }],
  ["0009087e", { error: "suffix" }],
  ["+00060592.5E", { string: "60592500P", format: "DecimalSI", value: "60592500000000000000000" }],
  ["00858914e9223372036854775807", { string: "85891400e-3", format: "DecimalExponent", value: "85891.4" }],
  ["+0000404e9223372036854775807", { string: "40400e-3", format: "DecimalExponent", value: "40.4" }],
  ["+0e33", { string: "0", format: "DecimalExponent", value: "0" }],
  [".0000u", { string: "0", format: "DecimalSI", value: "0.0000000000" }],
  ["-00504Kii", { error: "suffix" }],
  ["2789e0", { string: "2789e0", format: "DecimalExponent", value: "2789" }],
  ["+78248e+", { error: "suffix" }],
  ["005.2099e4294967299-", { error: "format" }],
  ["-06T", { string: "-06T", format: "DecimalSI", value: "-6000000000000" }],
  ["--0004e-1", { error: "format" }],
  ["-60580e+", { error: "suffix" }],
  ["--05.e4294967299", { error: "format" }],
  [" 76.0504E", { error: "format" }],
  ["--0037E", { error: "format" }],
  ["-0008025mm", { error: "suffix" }],
  ["0009087e", { error: "suffix" }],
  ["+00060592.5E", { string: "60592500P", format: "DecimalSI", value: "60592500000000000000000" }],
  ["00858914e9223372036854775807", { string: "85891400e-3", format: "DecimalExponent", value: "85891.4" }],
  ["+0000404e9223372036854775807", { string: "40400e-3", format: "DecimalExponent", value: "40.4" }],
  ["+0e33", { string: "0", format: "DecimalExponent", value: "0" }],
  [".0000u", { string: "0", format: "DecimalSI", value: "0.0000000000" }],
  ["-00504Kii", { error: "suffix" }],
  ["2789e0", { string: "2789e0", format: "DecimalExponent", value: "2789" }],
  ["+78248e+", { error: "suffix" }],
  ["005.2099e4294967299-", { error: "format" }],
  ["-06T", { string: "-06T", format: "DecimalSI", value: "-6000000000000" }],
  ["--0004e-1", { error: "format" }],
  ["-60580e+", { error: "suffix" }],
  ["--05.e4294967299", { error: "format" }],
  [" 76.0504E", { error: "format" }],
  ["--0037E", { error: "format" }],
  ["-0008025mm", { error: "suffix" }],
  ["0009087e", { error: "suffix" }],
  ["+00060592.5E", { string: "60592500P", format: "DecimalSI", value: "60592500000000000000000" }],
  ["00858914e9223372036854775807", { string: "85891400e-3", format: "DecimalExponent", value: "85891.4" }],
  ["+0000404e9223372036854775807", { string: "40400e-3", format: "DecimalExponent", value: "40.4" }],
  ["+0e33", { string: "0", format: "DecimalExponent", value: "0" }],
  [".0000u", { string: "0", format: "DecimalSI", value: "0.0000000000" }],
  ["-00504Kii", { error: "suffix" }],
  ["2789e0", { string: "2789e0", format: "DecimalExponent", value: "2789" }],
  ["+78248e+", { error: "suffix" }],
  ["005.2099e4294967299-", { error: "format" }],
  ["-06T", { string: "-06T", format: "DecimalSI", value: "-6000000000000" }],
  ["--0004e-1", { error: "format" }],
  ["-60580e+", { error: "suffix" }],
  ["--05.e4294967299", { error: "format" }],
  [" 76.0504E", { error: "format" }],
  ["--0037E", { error: "format" }],
  ["-0008025mm", { error: "suffix" }],
  ["0009087e", { error: "suffix" }],
  ["+00060592.5E", { string: "60592500P", format: "DecimalSI", value: "60592500000000000000000" }],
  ["00858914e9223372036854775807", { string: "85891400e-3", format: "DecimalExponent", value: "85891.4" }],
  ["+0000404e9223372036854775807", { string: "40400e-3", format: "DecimalExponent", value: "40.4" }],
  ["+0e33", { string: "0", format: "DecimalExponent", value: "0" }],
  [".0000u", { string: "0", format: "DecimalSI", value: "0.0000000000" }],
];

describe('Go golden outputs', () => {
  it.each(GO_GOLDEN)('%j', (input, expected) => {
    const parsed = parseQuantity(input);
    if ('error' in expected) {
      expect(parsed).toEqual({ _tag: 'Left', left: QUANTITY_ERRORS[expected.error] });
      return;
    }
    const got = unwrap(parsed, input);
    expect(formatQuantity(got)).toBe(expected.string);
    expect(got.format).toBe(expected.format);
    expect(compareQuantity(got, decimal(expected.value))).toBe(0);
  });
});

// ---------------------------------------------------------------------------
// Behaviour worth pinning explicitly (all confirmed against Go)

describe('Go quirks', () => {
  it.each([
    ['+1', '+1'],
    ['01', '01'],
    ['1.', '1.'],
    ['1.Ki', '1.Ki'],
    ['1.500k', '1.500k'],
    ['1E3', '1E3'],
    ['1e+3', '1e+3'],
  ])('keeps %j verbatim because the fast path judged it canonical', (input, expected) => {
    expect(q(input).verbatim).toBe(input);
    expect(canonicalQuantity(input)).toEqual({ _tag: 'Right', right: expected });
  });

  it.each(['-', '+', '.', '-.', 'k', 'Ki', 'Ti', '-m'])('accepts %j as zero', (input) => {
    expect(canonicalQuantity(input)).toEqual({ _tag: 'Right', right: '0' });
  });

  it('rounds sub-nano values up, away from zero', () => {
    expect(canonicalQuantity('0.1n')).toEqual({ _tag: 'Right', right: '1n' });
    expect(canonicalQuantity('-0.1n')).toEqual({ _tag: 'Right', right: '-1n' });
    expect(canonicalQuantity('0.1m')).toEqual({ _tag: 'Right', right: '100u' }); // not rounded: 0.1m is 100u
    expect(canonicalQuantity('1.0000000001')).toEqual({ _tag: 'Right', right: '1000000001n' });
  });

  it('caps BinarySI at 2^63-1 in magnitude but never caps decimal values', () => {
    expect(q('8Ei')).toMatchObject({ mantissa: MAX_INT64, exponent: 0, format: 'BinarySI' });
    expect(formatQuantity(q('-9Ei'))).toBe('-9223372036854775807');
    expect(formatQuantity(q('12E'))).toBe('12E');
    expect(compareQuantity(q('9223372036854775808'), q('9Ei'))).toBe(1);
  });

  it('prints whole BinarySI values that are not multiples of 1024 as bare integers', () => {
    expect(canonicalQuantity('1.5Ki')).toEqual({ _tag: 'Right', right: '1536' });
    expect(canonicalQuantity('1.953125Ki')).toEqual({ _tag: 'Right', right: '2000' });
    // ...which Go then re-reads as DecimalSI, so a second round trip changes the text.
    expect(canonicalQuantity('2000')).toEqual({ _tag: 'Right', right: '2k' });
    // Below 1024, or with a fraction, BinarySI prints as DecimalSI.
    expect(canonicalQuantity('0.9765625Ki')).toEqual({ _tag: 'Right', right: '1k' });
    expect(canonicalQuantity('1.0001Ki')).toEqual({ _tag: 'Right', right: '1024102400u' });
    expect(q('1.0001Ki').format).toBe('BinarySI');
    expect(q('0.5Ki').format).toBe('BinarySI');
    expect(q('.000000000001Ki').format).toBe('DecimalSI');
  });

  it('drops the suffix of DecimalSI values of 10^21 and more', () => {
    expect(canonicalQuantity('1000E')).toEqual({ _tag: 'Right', right: '1' });
    expect(canonicalQuantity('10000E')).toEqual({ _tag: 'Right', right: '10' });
    expect(canonicalQuantity('1e21')).toEqual({ _tag: 'Right', right: '1e21' });
  });

  it('folds exponents to multiples of three', () => {
    expect(canonicalQuantity('1e13')).toEqual({ _tag: 'Right', right: '10e12' });
    expect(canonicalQuantity('1e-7')).toEqual({ _tag: 'Right', right: '100e-9' });
    expect(canonicalQuantity('1.5e3')).toEqual({ _tag: 'Right', right: '1500' });
  });

  it('truncates the exponent to int32 as Go does', () => {
    expect(canonicalQuantity('1e4294967296')).toEqual({ _tag: 'Right', right: '1e4294967296' });
    expect(compareQuantity(q('1e4294967296'), q('1'))).toBe(0);
    expect(canonicalQuantity('1e9223372036854775807')).toEqual({ _tag: 'Right', right: '100e-3' });
  });

  it('stays fast for absurd exponents', () => {
    expect(canonicalQuantity('1e2000000000')).toEqual({ _tag: 'Right', right: '100e1999999998' });
    // Go's slow path never finishes this one; the exact answer is 1n after rounding up.
    expect(canonicalQuantity('1.5e-2000000000')).toEqual({ _tag: 'Right', right: '1e-9' });
    // 19 digits take Go's slow path, which would try to build 10^2000000009 here.
    expect(canonicalQuantity('1234567890123456789e2000000000')).toEqual({
      _tag: 'Right',
      right: '123456789012345678900e1999999998',
    });
  });
});

// ---------------------------------------------------------------------------
// io-ts codec (Go's UnmarshalJSON): TestJSONWhitespace and more

describe('quantityCodec', () => {
  it.each([
    [' 1', '1'],
    ['1 ', '1'],
    [1, '1'],
    [10, '10'],
    [-1, '-1'],
  ])('TestJSONWhitespace: %j decodes to %j', (input, expected) => {
    expect(quantityCodec.decode(input)).toEqual({ _tag: 'Right', right: expected });
  });

  it.each([
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['1000m', '1'],
    ['0.5', '500m'],
    ['1e3', '1e3'],
    ['+1', '+1'],
    ['\u00a01\u3000', '1'],
    ['\u20001\u2028', '1'],
    [0.5, '500m'],
    [1.5, '1500m'],
    [1000, '1k'],
    [3.14159, '3141590u'],
    [1e-7, '100e-9'],
    [-0, '0'],
    [12345678901234567890n, '12345678901234567890'],
  ])('%p decodes to %j (as Go decodes the same JSON)', (input, expected) => {
    expect(quantityCodec.decode(input)).toEqual({ _tag: 'Right', right: expected });
  });

  it.each([
    ['', 'empty'],
    [' ', 'only spaces'],
    ['1\t', 'a tab, which JSON escapes, so Go sees a backslash'],
    ['\n1', 'a newline, likewise'],
    ['\ufeff1', 'a BOM, which Go does not treat as space'],
    ['abc', 'not a quantity'],
    [null, 'null'],
    [true, 'a boolean'],
    [{}, 'an object'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [2 ** 60, 'an integer that lost digits in a double'],
    [1e21, 'likewise (Go would keep the literal, e.g. "1e21")'],
  ] as ReadonlyArray<readonly [unknown, string]>)('rejects %p (%s)', (input) => {
    expect(isLeft(quantityCodec.decode(input))).toBe(true);
  });

  it('reports Go\'s message', () => {
    const result = quantityCodec.decode('1 Gi');
    expect(isLeft(result)).toBe(true);
    if (isLeft(result)) {
      expect(result.left[0]?.message).toBe(QUANTITY_ERRORS.format);
    }
  });

  it.each([
    [null, 'a quantity must be a JSON string or number'],
    [{}, 'a quantity must be a JSON string or number'],
    [Number.NaN, 'a quantity number must be finite'],
    [Number.NEGATIVE_INFINITY, 'a quantity number must be finite'],
    [2 ** 60, 'a quantity number beyond 2^53 is not exact; write it as a string'],
  ] as ReadonlyArray<readonly [unknown, string]>)('says why it refuses %p', (input, message) => {
    const result = quantityCodec.decode(input);
    expect(isLeft(result) ? result.left.map((e) => e.message) : result).toEqual([message]);
  });

  it('is() accepts quantity strings only; encode is the identity', () => {
    expect(quantityCodec.is('100m')).toBe(true);
    expect(quantityCodec.is(' 100m')).toBe(false);
    expect(quantityCodec.is(100)).toBe(false);
    expect(quantityCodec.encode('1Gi')).toBe('1Gi');
  });
});

// ---------------------------------------------------------------------------
// Properties

const digitString = (max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), { maxLength: max }).map((d) => d.join(''));

const SUFFIXES = ['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** Well-formed quantity text with at least one integer digit. */
const quantityText: fc.Arbitrary<string> = fc
  .record({
    sign: fc.constantFrom('', '-', '+'),
    int: digitString(22).map((d) => (d === '' ? '7' : d)),
    frac: fc.option(digitString(12), { nil: undefined }),
    suffix: fc.oneof(
      fc.constantFrom(...SUFFIXES),
      fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.integer({ min: 0, max: 40 })).map(
        ([e, s, n]) => `${e}${s}${n}`,
      ),
    ),
  })
  .map(({ sign: s, int, frac, suffix }) => `${s}${int}${frac === undefined ? '' : `.${frac}`}${suffix}`);

/** An exactly representable value written as text, with its exact value n × 10^exp. */
const exactValue: fc.Arbitrary<{ text: string; n: bigint; exp: number }> = fc.oneof(
  fc
    .record({
      n: fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
      frac: fc.integer({ min: 0, max: 6 }),
      suffix: fc.constantFrom('', 'm', 'k', 'M', 'G', 'u'),
    })
    .map(({ n, frac, suffix }) => {
      const p = DECIMAL_EXPONENTS.get(suffix) ?? 0;
      const digits = (n < 0n ? -n : n).toString().padStart(frac + 1, '0');
      const body = frac === 0 ? digits : `${digits.slice(0, -frac)}.${digits.slice(-frac)}`;
      return { text: `${n < 0n ? '-' : ''}${body}${suffix}`, n, exp: p - frac };
    }),
  fc
    .record({ n: fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), e: fc.integer({ min: -9, max: 30 }) })
    .map(({ n, e }) => ({ text: `${n}e${e}`, n, exp: e })),
  fc
    .record({ n: fc.bigInt({ min: -99999n, max: 99999n }), j: fc.integer({ min: 0, max: 3 }) })
    .map(({ n, j }) => ({ text: `${n}${['', 'Ki', 'Mi', 'Gi'][j] ?? ''}`, n: n << BigInt(10 * j), exp: 0 })),
);
const DECIMAL_EXPONENTS: ReadonlyMap<string, number> = new Map([
  ['', 0],
  ['m', -3],
  ['k', 3],
  ['M', 6],
  ['G', 9],
  ['u', -6],
]);

/** Oracle: compares n1 × 10^e1 with n2 × 10^e2 by scaling to a common exponent. */
/**
 * The value Kubernetes holds for n×10^exp: below a nano it rounds the
 * magnitude up to a whole number of nanos (0.1n is 1n, 0.0001u is 1n).
 */
function toNano({ n, exp }: { n: bigint; exp: number }): { n: bigint; exp: number } {
  if (exp >= -9 || n === 0n) return { n, exp };
  const d = 10n ** BigInt(-9 - exp);
  const mag = n < 0n ? -n : n;
  const up = mag / d + (mag % d === 0n ? 0n : 1n);
  return { n: n < 0n ? -up : up, exp: -9 };
}

function exactCompare(exactA: { n: bigint; exp: number }, exactB: { n: bigint; exp: number }): number {
  const [a, b] = [toNano(exactA), toNano(exactB)];
  const e = Math.min(a.exp, b.exp);
  const x = a.n * 10n ** BigInt(a.exp - e);
  const y = b.n * 10n ** BigInt(b.exp - e);
  return x === y ? 0 : x < y ? -1 : 1;
}

/** A bare integer printed for a BinarySI value, which Go re-reads as DecimalSI. */
const isBareBinaryThousands = (x: Quantity, printed: string): boolean =>
  x.format === 'BinarySI' && /^-?[0-9]*000$/.test(printed);

describe('properties', () => {
  fcIt.prop([fc.string({ maxLength: 30 })])('parse never throws and formatting a Right never throws', (s) => {
    const parsed = parseQuantity(s);
    if (isRight(parsed)) {
      expect(typeof formatQuantity(parsed.right)).toBe('string');
    } else {
      expect(Object.values(QUANTITY_ERRORS)).toContain(parsed.left);
    }
  });

  fcIt.prop([quantityText])('well-formed text with digits always parses', (s) => {
    expect(isRight(parseQuantity(s))).toBe(true);
  });

  fcIt.prop([quantityText])('format(parse(format(q))) is stable', (s) => {
    const first = q(s);
    const f1 = formatQuantity(first);
    const f2 = formatQuantity(q(f1));
    const f3 = formatQuantity(q(f2));
    expect(f3).toBe(f2);
    if (!isBareBinaryThousands(first, f1)) {
      expect(f2).toBe(f1);
    }
  });

  fcIt.prop([quantityText])('printing keeps the value (below 10^21 for DecimalSI)', (s) => {
    const first = q(s);
    const reparsed = q(formatQuantity(first));
    if (first.format !== 'DecimalSI' || compareQuantity(negateIfNegative(first), q('1000E')) < 0) {
      expect(compareQuantity(reparsed, first)).toBe(0);
    }
  });

  fcIt.prop([quantityText])('a negative value prints as "-" + the positive one', (s) => {
    const parsed = q(s);
    const positive: Quantity = { ...negateIfNegative(parsed), verbatim: undefined };
    if (positive.mantissa !== 0n) {
      expect(formatQuantity(negate(positive))).toBe(`-${formatQuantity(positive)}`);
    }
  });

  fcIt.prop([quantityText, quantityText])('compare is antisymmetric', (a, b) => {
    const x = q(a);
    const y = q(b);
    expect(sign(compareQuantity(x, y))).toBe(sign(-compareQuantity(y, x)));
    expect(compareQuantity(x, x)).toBe(0);
  });

  fcIt.prop([exactValue, exactValue])('compare agrees with the exact numeric value', (a, b) => {
    expect(compareQuantity(q(a.text), q(b.text))).toBe(exactCompare(a, b));
  });

  fcIt.prop([quantityText, quantityText, quantityText])('compare is transitive', (a, b, c) => {
    const [x, y, z] = [q(a), q(b), q(c)];
    if (compareQuantity(x, y) <= 0 && compareQuantity(y, z) <= 0) {
      expect(compareQuantity(x, z)).toBeLessThanOrEqual(0);
    }
  });

  fcIt.prop([quantityText, fc.nat(3), fc.nat(3)])('the codec trims spaces and agrees with canonicalQuantity', (s, l, r) => {
    expect(quantityCodec.decode(`${' '.repeat(l)}${s}${' '.repeat(r)}`)).toEqual(canonicalQuantity(s));
  });
});

function negateIfNegative(x: Quantity): Quantity {
  return x.mantissa < 0n ? negate(x) : x;
}

// The property above found it: its oracle compared exact values, where
// Kubernetes rounds anything finer than a nano up to a whole nano.
it('compares sub-nano values as the nanos they are rounded up to', () => {
  expect(compareQuantity(q('1e-9'), q('0.0001u'))).toBe(0);
  expect(compareQuantity(q('2n'), q('1.0000001n'))).toBe(0);
  expect(compareQuantity(q('-1n'), q('-0.0001u'))).toBe(0);
});
