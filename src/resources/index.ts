/**
 * PipelineResources in the Pod: the image digest exporter, the input
 * resources' download steps and the output resources' upload steps, and the
 * `$(inputs|outputs.resources.NAME.FIELD)` replacements.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { refused, TaskpodError } from '../errors';
import type { Config } from '../model/config';
import type { TaskSpec } from '../model/tekton';
import type { ResolvedRun } from '../resolve';
import { cleanPath } from '../util';

/** What the resource stages read. */
export interface ResourceContext {
  readonly config: Config;
  readonly run: ResolvedRun;
  readonly seed: string;
}

/** Where an input resource lands: /workspace/<targetPath> or /workspace/<name>. */
export function inputResourcePath(r: { readonly name?: string; readonly targetPath?: string }): string {
  return resourcePath('/workspace', r);
}

/** Where an output resource is read from: /workspace/<targetPath> or /workspace/output/<name>. */
export function outputResourcePath(r: { readonly name?: string; readonly targetPath?: string }): string {
  return resourcePath('/workspace/output', r);
}

function resourcePath(root: string, r: { readonly name?: string; readonly targetPath?: string }): string {
  if (r.targetPath !== undefined && r.targetPath !== '') return cleanPath(`/workspace/${r.targetPath}`);
  return cleanPath(`${root}/${r.name ?? ''}`);
}

function unsupported(ctx: ResourceContext, spec: TaskSpec): E.Either<TaskpodError, TaskSpec> {
  if (ctx.run.inputs.size === 0 && ctx.run.outputs.size === 0) return E.right(spec);
  return E.left(refused(ctx.run.object, 'spec.inputs.resources', 'PipelineResources are not supported yet'));
}

/** Adds the image digest exporter for image outputs. */
export function addImageDigestExporter(ctx: ResourceContext, spec: TaskSpec): E.Either<TaskpodError, TaskSpec> {
  return unsupported(ctx, spec);
}

/** Adds the input resources' steps and volumes. */
export function addInputResources(ctx: ResourceContext, spec: TaskSpec): E.Either<TaskpodError, TaskSpec> {
  return unsupported(ctx, spec);
}

/** Adds the output resources' steps and volumes. */
export function addOutputResources(ctx: ResourceContext, spec: TaskSpec): E.Either<TaskpodError, TaskSpec> {
  return unsupported(ctx, spec);
}

/** The reconciler's check that the bindings match the Task's declared resources. */
export function validateResourceBindings(_run: ResolvedRun, _spec: TaskSpec): E.Either<TaskpodError, void> {
  return E.right(undefined);
}

/**
 * The replacements of one direction: every field of every bound resource,
 * and `path` of every declared resource.
 */
export function resourceReplacements(run: ResolvedRun, spec: TaskSpec, direction: 'inputs' | 'outputs'): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  const declared = direction === 'inputs' ? spec.inputs?.resources ?? [] : spec.outputs?.resources ?? [];
  for (const r of declared) {
    out.set(`${direction}.resources.${r.name ?? ''}.path`, direction === 'inputs' ? inputResourcePath(r) : outputResourcePath(r));
  }
  return out;
}
