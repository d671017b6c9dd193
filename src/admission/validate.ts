/**
 * The checks of Tekton's admission webhook (task_validation.go,
 * taskrun_validation.go, pipelineresource_validation.go) and the
 * reconciler's check of params against the Task
 * (validate_resources.go). Each failure names the object and field.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { invalid, TaskpodError } from '../errors';
import type { Container } from '../model/core';
import type { Param, PipelineResourceSpec, Step, TaskResource, TaskResourceBinding, TaskRun, TaskSpec } from '../model/tekton';
import { dns1123LabelProblem } from '../pod/api-checks';
import { PLACE_TOOLS } from '../pod/constants';
import { mergeAllWithTemplate } from '../pod/step-template';
import { formatGoDuration, parseGoDuration } from './duration';
import { requestUriProblem } from './request-uri';
import { findVariables, VariableRef } from './variables';

/**
 * The outcome of a check: `Right` when the object passes, else the first error.
 *
 * @example
 * ```ts
 * const check: Check = validateTaskSpec(spec, 'Task default/build', 'spec');
 * if (E.isLeft(check)) console.error(formatError(check.left));
 * ```
 *
 * @public
 */
export type Check = E.Either<TaskpodError, void>;
const ok: Check = E.right(undefined);

/** Runs checks in order and stops at the first failure. */
export function first(...checks: (() => Check)[]): Check {
  for (const c of checks) {
    const r = c();
    if (E.isLeft(r)) return r;
  }
  return ok;
}

/** Resource types of this commit. */
export const RESOURCE_TYPES = ['git', 'storage', 'image', 'cluster', 'pullRequest', 'cloudEvent'] as const;

/** Object metadata: no `.` in the name, at most 63 characters. */
export function validateObjectName(object: string, name: string | undefined): Check {
  const n = name ?? '';
  if (n.includes('.')) return E.left(invalid(object, 'metadata.name', 'Invalid resource name: special character . must not be present'));
  if (n.length > 63) return E.left(invalid(object, 'metadata.name', 'Invalid resource name: length must be no more than 63 characters'));
  return ok;
}

/** A string of a step that holds `$(`, where it is, and its param references. */
interface VariableString {
  readonly field: string;
  readonly value: string;
  readonly list: boolean;
  readonly params: readonly VariableRef[];
}

/**
 * Adds the strings of `step` that hold `$(` to `out`. Only those can
 * reference a variable (the checks below look at nothing else), so the
 * others are not listed, and their field names are never built.
 */
function stepStrings(step: Step, at: string, out: VariableString[]): void {
  const push = (field: string, value: string, list = false) => out.push({ field: `${at}.${field}`, value, list, params: findVariables(value, 'params') });
  const has = (value: string | undefined): value is string => value !== undefined && value.includes('$(');
  if (has(step.name)) push('name', step.name);
  if (has(step.image)) push('image', step.image);
  if (has(step.workingDir)) push('workingDir', step.workingDir);
  const command = step.command ?? [];
  for (let i = 0; i < command.length; i++) if (has(command[i])) push(`command[${i}]`, command[i]!, true);
  const args = step.args ?? [];
  for (let i = 0; i < args.length; i++) if (has(args[i])) push(`args[${i}]`, args[i]!, true);
  const env = step.env ?? [];
  for (let i = 0; i < env.length; i++) if (has(env[i]!.value)) push(`env[${i}].value`, env[i]!.value!);
  const mounts = step.volumeMounts ?? [];
  for (let i = 0; i < mounts.length; i++) {
    const m = mounts[i]!;
    if (has(m.name)) push(`volumeMounts[${i}].name`, m.name);
    if (has(m.mountPath)) push(`volumeMounts[${i}].mountPath`, m.mountPath);
    if (has(m.subPath)) push(`volumeMounts[${i}].subPath`, m.subPath);
  }
}

function validateScript(s: Step, object: string, here: string): Check {
  const script = s.script ?? '';
  if (script === '') return ok;
  if ((s.args ?? []).length > 0 || (s.command ?? []).length > 0) {
    return E.left(invalid(object, `${here}.script`, 'script cannot be used with args or command'));
  }
  if (!script.trim().startsWith('#!')) return E.left(invalid(object, `${here}.script`, 'script must start with a shebang (#!)'));
  return ok;
}

