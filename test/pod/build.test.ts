/**
 * pod/build.ts: Tekton's MakePod (pod.go). The cases are pod_test.go's
 * TestMakePod and TestInitOutputResourcesDefaultDir, with their expected
 * PodSpecs; a generated name is checked for its shape (`base-xxxxx`) and
 * then used wherever the Pod uses it.
 */
import * as E from 'fp-ts/Either';
import type { Pod, Secret } from '../../src/model/core';
import type { TaskSpec } from '../../src/model/tekton';
import { makePod, MakePodInput, outputImageDirSteps, PodRun } from '../../src/pod/build';
import {
  credsInit,
  generated,
  HOME,
  implicitMounts,
  implicitVolumes,
  placeScripts,
  podStep,
  scriptsMount,
  scriptsVolume,
  scriptText,
  secret,
  step,
  TEST_IMAGES,
  withArgs,
  withCommand,
  withEnv,
  withMounts,
  withMountsFirst,
  withRequests,
  withScript,
  withWorkingDir,
  workingDirInit,
} from '../support/builders';

const multiCreds: Secret = secret('multi-creds', 'kubernetes.io/basic-auth', {
  'tekton.dev/docker-0': 'https://us.gcr.io',
  'tekton.dev/docker-1': 'https://docker.io',
  'tekton.dev/git-0': 'github.com',
  'tekton.dev/git-1': 'gitlab.com',
});

const RUN: PodRun = { name: 'taskrun-name', namespace: 'default', labels: {}, annotations: {}, serviceAccountName: '', outputBindings: [] };

/** pod_test's cluster: ServiceAccount "default" (no secrets) and "service-account" (multi-creds). */
function input(spec: TaskSpec, run: Partial<PodRun> = {}): MakePodInput {
  const r = { ...RUN, ...run };
  return {
    images: TEST_IMAGES,
    run: r,
    spec,
    credentials: { secretNames: r.serviceAccountName === 'service-account' ? ['multi-creds'] : [], findSecret: (n) => (n === 'multi-creds' ? multiCreds : undefined) },
    seed: `${r.namespace}/${r.name}`,
    object: `TaskRun ${r.namespace}/${r.name}`,
  };
}

function podOf(spec: TaskSpec, run: Partial<PodRun> = {}): Pod {
  const r = makePod(input(spec, run));
  if (E.isLeft(r)) throw new Error(`${r.left.field}: ${r.left.message}`);
  return r.right;
}

/** The credential initializer's generated name, checked for its shape. */
const credsName = (p: Pod) => generated(p.spec?.initContainers?.[0]?.name, 'step-credential-initializer');

