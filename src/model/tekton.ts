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
import type { ZeroField } from './struct';

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


/**
 * A condition of a Tekton object's status: knative's `apis.Condition`, which
 * TaskRuns and PipelineRuns share (a `Succeeded` condition says whether the
 * run is going, done well, or done badly). `type` and `status` are always
 * printed; `severity`, `reason` and `message` only when set.
 *
 * @example
 * ```ts
 * StatusCondition.decode({ type: 'Succeeded', status: 'Unknown', reason: 'Running' }); // Right(...)
 * ```
 *
 * @public
 */
export const StatusCondition = struct('Condition', {
  type: printZero(goString, ''),
  status: printZero(goString, ''),
  severity: goString,
  lastTransitionTime: timeCodec,
  reason: goString,
  message: goString,
});
/**
 * A decoded {@link (StatusCondition:variable)}.
 *
 * @example
 * ```ts
 * const done: StatusCondition = { type: 'Succeeded', status: 'True', reason: 'Succeeded', message: 'All Steps have completed executing' };
 * ```
 *
 * @public
 */
export type StatusCondition = t.TypeOf<typeof StatusCondition>;

/**
 * The state of one step of a TaskRun: its container's state (one of
 * `waiting`, `running`, `terminated`), the step's name, the container's name
 * and the image ID the kubelet ran.
 *
 * @example
 * ```ts
 * StepState.decode({ terminated: { exitCode: 0 }, name: 'build', container: 'step-build' }); // Right(...)
 * ```
 *
 * @public
 */
export const StepState = struct(
  'StepState',
  { ...ContainerState.props, name: goString, container: goString, imageID: goString },
  Object.fromEntries(Object.keys(ContainerState.props).map((k) => [k, ContainerState])),
);
/**
 * A decoded {@link (StepState:variable)}.
 *
 * @example
 * ```ts
 * const state: StepState = { terminated: { exitCode: 0, reason: 'Completed' }, name: 'build', container: 'step-build', imageID: 'docker-pullable://golang@sha256:...' };
 * ```
 *
 * @public
 */
export type StepState = t.TypeOf<typeof StepState>;

/**
 * What a step reported about a resource in its termination message (the
 * image digest exporter's digests). Tekton wrote every field, empty or not.
 *
 * @example
 * ```ts
 * PipelineResourceResult.decode({ name: 'app-image', digest: 'sha256:0123' }); // Right(...)
 * ```
 *
 * @public
 */
export const PipelineResourceResult = struct('PipelineResourceResult', {
  name: printZero(goString, ''),
  digest: printZero(goString, ''),
  key: printZero(goString, ''),
  value: printZero(goString, ''),
  resourceRef: printZero(PipelineResourceRef, {}),
});
/**
 * A decoded {@link (PipelineResourceResult:variable)}.
 *
 * @example
 * ```ts
 * const result: PipelineResourceResult = { key: 'digest', value: 'sha256:0123', resourceRef: { name: 'app-image' } };
 * ```
 *
 * @public
 */
export type PipelineResourceResult = t.TypeOf<typeof PipelineResourceResult>;

/** knative.dev/pkg's duck-typed status (duckv1beta1.Status), inlined in a TaskRun's. */
export const DuckStatus = struct('Status', { observedGeneration: omitZero(int), conditions: listOf(StatusCondition) });

/** The delivery state of one cloud event (kept as the TaskRun has it). */
export const CloudEventDeliveryState = struct('CloudEventDeliveryState', {
  condition: goString,
  sentAt: timeCodec,
  message: printZero(goString, ''),
  retryCount: printZero(int32),
});

/**
 * A cloud event a CloudEventResource asked for, and its delivery state.
 *
 * @example
 * ```ts
 * CloudEventDelivery.decode({ target: 'http://sink:8080', status: { condition: 'Sent', retryCount: 1 } }); // Right(...)
 * ```
 *
 * @public
 */
export const CloudEventDelivery = struct('CloudEventDelivery', {
  target: goString,
  status: printZero(CloudEventDeliveryState, { message: '', retryCount: 0 }),
});
/**
 * A decoded {@link (CloudEventDelivery:variable)}.
 *
 * @example
 * ```ts
 * const sent: CloudEventDelivery = { target: 'http://sink:8080', status: { condition: 'Sent', message: '', retryCount: 1 } };
 * ```
 *
 * @public
 */
export type CloudEventDelivery = t.TypeOf<typeof CloudEventDelivery>;

