/**
 * Native sidecars: an opt-in alternative to Tekton's nop-image stopping.
 *
 * Kubernetes 1.29 and later (feature `SidecarContainers`, beta and on by
 * default since 1.29) run an init container whose `restartPolicy` is
 * `Always` as a sidecar: it starts before the regular containers, keeps
 * running beside them, and is terminated by the kubelet once every regular
 * container has exited. Rendering a Task's sidecars that way means nothing
 * has to swap images to stop them, so the nop-image bug
 * (tektoncd/pipeline#1347) cannot happen.
 *
 * The transform runs on the encoded Pod (plain JSON), after the 1.12 codec,
 * because that codec has no `restartPolicy` on containers and would drop it.
 *
 * @packageDocumentation
 */
import { Container } from '../model/core';
import { isJsonObject, JsonObject, withField } from './pod';

/**
 * The first Kubernetes minor version that runs native sidecars by default.
 *
 * @public
 */
export const NATIVE_SIDECARS_MIN_KUBERNETES = '1.29';

/**
 * How a render places a Task's sidecars.
 *
 * @public
 */
export type SidecarMode =
  /** As Tekton did: regular containers after the steps, stopped by swapping in the nop image. */
  | 'nop'
  /** As Kubernetes native sidecars: init containers with `restartPolicy: Always` (K8s >= 1.29). */
  | 'native';

// Go's field order of corev1.Container in Kubernetes 1.29: `restartPolicy`
// comes right after `resources` (and `resizePolicy`, which 1.12 lacks).
const CONTAINER_KEYS = Object.keys(Container.props);
const AFTER_RESTART_POLICY = new Set(CONTAINER_KEYS.slice(CONTAINER_KEYS.indexOf('resources') + 1));

/**
 * A container with `restartPolicy: Always`, placed where Kubernetes prints it
 * (after `resources`).
 *
 * @example
 * ```ts
 * asNativeSidecar({ name: 'db', image: 'postgres', volumeMounts: [] });
 * // { name: 'db', image: 'postgres', restartPolicy: 'Always', volumeMounts: [] }
 * ```
 *
 * @public
 */
export function asNativeSidecar(container: JsonObject): JsonObject {
  const out: Record<string, unknown> = {};
  const put = (k: string, v: unknown) => Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  let placed = false;
  for (const k of Object.keys(container)) {
    if (k === 'restartPolicy') continue;
    if (!placed && AFTER_RESTART_POLICY.has(k)) {
      put('restartPolicy', 'Always');
      placed = true;
    }
    put(k, container[k]);
  }
  if (!placed) put('restartPolicy', 'Always');
  return out;
}

/**
 * Moves the last `sidecarCount` regular containers of an encoded Pod (the
 * Task's sidecars: MakePod appends them after the steps) to the end of the
 * init containers, as native sidecars. The steps, the other init containers
 * and every other field stay as they are; `sidecarCount` 0 returns the Pod
 * unchanged.
 *
 * @example
 * ```ts
 * const pod = toNativeSidecars(Pod.encode(rendered), taskSpec.sidecars?.length ?? 0);
 * // pod.spec.initContainers ends with the sidecars, each with restartPolicy: 'Always'
 * ```
 *
 * @public
 */
export function toNativeSidecars(pod: JsonObject, sidecarCount: number): JsonObject {
  const spec = isJsonObject(pod.spec) ? pod.spec : undefined;
  const containers: readonly unknown[] = spec !== undefined && Array.isArray(spec.containers) ? spec.containers : [];
  const n = Math.max(0, Math.min(Math.floor(sidecarCount), containers.length));
  if (spec === undefined || n === 0) return pod;
  const steps = containers.slice(0, containers.length - n);
  const sidecars = containers.slice(containers.length - n).map((c) => (isJsonObject(c) ? asNativeSidecar(c) : c));
  const init: readonly unknown[] = Array.isArray(spec.initContainers) ? spec.initContainers : [];
  const newInit = [...init, ...sidecars];
  const newSpec: Record<string, unknown> = {};
  const put = (k: string, v: unknown) => Object.defineProperty(newSpec, k, { value: v, enumerable: true, writable: true, configurable: true });
  const hasInit = Object.prototype.hasOwnProperty.call(spec, 'initContainers');
  for (const k of Object.keys(spec)) {
    if (k === 'containers' && !hasInit) put('initContainers', newInit);
    put(k, k === 'initContainers' ? newInit : k === 'containers' ? steps : spec[k]);
  }
  return withField(pod, 'spec', newSpec);
}
