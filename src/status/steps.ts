/**
 * A TaskRun's `status.steps`: one state per step container of its Pod
 * (names starting `step-`; init containers and sidecars are not steps),
 * with the step's name, the container's name and the image ID the kubelet
 * reports.
 *
 * Order: the order of the Pod's containers, the order the steps run in.
 * The kubelet lists container statuses by name, and Tekton's attempt to
 * sort them back into the Task's order gave a scrambled list whenever
 * resource steps, unnamed steps or long names were involved
 * (../../docs/deviations.md, "Step states in Pod order").
 *
 * @packageDocumentation
 */
import type { ContainerStatus, Pod } from '../model/core';
import type { StepState } from '../model/tekton';
import { STEP_PREFIX } from '../pod/constants';
import { isStepName } from '../sidecars/pod';

/** One step's state from its container's status (Tekton's StepState fields, empty strings left out). */
function stepState(s: ContainerStatus): StepState {
  const container = s.name ?? '';
  const name = container.slice(STEP_PREFIX.length);
  return {
    ...(s.state?.waiting !== undefined ? { waiting: s.state.waiting } : {}),
    ...(s.state?.running !== undefined ? { running: s.state.running } : {}),
    ...(s.state?.terminated !== undefined ? { terminated: s.state.terminated } : {}),
    ...(name !== '' ? { name } : {}),
    container,
    ...(s.imageID !== undefined && s.imageID !== '' ? { imageID: s.imageID } : {}),
  };
}

/**
 * The step states of a Pod, in the order of its containers (a status whose
 * container the spec does not list comes after, in the kubelet's order).
 *
 * @example
 * ```ts
 * stepStates(pod).map((s) => s.name); // ['git-source-src-xyz12', 'build', 'image-digest-exporter-abc34']
 * ```
 *
 * @public
 */
export function stepStates(pod: Pod): readonly StepState[] {
  const position = new Map<string, number>();
  (pod.spec?.containers ?? []).forEach((c, i) => {
    const name = c.name ?? '';
    if (!position.has(name)) position.set(name, i);
  });
  const unlisted = Number.MAX_SAFE_INTEGER;
  return (pod.status?.containerStatuses ?? [])
    .filter((s) => isStepName(s.name ?? ''))
    .map((s, i) => ({ s, i, at: position.get(s.name ?? '') ?? unlisted }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map(({ s }) => stepState(s));
}
