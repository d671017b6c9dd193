/**
 * pod/requests.ts: Tekton's findMaxResourceRequest and
 * zeroNonMaxResourceRequests (pod.go). The worked case is taskrun_test.go's
 * "taskrun-with-resource-requests".
 */
import type { Step } from '../../src/model/tekton';
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { maxRequestIndices, zeroedRequests, zeroNonMaxRequests } from '../../src/pod/requests';
import { compareQuantity, parseQuantity, Quantity } from '../../src/quantity';
import { step, withLimits, withRequests, ZERO_REQUESTS } from '../support/builders';

const ZERO_QUANTITY = (parseQuantity('0') as E.Right<Quantity>).right;

const indices = (steps: Step[]) => Object.fromEntries(maxRequestIndices(steps));
const zeroAll = (steps: Step[]) => {
  const max = maxRequestIndices(steps);
  return steps.map((s, i) => zeroNonMaxRequests(s, i, max));
};

describe('taskrun-with-resource-requests', () => {
  const steps = [
    step('place-tools', 'entrypoint'),
    step('step1', 'foo', withLimits({ cpu: '8', memory: '10Gi' }), withRequests({ cpu: '4', memory: '3Gi' })),
    step('step2', 'foo', withLimits({ memory: '5Gi' }), withRequests({ cpu: '2', memory: '5Gi', 'ephemeral-storage': '25Gi' })),
    step('step3', 'foo'),
  ];

  it('finds the step with the largest request of each resource', () => {
    expect(indices(steps)).toEqual({ cpu: 1, memory: 2, 'ephemeral-storage': 2 });
  });

  it('zeroes every other request and keeps the limits', () => {
    expect(zeroAll(steps).slice(1)).toEqual([
      step('step1', 'foo', withLimits({ cpu: '8', memory: '10Gi' }), withRequests({ cpu: '4', memory: '0', 'ephemeral-storage': '0' })),
      step('step2', 'foo', withLimits({ memory: '5Gi' }), withRequests({ cpu: '0', memory: '5Gi', 'ephemeral-storage': '25Gi' })),
      step('step3', 'foo', withRequests(ZERO_REQUESTS)),
    ]);
  });
});

describe('maxRequestIndices', () => {
  it('is -1 for a resource no step requests', () => {
    expect(indices([step('a', 'i'), step('b', 'i')])).toEqual({ cpu: -1, memory: -1, 'ephemeral-storage': -1 });
  });

  it('compares quantities by value, not by text', () => {
    expect(indices([step('a', 'i', withRequests({ cpu: '500m' })), step('b', 'i', withRequests({ cpu: '1' })), step('c', 'i', withRequests({ cpu: '999m' }))]).cpu).toBe(1);
    expect(indices([step('a', 'i', withRequests({ memory: '1Gi' })), step('b', 'i', withRequests({ memory: '1000Mi' })), step('c', 'i', withRequests({ memory: '1G' }))]).memory).toBe(0);
  });

  it('keeps the first step on a tie', () => {
    expect(indices([step('a', 'i'), step('b', 'i', withRequests({ cpu: '1' })), step('c', 'i', withRequests({ cpu: '1000m' }))]).cpu).toBe(1);
  });

  it('never picks a request of 0', () => {
    expect(indices([step('a', 'i', withRequests({ cpu: '0' }))]).cpu).toBe(-1);
  });

  it('looks only at requests, not limits', () => {
    expect(indices([step('a', 'i', withLimits({ cpu: '9' })), step('b', 'i', withRequests({ cpu: '1' }))]).cpu).toBe(1);
  });
});

describe('zeroNonMaxRequests', () => {
  it('gives a step without resources zero requests (pod_test "simple")', () => {
    expect(zeroNonMaxRequests(step('a', 'i'), 0, new Map([['cpu', -1], ['memory', -1], ['ephemeral-storage', -1]]))).toEqual(step('a', 'i', withRequests(ZERO_REQUESTS)));
  });

  it('leaves other resources alone', () => {
    const s = step('a', 'i', withRequests({ 'nvidia.com/gpu': '1', cpu: '2' }));
    expect(zeroNonMaxRequests(s, 0, new Map([['cpu', 3], ['memory', -1], ['ephemeral-storage', -1]])).resources?.requests).toEqual({
      'nvidia.com/gpu': '1',
      cpu: '0',
      memory: '0',
      'ephemeral-storage': '0',
    });
  });

  it('keeps the requests a step holds the maximum of', () => {
    const s = step('a', 'i', withRequests({ cpu: '2', memory: '1Gi' }));
    expect(zeroNonMaxRequests(s, 4, new Map([['cpu', 4], ['memory', 4], ['ephemeral-storage', -1]])).resources?.requests).toEqual({ cpu: '2', memory: '1Gi', 'ephemeral-storage': '0' });
  });
});

describe('maxRequestIndices against its first definition', () => {
  // The definition before the single-requester shortcut: every request parsed and compared.
  const reference = (steps: readonly Step[]): Map<string, number> => {
    const out = new Map<string, number>();
    for (const name of ['cpu', 'memory', 'ephemeral-storage']) {
      let best = -1;
      let max = ZERO_QUANTITY;
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
  };
  const quantity = fc.oneof(
    fc.stringMatching(/^[+-]?[0-9]{0,4}(\.[0-9]{0,3})?([numkMGTPE]|[KMGTPE]i|[eE][+-]?[0-9]{1,2}|e|x|Ki?)?$/),
    fc.constantFrom('0', '1', '500m', '1Gi', '01', '1e', '1Ei', '9'.repeat(30) + 'Ei', ''),
  );
  const requests = fc.record({ cpu: quantity, memory: quantity, 'ephemeral-storage': quantity }, { requiredKeys: [] });
  const steps = fc.array(fc.option(requests, { nil: undefined }).map((r): Step => (r === undefined ? { name: 's' } : { name: 's', resources: { requests: r } })), { maxLength: 5 });

  it('finds the same indices, in the same order', () => {
    fc.assert(
      fc.property(steps, (xs) => {
        expect([...maxRequestIndices(xs)]).toEqual([...reference(xs)]);
      }),
      { numRuns: 2000 },
    );
  });

  it('zeroes the same requests through zeroNonMaxRequests and makePod\'s zeroedRequests', () => {
    fc.assert(
      fc.property(steps, (xs) => {
        const max = maxRequestIndices(xs);
        xs.forEach((s, i) => {
          const generic = zeroNonMaxRequests(s, i, max).resources?.requests;
          expect(JSON.stringify(zeroedRequests(s, i, max))).toBe(JSON.stringify(generic));
        });
      }),
    );
  });
});
