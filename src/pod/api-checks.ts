/**
 * The API server's checks of a Pod that need no cluster (DEVIATIONS.md item
 * 7): names are DNS-1123 labels of at most 63 characters and unique, every
 * volumeMount names a declared volume, no container mounts two volumes at one
 * path. Tekton let such Pods through and the API server refused them; taskpod
 * refuses the TaskRun with the rule and the place.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { refused, TaskpodError } from '../errors';
import type { Container, Pod } from '../model/core';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Why `name` is not a DNS-1123 label, or `undefined` when it is one.
 *
 * @example
 * ```ts
 * dns1123LabelProblem('step-Build'); // 'must consist of lower case ...'
 * ```
 *
 * @public
 */
export function dns1123LabelProblem(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > 63) return `must be no more than 63 characters (has ${name.length})`;
  if (!DNS1123_LABEL.test(name)) {
    return "must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
  }
  return undefined;
}

function checkContainers(
  list: readonly Container[],
  field: string,
  volumeNames: ReadonlySet<string>,
  seen: Map<string, string>,
): { readonly field: string; readonly message: string } | undefined {
  for (const [i, c] of list.entries()) {
    const name = c.name ?? '';
    const here = `${field}[${i}]`;
    const problem = dns1123LabelProblem(name);
    if (problem !== undefined) return { field: `${here}.name`, message: `invalid container name "${name}": ${problem}` };
    const earlier = seen.get(name);
    if (earlier !== undefined) return { field: `${here}.name`, message: `duplicate container name "${name}" (also ${earlier})` };
    seen.set(name, here);
    const paths = new Map<string, number>();
    for (const [j, m] of (c.volumeMounts ?? []).entries()) {
      const mountName = m.name ?? '';
      if (!volumeNames.has(mountName)) {
        return { field: `${here}.volumeMounts[${j}].name`, message: `container "${name}" mounts volume "${mountName}", which the Pod does not declare` };
      }
      const path = m.mountPath ?? '';
      const other = paths.get(path);
      if (other !== undefined) {
        return { field: `${here}.volumeMounts[${j}].mountPath`, message: `container "${name}" mounts two volumes at "${path}" (also volumeMounts[${other}])` };
      }
      paths.set(path, j);
    }
  }
  return undefined;
}

/** The first volume whose name is not a DNS-1123 label or repeats an earlier one; fills `names`. */
function checkVolumes(volumes: readonly { readonly name?: string }[], names: Set<string>): { readonly field: string; readonly message: string } | undefined {
  for (const [i, v] of volumes.entries()) {
    const name = v.name ?? '';
    const problem = dns1123LabelProblem(name);
    if (problem !== undefined) return { field: `pod.spec.volumes[${i}].name`, message: `invalid volume name "${name}": ${problem}` };
    if (names.has(name)) return { field: `pod.spec.volumes[${i}].name`, message: `duplicate volume name "${name}"` };
    names.add(name);
  }
  return undefined;
}

/**
 * Refuses a Pod the API server would refuse for these rules; the error names
 * `object` (the TaskRun) and the field of the Pod.
 *
 * @example
 * ```ts
 * checkPod({ spec: { containers: [{ name: 'Bad_Name', image: 'busybox' }] } }, 'TaskRun default/run');
 * // Left(Refused 'TaskRun default/run: pod.spec.containers[0].name: ...')
 * ```
 *
 * @public
 */
export function checkPod(pod: Pod, object: string): E.Either<TaskpodError, Pod> {
  const volumeNames = new Set<string>();
  const seen = new Map<string, string>();
  const problem =
    checkVolumes(pod.spec?.volumes ?? [], volumeNames) ??
    checkContainers(pod.spec?.initContainers ?? [], 'pod.spec.initContainers', volumeNames, seen) ??
    checkContainers(pod.spec?.containers ?? [], 'pod.spec.containers', volumeNames, seen);
  return problem === undefined
    ? E.right(pod)
    : E.left(refused(object, problem.field, `the API server would refuse this Pod: ${problem.message}`));
}
