/**
 * Stopping sidecars the way Tekton did at 6c132b937e
 * (pkg/reconciler/taskrun/sidecars/stop.go): once the TaskRun is done, the
 * reconciler reads the Pod and, if it is `Running`, replaces the image of
 * every container whose status is `running` with the nop image, unless it
 * already is the nop image, and updates the Pod. The kubelet restarts those
 * containers with the nop image, which exits at once — provided the nop
 * image does not contain the sidecar's command (see nop-risk.ts).
 *
 * One difference: stop.go did not look at names; it relied on being called
 * only after every step had ended. These functions never touch a step
 * container (name prefix `step-`), even a running one.
 *
 * @packageDocumentation
 */
import { containerStatuses, isJsonObject, isStepName, JsonObject, JsonPatchOperation, LivePod, phaseOf, pointer, PodUpdate, withField } from './pod';

/**
 * Tekton's `areStepsComplete`: the Pod is `Running`, reports container
 * statuses, and every step container's status is terminated.
 *
 * @example
 * ```ts
 * stepsComplete(live); // true once the last step has exited
 * ```
 *
 * @public
 */
export function stepsComplete(live: LivePod): boolean {
  const statuses = containerStatuses(live);
  return statuses.length > 0 && phaseOf(live) === 'Running' && statuses.every((s) => !isStepName(s.name ?? '') || s.state?.terminated !== undefined);
}

/**
 * Whether Tekton would consider the TaskRun's steps finished: steps
 * complete, or the Pod `Succeeded` or `Failed` (`UpdateStatusFromPod`'s
 * `complete`).
 *
 * @public
 */
export function taskRunComplete(live: LivePod): boolean {
  const phase = phaseOf(live);
  return stepsComplete(live) || phase === 'Succeeded' || phase === 'Failed';
}

/**
 * A sidecar container in `spec.containers` whose status is `running`.
 *
 * @public
 */
export interface RunningSidecar {
  readonly name: string;
  /** Index in `spec.containers`. */
  readonly index: number;
  /** Its image in the spec. */
  readonly image: string;
}

/**
 * The non-step containers of `spec.containers` whose status is `running`,
 * in spec order. Native sidecars (init containers) are not among them:
 * Kubernetes stops those itself.
 *
 * @public
 */
export function runningSidecars(live: LivePod): readonly RunningSidecar[] {
  const running = new Set(containerStatuses(live).filter((s) => s.state?.running !== undefined).map((s) => s.name ?? ''));
  const out: RunningSidecar[] = [];
  (live.pod.spec?.containers ?? []).forEach((c, index) => {
    const name = c.name ?? '';
    if (!isStepName(name) && running.has(name)) out.push({ name, index, image: c.image ?? '' });
  });
  return out;
}

/**
 * When to stop: every step has terminated (Tekton's `areStepsComplete`) and
 * some sidecar is still running with an image other than `nopImage` (so a
 * Pod whose sidecars were already swapped needs nothing more).
 *
 * @example
 * ```ts
 * if (shouldStopSidecars(live, DEFAULT_IMAGES.nop)) apply(stopSidecars(live, DEFAULT_IMAGES.nop).patch);
 * ```
 *
 * @public
 */
export function shouldStopSidecars(live: LivePod, nopImage: string): boolean {
  return stepsComplete(live) && runningSidecars(live).some((s) => s.image !== nopImage);
}

/**
 * The result of {@link stopSidecars}.
 *
 * @public
 */
export interface StopUpdate extends PodUpdate {
  /** The sidecars whose image was swapped, with the image they had. */
  readonly stopped: readonly RunningSidecar[];
}

/**
 * The Pod with the nop image swapped into every running sidecar (stop.go's
 * `Stop`): nothing changes for a Pod that is not `Running`, for waiting or
 * terminated containers, for steps, or for sidecars that already run the
 * nop image — so applying it twice changes nothing more. The patch guards
 * each `replace` with a `test` of the container's name.
 *
 * @example
 * ```ts
 * stopSidecars(live, 'nop:latest').patch;
 * // [{ op: 'test', path: '/spec/containers/1/name', value: 'db' },
 * //  { op: 'replace', path: '/spec/containers/1/image', value: 'nop:latest' }]
 * ```
 *
 * @public
 */
export function stopSidecars(live: LivePod, nopImage: string): StopUpdate {
  const unchanged: StopUpdate = { pod: live.raw, patch: [], changed: false, stopped: [] };
  if (phaseOf(live) !== 'Running') return unchanged;
  const stopped = runningSidecars(live).filter((s) => s.image !== nopImage);
  if (stopped.length === 0) return unchanged;
  const spec = isJsonObject(live.raw.spec) ? live.raw.spec : {};
  const rawContainers: readonly unknown[] = Array.isArray(spec.containers) ? spec.containers : [];
  const byIndex = new Set(stopped.map((s) => s.index));
  const containers = rawContainers.map((c, i) => (byIndex.has(i) && isJsonObject(c) ? withField(c, 'image', nopImage) : c));
  const patch: JsonPatchOperation[] = stopped.flatMap((s): JsonPatchOperation[] => {
    const raw = rawContainers[s.index];
    const hasImage = isJsonObject(raw) && Object.prototype.hasOwnProperty.call(raw, 'image');
    return [
      { op: 'test', path: pointer('spec', 'containers', s.index, 'name'), value: s.name },
      { op: hasImage ? 'replace' : 'add', path: pointer('spec', 'containers', s.index, 'image'), value: nopImage },
    ];
  });
  const pod: JsonObject = withField(live.raw, 'spec', withField(spec, 'containers', containers));
  return { pod, patch, changed: true, stopped };
}
