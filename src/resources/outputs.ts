/**
 * Output resources in the Pod (AddOutputResources in output_resource.go at
 * 6c132b937e, with v0.9.0's fix). For each declared output, in order:
 *
 * - a create-dir step for the directory the output is read from
 *   (/workspace/output/<name>, or its targetPath as written) goes first;
 * - in a TaskRun of a PipelineRun, a git or storage output is copied to
 *   artifact storage after the Task's steps, once per binding `paths` entry,
 *   and the bucket's secret volume is added;
 * - its type's own steps (gsutil upload, pull request upload) follow.
 *
 * In a TaskRun of a PipelineRun using PVC storage, the claim's volume is
 * added once, after all outputs. Tekton stopped after the first output when
 * there was no PipelineRun, or once the claim was attached, so later outputs
 * got no steps (DEVIATIONS.md item 1): every output is processed here.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { refused, TaskpodError } from '../errors';
import type { TaskSpec } from '../model/tekton';
import { createDirStep } from '../pod/build';
import { ArtifactStorage, addVolumesOnce, artifactStorage, findBucketConfigMap, pipelineRunOwner, pvcNameOf, pvcVolume, storageType } from '../artifacts';
import { boundResources, namingFor, ResourceContext } from './context';
import { outputSourcePath } from './paths';
import { ARTIFACT_TYPES } from './resource';
import { applyModifier, withSteps } from './types';

/**
 * Adds the output resources' steps and volumes.
 *
 * @example
 * ```ts
 * addOutputResources(ctx, spec); // Right(spec with create-dir-* first and upload steps last)
 * ```
 */
export function addOutputResources(ctx: ResourceContext, spec: TaskSpec): E.Either<TaskpodError, TaskSpec> {
  if (spec.outputs === undefined) return E.right(spec);
  const bound = boundResources(ctx, 'outputs');
  if (E.isLeft(bound)) return bound;
  const owner = pipelineRunOwner(ctx.run.taskRun);
  const claim = owner === undefined ? '' : pvcNameOf(owner);
  const images = ctx.config.images;
  let storage: ArtifactStorage | undefined;
  let out = spec;
  const declared = spec.outputs.resources ?? [];
  for (const output of declared) {
    const b = bound.right.get(output.name ?? '');
    if (b === undefined) return E.left(refused(ctx.run.object, 'spec.outputs.resources', `output resource "${output.name ?? ''}" is not bound`));
    const name = b.binding.name ?? '';
    const source = outputSourcePath(output, name);
    out = withSteps(out, [createDirStep(images.bashNoop, name, source, ctx.seed, `outputs/${name}`), ...(out.steps ?? [])]);
    if (ARTIFACT_TYPES.has(b.resource.type) && owner !== undefined) {
      if (storage === undefined) {
        const s = artifactStorage(ctx.run.findConfigMap, images, claim);
        if (E.isLeft(s)) return s;
        storage = s.right;
      }
      const st = storage;
      const copies = (b.binding.paths ?? []).flatMap((to, j) => st.copyToStorage(b.resource.name, source, to, { seed: ctx.seed, key: `outputs/${name}/paths/${j}` }));
      out = addVolumesOnce(withSteps(out, [...(out.steps ?? []), ...copies]), st.secretVolumes());
    }
    out = applyModifier(out, b.resource.outputModifier(out, source, namingFor(ctx, 'outputs', name)));
  }
  const usesClaim = declared.length > 0 && claim !== '' && storageType(findBucketConfigMap(ctx.run.findConfigMap)) === 'pvc';
  if (usesClaim && !(out.volumes ?? []).some((v) => v.name === claim)) out = { ...out, volumes: [...(out.volumes ?? []), pvcVolume(claim)] };
  return E.right(out);
}
