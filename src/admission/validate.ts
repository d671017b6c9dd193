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
import type { Param, ParamSpec, PipelineResourceSpec, Step, TaskResource, TaskResourceBinding, TaskRun, TaskSpec } from '../model/tekton';
import { dns1123LabelProblem } from '../pod/api-checks';
import { PLACE_TOOLS } from '../pod/constants';
import { mergeAllWithTemplate } from '../pod/step-template';
import { formatGoDuration, parseGoDuration } from './duration';
import { requestUriProblem } from './request-uri';
import { findVariableSpans, VariableSpan } from './variables';

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

/** Where a string of a step is: the field's name in the step, and the item's index for a list. */
type StringField = 'name' | 'image' | 'workingDir' | 'command' | 'args' | 'env' | 'volumeMounts.name' | 'volumeMounts.mountPath' | 'volumeMounts.subPath';

/** A string of a step that holds `$(`, where it is, and its references of both kinds. */
interface VariableString {
  readonly step: number;
  readonly field: StringField;
  readonly index: number;
  readonly value: string;
  readonly refs: readonly VariableSpan[];
}

/** The field path of a string, built only for an error. */
function stringPath(at: string, s: VariableString): string {
  const step = `${at}.steps[${s.step}]`;
  switch (s.field) {
    case 'command':
    case 'args':
      return `${step}.${s.field}[${s.index}]`;
    case 'env':
      return `${step}.env[${s.index}].value`;
    case 'volumeMounts.name':
    case 'volumeMounts.mountPath':
    case 'volumeMounts.subPath':
      return `${step}.volumeMounts[${s.index}].${s.field.slice('volumeMounts.'.length)}`;
    default:
      return `${step}.${s.field}`;
  }
}

/**
 * Adds `value` to `out` if it holds `$(`. Only such strings can reference
 * a variable (the checks below look at nothing else), so the others are
 * not listed.
 */
function addString(out: VariableString[], step: number, value: string | undefined, field: StringField, index = -1): void {
  if (value !== undefined && value.includes('$(')) out.push({ step, field, index, value, refs: findVariableSpans(value) });
}

/** Adds the strings of step `i` that hold `$(` to `out`, in field order. */
function stepStrings(s: Step, i: number, out: VariableString[]): void {
  addString(out, i, s.name, 'name');
  addString(out, i, s.image, 'image');
  addString(out, i, s.workingDir, 'workingDir');
  const command = s.command ?? [];
  for (let k = 0; k < command.length; k++) addString(out, i, command[k], 'command', k);
  const args = s.args ?? [];
  for (let k = 0; k < args.length; k++) addString(out, i, args[k], 'args', k);
  const env = s.env ?? [];
  for (let k = 0; k < env.length; k++) addString(out, i, env[k]!.value, 'env', k);
  const mounts = s.volumeMounts ?? [];
  for (let k = 0; k < mounts.length; k++) {
    const m = mounts[k]!;
    addString(out, i, m.name, 'volumeMounts.name', k);
    addString(out, i, m.mountPath, 'volumeMounts.mountPath', k);
    addString(out, i, m.subPath, 'volumeMounts.subPath', k);
  }
}

function validateScript(s: Step, object: string, at: string, i: number): Check {
  const script = s.script ?? '';
  if (script === '') return ok;
  if ((s.args ?? []).length > 0 || (s.command ?? []).length > 0) {
    return E.left(invalid(object, `${at}.steps[${i}].script`, 'script cannot be used with args or command'));
  }
  if (!script.trim().startsWith('#!')) return E.left(invalid(object, `${at}.steps[${i}].script`, 'script must start with a shebang (#!)'));
  return ok;
}

/** The script rules on the steps as written (the stepTemplate cannot hide them). */
function validateScripts(steps: readonly Step[], object: string, at: string): Check {
  for (let i = 0; i < steps.length; i++) {
    const r = validateScript(steps[i]!, object, at, i);
    if (E.isLeft(r)) return r;
  }
  return ok;
}

/**
 * The step rules on the steps merged with the stepTemplate. `scriptsChecked`:
 * they are the steps as written (no stepTemplate), whose scripts
 * {@link validateScripts} has passed already.
 */
