/**
 * Variable substitution: `$(inputs.params.NAME)` and
 * `$(inputs|outputs.resources.NAME.FIELD)`, in the fields Tekton substituted
 * (apply.go, step_replacements.go at 6c132b937e).
 *
 * Tekton replaced each variable in turn in random map order, so a value that
 * itself contained another variable was expanded or not by chance; taskpod
 * replaces every variable of the original text in one pass, never inside a
 * replacement (docs/deviations.md).
 *
 * @packageDocumentation
 */
import type { Container, EnvFromSource, EnvVar, Volume, VolumeMount } from './model/core';
import type { ArrayOrString, ParamSpec, Param, Step, TaskSpec } from './model/tekton';
import { defineField } from './model/struct';
import { mapChanged, Writable } from './util';

/**
 * Single-string replacements, keyed by variable name without `$(` `)`.
 *
 * @example
 * ```ts
 * const strings: StringReplacements = new Map([['inputs.params.greeting', 'hello']]);
 * replaceVariables('echo $(inputs.params.greeting)', strings); // 'echo hello'
 * ```
 *
 * @public
 */
export type StringReplacements = ReadonlyMap<string, string>;
/**
 * Array replacements (array params), keyed likewise.
 *
 * @example
 * ```ts
 * const arrays: ArrayReplacements = new Map([['inputs.params.flags', ['-v', '-x']]]);
 * applyReplacements(spec, new Map(), arrays); // args ['$(inputs.params.flags)'] become ['-v', '-x']
 * ```
 *
 * @public
 */
export type ArrayReplacements = ReadonlyMap<string, readonly string[]>;

/**
 * Replaces every `$(key)` whose key has a replacement, in one pass.
 *
 * @example
 * ```ts
 * replaceVariables('$(inputs.params.x)-y', new Map([['inputs.params.x', 'a']])); // 'a-y'
 * ```
 *
 * @public
 */
export function replaceVariables(s: string, replacements: StringReplacements): string {
  if (replacements.size === 0) return s;
  return replaceVariablesIn(s, replacements);
}

/**
 * What a pass looks variables up in: a map, or an object that works a
 * variable's value out when it is asked for (src/resources/replacements.ts),
 * with the same answers as the map would give. `size` is 0 only when
 * nothing can be found.
 *
 * @internal
 */
export interface Lookup {
  readonly size: number;
  get(key: string): string | undefined;
}

/** {@link replaceVariables} with any lookup. */
function replaceVariablesIn(s: string, replacements: Lookup): string {
  let at = s.indexOf('$(');
  if (at < 0) return s;
  // What `s.replace(/\$\(([^()]*)\)/g, (whole, key) => replacements.get(key) ?? whole)`
  // gives, by a scan: V8 runs a global replace with a callback several
  // times slower (docs/performance.md; test/substitution-scan.test.ts
  // compares the two). A reference is `$(`, then no parenthesis, then `)`;
  // where a `$(` starts none, the search goes on from its next character.
  let out = '';
  let done = 0;
  while (at >= 0) {
    let end = at + 2;
    while (end < s.length) {
      const c = s.charCodeAt(end);
      if (c === 0x28 || c === 0x29) break;
      end++;
    }
    if (end < s.length && s.charCodeAt(end) === 0x29) {
      const value = replacements.get(s.slice(at + 2, end));
      if (value !== undefined) {
        out += s.slice(done, at) + value;
        done = end + 1;
      }
      at = s.indexOf('$(', end + 1);
    } else at = s.indexOf('$(', at + 1);
  }
  return done === 0 ? s : out + s.slice(done);
}

/**
 * For a list item (command, args): an item that is exactly one array
 * variable becomes that array's items; anything else is one string.
 *
 * @example
 * ```ts
 * replaceArrayItem('$(inputs.params.a)', new Map(), new Map([['inputs.params.a', ['x', 'y']]])); // ['x', 'y']
 * ```
 */
export function replaceArrayItem(s: string, strings: StringReplacements, arrays: ArrayReplacements): readonly string[] {
  if (s.startsWith('$(') && s.endsWith(')')) {
    const whole = arrays.get(s.slice(2, -1));
    if (whole !== undefined) return whole;
  }
  return [replaceVariables(s, strings)];
}

/** Whether `s` may hold a variable: every reference starts with `$(`. */
const hasVar = (s: string | undefined): boolean => s !== undefined && s.includes('$(');

