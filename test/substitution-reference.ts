/**
 * The substitution walk as it was before it read each step's fields by name
 * and passed the maps as data (commit 5439efb): the reference the property
 * tests compare `applyReplacements` and `applyReplacementsInTurn` with.
 */
import type { Container, EnvFromSource, EnvVar, Volume, VolumeMount } from '../src/model/core';
import type { Step, TaskSpec } from '../src/model/tekton';
import { defineField } from '../src/model/struct';
import { replaceVariables, StringReplacements, ArrayReplacements } from '../src/substitution';
import type { Writable } from '../src/util';

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

function rewriteStepTemplate(template: Container, rw: Rewrite): Container {
  const env = template.env === undefined ? undefined : mapSame(template.env, (e) => replaceEnv(e, rw));
  const envFrom = template.envFrom === undefined ? undefined : mapSame(template.envFrom, (e) => replaceEnvFrom(e, rw));
  const volumeMounts = template.volumeMounts === undefined ? undefined : mapSame(template.volumeMounts, (m) => replaceMount(m, rw));
  if (env === template.env && envFrom === template.envFrom && volumeMounts === template.volumeMounts) return template;
  return compact({ ...template, env, envFrom, volumeMounts });
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

/** The walk `applyReplacements` made before it read step fields by name. */
export function applyReplacementsReference(spec: TaskSpec, strings: StringReplacements, arrays: ArrayReplacements): TaskSpec {
  return rewriteSpec(spec, rewriteOf(strings), unchanged, arrays);
}

/** The walk `applyReplacementsInTurn` made before it read step fields by name. */
export function applyReplacementsInTurnReference(
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

