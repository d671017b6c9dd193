/**
 * The Go behaviours resource values depend on.
 */
import fc from 'fast-check';
import { equalFoldAscii, goBase64Decode, goBytesToString, GoJson, goJson, goJsonString, goParseBool, goToUpper, goTrimSpace, joinPath } from '../../src/resources/go';

const decoded = (s: string) => Buffer.from(goBase64Decode(s)).toString('latin1');

describe('Go helpers', () => {
  it('EqualFold against an ASCII word', () => {
    expect(equalFoldAscii('URL', 'url')).toBe(true);
    expect(equalFoldAscii('TargetURI', 'targetURI')).toBe(true);
    expect(equalFoldAscii('to\u212Aen', 'token')).toBe(true);
    expect(equalFoldAscii('revi\u017Fion', 'revision')).toBe(true);
    expect(equalFoldAscii('urls', 'url')).toBe(false);
    expect(equalFoldAscii('\u00fcrl', 'url')).toBe(false);
  });

  it('ToUpper keeps characters whose upper case is longer', () => {
    expect(goToUpper('githubToken')).toBe('GITHUBTOKEN');
    expect(goToUpper('stra\u00dfe')).toBe('STRA\u00dfE');
  });

  it('TrimSpace trims Unicode space but not U+FEFF', () => {
    expect(goTrimSpace(' \t\n\u0085\u00a0x y\u3000')).toBe('x y');
    expect(goTrimSpace('\ufeffx')).toBe('\ufeffx');
  });

  it('ParseBool', () => {
    expect(['1', 't', 'T', 'TRUE', 'true', 'True'].map(goParseBool)).toEqual(Array(6).fill(true));
    expect(['0', 'f', 'F', 'FALSE', 'false', 'False'].map(goParseBool)).toEqual(Array(6).fill(false));
    expect(goParseBool('yes')).toBeUndefined();
  });

  it('filepath.Join', () => {
    expect(joinPath('/workspace/output/', 'src')).toBe('/workspace/output/src');
    expect(joinPath('/workspace', '/abs/')).toBe('/workspace/abs');
    expect(joinPath('/workspace', '../x')).toBe('/x');
    expect(joinPath('/var/secret', '')).toBe('/var/secret');
    expect(joinPath('', '')).toBe('');
  });

  it('base64: padded, with line breaks, and what decodes before an error', () => {
    expect(decoded('bXktY2EtY2VydAo=')).toBe('my-ca-cert\n');
    expect(decoded('bXkt\nY2Et\r\nY2VydAo=')).toBe('my-ca-cert\n');
    expect(decoded('bXktY2x1c3Rlci1jZXJ0Cg')).toBe('my-cluster-cert');
    expect(decoded('bXkt*2Et')).toBe('my-');
    expect(decoded('bXk=bXk=')).toBe('my');
    expect(decoded('b===')).toBe('');
    expect(decoded('')).toBe('');
  });

  it('bytes to string: invalid UTF-8 bytes become U+FFFD one by one', () => {
    expect(goBytesToString(Uint8Array.from([0x61, 0xe2, 0x82, 0xac, 0xff, 0xe2, 0x82]))).toBe('a\u20ac\ufffd\ufffd\ufffd');
  });

  it('EqualFold: the Kelvin sign and the long s match only k and s; DEL matches itself', () => {
    // Go: strings.EqualFold on each pair.
    expect(equalFoldAscii('\u212A', 'x')).toBe(false);
    expect(equalFoldAscii('\u212Ax', 'ab')).toBe(false);
    expect(equalFoldAscii('\u212A', 'K')).toBe(true);
    expect(equalFoldAscii('\u017F', 'x')).toBe(false);
    expect(equalFoldAscii('\u017Fx', 'ab')).toBe(false);
    expect(equalFoldAscii('\u017F', 'S')).toBe(true);
    expect(equalFoldAscii('\x7f', '\x7f')).toBe(true);
    expect(equalFoldAscii('\u{1F600}', 'ab')).toBe(false);
  });

  it('TrimSpace: unicode.IsSpace exactly (\\v is a space, V and U+200B are not)', () => {
    expect(goTrimSpace('\vx\v')).toBe('x');
    expect(goTrimSpace('VxV')).toBe('VxV');
    expect(goTrimSpace('\u2000a\u200a')).toBe('a');
    expect(goTrimSpace('\u200ba\u200b')).toBe('\u200ba\u200b');
    expect(goTrimSpace('\u1680x\u202f\u205f')).toBe('x');
    expect(goTrimSpace('\u2028x\u2029\f\r')).toBe('x');
    expect(goTrimSpace('\x1fx\x1c')).toBe('\x1fx\x1c');
    expect(goTrimSpace(' \u0085\u00a0 ')).toBe('');
  });

  // base64.StdEncoding.DecodeString at Go 1.13, the bytes it returned next to its error.
  it.each([
    ['bXk*', ''], // a bad character ends the decoding: the quantum it is in is lost
    ['bX*=', ''],
    ['bX=', ''], // one "=" where two are needed, at the end
    ['bX==', 'm'],
    ['bX=x', ''], // one "=" followed by something else
    ['bX=\n=', 'm'], // line breaks between the two "="
    ['bX=\n', ''],
    ['bX=\nx', ''],
    ['bX==\n', 'm'],
    ['bX==x', 'm'], // trailing garbage after complete padding: the quantum is kept
    ['====', ''], // padding as the first or second character of a quantum
    ['=', ''],
    ['b===', ''],
    ['bXk=\nx', 'my'],
    ['bXkt\r\n', 'my-'],
    ['bXk\u00e9', ''], // a non-ASCII character is a bad character
    ['bXktY2', 'my-'], // an unpadded final quantum is an error
  ])('base64 %j decodes to %j as Go keeps it', (text, want) => {
    expect(decoded(text)).toBe(want);
  });

  // Go: for each input, json.Marshal(string(bytes)): one U+FFFD per byte that is not part of valid UTF-8.
  it.each([
    [[0x61, 0x7f], 'a\u{7f}'],
    [[0x80], '\u{fffd}'],
    [[0xc0, 0x80], '\u{fffd}\u{fffd}'],
    [[0xc1, 0xbf], '\u{fffd}\u{fffd}'],
    [[0xc2, 0x80], '\u{80}'],
    [[0xc3, 0xa9], '\u{e9}'],
    [[0xc3, 0x80], '\u{c0}'],
    [[0xc3, 0xbf], '\u{ff}'],
    [[0xc3, 0x41], '\u{fffd}A'],
    [[0xc3, 0xc3, 0xa9], '\u{fffd}\u{e9}'],
    [[0xdf, 0xbf], '\u{7ff}'],
    [[0xe0, 0xa0, 0x80], '\u{800}'],
    [[0xe0, 0x9f, 0xbf], '\u{fffd}\u{fffd}\u{fffd}'],
    [[0xe1, 0x80, 0x80], '\u{1000}'],
    [[0xec, 0xbf, 0xbf], '\u{cfff}'],
    [[0xed, 0x9f, 0xbf], '\u{d7ff}'],
    [[0xed, 0xa0, 0x80], '\u{fffd}\u{fffd}\u{fffd}'],
    [[0xee, 0x80, 0x80], '\u{e000}'],
    [[0xef, 0xbf, 0xbf], '\u{ffff}'],
    [[0xe2, 0x82, 0x80], '\u{2080}'],
    [[0xe2, 0x82, 0xbf], '\u{20bf}'],
    [[0xe2, 0x82, 0x41], '\u{fffd}\u{fffd}A'],
    [[0xe2, 0x82, 0xc3, 0xa9], '\u{fffd}\u{fffd}\u{e9}'],
    [[0xe2, 0xe2, 0x82, 0xac], '\u{fffd}\u{20ac}'],
    [[0xf0, 0x90, 0x80, 0x80], '\u{10000}'],
    [[0xf0, 0x8f, 0xbf, 0xbf], '\u{fffd}\u{fffd}\u{fffd}\u{fffd}'],
    [[0xf1, 0x80, 0x80, 0x80], '\u{40000}'],
    [[0xf4, 0x8f, 0xbf, 0xbf], '\u{10ffff}'],
    [[0xf4, 0x90, 0x80, 0x80], '\u{fffd}\u{fffd}\u{fffd}\u{fffd}'],
    [[0xf5, 0x80, 0x80, 0x80], '\u{fffd}\u{fffd}\u{fffd}\u{fffd}'],
    [[0xf0, 0x90, 0x80, 0x41], '\u{fffd}\u{fffd}\u{fffd}A'],
    [[0xc3], '\u{fffd}'],
    [[0x61, 0xe2, 0x82], 'a\u{fffd}\u{fffd}'],
  ])('bytes %j read as Go reads them', (bytes, want) => {
    expect(goBytesToString(Uint8Array.from(bytes))).toBe(want);
  });

  it('bytes: a stray continuation byte followed by another is two U+FFFD', () => {
    expect(goBytesToString(Uint8Array.from([0x80, 0x80]))).toBe('\ufffd\ufffd');
  });

  it('JSON strings: quote and backslash escaped, \\n \\r \\t short, other controls and U+2028/9 as \\u, the rest raw', () => {
    // Go: json.Marshal of each string.
    expect(goJsonString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goJsonString('\n\r\t')).toBe('"\\n\\r\\t"');
    expect(goJsonString('\u0000\u001f\u007f')).toBe('"\\u0000\\u001f\u007f"');
    expect(goJsonString('\u2028\u2029')).toBe('"\\u2028\\u2029"');
    expect(goJsonString('\u00e9\ue000\ufffd\u{1F600}')).toBe('"\u00e9\ue000\ufffd\u{1F600}"');
  });

  it('JSON strings: ill-formed text (a lone surrogate) is written as Go writes an invalid byte, \\ufffd', () => {
    expect(goJsonString('a\ud800b\udfffc')).toBe('"a\\ufffdb\\ufffdc"');
  });

  it('JSON strings and structs as encoding/json writes them', () => {
    expect(goJsonString('<a href="x">&\u2028\u0001\t')).toBe('"\\u003ca href=\\"x\\"\\u003e\\u0026\\u2028\\u0001\\t"');
    expect(goJson({ b: 1, a: [true, null, 'x'] })).toBe('{"b":1,"a":[true,null,"x"]}');
  });
});

