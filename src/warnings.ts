/**
 * Warnings: what taskpod tells a user about an input that Tekton accepted
 * and ran, but that probably does not do what was meant (a bucket secret
 * configured by half, a sidecar the nop image will not stop). The Pod is
 * rendered exactly as Tekton created it; the warning travels beside it.
 * Like a {@link TaskpodError}, a warning names the object and the field.
 *
 * @packageDocumentation
 */
import { escapeControls } from './errors';

/**
 * Something doubtful about an input that Tekton nevertheless ran.
 *
 * @example
 * ```ts
 * const w: TaskpodWarning = {
 *   object: 'ConfigMap tekton-pipelines/config-artifact-bucket',
 *   field: 'data["bucket.service.account.secret.key"]',
 *   message: 'is empty: GOOGLE_APPLICATION_CREDENTIALS names the directory /var/bucketsecret/sa, not a key file',
 * };
 * ```
 *
 * @public
 */
export interface TaskpodWarning {
  /** The object, as `Kind namespace/name` (as in {@link TaskpodError}). */
  readonly object: string;
  /** The field path inside the object, `''` when the object as a whole is meant. */
  readonly field: string;
  /** What is doubtful and what Tekton's Pod does with it, in one sentence. */
  readonly message: string;
}

/**
 * A warning about `field` of `object`.
 *
 * @example
 * ```ts
 * warning('Task ci/build', 'spec.sidecars[0]', 'sidecar "web" will not stop ...');
 * ```
 */
export function warning(object: string, field: string, message: string): TaskpodWarning {
  return { object, field, message };
}

/**
 * One line: `object: field: message` (control characters escaped), as
 * {@link formatError} writes an error.
 *
 * @example
 * ```ts
 * formatWarning({ object: 'Task ci/build', field: 'spec.sidecars[0]', message: 'sidecar "web" will not stop' });
 * // 'Task ci/build: spec.sidecars[0]: sidecar "web" will not stop'
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
