import * as E from 'fp-ts/Either';
import { addReadyAnnotation, readyUpdate, sidecarReadiness, sidecarStatuses } from '../../src/sidecars/ready';
import { readLivePod } from '../../src/sidecars/pod';
import { clone, live, PHASES, podJson, running, terminated, waiting } from './fixtures';
import { applyPatch } from './json-patch';

const READY = { 'tekton.dev/ready': 'READY' };

describe('sidecarReadiness: Tekton\'s rule (Running, every non-step status ready or terminated)', () => {
  it.each([
    ['pending', PHASES.pending(), false, /phase Pending/],
    ['running with sidecars starting', PHASES.sidecarsStarting(), false, /sidecar "db" is running but not ready; sidecar "proxy" is waiting to start/],
    ['running and ready', PHASES.ready(), true, /all 2 sidecars are ready or terminated/],
    ['steps done with sidecars running', PHASES.stepsDone(), true, /all 2/],
    ['a sidecar terminated, the other waiting', PHASES.sidecarsEnding(), false, /sidecar "proxy" is waiting/],
    ['succeeded', PHASES.succeeded(), false, /phase Succeeded/],
  ])('%s', (_name, status, ready, reason) => {
    const r = sidecarReadiness(live(podJson(status)));
    expect(r.ready).toBe(ready);
    expect(r.reason).toMatch(reason);
  });

  it('ignores step containers, however they are doing', () => {
    const status = { phase: 'Running', containerStatuses: [waiting('step-build'), running('step-test', false), running('db', true), terminated('proxy', 137)] };
    expect(sidecarReadiness(live(podJson(status))).ready).toBe(true);
  });

  it('counts statuses, not spec containers: a Running Pod that reports no sidecars is ready', () => {
    const r = sidecarReadiness(live(podJson({ phase: 'Running', containerStatuses: [running('step-build')] })));
    expect(r).toMatchObject({ ready: true, sidecars: [] });
    expect(r.reason).toMatch(/no sidecars/);
  });

  it('a Pod without status is not ready', () => {
    expect(sidecarReadiness(live(podJson(undefined))).ready).toBe(false);
  });

  it('a status without state is not ready', () => {
    const r = sidecarReadiness(live(podJson({ phase: 'Running', containerStatuses: [{ name: 'db' }] })));
    expect(r.ready).toBe(false);
    expect(r.sidecars).toEqual([{ name: 'db', native: false, state: 'unknown', ok: false }]);
  });

  // pkg/status/taskrunpod_test.go, TestCountSidecars.
  it.each([
    ['three steps and no sidecars', [{ name: 'step-foo' }, { name: 'step-bar' }, { name: 'step-baz' }], 0, 0],
    ['one step and two sidecars both terminated or ready', [{ name: 'step-foo' }, running('sidecar-bar', true), terminated('stopped-sidecar-baz', 99)], 2, 2],
    ['one step and two sidecars one ready and one not', [{ name: 'step-ignore-me' }, running('ready-sidecar', true), running('unready-sidecar', false)], 2, 1],
  ])('Tekton TestCountSidecars: %s', (_d, containerStatuses, count, readyOrTerminated) => {
    const s = sidecarStatuses(live({ status: { containerStatuses } }));
    expect(s).toHaveLength(count);
    expect(s.filter((x) => x.ok)).toHaveLength(readyOrTerminated);
  });

  // pkg/status/taskrunpod_test.go, TestUpdateStatusFromPod "with-running-sidecar": UpdateStatusFromPod returns true.
  it('Tekton with-running-sidecar: a running step and a running, ready sidecar', () => {
    const pod = { status: { phase: 'Running', containerStatuses: [{ name: 'step-running-step', state: { running: {} } }, { name: 'running-sidecar', state: { running: {} }, ready: true }] } };
    expect(sidecarReadiness(live(pod)).ready).toBe(true);
  });
});

describe('native sidecars count too', () => {
  const nativePod = (sidecarStatus: ReturnType<typeof running>) =>
    podJson(
      { phase: 'Running', initContainerStatuses: [terminated('step-place-tools'), sidecarStatus], containerStatuses: [running('step-build'), running('step-test')] },
      {
        initContainers: [
          { name: 'step-place-tools', image: 'entrypoint' },
          { name: 'db', image: 'postgres:11', restartPolicy: 'Always' },
        ],
        containers: [
          { name: 'step-build', image: 'golang' },
          { name: 'step-test', image: 'golang' },
        ],
      },
    );

  it('a native sidecar that runs but is not ready holds the steps', () => {
    const r = sidecarReadiness(live(nativePod(running('db', false))));
    expect(r.ready).toBe(false);
    expect(r.sidecars).toEqual([{ name: 'db', native: true, state: 'running', ok: false }]);
  });

  it('a ready native sidecar releases them', () => {
    expect(sidecarReadiness(live(nativePod(running('db', true)))).ready).toBe(true);
  });

  it('ordinary init containers are not sidecars', () => {
    const s = sidecarStatuses(live(nativePod(running('db', true))));
    expect(s.map((x) => x.name)).toEqual(['db']);
  });
});

