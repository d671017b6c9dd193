/**
 * What the PipelineRun reconciler looked up and checked before creating
 * anything (`reconcile` in pkg/reconciler/pipelinerun/pipelinerun.go and
 * resources/pipelinerunresolution.go at 6c132b937e), in its order: the
 * Pipeline (by reference or embedded), label and annotation propagation, the
 * graph, the resource bindings and the PipelineResources they name, param
 * types, param substitution, each pipeline task's Task (or ClusterTask),
 * resources and Conditions, `from`, and each task's params and resources
 * against its Task. Any failure is the PipelineRun's failure: nothing is
 * created.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { defaultTaskSpec } from '../admission/defaults';
import { defaultPipelineSpec, goList, sameNames, validateCondition, validatePipeline } from '../admission/pipeline';
import { validateParams, validateResourceSpec, validateTaskSpec, validateObjectName } from '../admission/validate';
import { invalid, objectLabel, TaskpodError, unresolved } from '../errors';
import { InputObjects, namespaceOf } from '../input/objects';
import type { Condition, PipelineRun, PipelineSpec, PipelineTask, PipelineTaskCondition } from '../model/pipeline';
import { defineField } from '../model/struct';
import type { PipelineResource, Task, TaskResource, TaskSpec } from '../model/tekton';
import type { TaskpodWarning } from '../warnings';
import { buildGraph, PipelineGraph } from './dag';
import { applyPipelineParameters, validateParamTypesMatching } from './params';

/**
 * The label Tekton put on a PipelineRun (and its TaskRuns and Pods) naming the Pipeline.
 *
 * @example
 * ```ts
 * run.labels[PIPELINE_LABEL]; // 'build-and-deploy'
 * ```
 *
 * @public
 */
export const PIPELINE_LABEL = 'tekton.dev/pipeline';

/**
 * The one PipelineRun of a render, admitted (defaulted and validated).
 *
 * @public
 */
export interface AdmittedPipelineRun {
  /** The PipelineRun as the webhook stored it. */
  readonly pipelineRun: PipelineRun;
  readonly name: string;
  readonly namespace: string;
  /** `PipelineRun namespace/name`, for messages. */
  readonly object: string;
}

/**
 * A PipelineResource a PipelineRun binds: found by reference (a stored
 * object) or made from an inline `resourceSpec` (named after the binding).
 *
 * @public
 */
export interface BoundResource {
  readonly resource: PipelineResource;
  /** Bound by `resourceRef`: Tekton passed it on by name; otherwise by its spec. */
  readonly byRef: boolean;
}

/**
 * One resource binding of a pipeline task (or of a condition of one): the
 * Task's (or Condition's) name for it, the Pipeline's declared resource and
 * the PipelineResource bound to that.
 *
 * @public
 */
export interface PipelineTaskBinding {
  readonly name: string;
  /** The Pipeline's declared resource (`resource:` in the Pipeline). */
  readonly declared: string;
  readonly bound: BoundResource;
  /** For an input: the tasks named in its `from`, in order. */
  readonly from: readonly string[];
}

/**
 * A condition of a pipeline task with its Condition and resources.
 *
 * @public
 */
export interface ResolvedCondition {
  /** Its place in the pipeline task's `conditions`. */
  readonly index: number;
  /** The pipeline task's condition entry, params substituted. */
  readonly guard: PipelineTaskCondition;
  readonly condition: Condition;
  readonly resources: readonly PipelineTaskBinding[];
}

/**
 * A pipeline task with everything its TaskRun is made from.
 *
 * @public
 */
export interface ResolvedPipelineTask {
  /** The pipeline task, params substituted. */
  readonly task: PipelineTask;
  /** Its place in the Pipeline's `tasks`. */
  readonly index: number;
  /** The Task's (or ClusterTask's) name. */
  readonly taskName: string;
  /** `taskRef.kind` as the stored Pipeline had it: '' (Task), `Task` or `ClusterTask`. */
  readonly taskKind: string;
  /** The Task's spec, as the webhook stored it. */
  readonly taskSpec: TaskSpec;
  /** Inputs and outputs, one per name, in the order the pipeline task names them first. */
  readonly inputs: readonly PipelineTaskBinding[];
  readonly outputs: readonly PipelineTaskBinding[];
  readonly conditions: readonly ResolvedCondition[];
}

