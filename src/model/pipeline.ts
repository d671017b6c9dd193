/**
 * Codecs for the Tekton `tekton.dev/v1alpha1` objects of the PipelineRun
 * controller at 6c132b937e: Pipeline, PipelineRun and Condition. Field order
 * follows Tekton's Go structs (pipeline_types.go, pipelinerun_types.go,
 * condition_types.go), so an encoded value reads as Go printed it.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts';
import { Container, ContainerState, ObjectMeta, timeCodec } from './core';
import { goString, goTextOnly, int, listOf, mapOf, omitZero, printZero, struct } from './struct';
import { DuckStatus, Param, ParamSpec, PipelineResourceBinding, PodTemplate, ResourceDeclaration, TaskRef, TaskRunStatus } from './tekton';

/**
 * A reference from a PipelineRun to its Pipeline.
 *
 * @example
 * ```ts
 * PipelineRef.decode({ name: 'build-and-deploy' }); // Right({ name: 'build-and-deploy' })
 * ```
 *
 * @public
 */
export const PipelineRef = struct('PipelineRef', { name: goString, apiVersion: goString });

/**
 * A resource a Pipeline declares (`spec.resources[i]`).
 *
 * @example
 * ```ts
 * PipelineDeclaredResource.decode({ name: 'source-repo', type: 'git' }); // Right(...)
 * ```
 *
 * @public
 */
export const PipelineDeclaredResource = struct('PipelineDeclaredResource', { name: goString, type: goString });
/**
 * A decoded {@link (PipelineDeclaredResource:variable)}.
 *
 * @example
 * ```ts
 * const declared: PipelineDeclaredResource = { name: 'source-repo', type: 'git' };
 * ```
 *
 * @public
 */
export type PipelineDeclaredResource = t.TypeOf<typeof PipelineDeclaredResource>;

/**
 * A resource a condition of a pipeline task reads: the condition's own
 * name for it and the Pipeline's declared resource bound to it.
 *
 * @example
 * ```ts
 * PipelineConditionResource.decode({ name: 'workspace', resource: 'source-repo' }); // Right(...)
 * ```
 *
 * @public
 */
export const PipelineConditionResource = struct('PipelineConditionResource', { name: goString, resource: goString });

/**
 * A condition guarding a pipeline task.
 *
 * @example
 * ```ts
 * PipelineTaskCondition.decode({ conditionRef: 'file-exists', params: [{ name: 'path', value: 'README.md' }] });
 * ```
 *
 * @public
 */
export const PipelineTaskCondition = struct('PipelineTaskCondition', {
  conditionRef: goString,
  params: listOf(Param),
  resources: listOf(PipelineConditionResource),
});
/**
 * A decoded {@link (PipelineTaskCondition:variable)}.
 *
 * @example
 * ```ts
 * const guard: PipelineTaskCondition = { conditionRef: 'file-exists' };
 * ```
 *
 * @public
 */
export type PipelineTaskCondition = t.TypeOf<typeof PipelineTaskCondition>;

/**
 * An input of a pipeline task: the Task's resource name, the Pipeline's
 * declared resource, and the tasks it comes `from`.
 *
 * @example
 * ```ts
 * PipelineTaskInputResource.decode({ name: 'image', resource: 'app-image', from: ['build'] });
 * ```
 *
 * @public
 */
export const PipelineTaskInputResource = struct('PipelineTaskInputResource', {
  name: goString,
  resource: goString,
  from: listOf(goString),
});

/**
 * An output of a pipeline task.
 *
 * @example
 * ```ts
 * PipelineTaskOutputResource.decode({ name: 'builtImage', resource: 'app-image' });
 * ```
 *
 * @public
 */
export const PipelineTaskOutputResource = struct('PipelineTaskOutputResource', { name: goString, resource: goString });

/**
 * The resources of a pipeline task.
 *
 * @example
 * ```ts
 * PipelineTaskResources.decode({ inputs: [{ name: 'workspace', resource: 'source-repo' }] });
 * ```
 *
 * @public
 */
export const PipelineTaskResources = struct('PipelineTaskResources', {
  inputs: listOf(PipelineTaskInputResource),
  outputs: listOf(PipelineTaskOutputResource),
});

/**
 * One task of a Pipeline.
 *
 * @example
 * ```ts
 * PipelineTask.decode({ name: 'build', taskRef: { name: 'build-push' }, runAfter: ['test'] });
 * ```
 *
 * @public
 */
export const PipelineTask = struct('PipelineTask', {
  name: goString,
  taskRef: TaskRef,
  conditions: listOf(PipelineTaskCondition),
  retries: omitZero(int),
  runAfter: listOf(goString),
  resources: PipelineTaskResources,
  params: listOf(Param),
});
/**
 * A decoded {@link (PipelineTask:variable)}.
 *
 * @example
 * ```ts
 * const task: PipelineTask = { name: 'build', taskRef: { name: 'build-push' } };
 * ```
 *
 * @public
 */
