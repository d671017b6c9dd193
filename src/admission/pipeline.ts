/**
 * Tekton's webhook for Pipelines, PipelineRuns and Conditions at 6c132b937e
 * (pipeline_defaults.go, pipeline_validation.go, pipelinerun_defaults.go,
 * pipelinerun_validation.go, condition_validation.go): the defaults a stored
 * object got and the checks it had to pass. Each failure names the object and
 * the field path where the user wrote it.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { invalid } from '../errors';
import type { Condition, Pipeline, PipelineRun, PipelineSpec, PipelineTask } from '../model/pipeline';
import type { Param } from '../model/tekton';
import { buildGraph } from '../pipeline/dag';
import { defaultParamSpec } from './defaults';
import { formatGoDuration, parseGoDuration } from './duration';
import { qualifiedNameProblems } from './k8s-names';
import { Check, first, validateObjectName } from './validate';

const ok: Check = E.right(undefined);

/**
 * The settings of Tekton's `config-defaults` ConfigMap that defaulting reads.
 *
 * @example
 * ```ts
 * const defaults: RunDefaults = { timeout: 3_600_000_000_000n, serviceAccount: '' }; // Tekton's own
 * ```
 *
 * @public
 */
export interface RunDefaults {
  /** `default-timeout-minutes` (60 when unset), as nanoseconds of a Go Duration. */
  readonly timeout: bigint;
  /** `default-service-account` ('' when unset). */
  readonly serviceAccount: string;
}

/**
 * Tekton's defaults when `config-defaults` sets nothing: a timeout of one
 * hour, no default ServiceAccount.
 *
 * @example
 * ```ts
 * defaultPipelineRun(pr, TEKTON_RUN_DEFAULTS);
 * ```
 *
 * @public
 */
export const TEKTON_RUN_DEFAULTS: RunDefaults = { timeout: 3_600_000_000_000n, serviceAccount: '' };

/**
 * A Pipeline's spec as the webhook stored it: every param typed (`string`,
 * or the type of its default). The webhook meant to default each task's
 * `taskRef.kind` to `Task` too, but changed a copy of the task, so stored
 * Pipelines keep an empty kind (and their TaskRuns' `taskRef` has none).
 *
 * @example
 * ```ts
 * defaultPipelineSpec({ params: [{ name: 'rev' }] }); // { params: [{ name: 'rev', type: 'string' }] }
 * ```
 *
 * @public
 */
export function defaultPipelineSpec(spec: PipelineSpec): PipelineSpec {
  return spec.params === undefined ? spec : { ...spec, params: spec.params.map(defaultParamSpec) };
}

/**
 * A PipelineRun as the webhook stored it: `spec.timeout` set to the default
 * (`default-timeout-minutes`, 60) when absent, `spec.serviceAccountName` to
 * `default-service-account` when empty and that is set (even when the
 * deprecated `serviceAccount` names one, which it then overrides). An
 * embedded `pipelineSpec` is not defaulted.
 *
 * @example
 * ```ts
 * defaultPipelineRun({ metadata: { name: 'r' }, spec: { pipelineRef: { name: 'p' } } }, TEKTON_RUN_DEFAULTS).spec?.timeout; // '1h0m0s'
 * ```
 *
 * @public
 */
export function defaultPipelineRun(pr: PipelineRun, defaults: RunDefaults): PipelineRun {
  const spec = pr.spec ?? {};
  const timeout = spec.timeout ?? formatGoDuration(defaults.timeout);
  const sa = (spec.serviceAccountName ?? '') === '' && defaults.serviceAccount !== '' ? { serviceAccountName: defaults.serviceAccount } : {};
  return { ...pr, spec: { ...spec, timeout, ...sa } };
}

const PIPELINE_VARIABLE = /\$\(params.([_a-zA-Z][_a-zA-Z0-9.-]*)\)/g;

