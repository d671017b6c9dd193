/**
 * The PersistentVolumeClaim Tekton created for a PipelineRun whose artifacts
 * go to a PVC (createPVC and GetPVCSpec in artifacts_storage.go at
 * 6c132b937e): `<pipelinerun>-pvc`, owned by the PipelineRun, ReadWriteOnce,
 * with the size (default 5Gi) and storage class of the ConfigMap
 * `config-artifact-pvc`.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import { invalidConfig, objectLabel, TaskpodError } from '../errors';
import { ConfigMap, LabelSelector, ObjectMeta, OwnerReference, ResourceRequirements } from '../model/core';
import { listOf, struct } from '../model/struct';
import { canonicalQuantity } from '../quantity';
import { SYSTEM_NAMESPACE } from './bucket';
import { pvcNameOf } from './storage';

/** The ConfigMap that sizes the claim. */
export const PVC_CONFIG_NAME = 'config-artifact-pvc';
/** Its key for the claim's size. */
export const PVC_SIZE_KEY = 'size';
/** Its key for the claim's storage class. */
export const PVC_STORAGE_CLASS_KEY = 'storageClassName';
/** The size when the ConfigMap gives none. */
export const DEFAULT_PVC_SIZE = '5Gi';

/** The API version and kind of the PipelineRun that owns the claim. */
export const PIPELINE_RUN_API_VERSION = 'tekton.dev/v1alpha1';

/** A v1 PersistentVolumeClaimSpec (the fields of Kubernetes 1.12 Tekton could set, in Go's order). */
export const PersistentVolumeClaimSpec = struct('PersistentVolumeClaimSpec', {
  accessModes: listOf(t.string),
  selector: LabelSelector,
  resources: ResourceRequirements,
  volumeName: t.string,
  storageClassName: t.string,
  volumeMode: t.string,
});

/**
 * A v1 PersistentVolumeClaim (without status).
 *
 * @example
 * ```ts
 * PersistentVolumeClaim.encode(claim); // fields in Go's order
 * ```
 *
 * @public
 */
export const PersistentVolumeClaim = struct('PersistentVolumeClaim', {
  kind: t.string,
  apiVersion: t.string,
  metadata: ObjectMeta,
  spec: PersistentVolumeClaimSpec,
});
/**
 * A decoded {@link (PersistentVolumeClaim:variable)}.
 *
 * @example
 * ```ts
 * const claim: PersistentVolumeClaim = { kind: 'PersistentVolumeClaim', apiVersion: 'v1', metadata: { name: 'ci-1-pvc' } };
 * ```
 *
 * @public
 */
export type PersistentVolumeClaim = t.TypeOf<typeof PersistentVolumeClaim>;

/** What the claim needs of its PipelineRun. */
export interface ClaimOwner {
  readonly name: string;
  readonly namespace: string;
  /** The PipelineRun's uid (`''` when unknown, as Go printed it). */
  readonly uid: string;
}

/** The label of the PVC ConfigMap, for errors. */
export const PVC_CONFIG_LABEL = objectLabel('ConfigMap', SYSTEM_NAMESPACE, PVC_CONFIG_NAME);

/**
 * The PipelineRun's claim. `pvcConfigMap` is `config-artifact-pvc` when
 * present: an empty or missing `size` is 5Gi, an empty or missing
 * `storageClassName` leaves the cluster's default class. A size that is not
 * a quantity is an error naming the ConfigMap key.
 *
 * @example
 * ```ts
 * pipelineRunClaim({ name: 'build', namespace: 'ci', uid: '' }, undefined);
 * // Right({ kind: 'PersistentVolumeClaim', apiVersion: 'v1', metadata: { name: 'build-pvc', namespace: 'ci', ownerReferences: [...] },
 * //         spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } } })
 * ```
 */
export function pipelineRunClaim(owner: ClaimOwner, pvcConfigMap: ConfigMap | undefined): E.Either<TaskpodError, PersistentVolumeClaim> {
  const data = pvcConfigMap?.data ?? {};
  const get = (k: string) => (Object.prototype.hasOwnProperty.call(data, k) ? data[k]! : '');
  const sizeText = get(PVC_SIZE_KEY) === '' ? DEFAULT_PVC_SIZE : get(PVC_SIZE_KEY);
  const size = canonicalQuantity(sizeText);
  if (E.isLeft(size)) {
    return E.left(invalidConfig(PVC_CONFIG_LABEL, `data[${JSON.stringify(PVC_SIZE_KEY)}]`, `invalid size "${sizeText}": ${size.left}`));
  }
  const storageClassName = get(PVC_STORAGE_CLASS_KEY);
  const ownerReference: OwnerReference = {
    apiVersion: PIPELINE_RUN_API_VERSION,
    kind: 'PipelineRun',
    name: owner.name,
    uid: owner.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
  return E.right({
    kind: 'PersistentVolumeClaim',
    apiVersion: 'v1',
    metadata: { name: pvcNameOf(owner.name), namespace: owner.namespace, ownerReferences: [ownerReference] },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: size.right } },
      ...(storageClassName !== '' ? { storageClassName } : {}),
    },
  });
}