export type PipelineTask = t.TypeOf<typeof PipelineTask>;

/**
 * The body of a Pipeline, or a PipelineRun's embedded `pipelineSpec`.
 *
 * @example
 * ```ts
 * PipelineSpec.decode({ tasks: [{ name: 'hello', taskRef: { name: 'echo' } }] });
 * ```
 *
 * @public
 */
export const PipelineSpec = struct('PipelineSpec', {
  resources: listOf(PipelineDeclaredResource),
  tasks: listOf(PipelineTask),
  params: listOf(ParamSpec),
});
/**
 * A decoded {@link (PipelineSpec:variable)}.
 *
 * @example
 * ```ts
 * const spec: PipelineSpec = { tasks: [{ name: 'hello', taskRef: { name: 'echo' } }] };
 * ```
 *
 * @public
 */
export type PipelineSpec = t.TypeOf<typeof PipelineSpec>;

/** A Pipeline's status: Tekton's PipelineStatus has no fields. */
export const PipelineStatus = struct('PipelineStatus', {});

/**
 * A Pipeline object.
 *
 * @example
 * ```ts
 * Pipeline.decode({ kind: 'Pipeline', metadata: { name: 'ci' }, spec: { tasks: [] } });
 * ```
 *
 * @public
 */
export const Pipeline = struct('Pipeline', {
  kind: goString,
  apiVersion: goString,
  metadata: ObjectMeta,
  spec: PipelineSpec,
  status: PipelineStatus,
});
/**
 * A decoded {@link (Pipeline:variable)}.
 *
 * @example
 * ```ts
 * const pipeline: Pipeline = { kind: 'Pipeline', metadata: { name: 'ci' }, spec: { tasks: [{ name: 'test', taskRef: { name: 'go-test' } }] } };
 * ```
 *
 * @public
 */
export type Pipeline = t.TypeOf<typeof Pipeline>;

/** `spec.serviceAccounts[i]` of a PipelineRun (deprecated in favour of serviceAccountNames). */
export const DeprecatedServiceAccount = struct('DeprecatedPipelineRunSpecServiceAccount', { taskName: goString, serviceAccount: goString });

/** `spec.serviceAccountNames[i]` of a PipelineRun: the ServiceAccount of one pipeline task. */
export const ServiceAccountName = struct('PipelineRunSpecServiceAccountName', { taskName: goString, serviceAccountName: goString });

/**
 * The body of a PipelineRun.
 *
 * @example
 * ```ts
 * PipelineRunSpec.decode({ pipelineRef: { name: 'ci' }, params: [{ name: 'rev', value: 'main' }] });
 * ```
 *
 * @public
 */
export const PipelineRunSpec = struct('PipelineRunSpec', {
  pipelineRef: PipelineRef,
  pipelineSpec: PipelineSpec,
  resources: listOf(PipelineResourceBinding),
  params: listOf(Param),
  serviceAccountName: goString,
  serviceAccount: goString,
  serviceAccounts: listOf(DeprecatedServiceAccount),
  serviceAccountNames: listOf(ServiceAccountName),
  status: goString,
  timeout: goTextOnly('Duration'),
  podTemplate: PodTemplate,
});
/**
 * A decoded {@link (PipelineRunSpec:variable)}.
 *
 * @example
 * ```ts
 * const spec: PipelineRunSpec = { pipelineRef: { name: 'ci' }, serviceAccountName: 'builder' };
 * ```
 *
 * @public
 */
export type PipelineRunSpec = t.TypeOf<typeof PipelineRunSpec>;

/**
 * The status of a condition check (Tekton's ConditionCheckStatus): the
 * check TaskRun's condition, Pod, times and the check container's state.
 *
 * @example
 * ```ts
 * ConditionCheckStatus.decode({ podName: 'ci-1-build-x7kq2-ok-b4c5d-pod-1a2b3c', check: { terminated: { exitCode: 0 } } });
 * ```
 *
 * @public
 */
export const ConditionCheckStatus = struct(
  'ConditionCheckStatus',
  { ...DuckStatus.props, podName: printZero(goString, ''), startTime: timeCodec, completionTime: timeCodec, check: ContainerState },
  { observedGeneration: DuckStatus, conditions: DuckStatus },
);
/**
 * A decoded {@link (ConditionCheckStatus:variable)}.
 *
 * @example
 * ```ts
 * const passed: ConditionCheckStatus = { conditions: [{ type: 'Succeeded', status: 'True' }], podName: 'check-pod-1a2b3c' };
 * ```
 *
 * @public
 */
export type ConditionCheckStatus = t.TypeOf<typeof ConditionCheckStatus>;

/**
 * One condition check of a pipeline task, in a PipelineRun's status.
 *
 * @example
 * ```ts
 * PipelineRunConditionCheckStatus.decode({ conditionName: 'file-exists' });
 * ```
 *
 * @public
 */