describe('TestMakePod', () => {
  it('simple', () => {
    const p = podOf({ steps: [step('name', 'image')] }, { annotations: { 'simple-annotation-key': 'simple-annotation-val' } });
    expect(p.metadata?.name).toMatch(/^taskrun-name-pod-[0-9a-f]{6}$/);
    expect(p.metadata?.annotations).toEqual({ 'simple-annotation-key': 'simple-annotation-val', 'tekton.dev/ready': '' });
    expect([p.apiVersion, p.kind]).toEqual(['v1', 'Pod']);
    expect(p.spec).toEqual({
      restartPolicy: 'Never',
      initContainers: [credsInit(credsName(p))],
      containers: [podStep('step-name', 'image')],
      volumes: implicitVolumes,
    });
  });

  it('with-service-account: the secrets of the ServiceAccount', () => {
    const p = podOf({ steps: [step('name', 'image')] }, { serviceAccountName: 'service-account' });
    const secretVolume = generated(p.spec?.volumes?.[2]?.name, 'secret-volume-multi-creds');
    expect(p.spec).toEqual({
      serviceAccountName: 'service-account',
      restartPolicy: 'Never',
      initContainers: [
        credsInit(
          credsName(p),
          TEST_IMAGES.creds,
          withArgs(
            '-basic-docker=multi-creds=https://docker.io',
            '-basic-docker=multi-creds=https://us.gcr.io',
            '-basic-git=multi-creds=github.com',
            '-basic-git=multi-creds=gitlab.com',
          ),
          withMounts({ name: secretVolume, mountPath: '/var/build-secrets/multi-creds' }),
        ),
      ],
      containers: [podStep('step-name', 'image')],
      volumes: [...implicitVolumes, { name: secretVolume, secret: { secretName: 'multi-creds' } }],
    });
  });

  it('with-pod-template: securityContext and runtimeClassName', () => {
    const p = podOf(
      { steps: [step('name', 'image')] },
      { podTemplate: { securityContext: { sysctls: [{ name: 'net.ipv4.tcp_syncookies', value: '1' }] }, runtimeClassName: 'gvisor' } },
    );
    expect(p.spec).toEqual({
      restartPolicy: 'Never',
      initContainers: [credsInit(credsName(p))],
      containers: [podStep('step-name', 'image')],
      volumes: implicitVolumes,
      securityContext: { sysctls: [{ name: 'net.ipv4.tcp_syncookies', value: '1' }] },
      runtimeClassName: 'gvisor',
    });
  });

  it('with a podTemplate: nodeSelector, tolerations, affinity, and its volumes after the Task ones', () => {
    const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'k', operator: 'In', values: ['v'] }] }] } } };
    const p = podOf(
      { steps: [step('name', 'image')], volumes: [{ name: 'task-vol', emptyDir: {} }] },
      { podTemplate: { nodeSelector: { disk: 'ssd' }, tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }], affinity, volumes: [{ name: 'tpl-vol', configMap: { name: 'cm' } }] } },
    );
    expect(p.spec?.volumes).toEqual([{ name: 'task-vol', emptyDir: {} }, { name: 'tpl-vol', configMap: { name: 'cm' } }, ...implicitVolumes]);
    expect(p.spec?.nodeSelector).toEqual({ disk: 'ssd' });
    expect(p.spec?.tolerations).toEqual([{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(p.spec?.affinity).toEqual(affinity);
  });

  it('very-long-step-name: cut to 63, trailing dashes dropped', () => {
    const p = podOf({ steps: [step('a-very-very-long-character-step-name-to-trigger-max-len----and-invalid-characters', 'image')] });
    expect(p.spec?.containers).toEqual([podStep('step-a-very-very-long-character-step-name-to-trigger-max-len', 'image')]);
  });

  it('step-name-ends-with-non-alphanumeric', () => {
    const p = podOf({ steps: [step('ends-with-invalid-%%__$$', 'image')] });
    expect(p.spec?.containers).toEqual([podStep('step-ends-with-invalid', 'image')]);
  });

  it('working-dir-in-workspace-dir: the working-dir initializer after the credential one', () => {
    const p = podOf({ steps: [step('name', 'image', withWorkingDir('/workspace/test'))] });
    const wd = generated(p.spec?.initContainers?.[1]?.name, 'step-working-dir-initializer');
    expect(p.spec).toEqual({
      restartPolicy: 'Never',
      initContainers: [credsInit(credsName(p)), workingDirInit(wd, 'mkdir -p /workspace/test')],
      containers: [podStep('step-name', 'image', withWorkingDir('/workspace/test'))],
      volumes: implicitVolumes,
    });
  });

  it('additional-sidecar-container: appended as written, requests untouched', () => {
    const p = podOf({ steps: [step('primary-name', 'primary-image')], sidecars: [{ name: 'sidecar-name', image: 'sidecar-image' }] });
    expect(p.spec?.containers).toEqual([podStep('step-primary-name', 'primary-image'), { name: 'sidecar-name', image: 'sidecar-image' }]);
  });

  it('step with script: one place-scripts init container, each step runs its file', () => {
    const p = podOf({
      steps: [
        step('one', 'image', withCommand('entrypointer'), withArgs('wait-file', 'out-file', '-entrypoint', 'image-entrypoint', '--'), withScript('echo hello from step one')),
        step(
          'two',
          'image',
          (s) => ({ ...s, volumeMounts: [{ name: 'i-have-a-volume-mount', mountPath: '/vm' }] }),
          withCommand('entrypointer'),
          withArgs('wait-file', 'out-file', '-entrypoint', 'image-entrypoint', '--', 'args', 'somehow'),
          withScript('#!/usr/bin/env python\nprint("Hello from Python")'),
        ),
      ],
      volumes: [{ name: 'i-have-a-volume-mount', emptyDir: {} }],
    });
    const ps = p.spec?.initContainers?.[1];
    const psName = generated(ps?.name, 'place-scripts');
    const text = ps?.args?.[1] ?? '';
    const files = [...text.matchAll(/^tmpfile="\/builder\/scripts\/(.*)"$/gm)].map((m) => m[1]);
    const delimiters = [...text.matchAll(/^cat > \$\{tmpfile\} << '(.*)'$/gm)].map((m) => m[1]);
    const [file0, file1] = [generated(files[0], 'script-0'), generated(files[1], 'script-1')].map((f) => `/builder/scripts/${f}`);
    const [d0, d1] = delimiters.map((d) => generated(d, 'script-heredoc-randomly-generated'));
    expect(p.spec).toEqual({
      restartPolicy: 'Never',
      initContainers: [
        credsInit(credsName(p)),
        placeScripts(psName, scriptText(file0!, d0!, 'echo hello from step one') + scriptText(file1!, d1!, '#!/usr/bin/env python\nprint("Hello from Python")')),
      ],
      containers: [
        podStep('step-one', 'image', withCommand('entrypointer'), withArgs('wait-file', 'out-file', '-entrypoint', file0!), withMounts(scriptsMount)),
        podStep(
          'step-two',
          'image',
          withCommand('entrypointer'),
          withArgs('wait-file', 'out-file', '-entrypoint', file1!),
          withMountsFirst({ name: 'i-have-a-volume-mount', mountPath: '/vm' }),
          withMounts(scriptsMount),
        ),
      ],
      volumes: [{ name: 'i-have-a-volume-mount', emptyDir: {} }, ...implicitVolumes, scriptsVolume],
    });
  });
});

