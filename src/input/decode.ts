/**
 * Decoding with io-ts, turning its errors into one {@link TaskpodError} that
 * names the object and the field path (`spec.steps[0].image`).
 *
 * @packageDocumentation
 */
import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import { invalidInput, TaskpodError } from '../errors';

/** Renders an io-ts context as a field path: `spec.steps[0].env[1].value`. */
export function contextPath(context: t.Context): string {
  let out = '';
  for (const entry of context.slice(1)) {
    const k = entry.key;
    if (/^[0-9]+$/.test(k) && isArrayType(context, entry)) out += `[${k}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(k)) out += out === '' ? k : `.${k}`;
    else out += `[${JSON.stringify(k)}]`;
  }
  return out;
}

function isArrayType(context: t.Context, entry: t.ContextEntry): boolean {
  const i = context.indexOf(entry);
  const parent = context[i - 1];
  return parent !== undefined && Array.isArray(parent.actual);
}

function describe(u: unknown): string {
  if (u === undefined) return 'nothing';
  const s = JSON.stringify(u);
  if (s === undefined) return String(u);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** One line per io-ts error, first one first; `describeErrors(errs)[0]` is what users see. */
export function describeErrors(errors: t.Errors): { readonly path: string; readonly message: string }[] {
  return errors.map((e) => {
    const last = e.context[e.context.length - 1];
    const expected = last?.type.name ?? 'a value';
    return { path: contextPath(e.context), message: e.message ?? `expected ${expected}, got ${describe(e.value)}` };
  });
}

/**
 * Decodes `u` with `codec`; a failure names `object` and the first bad field.
 *
 * @example
 * ```ts
 * decodeAs(TaskRun, raw, 'TaskRun default/run');
 * ```
 *
 * @public
 */
export function decodeAs<A, O>(codec: t.Type<A, O, unknown>, u: unknown, object: string, prefix = ''): E.Either<TaskpodError, A> {
  return E.mapLeft((errors: t.Errors) => {
    const [first] = describeErrors(errors);
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    const path = [prefix, first?.path ?? ''].filter((s) => s !== '').join('.');
    return invalidInput(object, path, `${first?.message ?? 'invalid'}${more}`);
  })(codec.decode(u));
}
