/**
 * Resource requests (Tekton's findMaxResourceRequest and
 * zeroNonMaxResourceRequests): steps run one at a time, so only the step with
 * the largest request of each resource keeps it; every other step requests 0.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import type { Step } from '../model/tekton';
import { compareQuantity, parseQuantity, Quantity } from '../quantity';

/** The resources whose requests are zeroed. */
export const ZEROED_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'] as const;

const ZERO: Quantity = (() => {
  const q = parseQuantity('0');
  if (E.isLeft(q)) throw new Error('unreachable: "0" is a quantity');
  return q.right;
})();

/**
 * For each resource, the index of the first step with the largest request
 * (strictly above 0), or -1 when no step requests it.
 *
 * @example
 * ```ts
 * maxRequestIndices([{ resources: { requests: { cpu: '1' } } }, { resources: { requests: { cpu: '2' } } }]).get('cpu'); // 1
 * ```
 *
 * @public
 */
export function maxRequestIndices(steps: readonly Step[]): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const name of ZEROED_RESOURCES) {
    let best = -1;
    let max = ZERO;
    steps.forEach((s, i) => {
      const raw = s.resources?.requests?.[name];
      if (raw === undefined) return;
      const q = parseQuantity(raw);
      if (E.isRight(q) && compareQuantity(q.right, max) > 0) {
        best = i;
        max = q.right;
      }
    });
    out.set(name, best);
  }
  return out;
}

/**
 * The step with every request it does not hold the maximum of set to "0".
 *
 * @example
 * ```ts
 * zeroNonMaxRequests({ name: 'a' }, 0, new Map([['cpu', -1]])); // requests { cpu: '0' }
 * ```
 *
 * @public
 */
export function zeroNonMaxRequests(step: Step, index: number, maxIndices: ReadonlyMap<string, number>): Step {
  return { ...step, resources: { ...(step.resources ?? {}), requests: zeroedRequests(step, index, maxIndices) } };
}

/** The requests of the step at `index` with each one it does not hold the maximum of set to "0". */
export function zeroedRequests(step: Step, index: number, maxIndices: ReadonlyMap<string, number>): Record<string, string> {
  const requests: Record<string, string> = { ...(step.resources?.requests ?? {}) };
  for (const [name, max] of maxIndices) if (max !== index) requests[name] = '0';
  return requests;
}
