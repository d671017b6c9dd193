/**
 * Codecs for the Tekton `tekton.dev/v1alpha1` objects as the controller at
 * 6c132b937e decoded them: Task, ClusterTask, TaskRun, PipelineResource.
 * Field order follows Tekton's Go structs.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts';
import { Container, ContainerState, ObjectMeta, Volume, Toleration, Affinity, PodSecurityContext, timeCodec } from './core';
import { goString, goTextOnly, int, int32, listOf, nullReadsAs, omitZero, printZero, stringMap, struct } from './struct';

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

/**
 * A declared input param of a Task.
 *
 * @example
 * ```ts
 * ParamSpec.decode({ name: 'greeting', type: 'string' }); // Right({ name: 'greeting', type: 'string' })
 * ```
 *
 * @public
 */
export const ParamSpec = struct('ParamSpec', {
  name: goString,
  type: goString,
  description: goString,
  default: ArrayOrString,
});
/**
 * A decoded {@link (ParamSpec:variable)}.
 *
 * @example
 * ```ts
 * const declared: ParamSpec = { name: 'greeting', type: 'string', default: 'hi' };
 * ```
 *
 * @public
 */
export type ParamSpec = t.TypeOf<typeof ParamSpec>;

/**
 * A param value given by a TaskRun.
 *
 * @example
 * ```ts
 * Param.decode({ name: 'greeting', value: 'hello' }); // Right(...)
 * ```
 *
 * @public
 */
export const Param = struct('Param', { name: goString, value: nullReadsAs(ArrayOrString, []) });
/**
 * A decoded {@link (Param:variable)}.
 *
 * @example
 * ```ts
 * const param: Param = { name: 'greeting', value: 'hello' };
 * ```
 *
 * @public
 */
export type Param = t.TypeOf<typeof Param>;

/**
 * The name, type and targetPath of a declared resource (embedded in
 * {@link (TaskResource:variable)}, as in Go).
 *
 * @example
 * ```ts
 * ResourceDeclaration.decode({ name: 'src', type: 'git' }); // Right(...)
 * ```
 *
 * @public
 */
export const ResourceDeclaration = struct('ResourceDeclaration', { name: goString, type: goString, targetPath: goString });

/**
 * A resource a Task declares as input or output.
 *
 * @example
 * ```ts
 * TaskResource.decode({ name: 'src', type: 'git' }); // Right(...)
 * ```
 *
 * @public
 */
export const TaskResource = struct(
  'TaskResource',
  { ...ResourceDeclaration.props, outputImageDir: goString },
  { name: ResourceDeclaration, type: ResourceDeclaration, targetPath: ResourceDeclaration },
);
/**
 * A decoded {@link (TaskResource:variable)}.
 *
 * @example
 * ```ts
 * const declared: TaskResource = { name: 'src', type: 'git', targetPath: 'src' };
 * ```
 *
 * @public
 */
export type TaskResource = t.TypeOf<typeof TaskResource>;

/**
 * A Task step: a Container plus an optional `script`.
 *
 * @example
 * ```ts
 * Step.decode({ name: 'build', image: 'golang', script: '#!/bin/sh\ngo build' });
 * ```
 *
 * @public
 */
export const Step = struct(
  'Step',
  { ...Container.props, script: goString },
  Object.fromEntries(Object.keys(Container.props).map((k) => [k, Container])),
);
/**
 * A decoded {@link (Step:variable)}.
 *
 * @example
 * ```ts
 * const step: Step = { name: 'build', image: 'golang', script: '#!/bin/sh\ngo build' };
 * ```
 *
 * @public
 */
export type Step = t.TypeOf<typeof Step>;

/** A Task's `inputs`. */
export const Inputs = struct('Inputs', {
  resources: listOf(TaskResource),
  params: listOf(ParamSpec),
});
/** A decoded {@link Inputs}. */
export type Inputs = t.TypeOf<typeof Inputs>;

/** A test result declaration (decoded for completeness; unused by the Pod). */
export const TestResult = struct('TestResult', { name: goString, format: goString, path: goString });

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
 *
 * @public
 */
export const TaskSpec = struct('TaskSpec', {
  inputs: Inputs,
  outputs: Outputs,
  steps: listOf(Step),
  volumes: listOf(Volume),
  stepTemplate: Container,
  sidecars: listOf(Container),
});
/**
 * A decoded {@link (TaskSpec:variable)}.
 *
 * @example
 * ```ts
 * const spec: TaskSpec = { steps: [{ name: 'hello', image: 'ubuntu', command: ['echo', 'hi'] }] };
 * ```
 *
 * @public
 */
export type TaskSpec = t.TypeOf<typeof TaskSpec>;

/**
 * A Task or ClusterTask (the two differ only in kind and scope).
 *
 * @example
 * ```ts
 * Task.decode({ kind: 'Task', metadata: { name: 'build' }, spec: { steps: [{ image: 'golang' }] } }); // Right(...)
 * ```
 *
 * @public
 */
