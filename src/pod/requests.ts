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
 * Whether `raw` is plainly a positive quantity: a digit 1-9, digits, and
 * one of the suffixes (or none). Such a text always parses, to a value
 * above 0 (a BinarySI cap or a rounding to 1n keeps it above 0); any other
 * text is left to {@link parseQuantity}.
 */
function isPlainlyPositive(raw: string): boolean {
  const n = raw.length;
  if (n === 0) return false;
  const first = raw.charCodeAt(0);
  if (first < 0x31 || first > 0x39) return false;
  let i = 1;
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    i++;
  }
  const rest = n - i;
  if (rest === 0) return true;
  const s = raw.charCodeAt(i);
  // n u m k M G T P E (decimal), Ki Mi Gi Ti Pi Ei (binary).
  if (rest === 1) return s === 0x6e || s === 0x75 || s === 0x6d || s === 0x6b || s === 0x4d || s === 0x47 || s === 0x54 || s === 0x50 || s === 0x45;
  return rest === 2 && raw.charCodeAt(i + 1) === 0x69 && (s === 0x4b || s === 0x4d || s === 0x47 || s === 0x54 || s === 0x50 || s === 0x45);
}

/**
 * The index of the first step with the largest request of `name` (above 0),
 * or -1. `only` is the one step requesting it, when exactly one does (-1
 * when none does, -2 when several do): a single plainly positive request
 * needs no parsing.
 */
function maxRequestIndex(steps: readonly Step[], name: string, only: number): number {
  if (only === -1) return -1;
  if (only >= 0 && isPlainlyPositive(steps[only]!.resources!.requests![name]!)) return only;
  let best = -1;
  let max = ZERO;
  for (let i = 0; i < steps.length; i++) {
    const raw = steps[i]!.resources?.requests?.[name];
    if (raw === undefined) continue;
    const q = parseQuantity(raw);
    if (E.isRight(q) && compareQuantity(q.right, max) > 0) {
      best = i;
      max = q.right;
    }
  }
  return best;
}

/** The step requesting the resource: `i` when it is the first one, -2 when it is not. */
const requester = (seen: number, i: number): number => (seen === -1 ? i : -2);

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
  // One pass finds who requests what (most steps request nothing).
  let cpu = -1;
  let memory = -1;
  let storage = -1;
  for (let i = 0; i < steps.length; i++) {
    const requests = steps[i]!.resources?.requests;
    if (requests === undefined) continue;
    if (requests.cpu !== undefined) cpu = requester(cpu, i);
    if (requests.memory !== undefined) memory = requester(memory, i);
    if (requests['ephemeral-storage'] !== undefined) storage = requester(storage, i);
  }
  const out = new Map<string, number>();
  out.set('cpu', maxRequestIndex(steps, 'cpu', cpu));
  out.set('memory', maxRequestIndex(steps, 'memory', memory));
  out.set('ephemeral-storage', maxRequestIndex(steps, 'ephemeral-storage', storage));
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
  const requests: Record<string, string> = { ...(step.resources?.requests ?? {}) };
  maxIndices.forEach((max, name) => {
    if (max !== index) requests[name] = '0';
  });
  return { ...step, resources: { ...(step.resources ?? {}), requests } };
}

/**
 * The requests of the step at `index` with each one it does not hold the
 * maximum of set to "0". `maxIndices` is what {@link maxRequestIndices}
 * returned (its three resources, in that order), so the stores are named.
 */
export function zeroedRequests(step: Step, index: number, maxIndices: ReadonlyMap<string, number>): Record<string, string> {
  const given = step.resources?.requests;
  const requests: Record<string, string> = given === undefined ? {} : { ...given };
  if (maxIndices.get('cpu') !== index) requests.cpu = '0';
  if (maxIndices.get('memory') !== index) requests.memory = '0';
  if (maxIndices.get('ephemeral-storage') !== index) requests['ephemeral-storage'] = '0';
  return requests;
}
