/**
 * A live Pod as the sidecar functions see it: the raw JSON object the caller
 * gave (so fields newer than Kubernetes 1.12 survive an update) next to its
 * 1.12 decoding (used only to read names, images and states), and the JSON
 * Patch (RFC 6902) type the updates are also offered as.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { invalidInput, objectLabel, TaskpodError } from '../errors';
import { decodeAs } from '../input/decode';
import { ContainerStatus, Pod } from '../model/core';
import { withField as setField } from '../model/struct';
import { STEP_PREFIX } from '../pod/constants';
import { jsonText } from '../util';

/**
 * A JSON object, as parsed from YAML or JSON.
 *
 * @public
 */
export type JsonObject = { readonly [key: string]: unknown };

/**
 * One operation of an RFC 6902 JSON Patch (the subset taskpod emits).
 *
 * @public
 */
export interface JsonPatchOperation {
  readonly op: 'add' | 'replace' | 'test';
  /** An RFC 6901 JSON Pointer. */
  readonly path: string;
  readonly value: unknown;
}

/**
 * An RFC 6902 JSON Patch, as `kubectl patch --type=json` takes it.
 *
 * @public
 */
export type JsonPatch = readonly JsonPatchOperation[];

/**
 * A Pod read once at the boundary.
 *
 * @public
 */
export interface LivePod {
  /** The object as given, every field kept. */
  readonly raw: JsonObject;
  /** Its Kubernetes 1.12 decoding (unknown fields dropped): read-only use. */
  readonly pod: Pod;
  /** `Pod namespace/name`, for messages. */
  readonly label: string;
  /**
   * Names of init containers whose `restartPolicy` is `Always`: Kubernetes
   * native sidecars (1.29+). Read from the raw object, as the 1.12 codec
   * has no such field.
   */
  readonly nativeSidecars: ReadonlySet<string>;
}

/**
 * An update of a Pod: the new object, the same change as a JSON Patch, and whether anything changed.
 *
 * @public
 */
export interface PodUpdate {
  /** The updated object (the input object itself when nothing changed). */
  readonly pod: JsonObject;
  /** The change as RFC 6902 operations; empty when nothing changed. */
  readonly patch: JsonPatch;
  readonly changed: boolean;
}

/**
 * Whether `u` is a JSON object (not an array, not null).
 *
 * @public
 */
export const isJsonObject = (u: unknown): u is JsonObject => typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * Escapes one reference token of an RFC 6901 JSON Pointer.
 *
 * @example
 * ```ts
 * pointerToken('tekton.dev/ready'); // 'tekton.dev~1ready'
 * ```
 *
 * @public
 */
export function pointerToken(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * A JSON Pointer from its tokens.
 *
 * @example
 * ```ts
 * pointer('spec', 'containers', 1, 'image'); // '/spec/containers/1/image'
 * ```
 *
 * @public
 */
export function pointer(...tokens: readonly (string | number)[]): string {
  return tokens.map((t) => `/${pointerToken(t)}`).join('');
}

/**
 * Whether a container name is a step's (Tekton's `IsContainerStep`: the `step-` prefix).
 *
 * @public
 */
export function isStepName(name: string): boolean {
  return name.startsWith(STEP_PREFIX);
}

/**
 * Names of the init containers of a raw Pod that are native sidecars (`restartPolicy: Always`).
 *
 * @public
 */
export function nativeSidecarNames(raw: JsonObject): ReadonlySet<string> {
  const spec = isJsonObject(raw.spec) ? raw.spec : {};
  const init = Array.isArray(spec.initContainers) ? spec.initContainers : [];
  const names = new Set<string>();
  for (const c of init) {
    if (isJsonObject(c) && c.restartPolicy === 'Always' && typeof c.name === 'string') names.add(c.name);
  }
  return names;
}

function labelOf(raw: JsonObject): string {
  const meta = isJsonObject(raw.metadata) ? raw.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : undefined;
  const ns = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : undefined;
  return objectLabel('Pod', ns, name);
}

/**
 * Reads a Pod given as plain JSON (a live Pod from the API server, or a
 * rendered one). Refused when it is not an object or does not decode as a
 * Kubernetes Pod.
 *
 * @example
 * ```ts
 * const live = readLivePod(JSON.parse(text));
 * if (E.isRight(live)) sidecarReadiness(live.right).ready;
 * ```
 *
 * @public
 */
export function readLivePod(u: unknown, label?: string): E.Either<TaskpodError, LivePod> {
  if (!isJsonObject(u)) return E.left(invalidInput(label ?? 'Pod', '', 'expected a Pod (a JSON object)'));
  const name = label ?? labelOf(u);
  if (u.kind !== undefined && u.kind !== 'Pod') return E.left(invalidInput(name, 'kind', `expected a Pod, got kind ${jsonText(u.kind) ?? 'nothing'}`));
  return E.map((pod: Pod): LivePod => ({ raw: u, pod, label: name, nativeSidecars: nativeSidecarNames(u) }))(decodeAs(Pod, u, name));
}

/**
 * The Pod's phase, `''` when the status has none.
 *
 * @public
 */
export function phaseOf(live: LivePod): string {
  return live.pod.status?.phase ?? '';
}

/**
 * The statuses of the Pod's regular containers.
 *
 * @public
 */
export function containerStatuses(live: LivePod): readonly ContainerStatus[] {
  return live.pod.status?.containerStatuses ?? [];
}

/**
 * A raw object with `key` set, every other field (and its place) kept.
 *
 * @public
 */
export function withField(o: JsonObject, key: string, value: unknown): JsonObject {
  return setField(o, key, value);
}
