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

/** Whether a UTF-16 unit is a lower-case ASCII letter or a digit. */
const isLowerAlphanumeric = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);

/** `^[a-z0-9]([-a-z0-9]*[a-z0-9])?$` for a non-empty name, as a scan. */
function isDns1123Label(name: string): boolean {
  const last = name.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = name.charCodeAt(i);
    if (!isLowerAlphanumeric(c) && (c !== 0x2d || i === 0 || i === last)) return false;
  }
  return true;
}

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
  if (!isDns1123Label(name)) {
    return "must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
  }
  return undefined;
}

/** A problem with the Pod: the field and what is wrong. */
interface Problem {
  readonly field: string;
  readonly message: string;
}

/** Where a container name was taken: the list's field and the index in it (the path is written only for an error). */
interface Taken {
  readonly field: string;
  readonly index: number;
}

/**
 * The first container of `list` (the Pod's `field`) whose name is not a
 * DNS-1123 label or repeats an earlier one, or that mounts an undeclared
 * volume or two volumes at one path. `seen` holds each name taken so far
 * and where; field paths are only written for the problem found.
 */
function checkContainers(list: readonly Container[], field: string, volumeNames: readonly string[], seen: Map<string, Taken>): Problem | undefined {
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    const name = c.name ?? '';
    const problem = dns1123LabelProblem(name);
    if (problem !== undefined) return { field: `${field}[${i}].name`, message: `invalid container name "${name}": ${problem}` };
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      return { field: `${field}[${i}].name`, message: `duplicate container name "${name}" (also ${earlier.field}[${earlier.index}])` };
    }
    seen.set(name, { field, index: i });
    const mounts = c.volumeMounts;
    if (mounts === undefined) continue;
    for (let j = 0; j < mounts.length; j++) {
      const m = mounts[j]!;
      const mountName = m.name ?? '';
      if (!volumeNames.includes(mountName)) {
        return { field: `${field}[${i}].volumeMounts[${j}].name`, message: `container "${name}" mounts volume "${mountName}", which the Pod does not declare` };
      }
      const path = m.mountPath ?? '';
      const other = firstMountAt(mounts, j, path);
      if (other < j) {
        return {
          field: `${field}[${i}].volumeMounts[${j}].mountPath`,
          message: `container "${name}" mounts two volumes at "${path}" (also volumeMounts[${other}])`,
        };
      }
    }
  }
  return undefined;
}

/** The index of the first of `mounts[0, j)` at `path`, or `j` when there is none. */
function firstMountAt(mounts: readonly { readonly mountPath?: string }[], j: number, path: string): number {
  for (let k = 0; k < j; k++) if ((mounts[k]!.mountPath ?? '') === path) return k;
  return j;
}

/** The first volume whose name is not a DNS-1123 label or repeats an earlier one; fills `names`. */
function checkVolumes(volumes: readonly { readonly name?: string }[], names: string[]): Problem | undefined {
  for (let i = 0; i < volumes.length; i++) {
    const name = volumes[i]!.name ?? '';
    const problem = dns1123LabelProblem(name);
    if (problem !== undefined) return { field: `pod.spec.volumes[${i}].name`, message: `invalid volume name "${name}": ${problem}` };
    if (names.includes(name)) return { field: `pod.spec.volumes[${i}].name`, message: `duplicate volume name "${name}"` };
    names.push(name);
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
  const volumeNames: string[] = [];
  const seen = new Map<string, Taken>();
  const problem =
    checkVolumes(pod.spec?.volumes ?? [], volumeNames) ??
    checkContainers(pod.spec?.initContainers ?? [], 'pod.spec.initContainers', volumeNames, seen) ??
    checkContainers(pod.spec?.containers ?? [], 'pod.spec.containers', volumeNames, seen);
  return problem === undefined
    ? E.right(pod)
    : E.left(refused(object, problem.field, `the API server would refuse this Pod: ${problem.message}`));
}