function validateStepRules(steps: readonly Step[], object: string, at: string, scriptsChecked: boolean): Check {
  const names = new Set<string>();
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    if (s.image === undefined || s.image === '') return E.left(invalid(object, `${at}.steps[${i}].image`, 'missing field(s)'));
    if (!scriptsChecked) {
      const script = validateScript(s, object, at, i);
      if (E.isLeft(script)) return script;
    }
    const name = s.name ?? '';
    if (name === '') continue;
    if (names.has(name)) return E.left(invalid(object, `${at}.steps[${i}].name`, `invalid value: ${name} (step names must be unique)`));
    names.add(name);
  }
  return ok;
}

function isResourceType(type: string): boolean {
  return (RESOURCE_TYPES as readonly string[]).includes(type);
}

function validateResourceDecls(resources: readonly TaskResource[], object: string, at: string): Check {
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i]!;
    if (!isResourceType(r.type ?? '')) {
      return E.left(invalid(object, `${at}[${i}].type`, `invalid value: ${r.type ?? ''} (resource types: ${RESOURCE_TYPES.join(', ')})`));
    }
  }
  if (resources.length < 2) return ok;
  const seen = new Set<string>();
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i]!;
    const key = (r.name ?? '').toLowerCase();
    if (seen.has(key)) return E.left(invalid(object, `${at}[${i}].name`, `expected exactly one, got both: resource "${r.name ?? ''}" is declared twice`));
    seen.add(key);
  }
  return ok;
}

function validateVolumeNames(volumes: readonly { readonly name?: string }[], object: string, at: string): Check {
  if (volumes.length < 2) return ok;
  const seen = new Set<string>();
  for (let i = 0; i < volumes.length; i++) {
    const name = volumes[i]!.name ?? '';
    if (seen.has(name)) return E.left(invalid(object, `${at}.volumes[${i}].name`, `multiple volumes with same name "${name}"`));
    seen.add(name);
  }
  return ok;
}

function validateParamSpecs(params: readonly ParamSpec[], object: string, at: string): Check {
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    if (p.type !== 'string' && p.type !== 'array') return E.left(invalid(object, `${at}.inputs.params[${i}].type`, `invalid value: ${p.type ?? ''} (string or array)`));
    if (p.default !== undefined) {
      const dt = typeof p.default === 'string' ? 'string' : 'array';
      if (dt !== p.type) return E.left(invalid(object, `${at}.inputs.params[${i}].default`, `"${p.type}" type does not match default value's type: "${dt}"`));
    }
  }
  return ok;
}

