/**
 * Which artifact storage a TaskRun of a PipelineRun uses
 * (artifacts_storage.go at 6c132b937e): a bucket when the ConfigMap
 * `config-artifact-bucket` names a non-blank `location`, else the
 * PipelineRun's PersistentVolumeClaim `<pipelinerun>-pvc`.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import type { TaskpodError } from '../errors';
import type { ConfigMap, Volume } from '../model/core';
import type { Images } from '../model/config';
import type { TaskRun, TaskSpec } from '../model/tekton';
import { goTrimSpace } from '../resources/go';
import { stableJson } from '../util';
import { BUCKET_CONFIG_NAME, BUCKET_LOCATION_KEY, BucketConfig, bucketConfig, bucketStorage, SYSTEM_NAMESPACE } from './bucket';
import { pvcStorage } from './pvc';
import type { ArtifactStorage, ArtifactStorageType } from './types';

/** The kind of owner that makes a TaskRun part of a PipelineRun. */
export const PIPELINE_RUN_KIND = 'PipelineRun';

/**
 * The name of the PipelineRun that owns a TaskRun (its first owner reference
 * of kind PipelineRun), if any.
 *
 * @example
 * ```ts
 * pipelineRunOwner({ metadata: { ownerReferences: [{ kind: 'PipelineRun', name: 'pr' }] } }); // 'pr'
 * ```
 */
export function pipelineRunOwner(tr: TaskRun): string | undefined {
  const owner = (tr.metadata?.ownerReferences ?? []).find((o) => o.kind === PIPELINE_RUN_KIND);
  return owner === undefined ? undefined : owner.name ?? '';
}

/**
 * The claim of a PipelineRun: `<name>-pvc`.
 *
 * @example
 * ```ts
 * pvcNameOf('build-run'); // 'build-run-pvc'
 * ```
 */
export function pvcNameOf(pipelineRunName: string): string {
  return `${pipelineRunName}-pvc`;
}

/**
 * Whether artifacts go to a PVC: the bucket ConfigMap is absent, has no
 * `location`, or a blank one.
 *
 * @example
 * ```ts
 * storageType(undefined); // 'pvc'
 * storageType({ data: { location: 'gs://b' } }); // 'bucket'
 * ```
 */
export function storageType(bucketConfigMap: ConfigMap | undefined): ArtifactStorageType {
  const data = bucketConfigMap?.data;
  if (data === undefined || !Object.prototype.hasOwnProperty.call(data, BUCKET_LOCATION_KEY)) return 'pvc';
  return goTrimSpace(data[BUCKET_LOCATION_KEY]!) === '' ? 'pvc' : 'bucket';
}

/** Looks up a ConfigMap by namespace and name. */
export type FindConfigMap = (namespace: string, name: string) => ConfigMap | undefined;

/** The bucket ConfigMap, if the input holds it. */
export function findBucketConfigMap(find: FindConfigMap): ConfigMap | undefined {
  return find(SYSTEM_NAMESPACE, BUCKET_CONFIG_NAME);
}

/**
 * The artifact storage: PVC storage on claim `claimName`, or the bucket the
 * ConfigMap describes (a bucket secret name that makes no valid volume name
 * is an error: `bucketConfig`).
 *
 * @example
 * ```ts
 * artifactStorage(run.findConfigMap, images, 'build-run-pvc'); // Right(PVC storage) without a bucket ConfigMap
 * ```
 */
export function artifactStorage(find: FindConfigMap, images: Images, claimName: string): E.Either<TaskpodError, ArtifactStorage> {
  const cm = findBucketConfigMap(find);
  if (cm === undefined || storageType(cm) === 'pvc') return E.right(pvcStorage(claimName, images.bashNoop));
  return E.map((config: BucketConfig) => bucketStorage(config, images))(bucketConfig(cm));
}

/**
 * Adds artifact secret volumes to a TaskSpec, each at most once: a volume
 * equal to one the TaskSpec already has is not added again (Tekton added the
 * bucket secret volume once per output and copied input, and the Pod was
 * refused for duplicate volume names: DEVIATIONS.md item 2).
 *
 * @example
 * ```ts
 * addVolumesOnce({ volumes: [v] }, [v]).volumes; // [v]
 * ```
 */
export function addVolumesOnce(spec: TaskSpec, volumes: readonly Volume[]): TaskSpec {
  const have = new Set((spec.volumes ?? []).map(stableJson));
  const added: Volume[] = [];
  for (const v of volumes) {
    const key = stableJson(v);
    if (have.has(key)) continue;
    have.add(key);
    added.push(v);
  }
  return added.length === 0 ? spec : { ...spec, volumes: [...(spec.volumes ?? []), ...added] };
}
