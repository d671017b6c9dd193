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
import type { Writable } from './util';

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

const VARIABLE = /\$\(([^()]*)\)/g;

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
  let at = s.indexOf('$(');
  if (at < 0) return s;
  // What `s.replace(VARIABLE, (whole, key) => replacements.get(key) ?? whole)`
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

/** The reference of {@link replaceVariables}: one regular expression. For the tests. @internal */
export function replaceVariablesByRegExp(s: string, replacements: StringReplacements): string {
  if (replacements.size === 0 || !s.includes('$(')) return s;
  return s.replace(VARIABLE, (whole, key: string) => replacements.get(key) ?? whole);
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

/**
 * A string's substitution: one map's, or several maps' in turn. It returns
 * the string itself when it holds no `$(`.
 */
type Rewrite = (s: string) => string;

const rewriteOf = (m: StringReplacements): Rewrite => (s) => replaceVariables(s, m);

const unchanged: Rewrite = (s) => s;

/** The maps applied in turn, as that many passes of substitution would. */
function rewriteInTurn(maps: readonly StringReplacements[]): Rewrite {
  const used = maps.filter((m) => m.size > 0);
  return (s) => {
    if (!s.includes('$(')) return s;
    let out = s;
    for (const m of used) out = replaceVariables(out, m);
    return out;
  };
}

/**
 * `rw` rewrites each item; an item that is exactly one array reference
 * is replaced by the array's items, which only `rest` (the later passes
 * of a substitution in turn) rewrites.
 */
function replaceList(
  xs: readonly string[] | undefined,
  rw: Rewrite,
  rest: Rewrite,
  arrays: ArrayReplacements,
): readonly string[] | undefined {
  if (xs === undefined) return undefined;
  if (xs.length === 0) return undefined;
  if (!xs.some(hasVar)) return xs;
  // xs.flatMap((x) => replaceArrayItem(x, strings, arrays)), without an array per item.
  const out: string[] = [];
  for (const x of xs) {
    const whole = x.startsWith('$(') && x.endsWith(')') ? arrays.get(x.slice(2, -1)) : undefined;
    if (whole !== undefined) for (const w of whole) out.push(rest(w));
    else out.push(rw(x));
  }
  return out.length > 0 ? out : undefined;
}

const str = (s: string | undefined, r: Rewrite): string | undefined => (s === undefined ? undefined : r(s));

/** A keyRef with `name` and `key` substituted (both set, as Tekton's copy had them). */
function replaceKeyRef<T extends { readonly name?: string; readonly key?: string }>(ref: T, r: Rewrite): T {
  return { ...ref, name: str(ref.name, r), key: str(ref.key, r) };
}

function replaceEnv(e: EnvVar, r: Rewrite): EnvVar {
  const from = e.valueFrom;
  const touched =
    hasVar(e.value) ||
    (from !== undefined &&
      ((from.secretKeyRef !== undefined && (hasVar(from.secretKeyRef.name) || hasVar(from.secretKeyRef.key))) ||
        (from.configMapKeyRef !== undefined && (hasVar(from.configMapKeyRef.name) || hasVar(from.configMapKeyRef.key)))));
  if (!touched) return e;
  return compact({
    ...e,
    ...(e.value !== undefined ? { value: r(e.value) } : {}),
    ...(from !== undefined
      ? {
          valueFrom: {
            ...from,
            ...(from.secretKeyRef !== undefined ? { secretKeyRef: replaceKeyRef(from.secretKeyRef, r) } : {}),
            ...(from.configMapKeyRef !== undefined ? { configMapKeyRef: replaceKeyRef(from.configMapKeyRef, r) } : {}),
          },
        }
      : {}),
  });
}

function replaceEnvFrom(e: EnvFromSource, r: Rewrite): EnvFromSource {
  if (!hasVar(e.prefix) && !hasVar(e.configMapRef?.name) && !hasVar(e.secretRef?.name)) return e;
  return compact({
    ...e,
    ...(e.prefix !== undefined ? { prefix: r(e.prefix) } : {}),
    ...(e.configMapRef !== undefined ? { configMapRef: { ...e.configMapRef, name: str(e.configMapRef.name, r) } } : {}),
    ...(e.secretRef !== undefined ? { secretRef: { ...e.secretRef, name: str(e.secretRef.name, r) } } : {}),
  });
}

function replaceMount(m: VolumeMount, r: Rewrite): VolumeMount {
  if (!hasVar(m.name) && !hasVar(m.mountPath) && !hasVar(m.subPath)) return m;
  return compact({ ...m, name: str(m.name, r), mountPath: str(m.mountPath, r), subPath: str(m.subPath, r) });
}

/** `xs` with `f` applied to each item: `xs` itself when no item changed. */
function mapSame<T>(xs: readonly T[], f: (x: T) => T): readonly T[] {
  let out: T[] | undefined;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = f(x);
    if (out === undefined && y !== x) out = xs.slice(0, i);
    if (out !== undefined) out.push(y);
  }
  return out ?? xs;
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
  return rewriteStep(step, rewriteOf(strings), unchanged, arrays);
}

