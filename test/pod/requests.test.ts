/**
 * pod/requests.ts: Tekton's findMaxResourceRequest and
 * zeroNonMaxResourceRequests (pod.go). The worked case is taskrun_test.go's
 * "taskrun-with-resource-requests".
 */
import type { Step } from '../../src/model/tekton';
import { maxRequestIndices, zeroNonMaxRequests } from '../../src/pod/requests';
import { step, withLimits, withRequests, ZERO_REQUESTS } from '../support/builders';

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
