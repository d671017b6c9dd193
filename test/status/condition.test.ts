/**
 * status/condition.ts: knative's condition bookkeeping as vendored by Tekton
 * at 6c132b937e (vendor/knative.dev/pkg/apis/condition_set.go): one
 * condition per type, sorted by type, a new time only for a real change.
 */
import type { StatusCondition } from '../../src/model/tekton';
import { getCondition, initializeConditions, isFalse, isTrue, isUnknown, setCondition, SUCCEEDED } from '../../src/status/condition';

const T0 = '2019-10-30T10:00:00Z';
const T1 = '2019-10-30T11:00:00Z';

describe('setCondition', () => {
  it('adds a condition stamped with now, empty optional fields left out', () => {
    expect(setCondition(undefined, { type: 'Succeeded', status: 'Unknown', severity: '', reason: '', message: 'm' }, T0)).toEqual([
      { type: 'Succeeded', status: 'Unknown', lastTransitionTime: T0, message: 'm' },
    ]);
  });

  it('a condition that differs only in its time changes nothing', () => {
    const before: StatusCondition[] = [{ type: 'Succeeded', status: 'Unknown', lastTransitionTime: T0, reason: 'Running', message: 'm' }];
    const after = setCondition(before, { type: 'Succeeded', status: 'Unknown', reason: 'Running', message: 'm' }, T1);
    expect(after).toBe(before);
  });

  it('absent and empty fields are the same (Go\'s zero strings)', () => {
    const before: StatusCondition[] = [{ type: 'Succeeded', status: 'Unknown', lastTransitionTime: T0, reason: '' }];
    expect(setCondition(before, { type: 'Succeeded', status: 'Unknown' }, T1)).toBe(before);
  });

  it('any other change replaces it, with the new time', () => {
    const before: StatusCondition[] = [{ type: 'Succeeded', status: 'Unknown', lastTransitionTime: T0, reason: 'Running' }];
    expect(setCondition(before, { type: 'Succeeded', status: 'Unknown', reason: 'Pending' }, T1)).toEqual([
      { type: 'Succeeded', status: 'Unknown', lastTransitionTime: T1, reason: 'Pending' },
    ]);
    expect(setCondition(before, { type: 'Succeeded', status: 'Unknown', reason: 'Running', severity: 'Warning' }, T1)[0]?.lastTransitionTime).toBe(T1);
  });

  it('keeps the other types and sorts by type, byte-wise', () => {
    const before: StatusCondition[] = [
      { type: 'a', status: 'True' },
      { type: 'Z', status: 'True' },
    ];
    expect(setCondition(before, { type: 'Succeeded', status: 'True' }, T0).map((c) => c.type)).toEqual(['Succeeded', 'Z', 'a']);
  });

  it('drops every older condition of the same type', () => {
    const before: StatusCondition[] = [
      { type: 'Succeeded', status: 'Unknown' },
      { type: 'Succeeded', status: 'False' },
    ];
    expect(setCondition(before, { type: 'Succeeded', status: 'True' }, T0)).toEqual([{ type: 'Succeeded', status: 'True', lastTransitionTime: T0 }]);
  });
});

describe('initializeConditions', () => {
  it('adds Succeeded: Unknown when there is no Succeeded condition', () => {
    expect(initializeConditions([{ type: 'Other', status: 'True' }], T0)).toEqual([
      { type: 'Other', status: 'True' },
      { type: 'Succeeded', status: 'Unknown', lastTransitionTime: T0 },
    ]);
  });

  it('leaves a Succeeded condition as it is', () => {
    const before: StatusCondition[] = [{ type: 'Succeeded', status: 'False', reason: 'Failed' }];
    expect(initializeConditions(before, T0)).toBe(before);
  });
});

describe('reading conditions', () => {
  it('getCondition finds the first of the type', () => {
    expect(getCondition([{ type: 'A', status: 'True' }, { type: SUCCEEDED, status: 'False' }], SUCCEEDED)?.status).toBe('False');
    expect(getCondition(undefined, SUCCEEDED)).toBeUndefined();
  });

  it('no condition is unknown, neither true nor false', () => {
    expect([isTrue(undefined), isFalse(undefined), isUnknown(undefined)]).toEqual([false, false, true]);
    expect([isTrue({ status: 'True' }), isFalse({ status: 'False' }), isUnknown({ status: 'Unknown' })]).toEqual([true, true, true]);
    expect(isUnknown({ status: 'True' })).toBe(false);
  });
});