describe('addReadyAnnotation (Tekton\'s AddReadyAnnotation)', () => {
  // pod_test.go TestAddReadyAnnotation: an empty Pod gets the annotation.
  it('annotates an empty Pod', () => {
    const u = addReadyAnnotation(live({}));
    expect(u.pod).toEqual({ metadata: { annotations: READY } });
    expect(u.patch).toEqual([{ op: 'add', path: '/metadata', value: { annotations: READY } }]);
    expect(applyPatch({}, u.patch)).toEqual(u.pod);
  });

  it('adds one key to existing annotations, keeping every other field (1.12 or not)', () => {
    const raw = podJson(PHASES.ready());
    const before = clone(raw);
    const u = addReadyAnnotation(live(raw));
    expect(u.changed).toBe(true);
    expect(u.patch).toEqual([{ op: 'add', path: '/metadata/annotations/tekton.dev~1ready', value: 'READY' }]);
    const expected = clone(raw) as { metadata: { annotations: Record<string, string> } };
    expected.metadata.annotations['tekton.dev/ready'] = 'READY';
    expect(u.pod).toEqual(expected);
    expect(JSON.stringify(u.pod)).toBe(JSON.stringify(expected)); // field order kept too
    expect(applyPatch(raw, u.patch)).toEqual(u.pod);
    expect(raw).toEqual(before); // input untouched
  });

  it('adds the annotations map when the Pod has none', () => {
    const raw = podJson(PHASES.ready(), { annotations: null });
    const u = addReadyAnnotation(live(raw));
    expect(u.patch).toEqual([{ op: 'add', path: '/metadata/annotations', value: READY }]);
    expect(applyPatch(raw, u.patch)).toEqual(u.pod);
  });

  it('is unchanged when the annotation is already there', () => {
    const raw = podJson(PHASES.ready(), { annotations: { ...READY, other: 'x' } });
    const u = addReadyAnnotation(live(raw));
    expect(u).toEqual({ pod: raw, patch: [], changed: false });
    expect(u.pod).toBe(raw);
  });

  it('overwrites another value, as Tekton did', () => {
    const raw = podJson(PHASES.ready(), { annotations: { 'tekton.dev/ready': 'no' } });
    const u = addReadyAnnotation(live(raw));
    expect(u.changed).toBe(true);
    expect(applyPatch(raw, u.patch)).toEqual(u.pod);
    expect((u.pod.metadata as { annotations: object }).annotations).toEqual(READY);
  });
});

describe('readyUpdate: one reconcile', () => {
  it.each([
    ['pending', PHASES.pending(), false],
    ['sidecars starting', PHASES.sidecarsStarting(), false],
    ['ready', PHASES.ready(), true],
    ['steps done', PHASES.stepsDone(), true],
    ['sidecar ending', PHASES.sidecarsEnding(), false],
  ])('%s', (_n, status, changes) => {
    const raw = podJson(status);
    const u = readyUpdate(live(raw));
    expect(u.changed).toBe(changes);
    expect(u.readiness.ready).toBe(changes);
    expect(applyPatch(raw, u.patch)).toEqual(u.pod);
    if (!changes) expect(u.pod).toBe(raw);
  });

  it('is idempotent', () => {
    const once = readyUpdate(live(podJson(PHASES.ready())));
    const twice = readyUpdate(live(once.pod));
    expect(twice.changed).toBe(false);
    expect(twice.patch).toEqual([]);
    expect(twice.pod).toBe(once.pod);
  });
});

describe('readLivePod', () => {
  it('refuses what is not a Pod', () => {
    expect(readLivePod([])).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidInput' })));
    expect(readLivePod({ kind: 'Service', metadata: { name: 'x' } })).toEqual(E.left(expect.objectContaining({ field: 'kind' })));
    expect(readLivePod({ kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'a' }, 'not a container'] } })).toEqual(
      E.left(expect.objectContaining({ _tag: 'InvalidInput', object: 'Pod x', field: 'spec.containers[1]' })),
    );
  });
});
