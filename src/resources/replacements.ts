/**
 * The values of `$(inputs|outputs.resources.NAME.FIELD)` (Tekton's
 * ApplyResources in apply.go at 6c132b937e).
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { DEFAULT_IMAGES } from '../model/config';
import type { PipelineResource, TaskSpec } from '../model/tekton';
import type { ResolvedRun } from '../resolve';
import type { Direction } from './context';
import { inputResourcePath, outputResourcePath } from './paths';
import { resourceFromType } from './resource';

/**
 * The replacements of one direction's substitution pass: every field each
 * bound resource exposes (`inputs.resources.src.url`, ...), and the `path`
 * of every declared resource of both directions (Tekton added both sets of
 * paths to each pass, so a path variable inside an input's field value is
 * still replaced by the outputs pass).
 *
 * @example
 * ```ts
 * resourceReplacements(run, spec, 'inputs').get('inputs.resources.src.revision'); // 'master'
 * ```
 */
export function resourceReplacements(run: ResolvedRun, spec: TaskSpec, direction: Direction): ReadonlyMap<string, string> {
  const paths = pathReplacements(spec);
  return direction === 'inputs' ? directionReplacements(run.inputs, 'inputs', paths) : directionReplacements(run.outputs, 'outputs', paths);
}

/**
 * The maps of both passes, `resourceReplacements(run, spec, 'inputs')` and
 * `(..., 'outputs')`: the paths, which both hold, worked out once
 * (docs/performance.md).
 *
 * @example
 * ```ts
 * resourceReplacementsOfBoth(run, spec).outputs.get('outputs.resources.img.url');
 * ```
 */
export function resourceReplacementsOfBoth(
  run: ResolvedRun,
  spec: TaskSpec,
): { readonly inputs: ReadonlyMap<string, string>; readonly outputs: ReadonlyMap<string, string> } {
  const paths = pathReplacements(spec);
  return { inputs: directionReplacements(run.inputs, 'inputs', paths), outputs: directionReplacements(run.outputs, 'outputs', paths) };
}

/** The `path` of every declared resource, inputs then outputs, as keys and values in turn. */
function pathReplacements(spec: TaskSpec): readonly string[] {
  const out: string[] = [];
  const inputs = spec.inputs?.resources;
  if (inputs !== undefined) {
    for (let i = 0; i < inputs.length; i++) out.push(`inputs.resources.${inputs[i]!.name ?? ''}.path`, inputResourcePath(inputs[i]!));
  }
  const outputs = spec.outputs?.resources;
  if (outputs !== undefined) {
    for (let i = 0; i < outputs.length; i++) out.push(`outputs.resources.${outputs[i]!.name ?? ''}.path`, outputResourcePath(outputs[i]!));
  }
  return out;
}

function directionReplacements(
  bound: ReadonlyMap<string, PipelineResource>,
  direction: Direction,
  paths: readonly string[],
): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  // forEach, not for-of: no entry array per binding and per field.
  bound.forEach((r, binding) => {
    // The images do not change any field a resource exposes.
    const resource = resourceFromType(r, DEFAULT_IMAGES);
    if (E.isLeft(resource)) return;
    const prefix = `${direction}.resources.${binding}.`;
    resource.right.replacements.forEach((v, k) => out.set(prefix + k, v));
  });
  for (let i = 0; i < paths.length; i += 2) out.set(paths[i]!, paths[i + 1]!);
  return out;
}
