/**
 * The type of the Pod taskpod renders, as the Kubernetes API sees it.
 *
 * The codecs of `core.ts` model Go structs, where every field may be absent
 * (Go has zero values) and arrays are readonly (inputs are never mutated).
 * A rendered Pod says more: the fields the API server requires are filled
 * (a Pod that lacks one is refused by `checkPod` or was refused by Tekton's
 * admission), it has no `status` and no timestamps, and it is a fresh value
 * the caller owns. {@link RenderedPod} states that, so the Pod can be handed
 * to a Kubernetes client typed with the API's own definitions (such as
 * `@kubernetes/client-node`'s `V1Pod`) without a cast. The type only
 * narrows: a `RenderedPod` is still a {@link (Pod:type)}.
 *
 * @packageDocumentation
 */
import type { Pod } from './core';

/**
 * For each field of a Pod holding objects, the fields of those objects the
 * Kubernetes API requires (`V1Container.name`, `V1VolumeMount.mountPath`,
 * ...), which a rendered Pod therefore always has. Keyed by the name of the
 * holding field, as the Pod's field names are unambiguous enough for it.
 *
 * @example
 * ```ts
 * type ContainerNeeds = RequiredPodFields['containers']; // 'name'
 * ```
 *
 * @public
 */
export interface RequiredPodFields {
  readonly spec: 'containers';
  readonly metadata: never;
  readonly containers: 'name';
  readonly initContainers: 'name';
  readonly env: 'name';
  readonly volumeMounts: 'name' | 'mountPath';
  readonly volumeDevices: 'name' | 'devicePath';
  readonly ports: 'containerPort';
  readonly volumes: 'name';
  readonly ownerReferences: 'apiVersion' | 'kind' | 'name' | 'uid';
  readonly configMapKeyRef: 'key';
  readonly secretKeyRef: 'key';
  readonly fieldRef: 'fieldPath';
  readonly resourceFieldRef: 'resource';
  readonly httpHeaders: 'name' | 'value';
  readonly httpGet: 'port';
  readonly tcpSocket: 'port';
  /** KeyToPath (`key`, `path`) and DownwardAPIVolumeFile (`path`). */
  readonly items: 'key' | 'path';
  readonly sysctls: 'name' | 'value';
  readonly hostAliases: 'ip';
  readonly readinessGates: 'conditionType';
  readonly matchExpressions: 'key' | 'operator';
  readonly matchFields: 'key' | 'operator';
  readonly nodeSelectorTerms: never;
  /** NodeSelector (`nodeSelectorTerms`), or PodAffinityTerm (`topologyKey`) in pod (anti-)affinity. */
  readonly requiredDuringSchedulingIgnoredDuringExecution: 'nodeSelectorTerms' | 'topologyKey';
  /** PreferredSchedulingTerm (`weight`, `preference`) or WeightedPodAffinityTerm (`weight`, `podAffinityTerm`). */
  readonly preferredDuringSchedulingIgnoredDuringExecution: 'weight' | 'preference' | 'podAffinityTerm';
  readonly podAffinityTerm: 'topologyKey';
  readonly awsElasticBlockStore: 'volumeID';
  readonly azureDisk: 'diskName' | 'diskURI';
  readonly azureFile: 'secretName' | 'shareName';
  readonly cephfs: 'monitors';
  readonly cinder: 'volumeID';
  readonly flexVolume: 'driver';
  readonly gcePersistentDisk: 'pdName';
  readonly gitRepo: 'repository';
  readonly glusterfs: 'endpoints' | 'path';
  readonly hostPath: 'path';
  readonly iscsi: 'iqn' | 'lun' | 'targetPortal';
  readonly nfs: 'path' | 'server';
  readonly persistentVolumeClaim: 'claimName';
  readonly photonPersistentDisk: 'pdID';
  readonly portworxVolume: 'volumeID';
  readonly serviceAccountToken: 'path';
  readonly quobyte: 'registry' | 'volume';
  readonly rbd: 'image' | 'monitors';
  readonly scaleIO: 'gateway' | 'secretRef' | 'system';
  readonly vsphereVolume: 'volumePath';
}

/**
 * `T` as a fresh JSON value: arrays and fields mutable, the fields named by
 * `R` present, and below each field `K` the fields {@link RequiredPodFields}
 * names for `K`.
 *
 * @example
 * ```ts
 * type Mount = Concrete<VolumeMount, 'name' | 'mountPath'>; // { name: string; mountPath: string; readOnly?: boolean; ... }
 * ```
 *
 * @public
 */
export type Concrete<T, R extends PropertyKey = never> = T extends readonly (infer U)[]
  ? Concrete<U, R>[]
  : T extends object
    ? string extends keyof T
      ? { [K in keyof T]: Concrete<T[K], never> }
      : {
          -readonly [K in keyof T as K extends R ? K : never]-?: Concrete<
            Exclude<T[K], undefined>,
            K extends keyof RequiredPodFields ? RequiredPodFields[K] : never
          >;
        } & {
          -readonly [K in keyof T as K extends R ? never : K]?: Concrete<
            Exclude<T[K], undefined>,
            K extends keyof RequiredPodFields ? RequiredPodFields[K] : never
          >;
        }
    : T;

/**
 * The Pod {@link renderPod} returns: `apiVersion`, `kind`, `metadata` and
 * `spec` present, the fields the Kubernetes API requires present (see
 * {@link RequiredPodFields}), no `status` and no server-set metadata
 * (timestamps are `Date`s in typed clients and strings in JSON, and a new
 * Pod has none), arrays mutable. Assignable to a {@link (Pod:type)} and to
 * `@kubernetes/client-node`'s `V1Pod`.
 *
 * @example
 * ```ts
 * import type { V1Pod } from '@kubernetes/client-node';
 * const pod = renderPod(objects);
 * if (E.isRight(pod)) {
 *   const body: V1Pod = pod.right; // no cast
 *   await coreV1.createNamespacedPod({ namespace: body.metadata.namespace ?? 'default', body });
 * }
 * ```
 *
 * @public
 */
export type RenderedPod = Concrete<
  Omit<Pod, 'status' | 'metadata'> & {
    // The API server sets these; a new Pod has none.
    readonly metadata?: Omit<
      NonNullable<Pod['metadata']>,
      'creationTimestamp' | 'deletionTimestamp' | 'deletionGracePeriodSeconds' | 'resourceVersion' | 'selfLink' | 'generation'
    >;
  },
  'apiVersion' | 'kind' | 'metadata' | 'spec'
>;
