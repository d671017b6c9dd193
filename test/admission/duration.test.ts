/**
 * admission/duration.ts: Go 1.13's time.ParseDuration and Duration.String,
 * as Tekton read and printed a TaskRun's `spec.timeout` (metav1.Duration).
 * Cases from Go's time tests (parseDurationTests, durationTests) with Go
 * 1.13's answers; a one-off differential run against Go 1.19 over 70,000
 * generated strings agreed everywhere but where 1.19 differs from 1.13
 * (quoted error texts; a whole part or a negative sum of exactly 2^63).
 */
import * as E from 'fp-ts/Either';
import { formatGoDuration, parseGoDuration } from '../../src/admission/duration';

const ns = 1n;
const us = 1000n * ns;
const ms = 1000n * us;
const s = 1000n * ms;
const m = 60n * s;
const h = 60n * m;
const MAX = (1n << 63n) - 1n;

describe('parseGoDuration accepts (parseDurationTests)', () => {
  it.each<[string, bigint]>([
    // simple
    ['0', 0n],
    ['5s', 5n * s],
    ['30s', 30n * s],
    ['1478s', 1478n * s],
    // sign
    ['-5s', -5n * s],
    ['+5s', 5n * s],
    ['-0', 0n],
    ['+0', 0n],
    // decimal
    ['5.0s', 5n * s],
    ['5.6s', 5n * s + 600n * ms],
    ['5.s', 5n * s],
    ['.5s', 500n * ms],
    ['1.0s', 1n * s],
    ['1.00s', 1n * s],
    ['1.004s', 1n * s + 4n * ms],
    ['1.0040s', 1n * s + 4n * ms],
    ['100.00100s', 100n * s + 1n * ms],
    // different units
    ['10ns', 10n * ns],
    ['11us', 11n * us],
    ['12µs', 12n * us],
    ['12μs', 12n * us],
    ['13ms', 13n * ms],
    ['14s', 14n * s],
    ['15m', 15n * m],
    ['16h', 16n * h],
    // composite durations
    ['3h30m', 3n * h + 30n * m],
    ['10.5s4m', 4n * m + 10n * s + 500n * ms],
    ['-2m3.4s', -(2n * m + 3n * s + 400n * ms)],
    ['1h2m3s4ms5us6ns', 1n * h + 2n * m + 3n * s + 4n * ms + 5n * us + 6n * ns],
    ['39h9m14.425s', 39n * h + 9n * m + 14n * s + 425n * ms],
    // large value
    ['52763797000ns', 52763797000n * ns],
    // more than 9 digits after the decimal point
    ['0.3333333333333333333h', 20n * m],
    // 9007199254740993 = 1<<53+1 cannot be stored precisely in a float64
    ['9007199254740993ns', (1n << 53n) + 1n],
    // the largest duration
    ['9223372036854775807ns', MAX],
    ['9223372036854775.807us', MAX],
    ['9223372036s854ms775us807ns', MAX],
    ['-9223372036854775807ns', -MAX],
    // huge fraction digits, ignored past int64 precision
    ['0.100000000000000000000h', 6n * m],
    ['0.830103483285477580700h', 49n * m + 48n * s + 372539827n * ns],
  ])('%j', (text, want) => {
    expect(parseGoDuration(text)).toEqual(E.right(want));
  });
});

describe('parseGoDuration refuses, with Go 1.13\'s text', () => {
  it.each<[string, string]>([
    ['', 'time: invalid duration '],
    ['3', 'time: missing unit in duration 3'],
    ['-', 'time: invalid duration -'],
    ['s', 'time: invalid duration s'],
    ['.', 'time: invalid duration .'],
    ['-.', 'time: invalid duration -.'],
    ['.s', 'time: invalid duration .s'],
    ['+.s', 'time: invalid duration +.s'],
    ['1d', 'time: unknown unit d in duration 1d'],
    ['1.1.1s', 'time: missing unit in duration 1.1.1s'],
    ['\x85\x85', 'time: invalid duration \x85\x85'],
    ['1\x85', 'time: unknown unit \x85 in duration 1\x85'],
    // overflow
    ['9223372036854775810ns', 'time: invalid duration 9223372036854775810ns'],
    ['9223372036854775808ns', 'time: invalid duration 9223372036854775808ns'],
    ['-9223372036854775808ns', 'time: invalid duration -9223372036854775808ns'],
    ['9223372036854776us', 'time: invalid duration 9223372036854776us'],
    ['3000000h', 'time: invalid duration 3000000h'],
    ['9223372036854775.808us', 'time: invalid duration 9223372036854775.808us'],
    ['9223372036854ms775us808ns', 'time: invalid duration 9223372036854ms775us808ns'],
  ])('%j', (text, why) => {
    expect(parseGoDuration(text)).toEqual(E.left(why));
  });
});

describe('formatGoDuration (durationTests)', () => {
  it.each<[bigint, string]>([
    [0n, '0s'],
    [1n * ns, '1ns'],
    [1100n * ns, '1.1µs'],
    [2200n * us, '2.2ms'],
    [3300n * ms, '3.3s'],
    [4n * m + 5n * s, '4m5s'],
    [4n * m + 5001n * ms, '4m5.001s'],
    [5n * h + 6n * m + 7001n * ms, '5h6m7.001s'],
    [8n * m + 1n * ns, '8m0.000000001s'],
    [MAX, '2562047h47m16.854775807s'],
    [-MAX, '-2562047h47m16.854775807s'],
    [-1n * h, '-1h0m0s'],
    [-90n * m, '-1h30m0s'],
    [-1500n * us, '-1.5ms'],
    [999n * ns, '999ns'],
    [1000n * ns, '1µs'],
    [1n * s, '1s'],
  ])('%s', (d, text) => {
    expect(formatGoDuration(d)).toBe(text);
  });

  it('reads back what it writes', () => {
    for (const d of [0n, 1n, 999n, 1001n, 123456789n, 3n * h + 1n, -MAX, MAX]) {
      expect(parseGoDuration(formatGoDuration(d))).toEqual(E.right(d));
    }
  });
});
