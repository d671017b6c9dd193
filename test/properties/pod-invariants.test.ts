/**
 * Properties of every Pod taskpod renders from a valid input
 * (test/arbitraries/taskrun.ts): the API server's rules, Tekton's implicit
 * env and mounts, the entrypoint chain, requests, and what passes through.
 * Expected values come from the generator's model and test/helpers/oracle.ts,
 * never from taskpod's own code.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import type { Container, Pod } from '../../src/model/core';
import { REQUESTED } from '../arbitraries/quantities';
import { Scenario, scenario, StepModel } from '../arbitraries/taskrun';
import { cleanAbsolute, expectedWorkingDirs, initContainer, SUFFIX } from '../helpers/oracle';
import { expectMountsValid, expectNamesValid, expectSchema } from '../helpers/pod-checks';
import { render, renderOk } from '../helpers/render';
import { checkProperty } from '../helpers/runs';

const ENTRYPOINT = '/builder/tools/entrypoint';

/** The step containers of the Pod (the regular containers before the sidecars). */
function stepContainers(pod: Pod, s: Scenario): readonly Container[] {
  return (pod.spec?.containers ?? []).slice(0, s.model.steps.length);
}

function forEachStep(pod: Pod, s: Scenario, f: (c: Container, m: StepModel, j: number) => void): void {
  const cs = stepContainers(pod, s);
  expect(cs).toHaveLength(s.model.steps.length);
  s.model.steps.forEach((m, j) => f(cs[j]!, m, j));
}

