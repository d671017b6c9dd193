/**
 * Where resources live in the Pod (resource_paths.go, input_resources.go and
 * output_resource.go at 6c132b937e).
 *
 * @packageDocumentation
 */
import type { TaskResource } from '../model/tekton';
import { WORKSPACE_DIR } from '../pod/constants';
import { joinPath } from './go';

/** Where outputs without a targetPath are read from. */
export const OUTPUT_DIR = '/workspace/output';

/**
 * Where an input resource lands, and what `$(inputs.resources.NAME.path)`
 * says: /workspace/<targetPath>, else /workspace/<name>.
 *
 * @example
 * ```ts
 * inputResourcePath({ name: 'src' }); // '/workspace/src'
 * inputResourcePath({ name: 'src', targetPath: 'go/src/x' }); // '/workspace/go/src/x'
 * ```
 */
export function inputResourcePath(r: Pick<TaskResource, 'name' | 'targetPath'>): string {
  return joinPath(WORKSPACE_DIR, r.targetPath !== undefined && r.targetPath !== '' ? r.targetPath : r.name ?? '');
}

/**
 * What `$(outputs.resources.NAME.path)` says: /workspace/<targetPath>, else
 * /workspace/output/<name>.
 *
 * @example
 * ```ts
 * outputResourcePath({ name: 'img' }); // '/workspace/output/img'
 * ```
 */
export function outputResourcePath(r: Pick<TaskResource, 'name' | 'targetPath'>): string {
  if (r.targetPath !== undefined && r.targetPath !== '') return joinPath(WORKSPACE_DIR, r.targetPath);
  return joinPath(OUTPUT_DIR, r.name ?? '');
}

/**
 * Where the output stage reads an output from: /workspace/output/<binding>,
 * or the targetPath exactly as written (Tekton did not put it under
 * /workspace here, unlike `$(outputs.resources.NAME.path)`).
 *
 * @example
 * ```ts
 * outputSourcePath({ name: 'src' }, 'src'); // '/workspace/output/src'
 * outputSourcePath({ name: 'src', targetPath: '/workspace/src' }, 'src'); // '/workspace/src'
 * ```
 */
export function outputSourcePath(declared: Pick<TaskResource, 'targetPath'>, bindingName: string): string {
  return declared.targetPath !== undefined && declared.targetPath !== '' ? declared.targetPath : joinPath(OUTPUT_DIR, bindingName);
}
