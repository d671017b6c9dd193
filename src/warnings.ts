/**
 * Warnings: what taskpod accepts, as Tekton did, but a user should know
 * about. A warning is a value returned beside the result, never printed by
 * the library; the CLI writes it to standard error.
 *
 * @packageDocumentation
 */
import { escapeControls } from './errors';

/**
 * Something taskpod went along with, as Tekton did, that deserves a look:
 * the object it is about (`Kind namespace/name`), the field path inside it
 * (`''` for the object as a whole), and what happened.
 *
 * @example
 * ```ts
 * const w: TaskpodWarning = {
 *   object: 'Pod default/run-pod-abcdef',
 *   field: 'status.containerStatuses[2].state.terminated.message',
 *   message: 'not a JSON list of resource results: ignored, as Tekton ignored it',
 * };
 * ```
 *
 * @public
 */
export interface TaskpodWarning {
  /** The object, as `Kind namespace/name`. */
  readonly object: string;
  /** The field path inside it, `''` for the object as a whole. */
  readonly field: string;
  readonly message: string;
}

/**
 * A warning about `object` at `field`.
 *
 * @example
 * ```ts
 * warning('TaskRun default/run', 'status.podName', 'names another Pod');
 * ```
 */
export function warning(object: string, field: string, message: string): TaskpodWarning {
  return { object, field, message };
}

/**
 * One line: `object: field: message` (control characters escaped), as
 * `formatError` writes errors.
 *
 * @example
 * ```ts
 * formatWarning({ object: 'TaskRun default/run', field: '', message: 'is cancelled' }); // 'TaskRun default/run: is cancelled'
 * ```
 *
 * @public
 */
export function formatWarning(w: TaskpodWarning): string {
  return [w.object, w.field, w.message]
    .filter((s) => s !== '')
    .map(escapeControls)
    .join(': ');
}