// Copy on write: each function below returns its argument itself when no
// string in it holds `$(` (most steps, env vars and volumes have none), and
// otherwise the same object a spread-and-compact copy would build. Three
// passes (params, input resources, output resources) no longer copy every
// step three times (docs/performance.md).
//
// The walk reads the substituted fields by name and passes the maps as
// data, not as closures: a closure per pass and per list, and a switch over
// every key of every step, cost more than the substitution itself on steps
// whose strings mostly hold no `$(` (docs/performance.md).

/**
 * The maps of a substitution in turn, empty ones left out: every string
 * goes through `all`, in order; an array parameter's items, which the
 * first pass inserts as they are, through `rest` (the later passes) only.
 */
interface Passes {
  readonly all: readonly Lookup[];
  readonly rest: readonly Lookup[];
  readonly arrays: { get(key: string): readonly string[] | undefined };
}

/** The lookups that can find something, in order: what {@link rewrite} takes. @internal */
export const nonEmpty = (maps: readonly Lookup[]): Lookup[] => maps.filter((m) => m.size > 0);

/** `s` through each of the (non-empty) maps in turn; `s` itself when it holds no `$(`. @internal */
export function rewrite(s: string, maps: readonly Lookup[]): string {
  if (maps.length === 0 || !s.includes('$(')) return s;
  let out = s;
  for (let i = 0; i < maps.length; i++) out = replaceVariablesIn(out, maps[i]!);
  return out;
}

const str = (s: string | undefined, maps: readonly Lookup[]): string | undefined =>
  s === undefined ? undefined : rewrite(s, maps);

/**
 * A list (command, args) after substitution: each item rewritten, an item
 * that is exactly one array reference replaced by the array's items
 * (rewritten by the later passes only); `undefined` when it ends up empty,
 * the list itself when no item holds `$(`.
 */
function rewriteList(xs: readonly string[], p: Passes): readonly string[] | undefined {
  if (xs.length === 0) return undefined;
  // The first item with a variable: the ones before it are copied as they are.
  let i = 0;
  while (i < xs.length && !xs[i]!.includes('$(')) i++;
  if (i === xs.length) return xs;
  const out = xs.slice(0, i);
  for (; i < xs.length; i++) {
    const x = xs[i]!;
    const whole = x.startsWith('$(') && x.endsWith(')') ? p.arrays.get(x.slice(2, -1)) : undefined;
    if (whole !== undefined) for (let j = 0; j < whole.length; j++) out.push(rewrite(whole[j]!, p.rest));
    else out.push(rewrite(x, p.all));
  }
  return out.length > 0 ? out : undefined;
}

/** A keyRef with `name` and `key` substituted (both set, as Tekton's copy had them). */
function replaceKeyRef<T extends { readonly name?: string; readonly key?: string }>(ref: T, maps: readonly Lookup[]): T {
  return { ...ref, name: str(ref.name, maps), key: str(ref.key, maps) };
}

function replaceEnv(e: EnvVar, maps: readonly Lookup[]): EnvVar {
  const from = e.valueFrom;
  const touched =
    hasVar(e.value) ||
    (from !== undefined &&
      ((from.secretKeyRef !== undefined && (hasVar(from.secretKeyRef.name) || hasVar(from.secretKeyRef.key))) ||
        (from.configMapKeyRef !== undefined && (hasVar(from.configMapKeyRef.name) || hasVar(from.configMapKeyRef.key)))));
  if (!touched) return e;
  return compact({
    ...e,
    ...(e.value !== undefined ? { value: rewrite(e.value, maps) } : {}),
    ...(from !== undefined
      ? {
          valueFrom: {
            ...from,
            ...(from.secretKeyRef !== undefined ? { secretKeyRef: replaceKeyRef(from.secretKeyRef, maps) } : {}),
            ...(from.configMapKeyRef !== undefined ? { configMapKeyRef: replaceKeyRef(from.configMapKeyRef, maps) } : {}),
          },
        }
      : {}),
  });
}

function replaceEnvFrom(e: EnvFromSource, maps: readonly Lookup[]): EnvFromSource {
  if (!hasVar(e.prefix) && !hasVar(e.configMapRef?.name) && !hasVar(e.secretRef?.name)) return e;
  return compact({
    ...e,
    ...(e.prefix !== undefined ? { prefix: rewrite(e.prefix, maps) } : {}),
    ...(e.configMapRef !== undefined ? { configMapRef: { ...e.configMapRef, name: str(e.configMapRef.name, maps) } } : {}),
    ...(e.secretRef !== undefined ? { secretRef: { ...e.secretRef, name: str(e.secretRef.name, maps) } } : {}),
  });
}

