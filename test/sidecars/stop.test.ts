import { runningSidecars, shouldStopSidecars, stepsComplete, stopSidecars, taskRunComplete } from '../../src/sidecars/stop';
import { clone, containers, live, NOP, PHASES, podJson, running, statuses, terminated, waiting } from './fixtures';
import { applyPatch } from './json-patch';

type P = { spec: { containers: { name: string; image: string }[] } };
const images = (pod: unknown) => (pod as P).spec.containers.map((c) => c.image);

// pkg/reconciler/taskrun/sidecars/stop_test.go at 6c132b937e, TestStop: a
// Pod with a step and one sidecar, the step's status empty.
describe('Tekton TestStop', () => {
  const nopImage = 'nopImage';
  const sidecar = { name: 'echo-hello', image: 'echo-hello:latest', command: ['echo'], args: ['hello'] };
  const pod = (phase: string, sidecarState: object) => ({
    metadata: { namespace: 'default', name: 'test_pod' },
    spec: { restartPolicy: 'Never', containers: [{ name: 'test-task-step', image: 'test-task-step:latest', command: ['test'] }, sidecar] },
    status: { phase, containerStatuses: [{}, { name: sidecar.name, state: sidecarState }] },
  });
  it.each([
    ['a running sidecar container should be stopped', 'Running', { running: { startedAt: '2019-10-24T15:49:02Z' } }, nopImage],
    ['a pending pod should not have its sidecars stopped', 'Pending', { running: { startedAt: '2019-10-24T15:49:02Z' } }, 'echo-hello:latest'],
    ['a sidecar container that is not in a running state should not be stopped', 'Running', { waiting: {} }, 'echo-hello:latest'],
  ])('%s', (_d, phase, state, expectedImage) => {
    const u = stopSidecars(live(pod(phase, state)), nopImage);
    expect(images(u.pod)[1]).toBe(expectedImage);
    expect(images(u.pod)[0]).toBe('test-task-step:latest');
  });
});

describe('stopSidecars in each phase', () => {
  it.each([
    ['pending', PHASES.pending()],
    ['running with sidecars starting (the only running sidecar is swapped)', PHASES.sidecarsStarting()],
    ['running and ready', PHASES.ready()],
    ['steps done with sidecars running', PHASES.stepsDone()],
    ['sidecar terminated / waiting', PHASES.sidecarsEnding()],
    ['succeeded', PHASES.succeeded()],
  ])('%s: swaps exactly the running sidecars, and the patch says the same', (_n, status) => {
    const raw = podJson(status);
    const before = clone(raw);
    const u = stopSidecars(live(raw), NOP);
    const runningNames = status.phase === 'Running' ? (status.containerStatuses as { name: string; state: object }[]).filter((s) => 'running' in s.state && !s.name.startsWith('step-')).map((s) => s.name) : [];
    const expected = containers().map((c) => (runningNames.includes(c.name as string) ? NOP : c.image));
    expect(images(u.pod)).toEqual(expected);
    expect(u.changed).toBe(runningNames.length > 0);
    expect(u.stopped.map((s) => s.name)).toEqual(runningNames);
    expect(applyPatch(raw, u.patch)).toEqual(u.pod);
    expect(raw).toEqual(before);
    if (!u.changed) expect(u.pod).toBe(raw);
  });

  it('steps done: swaps both sidecars, keeps every other field, guards each replace with a test of the name', () => {
    const raw = podJson(PHASES.stepsDone());
    const u = stopSidecars(live(raw), NOP);
    expect(u.patch).toEqual([
      { op: 'test', path: '/spec/containers/2/name', value: 'db' },
      { op: 'replace', path: '/spec/containers/2/image', value: NOP },
      { op: 'test', path: '/spec/containers/3/name', value: 'proxy' },
      { op: 'replace', path: '/spec/containers/3/image', value: NOP },
    ]);
    expect(u.stopped).toEqual([
      { name: 'db', index: 2, image: 'postgres:11' },
      { name: 'proxy', index: 3, image: 'envoyproxy/envoy:v1.12.0' },
    ]);
    const expected = clone(raw) as P & { spec: { containers: { image: string }[] } };
    expected.spec.containers[2]!.image = NOP;
    expected.spec.containers[3]!.image = NOP;
    expect(JSON.stringify(u.pod)).toBe(JSON.stringify(expected)); // startupProbe, enableServiceLinks, managedFields, hostIPs kept, in place
  });

  it('sidecars already swapped: nothing to do, an empty patch, idempotent', () => {
    const once = stopSidecars(live(podJson(PHASES.stepsDone())), NOP);
    const twice = stopSidecars(live(once.pod), NOP);
    expect(twice).toEqual({ pod: once.pod, patch: [], changed: false, stopped: [] });
    expect(twice.pod).toBe(once.pod);
  });

  it('a patch can be replayed without harm', () => {
    const raw = podJson(PHASES.stepsDone());
    const u = stopSidecars(live(raw), NOP);
    expect(applyPatch(applyPatch(raw, u.patch), u.patch)).toEqual(u.pod);
  });

  it('a patch against a Pod whose containers moved fails instead of swapping the wrong one', () => {
    const u = stopSidecars(live(podJson(PHASES.stepsDone())), NOP);
    const reordered = podJson(PHASES.stepsDone(), { containers: [...containers()].reverse() });
    expect(() => applyPatch(reordered, u.patch)).toThrow(/test/);
  });

  it('never touches a running step, unlike stop.go which relied on being called after the steps', () => {
    const u = stopSidecars(live(podJson(PHASES.ready())), NOP);
    expect(images(u.pod).slice(0, 2)).toEqual(['golang:1.13', 'golang:1.13']);
  });

  it('swaps a sidecar whose image is missing with an add', () => {
    const cs = containers();
    delete cs[2]!.image;
    const raw = podJson(PHASES.stepsDone(), { containers: cs });
    const u = stopSidecars(live(raw), NOP);
    expect(u.patch[1]).toEqual({ op: 'add', path: '/spec/containers/2/image', value: NOP });
    expect(applyPatch(raw, u.patch)).toEqual(u.pod);
  });
});

