/**
 * What every PipelineResource type offers the reconciler (Tekton's
 * `PipelineResourceInterface`): its name and type, the fields it exposes to
 * `$(inputs|outputs.resources.NAME.FIELD)`, and how it changes a TaskSpec
 * when bound as an input or an output (steps to put before and after the
 * Task's steps, volumes to add).
 *
 * @packageDocumentation
 */
import type { Volume } from '../model/core';
import type { PipelineResourceSpec, Step, TaskSpec } from '../model/tekton';
import { withSuffix } from '../names';
import type { Writable } from '../util';
import { equalFoldAscii } from './go';

/** The resource types of this Tekton commit. */
export type ResourceType = 'git' | 'pullRequest' | 'image' | 'cluster' | 'storage' | 'cloudEvent';

/**
 * How one binding's generated names are derived: the render's seed and a key
 * naming the binding (`inputs/src`), so that two bindings of one
 * PipelineResource get different names.
 */
export interface Naming {
  readonly seed: string;
  readonly key: string;
}

/**
 * A generated name for `base` (Tekton's RestrictLengthWithRandomSuffix),
 * keyed by the binding and, where one binding makes several steps of one
 * base, by `sub`.
 *
 * @example
 * ```ts
 * generated({ seed: 'default/run', key: 'inputs/src' }, 'git-source-repo'); // 'git-source-repo-<5 chars>'
 * ```
 */
export function generated(naming: Naming, base: string, sub = ''): string {
  return withSuffix(naming.seed, base, sub === '' ? naming.key : `${naming.key}/${sub}`);
}

/**
 * Steps and volumes a resource adds to a TaskSpec (Tekton's TaskModifier).
 */
export interface TaskModifier {
  readonly prepend: readonly Step[];
  readonly append: readonly Step[];
  readonly volumes: readonly Volume[];
}

/** The modifier that changes nothing. */
export const NO_CHANGE: TaskModifier = { prepend: [], append: [], volumes: [] };

/**
 * Applies a modifier: its prepended steps first, the Task's steps, its
 * appended steps; its volumes after the Task's.
 *
 * @example
 * ```ts
 * applyModifier({ steps: [build] }, { prepend: [fetch], append: [], volumes: [] }).steps; // [fetch, build]
 * ```
 */
export function applyModifier(spec: TaskSpec, m: TaskModifier): TaskSpec {
  if (m.prepend.length === 0 && m.append.length === 0 && m.volumes.length === 0) return spec;
  const out: Writable<TaskSpec> = { ...spec };
  out.steps = [...m.prepend, ...(spec.steps ?? []), ...m.append];
  if (m.volumes.length > 0) out.volumes = [...(spec.volumes ?? []), ...m.volumes];
  return out;
}

/** One PipelineResource, read as its type reads it. */
export interface Resource {
  readonly type: ResourceType;
  /** Tekton's `GetName()`: the PipelineResource's name (a cluster's `name` param). */
  readonly name: string;
  /** The fields `$(inputs|outputs.resources.BINDING.FIELD)` can name, in Tekton's `Replacements()`. */
  readonly replacements: ReadonlyMap<string, string>;
  /** The changes for an input placed at `path`. */
  inputModifier(spec: TaskSpec, path: string, naming: Naming): TaskModifier;
  /** The changes for an output read from `path`. */
  outputModifier(spec: TaskSpec, path: string, naming: Naming): TaskModifier;
}

/**
 * Every value of the params named `word` (Go's `strings.EqualFold`), in
 * order; Tekton's constructors kept the last one.
 *
 * @example
 * ```ts
 * paramValues({ params: [{ name: 'URL', value: 'a' }, { name: 'url', value: 'b' }] }, 'url'); // ['a', 'b']
 * ```
 */
export function paramValues(spec: PipelineResourceSpec | undefined, word: string): string[] {
  return (spec?.params ?? []).filter((p) => equalFoldAscii(p.name ?? '', word)).map((p) => p.value ?? '');
}

/** The last value of the params named `word`, or `''`. */
export function lastParam(spec: PipelineResourceSpec | undefined, word: string): string {
  const params = spec?.params ?? [];
  for (let i = params.length - 1; i >= 0; i--) if (equalFoldAscii(params[i]!.name ?? '', word)) return params[i]!.value ?? '';
  return '';
}

/**
 * The four fields of a resource's `replacements`, in order (set one by one:
 * a Map built from an array of pairs walks it through the iterator protocol).
 */
export function fieldMap(k1: string, v1: string, k2: string, v2: string, k3: string, v3: string, k4: string, v4: string): ReadonlyMap<string, string> {
  const m = new Map<string, string>();
  m.set(k1, v1);
  m.set(k2, v2);
  m.set(k3, v3);
  m.set(k4, v4);
  return m;
}

/** The spec with other steps (a copy, then the field set: cheaper than a spread literal with a field). */
export function withSteps(spec: TaskSpec, steps: readonly Step[]): TaskSpec {
  const out: Writable<TaskSpec> = { ...spec };
  out.steps = steps;
  return out;
}