/**
 * A PipelineRun with its Pipeline, resources and tasks resolved and checked.
 *
 * @public
 */
export interface ResolvedPipelineRun extends AdmittedPipelineRun {
  /** The Pipeline's name (the PipelineRun's own for an embedded spec). */
  readonly pipelineName: string;
  /** Who wrote the spec: `Pipeline namespace/name`, or the PipelineRun for an embedded one. */
  readonly specObject: string;
  /** Where: `spec`, or `spec.pipelineSpec`. */
  readonly specPath: string;
  /** The PipelineRun's labels after the reconciler added the Pipeline's and `tekton.dev/pipeline`. */
  readonly labels: Readonly<Record<string, string>>;
  /** The PipelineRun's annotations after the reconciler added the Pipeline's. */
  readonly annotations: Readonly<Record<string, string>>;
  /** The Pipeline's spec as stored, with the PipelineRun's params substituted into task and condition params. */
  readonly spec: PipelineSpec;
  readonly graph: PipelineGraph;
  /** Each binding of the PipelineRun, by its name. */
  readonly resources: ReadonlyMap<string, BoundResource>;
  /** The pipeline tasks, in declaration order. */
  readonly tasks: readonly ResolvedPipelineTask[];
  /** What Tekton let through but was probably a mistake. */
  readonly warnings: readonly TaskpodWarning[];
}

type Result<A> = E.Either<TaskpodError, A>;

function merged(...maps: (Readonly<Record<string, string>> | undefined)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of maps) for (const k of Object.keys(m ?? {})) defineField(out, k, m![k]!);
  return out;
}

interface PipelineData {
  readonly name: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly spec: PipelineSpec;
  readonly specObject: string;
  readonly specPath: string;
}

/** GetPipelineData: the referenced Pipeline (admitted as the webhook admitted it), or the embedded spec. */
function pipelineData(objects: InputObjects, run: AdmittedPipelineRun): Result<PipelineData> {
  const spec = run.pipelineRun.spec ?? {};
  const ref = spec.pipelineRef?.name ?? '';
  if (ref === '') {
    const meta = run.pipelineRun.metadata ?? {};
    return E.right({ name: run.name, labels: meta.labels, annotations: meta.annotations, spec: spec.pipelineSpec ?? {}, specObject: run.object, specPath: 'spec.pipelineSpec' });
  }
  const found = objects.pipelines.find((p) => p.metadata?.name === ref && namespaceOf(p) === run.namespace);
  if (found === undefined) return E.left(unresolved(run.object, 'spec.pipelineRef.name', `Pipeline "${ref}" not found in namespace "${run.namespace}"`));
  const object = objectLabel('Pipeline', run.namespace, ref);
  const stored = { ...found, spec: defaultPipelineSpec(found.spec ?? {}) };
  const valid = validatePipeline(stored, object);
  if (E.isLeft(valid)) return valid;
  return E.right({ name: ref, labels: found.metadata?.labels, annotations: found.metadata?.annotations, spec: stored.spec, specObject: object, specPath: 'spec' });
}

/** GetResourcesFromBindings: every binding of the PipelineRun, by reference or spec. */
function boundResources(objects: InputObjects, run: AdmittedPipelineRun): Result<ReadonlyMap<string, BoundResource>> {
  const out = new Map<string, BoundResource>();
  for (const [i, b] of (run.pipelineRun.spec?.resources ?? []).entries()) {
    const field = `spec.resources[${i}]`;
    const ref = b.resourceRef?.name ?? '';
    if (ref !== '' && b.resourceSpec !== undefined) return E.left(invalid(run.object, field, 'must not set both resourceRef and resourceSpec'));
    if (ref !== '') {
      const found = objects.pipelineResources.find((r) => r.metadata?.name === ref && namespaceOf(r) === run.namespace);
      if (found === undefined) return E.left(unresolved(run.object, `${field}.resourceRef.name`, `PipelineResource "${ref}" not found in namespace "${run.namespace}"`));
      const object = objectLabel('PipelineResource', run.namespace, ref);
      // A stored PipelineResource passed the webhook.
      const stored = E.chain(() => validateResourceSpec(found.spec ?? {}, object, 'spec'))(validateObjectName(object, found.metadata?.name));
      if (E.isLeft(stored)) return stored;
      out.set(b.name ?? '', { resource: found, byRef: true });
    } else if (b.resourceSpec !== undefined) {
      out.set(b.name ?? '', { resource: { metadata: { name: b.name ?? '' }, spec: b.resourceSpec }, byRef: false });
    } else {
      return E.left(invalid(run.object, field, 'missing field(s): resourceRef or resourceSpec'));
    }
  }
  return E.right(out);
}

