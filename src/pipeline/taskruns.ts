/**
 * The TaskRun the PipelineRun controller wrote for a pipeline task
 * (`createTaskRun`, `getTaskrunLabels`, `getTaskRunTimeout` in
 * pkg/reconciler/pipelinerun/pipelinerun.go and `WrapSteps` in
 * resources/input_output_steps.go at 6c132b937e): its name, labels,
 * annotations and owner, the Task it runs, params, ServiceAccount, timeout,
 * podTemplate, and the resource bindings whose `paths` make the copy steps
 * through the artifact storage.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { formatGoDuration, parseGoDuration } from '../admission/duration';
import type { ObjectMeta, OwnerReference } from '../model/core';
import type { PipelineRun } from '../model/pipeline';
import { defineField } from '../model/struct';
import type { TaskResourceBinding, TaskRun } from '../model/tekton';
import { withSuffix } from '../names';
import { joinPath } from '../resources/go';
import type { BoundResource, PipelineTaskBinding, ResolvedPipelineRun, ResolvedPipelineTask } from './resolve';

/**
 * The label naming the PipelineRun of a TaskRun (and of its Pod).
 *
 * @example
 * ```ts
 * pod.metadata.labels?.[PIPELINE_RUN_LABEL]; // 'ci-1'
 * ```
 *
 * @public
 */
export const PIPELINE_RUN_LABEL = 'tekton.dev/pipelineRun';
/**
 * The label naming the pipeline task of a TaskRun (and of its Pod).
 *
 * @example
 * ```ts
 * expansion.items.filter((i) => i.metadata.labels?.[PIPELINE_TASK_LABEL] === 'build');
 * ```
 *
 * @public
 */
export const PIPELINE_TASK_LABEL = 'tekton.dev/pipelineTask';
/**
 * The label naming a condition-check TaskRun (on it and its Pod).
 *
 * @example
 * ```ts
 * const isCheck = (tr: TaskRun) => tr.metadata?.labels?.[CONDITION_CHECK_LABEL] !== undefined;
 * ```
 *
 * @public
 */
export const CONDITION_CHECK_LABEL = 'tekton.dev/conditionCheck';

/**
 * The labels of a pipeline task's TaskRuns: the PipelineRun's (with the
 * Pipeline's and `tekton.dev/pipeline` added by the reconciler), then
 * `tekton.dev/pipelineRun` and `tekton.dev/pipelineTask`.
 *
 * @example
 * ```ts
 * taskRunLabels(run, 'build'); // { 'tekton.dev/pipeline': 'ci', 'tekton.dev/pipelineRun': 'ci-1', 'tekton.dev/pipelineTask': 'build' }
 * ```
 *
 * @public
 */
export function taskRunLabels(run: Pick<ResolvedPipelineRun, 'labels' | 'name'>, pipelineTask: string): Readonly<Record<string, string>> {
  const labels: Record<string, string> = {};
  for (const k of Object.keys(run.labels)) defineField(labels, k, run.labels[k]!);
  defineField(labels, PIPELINE_RUN_LABEL, run.name);
  if (pipelineTask !== '') defineField(labels, PIPELINE_TASK_LABEL, pipelineTask);
  return labels;
}

/**
 * The owner reference of everything a PipelineRun creates.
 *
 * @example
 * ```ts
 * pipelineRunOwnerReference(run); // { apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineRun', name: 'ci-1', uid: '', controller: true, blockOwnerDeletion: true }
 * ```
 *
 * @public
 */
