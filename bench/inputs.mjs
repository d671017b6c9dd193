// The benchmark's inputs, generated rather than committed: the large ones
// (a 1,000-step Task, 100 resources) would be megabytes of YAML that say
// nothing a loop does not.
//
//   node bench/inputs.mjs NAME            print one input as YAML (e.g. to feed the CLI)
//   node bench/inputs.mjs --list          list the names
//
// Every input is a complete multi-document stream: the TaskRun, its Task,
// its PipelineResources and its ServiceAccount, as the CLI reads them. The
// steps all declare a command (or a script), so no registry lookup
// (`imageEntrypoints`) is needed.

import { stringify } from 'yaml';

const SA = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } };

function stream(objects) {
  return objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');
}

const gitResource = (name, i) => ({
  apiVersion: 'tekton.dev/v1alpha1',
  kind: 'PipelineResource',
  metadata: { name, namespace: 'default' },
  spec: {
    type: 'git',
    params: [
      { name: 'url', value: `https://github.com/example/repo-${i}` },
      { name: 'revision', value: `v0.${i}.0` },
    ],
  },
});

const imageResource = (name, i) => ({
  apiVersion: 'tekton.dev/v1alpha1',
  kind: 'PipelineResource',
  metadata: { name, namespace: 'default' },
  spec: { type: 'image', params: [{ name: 'url', value: `registry.example.com/team/app-${i}` }] },
});

/** (a) one step, embedded taskSpec. */
export function oneStep() {
  return stream([
    {
      apiVersion: 'tekton.dev/v1alpha1',
      kind: 'TaskRun',
      metadata: { name: 'one-step', namespace: 'default' },
      spec: { taskSpec: { steps: [{ name: 'hello', image: 'ubuntu', command: ['echo'], args: ['hello'] }] } },
    },
    SA,
  ]);
}

/** (b) a typical five-step TaskRun: a git input, an image output, a script step, params. */
export function typical() {
  const task = {
    apiVersion: 'tekton.dev/v1alpha1',
    kind: 'Task',
    metadata: { name: 'build-and-push', namespace: 'default' },
    spec: {
      inputs: {
        resources: [{ name: 'source', type: 'git' }],
        params: [
          { name: 'pathToDockerFile', type: 'string', default: '/workspace/source/Dockerfile' },
          { name: 'goVersion', type: 'string', default: '1.13' },
        ],
      },
      outputs: { resources: [{ name: 'image', type: 'image' }] },
      steps: [
        { name: 'lint', image: 'golangci/golangci-lint:v1.21', workingDir: '/workspace/source', command: ['golangci-lint'], args: ['run', './...'] },
        {
          name: 'unit-test',
          image: 'golang:$(inputs.params.goVersion)',
          workingDir: '/workspace/source',
          env: [{ name: 'GOFLAGS', value: '-mod=vendor' }],
          resources: { requests: { memory: '1Gi', cpu: '500m' } },
          script: '#!/bin/sh\nset -e\ngo test ./...\ngo vet ./...\n',
        },
        { name: 'build', image: 'golang:$(inputs.params.goVersion)', workingDir: '/workspace/source', command: ['go'], args: ['build', '-o', '/workspace/bin/app', './cmd/app'] },
        {
          name: 'build-and-push',
          image: 'gcr.io/kaniko-project/executor:v0.13.0',
          env: [{ name: 'DOCKER_CONFIG', value: '/builder/home/.docker/' }],
          command: ['/kaniko/executor'],
          args: [
            '--dockerfile=$(inputs.params.pathToDockerFile)',
            '--destination=$(outputs.resources.image.url)',
            '--context=$(inputs.resources.source.path)',
            '--oci-layout-path=/builder/home/image-outputs/image',
          ],
        },
        { name: 'notify', image: 'curlimages/curl:7.67.0', command: ['curl'], args: ['-fsS', '-X', 'POST', 'https://hooks.example.com/built'] },
      ],
    },
  };
  const run = {
    apiVersion: 'tekton.dev/v1alpha1',
    kind: 'TaskRun',
    metadata: { name: 'build-and-push-run', namespace: 'default', labels: { app: 'demo' } },
    spec: {
      taskRef: { name: 'build-and-push' },
      inputs: {
        resources: [{ name: 'source', resourceRef: { name: 'app-source' } }],
        params: [{ name: 'goVersion', value: '1.13.4' }],
      },
      outputs: { resources: [{ name: 'image', resourceRef: { name: 'app-image' } }] },
    },
  };
  return stream([gitResource('app-source', 1), imageResource('app-image', 1), task, run, SA]);
}

