/**
 * The small helpers of src/util.ts. Path expectations are rows of Go's own
 * tables (path/filepath's cleantests and reltests); string order is Go's
 * byte-wise order over UTF-8, which differs from JavaScript's UTF-16 order
 * above U+FFFF.
 */
import fc from 'fast-check';
import { cleanPath, compareGoStrings, jsonText, nonEmpty, relPath, sortGoStrings, stableJson } from '../src/util';

describe('cleanPath (Go filepath.Clean)', () => {
  it.each([
    ['', '.'],
    ['abc', 'abc'],
    ['abc/', 'abc'],
    ['abc/def/', 'abc/def'],
    ['/abc/', '/abc'],
    ['//abc', '/abc'],
    ['abc//def//ghi', 'abc/def/ghi'],
    ['abc/./def', 'abc/def'],
    ['/./abc/def', '/abc/def'],
    ['abc/def/ghi/../jkl', 'abc/def/jkl'],
    ['abc/def/../ghi/../jkl', 'abc/jkl'],
    ['abc/def/..', 'abc'],
    ['abc/def/../..', '.'],
    ['/abc/def/../..', '/'],
    ['abc/def/../../..', '..'],
    ['/abc/def/../../..', '/'],
    ['abc/def/../../../ghi/jkl/../../../mno', '../../mno'],
    ['/../abc', '/abc'],
    ['abc/./../def', 'def'],
    ['../../abc', '../../abc'],
    ['.', '.'],
    ['./', '.'],
    ['/', '/'],
    ['..', '..'],
    ['../..', '../..'],
    // Go's Clean works on bytes: a line break is an ordinary character.
    ['a\n/', 'a\n'],
    ['/w/x\n/', '/w/x\n'],
    ['\u2028/', '\u2028'],
  ])('%p cleans to %p', (input, expected) => {
    expect(cleanPath(input)).toBe(expected);
  });
});

describe('relPath (Go filepath.Rel, absolute paths)', () => {
  it.each([
    ['/a/b', '/a/b', '.'],
    ['/a/b/.', '/a/b', '.'],
    ['/a/b', '/a/b/.', '.'],
    ['/ab/cd', '/ab/cde', '../cde'],
    ['/ab/cd', '/ab/c', '../c'],
    ['/a/b', '/a/b/c/d', 'c/d'],
    ['/a/b', '/a/b/../c', '../c'],
    ['/a/b/../c', '/a/b', '../b'],
    ['/a/b/c', '/a/c/d', '../../c/d'],
    ['/a/b', '/c/d', '../../c/d'],
    ['/a/b/c/d', '/a/b', '../..'],
    ['/../../a/b', '/../../a/b/c/d', 'c/d'],
    ['/', '/a/b', 'a/b'],
    ['/', '/', '.'],
    ['/a/b', '/', '../..'],
    ['/workspace', '/workspace/src/app', 'src/app'],
  ])('from %p to %p is %p', (base, target, expected) => {
    expect(relPath(base, target)).toBe(expected);
  });

  it.each([
    ['/a', 'a'],
    ['a', '/a'],
  ])('refuses to relate %p and %p (one absolute, one not), as Go errs', (base, target) => {
    expect(relPath(base, target)).toBeUndefined();
  });
});

describe('Go string order', () => {
  it('compares UTF-8 bytes, not UTF-16 units', () => {
    // U+FF61 is EF BD A1 in UTF-8, U+1F600 is F0 9F 98 80; in UTF-16 the
    // emoji's high surrogate (D83D) sorts first.
    expect(compareGoStrings('\uff61', '\u{1f600}')).toBeLessThan(0);
    expect(compareGoStrings('\u{1f600}', '\uff61')).toBeGreaterThan(0);
    expect(compareGoStrings('a', 'a')).toBe(0);
    expect(compareGoStrings('B', 'a')).toBeLessThan(0);
    expect(compareGoStrings('a', 'ab')).toBeLessThan(0);
  });

  it('sortGoStrings orders short and long lists as Array.prototype.sort with compareGoStrings does', () => {
    const str = fc.array(fc.constantFrom('a', 'B', 'b', '\uff61', '\u{1f600}', '\ud800', '/'), { maxLength: 4 }).map((cs) => cs.join(''));
    fc.assert(fc.property(fc.array(str, { maxLength: 20 }), (xs) => JSON.stringify(sortGoStrings(xs)) === JSON.stringify([...xs].sort(compareGoStrings))));
  });

  it('sortGoStrings returns a sorted copy and leaves its input alone', () => {
    const input = ['b', '\u{1f600}', '\uff61', 'a', 'B'];
    expect(sortGoStrings(input)).toEqual(['B', 'a', 'b', '\uff61', '\u{1f600}']);
    expect(input).toEqual(['b', '\u{1f600}', '\uff61', 'a', 'B']);
    expect(sortGoStrings(new Set(['z', 'y']))).toEqual(['y', 'z']);
  });
});

