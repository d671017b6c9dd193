/**
 * Decoding with io-ts, turning its errors into one {@link TaskpodError} that
 * names the object and the field path (`spec.steps[0].image`).
 *
 * @packageDocumentation
 */
import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import { invalidInput, TaskpodError } from '../errors';
import { jsonText } from '../util';

/** Whether `context[i]` is a member of a union (its key is the member's index, not a field). */
function isUnionMember(context: t.Context, i: number): boolean {
  return (context[i - 1]?.type as { readonly _tag?: string } | undefined)?._tag === 'UnionType';
}

/** Renders an io-ts context as a field path: `spec.steps[0].env[1].value`. */
export function contextPath(context: t.Context): string {
  let out = '';
  for (let i = 1; i < context.length; i++) {
    if (isUnionMember(context, i)) continue;
    const k = context[i]!.key;
    if (/^[0-9]+$/.test(k) && Array.isArray(context[i - 1]?.actual)) out += `[${k}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(k)) out += out === '' ? k : `.${k}`;
    else out += `[${JSON.stringify(k)}]`;
  }
  return out;
}

function describe(u: unknown): string {
  if (u === undefined) return 'nothing';
  const s = jsonText(u);
  if (s === undefined) return String(u);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/**
 * One line per io-ts error, first one first; `describeErrors(errs)[0]` is
 * what users see. An error inside a union (a param value is a string or a
 * list of strings) is reported once, at the union's field, naming the union.
 */
export function describeErrors(errors: t.Errors): { readonly path: string; readonly message: string }[] {
  const out: { readonly path: string; readonly message: string }[] = [];
  for (const e of errors) {
    const member = e.context.findIndex((_, i) => isUnionMember(e.context, i));
    const context = member > 0 ? e.context.slice(0, member) : e.context;
    const last = context[context.length - 1];
    const line = {
      path: contextPath(context),
      message: member > 0 || e.message === undefined ? `expected ${last?.type.name ?? 'a value'}, got ${describe(member > 0 ? last?.actual : e.value)}` : e.message,
    };
    if (!out.some((o) => o.path === line.path && o.message === line.message)) out.push(line);
  }
  return out;
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
    const lines = describeErrors(errors);
    const [first] = lines;
    const more = lines.length > 1 ? ` (and ${lines.length - 1} more)` : '';
    const path = [prefix, first?.path ?? ''].filter((s) => s !== '').join('.');
    return invalidInput(object, path, `${first?.message ?? 'invalid'}${more}`);
  })(codec.decode(u));
}
