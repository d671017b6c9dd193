/**
 * explainRender and formatExplanation on real inputs (the fixtures and small
 * TaskRuns written here): what `taskpod explain` says about each kind of
 * container, env var and volume taskpod renders. Expected texts follow from
 * the inputs and from what each generated container is for (README,
 * docs/resources.md); the generated names' random five characters are read
 * from the rendered Pod, since they are the render's business, not explain's.
 */
import { formatExplanation } from '../../src/explain';
import { DEFAULT_IMAGES } from '../../src/model/config';
import { containersOf, explained, fixture, named, objectsOf, podOf, volumeNamed } from './inputs';

const READY_WAIT = '/builder/downward/ready (the tekton.dev/ready annotation: set once the sidecars are up)';
const TOOLS_WHY = 'the entrypoint binary and the post files steps wait for';
const DOWNWARD_WHY = 'the tekton.dev/ready annotation, projected as the file the first step waits for';
const WORKSPACE_WHY = 'the /workspace every step shares';
const HOME_WHY = 'the $HOME (/builder/home) every step shares';
const NO_FLAGS = "no Secret has a matching tekton.dev annotation";

/** The explanation's containers as [origin, why], the shape most tests check. */
function origins(x: ReturnType<typeof explained>): [string, string][] {
  return x.containers.map((c) => [c.origin, c.why]);
}

describe('taskpod explain, text, for a TaskRun whose ServiceAccount has credentials (fixtures/credentials)', () => {
  test('prints the header, each container with its lines, and every volume padded to the longest name', () => {
    const objects = fixture('credentials');
    const pod = podOf(objects);
    const creds = named(pod, 'step-credential-initializer-');
    // The four Secrets that yield creds-init flags get a volume; opaque-token does not.
    const vol = (secret: string) => volumeNamed(pod, `secret-volume-${secret}-`);
    const secrets = ['registries', 'github-ssh', 'gitlab-and-hub', 'dockerconfig'];
    const width = Math.max(...['tools', 'downward', 'workspace', 'home', ...secrets.map(vol)].map((n) => n.length));
    const volume = (name: string, what: string, by: string) => [`  ${name.padEnd(width)}  ${what}`, `  ${' '.repeat(width)}  mounted by: ${by}`];
    const expected = [
      `Pod ${pod.metadata!.name} in namespace ci`,
      'TaskRun ci/push-app, embedded taskSpec',
      '',
      'Init containers (run one after another before any step):',
      ` 1. ${creds}  [credential init]`,
      // registries: 2 docker annotations; github-ssh: 1 git; gitlab-and-hub: 1 git + 1 docker;
      // dockerconfig: -docker-config; opaque-token (Opaque): none. 6 flags in all.
      "    credential initializer: creds-init writes the credentials of ServiceAccount ci/build-bot's Secrets into $HOME (6 flags)",
      `    image:  ${DEFAULT_IMAGES.creds}`,
      `    mounts: workspace at /workspace, home at /builder/home, ${secrets.map((s) => `${vol(s)} at /var/build-secrets/${s}`).join(', ')}`,
      '    env:    HOME (implicit)',
      ' 2. step-place-tools  [place-tools]',
      '    place-tools: copies the entrypoint binary into the tools volume; every step runs through it',
      `    image:  ${DEFAULT_IMAGES.entrypoint}`,
      '    mounts: tools at /builder/tools, workspace at /workspace, home at /builder/home',
      '    env:    HOME (implicit)',
      '',
      "Steps (start together; each waits for the previous one's post file):",
      ' 3. step-push  [step]',
      '    step "push" of the embedded taskSpec',
      '    image:  gcr.io/cloud-builders/docker',
      '    runs:   docker push gcr.io/example/app',
      `    waits:  ${READY_WAIT}`,
      '    posts:  /builder/tools/0',
      '    mounts: tools at /builder/tools, downward at /builder/downward, workspace at /workspace, home at /builder/home',
      '    env:    HOME (implicit)',
      '',
      'Volumes:',
      ...volume('tools', `emptyDir, tekton: ${TOOLS_WHY}`, 'step-place-tools, step-push'),
      ...volume('downward', `downwardAPI, tekton: ${DOWNWARD_WHY}`, 'step-push'),
      ...volume('workspace', `emptyDir, tekton: ${WORKSPACE_WHY}`, `${creds}, step-place-tools, step-push`),
      ...volume('home', `emptyDir, tekton: ${HOME_WHY}`, `${creds}, step-place-tools, step-push`),
      ...secrets.flatMap((s) => volume(vol(s), `secret, credentials: Secret "${s}" of the ServiceAccount, read by creds-init`, creds)),
      '',
    ].join('\n');
    expect(formatExplanation(explained(objects))).toBe(expected);
  });

  test('one Secret with one annotation is "1 flag"; the deprecated serviceAccount field names the account too', () => {
    const x = explained(
      objectsOf(`
apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: pull, namespace: ci}
spec:
  serviceAccount: puller
  taskSpec:
    steps:
    - {name: pull, image: alpine, command: ['true']}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: puller, namespace: ci}
secrets: [{name: hub}]
---
apiVersion: v1
kind: Secret
metadata: {name: hub, namespace: ci, annotations: {tekton.dev/docker-0: 'https://index.docker.io/v1/'}}
type: kubernetes.io/basic-auth
data: {username: Ym90, password: c2VjcmV0}
`),
    );
    expect(x.containers[0]).toMatchObject({
      origin: 'credential-init',
      why: "credential initializer: creds-init writes the credentials of ServiceAccount ci/puller's Secrets into $HOME (1 flag)",
    });
    // creds-init is not run through the entrypoint: no wait, post or run lines.
    expect(x.containers[0]).not.toHaveProperty('runs');
    expect(x.containers[0]).not.toHaveProperty('waitFile');
    expect(x.containers[0]).not.toHaveProperty('postFile');
  });
});

