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

/**
 * The container names taken so far, each with where: the list's field and
 * the index in it. A Pod has a handful of containers, which a scan of the
 * names compares faster than a Map would hash them; a long list gets a Map.
 */
class TakenNames {
  private readonly names: string[] = [];
  private readonly fields: string[] = [];
  private readonly indices: number[] = [];
  private byName: Map<string, number> | undefined;

  /** Where `name` was taken (its position here), or -1. */
  find(name: string): number {
    if (this.byName !== undefined) return this.byName.get(name) ?? -1;
    const names = this.names;
    for (let k = 0; k < names.length; k++) if (names[k] === name) return k;
    return -1;
  }

  add(name: string, field: string, index: number): void {
    const at = this.names.length;
    this.names.push(name);
    this.fields.push(field);
    this.indices.push(index);
    if (this.byName !== undefined) this.byName.set(name, at);
    else if (at === LINEAR_NAMES) {
      // First name wins, as with the scan.
      const byName = new Map<string, number>();
      for (let k = at; k >= 0; k--) byName.set(this.names[k]!, k);
      this.byName = byName;
    }
  }

  /** The field path of the name at `at`: `pod.spec.containers[2]`. */
  where(at: number): string {
    return `${this.fields[at]!}[${this.indices[at]!}]`;
  }
}

/** How many names {@link TakenNames} scans before it builds a Map. */
const LINEAR_NAMES = 16;

/**
 * The first container of `list` (the Pod's `field`) whose name is not a
 * DNS-1123 label or repeats an earlier one, or that mounts an undeclared
 * volume or two volumes at one path. `seen` holds each name taken so far
 * and where; field paths are only written for the problem found.
 */
function checkContainers(list: readonly Container[], field: string, volumeNames: readonly string[], seen: TakenNames): Problem | undefined {
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    const name = c.name ?? '';
    const problem = dns1123LabelProblem(name);
    if (problem !== undefined) return { field: `${field}[${i}].name`, message: `invalid container name "${name}": ${problem}` };
    const earlier = seen.find(name);
    if (earlier >= 0) {
      return { field: `${field}[${i}].name`, message: `duplicate container name "${name}" (also ${seen.where(earlier)})` };
    }
    seen.add(name, field, i);
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
  const seen = new TakenNames();
  const problem =
    checkVolumes(pod.spec?.volumes ?? [], volumeNames) ??
    checkContainers(pod.spec?.initContainers ?? [], 'pod.spec.initContainers', volumeNames, seen) ??
    checkContainers(pod.spec?.containers ?? [], 'pod.spec.containers', volumeNames, seen);
  return problem === undefined
    ? E.right(pod)
    : E.left(refused(object, problem.field, `the API server would refuse this Pod: ${problem.message}`));
}
