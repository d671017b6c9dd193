/**
 * Artifact storage on the PipelineRun's PersistentVolumeClaim
 * (artifact_pvc.go at 6c132b937e): the claim is mounted at /pvc, and `bash`
 * steps copy with `cp -r`.
 *
 * @packageDocumentation
 */
import type { Volume, VolumeMount } from '../model/core';
import { generated } from '../resources/types';
import type { ArtifactStorage } from './types';

/** Where the PipelineRun's claim is mounted. */
export const PVC_DIR = '/pvc';

/**
 * The mount of the claim volume `name` at /pvc.
 *
 * @example
 * ```ts
 * pvcMount('run-pvc'); // { name: 'run-pvc', mountPath: '/pvc' }
 * ```
 */
export function pvcMount(name: string): VolumeMount {
  return { name, mountPath: PVC_DIR };
}

/**
 * The volume of claim `name`, named after it.
 *
 * @example
 * ```ts
 * pvcVolume('run-pvc'); // { name: 'run-pvc', persistentVolumeClaim: { claimName: 'run-pvc' } }
 * ```
 */
export function pvcVolume(name: string): Volume {
  return { name, persistentVolumeClaim: { claimName: name } };
}

/**
 * PVC artifact storage on claim `claimName` (its volume has the same name).
 * Copying from it is one `source-copy-*` step (the caller mounts the claim);
 * copying to it is a `source-mkdir-*` and a `source-copy-*` step, both
 * mounting the claim.
 *
 * @example
 * ```ts
 * pvcStorage('run-pvc', bashImage).copyToStorage('src', '/workspace/output/src', '/pvc/build/src', naming);
 * // [mkdir -p /pvc/build/src, cp -r /workspace/output/src/. /pvc/build/src]
 * ```
 */
export function pvcStorage(claimName: string, bashImage: string): ArtifactStorage {
  return {
    type: 'pvc',
    copyFromStorage: (name, sourcePath, destinationPath, naming) => [
      {
        name: generated(naming, `source-copy-${name}`),
        image: bashImage,
        command: ['/ko-app/bash'],
        args: ['-args', `cp -r ${sourcePath}/. ${destinationPath}`],
      },
    ],
    copyToStorage: (name, sourcePath, destinationPath, naming) => [
      {
        name: generated(naming, `source-mkdir-${name}`),
        image: bashImage,
        command: ['/ko-app/bash'],
        args: ['-args', `mkdir -p ${destinationPath}`],
        volumeMounts: [pvcMount(claimName)],
      },
      {
        name: generated(naming, `source-copy-${name}`),
        image: bashImage,
        command: ['/ko-app/bash'],
        args: ['-args', `cp -r ${sourcePath}/. ${destinationPath}`],
        volumeMounts: [pvcMount(claimName)],
      },
    ],
    secretVolumes: () => [],
  };
}
