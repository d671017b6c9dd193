/**
 * What the reconciler looked up before building the Pod: the TaskRun's name
 * and namespace, its Task (taskRef to a Task in its namespace or a
 * ClusterTask, or the embedded taskSpec), the labels and annotations it
 * propagated from the Task, the bound PipelineResources and the
 * ServiceAccount with its Secrets.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { invalidInput, objectLabel, TaskpodError, unresolved } from './errors';
import type { ConfigMap, Secret, ServiceAccount } from './model/core';
import { defineField, withField } from './model/struct';
import type { PipelineResource, Task, TaskResourceBinding, TaskRun, TaskSpec } from './model/tekton';
import { InputObjects, namespaceOf } from './input/objects';
import { generatedName } from './names';
import { stableJson } from './util';

/** The label naming the Task of a TaskRun created from a taskRef. */
export const TASK_LABEL = 'tekton.dev/task';

/**
 * A TaskRun with everything it refers to.
 *
 * @example
 * ```ts
 * const run = pipe(theTaskRun(objects), E.chain((r) => resolveRun(objects, r)));
 * if (E.isRight(run)) run.right.taskSpec.steps?.length;
 * ```
 *
 * @public
 */
export interface ResolvedRun {
  readonly taskRun: TaskRun;
  readonly name: string;
  readonly namespace: string;
  /** `TaskRun namespace/name`, for errors. */
  readonly object: string;
  readonly taskName: string;
  readonly taskKind: 'Task' | 'ClusterTask';
  /** The Task (or ClusterTask) object, when referenced (not embedded). */
  readonly task?: Task;
  /** Label of the object holding the TaskSpec, and the spec's path inside it. */
  readonly specObject: string;
  readonly specPath: string;
  readonly taskSpec: TaskSpec;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly inputs: ReadonlyMap<string, PipelineResource>;
  readonly outputs: ReadonlyMap<string, PipelineResource>;
  /** The TaskRun's service account name ('' when unset). */
  readonly serviceAccountName: string;
  readonly serviceAccount: ServiceAccount;
  readonly findSecret: (name: string) => Secret | undefined;
  readonly findConfigMap: (namespace: string, name: string) => ConfigMap | undefined;
}

/**
 * The one TaskRun of the input, named (a `generateName` gets its five
 * characters, derived from the TaskRun's content) and namespaced.
 *
 * @example
 * ```ts
 * theTaskRun({ ...EMPTY_OBJECTS, taskRuns: [{ metadata: { generateName: 'build-' } }] });
 * // Right({ taskRun, name: 'build-<5 chars>', namespace: 'default' })
 * ```
 *
 * @public
 */
export function theTaskRun(objects: InputObjects): E.Either<TaskpodError, { readonly taskRun: TaskRun; readonly name: string; readonly namespace: string }> {
  if (objects.taskRuns.length === 0) return E.left(invalidInput('input', '', 'no TaskRun found: the input must hold exactly one TaskRun'));
  if (objects.taskRuns.length > 1) {
    const names = objects.taskRuns.map((t) => t.metadata?.name ?? t.metadata?.generateName ?? '?').join(', ');
    return E.left(invalidInput('input', '', `${objects.taskRuns.length} TaskRuns found (${names}): the input must hold exactly one`));
  }
  const taskRun = objects.taskRuns[0]!;
  const namespace = namespaceOf(taskRun);
  const given = taskRun.metadata?.name ?? '';
  const prefix = taskRun.metadata?.generateName ?? '';
  if (given === '' && prefix === '') return E.left(invalidInput(objectLabel('TaskRun', namespace, ''), 'metadata.name', 'missing: a TaskRun needs a name or a generateName'));
  const name = given !== '' ? given : generatedName(prefix, stableJson(taskRun));
  return E.right({
    taskRun: { ...taskRun, metadata: withField(withField(taskRun.metadata ?? {}, 'name', name), 'namespace', namespace) },
    name,
    namespace,
  });
}

function copyInto(out: Record<string, string>, src: Readonly<Record<string, string>> | undefined): void {
  if (src === undefined) return;
  const keys = Object.keys(src);
  for (let i = 0; i < keys.length; i++) defineField(out, keys[i]!, src[keys[i]!]);
}

function merged(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  copyInto(out, a);
  copyInto(out, b);
  return out;
}

function findResource(resources: readonly PipelineResource[], name: string, namespace: string): PipelineResource | undefined {
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i]!;
    if (r.metadata?.name === name && namespaceOf(r) === namespace) return r;
  }
  return undefined;
}

function resolveBindings(
  bindings: readonly TaskResourceBinding[],
  objects: InputObjects,
  namespace: string,
  object: string,
  at: string,
): E.Either<TaskpodError, ReadonlyMap<string, PipelineResource>> {
  const out = new Map<string, PipelineResource>();
  for (let i = 0; i < bindings.length; i++) {
    const b = bindings[i]!;
    const ref = b.resourceRef?.name ?? '';
    if (ref !== '') {
      const found = findResource(objects.pipelineResources, ref, namespace);
      if (found === undefined) {
        return E.left(unresolved(object, `${at}[${i}].resourceRef.name`, `PipelineResource "${ref}" not found in namespace "${namespace}"`));
      }
      out.set(b.name ?? '', found);
    } else if (b.resourceSpec !== undefined) {
      out.set(b.name ?? '', { metadata: { name: b.name ?? '' }, spec: b.resourceSpec });
    }
  }
  return E.right(out);
}