describe('when to stop', () => {
  it.each([
    ['pending', PHASES.pending(), false, false],
    ['sidecars starting', PHASES.sidecarsStarting(), false, false],
    ['ready, steps running', PHASES.ready(), false, false],
    ['steps done, sidecars running', PHASES.stepsDone(), true, true],
    ['steps done, a sidecar terminated and one waiting', PHASES.sidecarsEnding(), true, false],
    ['succeeded', PHASES.succeeded(), false, false],
  ])('%s', (_n, status, complete, should) => {
    const l = live(podJson(status));
    expect(stepsComplete(l)).toBe(complete);
    expect(shouldStopSidecars(l, NOP)).toBe(should);
  });

  it('not once the sidecars run the nop image', () => {
    const swapped = stopSidecars(live(podJson(PHASES.stepsDone())), NOP).pod;
    expect(shouldStopSidecars(live(swapped), NOP)).toBe(false);
    expect(shouldStopSidecars(live(swapped), 'another-nop')).toBe(true);
  });

  it('stepsComplete needs statuses and a Running phase (areStepsComplete)', () => {
    expect(stepsComplete(live(podJson({ phase: 'Running', containerStatuses: [] })))).toBe(false);
    expect(stepsComplete(live(podJson(statuses('Pending', terminated('step-build'), terminated('step-test'), running('db'), running('proxy')))))).toBe(false);
  });

  it('taskRunComplete: steps complete, or Succeeded / Failed', () => {
    expect(taskRunComplete(live(podJson(PHASES.succeeded())))).toBe(true);
    expect(taskRunComplete(live(podJson({ phase: 'Failed' })))).toBe(true);
    expect(taskRunComplete(live(podJson(PHASES.stepsDone())))).toBe(true);
    expect(taskRunComplete(live(podJson(PHASES.ready())))).toBe(false);
  });

  it('runningSidecars lists spec containers with a running status, steps excluded', () => {
    expect(runningSidecars(live(podJson(statuses('Running', running('step-build'), terminated('step-test'), running('db'), waiting('proxy')))))).toEqual([{ name: 'db', index: 2, image: 'postgres:11' }]);
  });
});
