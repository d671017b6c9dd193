import * as E from 'fp-ts/Either';
import { renderPod } from '../../src/render';
import { asNativeSidecar, toNativeSidecars } from '../../src/sidecars/native';
import { checkSidecars, nopImageContaining } from '../../src/sidecars/nop-risk';
import { readLivePod } from '../../src/sidecars/pod';
import { sidecarReadiness } from '../../src/sidecars/ready';
import { runningSidecars, shouldStopSidecars, stopSidecars } from '../../src/sidecars/stop';
import { DEFAULT_IMAGES } from '../../src/model/config';
import type { Container } from '../../src/model/core';
import { clone, Json, live, running, terminated } from './fixtures';
import { INPUT_YAML, objectsOf } from './render-input';

type PodJ = { spec: { initContainers: Json[]; containers: Json[] } & Json } & Json;

function render(sidecars?: 'nop' | 'native'): PodJ {
  const r = renderPod(objectsOf(INPUT_YAML), sidecars === undefined ? {} : { sidecars });
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right as unknown as PodJ;
}

describe('asNativeSidecar', () => {
  it('puts restartPolicy after resources, where Kubernetes prints it', () => {
    expect(Object.keys(asNativeSidecar({ name: 'a', image: 'i', env: [], resources: {}, volumeMounts: [], securityContext: {} }))).toEqual(['name', 'image', 'env', 'resources', 'restartPolicy', 'volumeMounts', 'securityContext']);
    expect(Object.keys(asNativeSidecar({ name: 'a', image: 'i', securityContext: {} }))).toEqual(['name', 'image', 'restartPolicy', 'securityContext']);
    expect(Object.keys(asNativeSidecar({ name: 'a', image: 'i' }))).toEqual(['name', 'image', 'restartPolicy']);
  });

  it('replaces a restartPolicy already there', () => {
    expect(asNativeSidecar({ name: 'a', restartPolicy: 'Never' })).toEqual({ name: 'a', restartPolicy: 'Always' });
  });
});

describe('toNativeSidecars', () => {
  it('moves the last n containers to the end of the init containers', () => {
    const pod = { kind: 'Pod', spec: { volumes: [], initContainers: [{ name: 'i' }], containers: [{ name: 'step-a' }, { name: 's1' }, { name: 's2' }], restartPolicy: 'Never' } };
    const before = clone(pod);
    expect(toNativeSidecars(pod, 2)).toEqual({
      kind: 'Pod',
      spec: { volumes: [], initContainers: [{ name: 'i' }, { name: 's1', restartPolicy: 'Always' }, { name: 's2', restartPolicy: 'Always' }], containers: [{ name: 'step-a' }], restartPolicy: 'Never' },
    });
    expect(pod).toEqual(before);
  });

  it('leaves a Pod without sidecars as it is', () => {
    const pod = { spec: { containers: [{ name: 'step-a' }] } };
    expect(toNativeSidecars(pod, 0)).toBe(pod);
  });

  it('creates initContainers, before containers, when the Pod has none', () => {
    const out = toNativeSidecars({ spec: { volumes: [], containers: [{ name: 'step-a' }, { name: 's' }] } }, 1) as { spec: object };
    expect(Object.keys(out.spec)).toEqual(['volumes', 'initContainers', 'containers']);
  });
});

describe('renderPod with sidecars: native', () => {
  it('the default is the Tekton Pod, unchanged', () => {
    expect(render()).toEqual(render('nop'));
    expect(render().spec.containers.map((c) => c.name)).toEqual(['step-client', 'step-check', 'server', 'web']);
  });

  it('differs from the Tekton Pod only by where the sidecars are and their restartPolicy', () => {
    const nop = render('nop');
    const native = render('native');
    const sidecars = nop.spec.containers.slice(2);
    expect(native.spec.containers).toEqual(nop.spec.containers.slice(0, 2));
    expect(native.spec.initContainers).toEqual([...nop.spec.initContainers, ...sidecars.map((s) => ({ ...s, restartPolicy: 'Always' }))]);
    const strip = (p: PodJ) => ({ ...p, spec: { ...p.spec, initContainers: undefined, containers: undefined } });
    expect(strip(native)).toEqual(strip(nop));
    expect(Object.keys(native.spec.initContainers.at(-2)!)).toEqual(['name', 'image', 'resources', 'restartPolicy', 'volumeMounts', 'securityContext']);
  });

  it('keeps the ready gate: the first step still waits for the downward ready file', () => {
    const native = render('native');
    const first = native.spec.containers[0] as { args: string[]; volumeMounts: { name: string }[] };
    expect(first.args.slice(0, 2)).toEqual(['-wait_file', '/builder/downward/ready']);
    expect(first.volumeMounts.map((m) => m.name)).toContain('downward');
  });

  it('needs no swap: once the steps end, nothing is running in spec.containers to stop', () => {
    const native = render('native');
    const status = {
      phase: 'Running',
      initContainerStatuses: [terminated('step-credential-initializer-x'), terminated('step-place-tools'), running('server', true), running('web', true)],
      containerStatuses: [terminated('step-client'), terminated('step-check')],
    };
    const l = live({ ...native, status });
    expect(runningSidecars(l)).toEqual([]);
    expect(shouldStopSidecars(l, DEFAULT_IMAGES.nop)).toBe(false);
    const u = stopSidecars(l, DEFAULT_IMAGES.nop);
    expect(u.changed).toBe(false);
    expect(u.patch).toEqual([]);
  });

  it('the Tekton-mode Pod in the same state does need the swap', () => {
    const nop = render('nop');
    const status = { phase: 'Running', containerStatuses: [terminated('step-client'), terminated('step-check'), running('server', true), running('web', true)] };
    const l = live({ ...nop, status });
    expect(shouldStopSidecars(l, DEFAULT_IMAGES.nop)).toBe(true);
    expect(stopSidecars(l, DEFAULT_IMAGES.nop).stopped.map((s) => s.name)).toEqual(['server', 'web']);
  });

  it('readiness follows the native sidecars\' init container statuses', () => {
    const native = render('native');
    const status = (webReady: boolean) => ({
      phase: 'Running',
      initContainerStatuses: [terminated('step-place-tools'), running('server', true), running('web', webReady)],
      containerStatuses: [running('step-client'), running('step-check')],
    });
    expect(sidecarReadiness(live({ ...native, status: status(false) })).ready).toBe(false);
    expect(sidecarReadiness(live({ ...native, status: status(true) })).ready).toBe(true);
    const l = readLivePod({ ...native, status: status(true) });
    expect(E.isRight(l) && [...l.right.nativeSidecars]).toEqual(['server', 'web']);
  });

  it('the same sidecars rendered the Tekton way: web would keep running under a nop image with /bin/sh', () => {
    const nop = render('nop');
    const sidecars = nop.spec.containers.slice(2) as Container[];
    expect(checkSidecars(sidecars, nopImageContaining('my/nop', ['/bin/sh'])).map((c) => c.verdict)).toEqual(['stops', 'keeps-running']);
  });
});