/** One step of a generated Task: a mix of command steps, script steps, env, mounts, requests. */
function step(i) {
  const s = { name: `step-${i}`, image: `registry.example.com/tools/tool-${i % 7}:v1` };
  switch (i % 5) {
    case 0:
      s.script = `#!/bin/sh\nset -e\necho "step ${i}: $(inputs.params.message)"\nls -la /workspace\n`;
      break;
    case 1:
      s.command = ['make'];
      s.args = [`target-${i}`, '--jobs=$(inputs.params.jobs)'];
      s.workingDir = `/workspace/src/module-${i % 13}`;
      break;
    case 2:
      s.command = ['/bin/run'];
      s.args = ['$(inputs.params.flags)', `--index=${i}`];
      s.env = [
        { name: 'STEP_INDEX', value: String(i) },
        { name: 'LOG_LEVEL', value: '$(inputs.params.logLevel)' },
      ];
      break;
    case 3:
      s.command = ['sh', '-c'];
      s.args = [`cp -r /cache/${i} /workspace/out-${i}`];
      s.volumeMounts = [{ name: 'cache', mountPath: '/cache' }];
      s.resources = { requests: { memory: `${64 + (i % 9) * 32}Mi`, cpu: `${100 + (i % 4) * 100}m` } };
      break;
    default:
      s.command = ['echo'];
      s.args = [`done ${i}`];
      break;
  }
  return s;
}

const PARAMS = [
  { name: 'message', type: 'string', default: 'hello' },
  { name: 'jobs', type: 'string', default: '4' },
  { name: 'flags', type: 'array', default: ['--verbose', '--color=never'] },
  { name: 'logLevel', type: 'string', default: 'info' },
  { name: 'unused', type: 'string', default: 'x' },
];

/**
 * A Task of `steps` steps with a stepTemplate, params (one an array) and
 * `sidecars` sidecars, run by a TaskRun that overrides two params.
 */
export function manySteps(steps, sidecars = 2, name = `steps-${steps}`) {
  const task = {
    apiVersion: 'tekton.dev/v1alpha1',
    kind: 'Task',
    metadata: { name, namespace: 'default' },
    spec: {
      inputs: { params: PARAMS },
      stepTemplate: {
        env: [
          { name: 'LANG', value: 'C.UTF-8' },
          { name: 'LOG_LEVEL', value: 'debug' },
        ],
        volumeMounts: [{ name: 'shared', mountPath: '/shared' }],
      },
      steps: Array.from({ length: steps }, (_, i) => step(i)),
      volumes: [
        { name: 'cache', emptyDir: {} },
        { name: 'shared', emptyDir: {} },
      ],
      sidecars: Array.from({ length: sidecars }, (_, i) => ({
        name: `sidecar-${i}`,
        image: i === 0 ? 'docker:18.05-dind' : `registry:2`,
        ...(i === 0 ? { securityContext: { privileged: true } } : {}),
      })),
    },
  };
  const run = {
    apiVersion: 'tekton.dev/v1alpha1',
    kind: 'TaskRun',
    metadata: { name: `${name}-run`, namespace: 'default' },
    spec: {
      taskRef: { name },
      inputs: {
        params: [
          { name: 'message', value: 'from the run' },
          { name: 'flags', value: ['--a', '--b', '--c'] },
        ],
      },
    },
  };
  return stream([task, run, SA]);
}

/** (c) twenty steps, sidecars, stepTemplate, params. */
export function twentySteps() {
  return manySteps(20, 2, 'twenty-steps');
}

/**
 * A Task of `steps` steps using `resources` PipelineResources, run by a
 * PipelineRun's TaskRun with PVC artifact storage (the default): inputs are
 * git resources (every other one fetched `from` an earlier task, i.e. with
 * `paths` on the PVC), outputs alternate image and git (git outputs are
 * copied to the PVC).
 */
