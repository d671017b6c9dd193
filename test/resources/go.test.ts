/**
 * The Go behaviours resource values depend on.
 */
import { equalFoldAscii, goBase64Decode, goBytesToString, goJson, goJsonString, goParseBool, goToUpper, goTrimSpace, joinPath } from '../../src/resources/go';

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

  it('JSON strings and structs as encoding/json writes them', () => {
    expect(goJsonString('<a href="x">&\u2028\u0001\t')).toBe('"\\u003ca href=\\"x\\"\\u003e\\u0026\\u2028\\u0001\\t"');
    expect(goJson({ b: 1, a: [true, null, 'x'] })).toBe('{"b":1,"a":[true,null,"x"]}');
  });
});