/** The names (first segment) of `$(params.NAME...)` references in `s`, and the first whole match. */
function pipelineVariables(s: string): { readonly names: readonly string[]; readonly first: string } {
  if (!s.includes('$(')) return { names: [], first: '' };
  const matches = [...s.matchAll(PIPELINE_VARIABLE)];
  return { names: matches.map((m) => (m[1] ?? '').split('.')[0] ?? ''), first: matches[0]?.[0] ?? '' };
}

/** The names of `required` that `provided` lacks (Go's list.DiffLeft). */
function missingFrom(required: readonly string[], provided: readonly string[]): string[] {
  return required.filter((r) => !provided.includes(r));
}

/** Go's `%s` of a []string: `[a b]`. */
export function goList(xs: readonly string[]): string {
  return `[${xs.join(' ')}]`;
}

/**
 * Tekton's list.IsSame: why `provided` is not the same set of names as
 * `required`, or `undefined` when it is.
 *
 * @example
 * ```ts
 * sameNames(['a', 'b'], ['a']); // "Didn't provide required values: [b]"
 * ```
 */
export function sameNames(required: readonly string[], provided: readonly string[]): string | undefined {
  const missing = missingFrom(required, provided);
  if (missing.length > 0) return `Didn't provide required values: ${goList(missing)}`;
  const extra = missingFrom(provided, required);
  if (extra.length > 0) return `Provided extra values: ${goList(extra)}`;
  return undefined;
}

function validateDeclaredResources(spec: PipelineSpec, object: string, at: string): Check {
  const required = (spec.tasks ?? []).flatMap((t) => [
    ...(t.resources?.inputs ?? []).map((i) => i.resource ?? ''),
    ...(t.resources?.outputs ?? []).map((o) => o.resource ?? ''),
    ...(t.conditions ?? []).flatMap((c) => (c.resources ?? []).map((r) => r.resource ?? '')),
  ]);
  const provided = (spec.resources ?? []).map((r) => r.name ?? '');
  const problem = sameNames(required, provided);
  return problem === undefined ? ok : E.left(invalid(object, `${at}.resources`, `invalid value: Pipeline declared resources didn't match usage in Tasks: ${problem}`));
}

function validateFrom(tasks: readonly PipelineTask[], object: string, at: string): Check {
  const outputs = new Map(tasks.map((t) => [t.name ?? '', t.resources?.outputs ?? []]));
  for (const [ti, t] of tasks.entries()) {
    for (const [ii, input] of (t.resources?.inputs ?? []).entries()) {
      for (const [fi, from] of (input.from ?? []).entries()) {
        const field = `${at}.tasks[${ti}].resources.inputs[${ii}].from[${fi}]`;
        const outs = outputs.get(from);
        const resource = input.resource ?? '';
        if (outs === undefined) return E.left(invalid(object, field, `invalid value: expected resource ${resource} to be from task ${from}, but task ${from} doesn't exist`));
        if (!outs.some((o) => (o.resource ?? '') === resource)) {
          return E.left(invalid(object, field, `invalid value: the resource ${resource} from ${from} must be an output but is an input`));
        }
      }
    }
  }
  return ok;
}

function validateParamDeclarations(spec: PipelineSpec, object: string, at: string): Check {
  for (const [i, p] of (spec.params ?? []).entries()) {
    const type = p.type ?? '';
    if (type !== 'string' && type !== 'array') return E.left(invalid(object, `${at}.params[${i}].type`, `invalid value: ${type} (string or array)`));
    if (p.default !== undefined) {
      const dt = typeof p.default === 'string' ? 'string' : 'array';
      if (dt !== type) return E.left(invalid(object, `${at}.params[${i}].default`, `"${type}" type does not match default value's type: "${dt}"`));
    }
  }
  return ok;
}