export const PipelineRunConditionCheckStatus = struct('PipelineRunConditionCheckStatus', { conditionName: goString, status: ConditionCheckStatus });
/**
 * A decoded {@link (PipelineRunConditionCheckStatus:variable)}.
 *
 * @example
 * ```ts
 * const check: PipelineRunConditionCheckStatus = { conditionName: 'file-exists', status: { podName: 'check-pod-1a2b3c' } };
 * ```
 *
 * @public
 */
export type PipelineRunConditionCheckStatus = t.TypeOf<typeof PipelineRunConditionCheckStatus>;

/**
 * One pipeline task's TaskRun in a PipelineRun's status (`status.taskRuns`
 * is keyed by the TaskRun's name).
 *
 * @example
 * ```ts
 * PipelineRunTaskRunStatus.decode({ pipelineTaskName: 'build', status: { podName: 'ci-1-build-x7kq2-pod-1a2b3c' } });
 * ```
 *
 * @public
 */
export const PipelineRunTaskRunStatus = struct('PipelineRunTaskRunStatus', {
  pipelineTaskName: goString,
  status: TaskRunStatus,
  conditionChecks: mapOf(PipelineRunConditionCheckStatus),
});
/**
 * A decoded {@link (PipelineRunTaskRunStatus:variable)}.
 *
 * @example
 * ```ts
 * const entry: PipelineRunTaskRunStatus = { pipelineTaskName: 'build' };
 * ```
 *
 * @public
 */
export type PipelineRunTaskRunStatus = t.TypeOf<typeof PipelineRunTaskRunStatus>;

/**
 * A PipelineRun's status: its `Succeeded` condition, start and completion
 * times, and its TaskRuns by name.
 *
 * @example
 * ```ts
 * PipelineRunStatus.decode({ conditions: [{ type: 'Succeeded', status: 'Unknown', reason: 'Running' }] });
 * ```
 *
 * @public
 */
export const PipelineRunStatus = struct(
  'PipelineRunStatus',
  { ...DuckStatus.props, startTime: timeCodec, completionTime: timeCodec, taskRuns: mapOf(PipelineRunTaskRunStatus) },
  { observedGeneration: DuckStatus, conditions: DuckStatus },
);
/**
 * A decoded {@link (PipelineRunStatus:variable)}.
 *
 * @example
 * ```ts
 * const status: PipelineRunStatus = { conditions: [{ type: 'Succeeded', status: 'True', reason: 'Succeeded', message: 'All Tasks have completed executing' }] };
 * ```
 *
 * @public
 */
export type PipelineRunStatus = t.TypeOf<typeof PipelineRunStatus>;

/**
 * A PipelineRun object.
 *
 * @example
 * ```ts
 * PipelineRun.decode({ kind: 'PipelineRun', metadata: { name: 'ci-1' }, spec: { pipelineRef: { name: 'ci' } } });
 * ```
 *
 * @public
 */
export const PipelineRun = struct('PipelineRun', {
  kind: goString,
  apiVersion: goString,
  metadata: ObjectMeta,
  spec: PipelineRunSpec,
  status: PipelineRunStatus,
});
/**
 * A decoded {@link (PipelineRun:variable)}.
 *
 * @example
 * ```ts
 * const run: PipelineRun = { kind: 'PipelineRun', metadata: { name: 'ci-1' }, spec: { pipelineRef: { name: 'ci' } } };
 * ```
 *
 * @public
 */
export type PipelineRun = t.TypeOf<typeof PipelineRun>;

/**
 * The body of a Condition: the check container, its params and resources.
 *
 * @example
 * ```ts
 * ConditionSpec.decode({ check: { image: 'alpine', command: ['test', '-f', '$(params.path)'] }, params: [{ name: 'path' }] });
 * ```
 *
 * @public
 */
export const ConditionSpec = struct('ConditionSpec', {
  check: Container,
  params: listOf(ParamSpec),
  resources: listOf(ResourceDeclaration),
});
/**
 * A decoded {@link (ConditionSpec:variable)}.
 *
 * @example
 * ```ts
 * const spec: ConditionSpec = { check: { image: 'alpine', command: ['true'] } };
 * ```
 *
 * @public
 */
export type ConditionSpec = t.TypeOf<typeof ConditionSpec>;

/**
 * A Condition object.
 *
 * @example
 * ```ts
 * Condition.decode({ kind: 'Condition', metadata: { name: 'file-exists' }, spec: { check: { image: 'alpine' } } });
 * ```
 *
 * @public
 */
export const Condition = struct('Condition', {
  kind: goString,
  apiVersion: goString,
  metadata: ObjectMeta,
  spec: ConditionSpec,
});
/**
 * A decoded {@link (Condition:variable)}.
 *
 * @example
 * ```ts
 * const condition: Condition = { kind: 'Condition', metadata: { name: 'always' }, spec: { check: { image: 'alpine', command: ['true'] } } };
 * ```
 *
 * @public
 */
export type Condition = t.TypeOf<typeof Condition>;