export const Task = struct('Task', {
  apiVersion: goString,
  kind: goString,
  metadata: ObjectMeta,
  spec: TaskSpec,
});
/**
 * A decoded {@link (Task:variable)}.
 *
 * @example
 * ```ts
 * const task: Task = { apiVersion: 'tekton.dev/v1alpha1', kind: 'Task', metadata: { name: 'build' },
 *   spec: { steps: [{ name: 'go', image: 'golang', command: ['go', 'build'] }] } };
 * ```
 *
 * @public
 */
export type Task = t.TypeOf<typeof Task>;

/** A reference from a TaskRun to its Task. */
export const TaskRef = struct('TaskRef', { name: goString, kind: goString, apiVersion: goString });
/** A decoded {@link TaskRef}. */
export type TaskRef = t.TypeOf<typeof TaskRef>;

/** A name/value param of a PipelineResource. */
export const ResourceParam = struct('ResourceParam', { name: goString, value: goString });
/** A decoded {@link ResourceParam}. */
export type ResourceParam = t.TypeOf<typeof ResourceParam>;

/** A secret a PipelineResource reads one field from. */
export const SecretParam = struct('SecretParam', {
  fieldName: goString,
  secretKey: goString,
  secretName: goString,
});
/** A decoded {@link SecretParam}. */
export type SecretParam = t.TypeOf<typeof SecretParam>;

/**
 * The body of a PipelineResource.
 *
 * @example
 * ```ts
 * PipelineResourceSpec.decode({ type: 'image', params: [{ name: 'url', value: 'gcr.io/p/app' }] }); // Right(...)
 * ```
 *
 * @public
 */
export const PipelineResourceSpec = struct('PipelineResourceSpec', {
  type: goString,
  params: listOf(ResourceParam),
  secrets: listOf(SecretParam),
});
/**
 * A decoded {@link (PipelineResourceSpec:variable)}.
 *
 * @example
 * ```ts
 * const spec: PipelineResourceSpec = { type: 'git', params: [{ name: 'url', value: 'https://github.com/tektoncd/pipeline' }] };
 * ```
 *
 * @public
 */
export type PipelineResourceSpec = t.TypeOf<typeof PipelineResourceSpec>;

/** A PipelineResource's status: an empty struct, so any field in it is unknown. */
export const PipelineResourceStatus = struct('PipelineResourceStatus', {});

/**
 * A PipelineResource object.
 *
 * @example
 * ```ts
 * PipelineResource.decode({ metadata: { name: 'src' }, spec: { type: 'git' } }); // Right(...)
 * ```
 *
 * @public
 */
export const PipelineResource = struct('PipelineResource', {
  apiVersion: goString,
  kind: goString,
  metadata: ObjectMeta,
  spec: PipelineResourceSpec,
  status: PipelineResourceStatus,
});
/**
 * A decoded {@link (PipelineResource:variable)}.
 *
 * @example
 * ```ts
 * const src: PipelineResource = { kind: 'PipelineResource', metadata: { name: 'src' },
 *   spec: { type: 'git', params: [{ name: 'url', value: 'https://github.com/tektoncd/pipeline' }] } };
 * ```
 *
 * @public
 */
export type PipelineResource = t.TypeOf<typeof PipelineResource>;

/** A reference to a PipelineResource by name. */
export const PipelineResourceRef = struct('PipelineResourceRef', { name: goString, apiVersion: goString });

/**
 * The name and resource (by reference or inline) of a binding, embedded in
 * {@link (TaskResourceBinding:variable)} as in Go.
 *
 * @example
 * ```ts
 * PipelineResourceBinding.decode({ name: 'src', resourceRef: { name: 'my-repo' } }); // Right(...)
 * ```
 *
 * @public
 */
export const PipelineResourceBinding = struct('PipelineResourceBinding', {
  name: goString,
  resourceRef: PipelineResourceRef,
  resourceSpec: PipelineResourceSpec,
});

/**
 * A TaskRun's binding of one declared resource.
 *
 * @example
 * ```ts
 * TaskResourceBinding.decode({ name: 'src', resourceRef: { name: 'my-repo' } }); // Right(...)
 * ```
 *
 * @public
 */
export const TaskResourceBinding = struct(
  'TaskResourceBinding',
  { ...PipelineResourceBinding.props, paths: listOf(goString) },
  { name: PipelineResourceBinding, resourceRef: PipelineResourceBinding, resourceSpec: PipelineResourceBinding },
);
/**
 * A decoded {@link (TaskResourceBinding:variable)}.
 *
 * @example
 * ```ts
 * const binding: TaskResourceBinding = { name: 'src', resourceRef: { name: 'my-repo' } };
 * ```
 *
 * @public
 */
export type TaskResourceBinding = t.TypeOf<typeof TaskResourceBinding>;

/**
 * Pod-level settings a TaskRun passes to its Pod.
 *
 * @example
 * ```ts
 * PodTemplate.decode({ nodeSelector: { disktype: 'ssd' } }); // Right({ nodeSelector: { disktype: 'ssd' } })
 * ```
 *
 * @public
 */
