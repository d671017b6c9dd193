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

function replaceList(
  xs: readonly string[] | undefined,
  strings: StringReplacements,
  arrays: ArrayReplacements,
): readonly string[] | undefined {
  if (xs === undefined) return undefined;
  // xs.flatMap((x) => replaceArrayItem(x, strings, arrays)), without an array per item.
  const out: string[] = [];
  for (const x of xs) {
    const whole = x.startsWith('$(') && x.endsWith(')') ? arrays.get(x.slice(2, -1)) : undefined;
    if (whole !== undefined) out.push(...whole);
    else out.push(replaceVariables(x, strings));
  }
  return out.length > 0 ? out : undefined;
}

const str = (s: string | undefined, r: StringReplacements): string | undefined =>
  s === undefined ? undefined : replaceVariables(s, r);

function replaceEnv(e: EnvVar, r: StringReplacements): EnvVar {
  const from = e.valueFrom;
  return {
    ...e,
    ...(e.value !== undefined ? { value: replaceVariables(e.value, r) } : {}),
    ...(from !== undefined
      ? {
          valueFrom: {
            ...from,
            ...(from.secretKeyRef !== undefined
              ? { secretKeyRef: { ...from.secretKeyRef, name: str(from.secretKeyRef.name, r), key: str(from.secretKeyRef.key, r) } }
              : {}),
            ...(from.configMapKeyRef !== undefined
              ? { configMapKeyRef: { ...from.configMapKeyRef, name: str(from.configMapKeyRef.name, r), key: str(from.configMapKeyRef.key, r) } }
              : {}),
          },
        }
      : {}),
  };
}

function replaceEnvFrom(e: EnvFromSource, r: StringReplacements): EnvFromSource {
  return {
    ...e,
    ...(e.prefix !== undefined ? { prefix: replaceVariables(e.prefix, r) } : {}),
    ...(e.configMapRef !== undefined ? { configMapRef: { ...e.configMapRef, name: str(e.configMapRef.name, r) } } : {}),
    ...(e.secretRef !== undefined ? { secretRef: { ...e.secretRef, name: str(e.secretRef.name, r) } } : {}),
  };
}

function replaceMount(m: VolumeMount, r: StringReplacements): VolumeMount {
  return { ...m, name: str(m.name, r), mountPath: str(m.mountPath, r), subPath: str(m.subPath, r) };
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
  // One pass over the step's own fields, in their order, dropping those that
  // become undefined: the same object `compact({ ...step, name: ..., ... })`
  // would build, without the intermediate copy (docs/performance.md).
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(step)) {
    const v = (step as Record<string, unknown>)[k];
    const r = v === undefined ? undefined : replaceStepField(k, v, strings, arrays);
    if (r !== undefined) defineField(out, k, r);
  }
  return out as Step;
}

/** One field of a step after substitution; the fields Tekton did not substitute as they are. */
function replaceStepField(key: string, value: unknown, strings: StringReplacements, arrays: ArrayReplacements): unknown {
  switch (key) {
    case 'name':
    case 'image':
    case 'workingDir':
      return replaceVariables(value as string, strings);
    case 'args':
    case 'command':
      return replaceList(value as readonly string[], strings, arrays);
    case 'env':
      return (value as readonly EnvVar[]).map((e) => compact(replaceEnv(e, strings)));
    case 'envFrom':
      return (value as readonly EnvFromSource[]).map((e) => compact(replaceEnvFrom(e, strings)));
    case 'volumeMounts':
      return (value as readonly VolumeMount[]).map((m) => compact(replaceMount(m, strings)));
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
  return compact({
    ...template,
    env: template.env?.map((e) => compact(replaceEnv(e, strings))),
    envFrom: template.envFrom?.map((e) => compact(replaceEnvFrom(e, strings))),
    volumeMounts: template.volumeMounts?.map((m) => compact(replaceMount(m, strings))),
  });
}

/** Substitutes a volume's name and its configMap, secret and claim names. */
export function replaceInVolume(v: Volume, r: StringReplacements): Volume {
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
  return compact({
    ...spec,
    steps: spec.steps?.map((s) => replaceInStep(s, strings, arrays)),
    stepTemplate: spec.stepTemplate !== undefined ? replaceInStepTemplate(spec.stepTemplate, strings) : undefined,
    volumes: spec.volumes?.map((v) => replaceInVolume(v, strings)),
  });
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