/** The stored Task (or ClusterTask) a pipeline task references, admitted as the webhook admitted it. */
function findTask(objects: InputObjects, run: ResolvedBase, pt: PipelineTask, at: string): Result<{ readonly task: Task; readonly spec: TaskSpec }> {
  const name = pt.taskRef?.name ?? '';
  const cluster = pt.taskRef?.kind === 'ClusterTask';
  const task = cluster ? objects.clusterTasks.find((t) => t.metadata?.name === name) : objects.tasks.find((t) => t.metadata?.name === name && namespaceOf(t) === run.namespace);
  if (task === undefined) {
    const where = cluster ? 'the cluster' : `namespace "${run.namespace}"`;
    return E.left(unresolved(run.specObject, `${at}.taskRef.name`, `${cluster ? 'ClusterTask' : 'Task'} "${name}" not found in ${where}`));
  }
  const object = cluster ? objectLabel('ClusterTask', undefined, name) : objectLabel('Task', run.namespace, name);
  const spec = defaultTaskSpec(task.spec ?? {});
  const valid = E.chain(() => validateTaskSpec(spec, object, 'spec'))(validateObjectName(object, task.metadata?.name));
  return E.map(() => ({ task, spec }))(valid);
}

/**
 * One binding per name, where the pipeline task first names it, bound as
 * its last entry of that name says (Tekton kept them in a map), with the
 * `from` of every entry of that name.
 */
function taskBindings(
  entries: readonly { readonly name?: string; readonly resource?: string; readonly from?: readonly string[] }[],
  resources: ReadonlyMap<string, BoundResource>,
  object: string,
  at: string,
  direction: 'input' | 'output',
): Result<readonly PipelineTaskBinding[]> {
  const order: string[] = [];
  const byName = new Map<string, PipelineTaskBinding>();
  for (const [i, e] of entries.entries()) {
    const name = e.name ?? '';
    const declared = e.resource ?? '';
    const bound = resources.get(declared);
    if (bound === undefined) {
      return E.left(invalid(object, `${at}[${i}].resource`, `pipelineTask tried to use ${direction} resource ${declared} not present in declared resources`));
    }
    const before = byName.get(name);
    if (before === undefined) order.push(name);
    byName.set(name, { name, declared, bound, from: [...(before?.from ?? []), ...(e.from ?? [])] });
  }
  return E.right(order.map((n) => byName.get(n)!));
}

interface ResolvedBase extends AdmittedPipelineRun {
  readonly specObject: string;
}

/** The Conditions of a pipeline task, with the resources each check reads. */
function resolveConditions(
  objects: InputObjects,
  run: ResolvedBase,
  pt: PipelineTask,
  resources: ReadonlyMap<string, BoundResource>,
  at: string,
): Result<readonly ResolvedCondition[]> {
  const out: ResolvedCondition[] = [];
  for (const [ci, guard] of (pt.conditions ?? []).entries()) {
    const here = `${at}.conditions[${ci}]`;
    const name = guard.conditionRef ?? '';
    const condition = objects.conditions.find((c) => c.metadata?.name === name && namespaceOf(c) === run.namespace);
    if (condition === undefined) return E.left(unresolved(run.specObject, `${here}.conditionRef`, `Condition "${name}" not found in namespace "${run.namespace}"`));
    const valid = validateCondition(condition, objectLabel('Condition', run.namespace, name));
    if (E.isLeft(valid)) return valid;
    const bindings: PipelineTaskBinding[] = [];
    for (const [ri, r] of (guard.resources ?? []).entries()) {
      const bound = resources.get(r.resource ?? '');
      if (bound === undefined) {
        return E.left(invalid(run.specObject, `${here}.resources[${ri}].resource`, `resources ${r.resource ?? ''} missing for condition ${name} in pipeline task ${pt.name ?? ''}`));
      }
      bindings.push({ name: r.name ?? '', declared: r.resource ?? '', bound, from: [] });
    }
    // One binding per name, the last entry of a name winning (a map in Tekton).
    const unique = [...new Map(bindings.map((b) => [b.name, b])).keys()].map((n) => bindings.filter((b) => b.name === n).pop()!);
    out.push({ index: ci, guard, condition, resources: unique });
  }
  return E.right(out);
}