function validateStepNames(steps: readonly Step[], object: string, at: string): Check {
  for (let i = 0; i < steps.length; i++) {
    const name = steps[i]!.name ?? '';
    if (name === '') continue;
    const problem = dns1123LabelProblem(name);
    if (problem !== undefined) return E.left(invalid(object, `${at}.steps[${i}].name`, `invalid value "${name}": Task step name must be a valid DNS Label: it ${problem}`));
    if (name === PLACE_TOOLS) {
      return E.left(invalid(object, `${at}.steps[${i}].name`, `step name "${PLACE_TOOLS}" is reserved: Tekton uses it for the init container that copies the entrypoint`));
    }
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
  // The checks in the webhook's order, each returning the first failure.
  if (steps.length === 0) return E.left(invalid(object, `${at}.steps`, 'missing field(s): a Task needs at least one step'));
  const volumes = validateVolumeNames(spec.volumes ?? [], object, at);
  if (E.isLeft(volumes)) return volumes;
  // The script rules apply to the steps as written (DEVIATIONS.md item 6) ...
  const scripts = validateScripts(steps, object, at);
  if (E.isLeft(scripts)) return scripts;
  // ... and every step rule, as Tekton checked them, after merging the stepTemplate.
  const merged = mergeAllWithTemplate(spec.stepTemplate, steps as readonly Container[]);
  if (E.isLeft(merged)) return E.left(invalid(object, `${at}.stepTemplate`, `error merging step template and steps: ${merged.left}`));
  const rules = validateStepRules(merged.right, object, at, merged.right === steps);
  if (E.isLeft(rules)) return rules;
  const inputs = validateResourceDecls(spec.inputs?.resources ?? [], object, `${at}.inputs.resources`);
  if (E.isLeft(inputs)) return inputs;
  const params = validateParamSpecs(spec.inputs?.params ?? [], object, at);
  if (E.isLeft(params)) return params;
  const outputs = validateResourceDecls(spec.outputs?.resources ?? [], object, `${at}.outputs.resources`);
  if (E.isLeft(outputs)) return outputs;
  const names = validateStepNames(steps, object, at);
  if (E.isLeft(names)) return names;
  // Tekton's merge replaced the steps it validated in place, so the
  // variable checks saw the stepTemplate's env and mounts in every step.
  return validateVariables(spec, merged.right, object, at);
}

/** Whether a param `name` is declared of type array (any of them, should the name be declared twice). */
function declaresArrayParam(params: readonly ParamSpec[], name: string): boolean {
  for (let i = 0; i < params.length; i++) if (params[i]!.type === 'array' && (params[i]!.name ?? '') === name) return true;
  return false;
}

function declaresResource(resources: readonly TaskResource[] | undefined, name: string): boolean {
  if (resources !== undefined) for (let i = 0; i < resources.length; i++) if ((resources[i]!.name ?? '') === name) return true;
  return false;
}

function validateVariables(spec: TaskSpec, steps: readonly Step[], object: string, at: string): Check {
  const params = spec.inputs?.params ?? [];
  // Each string's references, found once (one scan for both kinds) for the checks below.
  const strings: VariableString[] = [];
  for (let i = 0; i < steps.length; i++) stepStrings(steps[i]!, i, strings);
  for (const str of strings) {
    for (const v of str.refs) {
      if (v.kind === 'params' && !namesParam(params, v.name)) {
        return E.left(invalid(object, stringPath(at, str), `non-existent variable in "${str.value}": no param "${v.name}" is declared`));
      }
    }
  }
  for (const str of strings) {
    const { value, refs } = str;
    for (const v of refs) {
      if (v.kind !== 'params' || !declaresArrayParam(params, v.name)) continue;
      const list = str.field === 'command' || str.field === 'args';
      if (!list) return E.left(invalid(object, stringPath(at, str), `variable type invalid in "${value}": array param "${v.name}" can only be used in command or args`));
      // The item must be the first param reference, whole.
      const firstParam = refs.find((r) => r.kind === 'params')!;
      if (value.length !== firstParam.end - firstParam.start) {
        return E.left(invalid(object, stringPath(at, str), `variable is not properly isolated in "${value}": an array param must be the whole item`));
      }
    }
  }
  const outputs = spec.outputs?.resources ?? [];
  for (let i = 0; i < outputs.length; i++) {
    const r = outputs[i]!;
    if (r.type === 'image' && (r.outputImageDir ?? '') === '') return E.left(invalid(object, `${at}.outputs.resources[${i}].outputImageDir`, 'missing field(s)'));
  }
  for (const str of strings) {
    for (const v of str.refs) {
      if (v.kind === 'resources' && !declaresResource(spec.inputs?.resources, v.name) && !declaresResource(spec.outputs?.resources, v.name)) {
        return E.left(invalid(object, stringPath(at, str), `non-existent variable in "${str.value}": no resource "${v.name}" is declared`));
      }
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
  for (let i = 0; i < bindings.length; i++) {
    const b = bindings[i]!;
    const key = (b.name ?? '').toLowerCase();
    if (seen.has(key)) return E.left(invalid(object, `${at}[${i}].name`, `expected exactly one, got both: resource "${b.name ?? ''}" is bound twice`));
    seen.add(key);
    const hasRef = (b.resourceRef?.name ?? '') !== '';
    if (hasRef && b.resourceSpec !== undefined) return E.left(invalid(object, `${at}[${i}]`, 'must not set both resourceRef and resourceSpec'));
    if (!hasRef && b.resourceSpec === undefined) return E.left(invalid(object, `${at}[${i}]`, 'missing field(s): resourceRef or resourceSpec'));
    if (b.resourceSpec !== undefined) {
      const r = validateResourceSpec(b.resourceSpec, object, `${at}[${i}].resourceSpec`);
      if (E.isLeft(r)) return r;
    }
  }
  return ok;
}

/** No param given twice (Go compared each name, lowercased, with the names as given before it). */
function validateParamNames(params: readonly Param[], object: string): Check {
  if (params.length < 2) return ok;
  const seen = new Set<string>();
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    if (seen.has((p.name ?? '').toLowerCase())) return E.left(invalid(object, `spec.inputs.params[${i}].name`, `expected exactly one, got both: param "${p.name ?? ''}" is given twice`));
    seen.add(p.name ?? '');
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
  const params = spec.inputs?.params ?? [];
  // The checks in the webhook's order, each returning the first failure.
  // Before validating, the webhook decoded the TaskRun (a timeout Go's
  // time.ParseDuration cannot read failed there) and encoded it again.
  const timeout = spec.timeout === undefined ? undefined : parseGoDuration(spec.timeout);
  if (timeout !== undefined && E.isLeft(timeout)) return E.left(invalid(object, 'spec.timeout', timeout.left));
  const values = validateParamValues(params, object);
  if (E.isLeft(values)) return values;
  const named = validateObjectName(object, tr.metadata?.name);
  if (E.isLeft(named)) return named;
  if (hasRef && spec.taskSpec !== undefined) return E.left(invalid(object, 'spec', 'must not set both spec.taskRef and spec.taskSpec'));
  if (!hasRef && spec.taskSpec === undefined) return E.left(invalid(object, 'spec.taskRef.name', 'missing field(s): one of spec.taskRef.name and spec.taskSpec'));
  if (spec.taskSpec !== undefined) {
    const task = validateTaskSpec(spec.taskSpec, object, 'spec.taskSpec');
    if (E.isLeft(task)) return task;
  }
  const inputs = validateBindings(spec.inputs?.resources ?? [], object, 'spec.inputs.resources');
  if (E.isLeft(inputs)) return inputs;
  const names = validateParamNames(params, object);
  if (E.isLeft(names)) return names;
  const outputs = validateBindings(spec.outputs?.resources ?? [], object, 'spec.outputs.resources');
  if (E.isLeft(outputs)) return outputs;
  if (timeout !== undefined && E.isRight(timeout) && timeout.right < 0n) {
    return E.left(invalid(object, 'spec.timeout', `invalid value: ${formatGoDuration(timeout.right)} should be >= 0`));
  }
  return ok;
}

/**
 * Every param given a value. Go decoded a param without `value` to an
 * ArrayOrString of no type, which its MarshalJSON refused, so the webhook's
 * re-encoding of the TaskRun failed. (`value: null` is another matter: Go
 * read it as an array of no items, and so does taskpod's reader.)
 */
function validateParamValues(params: readonly Param[], object: string): Check {
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
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
  // The lists of names are built only for a message.
  let missing: string[] | undefined;
  for (let i = 0; i < declared.length; i++) {
    const name = declared[i]!.name ?? '';
    if (declared[i]!.default === undefined && !namesParam(given, name)) (missing ??= []).push(name);
  }
  if (missing !== undefined) return E.left(invalid(object, 'spec.inputs.params', `missing values for these params which have no default values: [${missing.join(' ')}]`));
  let extra: string[] | undefined;
  for (let i = 0; i < given.length; i++) {
    const name = given[i]!.name ?? '';
    if (!namesParam(declared, name)) (extra ??= []).push(name);
  }
  if (extra !== undefined) return E.left(invalid(object, 'spec.inputs.params', `didn't need these params but they were provided anyway: [${extra.join(' ')}]`));
  let wrong: string[] | undefined;
  for (let i = 0; i < given.length; i++) {
    const p = given[i]!;
    // The first declared of that name, the names compared as given.
    const d = declared.find((x) => x.name === p.name);
    // A param without a value has Go's zero ArrayOrString, of type "".
    const type = p.value === undefined ? '' : typeof p.value === 'string' ? 'string' : 'array';
    if (d !== undefined && d.type !== type) (wrong ??= []).push(p.name ?? '');
  }
  if (wrong !== undefined) return E.left(invalid(object, 'spec.inputs.params', `param types don't match the user-specified type: [${wrong.join(' ')}]`));
  return ok;
}

/** Whether one of `params` is named `name`, a missing name read as "" (a linear scan: there are a few). */
function namesParam(params: readonly { readonly name?: string }[], name: string): boolean {
  for (let i = 0; i < params.length; i++) if ((params[i]!.name ?? '') === name) return true;
  return false;
}
