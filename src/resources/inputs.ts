/**
 * Input resources in the Pod (AddInputResource in input_resources.go at
 * 6c132b937e). Each declared input lands at /workspace/<targetPath> or
 * /workspace/<name>:
 *
 * - In a TaskRun of a PipelineRun, a git or storage input whose binding has
 *   `paths` (outputs of earlier Tasks) is copied from artifact storage
 *   instead of fetched: per path, with a PVC, a create-dir step and a copy
 *   step mounting the claim; with a bucket, a mkdir step and a gsutil copy.
 * - Every other input adds its type's steps (git clone, gsutil fetch, ...).
 *
 * Steps of earlier inputs come first, all before the Task's steps. The claim
 * volume and the bucket's secret volume are added after the inputs' own.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { refused, TaskpodError } from '../errors';
import type { Step, TaskSpec } from '../model/tekton';
import { createDirStep } from '../pod/build';
import { ArtifactStorage, addVolumesOnce, artifactStorage, pipelineRunOwner, pvcMount, pvcNameOf, pvcVolume } from '../artifacts';
import { boundResources, namingFor, ResourceContext } from './context';
import { inputResourcePath } from './paths';
import { ARTIFACT_TYPES } from './resource';
import { applyModifier, withSteps } from './types';

/**
 * Adds the input resources' steps and volumes.
 *
 * @example
 * ```ts
 * addInputResources(ctx, spec); // Right(spec with git-source-*, fetch-*, ... steps first)
 * ```
 */
export function addInputResources(ctx: ResourceContext, spec: TaskSpec): E.Either<TaskpodError, TaskSpec> {
  if (spec.inputs === undefined) return E.right(spec);
  const bound = boundResources(ctx, 'inputs');
  if (E.isLeft(bound)) return bound;
  const owner = pipelineRunOwner(ctx.run.taskRun);
  const claim = owner === undefined ? '' : pvcNameOf(owner);
  const images = ctx.config.images;
  let storage: ArtifactStorage | undefined;
  let mountClaim = false;
  let mountSecrets = false;
  let out = spec;
  const declared = spec.inputs.resources ?? [];
  // Each input puts its steps first; going backwards keeps the declared order.
  for (let i = declared.length - 1; i >= 0; i--) {
    const input = declared[i]!;
    const b = bound.right.get(input.name ?? '');
    if (b === undefined) return E.left(refused(ctx.run.object, 'spec.inputs.resources', `input resource "${input.name ?? ''}" is not bound`));
    const name = b.binding.name ?? '';
    const destination = inputResourcePath(input);
    const copies: Step[] = [];
    if (ARTIFACT_TYPES.has(b.resource.type) && owner !== undefined) {
      for (const [j, from] of (b.binding.paths ?? []).entries()) {
        if (storage === undefined) {
          const s = artifactStorage(ctx.run.findConfigMap, images, claim);
          if (E.isLeft(s)) return s;
          storage = s.right;
        }
        const naming = { seed: ctx.seed, key: `inputs/${name}/paths/${j}` };
        const steps = storage.copyFromStorage(name, from, destination, naming);
        if (storage.type === 'pvc') {
          mountClaim = true;
          for (const s of steps) copies.push(createDirStep(images.bashNoop, name, destination, ctx.seed, naming.key), { ...s, volumeMounts: [pvcMount(claim)] });
        } else {
          copies.push(...steps);
        }
      }
    }
    if (copies.length > 0) {
      out = withSteps(out, [...copies, ...(out.steps ?? [])]);
      mountSecrets = true;
    } else {
      out = applyModifier(out, b.resource.inputModifier(out, destination, namingFor(ctx, 'inputs', name)));
    }
  }
  if (mountClaim) out = { ...out, volumes: [...(out.volumes ?? []), pvcVolume(claim)] };
  if (mountSecrets && storage !== undefined) out = addVolumesOnce(out, storage.secretVolumes());
  return E.right(out);
}
