/**
 * Properties of Pods with PipelineResources (test/arbitraries/resources.ts):
 * every resource type as input and output, with and without targetPath,
 * bound by reference or embedded, and TaskRuns a PipelineRun owns with PVC
 * or bucket artifact storage. The resource steps themselves are checked by
 * the conformance cases and test/resources/; here, the rules no input may
 * break.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { resourceScenario } from '../arbitraries/resources';
import { deepFreeze } from '../helpers/deep-freeze';
import { initContainer } from '../helpers/oracle';
import { entrypointContainers, expectEntrypointChain, expectMountsValid, expectNamesValid, expectOneRequestPerKind, expectSchema } from '../helpers/pod-checks';
import { render, renderOk } from '../helpers/render';
import { checkProperty } from '../helpers/runs';

describe('Pods with PipelineResources', () => {
  // Protects: valid resource inputs of every type, direction and storage
  // mode are rendered, not refused (and never crash).
  it('every valid input with resources renders a Pod', () => {
    checkProperty('resources: valid inputs render', 100, fc.property(resourceScenario(), (s) => {
      const r = render(s);
      if (E.isLeft(r)) throw new Error(`refused: ${r.left.field}: ${r.left.message}`);
    }));
  });

  // Protects: DEVIATIONS.md items 1, 2 and 7 with resources — resource
  // volumes (PVC, bucket secret, secret params) are added once, names are
  // valid, every mount names a declared volume, one volume per path.
  it('names are unique DNS-1123 labels; mounts are declared and distinct', () => {
    checkProperty('resources: API server rules', 100, fc.property(resourceScenario(), (s) => {
      const pod = renderOk(s);
      expectNamesValid(pod);
      expectMountsValid(pod);
    }));
  });

  // Protects: the Pod passes the Kubernetes v1 schema with resource steps.
  it('passes the Kubernetes v1 Pod schema', () => {
    checkProperty('resources: Kubernetes schema', 60, fc.property(resourceScenario(), (s) => expectSchema(renderOk(s))));
  });

  // Protects: resource steps (downloads before the user's steps, uploads
  // after) join the entrypoint chain in order, and the user's (named)
  // steps keep their order among them; the request rule holds over all of them.
  it('resource steps and user steps form one entrypoint chain; one request per kind', () => {
    checkProperty('resources: entrypoint chain', 100, fc.property(resourceScenario(), (s) => {
      const pod = renderOk(s);
      expectEntrypointChain(pod);
      expectOneRequestPerKind(pod);
      const names = entrypointContainers(pod).map((c) => c.name);
      // (An unnamed step's container name counts the resource steps before it.)
      const user = s.model.steps.filter((m) => m.name !== '').map((m) => m.containerName);
      expect(names.filter((n) => user.includes(n ?? ''))).toEqual(user);
    }));
  });

  // Protects: every step, resource steps included, has HOME=/builder/home
  // and mounts /workspace (unless it mounts that path itself).
  it('every step has HOME=/builder/home and a /workspace mount', () => {
    checkProperty('resources: HOME and workspace', 100, fc.property(resourceScenario(), (s) => {
      const pod = renderOk(s);
      const templateHasHome = ((s.model.stepTemplate?.env as { name: string }[] | undefined) ?? []).some((e) => e.name === 'HOME');
      for (const c of entrypointContainers(pod)) {
        const env = c.env ?? [];
        expect(env.find((e) => e.name === 'HOME')).toEqual({ name: 'HOME', value: '/builder/home' });
        if (!templateHasHome) expect(env[0]).toEqual({ name: 'HOME', value: '/builder/home' });
        expect((c.volumeMounts ?? []).some((m) => (m.mountPath ?? '').replace(/\/+$/, '') === '/workspace')).toBe(true);
      }
    }));
  });

  // Protects: sidecars and the user's volumes pass through unchanged.
  it('sidecars and user volumes pass through unchanged', () => {
    checkProperty('resources: pass through', 100, fc.property(resourceScenario(), (s) => {
      const pod = renderOk(s);
      const steps = entrypointContainers(pod).length;
      expect((pod.spec?.containers ?? []).slice(steps)).toEqual(s.model.sidecars);
      const volumes = pod.spec?.volumes ?? [];
      for (const v of [...s.model.taskVolumes, ...s.model.podTemplateVolumes]) expect(volumes.filter((x) => x.name === v.name)).toEqual([v]);
    }));
  });

  // Protects: PVC storage — a PipelineRun-owned TaskRun whose outputs or
  // inputs use the PipelineRun's claim declares its volume exactly once
  // (DEVIATIONS.md item 1: Tekton attached it per output, or not at all).
  it('the PipelineRun claim is declared at most once', () => {
    checkProperty('resources: PVC once', 100, fc.property(resourceScenario().filter((s) => s.ownership === 'pvc'), (s) => {
      const pod = renderOk(s);
      const claims = (pod.spec?.volumes ?? []).filter((v) => v.persistentVolumeClaim !== undefined && (v.name ?? '').endsWith('-pvc'));
      expect(claims.length).toBeLessThanOrEqual(1);
    }));
  });

  // Protects: purity with resources — same input, same bytes; the frozen
  // input is never written.
  it('is deterministic and never mutates its input', () => {
    checkProperty('resources: purity', 100, fc.property(resourceScenario(), (s) => {
      const input = { docs: s.docs, config: s.config };
      const copy = structuredClone(input);
      const a = JSON.stringify(render(copy));
      expect(JSON.stringify(render(deepFreeze(input)))).toBe(a);
      expect(input).toEqual(copy);
    }));
  });

  // Protects: the credential initializer stays first, place-tools present.
  it('the credential initializer is the first init container', () => {
    checkProperty('resources: init order', 60, fc.property(resourceScenario(), (s) => {
      const pod = renderOk(s);
      expect(pod.spec?.initContainers?.[0]).toBe(initContainer(pod, 'step-credential-initializer'));
      expect((pod.spec?.initContainers ?? []).filter((c) => c.name === 'step-place-tools')).toHaveLength(1);
    }));
  });
});