describe('Pods of valid inputs', () => {
  // Protects: the generators' inputs are valid, so taskpod must not refuse
  // any (a refusal here is a taskpod bug or a generator bug, never noise).
  it('every valid input renders a Pod', () => {
    checkProperty('valid inputs render', 150, fc.property(scenario(), (s) => {
      const r = render(s);
      if (E.isLeft(r)) throw new Error(`refused: ${r.left.field}: ${r.left.message}`);
    }));
  });

  // Protects: DEVIATIONS.md item 7 — the API server refuses a Pod whose
  // container or volume names are not unique DNS-1123 labels of at most 63
  // characters (containers unique across init and regular lists).
  it('container, init container and volume names are unique DNS-1123 labels of at most 63 characters', () => {
    checkProperty('names are DNS labels', 100, fc.property(scenario(), (s) => expectNamesValid(renderOk(s))));
  });

  // Protects: DEVIATIONS.md item 7 — every volumeMount names a declared
  // volume, and no container mounts two volumes at one path.
  it('every volumeMount names a declared volume, and no container mounts two volumes at one path', () => {
    checkProperty('mounts are declared and distinct', 100, fc.property(scenario(), (s) => expectMountsValid(renderOk(s))));
  });

  // Protects: the output is a Pod Kubernetes accepts structurally (field
  // names and types of the v1 schema), whatever the input's shape.
  it('passes the Kubernetes v1 Pod schema', () => {
    checkProperty('Kubernetes schema', 100, fc.property(scenario(), (s) => expectSchema(renderOk(s))));
  });

  // Protects: Tekton's implicit env — every step (and the credential and
  // working-dir initializers) gets HOME=/builder/home before its own env.
  // Only the stepTemplate may put its own vars first: strategic merge keeps
  // a template's order, so template vars listed before a template HOME come
  // before it. The first HOME is always Tekton's.
  it('every step has HOME=/builder/home first (after template vars listed before a template HOME)', () => {
    checkProperty('HOME first', 100, fc.property(scenario(), (s) => {
      const pod = renderOk(s);
      const templateEnv = ((s.model.stepTemplate?.env as { name: string }[] | undefined) ?? []).map((e) => e.name);
      const homeAt = templateEnv.indexOf('HOME');
      const mayPrecede = new Set(homeAt < 0 ? [] : templateEnv.slice(0, homeAt));
      const check = (c: Container) => {
        const env = c.env ?? [];
        const first = env.findIndex((e) => e.name === 'HOME');
        expect(first).toBeGreaterThanOrEqual(0);
        expect(env[first]).toEqual({ name: 'HOME', value: '/builder/home' });
        for (const e of env.slice(0, first)) expect(mayPrecede.has(e.name ?? '')).toBe(true);
      };
      forEachStep(pod, s, (c) => check(c));
      check(initContainer(pod, 'step-credential-initializer')!);
      const wd = initContainer(pod, 'step-working-dir-initializer');
      if (wd !== undefined) check(wd);
    }));
  });

  // Protects: Tekton's implicit mounts — /workspace and /builder/home are
  // mounted on every step unless the step mounts that path itself (paths
  // compared after cleaning), in which case the step's own mount stays.
  // Also: the tools mount on every step, the downward mount on the first
  // only, the scripts mount exactly on script steps.
  it('every step mounts /workspace and /builder/home (its own mount there wins), tools, downward first only, scripts iff a script', () => {
    checkProperty('implicit mounts', 100, fc.property(scenario(), (s) => {
      const pod = renderOk(s);
      forEachStep(pod, s, (c, m, j) => {
        const mounts = c.volumeMounts ?? [];
        for (const [path, implicit] of [['/workspace', 'workspace'], ['/builder/home', 'home']] as const) {
          const own = m.mounts.filter((u) => cleanAbsolute(u.path) === path);
          if (own.length > 0) {
            for (const u of own) expect(mounts).toContainEqual({ name: u.volume, mountPath: u.path });
            expect(mounts.filter((x) => x.name === implicit && x.mountPath === path)).toEqual([]);
          } else {
            expect(mounts).toContainEqual({ name: implicit, mountPath: path });
          }
        }
        expect(mounts.filter((x) => x.name === 'tools')).toEqual([{ name: 'tools', mountPath: '/builder/tools' }]);
        expect(mounts.filter((x) => x.name === 'downward')).toEqual(j === 0 ? [{ name: 'downward', mountPath: '/builder/downward' }] : []);
        expect(mounts.filter((x) => x.name === 'place-scripts')).toEqual(m.script !== undefined ? [{ name: 'place-scripts', mountPath: '/builder/scripts' }] : []);
      });
    }));
  });

  // Protects: the entrypoint chain that runs steps one at a time — the
  // first step waits on the ready file (with -wait_file_content), each next
  // waits on the previous post file, and runs its own command: the original
  // command (or the image's entrypoint) after -entrypoint, its other words
  // and args after `--`, substituted; a script step runs its script file.
  it('steps run under the entrypoint chain with their original command and args', () => {
    checkProperty('entrypoint chain', 150, fc.property(scenario(), (s) => {
      const pod = renderOk(s);
      forEachStep(pod, s, (c, m, j) => {
        expect(c.name).toBe(m.containerName);
        expect(c.command).toEqual([ENTRYPOINT]);
        if (m.script === undefined) {
          expect(c.args).toEqual(m.entrypointArgs);
        } else {
          const args = c.args ?? [];
          expect(args.slice(0, -1)).toEqual(m.entrypointArgs);
          expect(args[args.length - 1]).toMatch(new RegExp(`^/builder/scripts/script-${j + 1}-${SUFFIX}$`));
        }
        expect(c.workingDir).toBe(m.workingDir);
      });
      const placeTools = (pod.spec?.initContainers ?? []).filter((c) => c.name === 'step-place-tools');
      expect(placeTools).toHaveLength(1);
      expect(placeTools[0]!.command).toEqual(['cp', '/ko-app/entrypoint', ENTRYPOINT]);
    }));
  });

  // Protects: Tekton's request zeroing — steps run one at a time, so per
  // resource (cpu, memory, ephemeral-storage) only the first step with the
  // largest request keeps it (in canonical form); every other step requests 0.
  it('per resource kind at most one step keeps a non-zero request, and it is the first largest', () => {
    checkProperty('requests', 150, fc.property(scenario(), (s) => {
      const pod = renderOk(s);
      const cs = stepContainers(pod, s);
      for (const r of REQUESTED) {
        const asked = s.model.steps.map((m) => m.requests[r]);
        const max = asked.reduce((a, q) => (q !== undefined && q.milli > a ? q.milli : a), 0n);
        const keeper = max === 0n ? -1 : asked.findIndex((q) => q !== undefined && q.milli === max);
        cs.forEach((c, j) => {
          const got = c.resources?.requests?.[r];
          expect({ resource: r, step: j, request: got }).toEqual({ resource: r, step: j, request: j === keeper ? asked[j]!.canonical : '0' });
        });
      }
    }));
  });

  // Protects: sidecars are appended after the steps exactly as written
  // (Tekton neither substitutes nor merges the stepTemplate into them).
  it('sidecars pass through unchanged after the steps', () => {
    checkProperty('sidecars pass through', 100, fc.property(scenario(), (s) => {
      const pod = renderOk(s);
      expect((pod.spec?.containers ?? []).slice(s.model.steps.length)).toEqual(s.model.sidecars);
    }));
  });

  // Protects: the Task's volumes come first, unchanged, and the
  // podTemplate's volumes follow, unchanged; none is dropped or doubled.
  it("the Task's and the podTemplate's volumes pass through unchanged, in order", () => {
    checkProperty('user volumes pass through', 100, fc.property(scenario(), (s) => {
      const pod = renderOk(s);
      const volumes = pod.spec?.volumes ?? [];
      const task = s.model.taskVolumes;
      expect(volumes.slice(0, task.length)).toEqual(task);
      const pt = s.model.podTemplateVolumes;
      const at = volumes.findIndex((v) => v.name === pt[0]?.name);
      if (pt.length > 0) expect(volumes.slice(at, at + pt.length)).toEqual(pt);
      for (const v of [...task, ...pt]) expect(volumes.filter((x) => x.name === v.name)).toHaveLength(1);
    }));
  });

  // Protects: the working-dir initializer exists exactly when some step
  // works strictly inside /workspace (Tekton's rule, hidden dirs excluded),
  // and runs bash in /workspace; what its text does is the shell round trip's.
  it('a working-dir initializer exists iff some workingDir is inside /workspace', () => {
    checkProperty('working-dir initializer', 100, fc.property(scenario(), (s) => {
      const pod = renderOk(s);
      const wanted = expectedWorkingDirs(s.model.steps.map((m) => m.givenWorkingDir));
      const init = initContainer(pod, 'step-working-dir-initializer');
      expect(init !== undefined).toBe(wanted.length > 0);
      if (init !== undefined) {
        expect(init.command).toEqual(['/ko-app/bash']);
        expect(init.args?.[0]).toBe('-args');
        expect(init.args).toHaveLength(2);
        expect(init.workingDir).toBe('/workspace');
      }
    }));
  });

  // Protects: the credential initializer comes first, with one secret
  // volume and mount per ServiceAccount secret that has docker or git
  // credentials (and none for others).
  it('the credential initializer is first and mounts exactly the credential secrets', () => {
    checkProperty('credential initializer', 100, fc.property(scenario(), (s) => {
      const pod = renderOk(s);
      const cred = pod.spec?.initContainers?.[0];
      expect(cred?.name).toMatch(new RegExp(`^step-credential-initializer-${SUFFIX}$`));
      expect(cred?.command).toEqual(['/ko-app/creds-init']);
      const secretMounts = (cred?.volumeMounts ?? []).filter((m) => (m.mountPath ?? '').startsWith('/var/build-secrets/'));
      expect(secretMounts.map((m) => m.mountPath)).toEqual(s.model.credentialSecrets.map((n) => `/var/build-secrets/${n}`));
      const secretVolumes = (pod.spec?.volumes ?? []).filter((v) => (v.name ?? '').startsWith('secret-volume-'));
      expect(secretVolumes.map((v) => v.secret?.secretName)).toEqual(s.model.credentialSecrets);
      expect(secretMounts.map((m) => m.name)).toEqual(secretVolumes.map((v) => v.name));
    }));
  });

  // Protects: the Pod's identity — its name has the TaskRun's name and a
  // six-hex-digit suffix, it is owned by the TaskRun, labelled with it, and
  // starts not ready.
  it('metadata: name, namespace, owner, taskRun label, ready annotation', () => {
    checkProperty('metadata', 100, fc.property(scenario(), (s) => {
      const pod = renderOk(s);
      const meta = pod.metadata ?? {};
      const runName = meta.labels?.['tekton.dev/taskRun'] ?? '';
      if (s.model.taskRunName !== undefined) expect(runName).toBe(s.model.taskRunName);
      expect(meta.name).toBe(`${runName}-pod-${(meta.name ?? '').slice(-6)}`);
      expect(meta.name).toMatch(/-pod-[0-9a-f]{6}$/);
      expect(meta.namespace).toBe(s.model.namespace);
      expect(meta.annotations?.['tekton.dev/ready']).toBe('');
      expect(meta.ownerReferences).toEqual([expect.objectContaining({ kind: 'TaskRun', name: runName, controller: true, blockOwnerDeletion: true })]);
      expect(pod.spec?.restartPolicy).toBe('Never');
    }));
  });
});
