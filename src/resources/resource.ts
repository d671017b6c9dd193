/**
 * A PipelineResource read as its type (Tekton's ResourceFromType and
 * NewStorageResource): the one place that dispatches on `spec.type` and, for
 * `storage`, on its `type` param.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import type { Images } from '../model/config';
import type { PipelineResource } from '../model/tekton';
import { clusterResource } from './cluster';
import { cloudEventResource } from './cloud-event';
import { gitResource } from './git';
import { equalFoldAscii } from './go';
import { imageResource } from './image';
import { pullRequestResource } from './pull-request';
import { BuildGcsFields, buildGcsFields, buildGcsResource } from './storage-build-gcs';
import { GcsFields, gcsFields, gcsResource } from './storage-gcs';
import type { Resource } from './types';

/** The resource types whose outputs are copied between a PipelineRun's Tasks. */
export const ARTIFACT_TYPES: ReadonlySet<string> = new Set(['git', 'storage']);

/**
 * A storage resource as its first `type` param says: `gcs` or `build-gcs`
 * (compared case-insensitively).
 */
function storageResource(r: PipelineResource, images: Images): E.Either<string, Resource> {
  const typeParam = (r.spec?.params ?? []).find((p) => equalFoldAscii(p.name ?? '', 'type'));
  if (typeParam === undefined) return E.left('a storage resource needs a "type" param (gcs or build-gcs)');
  const value = typeParam.value ?? '';
  if (equalFoldAscii(value, 'gcs')) return E.map((f: GcsFields) => gcsResource(f, images))(gcsFields(r));
  if (equalFoldAscii(value, 'build-gcs')) return E.map((f: BuildGcsFields) => buildGcsResource(f, images))(buildGcsFields(r));
  return E.left(`storage type "${value}" is not implemented (gcs or build-gcs)`);
}

/**
 * Reads a PipelineResource as its type, with the controller's images; the
 * error says why the resource is unusable.
 *
 * @example
 * ```ts
 * resourceFromType({ metadata: { name: 'src' }, spec: { type: 'git', params: [{ name: 'url', value: 'https://x' }] } }, DEFAULT_IMAGES);
 * // Right(git resource)
 * ```
 */
export function resourceFromType(r: PipelineResource, images: Images): E.Either<string, Resource> {
  switch (r.spec?.type ?? '') {
    case 'git':
      return E.right(gitResource(r, images.git));
    case 'image':
      return E.right(imageResource(r));
    case 'cluster':
      return E.right(clusterResource(r, images.kubeconfigWriter));
    case 'storage':
      return storageResource(r, images);
    case 'pullRequest':
      return E.right(pullRequestResource(r, images.pr));
    case 'cloudEvent':
      return cloudEventResource(r);
    default:
      return E.left(`type "${r.spec?.type ?? ''}" is not a resource type (git, pullRequest, image, cluster, storage, cloudEvent)`);
  }
}