describe('steps, scripts and the working-dir initializer', () => {
  test('the demo: one placed script, the working dir made, the script step says it runs its script', () => {
    const objects = fixture('demo');
    const pod = podOf(objects);
    const x = explained(objects);
    const placer = named(pod, 'place-scripts-');
    const build = x.containers.find((c) => c.name === 'step-build')!;
    const script = build.runs![0]!;
    expect(script).toMatch(/^\/builder\/scripts\/script-2-[a-z0-9]{5}$/);
    expect(origins(x)).toEqual([
      ['credential-init', `credential initializer: creds-init writes the credentials of ServiceAccount default/default's Secrets into $HOME (${NO_FLAGS})`],
      ['working-dir', "working-dir initializer: creates the steps' workingDirs under /workspace (mkdir -p /workspace/src)"],
      ['place-tools', 'place-tools: copies the entrypoint binary into the tools volume; every step runs through it'],
      ['script-placement', `script placement: writes 1 script under /builder/scripts (${script.slice('/builder/scripts/'.length)})`],
      ['step', 'step "greet" of the embedded taskSpec'],
      ['step', 'step "build" of the embedded taskSpec, running its script'],
      ['sidecar', 'sidecar "registry" of the embedded taskSpec; starts with the steps and is stopped after the last one'],
    ]);
    expect(build).toMatchObject({ scriptFile: script, runs: [script], step: { index: 1, name: 'build' } });
    expect(x.containers.find((c) => c.name === 'step-greet')).not.toHaveProperty('scriptFile');
    expect(x.containers.find((c) => c.name === placer)!.image).toBe(DEFAULT_IMAGES.bashNoop);
    expect(x.pod).toEqual({ name: pod.metadata!.name, namespace: 'default' });
  });

  test('fixtures/scripts: place-scripts lists every script file; its env comes from the stepTemplate; only script steps own a script file', () => {
    const x = explained(fixture('scripts'));
    const steps = x.containers.filter((c) => c.origin === 'step');
    const files = steps.filter((c) => c.name !== 'step-no-script').map((c) => c.runs![0]!);
    expect(files.map((f) => f.replace(/-[a-z0-9]{5}$/, ''))).toEqual([1, 2, 3, 4].map((i) => `/builder/scripts/script-${i}`));
    const placer = x.containers.find((c) => c.origin === 'script-placement')!;
    expect(placer.why).toBe(`script placement: writes 4 scripts under /builder/scripts (${files.map((f) => f.slice('/builder/scripts/'.length)).join(', ')})`);
    // place-scripts gets no HOME of its own: GREETING, first, is the stepTemplate's, not implicit.
    expect(placer.env).toEqual([{ name: 'GREETING', origin: 'stepTemplate', fromRef: false }]);
    expect(steps.map((c) => c.scriptFile)).toEqual([...files, undefined]);
    expect(steps.map((c) => c.why.endsWith(', running its script'))).toEqual([true, true, true, true, false]);
    expect(steps.find((c) => c.name === 'step-no-script')!.runs).toEqual(['echo', 'done']);
  });

  test('fixtures/working-dir: with 11 containers the numbers take two digits and the lines are indented by five', () => {
    const objects = fixture('working-dir');
    const pod = podOf(objects);
    const text = formatExplanation(explained(objects));
    expect(text).toContain(
      [
        `  2. ${named(pod, 'step-working-dir-initializer-')}  [working dir]`,
        "     working-dir initializer: creates the steps' workingDirs under /workspace (mkdir -p /workspace/docs '/workspace/my dir' /workspace/src/github.com/example/app)",
        `     image:  ${DEFAULT_IMAGES.bashNoop}`,
        '     mounts: workspace at /workspace, home at /builder/home',
        '     env:    HOME (implicit)',
        '  3. step-place-tools  [place-tools]',
      ].join('\n'),
    );
    expect(text).toContain('\n 11. step-default  [step]\n     step "default" of the embedded taskSpec\n');
    expect(text).toContain('     waits:  /builder/tools/6\n     posts:  /builder/tools/7\n');
  });

  test('fixtures/unnamed-steps: an unnamed step is named by its index in the Task', () => {
    const x = explained(fixture('unnamed-steps'));
    const steps = x.containers.filter((c) => c.origin === 'step');
    expect(steps.map((c) => [c.why, c.step])).toEqual([
      ['step 0 (unnamed) of the Task default/mixed-names', { index: 0, name: '' }],
      ['step "named" of the Task default/mixed-names', { index: 1, name: 'named' }],
      ['step 2 (unnamed) of the Task default/mixed-names', { index: 2, name: '' }],
    ]);
    expect(x.task).toBe('Task default/mixed-names');
    expect(x.taskRun).toBe('TaskRun default/mixed-names-run');
  });

  test('a step named "" is unnamed too, named by its index', () => {
    const x = explained(
      objectsOf(`
apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: blank, namespace: default}
spec:
  taskSpec:
    steps:
    - {name: '', image: alpine, command: ['true']}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: default}
`),
    );
    const step = x.containers.find((c) => c.origin === 'step')!;
    expect(step.why).toBe('step 0 (unnamed) of the embedded taskSpec');
    expect(step.step).toEqual({ index: 0, name: '' });
  });

  test('fixtures/cluster-task: the Task is named as a ClusterTask, without a namespace', () => {
    const x = explained(fixture('cluster-task'));
    expect(x.task).toBe('ClusterTask shared-lint');
    expect(x.containers.find((c) => c.origin === 'step')!.why).toBe('step "lint" of the ClusterTask shared-lint');
    expect(formatExplanation(x).split('\n')[1]).toBe('TaskRun team-b/lint-run, ClusterTask shared-lint');
  });

  test('the command the entrypoint runs keeps a "--" of the step\'s own args; read-only mounts and valueFrom env are marked', () => {
    const x = explained(
      objectsOf(`
apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: log, namespace: default}
spec:
  taskSpec:
    volumes:
    - {name: config, configMap: {name: git-config}}
    steps:
    - name: log
      image: alpine/git
      command: [git, log]
      args: ['--', README.md]
      volumeMounts:
      - {name: config, mountPath: /etc/gitconfig.d, readOnly: true}
      env:
      - name: TOKEN
        valueFrom: {secretKeyRef: {name: git, key: token}}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: default}
`),
    );
    const log = x.containers.find((c) => c.name === 'step-log')!;
    // The entrypoint gets `-entrypoint git -- log -- README.md`: only the first "--" is its separator.
    expect(log.runs).toEqual(['git', 'log', '--', 'README.md']);
    expect(log.mounts[0]).toEqual({ volume: 'config', mountPath: '/etc/gitconfig.d', readOnly: true });
    expect(log.mounts.slice(1).every((m) => !m.readOnly)).toBe(true);
    expect(log.env).toEqual([
      { name: 'HOME', origin: 'implicit', fromRef: false },
      { name: 'TOKEN', origin: 'step', fromRef: true },
    ]);
    const text = formatExplanation(x);
    expect(text).toContain('    runs:   git log -- README.md\n');
    expect(text).toContain('    mounts: config at /etc/gitconfig.d (read-only), tools at /builder/tools, downward at /builder/downward, workspace at /workspace, home at /builder/home\n');
    expect(text).toContain('    env:    HOME (implicit), TOKEN (step, valueFrom)\n');
    expect(x.volumes.find((v) => v.name === 'config')).toEqual({ name: 'config', source: 'configMap', origin: 'task', why: 'a volume the Task declares', mountedBy: ['step-log'] });
  });

  test('a step without a script that runs a file under /builder/scripts from its own volume is not said to run a script', () => {
    const x = explained(
      objectsOf(`
apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: mounted, namespace: default}
spec:
  taskSpec:
    volumes:
    - {name: scripts, configMap: {name: build-scripts, defaultMode: 0755}}
    steps:
    - name: build
      image: alpine
      command: [/builder/scripts/build.sh]
      volumeMounts:
      - {name: scripts, mountPath: /builder/scripts}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: default}
`),
    );
    const build = x.containers.find((c) => c.name === 'step-build')!;
    expect(build.runs).toEqual(['/builder/scripts/build.sh']);
    expect(build.why).toBe('step "build" of the embedded taskSpec');
    expect(build).not.toHaveProperty('scriptFile');
    expect(x.containers.some((c) => c.origin === 'script-placement')).toBe(false);
  });

  test('a step that sets HOME itself: only the first HOME, Tekton\'s, is implicit', () => {
    const x = explained(
      objectsOf(`
apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: home, namespace: default}
spec:
  taskSpec:
    steps:
    - name: own-home
      image: alpine
      command: [env]
      env:
      - {name: HOME, value: /root}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: default}
`),
    );
    expect(x.containers.find((c) => c.name === 'step-own-home')!.env).toEqual([
      { name: 'HOME', origin: 'implicit', fromRef: false },
      { name: 'HOME', origin: 'step', fromRef: false },
    ]);
  });
});