export function withResources(steps, resources, name = `res-${resources}-steps-${steps}`) {
  const nIn = Math.ceil(resources * 0.6);
  const nOut = resources - nIn;
  const inputs = Array.from({ length: nIn }, (_, i) => ({ name: `src-${i}`, type: 'git' }));
  const outputs = Array.from({ length: nOut }, (_, i) => ({ name: `out-${i}`, type: i % 2 === 0 ? 'image' : 'git' }));
  const objects = [];
  inputs.forEach((r, i) => objects.push(gitResource(`${name}-src-${i}`, i)));
  outputs.forEach((r, i) => objects.push(r.type === 'image' ? imageResource(`${name}-out-${i}`, i) : gitResource(`${name}-out-${i}`, 1000 + i)));
  const stepList = Array.from({ length: steps }, (_, i) => {
    const s = step(i);
    // Refer to a resource from some steps, so resource substitution has work to do.
    if (s.args && nIn > 0) s.args = [...s.args, `--src=$(inputs.resources.src-${i % nIn}.path)`];
    if (s.args && nOut > 0 && i % 3 === 0) s.args = [...s.args, `--out=$(outputs.resources.out-${i % nOut}.path)`];
    return s;
  });
  objects.push({
    apiVersion: 'tekton.dev/v1alpha1',
    kind: 'Task',
    metadata: { name, namespace: 'default' },
    spec: {
      inputs: { resources: inputs, params: PARAMS },
      outputs: { resources: outputs },
      stepTemplate: { env: [{ name: 'LANG', value: 'C.UTF-8' }] },
      steps: stepList,
      volumes: [
        { name: 'cache', emptyDir: {} },
        { name: 'shared', emptyDir: {} },
      ],
    },
  });
  const pipelineRun = 'release-run';
  objects.push({
    apiVersion: 'tekton.dev/v1alpha1',
    kind: 'PipelineRun',
    metadata: { name: pipelineRun, namespace: 'default', uid: '0f6e2c1a-3b4d-4e5f-8a9b-1c2d3e4f5a6b' },
    spec: { pipelineRef: { name: 'release' }, serviceAccountName: 'default' },
  });
  objects.push({
    apiVersion: 'tekton.dev/v1alpha1',
    kind: 'TaskRun',
    metadata: {
      name: `${pipelineRun}-${name}-x7kq2`,
      namespace: 'default',
      labels: {
        'tekton.dev/pipeline': 'release',
        'tekton.dev/pipelineRun': pipelineRun,
        'tekton.dev/pipelineTask': name,
      },
      ownerReferences: [
        {
          apiVersion: 'tekton.dev/v1alpha1',
          kind: 'PipelineRun',
          name: pipelineRun,
          uid: '0f6e2c1a-3b4d-4e5f-8a9b-1c2d3e4f5a6b',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      taskRef: { name, kind: 'Task' },
      serviceAccountName: 'default',
      timeout: '1h0m0s',
      inputs: {
        params: [{ name: 'message', value: 'release' }],
        resources: inputs.map((r, i) => ({
          name: r.name,
          resourceRef: { name: `${name}-src-${i}` },
          ...(i % 2 === 1 ? { paths: [`/pvc/build-${i}/${r.name}`] } : {}),
        })),
      },
      outputs: {
        resources: outputs.map((r, i) => ({
          name: r.name,
          resourceRef: { name: `${name}-out-${i}` },
          ...(r.type === 'git' ? { paths: [`/pvc/${name}/${r.name}`] } : {}),
        })),
      },
      podTemplate: {},
    },
  });
  objects.push(SA);
  return stream(objects);
}

/** (d) sixty steps, ten resources, in a PipelineRun with PVC storage. */
export function sixtyStepsTenResources() {
  return withResources(60, 10, 'release-build');
}

/** The four bundled inputs of the throughput benchmark. */
export const BUNDLED = [
  { key: 'a', name: 'one step', text: oneStep },
  { key: 'b', name: 'typical: 5 steps, git in, image out, script', text: typical },
  { key: 'c', name: '20 steps, sidecars, stepTemplate, params', text: twentySteps },
  { key: 'd', name: '60 steps, 10 resources, PipelineRun with PVC', text: sixtyStepsTenResources },
];

/** Every input by name, for the command line. */
export const ALL = {
  'one-step': oneStep,
  typical,
  'twenty-steps': twentySteps,
  'sixty-steps-ten-resources': sixtyStepsTenResources,
  'steps-10': () => manySteps(10),
  'steps-100': () => manySteps(100),
  'steps-1000': () => manySteps(1000),
  'resources-1': () => withResources(10, 1),
  'resources-10': () => withResources(10, 10),
  'resources-100': () => withResources(10, 100),
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const name = process.argv[2];
  if (name === undefined || name === '--list') {
    process.stdout.write(`${Object.keys(ALL).join('\n')}\n`);
  } else if (!(name in ALL)) {
    process.stderr.write(`inputs.mjs: unknown input "${name}" (try --list)\n`);
    process.exitCode = 2;
  } else {
    process.stdout.write(ALL[name]());
  }
}