/** ValidateFrom: every `from` names another task, whose outputs include the same PipelineResource. */
function validateFrom(tasks: readonly ResolvedPipelineTask[], object: string, at: string): Result<void> {
  for (const t of tasks) {
    const name = t.task.name ?? '';
    for (const input of t.inputs) {
      for (const from of input.from) {
        const field = `${at}.tasks[${t.index}].resources.inputs`;
        if (from === name) return E.left(invalid(object, field, `PipelineTask ${from} is trying to depend on a PipelineResource from itself`));
        const producer = tasks.find((p) => p.task.name === from);
        if (producer === undefined) return E.left(invalid(object, field, `pipelineTask ${name} is trying to depend on previous Task "${from}" but it does not exist`));
        const resourceName = input.bound.resource.metadata?.name ?? '';
        if (!producer.outputs.some((o) => (o.bound.resource.metadata?.name ?? '') === resourceName)) {
          return E.left(
            invalid(object, field, `from is ambiguous: input "${input.name}" for PipelineTask "${name}" is bound to "${resourceName}" but no outputs in PipelineTask "${from}" are bound to same resource`),
          );
        }
      }
    }
  }
  return E.right(undefined);
}

/** ValidateResolvedTaskResources: a pipeline task's params and resources against its Task. */
function validateTaskResources(t: ResolvedPipelineTask, object: string, at: string): Result<void> {
  const field = `${at}.tasks[${t.index}]`;
  const params = validateParams(t.taskSpec, t.task.params ?? [], object);
  if (E.isLeft(params)) return E.left(invalid(object, `${field}.params`, `invalid input params: ${params.left.message}`));
  const check = (declared: readonly TaskResource[], bound: readonly PipelineTaskBinding[], which: 'input' | 'output'): Result<void> => {
    const problem = sameNames(
      declared.map((d) => d.name ?? ''),
      bound.map((b) => b.name),
    );
    const here = `${field}.resources.${which}s`;
    if (problem !== undefined) return E.left(invalid(object, here, `invalid ${which} resources: TaskRun's declared resources didn't match usage in Task: ${problem}`));
    for (const d of declared) {
      const b = bound.find((x) => x.name === (d.name ?? ''))!;
      const type = b.bound.resource.spec?.type ?? '';
      if ((d.type ?? '') !== type) return E.left(invalid(object, here, `invalid ${which} resources: resource "${d.name ?? ''}" should be type "${type}" but was "${d.type ?? ''}"`));
    }
    return E.right(undefined);
  };
  return E.chain(() => check(t.taskSpec.outputs?.resources ?? [], t.outputs, 'output'))(check(t.taskSpec.inputs?.resources ?? [], t.inputs, 'input'));
}

/** What went through but was probably a mistake: params without a value, undeclared params, resource types that differ. */
function resolutionWarnings(run: ResolvedBase, data: PipelineData, resources: ReadonlyMap<string, BoundResource>): TaskpodWarning[] {
  const out: TaskpodWarning[] = [];
  const given = run.pipelineRun.spec?.params ?? [];
  for (const [i, p] of (data.spec.params ?? []).entries()) {
    if (p.default === undefined && !given.some((g) => g.name === p.name)) {
      out.push({
        object: run.object,
        field: 'spec.params',
        message: `no value for param "${p.name ?? ''}" of ${data.specObject} (${data.specPath}.params[${i}] has no default): Tekton ran the Pipeline with "$(params.${p.name ?? ''})" left as literal text in the task params that use it`,
      });
    }
  }
  for (const [i, g] of given.entries()) {
    if (!(data.spec.params ?? []).some((p) => p.name === g.name)) {
      out.push({ object: run.object, field: `spec.params[${i}].name`, message: `${data.specObject} declares no param "${g.name ?? ''}": Tekton ignored it` });
    }
  }
  for (const [i, d] of (data.spec.resources ?? []).entries()) {
    const bound = resources.get(d.name ?? '');
    const type = bound?.resource.spec?.type ?? '';
    if (bound !== undefined && (d.type ?? '') !== type) {
      const binding = (run.pipelineRun.spec?.resources ?? []).findIndex((b) => b.name === d.name);
      out.push({
        object: data.specObject,
        field: `${data.specPath}.resources[${i}].type`,
        message: `declared as type "${d.type ?? ''}", but ${run.object} binds a resource of type "${type}" to it (spec.resources[${binding}]); Tekton did not compare the two`,
      });
    }
  }
  return out;
}