describe('env var origins with a stepTemplate (fixtures/step-template)', () => {
  test('the template\'s vars, a step overriding one, a step\'s own, and valueFrom', () => {
    const x = explained(fixture('step-template'));
    const env = (name: string) => x.containers.find((c) => c.name === name)!.env.map((e) => `${e.name} (${e.origin}${e.fromRef ? ', valueFrom' : ''})`);
    expect(env('step-defaults')).toEqual(['HOME (implicit)', 'LANG (stepTemplate)', 'CI (stepTemplate)', 'FROM_SECRET (stepTemplate, valueFrom)']);
    expect(env('step-overrides')).toEqual(['HOME (implicit)', 'LANG (stepTemplate)', 'CI (step)', 'EXTRA (step)', 'FROM_SECRET (stepTemplate, valueFrom)']);
    // Init containers get the template merged in too (the stepTemplate applies to them as to steps).
    expect(env('step-place-tools')).toEqual(['HOME (implicit)', 'LANG (stepTemplate)', 'CI (stepTemplate)', 'FROM_SECRET (stepTemplate, valueFrom)']);
    expect(x.containers.find((c) => c.origin === 'sidecar')!.env).toEqual([]);
    expect(x.volumes.filter((v) => v.origin === 'task').map((v) => [v.name, v.mountedBy])).toEqual([
      ['cache', [x.containers[0]!.name, 'step-place-tools', 'step-defaults', 'step-overrides']],
      ['other-cache', ['step-other-cache']],
    ]);
  });
});

