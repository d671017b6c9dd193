/**
 * Knative-style builders for expected objects: a small default plus named
 * options, so each test shows only what differs from the default.
 *
 * Defaults follow Tekton's MakePod at 6c132b937e (pod.go): every step gets
 * `HOME=/builder/home` first in its env, the workspace and home mounts, the
 * working dir /workspace and (unless it holds the largest request) zeroed
 * cpu, memory and ephemeral-storage requests.
 */
import type { Container, EnvVar, ResourceList, Secret, ServiceAccount, Volume, VolumeMount } from '../../src/model/core';
import type { Step } from '../../src/model/tekton';

/** One change to a value. */
export type Op<T> = (t: T) => T;

/** `base` with every option applied, in order. */
export function make<T>(base: T, ...ops: readonly Op<T>[]): T {
  return ops.reduce((acc, op) => op(acc), base);
}

type C = Container & Partial<Pick<Step, 'script'>>;

// ---------------------------------------------------------------------------
// Fixed parts of a Tekton Pod
// ---------------------------------------------------------------------------

export const HOME: EnvVar = { name: 'HOME', value: '/builder/home' };
export const workspaceMount: VolumeMount = { name: 'workspace', mountPath: '/workspace' };
export const homeMount: VolumeMount = { name: 'home', mountPath: '/builder/home' };
export const toolsMount: VolumeMount = { name: 'tools', mountPath: '/builder/tools' };
export const downwardMount: VolumeMount = { name: 'downward', mountPath: '/builder/downward' };
export const scriptsMount: VolumeMount = { name: 'place-scripts', mountPath: '/builder/scripts' };
export const implicitMounts: readonly VolumeMount[] = [workspaceMount, homeMount];

export const workspaceVolume: Volume = { name: 'workspace', emptyDir: {} };
export const homeVolume: Volume = { name: 'home', emptyDir: {} };
export const toolsVolume: Volume = { name: 'tools', emptyDir: {} };
export const downwardVolume: Volume = {
  name: 'downward',
  downwardAPI: { items: [{ path: 'ready', fieldRef: { fieldPath: "metadata.annotations['tekton.dev/ready']" } }] },
};
export const scriptsVolume: Volume = { name: 'place-scripts', emptyDir: {} };
export const implicitVolumes: readonly Volume[] = [workspaceVolume, homeVolume];

/** Requests of a step that holds no maximum: every zeroed resource at "0". */
export const ZERO_REQUESTS: ResourceList = { cpu: '0', memory: '0', 'ephemeral-storage': '0' };

/** The images of Tekton's own unit tests (apply_test.go, taskrun_test.go). */
export const TEST_IMAGES = {
  entrypoint: 'override-with-entrypoint:latest',
  nop: 'override-with-nop:latest',
  git: 'override-with-git:latest',
  creds: 'override-with-creds:latest',
  kubeconfigWriter: 'override-with-kubeconfig-writer:latest',
  bashNoop: 'override-with-bash-noop:latest',
  gsutil: 'override-with-gsutil-image:latest',
  buildGcsFetcher: 'gcr.io/cloud-builders/gcs-fetcher:latest',
  pr: 'override-with-pr:latest',
  imageDigestExporter: 'override-with-imagedigest-exporter-image:latest',
} as const;

// ---------------------------------------------------------------------------
// Container options
// ---------------------------------------------------------------------------

export const withName =
  <T extends C>(name: string): Op<T> =>
  (c) => ({ ...c, name });
export const withImage =
  <T extends C>(image: string): Op<T> =>
  (c) => ({ ...c, image });
export const withCommand =
  <T extends C>(...command: string[]): Op<T> =>
  (c) => ({ ...c, command });
export const withArgs =
  <T extends C>(...args: string[]): Op<T> =>
  (c) => ({ ...c, args });
export const withWorkingDir =
  <T extends C>(workingDir: string): Op<T> =>
  (c) => ({ ...c, workingDir });
export const withScript =
  <T extends C>(script: string): Op<T> =>
  (c) => ({ ...c, script });
export const withTty =
  <T extends C>(): Op<T> =>
  (c) => ({ ...c, tty: true });
/** Appends one env var. */
export const withEnv =
  <T extends C>(name: string, value: string): Op<T> =>
  (c) => ({ ...c, env: [...(c.env ?? []), { name, value }] });
/** Replaces the whole env list. */
export const withEnvList =
  <T extends C>(...env: EnvVar[]): Op<T> =>
  (c) => ({ ...c, env });
/** Appends mounts. */
export const withMounts =
  <T extends C>(...mounts: VolumeMount[]): Op<T> =>
  (c) => ({ ...c, volumeMounts: [...(c.volumeMounts ?? []), ...mounts] });
/** Puts mounts before the ones already there. */
export const withMountsFirst =
  <T extends C>(...mounts: VolumeMount[]): Op<T> =>
  (c) => ({ ...c, volumeMounts: [...mounts, ...(c.volumeMounts ?? [])] });
/** Replaces the requests. */
export const withRequests =
  <T extends C>(requests: ResourceList): Op<T> =>
  (c) => ({ ...c, resources: { ...(c.resources ?? {}), requests } });
/** Replaces the limits. */
export const withLimits =
  <T extends C>(limits: ResourceList): Op<T> =>
  (c) => ({ ...c, resources: { ...(c.resources ?? {}), limits } });
