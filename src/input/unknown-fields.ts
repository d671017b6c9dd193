/**
 * The refusal of an object that has a field its Go type does not have, as
 * Tekton's webhook refused it (`json: unknown field "NAME"`), with the
 * field that was probably meant.
 *
 * A suggestion is looked for only once an object is refused, in this
 * order: a known alias (`entrypoint` is Docker's word for `command`), the
 * same name one struct further down (`params` written in a TaskSpec lives
 * in `inputs.params`; `limits` in a step, in `resources.limits`), then the
 * closest field of the same struct by edit distance (`comand`, `volumeMount`).
 * Case never needs a suggestion: a key that differs from a field only in
 * case fills that field, as Go's decoder matched it.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts';
import { invalidInput, TaskpodError } from '../errors';
import type { StructType } from '../model/struct';
import { fieldFor, goFold, UnknownField } from './go-json';

/**
 * Words from other tools for a field of the Kubernetes or Tekton types,
 * folded: tried where the field exists. Only meanings, no typos (edit
 * distance finds those).
 */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  entrypoint: ['command'],
  workdir: ['workingDir'],
  cwd: ['workingDir'],
  workingdirectory: ['workingDir'],
  environment: ['env'],
  mounts: ['volumeMounts'],
  // A TaskRun's param gives a value, a Task's declares a default.
  value: ['default'],
  default: ['value'],
};

/**
 * Fields some later version has but the types Tekton used at 6c132b937e do
 * not (Kubernetes 1.12, Tekton v1alpha1 of late 2019): the message says so,
 * since a user copying from newer documentation has no typo to find.
 */
const LATER_KUBERNETES: Readonly<Record<string, readonly string[]>> = {
  Container: ['startupProbe', 'resizePolicy', 'restartPolicy'],
  Step: ['startupProbe', 'resizePolicy', 'restartPolicy'],
  VolumeMount: ['subPathExpr', 'recursiveReadOnly'],
  ObjectMeta: ['managedFields'],
  SecurityContext: ['windowsOptions', 'seccompProfile', 'appArmorProfile'],
  PodSecurityContext: ['windowsOptions', 'fsGroupChangePolicy', 'seccompProfile', 'appArmorProfile', 'supplementalGroupsPolicy', 'seLinuxChangePolicy'],
  Volume: ['csi', 'ephemeral', 'image'],
  Probe: ['grpc', 'terminationGracePeriodSeconds'],
  Handler: ['sleep'],
  ResourceRequirements: ['claims'],
};
const LATER_TEKTON: Readonly<Record<string, readonly string[]>> = {
  TaskSpec: ['params', 'resources', 'workspaces', 'results'],
  TaskRunSpec: ['params', 'resources', 'workspaces'],
};

const asStruct = (c: t.Mixed | undefined): StructType<t.Props> | undefined => {
  const r = c instanceof t.RecursiveType ? (c.type as t.Mixed) : c;
  return r !== undefined && 'props' in r && 'embedded' in r ? (r as StructType<t.Props>) : undefined;
};

/** `path` (`inputs.params`) as the fields of `struct` spell it, if every step is a struct field. */
function resolvePath(struct: StructType<t.Props>, path: string): string | undefined {
  const out: string[] = [];
  let at: StructType<t.Props> | undefined = struct;
  for (const step of path.split('.')) {
    const field: string | undefined = at === undefined ? undefined : fieldFor(at, step);
    if (at === undefined || field === undefined) return undefined;
    out.push(field);
    at = asStruct(at.props[field]);
  }
  return out.join('.');
}

/**
 * The optimal string alignment distance of `a` and `b` (insertions,
 * deletions, substitutions and swaps of neighbours), or `limit + 1` once it
 * is sure to exceed `limit`.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * What `name`, unknown in `struct`, probably meant: fields or field paths
 * of `struct`, best first (empty when nothing is close).
 *
 * @example
 * ```ts
 * suggestFields(Step, 'entrypoint'); // ['command']
 * suggestFields(TaskSpec, 'params'); // ['inputs.params']
 * suggestFields(Step, 'imagePullPolice'); // ['imagePullPolicy']
 * ```
 */
export function suggestFields(struct: StructType<t.Props>, name: string): readonly string[] {
  const folded = goFold(name);
  const aliases = Object.prototype.hasOwnProperty.call(ALIASES, folded) ? ALIASES[folded]! : [];
  const fromAliases = aliases.flatMap((a) => resolvePath(struct, a) ?? []);
  if (fromAliases.length > 0) return fromAliases;
  const fields = Object.keys(struct.props);
  // The same name one struct down (not through lists: `image` in a TaskSpec
  // is not worth sending to every step).
  const below = fields.flatMap((f) => {
    const child = asStruct(struct.props[f]);
    const inner = child === undefined ? undefined : fieldFor(child, name);
    return inner === undefined ? [] : [`${f}.${inner}`];
  });
  if (below.length > 0) return below;
  const limit = folded.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const f of fields) {
    const d = editDistance(folded, goFold(f), limit);
    if (d < bestDistance) {
      best = f;
      bestDistance = d;
    }
  }
  return best === undefined ? [] : [best];
}

/** `a`, `a or b`, `a, b or c`. */
function orList(xs: readonly string[]): string {
  const quoted = xs.map((x) => JSON.stringify(x));
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** Why `name` may be a field of a later version, if it is one. */
function laterVersion(structName: string, name: string): string | undefined {
  const has = (table: Readonly<Record<string, readonly string[]>>) =>
    Object.prototype.hasOwnProperty.call(table, structName) && table[structName]!.includes(name);
  if (has(LATER_KUBERNETES)) return 'a field of Kubernetes after 1.12, whose types Tekton used';
  if (has(LATER_TEKTON)) return 'a field of later Tekton versions';
  return undefined;
}

/**
 * The one error for an object with unknown fields: the first one found
 * (document order), its path, a suggestion when one is close, and how many
 * more there are.
 *
 * @example
 * ```ts
 * unknownFieldError('Task default/build', [{ path: 'spec.steps[0].entrypoint', name: 'entrypoint', struct: Step }]);
 * // InvalidInput: spec.steps[0].entrypoint: unknown field "entrypoint": Step has no such field
 * //   (did you mean "command"?); Tekton's webhook refused the object
 * ```
 */
export function unknownFieldError(object: string, found: readonly [UnknownField, ...UnknownField[]]): TaskpodError {
  const [first] = found;
  const notes: string[] = [];
  const suggestions = suggestFields(first.struct, first.name);
  if (suggestions.length > 0) notes.push(`did you mean ${orList(suggestions)}?`);
  const later = laterVersion(first.struct.name, first.name);
  if (later !== undefined) notes.push(later);
  const more = found.length > 1 ? ` (and ${found.length - 1} more unknown field${found.length > 2 ? 's' : ''})` : '';
  const why = `unknown field ${JSON.stringify(first.name)}: ${first.struct.name} has no such field${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
  return invalidInput(object, first.path, `${why}; Tekton's webhook refused the object${more}`);
}
