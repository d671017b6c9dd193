/**
 * The reasons Tekton at 6c132b937e gave in a TaskRun's `Succeeded`
 * condition (pkg/status/taskrunreasons.go, plus the two the reconciler
 * spelled out where it used them: `Pending` and `TaskRunCancelled`).
 *
 * @packageDocumentation
 */

/**
 * Every reason a TaskRun's `Succeeded` condition can carry, by name.
 *
 * @example
 * ```ts
 * getCondition(status.conditions, SUCCEEDED)?.reason === TASKRUN_REASONS.timedOut; // the TaskRun timed out
 * ```
 *
 * @public
 */
export const TASKRUN_REASONS = {
  /** Unknown: the Pod runs (or was just created) and not every step has finished. */
  running: 'Running',
  /** Unknown: the Pod is pending; the message says why. */
  pending: 'Pending',
  /** Unknown: the Pod cannot be scheduled because no node has the resources it asks for. */
  exceededNodeResources: 'ExceededNodeResources',
  /** Unknown: a ResourceQuota refused the Pod; Tekton tried again later. */
  exceededResourceQuota: 'ExceededResourceQuota',
  /** True: every step has finished well. */
  succeeded: 'Succeeded',
  /** False: a step failed, or the Pod did. */
  failed: 'Failed',
  /** False: the TaskRun ran longer than its timeout. */
  timedOut: 'TaskRunTimeout',
  /** False: `spec.status` asked for cancellation. */
  cancelled: 'TaskRunCancelled',
  /** False: the Pod could not be created. */
  couldntGetTask: 'CouldntGetTask',
  /** False: the Task or a PipelineResource could not be found. */
  resolutionFailed: 'TaskRunResolutionFailed',
  /** False: params or resources did not fit the Task. */
  validationFailed: 'TaskRunValidationFailed',
} as const;

/**
 * One of {@link TASKRUN_REASONS}' values.
 *
 * @example
 * ```ts
 * const reason: TaskRunReason = 'TaskRunTimeout';
 * ```
 *
 * @public
 */
export type TaskRunReason = (typeof TASKRUN_REASONS)[keyof typeof TASKRUN_REASONS];