/** The script rules on the steps as written (the stepTemplate cannot hide them). */
function validateScripts(steps: readonly Step[], object: string, at: string): Check {
  for (const [i, s] of steps.entries()) {
    const r = validateScript(s, object, `${at}.steps[${i}]`);
    if (E.isLeft(r)) return r;
  }
  return ok;
}

function validateStepRules(steps: readonly Step[], object: string, at: string): Check {
  const names = new Set<string>();
  for (const [i, s] of steps.entries()) {
    const here = `${at}.steps[${i}]`;
    if (s.image === undefined || s.image === '') return E.left(invalid(object, `${here}.image`, 'missing field(s)'));
    const script = validateScript(s, object, here);
    if (E.isLeft(script)) return script;
    const name = s.name ?? '';
    if (name === '') continue;
    if (names.has(name)) return E.left(invalid(object, `${here}.name`, `invalid value: ${name} (step names must be unique)`));
    names.add(name);
  }
  return ok;
}

function validateResourceDecls(resources: readonly TaskResource[], object: string, at: string): Check {
  const seen = new Set<string>();
  for (const [i, r] of resources.entries()) {
    if (!(RESOURCE_TYPES as readonly string[]).includes(r.type ?? '')) {
      return E.left(invalid(object, `${at}[${i}].type`, `invalid value: ${r.type ?? ''} (resource types: ${RESOURCE_TYPES.join(', ')})`));
    }
  }
  for (const [i, r] of resources.entries()) {
    const key = (r.name ?? '').toLowerCase();
    if (seen.has(key)) return E.left(invalid(object, `${at}[${i}].name`, `expected exactly one, got both: resource "${r.name ?? ''}" is declared twice`));
    seen.add(key);
  }
  return ok;
}

/**
 * A TaskSpec as the webhook checked it. `at` is the path of the spec inside
 * the object (`spec`, or `spec.taskSpec` for an embedded one).
 *
 * @example
 * ```ts
 * validateTaskSpec({ steps: [] }, 'Task default/build', 'spec');
 * // Left(Invalid 'Task default/build: spec.steps: missing field(s): ...')
 * ```
 *
 * @public
 */
export function validateTaskSpec(spec: TaskSpec, object: string, at: string): Check {
  const steps = spec.steps ?? [];
  // The steps merged with the stepTemplate, for two of the checks below:
  // merged once, when the first of them runs (a pure function of the spec).
  let mergedOnce: ReturnType<typeof mergeAllWithTemplate> | undefined;
  const mergedSteps = () => (mergedOnce ??= mergeAllWithTemplate(spec.stepTemplate, steps as readonly Container[]));
  return first(
    () => (steps.length === 0 ? E.left(invalid(object, `${at}.steps`, 'missing field(s): a Task needs at least one step')) : ok),
    () => {
      const seen = new Set<string>();
      for (const [i, v] of (spec.volumes ?? []).entries()) {
        if (seen.has(v.name ?? '')) return E.left(invalid(object, `${at}.volumes[${i}].name`, `multiple volumes with same name "${v.name ?? ''}"`));
        seen.add(v.name ?? '');
      }
      return ok;
    },
    // The script rules apply to the steps as written (DEVIATIONS.md item 6) ...
    () => validateScripts(steps, object, at),
    // ... and every step rule, as Tekton checked them, after merging the stepTemplate.
    () => {
      const merged = mergedSteps();
      if (E.isLeft(merged)) return E.left(invalid(object, `${at}.stepTemplate`, `error merging step template and steps: ${merged.left}`));
      return validateStepRules(merged.right, object, at);
    },
    () => validateResourceDecls(spec.inputs?.resources ?? [], object, `${at}.inputs.resources`),
    () => {
      for (const p of spec.inputs?.params ?? []) {
        const i = (spec.inputs?.params ?? []).indexOf(p);
        const field = `${at}.inputs.params[${i}]`;
        if (p.type !== 'string' && p.type !== 'array') return E.left(invalid(object, `${field}.type`, `invalid value: ${p.type ?? ''} (string or array)`));
        if (p.default !== undefined) {
          const dt = typeof p.default === 'string' ? 'string' : 'array';
          if (dt !== p.type) return E.left(invalid(object, `${field}.default`, `"${p.type}" type does not match default value's type: "${dt}"`));
        }
      }
      return ok;
    },
    () => validateResourceDecls(spec.outputs?.resources ?? [], object, `${at}.outputs.resources`),
    () => {
      for (const [i, s] of steps.entries()) {
        const name = s.name ?? '';
        if (name === '') continue;
        const problem = dns1123LabelProblem(name);
        if (problem !== undefined) return E.left(invalid(object, `${at}.steps[${i}].name`, `invalid value "${name}": Task step name must be a valid DNS Label: it ${problem}`));
        if (name === PLACE_TOOLS) {
          return E.left(invalid(object, `${at}.steps[${i}].name`, `step name "${PLACE_TOOLS}" is reserved: Tekton uses it for the init container that copies the entrypoint`));
        }
      }
      return ok;
    },
    // Tekton's merge replaced the steps it validated in place, so the
    // variable checks saw the stepTemplate's env and mounts in every step.
    () => {
      const merged = mergedSteps();
      return validateVariables({ ...spec, steps: E.isRight(merged) ? merged.right : steps }, object, at);
    },
  );
}