describe('TestInitOutputResourcesDefaultDir', () => {
  it('an image output in the default directory gets a create-dir init container', () => {
    const p = podOf(
      { steps: [step('task-with-output-image', 'image')], outputs: { resources: [{ name: 'outputimage', outputImageDir: '/builder/home/image-outputs/outputimage' }] } },
      { outputBindings: [{ name: 'outputimage', resourceRef: { name: 'outputimage' } }] },
    );
    const createDir = generated(p.spec?.initContainers?.[1]?.name, 'create-dir-default-image-output');
    expect(p.spec).toEqual({
      restartPolicy: 'Never',
      initContainers: [
        credsInit(credsName(p)),
        { name: createDir, image: TEST_IMAGES.bashNoop, command: ['/ko-app/bash'], args: ['-args', 'mkdir -p /builder/home/image-outputs/outputimage'], volumeMounts: implicitMounts },
      ],
      containers: [podStep('step-task-with-output-image', 'image')],
      volumes: implicitVolumes,
    });
  });

  it('two image outputs get one create-dir each, in the order of the bindings, with distinct generated names', () => {
    const p = podOf(
      {
        steps: [step('s', 'image')],
        outputs: { resources: [{ name: 'a', outputImageDir: '/builder/home/image-outputs/a' }, { name: 'b', outputImageDir: '/builder/home/image-outputs/b' }] },
      },
      { outputBindings: [{ name: 'b', resourceRef: { name: 'b' } }, { name: 'a', resourceRef: { name: 'a' } }] },
    );
    const [forB, forA] = [1, 2].map((i) => generated(p.spec?.initContainers?.[i]?.name, 'create-dir-default-image-output'));
    expect(forA).not.toBe(forB);
    const createDir = (name: string, dir: string) => ({ name, image: TEST_IMAGES.bashNoop, command: ['/ko-app/bash'], args: ['-args', `mkdir -p ${dir}`], volumeMounts: implicitMounts });
    expect(p.spec?.initContainers?.slice(1)).toEqual([createDir(forB!, '/builder/home/image-outputs/b'), createDir(forA!, '/builder/home/image-outputs/a')]);
  });

  it('a binding and an output without a name are the ones named "" (Go zero value): the directory is the default one itself', () => {
    const unnamed = outputImageDirSteps(TEST_IMAGES.bashNoop, [{ resourceRef: { name: 'r' } }], [{ outputImageDir: '/builder/home/image-outputs/x' }], 'default/taskrun-name');
    const named = outputImageDirSteps(TEST_IMAGES.bashNoop, [{ name: '', resourceRef: { name: 'r' } }], [{ name: '', outputImageDir: '/builder/home/image-outputs/x' }], 'default/taskrun-name');
    const name = generated(unnamed[0]?.name, 'create-dir-default-image-output');
    expect(unnamed).toEqual([{ name, image: TEST_IMAGES.bashNoop, command: ['/ko-app/bash'], args: ['-args', 'mkdir -p /builder/home/image-outputs/'], volumeMounts: implicitMounts }]);
    expect(named).toEqual(unnamed);
  });

  it('an output elsewhere, or not bound, gets none', () => {
    const p = podOf(
      { steps: [step('s', 'image')], outputs: { resources: [{ name: 'a', outputImageDir: '/workspace/a' }, { name: 'b', outputImageDir: '/builder/home/image-outputs/b' }] } },
      { outputBindings: [{ name: 'a', resourceRef: { name: 'a' } }] },
    );
    expect(p.spec?.initContainers).toHaveLength(1);
  });
});

