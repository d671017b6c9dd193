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
import type { Resource } from './types';
import type { Lookup } from '../substitution';

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
 * The lookups of both passes: what `resourceReplacements(run, spec,
 * 'inputs')` and `(..., 'outputs')` map each key to, worked out for the keys
 * a render asks for. Building the maps (a key string and an entry per field
 * of every bound resource and per declared path, a resource read for each
 * binding) cost more than all the lookups of a typical render
 * (docs/performance.md); a test compares the answers with the maps'.
 *
 * @example
 * ```ts
 * resourceLookups(run, spec).outputs.get('outputs.resources.img.url'); // 'gcr.io/x'
 * ```
 */
export function resourceLookups(run: ResolvedRun, spec: TaskSpec): { readonly inputs: Lookup; readonly outputs: Lookup } {
  return { inputs: new ResourceLookup(run.inputs, 'inputs', spec), outputs: new ResourceLookup(run.outputs, 'outputs', spec) };
}

const INPUTS_PREFIX = 'inputs.resources.';
const OUTPUTS_PREFIX = 'outputs.resources.';
const PATH_SUFFIX = '.path';

/**
 * One direction's map, as a lookup. The map held, in the order they were
 * set (a later entry replacing an earlier one of the same key): each bound
 * resource's fields as `<direction>.resources.<binding>.<field>`, then
 * every declared input's and output's path. So a declared path answers
 * first, then the last binding that has the field.
 */
class ResourceLookup implements Lookup {
  /** Each binding's resource, read on first use; `undefined` for one its type cannot read. */
  private readonly read = new Map<string, Resource | undefined>();
  private readonly prefix: string;

  constructor(
    private readonly bound: ReadonlyMap<string, PipelineResource>,
    direction: Direction,
    private readonly spec: TaskSpec,
  ) {
    this.prefix = direction === 'inputs' ? INPUTS_PREFIX : OUTPUTS_PREFIX;
  }

  /** Not the map's size, but 0 only when the map would be empty, all a pass needs. */
  get size(): number {
    return this.bound.size + (this.spec.inputs?.resources?.length ?? 0) + (this.spec.outputs?.resources?.length ?? 0);
  }

  get(key: string): string | undefined {
    const path = this.path(key);
    return path !== undefined ? path : this.field(key);
  }

  /** The path of the last declared resource whose `<inputs|outputs>.resources.<name>.path` is `key`. */
  private path(key: string): string | undefined {
    if (!key.endsWith(PATH_SUFFIX)) return undefined;
    const input = key.startsWith(INPUTS_PREFIX);
    if (!input && !key.startsWith(OUTPUTS_PREFIX)) return undefined;
    const start = input ? INPUTS_PREFIX.length : OUTPUTS_PREFIX.length;
    // The prefix and the suffix must not overlap: `inputs.resources.path` names no resource.
    if (key.length < start + PATH_SUFFIX.length) return undefined;
    const name = key.slice(start, key.length - PATH_SUFFIX.length);
    const declared = (input ? this.spec.inputs?.resources : this.spec.outputs?.resources) ?? [];
    for (let i = declared.length - 1; i >= 0; i--) {
      const r = declared[i]!;
      if ((r.name ?? '') === name) return input ? inputResourcePath(r) : outputResourcePath(r);
    }
    return undefined;
  }

  /** The field of the last binding `b` for which `key` is `<direction>.resources.<b>.<field>`. */
  private field(key: string): string | undefined {
    const prefix = this.prefix;
    if (!key.startsWith(prefix)) return undefined;
    let found: string | undefined;
    this.bound.forEach((object, binding) => {
      const dot = prefix.length + binding.length;
      if (dot >= key.length || key.charCodeAt(dot) !== 0x2e || !key.startsWith(binding, prefix.length)) return;
      const value = this.resource(binding, object)?.replacements.get(key.slice(dot + 1));
      if (value !== undefined) found = value;
    });
    return found;
  }

  private resource(binding: string, object: PipelineResource): Resource | undefined {
    if (this.read.has(binding)) return this.read.get(binding);
    // The images do not change any field a resource exposes.
    const resource = resourceFromType(object, DEFAULT_IMAGES);
    const value = E.isRight(resource) ? resource.right : undefined;
    this.read.set(binding, value);
    return value;
  }
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
