/**
 * The warnings of a render: one pure pass over the resolved TaskRun and the
 * finished Pod, after the stages (src/render.ts). Each is about an input
 * Tekton accepted and ran as it is, but that probably does not do what was
 * meant; the Pod is Tekton's either way.
 *
 * - The bucket ConfigMap's secret keys, when the TaskRun copies artifacts
 *   through the bucket: set by half, an empty key, an unknown field name
 *   (`bucketConfigWarnings` in src/artifacts/bucket.ts).
 * - In nop mode, each sidecar that may keep running after Tekton swaps its
 *   image for the nop image (tektoncd/pipeline#1347, src/sidecars/nop-risk.ts).
 *
 * @packageDocumentation
 */
import { bucketConfigWarnings, findBucketConfigMap, storageType } from './artifacts';
import type { ImageEntrypoints } from './model/config';
import type { Pod } from './model/core';
import type { ResolvedRun } from './resolve';
import { copiesArtifacts } from './resources/context';
import type { SidecarMode } from './sidecars/native';
import { checkSidecars, NopImage, nopWarnings } from './sidecars/nop-risk';
import type { TaskpodWarning } from './warnings';

/**
 * Warnings that depend only on the TaskRun's inputs (not on how its
 * sidecars are placed): today, those about the bucket ConfigMap when the
 * TaskRun copies artifacts through the bucket.
 *
 * @example
 * ```ts
 * inputWarnings(run); // [] unless the TaskRun copies artifacts through a doubtfully configured bucket
 * ```
 */
export function inputWarnings(run: ResolvedRun): readonly TaskpodWarning[] {
  const bucket = findBucketConfigMap(run.findConfigMap);
  if (bucket === undefined || storageType(bucket) !== 'bucket' || !copiesArtifacts(run)) return [];
  return bucketConfigWarnings(bucket);
}

/**
 * One warning per sidecar of a Pod rendered the Tekton way (nop mode) that
 * may not stop when its image is swapped for `nop` (`undefined`: contents
 * unknown). The sidecars are the Pod's last containers, one per
 * `sidecars` entry of the Task; each warning names that entry.
 *
 * @example
 * ```ts
 * sidecarWarnings(run, pod, nopImageContaining('my/nop', ['/bin/sh']), {});
 * // [{ object: 'Task ci/build', field: 'spec.sidecars[0]', message: 'sidecar "web" will not stop ...' }]
 * ```
 */
export function sidecarWarnings(run: ResolvedRun, pod: Pod, nop: NopImage | undefined, imageEntrypoints: ImageEntrypoints): readonly TaskpodWarning[] {
  const declared = run.taskSpec.sidecars ?? [];
  if (declared.length === 0) return [];
  const containers = pod.spec?.containers ?? [];
  const sidecars = containers.slice(containers.length - declared.length);
  return checkSidecars(sidecars, nop, imageEntrypoints).flatMap((check, i) =>
    nopWarnings([check]).map((message) => ({ object: run.specObject, field: `${run.specPath}.sidecars[${i}]`, message })),
  );
}

/**
 * Every warning of a render, in a fixed order: the inputs' first, then the
 * sidecars' (none in native mode, where nothing is swapped).
 *
 * @example
 * ```ts
 * renderWarnings(run, pod, 'nop', TEKTON_NOP_IMAGE, config.imageEntrypoints);
 * ```
 */
export function renderWarnings(
  run: ResolvedRun,
  pod: Pod,
  sidecars: SidecarMode,
  nop: NopImage | undefined,
  imageEntrypoints: ImageEntrypoints,
): readonly TaskpodWarning[] {
  return [...inputWarnings(run), ...(sidecars === 'native' ? [] : sidecarWarnings(run, pod, nop, imageEntrypoints))];
}