export function pipelineRunOwnerReference(run: Pick<ResolvedPipelineRun, 'name' | 'pipelineRun'>): OwnerReference {
  return {
    apiVersion: 'tekton.dev/v1alpha1',
    kind: 'PipelineRun',
    name: run.name,
    uid: run.pipelineRun.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * The ServiceAccount of a pipeline task (GetServiceAccountName):
 * `serviceAccountName`, else the deprecated `serviceAccount`, overridden by
 * the last matching entry of the deprecated `serviceAccounts`, then by the
 * last matching entry of `serviceAccountNames`.
 *
 * @example
 * ```ts
 * serviceAccountFor({ spec: { serviceAccountName: 'sa', serviceAccountNames: [{ taskName: 'deploy', serviceAccountName: 'deployer' }] } }, 'deploy'); // 'deployer'
 * ```
 *
 * @public
 */
export function serviceAccountFor(pr: PipelineRun, pipelineTask: string): string {
  const spec = pr.spec ?? {};
  let name = (spec.serviceAccountName ?? '') !== '' ? spec.serviceAccountName! : spec.serviceAccount ?? '';
  for (const sa of spec.serviceAccounts ?? []) if (sa.taskName === pipelineTask) name = sa.serviceAccount ?? '';
  for (const sa of spec.serviceAccountNames ?? []) if (sa.taskName === pipelineTask) name = sa.serviceAccountName ?? '';
  return name;
}

/**
 * The timeout of every TaskRun of a PipelineRun: the PipelineRun's (a
 * defaulted PipelineRun always has one), `0s` for none. (Tekton shortened it
 * when the PipelineRun was already running out of time; here every TaskRun
 * is created at the start.)
 *
 * @example
 * ```ts
 * taskRunTimeout({ spec: { timeout: '90m' } }); // '1h30m0s'
 * ```
 *
 * @public
 */
export function taskRunTimeout(pr: PipelineRun): string {
  const parsed = parseGoDuration(pr.spec?.timeout ?? '1h');
  return formatGoDuration(E.isRight(parsed) ? parsed.right : 3_600_000_000_000n);
}

/** How a TaskRun names a PipelineResource: by reference when it was one, else by its spec. */
function bindingTo(name: string, bound: BoundResource, paths: readonly string[]): TaskResourceBinding {
  const r = bound.resource;
  const spec = r.spec ?? {};
  const resource: Pick<TaskResourceBinding, 'resourceRef' | 'resourceSpec'> = bound.byRef
    ? { resourceRef: { name: r.metadata?.name ?? '' } }
    : (spec.type ?? '') !== ''
      ? { resourceSpec: { type: spec.type, ...(spec.params !== undefined ? { params: spec.params } : {}), ...((spec.secrets ?? []).length > 0 ? { secrets: spec.secrets } : {}) } }
      : {};
  return { name, ...resource, ...(paths.length > 0 ? { paths } : {}) };
}

/**
 * Where the output a `from` reads was copied to: the producing task's output
 * bound to the same PipelineResource (DEVIATIONS.md item 11: Tekton used the
 * reading task's input name instead, a path nothing wrote when the two names
 * differ).
 */
function fromPath(run: ResolvedPipelineRun, basePath: string, input: PipelineTaskBinding, from: string): string {
  const producer = run.tasks.find((t) => t.task.name === from);
  const resourceName = input.bound.resource.metadata?.name ?? '';
  const output = producer?.outputs.find((o) => (o.bound.resource.metadata?.name ?? '') === resourceName);
  return joinPath(basePath, from, output?.name ?? input.name);
}

/**
 * The input and output bindings of a pipeline task's TaskRun, in the order
 * the pipeline task declares them (DEVIATIONS.md item 10): an input read
 * `from` other tasks carries the storage paths their outputs were copied
 * to; every output carries `<base>/<task>/<output>`.
 *
 * @example
 * ```ts
 * taskRunBindings(run, task, '/pvc').outputs; // [{ name: 'builtImage', resourceRef: { name: 'app-image' }, paths: ['/pvc/build/builtImage'] }]
 * ```
 *
 * @public
 */
export function taskRunBindings(
  run: ResolvedPipelineRun,
  task: ResolvedPipelineTask,
  basePath: string,
): { readonly inputs: readonly TaskResourceBinding[]; readonly outputs: readonly TaskResourceBinding[] } {
  const inputs = task.inputs.map((i) => bindingTo(i.name, i.bound, i.from.map((f) => fromPath(run, basePath, i, f))));
  const outputs = task.outputs.map((o) => bindingTo(o.name, o.bound, [joinPath(basePath, task.task.name ?? '', o.name)]));
  return { inputs, outputs };
}

/** Bindings as a condition check gets them: by reference or spec, no paths. */
export function plainBindings(bindings: readonly PipelineTaskBinding[]): readonly TaskResourceBinding[] {
  return bindings.map((b) => bindingTo(b.name, b.bound, []));
}

/**
 * A name the PipelineRun controller generated (RestrictLengthWithRandomSuffix):
 * `base` cut to 57 characters, `-` and five characters derived from the
 * seed, base and key, never one already `taken`.
 *
 * @example
 * ```ts
 * uniqueName('default/ci-1', 'ci-1-build', 'task/build', new Set()); // 'ci-1-build-x7kq2'
 * ```
 *
 * @public
 */
export function uniqueName(seed: string, base: string, key: string, taken: ReadonlySet<string>): string {
  let name = withSuffix(seed, base, key);
  for (let attempt = 1; taken.has(name); attempt++) name = withSuffix(seed, base, `${key}#${attempt}`);
  return name;
}

/** The metadata every TaskRun of the PipelineRun shares, with its own name and labels. */
export function taskRunMeta(run: ResolvedPipelineRun, name: string, labels: Readonly<Record<string, string>>): ObjectMeta {
  return {
    name,
    namespace: run.namespace,
    ...(Object.keys(labels).length > 0 ? { labels } : {}),
    ...(Object.keys(run.annotations).length > 0 ? { annotations: run.annotations } : {}),
    ownerReferences: [pipelineRunOwnerReference(run)],
  };
}

/**
 * The TaskRun of a pipeline task, as the controller created it.
 *
 * @example
 * ```ts
 * pipelineTaskRun(run, run.tasks[0], 'ci-1-build-x7kq2', '/pvc');
 * // { kind: 'TaskRun', metadata: { name: 'ci-1-build-x7kq2', ... }, spec: { taskRef: { name: 'build-push' }, ... } }
 * ```
 *
 * @public
 */
export function pipelineTaskRun(run: ResolvedPipelineRun, task: ResolvedPipelineTask, name: string, basePath: string): TaskRun {
  const { inputs, outputs } = taskRunBindings(run, task, basePath);
  const params = task.task.params ?? [];
  const podTemplate = run.pipelineRun.spec?.podTemplate;
  return {
    kind: 'TaskRun',
    apiVersion: 'tekton.dev/v1alpha1',
    metadata: taskRunMeta(run, name, taskRunLabels(run, task.task.name ?? '')),
    spec: {
      ...(inputs.length > 0 || params.length > 0
        ? { inputs: { ...(inputs.length > 0 ? { resources: inputs } : {}), ...(params.length > 0 ? { params } : {}) } }
        : {}),
      ...(outputs.length > 0 ? { outputs: { resources: outputs } } : {}),
      serviceAccountName: serviceAccountFor(run.pipelineRun, task.task.name ?? ''),
      taskRef: { name: task.taskName, ...(task.taskKind !== '' ? { kind: task.taskKind } : {}) },
      timeout: taskRunTimeout(run.pipelineRun),
      ...(podTemplate !== undefined && Object.keys(podTemplate).length > 0 ? { podTemplate } : {}),
    },
  };
}
