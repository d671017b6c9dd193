/**
 * The sidecar lifecycle of a TaskRun's Pod as pure functions: ready gating,
 * deciding when to stop, stopping by image swap, checking the nop image
 * for the bug that keeps sidecars running, and the native-sidecar
 * alternative. Re-exports only.
 *
 * @example
 * ```ts
 * import * as E from 'fp-ts/Either';
 * import { readLivePod, readyUpdate, shouldStopSidecars, stopSidecars } from 'taskpod';
 *
 * const live = readLivePod(podJson);
 * if (E.isRight(live)) {
 *   const ready = readyUpdate(live.right);           // patch with tekton.dev/ready when due
 *   if (shouldStopSidecars(live.right, nop)) stopSidecars(live.right, nop).patch;
 * }
 * ```
 *
 * @packageDocumentation
 */
export { readLivePod, nativeSidecarNames, isStepName, pointer, pointerToken } from './pod';
export type { JsonObject, JsonPatch, JsonPatchOperation, LivePod, PodUpdate } from './pod';
export { sidecarReadiness, sidecarStatuses, hasReadyAnnotation, addReadyAnnotation, readyUpdate } from './ready';
export type { Readiness, ReadyUpdate, SidecarState, SidecarStatus } from './ready';
export { stepsComplete, taskRunComplete, runningSidecars, shouldStopSidecars, stopSidecars } from './stop';
export type { RunningSidecar, StopUpdate } from './stop';
export { toNativeSidecars, asNativeSidecar, NATIVE_SIDECARS_MIN_KUBERNETES } from './native';
export type { SidecarMode } from './native';
export {
  TEKTON_NOP_IMAGE,
  TEKTON_NOP_REPOSITORY,
  STANDARD_PATH,
  isTektonNopImage,
  nopImageContaining,
  knownNopImage,
  checkSidecar,
  checkSidecars,
  nopRisks,
  nopWarnings,
  resolveProgram,
  expandCommandWord,
  commandEnv,
} from './nop-risk';
export type { NopImage, NopVerdict, SidecarNopCheck, CommandEnv } from './nop-risk';