/** `$(params.x)` in a task's param values: declared, an array only as a whole array item. */
function validateParamVariables(spec: PipelineSpec, object: string, at: string): Check {
  const declared = new Set((spec.params ?? []).map((p) => p.name ?? ''));
  const arrays = new Set((spec.params ?? []).filter((p) => p.type === 'array').map((p) => p.name ?? ''));
  for (const [ti, t] of (spec.tasks ?? []).entries()) {
    for (const [pi, p] of (t.params ?? []).entries()) {
      const field = `${at}.tasks[${ti}].params[${pi}].value`;
      const name = p.name ?? '';
      const values = typeof p.value === 'string' ? [p.value] : p.value ?? [];
      for (const [vi, value] of values.entries()) {
        const here = typeof p.value === 'string' ? field : `${field}[${vi}]`;
        const { names, first: whole } = pipelineVariables(value);
        const unknown = names.find((n) => !declared.has(n));
        if (unknown !== undefined) return E.left(invalid(object, here, `non-existent variable in "${value}" for task parameter ${name}: no Pipeline param "${unknown}" is declared`));
        if (typeof p.value === 'string') {
          if (names.some((n) => arrays.has(n))) return E.left(invalid(object, here, `variable type invalid in "${value}" for task parameter ${name}: an array param can only be a whole item of an array value`));
        } else if (names.some((n) => arrays.has(n)) && value.length !== whole.length) {
          return E.left(invalid(object, here, `variable is not properly isolated in "${value}" for task parameter ${name}: an array param must be the whole item`));
        }
      }
    }
  }
  return ok;
}

/**
 * Every param given a value: Go read a param without `value` as an
 * ArrayOrString of no type, which it then failed to encode, so the webhook
 * refused the object.
 */
function validateParamValues(params: readonly Param[], object: string, at: string): Check {
  const i = params.findIndex((p) => p.value === undefined);
  if (i < 0) return ok;
  return E.left(
    invalid(
      object,
      `${at}[${i}].value`,
      `missing: param "${params[i]!.name ?? ''}" needs a value, a string or an array of strings (Tekton's webhook failed: json: error calling MarshalJSON for type v1alpha1.ArrayOrString: impossible ArrayOrString.Type: "")`,
    ),
  );
}

function validateAllParamValues(spec: PipelineSpec, object: string, at: string): Check {
  for (const [ti, t] of (spec.tasks ?? []).entries()) {
    const r = validateParamValues(t.params ?? [], object, `${at}.tasks[${ti}].params`);
    if (E.isLeft(r)) return r;
    for (const [ci, c] of (t.conditions ?? []).entries()) {
      const rc = validateParamValues(c.params ?? [], object, `${at}.tasks[${ti}].conditions[${ci}].params`);
      if (E.isLeft(rc)) return rc;
    }
  }
  return ok;
}

function isEmptySpec(spec: PipelineSpec): boolean {
  // Go's semantic equality: an empty list is the same as none.
  return (spec.resources ?? []).length === 0 && (spec.tasks ?? []).length === 0 && (spec.params ?? []).length === 0;
}

/**
 * A PipelineSpec as the webhook checked it; `at` is its path in the object
 * (`spec`, or `spec.pipelineSpec` for one embedded in a PipelineRun).
 *
 * @example
 * ```ts
 * validatePipelineSpec({ tasks: [{ name: 'a', taskRef: { name: 't' }, runAfter: ['b'] }] }, 'Pipeline default/p', 'spec');
 * // Left: a runAfter naming no task
 * ```
 *
 * @public
 */
export function validatePipelineSpec(spec: PipelineSpec, object: string, at: string): Check {
  const tasks = spec.tasks ?? [];
  return first(
    () => validateAllParamValues(spec, object, at),
    () => (isEmptySpec(spec) ? E.left(invalid(object, at, 'missing field(s)')) : ok),
    () => {
      const names = new Set<string>();
      for (const [i, t] of tasks.entries()) {
        const name = t.name ?? '';
        const bad = qualifiedNameProblems(name);
        if (bad.length > 0) return E.left(invalid(object, `${at}.tasks[${i}].name`, `invalid value: ${bad.join(',')}`));
        const ref = qualifiedNameProblems(t.taskRef?.name ?? '');
        if (ref.length > 0) return E.left(invalid(object, `${at}.tasks[${i}].taskRef.name`, `invalid value: ${ref.join(',')}`));
        if (names.has(name)) return E.left(invalid(object, `${at}.tasks[${i}].name`, `expected exactly one, got both: task "${name}" is declared twice`));
        names.add(name);
      }
      return ok;
    },
    () => validateDeclaredResources(spec, object, at),
    () => validateFrom(tasks, object, at),
    () => {
      const graph = buildGraph(tasks);
      return E.isLeft(graph) ? E.left(invalid(object, `${at}.tasks`, `invalid value: ${graph.left}`)) : ok;
    },
    () => validateParamDeclarations(spec, object, at),
    () => validateParamVariables(spec, object, at),
  );
}

