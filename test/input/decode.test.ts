/**
 * input/decode.ts: how an io-ts failure becomes the one line users read,
 * `Kind ns/name: field.path: expected T, got V`.
 */
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { contextPath, decodeAs, describeErrors } from '../../src/input/decode';

const failure = (r: E.Either<unknown, unknown>) => (E.isLeft(r) ? r.left : undefined);

describe('decodeAs messages', () => {
  it('names the expected type and the value found', () => {
    expect(decodeAs(t.type({ a: t.string }), { a: 1 }, 'X')).toStrictEqual(E.left({ _tag: 'InvalidInput', object: 'X', field: 'a', message: 'expected string, got 1' }));
  });

  it('a missing value is "nothing"', () => {
    expect(failure(decodeAs(t.type({ a: t.string }), {}, 'X'))).toEqual(expect.objectContaining({ field: 'a', message: 'expected string, got nothing' }));
  });

  it('shows a value of up to 60 characters whole, a longer one cut to 57 and "..."', () => {
    const sixty = 'x'.repeat(58); // 60 characters as JSON
    expect(failure(decodeAs(t.type({ a: t.number }), { a: sixty }, 'X'))).toEqual(expect.objectContaining({ message: `expected number, got "${sixty}"` }));
    const longer = 'y'.repeat(59);
    expect(failure(decodeAs(t.type({ a: t.number }), { a: longer }, 'X'))).toEqual(expect.objectContaining({ message: `expected number, got "${'y'.repeat(56)}...` }));
  });

  it('counts every other field that is wrong, even with the same message', () => {
    expect(failure(decodeAs(t.type({ a: t.string, b: t.string }), { a: 1, b: 1 }, 'X'))).toEqual(expect.objectContaining({ field: 'a', message: 'expected string, got 1 (and 1 more)' }));
  });

  it('uses a codec\'s own message', () => {
    const Even = new t.Type<number, number, unknown>('Even', (u): u is number => typeof u === 'number' && u % 2 === 0, (u, c) => (typeof u === 'number' && u % 2 === 0 ? t.success(u) : t.failure(u, c, 'an even number, please')), t.identity);
    expect(failure(decodeAs(t.type({ n: Even }), { n: 3 }, 'X'))).toEqual(expect.objectContaining({ field: 'n', message: 'an even number, please' }));
  });
});

describe('describeErrors', () => {
  const root = { key: '', type: t.type({ a: t.string }), actual: { a: 1 } };
  const atA = { key: 'a', type: t.string, actual: 1 };

  it('keeps two messages at the same path, and drops a repeated one', () => {
    const errors: t.Errors = [
      { value: 1, context: [root, atA], message: 'first' },
      { value: 1, context: [root, atA], message: 'second' },
      { value: 1, context: [root, atA], message: 'first' },
    ];
    expect(describeErrors(errors)).toEqual([
      { path: 'a', message: 'first' },
      { path: 'a', message: 'second' },
    ]);
  });

  it('keeps the same message at two paths', () => {
    const r = t.type({ a: t.string, b: t.string }).decode({ a: 1, b: 1 });
    expect(E.isLeft(r) && describeErrors(r.left)).toEqual([
      { path: 'a', message: 'expected string, got 1' },
      { path: 'b', message: 'expected string, got 1' },
    ]);
  });
});

describe('contextPath', () => {
  const pathsOf = (codec: t.Mixed, u: unknown) => {
    const r = codec.decode(u);
    return E.isLeft(r) ? r.left.map((e) => contextPath(e.context)) : [];
  };

  it('writes an index of two digits in brackets', () => {
    expect(pathsOf(t.type({ a: t.array(t.string) }), { a: [...Array(10).fill('ok'), 5] })).toEqual(['a[10]']);
  });

  it('quotes a map key made of digits: it is a key, not an index', () => {
    expect(pathsOf(t.type({ data: t.record(t.string, t.string) }), { data: { '5': 1 } })).toEqual(['data["5"]']);
  });

  it('leaves out which member of a union was tried', () => {
    expect(pathsOf(t.type({ a: t.union([t.string, t.type({ b: t.string })]) }), { a: { b: 1 } })).toEqual(['a', 'a.b']);
  });
});