function replaceMount(m: VolumeMount, maps: readonly Lookup[]): VolumeMount {
  if (!hasVar(m.name) && !hasVar(m.mountPath) && !hasVar(m.subPath)) return m;
  return compact({ ...m, name: str(m.name, maps), mountPath: str(m.mountPath, maps), subPath: str(m.subPath, maps) });
}

/** Drops keys whose value is `undefined` (so spreads above leave no holes). */
function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) {
    const v = (o as Record<string, unknown>)[k];
    if (v !== undefined) defineField(out, k, v);
  }
  return out as T;
}

/**
 * Substitutes a step's name, image, command, args, env (values and
 * secret/configMap key refs), envFrom, workingDir and volume mounts. The
 * script is not substituted (Tekton did not).
 *
 * @example
 * ```ts
 * replaceInStep({ image: '$(inputs.params.img)' }, new Map([['inputs.params.img', 'ubuntu']]), new Map());
 * ```
 */
export function replaceInStep(step: Step, strings: StringReplacements, arrays: ArrayReplacements): Step {
  return rewriteStep(step, { all: nonEmpty([strings]), rest: [], arrays });
}

/** A step's substituted fields, after substitution. */
interface StepFields {
  readonly name: string | undefined;
  readonly image: string | undefined;
  readonly command: readonly string[] | undefined;
  readonly args: readonly string[] | undefined;
  readonly workingDir: string | undefined;
  readonly env: readonly EnvVar[] | undefined;
  readonly envFrom: readonly EnvFromSource[] | undefined;
  readonly volumeMounts: readonly VolumeMount[] | undefined;
}

function rewriteStep(step: Step, p: Passes): Step {
  // Each field read once: steps come in many shapes, so every read is a
  // megamorphic lookup.
  const all = p.all;
  const name0 = step.name;
  const image0 = step.image;
  const command0 = step.command;
  const args0 = step.args;
  const workingDir0 = step.workingDir;
  const env0 = step.env;
  const envFrom0 = step.envFrom;
  const volumeMounts0 = step.volumeMounts;
  const name = name0 === undefined ? undefined : rewrite(name0, all);
  const image = image0 === undefined ? undefined : rewrite(image0, all);
  const command = command0 === undefined ? undefined : rewriteList(command0, p);
  const args = args0 === undefined ? undefined : rewriteList(args0, p);
  const workingDir = workingDir0 === undefined ? undefined : rewrite(workingDir0, all);
  const env = env0 === undefined ? undefined : mapChanged(env0, replaceEnv, all);
  const envFrom = envFrom0 === undefined ? undefined : mapChanged(envFrom0, replaceEnvFrom, all);
  const volumeMounts = volumeMounts0 === undefined ? undefined : mapChanged(volumeMounts0, replaceMount, all);
  if (
    name === name0 &&
    image === image0 &&
    command === command0 &&
    args === args0 &&
    workingDir === workingDir0 &&
    env === env0 &&
    envFrom === envFrom0 &&
    volumeMounts === volumeMounts0
  ) {
    return step;
  }
  return copyStep(step, { name, image, command, args, workingDir, env, envFrom, volumeMounts });
}

/**
 * The step with its substituted fields, in the step's own key order, keys
 * whose value is `undefined` left out: the object
 * `compact({ ...step, name, image, ... })` would build. Usually no value is
 * `undefined`, and a spread copy with the changed fields assigned is that
 * object: stores of variable keys into a fresh object cost several times
 * more in V8 (docs/performance.md).
 */