// The merge keeps one HOME when a stepTemplate sets one after other vars:
// its value is Tekton's /builder/home, so its origin is implicit, wherever
// it ends up; a step's own HOME is the step's.
describe('HOME with a stepTemplate that sets it', () => {
  const text = (stepEnv: string) => `apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: run, namespace: ci}
spec:
  taskSpec:
    stepTemplate:
      env: [{name: LANG, value: C}, {name: HOME, value: /tmp}]
    steps:
    - {name: s, image: busybox, command: [x]${stepEnv}}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: ci}
`;

  test('Tekton\'s value wins the merge: implicit', () => {
    const pod = podOf(objectsOf(text('')));
    const step = containersOf(pod).find((c) => c.name === 'step-s')!;
    const home = (step.env ?? []).filter((e) => e.name === 'HOME');
    expect(home.map((e) => e.value)).toEqual(['/builder/home']);
    const x = explained(objectsOf(text('')));
    expect(x.containers.find((c) => c.name === 'step-s')!.env.filter((e) => e.name === 'HOME')).toEqual([{ name: 'HOME', origin: 'implicit', fromRef: false }]);
  });

  test('a step that sets HOME itself: the step\'s', () => {
    const x = explained(objectsOf(text(', env: [{name: HOME, value: /work}]')));
    const pod = podOf(objectsOf(text(', env: [{name: HOME, value: /work}]')));
    const values = (containersOf(pod).find((c) => c.name === 'step-s')!.env ?? []).filter((e) => e.name === 'HOME').map((e) => e.value);
    const origins = x.containers.find((c) => c.name === 'step-s')!.env.filter((e) => e.name === 'HOME').map((e) => e.origin);
    expect(values.map((v, i) => [v, origins[i]])).toEqual(values.map((v) => [v, v === '/work' ? 'step' : 'implicit']));
  });
});