/**
 * Resolves and checks a PipelineRun as the reconciler did before it created
 * anything. The first failure is returned, naming the object where the user
 * can fix it.
 *
 * @example
 * ```ts
 * const resolved = E.chain((r: AdmittedPipelineRun) => resolvePipelineRun(objects, r))(admitted);
 * ```
 *
 * @public
 */
export function resolvePipelineRun(objects: InputObjects, run: AdmittedPipelineRun): E.Either<TaskpodError, ResolvedPipelineRun> {
  const data = pipelineData(objects, run);
  if (E.isLeft(data)) return data;
  const { spec: stored, specObject, specPath } = data.right;
  const labels = merged(run.pipelineRun.metadata?.labels, data.right.labels, { [PIPELINE_LABEL]: data.right.name });
  const annotations = merged(run.pipelineRun.metadata?.annotations, data.right.annotations);
  const base: ResolvedBase = { ...run, specObject };

  const graph = buildGraph(stored.tasks ?? []);
  if (E.isLeft(graph)) return E.left(invalid(specObject, `${specPath}.tasks`, `invalid value: ${graph.left}`));
  const bindingProblem = sameNames(
    (stored.resources ?? []).map((r) => r.name ?? ''),
    (run.pipelineRun.spec?.resources ?? []).map((r) => r.name ?? ''),
  );
  if (bindingProblem !== undefined) {
    return E.left(invalid(run.object, 'spec.resources', `PipelineRun bound resources didn't match ${specObject === run.object ? 'its pipelineSpec' : specObject}: ${bindingProblem}`));
  }
  const resources = boundResources(objects, run);
  if (E.isLeft(resources)) return resources;
  const types = validateParamTypesMatching(stored, run.pipelineRun.spec?.params ?? []);
  if (types.length > 0) {
    return E.left(invalid(run.object, 'spec.params', `parameters have inconsistent types with ${specObject === run.object ? 'its pipelineSpec' : specObject}'s parameters: ${goList(types)}`));
  }
  const spec = applyPipelineParameters(stored, run.pipelineRun.spec?.params ?? []);

  const tasks: ResolvedPipelineTask[] = [];
  for (const [index, task] of (spec.tasks ?? []).entries()) {
    const at = `${specPath}.tasks[${index}]`;
    const found = findTask(objects, base, task, at);
    if (E.isLeft(found)) return found;
    const inputs = taskBindings(task.resources?.inputs ?? [], resources.right, specObject, `${at}.resources.inputs`, 'input');
    if (E.isLeft(inputs)) return inputs;
    const outputs = taskBindings(task.resources?.outputs ?? [], resources.right, specObject, `${at}.resources.outputs`, 'output');
    if (E.isLeft(outputs)) return outputs;
    const conditions = resolveConditions(objects, base, task, resources.right, at);
    if (E.isLeft(conditions)) return conditions;
    tasks.push({
      task,
      index,
      taskName: found.right.task.metadata?.name ?? '',
      taskKind: task.taskRef?.kind ?? '',
      taskSpec: found.right.spec,
      inputs: inputs.right,
      outputs: outputs.right,
      conditions: conditions.right,
    });
  }
  const from = validateFrom(tasks, specObject, specPath);
  if (E.isLeft(from)) return from;
  for (const t of tasks) {
    const checked = validateTaskResources(t, specObject, specPath);
    if (E.isLeft(checked)) return checked;
  }
  return E.right({
    ...run,
    pipelineName: data.right.name,
    specObject,
    specPath,
    labels,
    annotations,
    spec,
    graph: graph.right,
    resources: resources.right,
    tasks,
    warnings: resolutionWarnings(base, data.right, resources.right),
  });
}