export const PodTemplate = struct('PodTemplate', {
  nodeSelector: stringMap,
  tolerations: listOf(Toleration),
  affinity: Affinity,
  securityContext: PodSecurityContext,
  volumes: listOf(Volume),
  runtimeClassName: goString,
});
/**
 * A decoded {@link (PodTemplate:variable)}.
 *
 * @example
 * ```ts
 * const template: PodTemplate = { nodeSelector: { disktype: 'ssd' }, tolerations: [{ key: 'gpu', operator: 'Exists' }] };
 * ```
 *
 * @public
 */
export type PodTemplate = t.TypeOf<typeof PodTemplate>;

/** The body of a TaskRun. */
export const TaskRunSpec = struct('TaskRunSpec', {
  inputs: struct('TaskRunInputs', { resources: listOf(TaskResourceBinding), params: listOf(Param) }),
  outputs: struct('TaskRunOutputs', { resources: listOf(TaskResourceBinding) }),
  serviceAccountName: goString,
  serviceAccount: goString,
  taskRef: TaskRef,
  taskSpec: TaskSpec,
  status: goString,
  timeout: goTextOnly('Duration'),
  podTemplate: PodTemplate,
});
/** A decoded {@link TaskRunSpec}. */
export type TaskRunSpec = t.TypeOf<typeof TaskRunSpec>;

/** One condition of a TaskRun's status (knative.dev/pkg's apis.Condition). */
export const StatusCondition = struct('Condition', {
  type: goString,
  status: goString,
  severity: goString,
  lastTransitionTime: timeCodec,
  reason: goString,
  message: goString,
});

/** The state of one step's container, as a TaskRun's status reports it (a ContainerState, embedded). */
export const StepState = struct(
  'StepState',
  { ...ContainerState.props, name: goString, container: goString, imageID: goString },
  Object.fromEntries(Object.keys(ContainerState.props).map((k) => [k, ContainerState])),
);

/** Whether a cloud event was sent, and when. */
export const CloudEventDeliveryState = struct('CloudEventDeliveryState', {
  condition: goString,
  sentAt: timeCodec,
  message: goString,
  retryCount: printZero(int32),
});

/** A cloud event a TaskRun sends, by target. */
export const CloudEventDelivery = struct('CloudEventDelivery', { target: goString, status: CloudEventDeliveryState });

/** What a resource step reported (an image digest, say). */
export const PipelineResourceResult = struct('PipelineResourceResult', {
  name: goString,
  digest: goString,
  key: goString,
  value: goString,
  resourceRef: PipelineResourceRef,
});

/** knative.dev/pkg's duck-typed status (duckv1beta1.Status), inlined in a TaskRun's. */
const DuckStatus = struct('Status', { observedGeneration: omitZero(int), conditions: listOf(StatusCondition) });

const taskRunStatusFields = {
  ...DuckStatus.props,
  podName: goString,
  startTime: timeCodec,
  completionTime: timeCodec,
  steps: listOf(StepState),
  cloudEvents: listOf(CloudEventDelivery),
};

/**
 * An earlier try's status, itself a {@link TaskRunStatus} (checked as one:
 * the codec resolves the recursion when it decodes), typed loosely so that
 * the type of TaskRunStatus does not refer to itself.
 */
const earlierTry: t.Type<Readonly<Record<string, unknown>>, Record<string, unknown>, unknown> = t.recursion('TaskRunStatus', () => TaskRunStatus as unknown as t.Type<Readonly<Record<string, unknown>>, Record<string, unknown>, unknown>);

/**
 * A TaskRun's status, as Tekton's Go type had it (the duck-typed
 * `observedGeneration` and `conditions` inlined first; `retriesStatus`
 * holds the statuses of earlier tries). taskpod does not read it to
 * render; it is decoded so that a TaskRun copied from a cluster is admitted
 * as Tekton's webhook admitted it, and a field it does not have is refused.
 *
 * @example
 * ```ts
 * TaskRunStatus.decode({ podName: 'run-pod-abcdef', conditions: [{ type: 'Succeeded', status: 'True' }] }); // Right(...)
 * ```
 */
export const TaskRunStatus = struct(
  'TaskRunStatus',
  { ...taskRunStatusFields, retriesStatus: listOf(earlierTry), resourcesResult: listOf(PipelineResourceResult) },
  { observedGeneration: DuckStatus, conditions: DuckStatus },
);

/**
 * A TaskRun object (its status is decoded, not read).
 *
 * @example
 * ```ts
 * TaskRun.decode({ metadata: { name: 'run' }, spec: { taskRef: { name: 'build' } } });
 * ```
 *
 * @public
 */
export const TaskRun = struct('TaskRun', {
  apiVersion: goString,
  kind: goString,
  metadata: ObjectMeta,
  spec: TaskRunSpec,
  status: TaskRunStatus,
});
/**
 * A decoded {@link (TaskRun:variable)}.
 *
 * @example
 * ```ts
 * const run: TaskRun = { apiVersion: 'tekton.dev/v1alpha1', kind: 'TaskRun', metadata: { name: 'run' }, spec: { taskRef: { name: 'build' } } };
 * ```
 *
 * @public
 */
export type TaskRun = t.TypeOf<typeof TaskRun>;