function validateVariables(spec: TaskSpec, object: string, at: string): Check {
  const params = new Set((spec.inputs?.params ?? []).map((p) => p.name ?? ''));
  const arrays = new Set((spec.inputs?.params ?? []).filter((p) => p.type === 'array').map((p) => p.name ?? ''));
  const resources = new Set([...(spec.inputs?.resources ?? []), ...(spec.outputs?.resources ?? [])].map((r) => r.name ?? ''));
  // Each string's param references, found once for the checks below.
  const strings: VariableString[] = [];
  const steps = spec.steps ?? [];
  for (let i = 0; i < steps.length; i++) stepStrings(steps[i]!, `${at}.steps[${i}]`, strings);
  for (const { field, value, params: refs } of strings) {
    for (const v of refs) {
      if (!params.has(v.name)) return E.left(invalid(object, field, `non-existent variable in "${value}": no param "${v.name}" is declared`));
    }
  }
  for (const { field, value, list, params: refs } of strings) {
    for (const v of refs) {
      if (!arrays.has(v.name)) continue;
      if (!list) return E.left(invalid(object, field, `variable type invalid in "${value}": array param "${v.name}" can only be used in command or args`));
      const firstMatch = refs[0]?.match ?? '';
      if (value.length !== firstMatch.length) {
        return E.left(invalid(object, field, `variable is not properly isolated in "${value}": an array param must be the whole item`));
      }
    }
  }
  for (const [i, r] of (spec.outputs?.resources ?? []).entries()) {
    if (r.type === 'image' && (r.outputImageDir ?? '') === '') return E.left(invalid(object, `${at}.outputs.resources[${i}].outputImageDir`, 'missing field(s)'));
  }
  for (const { field, value } of strings) {
    for (const v of findVariables(value, 'resources')) {
      if (!resources.has(v.name)) return E.left(invalid(object, field, `non-existent variable in "${value}": no resource "${v.name}" is declared`));
    }
  }
  return ok;
}

/** Why the webhook refused a cluster resource's `url`: none for "", else url.ParseRequestURI's reason. */
function urlProblem(u: string): string | undefined {
  return u === '' ? undefined : requestUriProblem(u);
}

/**
 * A PipelineResource's spec, as the webhook checked it.
 *
 * @example
 * ```ts
 * validateResourceSpec({ type: 'git', params: [{ name: 'url', value: 'https://github.com/tektoncd/pipeline' }] }, 'PipelineResource default/src', 'spec');
 * // Right(undefined)
 * ```
 *
 * @public
 */
