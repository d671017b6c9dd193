/**
 * The values of `$(inputs|outputs.resources.NAME.FIELD)` (Tekton's
 * ApplyResources in apply.go at 6c132b937e).
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { DEFAULT_IMAGES } from '../model/config';
import type { TaskSpec } from '../model/tekton';
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
  const out = new Map<string, string>();
  for (const [binding, r] of direction === 'inputs' ? run.inputs : run.outputs) {
    // The images do not change any field a resource exposes.
    const resource = resourceFromType(r, DEFAULT_IMAGES);
    if (E.isLeft(resource)) continue;
    for (const [k, v] of resource.right.replacements) out.set(`${direction}.resources.${binding}.${k}`, v);
  }
  for (const r of spec.inputs?.resources ?? []) out.set(`inputs.resources.${r.name ?? ''}.path`, inputResourcePath(r));
  for (const r of spec.outputs?.resources ?? []) out.set(`outputs.resources.${r.name ?? ''}.path`, outputResourcePath(r));
  return out;
}