describe('MakePod order and placement', () => {
  const placeToolsStep = step('place-tools', TEST_IMAGES.entrypoint, withCommand('cp', '/ko-app/entrypoint', '/builder/tools/entrypoint'), (s) => ({
    ...s,
    volumeMounts: [{ name: 'tools', mountPath: '/builder/tools' }],
  }));
  const toolsVolume = { name: 'tools', emptyDir: {} };

  it('moves the place-tools step into the init containers, after the initializers, with its requests untouched', () => {
    const p = podOf({ steps: [placeToolsStep, step('a', 'i', withWorkingDir('/workspace/w'))], volumes: [toolsVolume] });
    expect(p.spec?.initContainers?.map((c) => c.name)).toEqual([credsName(p), expect.stringMatching(/^step-working-dir-initializer-/), 'step-place-tools']);
    expect(p.spec?.initContainers?.[2]).toEqual(
      podStep('step-place-tools', TEST_IMAGES.entrypoint, withCommand('cp', '/ko-app/entrypoint', '/builder/tools/entrypoint'), withMountsFirst({ name: 'tools', mountPath: '/builder/tools' }), (c) => {
        const { resources: _r, ...rest } = c;
        return rest;
      }),
    );
  });

  it('numbers unnamed steps and scripts by their index among all steps, place-tools included', () => {
    const p = podOf({ steps: [placeToolsStep, step('', 'i'), step('', 'i', withScript('#!/bin/sh'))], volumes: [toolsVolume] });
    expect(p.spec?.containers?.map((c) => c.name)).toEqual(['step-unnamed-1', 'step-unnamed-2']);
    expect(p.spec?.containers?.[1]?.args?.at(-1)).toMatch(/^\/builder\/scripts\/script-2-[a-z0-9]{5}$/);
  });

  it('merges the stepTemplate into init containers and steps, not into sidecars (taskrun_test "task-env")', () => {
    const p = podOf({
      stepTemplate: { env: [{ name: 'FRUIT', value: 'APPLE' }] },
      steps: [placeToolsStep, { name: 'env-step', image: 'foo', env: [{ name: 'ANOTHER', value: 'VARIABLE' }, { name: 'FRUIT', value: 'LEMON' }] }],
      sidecars: [{ name: 'side', image: 's' }],
      volumes: [toolsVolume],
    });
    expect(p.spec?.initContainers?.map((c) => c.env)).toEqual([
      [HOME, { name: 'FRUIT', value: 'APPLE' }],
      [HOME, { name: 'FRUIT', value: 'APPLE' }],
    ]);
    expect(p.spec?.containers).toEqual([podStep('step-env-step', 'foo', withEnv('ANOTHER', 'VARIABLE'), withEnv('FRUIT', 'LEMON')), { name: 'side', image: 's' }]);
  });

  it('judges the scripts with the place-scripts env after the stepTemplate (DEVIATIONS.md item 8)', () => {
    const script = '#!/bin/sh\necho $(GREETING)';
    const without = podOf({ steps: [step('s', 'i', withScript(script))] });
    const withTemplate = podOf({ stepTemplate: { env: [{ name: 'GREETING', value: 'hi' }] }, steps: [step('s', 'i', withScript(script))] });
    expect(without.spec?.initContainers?.[1]?.args?.[1]).toContain('\necho $(GREETING)\n');
    expect(withTemplate.spec?.initContainers?.[1]?.args?.[1]).toContain('\necho $$(GREETING)\n');
  });

  it('escapes the working-dir initializer args the kubelet would expand', () => {
    const p = podOf({ steps: [step('a', 'i', withWorkingDir('/workspace/$(HOME)')), step('b', 'i', withWorkingDir('/workspace/x y'))] });
    expect(p.spec?.initContainers?.[1]?.args).toEqual(['-args', "mkdir -p '/workspace/$$(HOME)' '/workspace/x y'"]);
  });

  it('judges the working-dir initializer args with the envFrom of the stepTemplate: every $(...) may then be defined', () => {
    const dirs = { steps: [step('a', 'i', withWorkingDir('/workspace/$(date)'))] };
    const plain = podOf(dirs);
    const withEnvFrom = podOf({ ...dirs, stepTemplate: { envFrom: [{ configMapRef: { name: 'cm' } }] } });
    expect(plain.spec?.initContainers?.[1]?.args).toEqual(['-args', "mkdir -p '/workspace/$(date)'"]);
    expect(withEnvFrom.spec?.initContainers?.[1]).toMatchObject({ envFrom: [{ configMapRef: { name: 'cm' } }], args: ['-args', "mkdir -p '/workspace/$$(date)'"] });
  });

  it("escapes only the working-dir initializer: stepTemplate args merged into the credential initializer stay as written", () => {
    // The three-way merge keeps the template's args in a container that has none (merge.go).
    const p = podOf({ stepTemplate: { args: ['-args', 'echo $$'] }, steps: [step('a', 'i', withWorkingDir('/workspace/w'), withArgs('x'))] });
    expect(p.spec?.initContainers?.map((c) => c.args)).toEqual([
      ['-args', 'echo $$'],
      ['-args', 'mkdir -p /workspace/w'],
    ]);
  });

  it('an empty script and an empty workingDir count as unset, as Go\'s "" does', () => {
    const p = podOf({ steps: [step('a', 'image', withScript(''), withWorkingDir(''))] });
    expect(p.spec).toEqual({
      restartPolicy: 'Never',
      initContainers: [credsInit(credsName(p))],
      containers: [podStep('step-a', 'image')],
      volumes: implicitVolumes,
    });
  });

  it('a TaskSpec without steps (which validation refuses) gives no step containers', () => {
    const p = podOf({});
    expect(p.spec?.initContainers).toEqual([credsInit(credsName(p))]);
    expect(p.spec?.containers ?? []).toEqual([]);
    expect(p.spec?.volumes).toEqual(implicitVolumes);
  });

  it('keeps the largest request of each resource on one step only', () => {
    const p = podOf({ steps: [step('a', 'i', withRequests({ cpu: '1' })), step('b', 'i', withRequests({ memory: '1Gi' }))] });
    expect(p.spec?.containers?.map((c) => c.resources?.requests)).toEqual([
      { cpu: '1', memory: '0', 'ephemeral-storage': '0' },
      { memory: '1Gi', cpu: '0', 'ephemeral-storage': '0' },
    ]);
  });

  it('keeps a step mount at /workspace instead of the implicit one', () => {
    const p = podOf({ steps: [{ name: 'a', image: 'i', volumeMounts: [{ name: 'mine', mountPath: '/workspace/' }] }], volumes: [{ name: 'mine', emptyDir: {} }] });
    expect(p.spec?.containers?.[0]?.volumeMounts).toEqual([{ name: 'mine', mountPath: '/workspace/' }, { name: 'home', mountPath: '/builder/home' }]);
  });

  it('is deterministic', () => {
    const spec = { steps: [step('a', 'i', withScript('#!/bin/sh')), step('b', 'i', withWorkingDir('/workspace/b'))] };
    expect(podOf(spec, { serviceAccountName: 'service-account' })).toEqual(podOf(spec, { serviceAccountName: 'service-account' }));
  });
});