/** Drops a field. */
export const without =
  <T extends C>(field: keyof T): Op<T> =>
  (c) => {
    const { [field]: _dropped, ...rest } = c;
    return rest as T;
  };

// ---------------------------------------------------------------------------
// Steps (as written in a Task) and containers (as found in the Pod)
// ---------------------------------------------------------------------------

/** A Task step: a name and an image, nothing else. */
export function step(name: string, image: string, ...ops: Op<Step>[]): Step {
  return make<Step>({ name, image }, ...ops);
}

/**
 * A step container as MakePod leaves it (no entrypoint rewriting): HOME,
 * the implicit mounts, working dir /workspace, zeroed requests.
 */
export function podStep(name: string, image: string, ...ops: Op<Container>[]): Container {
  return make<Container>(
    { name, image, workingDir: '/workspace', env: [HOME], resources: { requests: ZERO_REQUESTS }, volumeMounts: [...implicitMounts] },
    ...ops,
  );
}

/** The wait/post/entrypoint arguments Tekton's GetArgs gives step `n` (0-based). */
export function entrypointArgs(n: number, command: readonly string[], ...args: string[]): string[] {
  const wait = n === 0 ? '/builder/downward/ready' : `/builder/tools/${n - 1}`;
  const [first, ...rest] = command;
  return [
    '-wait_file',
    wait,
    '-post_file',
    `/builder/tools/${n}`,
    ...(n === 0 ? ['-wait_file_content'] : []),
    '-entrypoint',
    ...(first === undefined ? [] : [first]),
    '--',
    ...rest,
    ...args,
  ];
}

/**
 * A step container after entrypoint rewriting and MakePod: it runs the
 * entrypoint binary, mounts tools (and downward for the first step) before
 * the implicit mounts.
 */
export function redirectedStep(name: string, image: string, n: number, command: readonly string[], args: readonly string[], ...ops: Op<Container>[]): Container {
  return podStep(
    name,
    image,
    withCommand('/builder/tools/entrypoint'),
    withArgs(...entrypointArgs(n, command, ...args)),
    withMountsFirst(toolsMount, ...(n === 0 ? [downwardMount] : [])),
    ...ops,
  );
}

/** The credential initializer, with no secrets. */
export function credsInit(name: string, image: string = TEST_IMAGES.creds, ...ops: Op<Container>[]): Container {
  return make<Container>(
    { name, image, command: ['/ko-app/creds-init'], workingDir: '/workspace', env: [HOME], volumeMounts: [...implicitMounts] },
    ...ops,
  );
}

/** The working-dir initializer creating `dirs`. */
export function workingDirInit(name: string, script: string, image: string = TEST_IMAGES.bashNoop, ...ops: Op<Container>[]): Container {
  return make<Container>(
    { name, image, command: ['/ko-app/bash'], args: ['-args', script], workingDir: '/workspace', env: [HOME], volumeMounts: [...implicitMounts] },
    ...ops,
  );
}

/** The place-tools init container as it ends up in the Pod (it was a step). */
export function placeTools(image: string = TEST_IMAGES.entrypoint, ...ops: Op<Container>[]): Container {
  return make<Container>(
    {
      name: 'step-place-tools',
      image,
      command: ['cp', '/ko-app/entrypoint', '/builder/tools/entrypoint'],
      workingDir: '/workspace',
      env: [HOME],
      volumeMounts: [toolsMount, ...implicitMounts],
    },
    ...ops,
  );
}

/** The place-scripts init container writing `text`. */
export function placeScripts(name: string, text: string, image: string = TEST_IMAGES.bashNoop, ...ops: Op<Container>[]): Container {
  return make<Container>(
    { name, image, command: ['/ko-app/bash'], args: ['-args', text], volumeMounts: [scriptsMount], tty: true },
    ...ops,
  );
}

/** Tekton's text for one script file. */
export function scriptText(file: string, delimiter: string, script: string): string {
  return `tmpfile="${file}"\ntouch \${tmpfile} && chmod +x \${tmpfile}\ncat > \${tmpfile} << '${delimiter}'\n${script}\n${delimiter}\n`;
}

// ---------------------------------------------------------------------------
// Cluster objects
// ---------------------------------------------------------------------------

/** A Secret of `type` with these annotations. */
export function secret(name: string, type: string, annotations: Readonly<Record<string, string>> = {}, namespace = 'default'): Secret {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace, annotations }, type };
}

/** A ServiceAccount listing these secrets. */
export function serviceAccount(name: string, secrets: readonly string[] = [], namespace = 'default'): ServiceAccount {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, namespace },
    ...(secrets.length > 0 ? { secrets: secrets.map((s) => ({ name: s })) } : {}),
  };
}

// ---------------------------------------------------------------------------
// Generated names
// ---------------------------------------------------------------------------

const SUFFIX = '[bcdfghjklmnpqrstvwxz2456789]{5}';
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular expression for `base-xxxxx` (Tekton's RestrictLengthWithRandomSuffix shape). */
export function suffixed(base: string): RegExp {
  return new RegExp(`^${escape(base)}-${SUFFIX}$`);
}

/**
 * Asserts `actual` is `base-xxxxx` and returns it, so an expected object can
 * use the one generated name everywhere the output uses it.
 */
export function generated(actual: string | undefined, base: string): string {
  expect(actual).toMatch(suffixed(base));
  return actual!;
}
