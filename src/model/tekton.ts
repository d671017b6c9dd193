/**
 * Codecs for the Tekton `tekton.dev/v1alpha1` objects as the controller at
 * 6c132b937e decoded them: Task, ClusterTask, TaskRun, PipelineResource.
 * Field order follows Tekton's Go structs.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts';
import { Container, ObjectMeta, Volume, Toleration, Affinity, PodSecurityContext } from './core';
import { listOf, stringMap, struct } from './struct';

/**
 * A param value: a string, or an array of strings (Tekton's ArrayOrString).
 *
 * @example
 * ```ts
 * ArrayOrString.decode(['a', 'b']); // Right(['a', 'b'])
 * ```
 */
export const ArrayOrString = t.union([t.string, t.readonlyArray(t.string)], 'ArrayOrString');
/** A decoded {@link ArrayOrString}. */
export type ArrayOrString = t.TypeOf<typeof ArrayOrString>;

/** A declared input param of a Task. */
export const ParamSpec = struct('ParamSpec', {
  name: t.string,
  type: t.string,
  description: t.string,
  default: ArrayOrString,
});
/** A decoded {@link ParamSpec}. */
export type ParamSpec = t.TypeOf<typeof ParamSpec>;

/** A param value given by a TaskRun. */
export const Param = struct('Param', { name: t.string, value: ArrayOrString });
/** A decoded {@link Param}. */
export type Param = t.TypeOf<typeof Param>;

/** A resource a Task declares as input or output. */
export const TaskResource = struct('TaskResource', {
  name: t.string,
  type: t.string,
  targetPath: t.string,
  outputImageDir: t.string,
});
/** A decoded {@link TaskResource}. */
export type TaskResource = t.TypeOf<typeof TaskResource>;

/**
 * A Task step: a Container plus an optional `script`.
 *
 * @example
 * ```ts
 * Step.decode({ name: 'build', image: 'golang', script: '#!/bin/sh\ngo build' });
 * ```
 */
export const Step = struct('Step', { ...Container.props, script: t.string });
/** A decoded {@link Step}. */
export type Step = t.TypeOf<typeof Step>;

/** A Task's `inputs`. */
export const Inputs = struct('Inputs', {
  resources: listOf(TaskResource),
  params: listOf(ParamSpec),
});
/** A decoded {@link Inputs}. */
export type Inputs = t.TypeOf<typeof Inputs>;

/** A test result declaration (decoded for completeness; unused by the Pod). */
export const TestResult = struct('TestResult', { name: t.string, format: t.string, path: t.string });

/** A Task's `outputs`. */
export const Outputs = struct('Outputs', {
  results: listOf(TestResult),
  resources: listOf(TaskResource),
});
/** A decoded {@link Outputs}. */
export type Outputs = t.TypeOf<typeof Outputs>;

/**
 * The body of a Task, ClusterTask, or a TaskRun's embedded `taskSpec`.
 *
 * @example
 * ```ts
 * TaskSpec.decode({ steps: [{ name: 'hello', image: 'ubuntu', command: ['echo'] }] });
 * ```
 */
export const TaskSpec = struct('TaskSpec', {
  inputs: Inputs,
  outputs: Outputs,
  steps: listOf(Step),
  volumes: listOf(Volume),
  stepTemplate: Container,
  sidecars: listOf(Container),
});
/** A decoded {@link TaskSpec}. */
export type TaskSpec = t.TypeOf<typeof TaskSpec>;

/** A Task or ClusterTask (the two differ only in kind and scope). */
export const Task = struct('Task', {
  apiVersion: t.string,
  kind: t.string,
  metadata: ObjectMeta,
  spec: TaskSpec,
});
/** A decoded {@link Task}. */
export type Task = t.TypeOf<typeof Task>;

/** A reference from a TaskRun to its Task. */
export const TaskRef = struct('TaskRef', { name: t.string, kind: t.string, apiVersion: t.string });
/** A decoded {@link TaskRef}. */
export type TaskRef = t.TypeOf<typeof TaskRef>;

/** A name/value param of a PipelineResource. */
export const ResourceParam = struct('ResourceParam', { name: t.string, value: t.string });
/** A decoded {@link ResourceParam}. */
export type ResourceParam = t.TypeOf<typeof ResourceParam>;

/** A secret a PipelineResource reads one field from. */
export const SecretParam = struct('SecretParam', {
  fieldName: t.string,
  secretKey: t.string,
  secretName: t.string,
});
/** A decoded {@link SecretParam}. */
export type SecretParam = t.TypeOf<typeof SecretParam>;

/** The body of a PipelineResource. */
export const PipelineResourceSpec = struct('PipelineResourceSpec', {
  type: t.string,
  params: listOf(ResourceParam),
  secrets: listOf(SecretParam),
});
/** A decoded {@link PipelineResourceSpec}. */
export type PipelineResourceSpec = t.TypeOf<typeof PipelineResourceSpec>;

/** A PipelineResource object. */
export const PipelineResource = struct('PipelineResource', {
  apiVersion: t.string,
  kind: t.string,
  metadata: ObjectMeta,
  spec: PipelineResourceSpec,
});
/** A decoded {@link PipelineResource}. */
export type PipelineResource = t.TypeOf<typeof PipelineResource>;

/** A reference to a PipelineResource by name. */
export const PipelineResourceRef = struct('PipelineResourceRef', { name: t.string, apiVersion: t.string });

/** A TaskRun's binding of one declared resource. */
export const TaskResourceBinding = struct('TaskResourceBinding', {
  name: t.string,
  resourceRef: PipelineResourceRef,
  resourceSpec: PipelineResourceSpec,
  paths: listOf(t.string),
});
/** A decoded {@link TaskResourceBinding}. */
export type TaskResourceBinding = t.TypeOf<typeof TaskResourceBinding>;

/** Pod-level settings a TaskRun passes to its Pod. */
export const PodTemplate = struct('PodTemplate', {
  nodeSelector: stringMap,
  tolerations: listOf(Toleration),
  affinity: Affinity,
  securityContext: PodSecurityContext,
  volumes: listOf(Volume),
  runtimeClassName: t.string,
});
/** A decoded {@link PodTemplate}. */
export type PodTemplate = t.TypeOf<typeof PodTemplate>;

/** The body of a TaskRun. */
export const TaskRunSpec = struct('TaskRunSpec', {
  inputs: struct('TaskRunInputs', { resources: listOf(TaskResourceBinding), params: listOf(Param) }),
  outputs: struct('TaskRunOutputs', { resources: listOf(TaskResourceBinding) }),
  serviceAccountName: t.string,
  serviceAccount: t.string,
  taskRef: TaskRef,
  taskSpec: TaskSpec,
  status: t.string,
  timeout: t.string,
  podTemplate: PodTemplate,
});
/** A decoded {@link TaskRunSpec}. */
export type TaskRunSpec = t.TypeOf<typeof TaskRunSpec>;

/**
 * A TaskRun object (its status is not read).
 *
 * @example
 * ```ts
 * TaskRun.decode({ metadata: { name: 'run' }, spec: { taskRef: { name: 'build' } } });
 * ```
 */
export const TaskRun = struct('TaskRun', {
  apiVersion: t.string,
  kind: t.string,
  metadata: ObjectMeta,
  spec: TaskRunSpec,
});
/** A decoded {@link TaskRun}. */
export type TaskRun = t.TypeOf<typeof TaskRun>;