function copyStep(step: Step, f: StepFields): Step {
  if (
    !(f.name === undefined && step.name !== undefined) &&
    !(f.image === undefined && step.image !== undefined) &&
    !(f.command === undefined && step.command !== undefined) &&
    !(f.args === undefined && step.args !== undefined) &&
    !(f.workingDir === undefined && step.workingDir !== undefined) &&
    !hasUndefined(step)
  ) {
    // No field becomes undefined (a list that ends up empty does), and the
    // step has no undefined value to drop: assignments to keys the copy
    // already has keep its key order. The lists of objects never become
    // undefined.
    const out: Writable<Step> = { ...step };
    if (f.name !== step.name) out.name = f.name;
    if (f.image !== step.image) out.image = f.image;
    if (f.command !== step.command) out.command = f.command;
    if (f.args !== step.args) out.args = f.args;
    if (f.workingDir !== step.workingDir) out.workingDir = f.workingDir;
    if (f.env !== step.env) out.env = f.env;
    if (f.envFrom !== step.envFrom) out.envFrom = f.envFrom;
    if (f.volumeMounts !== step.volumeMounts) out.volumeMounts = f.volumeMounts;
    return out;
  }
  const out: Record<string, unknown> = {};
  const keys = Object.keys(step);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    let v: unknown;
    switch (k) {
      case 'name':
        v = f.name;
        break;
      case 'image':
        v = f.image;
        break;
      case 'command':
        v = f.command;
        break;
      case 'args':
        v = f.args;
        break;
      case 'workingDir':
        v = f.workingDir;
        break;
      case 'env':
        v = f.env;
        break;
      case 'envFrom':
        v = f.envFrom;
        break;
      case 'volumeMounts':
        v = f.volumeMounts;
        break;
      default:
        v = (step as Record<string, unknown>)[k];
    }
    if (v !== undefined) defineField(out, k, v);
  }
  return out as Step;
}

/** Whether an own enumerable key of `o` has the value `undefined`. */
function hasUndefined(o: object): boolean {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k) && (o as Record<string, unknown>)[k] === undefined) return true;
  return false;
}

/**
 * The stepTemplate as Tekton left it after substitution: it substituted a
 * copy of the template, and only the parts the copy shared with the original
 * (env, envFrom, volume mounts) changed; name, image, command, args and
 * workingDir of a stepTemplate are never substituted.
 */
export function replaceInStepTemplate(template: Container, strings: StringReplacements): Container {
  return rewriteStepTemplate(template, nonEmpty([strings]));
}

function rewriteStepTemplate(template: Container, maps: readonly Lookup[]): Container {
  const env = template.env === undefined ? undefined : mapChanged(template.env, replaceEnv, maps);
  const envFrom = template.envFrom === undefined ? undefined : mapChanged(template.envFrom, replaceEnvFrom, maps);
  const volumeMounts = template.volumeMounts === undefined ? undefined : mapChanged(template.volumeMounts, replaceMount, maps);
  if (env === template.env && envFrom === template.envFrom && volumeMounts === template.volumeMounts) return template;
  return compact({ ...template, env, envFrom, volumeMounts });
}

/** Substitutes a volume's name and its configMap, secret and claim names. */
function rewriteVolume(v: Volume, maps: readonly Lookup[]): Volume {
  if (!hasVar(v.name) && !hasVar(v.configMap?.name) && !hasVar(v.secret?.secretName) && !hasVar(v.persistentVolumeClaim?.claimName)) return v;
  return compact({
    ...v,
    name: str(v.name, maps),
    configMap: v.configMap !== undefined ? compact({ ...v.configMap, name: str(v.configMap.name, maps) }) : undefined,
    secret: v.secret !== undefined ? compact({ ...v.secret, secretName: str(v.secret.secretName, maps) }) : undefined,
    persistentVolumeClaim:
      v.persistentVolumeClaim !== undefined
        ? compact({ ...v.persistentVolumeClaim, claimName: str(v.persistentVolumeClaim.claimName, maps) })
        : undefined,
  });
}

/**
 * Applies replacements to the steps, the stepTemplate and the volumes of a
 * TaskSpec (not to sidecars: Tekton did not substitute them).
 *
 * @example
 * ```ts
 * applyReplacements(spec, new Map([['inputs.resources.src.path', '/workspace/src']]), new Map());
 * ```
 *
 * @public
 */
export function applyReplacements(spec: TaskSpec, strings: StringReplacements, arrays: ArrayReplacements): TaskSpec {
  return rewriteSpec(spec, { all: nonEmpty([strings]), rest: [], arrays });
}

/**
 * `applyReplacements(spec, first, arrays)`, then `applyReplacements` with
 * each map of `then` (and no arrays) in turn, in one walk over the spec:
 * every string goes through the maps in that order, and an array
 * parameter's items through the later maps only, as the passes one after
 * the other gave them (test/substitution.test.ts compares the two). The
 * render's three passes, params then input then output resources, walked
 * every step three times (docs/performance.md).
 */
export function applyReplacementsInTurn(
  spec: TaskSpec,
  first: Lookup,
  arrays: { get(key: string): readonly string[] | undefined },
  then: readonly Lookup[],
): TaskSpec {
  return rewriteSpec(spec, { all: nonEmpty([first, ...then]), rest: nonEmpty(then), arrays });
}

