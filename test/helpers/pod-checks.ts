/**
 * Checks every rendered Pod must pass whatever the input: the API server's
 * offline rules, the v1 schema, the entrypoint chain's order, the request
 * rule. Shared by the property files.
 */
import { Pod as K8sPod } from 'kubernetes-models/v1';
import type { Container, Pod } from '../../src/model/core';
import { REQUESTED } from '../arbitraries/quantities';
import { isDns1123Label } from './oracle';
import { allContainers } from './render';

/** DEVIATIONS.md item 7: container (init and regular together) and volume names are unique DNS-1123 labels of at most 63 characters. */
export function expectNamesValid(pod: Pod): void {
  const names = allContainers(pod).map((c) => c.name ?? '');
  for (const n of names) expect({ container: n, dns1123: isDns1123Label(n) }).toEqual({ container: n, dns1123: true });
  expect(new Set(names).size).toBe(names.length);
  const volumes = (pod.spec?.volumes ?? []).map((v) => v.name ?? '');
  for (const n of volumes) expect({ volume: n, dns1123: isDns1123Label(n) }).toEqual({ volume: n, dns1123: true });
  expect(new Set(volumes).size).toBe(volumes.length);
}

/** DEVIATIONS.md item 7: every volumeMount names a declared volume; no container mounts two volumes at one path. */
export function expectMountsValid(pod: Pod): void {
  const declared = new Set((pod.spec?.volumes ?? []).map((v) => v.name ?? ''));
  for (const c of allContainers(pod)) {
    const mounts = c.volumeMounts ?? [];
    for (const m of mounts) expect({ container: c.name, mounts: m.name, declared: declared.has(m.name ?? '') }).toEqual({ container: c.name, mounts: m.name, declared: true });
    const paths = mounts.map((m) => m.mountPath);
    expect(new Set(paths).size).toBe(paths.length);
  }
}

/** The Kubernetes v1 Pod schema (kubernetes-models). */
export function expectSchema(pod: Pod): void {
  expect(() => new K8sPod(JSON.parse(JSON.stringify(pod))).validate()).not.toThrow();
}

/** The containers that run under the entrypoint binary, in order (steps, not sidecars). */
export function entrypointContainers(pod: Pod): readonly Container[] {
  return (pod.spec?.containers ?? []).filter((c) => c.command?.[0] === '/builder/tools/entrypoint');
}

/**
 * The chain: step k waits for the ready file (k = 0, with
 * -wait_file_content) or step k-1's post file, and writes its own; the
 * steps are the first containers, sidecars after them.
 */
export function expectEntrypointChain(pod: Pod): void {
  const steps = entrypointContainers(pod);
  expect((pod.spec?.containers ?? []).slice(0, steps.length)).toEqual(steps);
  steps.forEach((c, k) => {
    const head = ['-wait_file', k === 0 ? '/builder/downward/ready' : `/builder/tools/${k - 1}`, '-post_file', `/builder/tools/${k}`, ...(k === 0 ? ['-wait_file_content'] : []), '-entrypoint'];
    expect((c.args ?? []).slice(0, head.length)).toEqual(head);
  });
}

/** Per resource kind, at most one step keeps a request other than 0. */
export function expectOneRequestPerKind(pod: Pod): void {
  const steps = entrypointContainers(pod);
  for (const r of REQUESTED) {
    const keeping = steps.filter((c) => (c.resources?.requests?.[r] ?? '0') !== '0');
    expect({ resource: r, keeping: keeping.length <= 1 }).toEqual({ resource: r, keeping: true });
  }
}