/**
 * The fields of the {@link (TaskRunStatus:variable)} codec, spelled out
 * because the type is recursive (`retriesStatus`).
 *
 * @example
 * ```ts
 * Object.keys(TaskRunStatus.props); // ['observedGeneration', 'conditions', 'podName', ..., 'resourcesResult']
 * ```
 *
 * @public
 */
export interface TaskRunStatusProps extends t.Props {
  readonly observedGeneration: ZeroField<t.Type<number, number, unknown>>;
  readonly conditions: t.ReadonlyArrayC<typeof StatusCondition>;
  readonly podName: ZeroField<t.StringC>;
  readonly startTime: t.Type<string | Date, string, unknown>;
  readonly completionTime: t.Type<string | Date, string, unknown>;
  readonly steps: t.ReadonlyArrayC<typeof StepState>;
  readonly cloudEvents: t.ReadonlyArrayC<typeof CloudEventDelivery>;
  readonly retriesStatus: t.ReadonlyArrayC<t.Type<TaskRunStatus, TaskRunStatusOutput, unknown>>;
  readonly resourcesResult: t.ReadonlyArrayC<typeof PipelineResourceResult>;
}

/**
 * The observed state of a TaskRun (Tekton's `TaskRunStatus`): its
 * `Succeeded` condition, the Pod's name, start and completion times, the
 * steps' states, and the results its steps reported.
 *
 * @example
 * ```ts
 * const status: TaskRunStatus = {
 *   conditions: [{ type: 'Succeeded', status: 'Unknown', reason: 'Running', message: 'Not all Steps in the Task have finished executing' }],
 *   podName: 'build-run-pod-3bd8c1',
 *   startTime: '2019-10-30T10:00:00Z',
 * };
 * ```
 *
 * @public
 */
export interface TaskRunStatus {
  /** The generation of the TaskRun the controller last processed (knative's duck Status). */
  readonly observedGeneration?: number;
  /** The `Succeeded` condition (and any other). */
  readonly conditions?: readonly StatusCondition[];
  /** The name of the Pod that runs the steps. */
  readonly podName?: string;
  /** When the TaskRun started (the controller's first look at it, or its creation if later). */
  readonly startTime?: string | Date;
  /** When it finished: succeeded, failed or timed out. */
  readonly completionTime?: string | Date;
  /** One state per step container. */
  readonly steps?: readonly StepState[];
  /** Deliveries of the cloud events its CloudEventResources asked for. */
  readonly cloudEvents?: readonly CloudEventDelivery[];
  /** Earlier attempts' statuses, when a PipelineRun retried the task. */
  readonly retriesStatus?: readonly TaskRunStatus[];
  /** What the steps reported about resources (image digests). */
  readonly resourcesResult?: readonly PipelineResourceResult[];
}

/**
 * The encoded form of a {@link (TaskRunStatus:interface)}.
 *
 * @example
 * ```ts
 * const printed: TaskRunStatusOutput = TaskRunStatus.encode(status); // fields in Go's order
 * ```
 *
 * @public
 */
export interface TaskRunStatusOutput {
  observedGeneration?: number;
  conditions?: readonly t.OutputOf<typeof StatusCondition>[];
  podName?: string;
  startTime?: string;
  completionTime?: string;
  steps?: readonly t.OutputOf<typeof StepState>[];
  cloudEvents?: readonly t.OutputOf<typeof CloudEventDelivery>[];
  retriesStatus?: readonly TaskRunStatusOutput[];
  resourcesResult?: readonly t.OutputOf<typeof PipelineResourceResult>[];
}

/**
 * The codec of a TaskRun's status; fields in the order Go printed them.
 *
 * @example
 * ```ts
 * TaskRunStatus.decode({ podName: 'run-pod-abcdef', startTime: '2019-10-30T10:00:00Z' }); // Right(...)
 * ```
 *
 * @public
 */
export const TaskRunStatus: import('./struct').StructType<TaskRunStatusProps> = struct('TaskRunStatus', {
  observedGeneration: omitZero(int),
  conditions: listOf(StatusCondition),
  podName: printZero(goString, ''),
  startTime: timeCodec,
  completionTime: timeCodec,
  steps: listOf(StepState),
  cloudEvents: listOf(CloudEventDelivery),
  retriesStatus: listOf(t.recursion<TaskRunStatus, TaskRunStatusOutput, unknown>('TaskRunStatus', () => TaskRunStatus) as t.Type<TaskRunStatus, TaskRunStatusOutput, unknown>),
  resourcesResult: listOf(PipelineResourceResult),
}, { observedGeneration: DuckStatus, conditions: DuckStatus });

/**
 * A TaskRun object, with its status.
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
