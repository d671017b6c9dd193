/**
 * Properties of the sidecar lifecycle over arbitrary Pods: any phase, any
 * mix of step and sidecar states, images already swapped or not.
 */
import fc from 'fast-check';
import { toNativeSidecars } from '../../src/sidecars/native';
import { readyUpdate, sidecarReadiness } from '../../src/sidecars/ready';
import { shouldStopSidecars, stopSidecars } from '../../src/sidecars/stop';
import { clone, Json, live, NOP, running, terminated, waiting } from './fixtures';
import { applyPatch } from './json-patch';

const stateArb = fc.constantFrom('none', 'waiting', 'running', 'running-ready', 'terminated', 'empty');
const phaseArb = fc.constantFrom('Pending', 'Running', 'Running', 'Running', 'Succeeded', 'Failed', 'Unknown', undefined);
const containerArb = fc.record({ state: stateArb, image: fc.constantFrom('img:a', 'img:b', NOP), extra: fc.boolean() });

const podArb = fc
  .record({
    phase: phaseArb,
    steps: fc.array(containerArb, { maxLength: 3 }),
    sidecars: fc.array(containerArb, { maxLength: 3 }),
    annotated: fc.constantFrom('none', 'other', 'ready'),
  })
  .map(({ phase, steps, sidecars, annotated }) => {
    const named = [...steps.map((c, i) => ({ ...c, name: `step-s${i}` })), ...sidecars.map((c, i) => ({ ...c, name: `side${i}` }))];
    const statusOf = (c: (typeof named)[number]): Json | undefined => {
      switch (c.state) {
        case 'none':
          return undefined;
        case 'waiting':
          return waiting(c.name);
        case 'running':
          return running(c.name, false);
        case 'running-ready':
          return running(c.name, true);
        case 'terminated':
          return terminated(c.name, 1);
        default:
          return { name: c.name };
      }
    };
    const statuses = named.map(statusOf).filter((s): s is Json => s !== undefined);
    return {
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'n', ...(annotated === 'none' ? {} : { annotations: annotated === 'ready' ? { 'tekton.dev/ready': 'READY' } : { a: 'b' } }) },
      spec: { containers: named.map((c) => ({ name: c.name, image: c.image, ...(c.extra ? { startupProbe: { exec: { command: ['true'] } } } : {}) })), newField: 1 },
      status: { ...(phase === undefined ? {} : { phase }), containerStatuses: statuses },
    } as Json;
  });

type Raw = { spec: { containers: { name: string; image: string }[] }; status: { phase?: string; containerStatuses: { name: string; ready?: boolean; state?: Record<string, unknown> }[] } };

// countSidecars and the return of UpdateStatusFromPod, pkg/status/taskrunpod.go at 6c132b937e.
function tektonReady(raw: Raw): boolean {
  let total = 0;
  let readyOrTerminated = 0;
  for (const s of raw.status.containerStatuses) {
    if (s.name.startsWith('step-')) continue;
    if (s.state?.running !== undefined && s.ready === true) readyOrTerminated++;
    else if (s.state?.terminated !== undefined) readyOrTerminated++;
    total++;
  }
  return raw.status.phase === 'Running' && readyOrTerminated === total;
}

// Stop, pkg/reconciler/taskrun/sidecars/stop.go at 6c132b937e, on a copy, steps skipped.
function tektonStop(raw: Raw, nop: string): string[] {
  const images = raw.spec.containers.map((c) => c.image);
  if (raw.status.phase !== 'Running') return images;
  for (const s of raw.status.containerStatuses) {
    if (s.state?.running === undefined) continue;
    raw.spec.containers.forEach((c, j) => {
      if (c.name === s.name && c.image !== nop && !c.name.startsWith('step-')) images[j] = nop;
    });
  }
  return images;
}

describe('sidecar lifecycle properties', () => {
  it('ready: agrees with Tekton\'s countSidecars rule; the patch does what the Pod says; idempotent', () => {
    fc.assert(
      fc.property(podArb, (raw) => {
        const before = clone(raw);
        const l = live(raw);
        expect(sidecarReadiness(l).ready).toBe(tektonReady(raw as unknown as Raw));
        const u = readyUpdate(l);
        expect(applyPatch(raw, u.patch)).toEqual(u.pod);
        expect(u.changed).toBe(u.patch.length > 0);
        expect(raw).toEqual(before);
        if (u.readiness.ready) expect((u.pod.metadata as { annotations: Record<string, string> }).annotations['tekton.dev/ready']).toBe('READY');
        expect(readyUpdate(live(u.pod)).changed).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('stop: agrees with stop.go; touches only sidecar images; the patch does what the Pod says; idempotent', () => {
    fc.assert(
      fc.property(podArb, (raw) => {
        const before = clone(raw);
        const l = live(raw);
        const u = stopSidecars(l, NOP);
        const r = u.pod as unknown as Raw;
        expect(r.spec.containers.map((c) => c.image)).toEqual(tektonStop(clone(raw) as unknown as Raw, NOP));
        const withoutImages = (p: unknown) => ({ ...(p as Raw), spec: { ...(p as Raw).spec, containers: (p as Raw).spec.containers.map((c) => ({ ...c, image: undefined })) } });
        expect(withoutImages(u.pod)).toEqual(withoutImages(raw));
        expect(applyPatch(raw, u.patch)).toEqual(u.pod);
        expect(u.changed).toBe(u.patch.length > 0);
        expect(raw).toEqual(before);
        expect(stopSidecars(live(u.pod), NOP).changed).toBe(false);
        if (shouldStopSidecars(l, NOP)) expect(u.changed).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('native: moves exactly the sidecars, keeps every container, changes nothing else', () => {
    fc.assert(
      fc.property(podArb, fc.nat(4), (raw, n) => {
        const pod = toNativeSidecars(raw, n) as unknown as { spec: { containers: Json[]; initContainers?: Json[] } & Json };
        const orig = (raw as unknown as Raw).spec.containers;
        const k = Math.min(n, orig.length);
        expect(pod.spec.containers).toEqual(orig.slice(0, orig.length - k));
        expect(pod.spec.initContainers ?? []).toEqual(orig.slice(orig.length - k).map((c) => ({ ...c, restartPolicy: 'Always' })));
        expect({ ...pod, spec: { ...pod.spec, containers: undefined, initContainers: undefined } }).toEqual({ ...raw, spec: { ...(raw.spec as Json), containers: undefined, initContainers: undefined } });
      }),
      { numRuns: 200 },
    );
  });
});
