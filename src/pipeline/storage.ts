/**
 * Where a PipelineRun's tasks pass resources to each other
 * (InitializeArtifactStorage in pkg/artifacts/artifacts_storage.go at
 * 6c132b937e): the bucket of a `config-artifact-bucket` with a non-blank
 * `location`, else a PersistentVolumeClaim `<pipelinerun>-pvc` the
 * controller creates whether or not a task shares anything.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { BUCKET_LOCATION_KEY, findBucketConfigMap, pipelineRunClaim, PersistentVolumeClaim, PVC_CONFIG_NAME, PVC_DIR, storageType, SYSTEM_NAMESPACE } from '../artifacts';
import type { TaskpodError } from '../errors';
import { InputObjects, namespaceOf } from '../input/objects';
import type { ResolvedPipelineRun } from './resolve';

/**
 * The artifact storage of a PipelineRun and the base of the paths its
 * TaskRuns copy resources to and from.
 *
 * @example
 * ```ts
 * const s: PipelineStorage = { type: 'bucket', location: 'gs://ci-artifacts', basePath: 'ci-1-default-bucket' };
 * ```
 *
 * @public
 */
export type PipelineStorage =
  | { readonly type: 'pvc'; readonly claim: PersistentVolumeClaim; readonly basePath: string }
  | { readonly type: 'bucket'; readonly location: string; readonly basePath: string };

/**
 * The storage Tekton chose for `run`, with the claim it created for PVC
 * storage (sized and classed by `config-artifact-pvc`).
 *
 * @example
 * ```ts
 * pipelineRunStorage(objects, run); // Right({ type: 'pvc', claim: { metadata: { name: 'ci-1-pvc', ... } }, basePath: '/pvc' })
 * ```
 *
 * @public
 */
export function pipelineRunStorage(objects: InputObjects, run: Pick<ResolvedPipelineRun, 'name' | 'namespace' | 'pipelineRun'>): E.Either<TaskpodError, PipelineStorage> {
  const find = (ns: string, name: string) => objects.configMaps.find((c) => c.metadata?.name === name && namespaceOf(c) === ns);
  const bucket = findBucketConfigMap(find);
  if (storageType(bucket) === 'bucket') {
    return E.right({ type: 'bucket', location: bucket?.data?.[BUCKET_LOCATION_KEY] ?? '', basePath: `${run.name}-${run.namespace}-bucket` });
  }
  const claim = pipelineRunClaim({ name: run.name, namespace: run.namespace, uid: run.pipelineRun.metadata?.uid ?? '' }, find(SYSTEM_NAMESPACE, PVC_CONFIG_NAME));
  return E.map((c: PersistentVolumeClaim): PipelineStorage => ({ type: 'pvc', claim: c, basePath: PVC_DIR }))(claim);
}
