/**
 * The one error type of taskpod. Every refusal names the object it is about
 * (`Kind namespace/name`) and the field path inside it; nothing throws.
 *
 * @packageDocumentation
 */

/**
 * What went wrong, in the terms a user can act on.
 *
 * @example
 * ```ts
 * const exitCode = (e: TaskpodError) => (e._tag === 'InvalidInput' ? 2 : 1);
 * ```
 *
 * @public
 */
export type ErrorTag =
  /**
   * The input could not be read or decoded (YAML syntax, wrong field type, a
   * field that a Tekton object's Go type does not have: Tekton's webhook
   * refused those while decoding, `unknown field "NAME"`).
   */
  | 'InvalidInput'
  /** Tekton's admission webhook would have rejected the object. */
  | 'Invalid'
  /** Something the TaskRun refers to is missing (Task, resource, ServiceAccount, image entrypoint). */
  | 'Unresolved'
  /** The controller would have refused to build the Pod, or the API server would refuse the Pod. */
  | 'Refused'
  /** The controller configuration (images, imageEntrypoints, artifact ConfigMaps) is unusable. */
  | 'InvalidConfig';

/**
 * A taskpod error.
 *
 * @example
 * ```ts
 * const e = invalid('TaskRun default/run', 'spec.taskSpec.steps[0].image', 'missing field');
 * formatError(e); // 'TaskRun default/run: spec.taskSpec.steps[0].image: missing field'
 * ```
 *
 * @public
 */
export interface TaskpodError {
  readonly _tag: ErrorTag;
  /** The object, as `Kind namespace/name` (or a file/config label). */
  readonly object: string;
  /** The field path inside the object, `''` when the object as a whole is at fault. */
  readonly field: string;
  readonly message: string;
}

const make =
  (tag: ErrorTag) =>
  (object: string, field: string, message: string): TaskpodError => ({ _tag: tag, object, field, message });

/** An input that could not be read or decoded. */
export const invalidInput = make('InvalidInput');
/** An object Tekton's webhook would have rejected. */
export const invalid = make('Invalid');
/** A reference that does not resolve. */
export const unresolved = make('Unresolved');
/** A TaskRun the controller (or API server) refuses. */
export const refused = make('Refused');
/** An unusable controller configuration. */
export const invalidConfig = make('InvalidConfig');

/**
 * Handles each kind of error.
 *
 * @example
 * ```ts
 * foldError({ InvalidInput: () => 2, Invalid: () => 1, Unresolved: () => 1, Refused: () => 1, InvalidConfig: () => 2 })(e);
 * ```
 *
 * @public
 */
export const foldError =
  <R>(cases: { readonly [K in ErrorTag]: (e: TaskpodError) => R }) =>
  (e: TaskpodError): R =>
    cases[e._tag](e);

/**
 * One line: `object: field: message` (control characters escaped).
 *
 * @example
 * ```ts
 * formatError(refused('TaskRun ns/run', 'spec.taskRef.name', 'Task "x" not found'));
 * ```
 *
 * @public
 */
export function formatError(e: TaskpodError): string {
  return [e.object, e.field, e.message]
    .filter((s) => s !== '')
    .map(escapeControls)
    .join(': ');
}

/**
 * Line breaks and other control characters (which a message may quote from
 * the input, e.g. a step name) written as escapes, so an error stays on one
 * line and cannot drive the terminal.
 *
 * @example
 * ```ts
 * escapeControls('bad\nname'); // the two characters \ and n instead of the line break
 * ```
 */
export function escapeControls(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const named: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * A label for an object: `Kind namespace/name`.
 *
 * @example
 * ```ts
 * objectLabel('Task', 'default', 'build'); // 'Task default/build'
 * ```
 *
 * @public
 */
export function objectLabel(kind: string, namespace: string | undefined, name: string | undefined): string {
  const ns = namespace === undefined || namespace === '' ? '' : `${namespace}/`;
  return `${kind} ${ns}${name === undefined || name === '' ? '(unnamed)' : name}`;
}