function rewriteStep(step: Step, rw: Rewrite, rest: Rewrite, arrays: ArrayReplacements): Step {
  // One pass over the step's own fields, in their order, dropping those that
  // become undefined: the same object `compact({ ...step, name: ..., ... })`
  // would build, without the intermediate copy; the step itself when no
  // field changes (docs/performance.md).
  let out: Record<string, unknown> | undefined;
  const keys = Object.keys(step);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = (step as Record<string, unknown>)[k];
    const r = v === undefined ? undefined : replaceStepField(k, v, rw, rest, arrays);
    if (out === undefined && r !== v) {
      out = {};
      for (let j = 0; j < i; j++) {
        const w = (step as Record<string, unknown>)[keys[j]!];
        if (w !== undefined) defineField(out, keys[j]!, w);
      }
    }
    if (out !== undefined && r !== undefined) defineField(out, k, r);
  }
  return (out ?? step) as Step;
}

/** One field of a step after substitution; the fields Tekton did not substitute as they are. */
function replaceStepField(key: string, value: unknown, rw: Rewrite, rest: Rewrite, arrays: ArrayReplacements): unknown {
  switch (key) {
    case 'name':
    case 'image':
    case 'workingDir':
      return rw(value as string);
    case 'args':
    case 'command':
      return replaceList(value as readonly string[], rw, rest, arrays);
    case 'env':
      return mapSame(value as readonly EnvVar[], (e) => replaceEnv(e, rw));
    case 'envFrom':
      return mapSame(value as readonly EnvFromSource[], (e) => replaceEnvFrom(e, rw));
    case 'volumeMounts':
      return mapSame(value as readonly VolumeMount[], (m) => replaceMount(m, rw));
    default:
      return value;
  }
}

/**
 * The stepTemplate as Tekton left it after substitution: it substituted a
 * copy of the template, and only the parts the copy shared with the original
 * (env, envFrom, volume mounts) changed; name, image, command, args and
 * workingDir of a stepTemplate are never substituted.
 */
export function replaceInStepTemplate(template: Container, strings: StringReplacements): Container {
  return rewriteStepTemplate(template, rewriteOf(strings));
}

function rewriteStepTemplate(template: Container, rw: Rewrite): Container {
  const env = template.env === undefined ? undefined : mapSame(template.env, (e) => replaceEnv(e, rw));
  const envFrom = template.envFrom === undefined ? undefined : mapSame(template.envFrom, (e) => replaceEnvFrom(e, rw));
  const volumeMounts = template.volumeMounts === undefined ? undefined : mapSame(template.volumeMounts, (m) => replaceMount(m, rw));
  if (env === template.env && envFrom === template.envFrom && volumeMounts === template.volumeMounts) return template;
  return compact({ ...template, env, envFrom, volumeMounts });
}

/** Substitutes a volume's name and its configMap, secret and claim names. */
export function replaceInVolume(v: Volume, r: StringReplacements): Volume {
  return rewriteVolume(v, rewriteOf(r));
}

function rewriteVolume(v: Volume, r: Rewrite): Volume {
  if (!hasVar(v.name) && !hasVar(v.configMap?.name) && !hasVar(v.secret?.secretName) && !hasVar(v.persistentVolumeClaim?.claimName)) return v;
  return compact({
    ...v,
    name: str(v.name, r),
    configMap: v.configMap !== undefined ? compact({ ...v.configMap, name: str(v.configMap.name, r) }) : undefined,
    secret: v.secret !== undefined ? compact({ ...v.secret, secretName: str(v.secret.secretName, r) }) : undefined,
    persistentVolumeClaim:
      v.persistentVolumeClaim !== undefined
        ? compact({ ...v.persistentVolumeClaim, claimName: str(v.persistentVolumeClaim.claimName, r) })
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
  return rewriteSpec(spec, rewriteOf(strings), unchanged, arrays);
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
  first: StringReplacements,
  arrays: ArrayReplacements,
  then: readonly StringReplacements[],
): TaskSpec {
  return rewriteSpec(spec, rewriteInTurn([first, ...then]), rewriteInTurn(then), arrays);
}

function rewriteSpec(spec: TaskSpec, rw: Rewrite, rest: Rewrite, arrays: ArrayReplacements): TaskSpec {
  const steps = spec.steps === undefined ? undefined : mapSame(spec.steps, (s) => rewriteStep(s, rw, rest, arrays));
  const stepTemplate = spec.stepTemplate !== undefined ? rewriteStepTemplate(spec.stepTemplate, rw) : undefined;
  const volumes = spec.volumes === undefined ? undefined : mapSame(spec.volumes, (v) => rewriteVolume(v, rw));
  if (steps === spec.steps && stepTemplate === spec.stepTemplate && volumes === spec.volumes) return spec;
  // Spread, then assign: a literal that spreads and adds fields is several
  // times slower in V8, for the same object (docs/performance.md).
  const out: Writable<TaskSpec> = { ...spec };
  out.steps = steps;
  out.stepTemplate = stepTemplate;
  out.volumes = volumes;
  return compact(out);
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
