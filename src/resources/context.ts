/**
 * What the resource stages read, and the TaskRun's bindings read as
 * resources.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { refused, TaskpodError } from '../errors';
import type { Config } from '../model/config';
import type { PipelineResource, TaskResourceBinding } from '../model/tekton';
import type { ResolvedRun } from '../resolve';
import { pipelineRunOwner } from '../artifacts/storage';
import { ARTIFACT_TYPES, resourceFromType } from './resource';
import type { Naming, Resource } from './types';

/** What the resource stages read. */
export interface ResourceContext {
  readonly config: Config;
  readonly run: ResolvedRun;
  /** Seed of every generated name. */
  readonly seed: string;
}

/** Inputs or outputs. */
export type Direction = 'inputs' | 'outputs';

/** A binding of the TaskRun with the resource it binds. */
export interface Bound {
  readonly binding: TaskResourceBinding;
  /** Its index in `spec.<direction>.resources`. */
  readonly index: number;
  readonly object: PipelineResource;
  readonly resource: Resource;
}

/** The TaskRun's bindings of one direction. */
export function bindingsOf(run: ResolvedRun, direction: Direction): readonly TaskResourceBinding[] {
  return run.taskRun.spec?.[direction]?.resources ?? [];
}

/** The field path of a binding, for errors: `spec.inputs.resources[1]`. */
export function bindingField(direction: Direction, index: number): string {
  return `spec.${direction}.resources[${index}]`;
}

/** How a PipelineResource is named in messages. */
export function describeBinding(b: TaskResourceBinding, object: PipelineResource | undefined): string {
  const ref = b.resourceRef?.name ?? '';
  const type = object?.spec?.type ?? '';
  const what = ref !== '' ? `PipelineResource "${ref}"` : 'the embedded resourceSpec';
  return type !== '' ? `${what} (${type})` : what;
}

/**
 * Every binding of one direction read as its resource type, by binding
 * name; a resource its type cannot read (a storage resource without
 * location, a cloudEvent without targetURI, ...) is refused, naming the
 * binding and what is missing.
 *
 * @example
 * ```ts
 * boundResources(ctx, 'inputs'); // Right(Map { 'src' => { binding, index: 0, object, resource } })
 * ```
 */
export function boundResources(ctx: ResourceContext, direction: Direction): E.Either<TaskpodError, ReadonlyMap<string, Bound>> {
  const out = new Map<string, Bound>();
  const resolved = direction === 'inputs' ? ctx.run.inputs : ctx.run.outputs;
  const bindings = bindingsOf(ctx.run, direction);
  for (let index = 0; index < bindings.length; index++) {
    const binding = bindings[index]!;
    const name = binding.name ?? '';
    const object = resolved.get(name);
    if (object === undefined || out.has(name)) continue;
    const resource = resourceFromType(object, ctx.config.images);
    if (E.isLeft(resource)) {
      return E.left(refused(ctx.run.object, bindingField(direction, index), `${describeBinding(binding, object)} bound as "${name}" cannot be used: ${resource.left}`));
    }
    out.set(name, { binding, index, object, resource: resource.right });
  }
  return E.right(out);
}

/**
 * The naming of one binding's generated names: `inputs/<binding>` or
 * `outputs/<binding>`, so a PipelineResource bound twice gets two sets of
 * names.
 */
export function namingFor(ctx: ResourceContext, direction: Direction, bindingName: string): Naming {
  return { seed: ctx.seed, key: `${direction}/${bindingName}` };
}

/**
 * Whether the TaskRun copies artifacts to or from its PipelineRun's
 * artifact storage: it is owned by a PipelineRun and binds a git or storage
 * input or output with `paths`, each of which becomes a copy step
 * (`addInputResources`, `addOutputResources`).
 *
 * @example
 * ```ts
 * copiesArtifacts(run); // false for a TaskRun without a PipelineRun owner
 * ```
 */
export function copiesArtifacts(run: ResolvedRun): boolean {
  if (pipelineRunOwner(run.taskRun) === undefined) return false;
  return (['inputs', 'outputs'] as const).some((direction) => {
    const declared = new Set((run.taskSpec[direction]?.resources ?? []).map((r) => r.name ?? ''));
    const resolved = direction === 'inputs' ? run.inputs : run.outputs;
    return bindingsOf(run, direction).some(
      (b) => declared.has(b.name ?? '') && ARTIFACT_TYPES.has(resolved.get(b.name ?? '')?.spec?.type ?? '') && (b.paths ?? []).length > 0,
    );
  });
}