// Generated containers are recognised by their names (a base, a middle,
// five random characters). A Task step can be named the same way
// ("upload-files"): with the Task at hand, the container named as the next
// step is that step.
describe('a step whose name looks generated', () => {
  test('build, upload-files, notify are three steps of the Task', () => {
    const x = explained(
      objectsOf(`apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: run, namespace: ci}
spec:
  taskSpec:
    steps:
    - {name: build, image: busybox, command: [x]}
    - {name: upload-files, image: busybox, command: [x]}
    - {name: notify, image: busybox, command: [x]}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: ci}
`),
    );
    expect(x.containers.filter((c) => c.list === 'container').map((c) => [c.name, c.origin, c.step])).toEqual([
      ['step-build', 'step', { index: 0, name: 'build' }],
      ['step-upload-files', 'step', { index: 1, name: 'upload-files' }],
      ['step-notify', 'step', { index: 2, name: 'notify' }],
    ]);
  });
});

describe('sidecars (fixtures/sidecars)', () => {
  test('as containers (nop swap): listed last, in their own section, after the steps', () => {
    const x = explained(fixture('sidecars'));
    expect(x.containers.map((c) => [c.name, c.list, c.origin])).toEqual([
      [x.containers[0]!.name, 'init', 'credential-init'],
      ['step-place-tools', 'init', 'place-tools'],
      ['step-push', 'container', 'step'],
      ['registry', 'container', 'sidecar'],
      ['dind', 'container', 'sidecar'],
    ]);
    expect(x.containers[3]!.why).toBe('sidecar "registry" of the Task default/with-services; starts with the steps and is stopped after the last one');
    const text = formatExplanation(x);
    expect(text).toContain(
      [
        '',
        'Sidecars (start with the steps; stopped after the last step):',
        ' 4. registry  [sidecar]',
        '    sidecar "registry" of the Task default/with-services; starts with the steps and is stopped after the last one',
        '    image:  registry:2',
        '    mounts: registry-data at /var/lib/registry',
        ' 5. dind  [sidecar]',
        '    sidecar "dind" of the Task default/with-services; starts with the steps and is stopped after the last one',
        '    image:  docker:18-dind',
        '',
        'Volumes:',
      ].join('\n'),
    );
  });

  test('as native sidecars: init containers that keep running, said so, still shown in the sidecars section', () => {
    const x = explained(fixture('sidecars'), { sidecars: 'native' });
    const registry = x.containers.find((c) => c.name === 'registry')!;
    expect(registry).toMatchObject({ list: 'init', origin: 'sidecar' });
    expect(registry.why).toBe(
      'sidecar "registry" of the Task default/with-services (a native sidecar: an init container that keeps running); starts with the steps and is stopped after the last one',
    );
    // The other init containers are not sidecars.
    expect(x.containers.filter((c) => c.list === 'init' && c.origin !== 'sidecar').map((c) => c.origin)).toEqual(['credential-init', 'place-tools']);
    const text = formatExplanation(x);
    const sidecars = text.slice(text.indexOf('Sidecars ('), text.indexOf('Volumes:'));
    expect(sidecars).toContain(`. registry  [sidecar]`);
    expect(sidecars).toContain(`. dind  [sidecar]`);
    expect(text.slice(0, text.indexOf('Steps ('))).not.toContain('registry');
  });

  test('a sidecar\'s env vars are the sidecar\'s (no stepTemplate, no HOME)', () => {
    const x = explained(
      objectsOf(`
apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: db, namespace: default}
spec:
  taskSpec:
    stepTemplate:
      env: [{name: HOME, value: /tmp}, {name: LANG, value: C}]
    steps:
    - {name: test, image: alpine, command: ['true']}
    sidecars:
    - name: postgres
      image: postgres:12
      env:
      - {name: HOME, value: /var/lib/postgresql}
      - {name: LANG, value: C}
      - name: POSTGRES_PASSWORD
        valueFrom: {secretKeyRef: {name: db, key: password}}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: default}
`),
    );
    expect(x.containers.find((c) => c.name === 'postgres')!.env).toEqual([
      { name: 'HOME', origin: 'sidecar', fromRef: false },
      { name: 'LANG', origin: 'sidecar', fromRef: false },
      { name: 'POSTGRES_PASSWORD', origin: 'sidecar', fromRef: true },
    ]);
  });
});

