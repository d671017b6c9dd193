/**
 * taskpod: the Kubernetes Pod that Tekton's TaskRun controller
 * (tekton.dev/v1alpha1, late 2019) would create, computed offline.
 *
 * @example
 * ```ts
 * import { parseDocuments, collectObjects, renderPod, formatError } from 'taskpod';
 * import * as E from 'fp-ts/Either';
 * import { pipe } from 'fp-ts/function';
 *
 * const pod = pipe(
 *   parseDocuments(yamlText, 'input.yaml'),
 *   E.chain((docs) => collectObjects(docs, (i) => `document ${i + 1}`)),
 *   E.chain((objects) => renderPod(objects)),
 * );
 * if (E.isLeft(pod)) console.error(formatError(pod.left));
 * ```
 *
 * @packageDocumentation
 */

// The whole render.
export { renderPod, admit, redirect, substitute } from './render';
export type { RenderOptions } from './render';
export { renderTaskRun } from './render';
export type { RenderResult } from './render';

// PipelineRuns: everything the controllers created, in order, and the stages.
export { expandPipelineRun, admitPipelineRun, pipelineRunName, encodeTaskRun, encodeClaim } from './pipeline/expand';
export type { PipelineRunExpansion, CreatedTaskRun, PipelineRunItem, RenderedTaskRun, RenderedClaim } from './pipeline/expand';
export { resolvePipelineRun, PIPELINE_LABEL } from './pipeline/resolve';
export type { AdmittedPipelineRun, ResolvedPipelineRun, ResolvedPipelineTask, ResolvedCondition, PipelineTaskBinding, BoundResource } from './pipeline/resolve';
export { buildGraph, schedulable } from './pipeline/dag';
export type { PipelineGraph } from './pipeline/dag';
export { applyPipelineParameters, validateParamTypesMatching } from './pipeline/params';
export { pipelineTaskRun, taskRunBindings, taskRunLabels, taskRunTimeout, serviceAccountFor, pipelineRunOwnerReference, PIPELINE_RUN_LABEL, PIPELINE_TASK_LABEL, CONDITION_CHECK_LABEL } from './pipeline/taskruns';
export { conditionTaskSpec, conditionCheckRun } from './pipeline/conditions';
export { pipelineRunStorage } from './pipeline/storage';
export type { PipelineStorage } from './pipeline/storage';
export { defaultPipelineSpec, defaultPipelineRun, validatePipeline, validatePipelineSpec, validatePipelineRun, validateCondition, TEKTON_RUN_DEFAULTS } from './admission/pipeline';
export type { RunDefaults } from './admission/pipeline';

// Inputs.
export { parseDocuments, DEFAULT_LIMITS } from './input/yaml';
export type { ReadLimits } from './input/yaml';
export { collectObjects, concatObjects, EMPTY_OBJECTS, DEFAULT_NAMESPACE, isPipelineRunInput } from './input/objects';
export type { InputObjects } from './input/objects';
export { decodeAs } from './input/decode';
export { resolveRun, theTaskRun } from './resolve';
export type { ResolvedRun } from './resolve';

// Configuration.
export { DEFAULT_CONFIG, DEFAULT_IMAGES, decodeConfig, configFromFile, ConfigFile } from './model/config';
export type { Config, Images, ImageEntrypoints } from './model/config';

// Errors.
export { formatError, foldError, objectLabel } from './errors';
export type { TaskpodError, ErrorTag } from './errors';

// Warnings: inputs Tekton ran as they are, though doubtful.
export { formatWarning } from './warnings';
export type { TaskpodWarning } from './warnings';

// Admission.
export { defaultTaskRun, defaultTaskSpec } from './admission/defaults';
export { validateTaskRun, validateTaskSpec, validateParams, validateResourceSpec } from './admission/validate';
export type { Check } from './admission/validate';

// Substitution.
export { applyParameters, applyReplacements, replaceVariables, paramReplacements } from './substitution';
export type { StringReplacements, ArrayReplacements } from './substitution';