/**
 * Resolves the TaskRun's Task, resources and ServiceAccount against the
 * input objects.
 *
 * @example
 * ```ts
 * const resolved = pipe(theTaskRun(objects), E.chain((r) => resolveRun(objects, r)));
 * // Right({ taskSpec, labels, serviceAccount, ... }) or Left(Unresolved 'Task "x" not found')
 * ```
 *
 * @public
 */
export function resolveRun(
  objects: InputObjects,
  run: { readonly taskRun: TaskRun; readonly name: string; readonly namespace: string },
): E.Either<TaskpodError, ResolvedRun> {
  const { taskRun, name, namespace } = run;
  const object = objectLabel('TaskRun', namespace, name);
  const spec = taskRun.spec ?? {};
  const ref = spec.taskRef;
  let task: Task | undefined;
  let taskKind: 'Task' | 'ClusterTask' = 'Task';
  let taskSpec: TaskSpec;
  let taskName: string;
  let specObject: string;
  let specPath: string;
  let taskLabels: Readonly<Record<string, string>> | undefined;
  let taskAnnotations: Readonly<Record<string, string>> | undefined;
  if (ref !== undefined && (ref.name ?? '') !== '') {
    taskName = ref.name ?? '';
    if (ref.kind === 'ClusterTask') {
      taskKind = 'ClusterTask';
      task = objects.clusterTasks.find((t) => t.metadata?.name === taskName);
    } else {
      task = objects.tasks.find((t) => t.metadata?.name === taskName && namespaceOf(t) === namespace);
    }
    if (task === undefined) {
      const where = taskKind === 'ClusterTask' ? 'the cluster' : `namespace "${namespace}"`;
      return E.left(unresolved(object, 'spec.taskRef.name', `${taskKind} "${taskName}" not found in ${where}`));
    }
    taskSpec = task.spec ?? {};
    specObject = taskKind === 'ClusterTask' ? objectLabel('ClusterTask', undefined, taskName) : objectLabel('Task', namespace, taskName);
    specPath = 'spec';
    taskLabels = task.metadata?.labels;
    taskAnnotations = task.metadata?.annotations;
  } else {
    taskSpec = spec.taskSpec ?? {};
    taskName = name;
    specObject = object;
    specPath = 'spec.taskSpec';
    taskLabels = taskRun.metadata?.labels;
    taskAnnotations = taskRun.metadata?.annotations;
  }
  const labels = merged(taskRun.metadata?.labels, taskLabels);
  if (task !== undefined) defineField(labels, TASK_LABEL, task.metadata?.name ?? taskName);
  const annotations = merged(taskRun.metadata?.annotations, taskAnnotations);

  const saName = spec.serviceAccountName !== undefined && spec.serviceAccountName !== '' ? spec.serviceAccountName : spec.serviceAccount ?? '';
  const lookupName = saName === '' ? 'default' : saName;
  const serviceAccount = objects.serviceAccounts.find((sa) => sa.metadata?.name === lookupName && namespaceOf(sa) === namespace);
  if (serviceAccount === undefined) {
    return E.left(unresolved(object, saName === '' ? 'spec.serviceAccountName' : 'spec.serviceAccountName', `ServiceAccount "${lookupName}" not found in namespace "${namespace}" (add it to the input)`));
  }
  const findSecret = (n: string) => objects.secrets.find((s) => s.metadata?.name === n && namespaceOf(s) === namespace);
  const findConfigMap = (ns: string, n: string) => objects.configMaps.find((c) => c.metadata?.name === n && namespaceOf(c) === ns);

  const inputs = resolveBindings(spec.inputs?.resources ?? [], objects, namespace, object, 'spec.inputs.resources');
  if (E.isLeft(inputs)) return inputs;
  const outputs = resolveBindings(spec.outputs?.resources ?? [], objects, namespace, object, 'spec.outputs.resources');
  if (E.isLeft(outputs)) return outputs;

  // `task` in its place when there is one, else no such key. Two literals
  // rather than a conditional spread, which costs some 0.2 to 2 us (the
  // more, the more kinds of input a process renders).
  const resolved: ResolvedRun =
    task !== undefined
      ? { taskRun, name, namespace, object, taskName, taskKind, task, specObject, specPath, taskSpec, labels, annotations, inputs: inputs.right, outputs: outputs.right, serviceAccountName: saName, serviceAccount, findSecret, findConfigMap }
      : { taskRun, name, namespace, object, taskName, taskKind, specObject, specPath, taskSpec, labels, annotations, inputs: inputs.right, outputs: outputs.right, serviceAccountName: saName, serviceAccount, findSecret, findConfigMap };
  return E.right(resolved);
}
