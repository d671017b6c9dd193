/**
 * explainPod on Pods written here: how it reads the entrypoint's flags, the
 * names of generated containers and volumes, and env vars, with and without
 * the resolved inputs. explainPod is public and takes any Pod (a live one
 * too), so these Pods need not be ones taskpod renders; each test says what
 * rule it pins.
 */
import { explainPod } from '../../src/explain';
import type { Container, Pod, Volume } from '../../src/model/core';
import { objectsOf, runOf } from './inputs';

/** The entrypoint binary every redirected step runs (src/pod/constants.ts, Tekton's /builder/tools/entrypoint). */
const ENTRYPOINT = '/builder/tools/entrypoint';

function podWith(containers: Container[], initContainers: Container[] = [], volumes: Volume[] = []): Pod {
  return { metadata: { name: 'p', namespace: 'n' }, spec: { initContainers, containers, volumes } };
}

describe('a Pod without metadata or spec', () => {
  test('explains to an empty Pod: names are empty, nothing about a TaskRun or Task', () => {
    expect(explainPod({})).toStrictEqual({ pod: { name: '', namespace: '' }, containers: [], volumes: [] });
  });

  test('a container or volume without a name is explained with an empty name', () => {
    const x = explainPod({ spec: { containers: [{ image: 'busybox' }], volumes: [{ emptyDir: {} }] as Volume[] } });
    expect(x.containers.map((c) => [c.name, c.origin])).toEqual([['', 'sidecar']]);
    expect(x.volumes.map((v) => [v.name, v.source])).toEqual([['', 'emptyDir']]);
  });

  test('name and namespace come from the metadata', () => {
    expect(explainPod({ metadata: { name: 'build-pod', namespace: 'ci' } }).pod).toEqual({ name: 'build-pod', namespace: 'ci' });
  });
});

describe('the entrypoint\'s flags', () => {
  test('wait file, post file, and the command after -entrypoint without the "--" separator', () => {
    const x = explainPod(
      podWith([
        {
          name: 'step-a',
          command: [ENTRYPOINT],
          args: ['-wait_file', '/builder/downward/ready', '-post_file', '/builder/tools/0', '-wait_file_content', '-entrypoint', 'make', '--', '-j4', 'all'],
        },
      ]),
    );
    expect(x.containers[0]).toMatchObject({ waitFile: '/builder/downward/ready', postFile: '/builder/tools/0', runs: ['make', '-j4', 'all'] });
  });

  test('a script step: -entrypoint is followed by the script file alone, no "--"', () => {
    const x = explainPod(podWith([{ name: 'step-s', command: [ENTRYPOINT], args: ['-wait_file', '/builder/tools/0', '-post_file', '/builder/tools/1', '-entrypoint', '/builder/scripts/script-1-abcde'] }]));
    expect(x.containers[0]!.runs).toEqual(['/builder/scripts/script-1-abcde']);
  });

  test('only the first "--" after -entrypoint is the separator, wherever it is; flags after -entrypoint are the command\'s', () => {
    const x = explainPod(
      podWith([
        { name: 'step-a', command: [ENTRYPOINT], args: ['-entrypoint', '--', 'ls', '--', '-l'] },
        { name: 'step-b', command: [ENTRYPOINT], args: ['-entrypoint', 'echo', '--', '-wait_file', '/x', '-post_file', '/y'] },
        // No "--" at all: every word after -entrypoint is the command.
        { name: 'step-c', command: [ENTRYPOINT], args: ['-entrypoint', 'sh', '-c', 'ls'] },
        // Nothing after -entrypoint: an empty command, and no script file.
        { name: 'step-d', command: [ENTRYPOINT], args: ['-entrypoint'] },
      ]),
    );
    expect(x.containers[3]!.runs).toEqual([]);
    expect(x.containers[3]).not.toHaveProperty('scriptFile');
    expect(x.containers[0]!.runs).toEqual(['ls', '--', '-l']);
    expect(x.containers[2]!.runs).toEqual(['sh', '-c', 'ls']);
    expect(x.containers[1]).toMatchObject({ runs: ['echo', '-wait_file', '/x', '-post_file', '/y'] });
    expect(x.containers[1]).not.toHaveProperty('waitFile');
    expect(x.containers[1]).not.toHaveProperty('postFile');
  });

  test('a flag without its value at the end of the args is ignored (no key with an undefined value)', () => {
    const x = explainPod(
      podWith([
        { name: 'step-a', command: [ENTRYPOINT], args: ['-post_file', '/builder/tools/3', '-wait_file'] },
        { name: 'step-b', command: [ENTRYPOINT], args: ['-wait_file', '/builder/tools/3', '-post_file'] },
      ]),
    );
    const [a, b] = x.containers;
    expect(a).toStrictEqual({ order: 0, name: 'step-a', list: 'container', image: '', mounts: [], postFile: '/builder/tools/3', origin: 'step', why: expect.stringMatching(/^step 0 .*of the Task$/), step: { index: 0, name: '' }, env: [] });
    expect(b).toStrictEqual({ order: 1, name: 'step-b', list: 'container', image: '', mounts: [], waitFile: '/builder/tools/3', origin: 'step', why: expect.stringMatching(/^step 1 .*of the Task$/), step: { index: 1, name: '' }, env: [] });
  });

  test('a container whose command is not the entrypoint binary has no flags, whatever its args say', () => {
    const x = explainPod(podWith([{ name: 'step-a', command: ['make'], args: ['-wait_file', '/w', '-post_file', '/p', '-entrypoint', 'x'] }, { name: 'step-b', args: ['-wait_file', '/w'] }]));
    for (const c of x.containers) {
      expect(c).not.toHaveProperty('waitFile');
      expect(c).not.toHaveProperty('postFile');
      expect(c).not.toHaveProperty('runs');
    }
  });
});