// Pod stages.
export { makePod, withImplicits, stepContainerName } from './pod/build';
export type { MakePodInput, PodRun, PodCredentials } from './pod/build';
export { makeCredentialInitializer, credentialFlags } from './pod/credentials';
export type { CredentialInit } from './pod/credentials';
export { makeWorkingDirInitializer, workingDirsToCreate } from './pod/working-dir';
export { placeScript, runScriptFile, placeScriptsStep, fillPlaceScripts } from './pod/scripts';
export type { PlacedScript } from './pod/scripts';
export { entrypointArgs, redirectTaskSpec } from './pod/entrypoint';
export { maxRequestIndices, zeroNonMaxRequests } from './pod/requests';
export { mergeWithTemplate, mergeAllWithTemplate } from './pod/step-template';
export { podLabels, podAnnotations } from './pod/metadata';
export { checkPod, dns1123LabelProblem } from './pod/api-checks';
export { READY_ANNOTATION, READY_VALUE } from './pod/constants';

// Explanation of a rendered Pod.
export { explainPod, explainRender, formatExplanation, explanationMermaid } from './explain';
export type { PodExplanation, ContainerExplanation, ContainerOrigin, VolumeExplanation, EnvExplanation, MountExplanation } from './explain';
export { explainPipelineRun, explainPipelineRunRender, formatPipelineExplanation, pipelineExplanationMermaid } from './explain/pipeline';
export type { PipelineRunExplanation, PipelineTaskExplanation, PipelineEdge, ResourceFlow } from './explain/pipeline';
export { simulate } from './pipeline/simulate';
export type { Outcomes, ExpandOptions, TaskOutcome, SimulatedTaskRun, Simulation } from './pipeline/simulate';
export { generatedNames, creatable } from './pipeline/names';
export type { NamedTasks } from './pipeline/names';
export { finalPipelineRun } from './pipeline/expand';
export { pipelineRunStatus } from './status/pipelinerun-input';
export type { PipelineRunStatusResult } from './status/pipelinerun-input';
export {
  PIPELINERUN_REASONS,
  isFailure,
  isSuccessful,
  isTaskDone,
  isSkipped,
  successfulTaskNames,
  nextTasks,
  isTimedOut,
  pipelineConditionStatus,
  taskRunsStatus,
  reconcileStatus,
} from './status/pipelinerun';
export type { PipelineTaskState, ConditionCheckState } from './status/pipelinerun';
export type { PipelineRunStatus, PipelineRunTaskRunStatus, PipelineRunConditionCheckStatus, ConditionCheckStatus } from './model/pipeline';

// Names.
export { withSuffix, restrictLength, podName, generatedName } from './names';

// Quantities.
export { parseQuantity, compareQuantity, formatQuantity, canonicalQuantity } from './quantity';
export type { Quantity, QuantityFormat } from './quantity';

// Types of the objects read and written.
export type { Pod, PodSpec, Container, Volume, VolumeMount, EnvVar, Secret, ServiceAccount, ConfigMap, ObjectMeta, OwnerReference } from './model/core';
export type { PersistentVolumeClaim } from './artifacts/claim';
export { PersistentVolumeClaim as PersistentVolumeClaimCodec } from './artifacts/claim';
export { OwnerReference as OwnerReferenceCodec } from './model/core';
export type { Task, TaskRun, TaskSpec, Step, PipelineResource, Param, ParamSpec, TaskResource, TaskResourceBinding, PodTemplate, PipelineResourceSpec } from './model/tekton';
export type { StructType, StructOf, StructOutputOf, MapType, ZeroField, ZeroRule } from './model/struct';
export type { RenderedPod, RequiredPodFields, Concrete } from './model/rendered';
export { Pod as PodCodec, Container as ContainerCodec } from './model/core';
export { Task as TaskCodec, TaskRun as TaskRunCodec, PipelineResource as PipelineResourceCodec } from './model/tekton';
export type { Pipeline, PipelineSpec, PipelineTask, PipelineTaskCondition, PipelineDeclaredResource, PipelineRun, PipelineRunSpec, Condition, ConditionSpec } from './model/pipeline';
export { Pipeline as PipelineCodec, PipelineRun as PipelineRunCodec, Condition as ConditionCodec } from './model/pipeline';

// Sidecars: ready gating, stopping, the nop-image check, native sidecars.
export * from './sidecars';


// Status: a TaskRun's status from its Pod, with "now" as a parameter.
export * from './status';
export type { TaskRunStatus, TaskRunStatusProps, StatusCondition, StepState, PipelineResourceResult, TaskRunStatusOutput, CloudEventDelivery } from './model/tekton';
export { TaskRunStatus as TaskRunStatusCodec, StatusCondition as StatusConditionCodec } from './model/tekton';
