/**
 * pod/api-checks.ts: the API server's offline checks of a Pod
 * (k8s.io/kubernetes pkg/apis/core/validation: ValidatePodSpec's container
 * and volume names, volume mounts), which Tekton left to the API server
 * (DEVIATIONS.md item 7). Each refusal names the TaskRun, the rule and the
 * place in the Pod.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import type { Pod } from '../../src/model/core';
import { checkPod, dns1123LabelProblem } from '../../src/pod/api-checks';

const RUN = 'TaskRun default/run';
const pod = (spec: Pod['spec']): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
const c = (name: string, ...mounts: [string, string][]) => ({ name, image: 'i', ...(mounts.length > 0 ? { volumeMounts: mounts.map(([n, p]) => ({ name: n, mountPath: p })) } : {}) });
const v = (name: string) => ({ name, emptyDir: {} });

function refusedAt(p: Pod, field: string, message: RegExp): void {
  const r = checkPod(p, RUN);
  expect(E.isLeft(r) && { tag: r.left._tag, object: r.left.object, field: r.left.field }).toEqual({ tag: 'Refused', object: RUN, field });
  expect(E.isLeft(r) && r.left.message).toMatch(message);
}

describe('dns1123LabelProblem', () => {
  it.each(['a', 'step-build', '0abc', 'a'.repeat(63), 'a-1-b'])('accepts %s', (name) => {
    expect(dns1123LabelProblem(name)).toBeUndefined();
  });
  it.each([
    ['', /empty/],
    ['a'.repeat(64), /no more than 63 characters/],
    ['Step', /lower case/],
    ['-a', /start and end/],
    ['a-', /start and end/],
    ['a_b', /lower case/],
    ['a.b', /lower case/],
  ])('refuses %j', (name, message) => {
    expect(dns1123LabelProblem(name)).toMatch(message);
  });
});

describe('checkPod', () => {
  it('accepts a valid Pod as it is', () => {
    const p = pod({ volumes: [v('a'), v('b')], initContainers: [c('init', ['a', '/a'])], containers: [c('main', ['a', '/a'], ['b', '/b'])] });
    expect(checkPod(p, RUN)).toEqual(E.right(p));
  });

  it('refuses an invalid volume name', () => {
    refusedAt(pod({ volumes: [v('ok'), v('Not_OK')], containers: [c('main')] }), 'pod.spec.volumes[1].name', /^the API server would refuse this Pod: invalid volume name "Not_OK"/);
  });

  it('refuses a volume name of 64 characters', () => {
    refusedAt(pod({ volumes: [v('x'.repeat(64))], containers: [c('main')] }), 'pod.spec.volumes[0].name', /no more than 63/);
  });

  it('refuses two volumes of one name', () => {
    refusedAt(pod({ volumes: [v('a'), v('b'), v('a')], containers: [c('main')] }), 'pod.spec.volumes[2].name', /^the API server would refuse this Pod: duplicate volume name "a"$/);
  });

  it('refuses an invalid container name, init containers first', () => {
    refusedAt(pod({ initContainers: [c('Init')], containers: [c('Main')] }), 'pod.spec.initContainers[0].name', /invalid container name "Init"/);
    refusedAt(pod({ containers: [c('ok'), c('step-Build')] }), 'pod.spec.containers[1].name', /invalid container name "step-Build"/);
  });

  it('refuses a container name used twice across init and regular containers', () => {
    refusedAt(pod({ initContainers: [c('same')], containers: [c('same')] }), 'pod.spec.containers[0].name', /duplicate container name "same".*initContainers\[0\]/);
  });

  it('names where a repeated container name was first taken, and the first mount at a repeated path', () => {
    refusedAt(pod({ containers: [c('a'), c('b'), c('a')] }), 'pod.spec.containers[2].name', /^the API server would refuse this Pod: duplicate container name "a" \(also pod\.spec\.containers\[0\]\)$/);
    refusedAt(
      pod({ volumes: [v('a'), v('b')], containers: [c('m', ['a', '/x'], ['b', '/y'], ['b', '/z'], ['a', '/y'])] }),
      'pod.spec.containers[0].volumeMounts[3].mountPath',
      /^the API server would refuse this Pod: container "m" mounts two volumes at "\/y" \(also volumeMounts\[1\]\)$/,
    );
  });

  it('refuses a mount of an undeclared volume', () => {
    refusedAt(pod({ volumes: [v('a')], containers: [c('main', ['a', '/a'], ['ghost', '/g'])] }), 'pod.spec.containers[0].volumeMounts[1].name', /container "main" mounts volume "ghost", which the Pod does not declare/);
  });

  it('refuses two mounts at one path in one container', () => {
    refusedAt(pod({ volumes: [v('a'), v('b')], containers: [c('main', ['a', '/same'], ['b', '/same'])] }), 'pod.spec.containers[0].volumeMounts[1].mountPath', /two volumes at "\/same"/);
  });

  it('allows one path in two different containers', () => {
    expect(E.isRight(checkPod(pod({ volumes: [v('a')], initContainers: [c('i', ['a', '/x'])], containers: [c('m', ['a', '/x'])] }), RUN))).toBe(true);
  });

  it('reads a missing name or mountPath as "" (the API server requires them): the refusal names the empty value', () => {
    refusedAt(pod({ volumes: [v('a'), { emptyDir: {} }], containers: [c('main')] }), 'pod.spec.volumes[1].name', /invalid volume name "": must not be empty$/);
    refusedAt(pod({ volumes: [v('a')], initContainers: [c('init')], containers: [{ image: 'i' }] }), 'pod.spec.containers[0].name', /^the API server would refuse this Pod: invalid container name "": must not be empty$/);
    refusedAt(
      pod({ volumes: [v('a')], containers: [{ name: 'main', image: 'i', volumeMounts: [{ mountPath: '/a' }] }] }),
      'pod.spec.containers[0].volumeMounts[0].name',
      /^the API server would refuse this Pod: container "main" mounts volume "", which the Pod does not declare$/,
    );
    refusedAt(
      pod({ volumes: [v('a'), v('b')], containers: [{ name: 'main', image: 'i', volumeMounts: [{ name: 'a' }, { name: 'b' }] }] }),
      'pod.spec.containers[0].volumeMounts[1].mountPath',
      /^the API server would refuse this Pod: container "main" mounts two volumes at "" \(also volumeMounts\[0\]\)$/,
    );
  });

  it('does not throw on a Pod without spec or containers: those lists count as empty (a missing list is not one of its rules)', () => {
    const bare: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } };
    expect(checkPod(bare, RUN)).toEqual(E.right(bare));
    const initOnly = pod({ volumes: [v('a')], initContainers: [c('init', ['a', '/a'])] });
    expect(checkPod(initOnly, RUN)).toEqual(E.right(initOnly));
  });

  it('says the API server would refuse the Pod', () => {
    const r = checkPod(pod({ containers: [c('UPPER')] }), RUN);
    expect(E.isLeft(r) && r.left.message).toMatch(/^the API server would refuse this Pod: /);
  });
});

describe('dns1123LabelProblem matches the label regex', () => {
  it('for names over a-z, A-Z, digits, - and . of every length up to 64', () => {
    const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
    const name = fc.array(fc.constantFrom('a', 'z', '0', '9', '-', 'A', '.', '\u00e9'), { maxLength: 64 }).map((cs) => cs.join(''));
    fc.assert(fc.property(name, (n) => (dns1123LabelProblem(n) === undefined) === (n.length > 0 && n.length <= 63 && DNS1123_LABEL.test(n))));
  });
});