describe('mounts and env vars as the Pod has them', () => {
  test('mounts keep their order; read-only only when readOnly is true; missing fields read as empty', () => {
    const x = explainPod(
      podWith([
        {
          name: 'side',
          image: 'redis',
          volumeMounts: [
            { name: 'a', mountPath: '/a', readOnly: true },
            { name: 'b', mountPath: '/b', readOnly: false },
            { name: 'c', mountPath: '/c' },
            {} as never,
          ],
        },
      ]),
    );
    expect(x.containers[0]!.image).toBe('redis');
    expect(x.containers[0]!.mounts).toStrictEqual([
      { volume: 'a', mountPath: '/a', readOnly: true },
      { volume: 'b', mountPath: '/b', readOnly: false },
      { volume: 'c', mountPath: '/c', readOnly: false },
      { volume: '', mountPath: '', readOnly: false },
    ]);
  });

  test('without the resolved inputs: a step\'s first HOME is implicit, its other vars unknown; a generated container\'s are generated', () => {
    const env = [
      { name: 'HOME', value: '/builder/home' },
      { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
      { name: 'HOME', value: '/root' },
      {} as never,
    ];
    const x = explainPod(podWith([{ name: 'step-build', env }], [{ name: 'step-place-tools', env }]));
    const expected = (other: 'unknown' | 'generated') => [
      { name: 'HOME', origin: 'implicit', fromRef: false },
      { name: 'TOKEN', origin: other, fromRef: true },
      { name: 'HOME', origin: other, fromRef: false },
      { name: '', origin: other, fromRef: false },
    ];
    expect(x.containers[0]!.env).toStrictEqual(expected('generated'));
    expect(x.containers[1]!.env).toStrictEqual(expected('unknown'));
  });

  test('HOME is implicit only as the first var: a container whose first var is another is not given one', () => {
    const env = [{ name: 'LANG', value: 'C' }, { name: 'HOME', value: '/h' }];
    const x = explainPod(podWith([{ name: 'step-a', env }], [{ name: 'place-scripts-abcde', env }]));
    expect(x.containers.map((c) => c.env.map((e) => e.origin))).toEqual([
      ['generated', 'generated'],
      ['unknown', 'unknown'],
    ]);
  });
});

describe('generated containers, recognized by their names alone', () => {
  test('credential initializer: the number of creds-init flags, or that no Secret matched', () => {
    const x = explainPod(
      podWith([], [
        { name: 'step-credential-initializer-abcde', args: ['-basic-docker=a=https://gcr.io', '-ssh-git=b=github.com'] },
        { name: 'step-credential-initializer-fghjk', args: ['-docker-config=c'] },
        { name: 'step-credential-initializer-klmnp' },
      ]),
    );
    expect(x.containers.map((c) => [c.origin, c.why])).toEqual([
      ['credential-init', "credential initializer: creds-init writes the credentials of the ServiceAccount's Secrets into $HOME (2 flags)"],
      ['credential-init', "credential initializer: creds-init writes the credentials of the ServiceAccount's Secrets into $HOME (1 flag)"],
      ['credential-init', "credential initializer: creds-init writes the credentials of the ServiceAccount's Secrets into $HOME (no Secret has a matching tekton.dev annotation)"],
    ]);
  });

  test('working-dir initializer and place-scripts read their bash text from args[1]; without it they say nothing is made', () => {
    const x = explainPod(
      podWith([], [
        { name: 'step-working-dir-initializer-abcde', command: ['/ko-app/bash'], args: ['-args', 'mkdir -p /workspace/a /workspace/b'] },
        { name: 'step-working-dir-initializer-fghjk' },
        { name: 'place-scripts-abcde', command: ['sh'], args: ['-c', 'tmpfile="/builder/scripts/script-0-x2b4z"\ntouch ${tmpfile}\ntmpfile="/builder/scripts/script-2-q5r6s"\n'] },
        { name: 'place-scripts-fghjk' },
      ]),
    );
    expect(x.containers.map((c) => [c.origin, c.why])).toEqual([
      ['working-dir', "working-dir initializer: creates the steps' workingDirs under /workspace (mkdir -p /workspace/a /workspace/b)"],
      ['working-dir', "working-dir initializer: creates the steps' workingDirs under /workspace ()"],
      ['script-placement', 'script placement: writes 2 scripts under /builder/scripts (script-0-x2b4z, script-2-q5r6s)'],
      ['script-placement', 'script placement: writes 0 scripts under /builder/scripts ()'],
    ]);
  });

  test('a generated name needs its five-character suffix: without it the container is a step', () => {
    const x = explainPod(podWith([{ name: 'step-git-source-repo' }, { name: 'step-upload-out-abcdef' }, { name: 'step-upload-out-abcde' }], [{ name: 'place-scripts' }]));
    expect(x.containers.map((c) => c.origin)).toEqual(['step', 'step', 'step', 'resource-upload']);
  });

  test('a pull request step is a download before the first Task step and an upload after it', () => {
    const x = explainPod(podWith([{ name: 'step-pr-source-pr-abcde' }, { name: 'step-label' }, { name: 'step-pr-source-pr-fghjk' }, { name: 'step-kubeconfig-klmnp' }]));
    expect(x.containers.map((c) => [c.origin, c.why, c.resource])).toEqual([
      ['resource-download', 'syncs pull request resource "pr"', 'pr'],
      ['step', expect.stringMatching(/^step 0 .*of the Task$/), undefined],
      ['resource-upload', 'updates pull request resource "pr"', 'pr'],
      // Other bases keep their origin after the steps.
      ['resource-download', 'writes the kubeconfig of cluster resource', undefined],
    ]);
    expect(x.containers[3]).not.toHaveProperty('resource');
  });

  test('create-dir: the default image-output directory, or a resource\'s directory', () => {
    const x = explainPod(
      podWith(
        [{ name: 'step-create-dir-out-abcde' }, { name: 'step-upload-default-image-output-abcde' }],
        [{ name: 'create-dir-default-image-output-abcde' }],
      ),
    );
    expect(x.containers.map((c) => [c.list, c.origin, c.why, c.resource])).toEqual([
      ['init', 'create-dir', 'create-dir: the default directory of an image output (/builder/home/image-outputs)', undefined],
      ['container', 'create-dir', 'creates the directory of "out"', 'out'],
      // Only a create-dir step is the image-output directory; a resource so named is uploaded like any other.
      ['container', 'resource-upload', 'uploads storage resource "default-image-output"', 'default-image-output'],
    ]);
  });

  test('sidecars: a container without the step- prefix, or an init container with restartPolicy Always', () => {
    const x = explainPod(
      podWith(
        [{ name: 'proxy', env: [{ name: 'HOME', value: '/' }] }],
        [
          { name: 'mesh', restartPolicy: 'Always' } as Container,
          { name: 'step-place-tools', restartPolicy: 'OnFailure' } as Container,
        ],
      ),
    );
    expect(x.containers.map((c) => [c.name, c.list, c.origin, c.why])).toEqual([
      ['mesh', 'init', 'sidecar', 'sidecar "mesh" of the Task (a native sidecar: an init container that keeps running); starts with the steps and is stopped after the last one'],
      ['step-place-tools', 'init', 'place-tools', 'place-tools: copies the entrypoint binary into the tools volume; every step runs through it'],
      ['proxy', 'container', 'sidecar', 'sidecar "proxy" of the Task; starts with the steps and is stopped after the last one'],
    ]);
    expect(x.containers[2]!.env).toEqual([{ name: 'HOME', origin: 'sidecar', fromRef: false }]);
  });
});

describe('volumes, recognized by their names and sources', () => {
  const VOLUMES = [
    { name: 'tools', emptyDir: {} },
    { name: 'home', emptyDir: {} },
    { name: 'downward', downwardAPI: {} },
    { name: 'workspace', emptyDir: {} },
    { name: 'place-scripts', emptyDir: {} },
    { name: 'secret-volume-bot-abcde', secret: { secretName: 'bot' } },
    { name: 'secret-volume-odd-abcde' },
    { name: 'run-pvc', persistentVolumeClaim: { claimName: 'run-pvc' } },
    { name: 'no-claim', persistentVolumeClaim: {} },
    { name: 'cache', emptyDir: {} },
  ];

  test('Tekton\'s, creds-init\'s Secrets, the artifact PVC; what else there is, without the inputs, is unknown', () => {
    const x = explainPod(podWith([{ name: 'step-a', volumeMounts: [{ name: 'cache', mountPath: '/c' }, { name: 'tools', mountPath: '/builder/tools' }] }, { name: 'step-b', volumeMounts: [{ name: 'cache', mountPath: '/c' }] }], [], VOLUMES));
    expect(x.volumes.map((v) => [v.name, v.source, v.origin, v.why])).toEqual([
      ['tools', 'emptyDir', 'tekton', 'the entrypoint binary and the post files steps wait for'],
      ['home', 'emptyDir', 'tekton', 'the $HOME (/builder/home) every step shares'],
      ['downward', 'downwardAPI', 'tekton', 'the tekton.dev/ready annotation, projected as the file the first step waits for'],
      ['workspace', 'emptyDir', 'tekton', 'the /workspace every step shares'],
      ['place-scripts', 'emptyDir', 'tekton', "the steps' script files, written by place-scripts"],
      ['secret-volume-bot-abcde', 'secret', 'credentials', 'Secret "bot" of the ServiceAccount, read by creds-init'],
      ['secret-volume-odd-abcde', 'unknown', 'credentials', 'Secret "" of the ServiceAccount, read by creds-init'],
      ['run-pvc', 'persistentVolumeClaim', 'artifacts', 'the PipelineRun\'s artifact PVC "run-pvc"'],
      ['no-claim', 'persistentVolumeClaim', 'artifacts', 'the PipelineRun\'s artifact PVC ""'],
      ['cache', 'emptyDir', 'unknown', 'not a volume Tekton always adds'],
    ]);
    expect(x.volumes.map((v) => v.mountedBy)).toEqual([['step-a'], [], [], [], [], [], [], [], [], ['step-a', 'step-b']]);
  });

  test('with the inputs, a volume neither Tekton\'s, the Task\'s nor the podTemplate\'s was added by a PipelineResource', () => {
    const run = runOf(
      objectsOf(`
apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: vols, namespace: default}
spec:
  podTemplate:
    volumes: [{name: from-template, emptyDir: {}}]
  taskSpec:
    volumes: [{name: from-task, emptyDir: {}}]
    steps: [{name: a, image: alpine, command: ['true']}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: default}
`),
    );
    const x = explainPod(podWith([], [], [{ name: 'from-task', emptyDir: {} }, { name: 'from-template', emptyDir: {} }, { name: 'tools', emptyDir: {} }, { name: 'cache', emptyDir: {} }, { name: 'run-pvc', persistentVolumeClaim: { claimName: 'c' } }]), run);
    expect(x.volumes.map((v) => [v.name, v.origin, v.why])).toEqual([
      ['from-task', 'task', 'a volume the Task declares'],
      ['from-template', 'podTemplate', "a volume of the TaskRun's podTemplate"],
      ['tools', 'tekton', 'the entrypoint binary and the post files steps wait for'],
      ['cache', 'resource', 'added by a PipelineResource (its Secret or storage)'],
      ['run-pvc', 'artifacts', 'the PipelineRun\'s artifact PVC "c"'],
    ]);
  });
});

describe('with the resolved inputs', () => {
  const TASKRUN = `
apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: tied, namespace: default}
spec:
  taskSpec:
    stepTemplate:
      env: [{name: LANG, value: C}]
    steps:
    - name: one
      image: alpine
      command: ['true']
      env: [{name: OWN, value: '1'}]
    sidecars:
    - {name: db, image: postgres}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: default}
`;

  test('step env vars: implicit HOME, the stepTemplate\'s, the step\'s own, and others generated; a step beyond the Task\'s is unknown', () => {
    const run = runOf(objectsOf(TASKRUN));
    const env = [
      { name: 'HOME', value: '/builder/home' },
      { name: 'LANG', value: 'C' },
      { name: 'OWN', value: '1' },
      { name: 'ADDED', value: 'x' },
    ];
    const x = explainPod(podWith([{ name: 'step-one', env }, { name: 'step-two', env }]), run);
    expect(x.containers[0]).toMatchObject({ why: 'step "one" of the embedded taskSpec', step: { index: 0, name: 'one' } });
    expect(x.containers[0]!.env.map((e) => e.origin)).toEqual(['implicit', 'stepTemplate', 'step', 'generated']);
    // The Task has one step: the second step container is not tied to any.
    expect(x.containers[1]!.why).toBe('step 1 (unnamed) of the embedded taskSpec');
    expect(x.containers[1]).not.toHaveProperty('step');
    expect(x.containers[1]!.env.map((e) => e.origin)).toEqual(['implicit', 'unknown', 'unknown', 'unknown']);
    expect(x.taskRun).toBe('TaskRun default/tied');
    expect(x.task).toBe('embedded taskSpec');
  });

  test('without a stepTemplate, a var the step does not set is generated, in steps and generated containers alike', () => {
    const run = runOf(objectsOf(TASKRUN.replace('    stepTemplate:\n      env: [{name: LANG, value: C}]\n', '')));
    const env = [{ name: 'HOME', value: '/builder/home' }, { name: 'LANG', value: 'C' }, { name: 'OWN', value: '1' }];
    const x = explainPod(podWith([{ name: 'step-one', env }], [{ name: 'step-place-tools', env }]), run);
    expect(x.containers.map((c) => c.env.map((e) => e.origin))).toEqual([
      ['implicit', 'generated', 'generated'],
      ['implicit', 'generated', 'step'],
    ]);
  });

  test('a generated container\'s vars the stepTemplate sets are the stepTemplate\'s', () => {
    const run = runOf(objectsOf(TASKRUN));
    const x = explainPod(podWith([], [{ name: 'step-place-tools', env: [{ name: 'HOME', value: '/builder/home' }, { name: 'LANG', value: 'C' }, { name: 'OWN', value: '1' }] }]), run);
    expect(x.containers[0]!.env.map((e) => e.origin)).toEqual(['implicit', 'stepTemplate', 'generated']);
  });

  test('a sidecar the Task does not declare is said to be foreign; the Task\'s own is not', () => {
    const run = runOf(objectsOf(TASKRUN));
    const x = explainPod(podWith([{ name: 'step-one' }, { name: 'db' }, { name: 'istio-proxy' }]), run);
    expect(x.containers.slice(1).map((c) => c.why)).toEqual([
      'sidecar "db" of the embedded taskSpec; starts with the steps and is stopped after the last one',
      'sidecar "istio-proxy" of the embedded taskSpec (not among the Task\'s sidecars); starts with the steps and is stopped after the last one',
    ]);
  });

  test('a script step is said to run its script only when its container runs a file under /builder/scripts', () => {
    const run = runOf(objectsOf(`
apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: scripted, namespace: default}
spec:
  taskSpec:
    steps:
    - {name: one, image: alpine, script: 'echo one'}
    - {name: two, image: alpine, script: 'echo two'}
    - {name: three, image: alpine, script: 'echo three'}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: default}
`));
    const x = explainPod(
      podWith([
        { name: 'step-one', command: [ENTRYPOINT], args: ['-entrypoint', '/builder/scripts/script-0-abcde'] },
        // Not placed by place-scripts: the entrypoint runs a shell, or nothing is redirected.
        { name: 'step-two', command: [ENTRYPOINT], args: ['-entrypoint', '/bin/sh', '--', '-c', 'echo two'] },
        { name: 'step-three', command: ['sh', '-c', 'echo three'] },
      ]),
      run,
    );
    expect(x.containers.map((c) => [c.why, c.scriptFile])).toEqual([
      ['step "one" of the embedded taskSpec, running its script', '/builder/scripts/script-0-abcde'],
      ['step "two" of the embedded taskSpec', undefined],
      ['step "three" of the embedded taskSpec', undefined],
    ]);
  });

  test('the credential initializer names the ServiceAccount, "default" when the TaskRun names none', () => {
    const run = runOf(objectsOf(TASKRUN));
    const x = explainPod(podWith([], [{ name: 'step-credential-initializer-abcde' }]), run);
    expect(x.containers[0]!.why).toBe(
      "credential initializer: creds-init writes the credentials of ServiceAccount default/default's Secrets into $HOME (no Secret has a matching tekton.dev annotation)",
    );
  });

  describe('a generated step\'s name part is matched to a binding or resource name', () => {
    // Bindings: input "src" -> PipelineResource "src-repo", output "image" -> "app-image".
    const RESOURCES = `
apiVersion: tekton.dev/v1alpha1
kind: PipelineResource
metadata: {name: src-repo, namespace: default}
spec:
  type: git
  params: [{name: url, value: 'https://github.com/example/app'}]
---
apiVersion: tekton.dev/v1alpha1
kind: PipelineResource
metadata: {name: app-image, namespace: default}
spec:
  type: image
  params: [{name: url, value: gcr.io/example/app}]
---
apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: res, namespace: default}
spec:
  inputs:
    resources: [{name: src, resourceRef: {name: src-repo}}]
  outputs:
    resources: [{name: image, resourceRef: {name: app-image}}]
  taskSpec:
    inputs:
      resources: [{name: src, type: git}]
    outputs:
      resources: [{name: image, type: image}]
    steps: [{name: a, image: alpine, command: ['true']}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: default}
`;

    test.each([
      ['a binding name, exactly (not a longer resource name starting with it)', 'step-git-source-src-abcde', 'src'],
      ['a resource name, exactly', 'step-git-source-src-repo-abcde', 'src-repo'],
      ['a name followed by more: the longest name it starts with', 'step-upload-src-repo-extra-abcde', 'src-repo'],
      ['a name preceded by more: the longest name it ends with', 'step-fetch-bucket-app-image-abcde', 'app-image'],
      ['a cut name: the name it is the start of', 'step-fetch-src-r-abcde', 'src-repo'],
      ['no name: kept as it is', 'step-fetch-other-abcde', 'other'],
    ])('%s', (_what, container, resource) => {
      const run = runOf(objectsOf(RESOURCES));
      const x = explainPod(podWith([{ name: container }]), run);
      expect(x.containers[0]!.resource).toBe(resource);
      expect(x.containers[0]!.why).toMatch(new RegExp(` "${resource}"$`));
    });
  });
});
