/**
 * Reading io-ts results in codec tests: the errors as `path: message`
 * lines, and the decoded value of a Right.
 */
import * as t from 'io-ts';
import * as E from 'fp-ts/Either';

/** Each error as `path: message`, the path being the io-ts context keys joined by dots. */
export function errors(r: t.Validation<unknown>): string[] {
  if (E.isRight(r)) return [];
  return r.left.map((e) => {
    const path = e.context
      .map((c) => c.key)
      .filter((k) => k !== '')
      .join('.');
    return `${path}: ${e.message ?? '(no message)'}`;
  });
}

/** The value of a Right; throws with the errors of a Left. */
export function right<A>(r: t.Validation<A>): A {
  if (E.isLeft(r)) throw new Error(`expected Right, got ${JSON.stringify(errors(r))}`);
  return r.right;
}
