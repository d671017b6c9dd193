/**
 * Warnings: what taskpod reports about an input that Tekton accepted and ran,
 * but that was probably a mistake. A warning never changes the output.
 *
 * @packageDocumentation
 */
import { escapeControls } from './errors';

/**
 * One warning, naming the object (`Kind namespace/name`) and the field.
 *
 * @example
 * ```ts
 * const w: TaskpodWarning = { object: 'PipelineRun default/ci-1', field: 'spec.params', message: 'param "rev" has no value' };
 * ```
 *
 * @public
 */
export interface TaskpodWarning {
  readonly object: string;
  readonly field: string;
  readonly message: string;
}

/**
 * One line: `object: field: message`, as errors are printed.
 *
 * @example
 * ```ts
 * formatWarning({ object: 'Pipeline default/ci', field: 'spec.resources[0].type', message: 'differs' });
 * // 'Pipeline default/ci: spec.resources[0].type: differs'
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