describe('nonEmpty (omitempty for lists)', () => {
  it('keeps a non-empty list as it is, drops an empty or missing one', () => {
    const xs = [1];
    expect(nonEmpty(xs)).toBe(xs);
    expect(nonEmpty([])).toBeUndefined();
    expect(nonEmpty(undefined)).toBeUndefined();
  });
});

describe('stableJson', () => {
  it('sorts object keys at every depth and drops undefined members', () => {
    expect(stableJson({ b: 1, a: { d: [true, null], c: 'x' }, u: undefined })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}');
  });

  it('gives one text for objects that differ only in key order', () => {
    expect(stableJson({ x: 1, y: [{ q: 1, p: 2 }] })).toBe(stableJson({ y: [{ p: 2, q: 1 }], x: 1 }));
  });

  it('writes scalars as JSON and undefined as null', () => {
    expect(stableJson('a"b')).toBe('"a\\"b"');
    expect(stableJson(1.5)).toBe('1.5');
    expect(stableJson(undefined)).toBe('null');
    expect(stableJson([])).toBe('[]');
    expect(stableJson({})).toBe('{}');
  });
});

describe('jsonText', () => {
  it('writes a bigint as its digits, at any depth, where JSON.stringify throws', () => {
    expect(() => JSON.stringify({ n: 1n })).toThrow();
    expect(jsonText(-9007199254740993n)).toBe('-9007199254740993');
    expect(jsonText({ a: [1n, { b: 2n }], s: 'x' })).toBe('{"a":[1,{"b":2}],"s":"x"}');
  });

  it('is JSON.stringify for everything else: undefined members dropped, undefined in lists null', () => {
    const v = { a: undefined, b: [undefined, null, 'q"\n', 1.5, true], c: {}, d: [] };
    expect(jsonText(v)).toBe(JSON.stringify(v));
    expect(jsonText(undefined)).toBeUndefined();
    expect(jsonText(new Date(0))).toBe(JSON.stringify(new Date(0)));
  });

  it('stableJson hashes objects holding bigints too', () => {
    expect(stableJson({ b: 2n, a: 1 })).toBe('{"a":1,"b":2}');
  });
});

/**
 * The char scans of cleanPath and relPath against the regex and array
 * versions they replaced (kept here as the reference), over paths made of
 * the characters that matter: `/`, `.`, a letter and line breaks.
 */
describe('cleanPath and relPath match their earlier definitions', () => {
  // (The earlier regex ended in `.\/$`, which let a slash after a line
  // break through; Go's Clean drops it, and so does cleanPath now.)
  const UNCLEAN = /\/\/|(^|\/)\.\.?(\/|$)|[^]\/$/;
  const cleanBefore = (p: string): string => {
    if (p === '') return '.';
    if (!UNCLEAN.test(p)) return p;
    const out: string[] = [];
    for (const part of p.split('/')) {
      if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (part === '..' && !p.startsWith('/')) out.push('..');
      else if (part !== '' && part !== '.' && part !== '..') out.push(part);
    }
    const joined = out.join('/');
    return p.startsWith('/') ? `/${joined}` : joined === '' ? '.' : joined;
  };
  const relBefore = (base: string, target: string): string | undefined => {
    const b = cleanPath(base);
    const t = cleanPath(target);
    if (b.startsWith('/') !== t.startsWith('/')) return undefined;
    if (b === t) return '.';
    const bs = b === '/' ? [] : b.split('/').slice(1);
    const ts = t === '/' ? [] : t.split('/').slice(1);
    let i = 0;
    while (i < bs.length && i < ts.length && bs[i] === ts[i]) i++;
    return [...bs.slice(i).map(() => '..'), ...ts.slice(i)].join('/');
  };
  const path = fc.array(fc.constantFrom('/', '.', 'a', 'b', '\n', '\u2028'), { maxLength: 12 }).map((cs) => cs.join(''));

  it('cleanPath', () => {
    fc.assert(fc.property(path, (p) => cleanPath(p) === cleanBefore(p)));
  });

  it('relPath', () => {
    fc.assert(fc.property(path, path, (b, t) => relPath(b, t) === relBefore(b, t)));
    fc.assert(fc.property(path, path, (b, t) => relPath(`/${b}`, `/${b}/${t}`) === relBefore(`/${b}`, `/${b}/${t}`)));
  });
});