/**
 * A Pipeline as the webhook checked it (after {@link defaultPipelineSpec}).
 *
 * @example
 * ```ts
 * validatePipeline({ metadata: { name: 'ci.v1' }, spec: { tasks: [] } }, 'Pipeline default/ci.v1'); // Left: no '.' in names
 * ```
 *
 * @public
 */
export function validatePipeline(p: Pipeline, object: string): Check {
  return first(
    () => validateObjectName(object, p.metadata?.name),
    () => validatePipelineSpec(p.spec ?? {}, object, 'spec'),
  );
}

/**
 * A PipelineRun as the webhook checked it (after {@link defaultPipelineRun}):
 * its name, exactly one of `pipelineRef.name` and `pipelineSpec`, an
 * embedded spec's rules, a readable timeout of zero or more.
 *
 * @example
 * ```ts
 * validatePipelineRun({ metadata: { name: 'r' }, spec: { serviceAccountName: 'sa' } }, 'PipelineRun default/r');
 * // Left: spec.pipelineRef.name: missing field(s)
 * ```
 *
 * @public
 */
export function validatePipelineRun(pr: PipelineRun, object: string): Check {
  const spec = pr.spec ?? {};
  const hasRef = (spec.pipelineRef?.name ?? '') !== '';
  const timeout = spec.timeout === undefined ? undefined : parseGoDuration(spec.timeout);
  return first(
    () => (timeout !== undefined && E.isLeft(timeout) ? E.left(invalid(object, 'spec.timeout', timeout.left)) : ok),
    () => validateParamValues(spec.params ?? [], object, 'spec.params'),
    () => (spec.pipelineSpec !== undefined ? validateAllParamValues(spec.pipelineSpec, object, 'spec.pipelineSpec') : ok),
    () => validateObjectName(object, pr.metadata?.name),
    () => (pr.spec === undefined || Object.keys(pr.spec).length === 0 ? E.left(invalid(object, 'spec', 'missing field(s)')) : ok),
    () => (hasRef && spec.pipelineSpec !== undefined ? E.left(invalid(object, 'spec', 'must not set both spec.pipelineRef and spec.pipelineSpec')) : ok),
    () => (!hasRef && spec.pipelineSpec === undefined ? E.left(invalid(object, 'spec.pipelineRef.name', 'missing field(s): one of spec.pipelineRef.name and spec.pipelineSpec')) : ok),
    () => (spec.pipelineSpec !== undefined ? validatePipelineSpec(spec.pipelineSpec, object, 'spec.pipelineSpec') : ok),
    () =>
      timeout !== undefined && E.isRight(timeout) && timeout.right < 0n
        ? E.left(invalid(object, 'spec.timeout', `invalid value: ${formatGoDuration(timeout.right)} should be >= 0`))
        : ok,
  );
}

/**
 * A Condition as the webhook checked it: its name and a check image. (Its
 * check for an empty spec compared a pointer with a value and never fired.)
 *
 * @example
 * ```ts
 * validateCondition({ metadata: { name: 'c' }, spec: { check: { command: ['true'] } } }, 'Condition default/c');
 * // Left: spec.check.image: missing field(s)
 * ```
 *
 * @public
 */
export function validateCondition(c: Condition, object: string): Check {
  const spec = c.spec ?? {};
  return first(
    () => validateObjectName(object, c.metadata?.name),
    () => ((spec.check?.image ?? '') === '' ? E.left(invalid(object, 'spec.check.image', 'missing field(s)')) : ok),
  );
}