function rewriteSpec(spec: TaskSpec, p: Passes): TaskSpec {
  const steps = spec.steps === undefined ? undefined : mapChanged(spec.steps, rewriteStep, p);
  const stepTemplate = spec.stepTemplate !== undefined ? rewriteStepTemplate(spec.stepTemplate, p.all) : undefined;
  const volumes = spec.volumes === undefined ? undefined : mapChanged(spec.volumes, rewriteVolume, p.all);
  if (steps === spec.steps && stepTemplate === spec.stepTemplate && volumes === spec.volumes) return spec;
  // Spread, then assign: a literal that spreads and adds fields is several
  // times slower in V8, for the same object (docs/performance.md).
  // Only the keys the spec has are assigned (a field whose copy differs was
  // there), and when no value is undefined there is nothing to compact.
  const out: Writable<TaskSpec> = { ...spec };
  if (steps !== spec.steps) out.steps = steps;
  if (stepTemplate !== spec.stepTemplate) out.stepTemplate = stepTemplate;
  if (volumes !== spec.volumes) out.volumes = volumes;
  return hasUndefined(out) ? compact(out) : out;
}

function putValue(
  strings: Map<string, string>,
  arrays: Map<string, readonly string[]>,
  key: string,
  value: ArrayOrString,
): void {
  if (typeof value === 'string') {
    strings.set(key, value);
    arrays.delete(key);
  } else {
    arrays.set(key, value);
    strings.delete(key);
  }
}

/**
 * The param replacements: declared defaults, overridden by the TaskRun's values.
 *
 * @example
 * ```ts
 * paramReplacements([{ name: 'x', default: 'a' }], [{ name: 'x', value: 'b' }]).strings.get('inputs.params.x'); // 'b'
 * ```
 *
 * @public
 */
export function paramReplacements(
  declared: readonly ParamSpec[],
  given: readonly Param[],
): { readonly strings: StringReplacements; readonly arrays: ArrayReplacements } {
  const strings = new Map<string, string>();
  const arrays = new Map<string, readonly string[]>();
  for (const p of declared) if (p.default !== undefined) putValue(strings, arrays, `inputs.params.${p.name ?? ''}`, p.default);
  for (const p of given) putValue(strings, arrays, `inputs.params.${p.name ?? ''}`, p.value ?? '');
  return { strings, arrays };
}

/**
 * Substitutes the TaskRun's params (and declared defaults) into the TaskSpec.
 *
 * @example
 * ```ts
 * applyParameters(spec, taskRun.spec?.inputs?.params ?? []);
 * ```
 *
 * @public
 */
export function applyParameters(spec: TaskSpec, given: readonly Param[]): TaskSpec {
  const { strings, arrays } = paramReplacements(spec.inputs?.params ?? [], given);
  return applyReplacements(spec, strings, arrays);
}

const PARAM_PREFIX = 'inputs.params.';

/**
 * What {@link paramReplacements}' maps give, looked up on demand: the value
 * of `inputs.params.NAME` is the last given param of that name, else the
 * last declared default of that name; a string is in `strings`, an array in
 * `arrays`. The render asks for the few params its strings name instead of
 * building both maps (a test compares the answers with the maps').
 *
 * @internal
 */
export function paramLookups(
  declared: readonly ParamSpec[],
  given: readonly Param[],
): { readonly strings: Lookup; readonly arrays: { get(key: string): readonly string[] | undefined } } {
  const valueOf = (key: string): ArrayOrString | undefined => {
    if (!key.startsWith(PARAM_PREFIX)) return undefined;
    const name = key.slice(PARAM_PREFIX.length);
    for (let i = given.length - 1; i >= 0; i--) if ((given[i]!.name ?? '') === name) return given[i]!.value ?? '';
    for (let i = declared.length - 1; i >= 0; i--) {
      const d = declared[i]!;
      if (d.default !== undefined && (d.name ?? '') === name) return d.default;
    }
    return undefined;
  };
  return {
    // Not the map's size: 0 only when it would be empty, all a pass needs.
    strings: {
      size: declared.length + given.length,
      get: (key) => {
        const v = valueOf(key);
        return typeof v === 'string' ? v : undefined;
      },
    },
    arrays: {
      get: (key) => {
        const v = valueOf(key);
        return v === undefined || typeof v === 'string' ? undefined : v;
      },
    },
  };
}
