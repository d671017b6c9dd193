/**
 * Ready gating: when the controller may release the first step.
 *
 * Tekton's first step waits for the file `/builder/downward/ready`, the
 * downward projection of the Pod annotation `tekton.dev/ready`. At
 * 6c132b937e the reconciler set that annotation (`updateReady`, via
 * `resources.AddReadyAnnotation`) whenever `status.UpdateStatusFromPod`
 * returned true: the Pod is `Running` and every status in
 * `status.containerStatuses` whose name lacks the `step-` prefix (a sidecar)
 * is running and ready, or terminated (`countSidecars` in
 * pkg/status/taskrunpod.go). The rule counts container statuses, not spec
 * containers, and a Pod without sidecars is ready as soon as it runs.
 *
 * taskpod applies the same rule, and also counts native sidecars (init
 * containers with `restartPolicy: Always`, reported in
 * `status.initContainerStatuses`), so that gating keeps working for Pods
 * rendered with `sidecars: 'native'`. A Pod rendered the Tekton way has none,
 * and then the rule is exactly Tekton's.
 *
 * @packageDocumentation
 */
import type { ContainerStatus } from '../model/core';
import { READY_ANNOTATION, READY_VALUE } from '../pod/constants';
import { containerStatuses, isJsonObject, isStepName, JsonPatchOperation, LivePod, phaseOf, pointer, PodUpdate, withField } from './pod';

/**
 * What a sidecar's status says, for the ready rule.
 *
 * @public
 */
export type SidecarState =
  /** Running and ready: counts as ready. */
  | 'ready'
  /** Running, readiness not (yet) passed. */
  | 'running'
  /** Not started (pulling, creating, crash back-off...). */
  | 'waiting'
  /** Exited: counts as ready (a sidecar that ends early does not block the steps). */
  | 'terminated'
  /** The status has no state. */
  | 'unknown';

/**
 * One sidecar's status.
 *
 * @public
 */
export interface SidecarStatus {
  readonly name: string;
  /** A native sidecar (init container with `restartPolicy: Always`). */
  readonly native: boolean;
  readonly state: SidecarState;
  /** Whether it counts towards readiness (`ready` or `terminated`). */
  readonly ok: boolean;
}

/**
 * The verdict of the ready rule.
 *
 * @public
 */
export interface Readiness {
  readonly ready: boolean;
  readonly phase: string;
  readonly sidecars: readonly SidecarStatus[];
  /** Why, in one sentence. */
  readonly reason: string;
}

function stateOf(s: ContainerStatus): SidecarState {
  if (s.state?.running !== undefined) return s.ready === true ? 'ready' : 'running';
  if (s.state?.terminated !== undefined) return 'terminated';
  if (s.state?.waiting !== undefined) return 'waiting';
  return 'unknown';
}

function describeState(s: SidecarStatus): string {
  switch (s.state) {
    case 'running':
      return 'running but not ready';
    case 'waiting':
      return 'waiting to start';
    case 'unknown':
      return 'without a state';
    default:
      return s.state;
  }
}

/**
 * The statuses the ready rule counts: non-step container statuses, then native sidecars'.
 *
 * @public
 */
export function sidecarStatuses(live: LivePod): readonly SidecarStatus[] {
  const view = (s: ContainerStatus, native: boolean): SidecarStatus => {
    const state = stateOf(s);
    return { name: s.name ?? '', native, state, ok: state === 'ready' || state === 'terminated' };
  };
  const regular = containerStatuses(live)
    .filter((s) => !isStepName(s.name ?? ''))
    .map((s) => view(s, false));
  const native = (live.pod.status?.initContainerStatuses ?? [])
    .filter((s) => live.nativeSidecars.has(s.name ?? ''))
    .map((s) => view(s, true));
  return [...regular, ...native];
}

/**
 * Whether the sidecars are ready, i.e. whether the controller should set
 * `tekton.dev/ready` (Tekton's rule, native sidecars included).
 *
 * @example
 * ```ts
 * sidecarReadiness(live); // { ready: false, phase: 'Running', reason: 'sidecar "db" is running but not ready', ... }
 * ```
 *
 * @public
 */
export function sidecarReadiness(live: LivePod): Readiness {
  const phase = phaseOf(live);
  const sidecars = sidecarStatuses(live);
  if (phase !== 'Running') {
    return { ready: false, phase, sidecars, reason: `the Pod is ${phase === '' ? 'without a phase' : `in phase ${phase}`}, not Running` };
  }
  const pending = sidecars.filter((s) => !s.ok);
  if (pending.length > 0) {
    const list = pending.map((s) => `sidecar "${s.name}" is ${describeState(s)}`).join('; ');
    return { ready: false, phase, sidecars, reason: list };
  }
  const reason = sidecars.length === 0 ? 'the Pod is Running and reports no sidecars' : `the Pod is Running and all ${sidecars.length} sidecars are ready or terminated`;
  return { ready: true, phase, sidecars, reason };
}

/**
 * Whether the Pod already carries `tekton.dev/ready: READY`.
 *
 * @public
 */
export function hasReadyAnnotation(live: LivePod): boolean {
  return live.pod.metadata?.annotations?.[READY_ANNOTATION] === READY_VALUE;
}

/**
 * The Pod with `tekton.dev/ready: READY` added (Tekton's
 * `AddReadyAnnotation`): unchanged when it is already there, every other
 * field of the raw object kept. As a patch: one `add` of the annotation, or
 * of the whole `annotations` map when the Pod has none.
 *
 * @example
 * ```ts
 * addReadyAnnotation(live).patch;
 * // [{ op: 'add', path: '/metadata/annotations/tekton.dev~1ready', value: 'READY' }]
 * ```
 *
 * @public
 */
export function addReadyAnnotation(live: LivePod): PodUpdate {
  if (hasReadyAnnotation(live)) return { pod: live.raw, patch: [], changed: false };
  const meta = isJsonObject(live.raw.metadata) ? live.raw.metadata : undefined;
  const annotations = meta !== undefined && isJsonObject(meta.annotations) ? meta.annotations : undefined;
  const newAnnotations = annotations === undefined ? { [READY_ANNOTATION]: READY_VALUE } : withField(annotations, READY_ANNOTATION, READY_VALUE);
  const newMeta = withField(meta ?? {}, 'annotations', newAnnotations);
  const op: JsonPatchOperation =
    meta === undefined
      ? { op: 'add', path: pointer('metadata'), value: newMeta }
      : annotations === undefined
        ? { op: 'add', path: pointer('metadata', 'annotations'), value: newAnnotations }
        : { op: 'add', path: pointer('metadata', 'annotations', READY_ANNOTATION), value: READY_VALUE };
  return { pod: withField(live.raw, 'metadata', newMeta), patch: [op], changed: true };
}

/**
 * What the controller does about readiness in one reconcile.
 *
 * @public
 */
export interface ReadyUpdate extends PodUpdate {
  readonly readiness: Readiness;
}

/**
 * One reconcile's ready step: when the sidecars are ready, the Pod with the
 * ready annotation (unchanged if already set); otherwise the Pod unchanged.
 *
 * @example
 * ```ts
 * const u = readyUpdate(live);
 * if (u.changed) await client.patch(u.patch);
 * ```
 *
 * @public
 */
export function readyUpdate(live: LivePod): ReadyUpdate {
  const readiness = sidecarReadiness(live);
  const update: PodUpdate = readiness.ready ? addReadyAnnotation(live) : { pod: live.raw, patch: [], changed: false };
  return { ...update, readiness };
}