export function validateResourceSpec(rs: PipelineResourceSpec, object: string, at: string): Check {
  const params = rs.params ?? [];
  const eq = (a: string | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();
  if ((rs.type ?? '') === '' && params.length === 0 && (rs.secrets ?? []).length === 0) return E.left(invalid(object, at, 'missing field(s)'));
  if (rs.type === 'cluster') {
    let auth = false;
    let cadata = false;
    let name = false;
    let insecure = false;
    for (const [i, p] of params.entries()) {
      if (eq(p.name, 'url')) {
        const problem = urlProblem(p.value ?? '');
        if (problem !== undefined) return E.left(invalid(object, `${at}.params[${i}].value`, `invalid value: ${p.value ?? ''} (URL: ${problem})`));
      } else if (eq(p.name, 'username') || eq(p.name, 'token')) auth = true;
      else if (eq(p.name, 'cadata')) {
        auth = true;
        cadata = true;
      } else if (eq(p.name, 'name')) name = true;
      else if (eq(p.name, 'insecure')) insecure = ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(p.value ?? '');
    }
    for (const s of rs.secrets ?? []) {
      if (eq(s.fieldName, 'username')) auth = true;
      if (eq(s.fieldName, 'cadata')) {
        auth = true;
        cadata = true;
      }
    }
    if (!name) return E.left(invalid(object, `${at}.params`, 'missing field(s): name param'));
    if (!auth) return E.left(invalid(object, `${at}.params`, 'missing field(s): username or CAData or token param'));
    if (!cadata && !insecure) return E.left(invalid(object, `${at}.params`, 'missing field(s): CAData param'));
  }
  if (rs.type === 'storage') {
    let typeFound = false;
    let location = '';
    for (const [i, p] of params.entries()) {
      if (eq(p.name, 'type')) {
        if (p.value !== 'gcs' && p.value !== 'build-gcs') return E.left(invalid(object, `${at}.params[${i}].value`, `invalid value: ${p.value ?? ''} (storage type: gcs or build-gcs)`));
        typeFound = true;
      } else if (eq(p.name, 'location')) location = p.value ?? '';
    }
    if (!typeFound) return E.left(invalid(object, `${at}.params`, 'missing field(s): type param'));
    if (location === '') return E.left(invalid(object, `${at}.params`, 'missing field(s): location param'));
  }
  if (!(RESOURCE_TYPES as readonly string[]).includes(rs.type ?? '')) {
    return E.left(invalid(object, `${at}.type`, `invalid value: ${rs.type ?? ''} (resource types: ${RESOURCE_TYPES.join(', ')})`));
  }
  return ok;
}

function validateBindings(bindings: readonly TaskResourceBinding[], object: string, at: string): Check {
  const seen = new Set<string>();
  for (const [i, b] of bindings.entries()) {
    const here = `${at}[${i}]`;
    const key = (b.name ?? '').toLowerCase();
    if (seen.has(key)) return E.left(invalid(object, `${here}.name`, `expected exactly one, got both: resource "${b.name ?? ''}" is bound twice`));
    seen.add(key);
    const hasRef = (b.resourceRef?.name ?? '') !== '';
    if (hasRef && b.resourceSpec !== undefined) return E.left(invalid(object, here, 'must not set both resourceRef and resourceSpec'));
    if (!hasRef && b.resourceSpec === undefined) return E.left(invalid(object, here, 'missing field(s): resourceRef or resourceSpec'));
    if (b.resourceSpec !== undefined) {
      const r = validateResourceSpec(b.resourceSpec, object, `${here}.resourceSpec`);
      if (E.isLeft(r)) return r;
    }
  }
  return ok;
}

/**
 * A TaskRun as the webhook checked it (its embedded taskSpec included).
 *
 * @example
 * ```ts
 * validateTaskRun({ metadata: { name: 'run' }, spec: {} }, 'TaskRun default/run');
 * // Left(Invalid: expected exactly one, got neither: spec.taskRef, spec.taskSpec)
 * ```
 *
 * @public
 */
export function validateTaskRun(tr: TaskRun, object: string): Check {
  const spec = tr.spec ?? {};
  const hasRef = (spec.taskRef?.name ?? '') !== '';
  const timeout = spec.timeout === undefined ? undefined : parseGoDuration(spec.timeout);
  return first(
    // Before validating, the webhook decoded the TaskRun (a timeout Go's
    // time.ParseDuration cannot read failed there) and encoded it again.
    () => (timeout !== undefined && E.isLeft(timeout) ? E.left(invalid(object, 'spec.timeout', timeout.left)) : ok),
    () => validateParamValues(spec.inputs?.params ?? [], object),
    () => validateObjectName(object, tr.metadata?.name),
    () => (hasRef && spec.taskSpec !== undefined ? E.left(invalid(object, 'spec', 'must not set both spec.taskRef and spec.taskSpec')) : ok),
    () => (!hasRef && spec.taskSpec === undefined ? E.left(invalid(object, 'spec.taskRef.name', 'missing field(s): one of spec.taskRef.name and spec.taskSpec')) : ok),
    () => (spec.taskSpec !== undefined ? validateTaskSpec(spec.taskSpec, object, 'spec.taskSpec') : ok),
    () => validateBindings(spec.inputs?.resources ?? [], object, 'spec.inputs.resources'),
    () => {
      const seen = new Set<string>();
      for (const [i, p] of (spec.inputs?.params ?? []).entries()) {
        if (seen.has((p.name ?? '').toLowerCase())) return E.left(invalid(object, `spec.inputs.params[${i}].name`, `expected exactly one, got both: param "${p.name ?? ''}" is given twice`));
        seen.add(p.name ?? '');
      }
      return ok;
    },
    () => validateBindings(spec.outputs?.resources ?? [], object, 'spec.outputs.resources'),
    () =>
      timeout !== undefined && E.isRight(timeout) && timeout.right < 0n
        ? E.left(invalid(object, 'spec.timeout', `invalid value: ${formatGoDuration(timeout.right)} should be >= 0`))
        : ok,
  );
}

/**
 * Every param given a value. Go decoded a param without `value` to an
 * ArrayOrString of no type, which its MarshalJSON refused, so the webhook's
 * re-encoding of the TaskRun failed. (`value: null` is another matter: Go
 * read it as an array of no items, and so does taskpod's reader.)
 */
function validateParamValues(params: readonly Param[], object: string): Check {
  for (const [i, p] of params.entries()) {
    if (p.value !== undefined) continue;
    return E.left(
      invalid(
        object,
        `spec.inputs.params[${i}].value`,
        `missing: param "${p.name ?? ''}" needs a value, a string or an array of strings (Tekton's webhook failed: json: error calling MarshalJSON for type v1alpha1.ArrayOrString: impossible ArrayOrString.Type: "")`,
      ),
    );
  }
  return ok;
}

/**
 * The reconciler's check of the TaskRun's params against the Task's.
 *
 * @example
 * ```ts
 * validateParams({ inputs: { params: [{ name: 'x' }] } }, [], 'TaskRun default/run');
 * // Left: the param x is missing
 * ```
 *
 * @public
 */
export function validateParams(spec: TaskSpec, given: readonly Param[], object: string): Check {
  const declared = spec.inputs?.params ?? [];
  const needed = declared.map((p) => p.name ?? '');
  const provided = given.map((p) => p.name ?? '');
  const missing = declared.filter((p) => !provided.includes(p.name ?? '') && p.default === undefined).map((p) => p.name ?? '');
  if (missing.length > 0) return E.left(invalid(object, 'spec.inputs.params', `missing values for these params which have no default values: [${missing.join(' ')}]`));
  const extra = provided.filter((n) => !needed.includes(n));
  if (extra.length > 0) return E.left(invalid(object, 'spec.inputs.params', `didn't need these params but they were provided anyway: [${extra.join(' ')}]`));
  const wrong = given
    .filter((p) => {
      const d = declared.find((x) => x.name === p.name);
      // A param without a value has Go's zero ArrayOrString, of type "".
      const type = p.value === undefined ? '' : typeof p.value === 'string' ? 'string' : 'array';
      return d !== undefined && d.type !== type;
    })
    .map((p) => p.name ?? '');
  if (wrong.length > 0) return E.left(invalid(object, 'spec.inputs.params', `param types don't match the user-specified type: [${wrong.join(' ')}]`));
  return ok;
}
