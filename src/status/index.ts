/**
 * Status: what Tekton's controller wrote back once a Pod ran. A TaskRun's
 * status from its Pod, as pure functions of values and the time "now".
 * Re-exports only.
 *
 * @packageDocumentation
 */
export { taskRunStatus, podCreationFailedStatus } from './taskrun';
export type { TaskRunStatusOptions, TaskRunStatusResult, PodCreationFailure } from './taskrun';
export { updateStatusFromPod, failureMessage, waitingMessage, exceedsNodeResources, exceededResourcesMessage, RUNNING_MESSAGE, SUCCEEDED_MESSAGE } from './pod';
export type { StatusSubject } from './pod';
export { stepStates } from './steps';
export { parseResourceResults, resourceResultsFromPod } from './resource-results';
export type { ResourceResultsParse } from './resource-results';
export { SUCCEEDED, getCondition, setCondition, initializeConditions, isTrue, isFalse, isUnknown } from './condition';
export type { ConditionStatus } from './condition';
export { TASKRUN_REASONS } from './reasons';
export type { TaskRunReason } from './reasons';
export { goQuote, goTimeText, timeMillis } from './go-text';
export { DEFAULTS_CONFIG_NAME, runDefaults } from '../admission/config-defaults';