describe('MakePod refusals', () => {
  const refusal = (spec: TaskSpec, run: Partial<PodRun> = {}) => {
    const r = makePod(input(spec, run));
    if (E.isRight(r)) throw new Error('expected a refusal');
    return r.left;
  };

  it('a Task volume named like an implicit one (ValidateVolumes)', () => {
    expect(refusal({ steps: [step('a', 'i')], volumes: [{ name: 'workspace', emptyDir: {} }] })).toEqual({
      _tag: 'Refused',
      object: 'TaskRun default/taskrun-name',
      field: 'pod.spec.volumes[1].name',
      message: 'multiple volumes with same name "workspace"',
    });
  });

  it('two volumes without a name: both are named "" for ValidateVolumes', () => {
    expect(refusal({ steps: [step('a', 'i')], volumes: [{ emptyDir: {} }, { emptyDir: {} }] })).toEqual({
      _tag: 'Refused',
      object: 'TaskRun default/taskrun-name',
      field: 'pod.spec.volumes[1].name',
      message: 'multiple volumes with same name ""',
    });
  });

  it('a podTemplate volume named like a Task volume', () => {
    expect(refusal({ steps: [step('a', 'i')], volumes: [{ name: 'v', emptyDir: {} }] }, { podTemplate: { volumes: [{ name: 'v', emptyDir: {} }] } })).toMatchObject({
      field: 'pod.spec.volumes[1].name',
      message: 'multiple volumes with same name "v"',
    });
  });

  it('a mount of an undeclared volume (API server rule)', () => {
    expect(refusal({ steps: [{ name: 'a', image: 'i', volumeMounts: [{ name: 'ghost', mountPath: '/g' }] }] })).toMatchObject({
      _tag: 'Refused',
      field: 'pod.spec.containers[0].volumeMounts[0].name',
      message: expect.stringContaining('"ghost"'),
    });
  });

  it('a missing Secret of the ServiceAccount "default" when the TaskRun names none', () => {
    const r = makePod({ ...input({ steps: [step('a', 'i')] }, { namespace: 'ns' }), credentials: { secretNames: ['gone'], findSecret: () => undefined } });
    expect(r).toEqual(E.left({ _tag: 'Unresolved', object: 'ServiceAccount ns/default', field: 'secrets[0].name', message: expect.stringContaining('"gone"') }));
  });

  it('a Secret of the ServiceAccount that is missing', () => {
    const r = makePod({ ...input({ steps: [step('a', 'i')] }, { serviceAccountName: 'builder' }), credentials: { secretNames: ['gone'], findSecret: () => undefined } });
    expect(r).toEqual(E.left({ _tag: 'Unresolved', object: 'ServiceAccount default/builder', field: 'secrets[0].name', message: expect.stringContaining('"gone"') }));
  });
});