describe('PipelineResources: what each generated step does, and for which resource', () => {
  test('fixtures/resources-pullrequest: the pull request is synced before the step and updated after it', () => {
    const x = explained(fixture('resources-pullrequest'));
    expect(x.containers.filter((c) => c.list === 'container').map((c) => [c.origin, c.why, c.resource])).toEqual([
      ['create-dir', 'creates the directory of "pr"', 'pr'],
      ['resource-download', 'syncs pull request resource "pr-100"', 'pr-100'],
      ['step', 'step "add-label" of the embedded taskSpec', undefined],
      ['resource-upload', 'updates pull request resource "pr-100"', 'pr-100'],
    ]);
    // The token comes from the resource's Secret; HOME is Tekton's.
    expect(x.containers.find((c) => c.origin === 'resource-upload')!.env).toEqual([
      { name: 'HOME', origin: 'implicit', fromRef: false },
      { name: 'GITHUBTOKEN', origin: 'generated', fromRef: true },
    ]);
    // Generated steps are not Task steps: the user step is still the Task's step 0.
    expect(x.containers.find((c) => c.origin === 'step')!.step).toEqual({ index: 0, name: 'add-label' });
    expect(x.containers.find((c) => c.origin === 'resource-download')).not.toHaveProperty('step');
  });

  test('fixtures/resources-targetpath: git clone, storage fetch and upload, each named by its binding', () => {
    const x = explained(fixture('resources-targetpath'));
    expect(x.containers.filter((c) => c.list === 'container').map((c) => [c.origin, c.why])).toEqual([
      ['create-dir', 'creates the directory of "docs"'],
      ['create-dir', 'creates the directory of "repo"'],
      ['resource-download', 'clones git resource "repo"'],
      ['create-dir', 'creates the directory of "docs"'],
      ['resource-download', 'fetches storage resource "docs"'],
      ['step', 'step "show" of the embedded taskSpec'],
      ['resource-upload', 'uploads storage resource "docs"'],
    ]);
    expect(x.containers.find((c) => c.origin === 'resource-download')!.env).toEqual([
      { name: 'HOME', origin: 'implicit', fromRef: false },
      { name: 'TEKTON_RESOURCE_NAME', origin: 'generated', fromRef: false },
    ]);
  });

  test('fixtures/resources-cluster-kubeconfig: the kubeconfig step names no resource (its name does not carry one)', () => {
    const x = explained(fixture('resources-cluster-kubeconfig'));
    const writer = x.containers.find((c) => c.name.startsWith('step-kubeconfig-'))!;
    expect(writer.origin).toBe('resource-download');
    expect(writer.why).toBe('writes the kubeconfig of cluster resource');
    expect(writer).not.toHaveProperty('resource');
  });

  test('fixtures/resources-image-outputs: the default image-output directory, per-output dirs, the digest exporter', () => {
    const objects = fixture('resources-image-outputs');
    const pod = podOf(objects);
    const x = explained(objects);
    expect(x.containers.map((c) => [c.name, c.list, c.origin, c.why])).toEqual([
      [named(pod, 'step-credential-initializer-'), 'init', 'credential-init', expect.stringContaining('ServiceAccount default/default')],
      [named(pod, 'create-dir-default-image-output-'), 'init', 'create-dir', 'create-dir: the default directory of an image output (/builder/home/image-outputs)'],
      ['step-place-tools', 'init', 'place-tools', expect.stringMatching(/^place-tools: /)],
      [named(pod, 'step-create-dir-base-'), 'container', 'create-dir', 'creates the directory of "base"'],
      [named(pod, 'step-create-dir-app-'), 'container', 'create-dir', 'creates the directory of "app"'],
      ['step-build', 'container', 'step', 'step "build" of the embedded taskSpec'],
      [named(pod, 'step-image-digest-exporter-'), 'container', 'resource-upload', 'exports the digests of the image outputs'],
    ]);
    expect(x.containers[1]).not.toHaveProperty('resource');
  });

  test('fixtures/resources-gcs-pipelinerun-pvc: copies through the PipelineRun\'s claim; its volumes say what added them', () => {
    const objects = fixture('resources-gcs-pipelinerun-pvc');
    const pod = podOf(objects);
    const x = explained(objects);
    expect(x.task).toBe('Task ci/package');
    expect(x.containers.filter((c) => c.list === 'container').map((c) => [c.origin, c.why])).toEqual([
      ['create-dir', 'creates the directory of "source"'],
      ['create-dir', 'creates the directory of "bundle"'],
      ['create-dir', 'creates the directory of "bundle"'],
      ['artifact-copy', 'copies to the artifact PVC "bundle"'],
      ['step', 'step "package" of the Task ci/package'],
      ['artifact-copy', 'creates the artifact PVC directory of "bundle"'],
      ['artifact-copy', 'copies to the artifact PVC "bundle"'],
      ['resource-upload', 'uploads storage resource "bundle"'],
      ['artifact-copy', 'creates the artifact PVC directory of "source"'],
      ['artifact-copy', 'copies to the artifact PVC "source"'],
    ]);
    const claim = 'release-pvc';
    const secret = volumeNamed(pod, 'volume-bundle-');
    expect(x.volumes.filter((v) => v.origin !== 'tekton').map((v) => [v.name, v.source, v.origin, v.why])).toEqual([
      [claim, 'persistentVolumeClaim', 'artifacts', `the PipelineRun's artifact PVC "${claim}"`],
      [secret, 'secret', 'resource', 'added by a PipelineResource (its Secret or storage)'],
    ]);
    // The claim is mounted by the copy steps only.
    expect(x.volumes[0]!.mountedBy).toEqual(x.containers.filter((c) => c.mounts.some((m) => m.volume === claim)).map((c) => c.name));
    expect(x.volumes[0]!.mountedBy.every((n) => /^step-(source-copy|source-mkdir)-/.test(n))).toBe(true);
    // 12 containers: two-digit numbers, five-space indent.
    const text = formatExplanation(x);
    expect(text).toContain(`\n  1. ${x.containers[0]!.name}  [credential init]\n     credential initializer: `);
    expect(text).toContain(`\n 12. ${x.containers[11]!.name}  [artifact copy]\n     copies to the artifact PVC "source"\n     image:  ${DEFAULT_IMAGES.bashNoop}\n`);
  });

  test('fixtures/resources-bucket-artifacts: copies from and to the artifact bucket', () => {
    const x = explained(fixture('resources-bucket-artifacts'));
    expect(x.containers.filter((c) => c.origin === 'artifact-copy').map((c) => c.why)).toEqual([
      'creates the destination directory of "bundle"',
      'copies from the artifact bucket "bundle"',
      'copies to the artifact bucket "bundle"',
      'copies to the artifact bucket "source"',
    ]);
    expect(x.volumes[0]).toMatchObject({ source: 'secret', origin: 'resource' });
  });

  test('a git resource with a 41-character name (the longest whose step name keeps its suffix within 63) is named in full', () => {
    // "step-" + "git-source-" + 41 characters + "-" + 5 = 63 characters.
    const name = `repo-${'a'.repeat(36)}`;
    const x = explained(
      objectsOf(`
apiVersion: tekton.dev/v1alpha1
kind: PipelineResource
metadata: {name: ${name}, namespace: default}
spec:
  type: git
  params: [{name: url, value: 'https://github.com/example/app'}]
---
apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: clone, namespace: default}
spec:
  inputs:
    resources: [{name: repo, resourceRef: {name: ${name}}}]
  taskSpec:
    inputs:
      resources: [{name: repo, type: git}]
    steps:
    - {name: ls, image: alpine, command: [ls]}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: default}
`),
    );
    expect(x.containers.filter((c) => c.list === 'container').map((c) => [c.name.length, c.origin, c.why, c.resource])).toEqual([
      [63, 'resource-download', `clones git resource "${name}"`, name],
      ['step-ls'.length, 'step', 'step "ls" of the embedded taskSpec', undefined],
    ]);
  });
});

