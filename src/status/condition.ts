/**
 * Conditions as knative's `apis` package (vendored by Tekton at 6c132b937e)
 * kept them on a TaskRun or PipelineRun status: one condition per type,
 * sorted by type; setting a condition that differs from the one there only
 * in its time changes nothing, any other change stamps it with "now" (here
 * a parameter, never the clock).
 *
 * @packageDocumentation
 */
import type { StatusCondition } from '../model/tekton';
import { compareGoStrings } from '../util';

/**
 * The condition type of a run that ends: `Succeeded` (knative's
 * `ConditionSucceeded`, the "happy" condition of a batch condition set).
 *
 * @example
 * ```ts
 * getCondition(status.conditions, SUCCEEDED)?.status; // 'Unknown' while running
 * ```
 *
 * @public
 */
export const SUCCEEDED = 'Succeeded';

/**
 * A condition's status (Kubernetes' `ConditionStatus`).
 *
 * @example
 * ```ts
 * const done: ConditionStatus = 'True';
 * ```
 *
 * @public
 */
export type ConditionStatus = 'True' | 'False' | 'Unknown';

/**
 * The first condition of `type`, if any (knative's `GetCondition`).
 *
 * @example
 * ```ts
 * getCondition([{ type: 'Succeeded', status: 'True' }], 'Succeeded'); // { type: 'Succeeded', status: 'True' }
 * ```
 *
 * @public
 */
export function getCondition(conditions: readonly StatusCondition[] | undefined, type: string): StatusCondition | undefined {
  return (conditions ?? []).find((c) => (c.type ?? '') === type);
}

/**
 * Whether a condition is `True` (`false` for no condition).
 *
 * @example
 * ```ts
 * isTrue(getCondition(status.conditions, SUCCEEDED)); // the run succeeded
 * ```
 *
 * @public
 */
export const isTrue = (c: StatusCondition | undefined): boolean => c?.status === 'True';

/**
 * Whether a condition is `False` (`false` for no condition).
 *
 * @example
 * ```ts
 * isFalse(getCondition(status.conditions, SUCCEEDED)); // the run failed
 * ```
 *
 * @public
 */
export const isFalse = (c: StatusCondition | undefined): boolean => c?.status === 'False';

/**
 * Whether a condition is `Unknown`; no condition at all counts as unknown,
 * as knative counted it (a run with no `Succeeded` condition is not done).
 *
 * @example
 * ```ts
 * isUnknown(undefined); // true
 * ```
 *
 * @public
 */
export const isUnknown = (c: StatusCondition | undefined): boolean => c === undefined || c.status === 'Unknown';

/** The fields knative compared, absent read as Go's empty string. */
function sameButTime(a: StatusCondition, b: StatusCondition): boolean {
  return (
    (a.type ?? '') === (b.type ?? '') &&
    (a.status ?? '') === (b.status ?? '') &&
    (a.severity ?? '') === (b.severity ?? '') &&
    (a.reason ?? '') === (b.reason ?? '') &&
    (a.message ?? '') === (b.message ?? '')
  );
}

/**
 * A condition with its empty optional fields left out (they are `omitempty`
 * in Go, so they were never printed).
 */
function tidy(c: StatusCondition): StatusCondition {
  return {
    type: c.type ?? '',
    status: c.status ?? '',
    ...(c.severity !== undefined && c.severity !== '' ? { severity: c.severity } : {}),
    ...(c.lastTransitionTime !== undefined ? { lastTransitionTime: c.lastTransitionTime } : {}),
    ...(c.reason !== undefined && c.reason !== '' ? { reason: c.reason } : {}),
    ...(c.message !== undefined && c.message !== '' ? { message: c.message } : {}),
  };
}

/**
 * knative's `SetCondition`: `next` replaces the conditions of its type. When
 * one of them already says the same (type, status, severity, reason,
 * message), the list is returned unchanged, times included; otherwise
 * `next` gets `lastTransitionTime: now` (metav1.Time text, see
 * `goTimeText`) and the list comes back sorted by type, byte-wise, ties
 * kept in order (Go's sort of up to 12 conditions kept them so).
 *
 * @example
 * ```ts
 * setCondition([], { type: 'Succeeded', status: 'Unknown', reason: 'Running' }, '2019-10-30T10:00:00Z');
 * // [{ type: 'Succeeded', status: 'Unknown', lastTransitionTime: '2019-10-30T10:00:00Z', reason: 'Running' }]
 * ```
 *
 * @public
 */
export function setCondition(conditions: readonly StatusCondition[] | undefined, next: StatusCondition, now: string): readonly StatusCondition[] {
  const type = next.type ?? '';
  const kept: StatusCondition[] = [];
  for (const c of conditions ?? []) {
    if ((c.type ?? '') !== type) kept.push(c);
    else if (sameButTime(c, next)) return conditions ?? [];
  }
  const stamped = tidy({ ...next, lastTransitionTime: now });
  return [...kept, stamped].map((c, i) => ({ c, i })).sort((a, b) => compareGoStrings(a.c.type ?? '', b.c.type ?? '') || a.i - b.i).map((x) => x.c);
}

/**
 * knative's `InitializeConditions` for a batch condition set (Tekton's
 * TaskRuns and PipelineRuns): a `Succeeded` condition with status
 * `Unknown` when there is none yet.
 *
 * @example
 * ```ts
 * initializeConditions(undefined, '2019-10-30T10:00:00Z');
 * // [{ type: 'Succeeded', status: 'Unknown', lastTransitionTime: '2019-10-30T10:00:00Z' }]
 * ```
 *
 * @public
 */
export function initializeConditions(conditions: readonly StatusCondition[] | undefined, now: string): readonly StatusCondition[] {
  if (getCondition(conditions, SUCCEEDED) !== undefined) return conditions ?? [];
  return setCondition(conditions, { type: SUCCEEDED, status: 'Unknown' }, now);
}
