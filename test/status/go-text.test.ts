/**
 * status/go-text.ts: Go's %q and metav1.Time text. The quoting cases are
 * Go's own (strconv's quotetests, Go 1.13) where a JavaScript string can
 * hold them.
 */
import fc from 'fast-check';
import { goQuote, goTimeText, timeMillis } from '../../src/status/go-text';
import { checkProperty } from '../helpers/runs';

describe('goQuote (strconv.Quote)', () => {
  const cases: readonly [string, string][] = [
    ['\u0007\b\f\r\n\t\v', '"\\a\\b\\f\\r\\n\\t\\v"'],
    ['\\', '"\\\\"'],
    ['\u263a', '"\u263a"'],
    ['\u{10ffff}', '"\\U0010ffff"'],
    ['\u0004', '"\\x04"'],
    ['!\u00a0!\u2000!\u3000!', '"!\\u00a0!\\u2000!\\u3000!"'],
    ['\u007f', '"\\u007f"'],
    ['\u00ad', '"\\u00ad"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['', '""'],
    ['日本語 é 😀', '"日本語 é 😀"'],
  ];
  it.each(cases)('%j is %s', (s, quoted) => {
    expect(goQuote(s)).toBe(quoted);
  });

  it('a lone surrogate is written as U+FFFD', () => {
    expect(goQuote('a\ud800b')).toBe('"a\ufffdb"');
  });

  // Protects: quoting is reversible where it matters to a reader — the
  // quoted text has no raw control character or line break, and starts and
  // ends with a quote.
  it('never leaves a control character or an unescaped quote', () => {
    checkProperty('goQuote: escapes', 300, fc.property(fc.string({ unit: 'binary' }), (s) => {
      const q = goQuote(s);
      expect(q.startsWith('"') && q.endsWith('"')).toBe(true);
      expect(q).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
      expect(q.slice(1, -1).replace(/\\./g, '')).not.toContain('"');
    }));
  });
});

describe('metav1.Time text', () => {
  it('UTC, whole seconds, the fraction dropped (not rounded)', () => {
    expect(goTimeText(new Date('2019-10-30T12:00:00.999+02:00'))).toBe('2019-10-30T10:00:00Z');
  });

  it('years before 1000 and after 9999 as Go writes them', () => {
    expect(goTimeText(new Date('0099-01-02T03:04:05Z'))).toBe('0099-01-02T03:04:05Z');
    expect(goTimeText(new Date('+010000-01-01T00:00:00Z'))).toBe('10000-01-01T00:00:00Z');
  });

  it('an invalid Date has none', () => {
    expect(goTimeText(new Date(Number.NaN))).toBeUndefined();
  });

  it('reads the text back, years 0-99 included', () => {
    expect(timeMillis('1970-01-01T00:00:01Z')).toBe(1000);
    expect(timeMillis('0001-01-01T00:00:00Z')).toBe(new Date('0001-01-01T00:00:00Z').getTime());
    expect(timeMillis(new Date(5))).toBe(5);
    expect(timeMillis('yesterday')).toBeUndefined();
  });

  it('text and back is the instant to the second', () => {
    checkProperty('metav1.Time text round trip', 200, fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
      expect(timeMillis(goTimeText(d) ?? '')).toBe(Math.floor(d.getTime() / 1000) * 1000);
    }));
  });
});