describe('volumes of the Task and of the podTemplate (fixtures/pod-template)', () => {
  test('each volume says where it came from and who mounts it', () => {
    const x = explained(fixture('pod-template'));
    expect(x.volumes.map((v) => [v.name, v.source, v.origin, v.why])).toEqual([
      ['m2-cache', 'emptyDir', 'task', 'a volume the Task declares'],
      ['tools', 'emptyDir', 'tekton', TOOLS_WHY],
      ['downward', 'downwardAPI', 'tekton', DOWNWARD_WHY],
      ['maven-settings', 'configMap', 'podTemplate', "a volume of the TaskRun's podTemplate"],
      ['workspace', 'emptyDir', 'tekton', WORKSPACE_WHY],
      ['home', 'emptyDir', 'tekton', HOME_WHY],
    ]);
    expect(x.volumes.find((v) => v.name === 'maven-settings')!.mountedBy).toEqual(['step-package']);
    expect(x.containers.find((c) => c.name === 'step-package')!.mounts.slice(0, 2)).toEqual([
      { volume: 'maven-settings', mountPath: '/settings', readOnly: false },
      { volume: 'm2-cache', mountPath: '/root/.m2', readOnly: false },
    ]);
    const text = formatExplanation(x);
    expect(text).toContain('\n  maven-settings  configMap, podTemplate: a volume of the TaskRun\'s podTemplate\n                  mounted by: step-package\n');
    expect(text).toContain('\n  tools           emptyDir, tekton: ');
  });
});
