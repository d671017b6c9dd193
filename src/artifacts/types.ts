/**
 * Where a PipelineRun's Tasks hand resources to each other (Tekton's
 * ArtifactStorageInterface): the PipelineRun's PersistentVolumeClaim or a
 * GCS bucket.
 *
 * @packageDocumentation
 */
import type { Volume } from '../model/core';
import type { Step } from '../model/tekton';
import type { Naming } from '../resources/types';

/** The two kinds of artifact storage. */
export type ArtifactStorageType = 'pvc' | 'bucket';

/** Artifact storage: the steps that copy to and from it, and the volumes they need. */
export interface ArtifactStorage {
  readonly type: ArtifactStorageType;
  /** Steps copying `sourcePath` (a path in the storage) of resource `name` to `destinationPath`. */
  copyFromStorage(name: string, sourcePath: string, destinationPath: string, naming: Naming): Step[];
  /** Steps copying `sourcePath` of resource `name` into the storage at `destinationPath`. */
  copyToStorage(name: string, sourcePath: string, destinationPath: string, naming: Naming): Step[];
  /** The secret volumes the copy steps mount. */
  secretVolumes(): Volume[];
}