/**
 * The fast paths of equalFoldAscii, goJsonString and goJson against the
 * code-point versions they front (kept here as the reference), over text
 * mixing ASCII, the characters these functions treat apart and lone
 * surrogates.
 */
describe('the fast paths match the code-point definitions', () => {
  const foldBefore = (s: string, word: string): boolean => {
    const chars = [...s];
    if (chars.length !== word.length) return false;
    return chars.every((c, i) => {
      const w = word[i]!.toLowerCase();
      if (c === '\u212A') return w === 'k';
      if (c === '\u017F') return w === 's';
      return c.length === 1 && c.charCodeAt(0) <= 0x7f && c.toLowerCase() === w;
    });
  };
  const jsonStringBefore = (s: string): string => {
    let out = '"';
    for (const c of s) {
      const code = c.codePointAt(0)!;
      if (c === '"' || c === '\\') out += `\\${c}`;
      else if (c === '\n') out += '\\n';
      else if (c === '\r') out += '\\r';
      else if (c === '\t') out += '\\t';
      else if (code < 0x20 || c === '<' || c === '>' || c === '&' || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`;
      else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
      else out += c;
    }
    return `${out}"`;
  };
  const unit = fc.constantFrom('a', 'A', 'k', 'K', 's', 'S', 'z', '@', '[', '`', '{', '"', '\\', '<', '>', '&', '\n', '\t', '\u0001', '\u007f', '\u212A', '\u017F', '\u00e9', '\u2028', '\u2029', '\ud83d', '\ude00', '\ufffd');
  const text = fc.array(unit, { maxLength: 10 }).map((cs) => cs.join(''));
  const word = fc.array(fc.constantFrom('a', 'k', 's', 'K', 'S', 'z', '@', '-'), { maxLength: 6 }).map((cs) => cs.join(''));

  it('equalFoldAscii', () => {
    fc.assert(fc.property(text, word, (s, w) => equalFoldAscii(s, w) === foldBefore(s, w)));
    fc.assert(fc.property(word, word, (s, w) => equalFoldAscii(s, w) === foldBefore(s, w)));
  });

  it('goJsonString', () => {
    fc.assert(fc.property(text, (s) => goJsonString(s) === jsonStringBefore(s)));
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => goJsonString(s) === jsonStringBefore(s)));
  });

  it('goJson', () => {
    const value = fc.letrec<{ v: GoJson }>((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('v')), fc.dictionary(text, tie('v'))),
    })).v;
    const before = (v: GoJson): string =>
      v === null
        ? 'null'
        : typeof v === 'string'
          ? jsonStringBefore(v)
          : typeof v === 'number' || typeof v === 'boolean'
            ? String(v)
            : Array.isArray(v)
              ? `[${(v as readonly GoJson[]).map(before).join(',')}]`
              : `{${Object.keys(v)
                  .map((k) => `${jsonStringBefore(k)}:${before((v as Record<string, GoJson>)[k]!)}`)
                  .join(',')}}`;
    fc.assert(fc.property(value, (v) => goJson(v) === before(v)));
  });
});
