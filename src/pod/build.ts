/**
 * Pod assembly, in the order of Tekton's MakePod (pod.go at 6c132b937e):
 *
 * 1. credential initializer (first init container) and its secret volumes;
 * 2. working-dir initializer, when a step works under /workspace;
 * 3. create-dir init containers for image outputs in the default directory;
 * 4. each step: `HOME` env first, the workspace and home mounts unless the
 *    step mounts those paths, its script placed, workingDir defaulted, its
 *    name prefixed; `place-tools` goes to the init containers, every other
 *    step has its non-maximal requests zeroed;
 * 5. volumes: the Task's (with tools/downward/resource volumes), the
 *    podTemplate's, workspace and home, the secret volumes, the scripts volume;
 * 6. the stepTemplate merged into init containers and steps, then the
 *    place-scripts text written with the final env;
 * 7. sidecars appended as they are; metadata and pod-level fields.
 *
 * The result is then checked against the API server's offline rules.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { refused, TaskpodError } from '../errors';
import type { Container, Pod, PodSpec, Secret, Volume, VolumeMount } from '../model/core';
import type { Images } from '../model/config';
import type { PodTemplate, Step, TaskResource, TaskResourceBinding, TaskSpec } from '../model/tekton';
import { podName, restrictLength, withSuffix } from '../names';
import { cleanPath, Writable } from '../util';
import { checkPod } from './api-checks';
import { IMPLICIT_ENV, IMPLICIT_MOUNTS, IMPLICIT_VOLUMES, PLACE_TOOLS, SCRIPTS_MOUNT, SCRIPTS_VOLUME, STEP_PREFIX, WORKSPACE_DIR } from './constants';
import { makeCredentialInitializer } from './credentials';
import { podMetadata } from './metadata';
import { maxRequestIndices, zeroedRequests } from './requests';
import { fillPlaceScripts, PlacedScript, placeScript, placeScriptsStep, scriptArgs } from './scripts';
import { escapeForKubelet, kubeletWouldChange } from './shell';
import { mergeAllWithTemplate } from './step-template';
import { makeWorkingDirInitializer } from './working-dir';

/**
 * Everything MakePod reads about the TaskRun.
 *
 * @example
 * ```ts
 * const run: PodRun = { name: 'run', namespace: 'default', labels: {}, annotations: {}, serviceAccountName: '', outputBindings: [] };
 * ```
 *
 * @public
 */
export interface PodRun {
  readonly name: string;
  readonly namespace: string;
  readonly uid?: string;
  /** Labels after the reconciler's propagation from the Task. */
  readonly labels: Readonly<Record<string, string>>;
  /** Annotations after the reconciler's propagation from the Task. */
  readonly annotations: Readonly<Record<string, string>>;
  /** The TaskRun's service account name ('' when unset). */
  readonly serviceAccountName: string;
  readonly podTemplate?: PodTemplate;
  readonly outputBindings: readonly TaskResourceBinding[];
}

/**
 * What the cluster would answer for the credential initializer.
 *
 * @example
 * ```ts
 * const credentials: PodCredentials = { secretNames: ['regcred'], findSecret: (name) => secrets.get(name) };
 * ```
 *
 * @public
 */
export interface PodCredentials {
  /** Names listed in the ServiceAccount's `secrets`. */
  readonly secretNames: readonly string[];
  readonly findSecret: (name: string) => Secret | undefined;
}

/**
 * Parameters of {@link makePod}.
 *
 * @example
 * ```ts
 * const input: MakePodInput = { images: DEFAULT_IMAGES, run, spec, credentials, seed: 'default/run', object: 'TaskRun default/run' };
 * makePod(input);
 * ```
 *
 * @public
 */
export interface MakePodInput {
  readonly images: Images;
  readonly run: PodRun;
  /** The TaskSpec after resources, entrypoint rewriting and substitution. */
  readonly spec: TaskSpec;
  readonly credentials: PodCredentials;
  /** Seed of every generated name. */
  readonly seed: string;
  /** Label of the TaskRun, for errors. */
  readonly object: string;
}

/** The default directory of image outputs (Tekton's TaskOutputImageDefaultDir). */
export const OUTPUT_IMAGE_DEFAULT_DIR = '/builder/home/image-outputs';

/** A create-dir step: `mkdir -p <path>` in the bash image. */
export function createDirStep(bashImage: string, name: string, path: string, seed: string, key = ''): Step {
  return {
    name: withSuffix(seed, `create-dir-${name.toLowerCase()}`, key),
    image: bashImage,
    command: ['/ko-app/bash'],
    args: ['-args', `mkdir -p ${path}`],
  };
}

/** The create-dir init steps for image outputs whose directory is the default one. */
export function outputImageDirSteps(
  bashImage: string,
  bindings: readonly TaskResourceBinding[],
  declared: readonly TaskResource[],
  seed: string,
): Step[] {
  const out: Step[] = [];
  for (const b of bindings) {
    for (const o of declared) {
      if (o.name === b.name && (o.outputImageDir ?? '').startsWith(OUTPUT_IMAGE_DEFAULT_DIR)) {
        // createDirStep's fields, then the implicit mounts, in one literal.
        out.push({
          name: withSuffix(seed, 'create-dir-default-image-output', `image-output/${b.name ?? ''}`),
          image: bashImage,
          command: ['/ko-app/bash'],
          args: ['-args', `mkdir -p ${OUTPUT_IMAGE_DEFAULT_DIR}/${b.name ?? ''}`],
          volumeMounts: IMPLICIT_MOUNTS,
        });
      }
    }
  }
  return out;
}

/**
 * A step with the implicit env first and the implicit mounts unless it mounts those paths.
 *
 * @example
 * ```ts
 * withImplicits({ name: 'a', image: 'busybox' });
 * // env [HOME=/builder/home], volumeMounts [workspace at /workspace, home at /builder/home]
 * ```
 *
 * @public
 */
export function withImplicits(step: Step): Step {
  const requested = new Set((step.volumeMounts ?? []).map((m) => cleanPath(m.mountPath ?? '')));
  return {
    ...step,
    env: [...IMPLICIT_ENV, ...(step.env ?? [])],
    volumeMounts: [...(step.volumeMounts ?? []), ...IMPLICIT_MOUNTS.filter((m) => !requested.has(cleanPath(m.mountPath ?? '')))],
  };
}

/**
 * A step's container name: `step-<name>` cut to 63, or `step-unnamed-<index>`.
 *
 * @example
 * ```ts
 * stepContainerName({ name: 'build' }, 1); // 'step-build'
 * stepContainerName({}, 1);                // 'step-unnamed-1'
 * ```
 *
 * @public
 */
export function stepContainerName(step: Step, index: number): string {
  const name = step.name ?? '';
  return name === '' ? `${STEP_PREFIX}unnamed-${index}` : restrictLength(`${STEP_PREFIX}${name}`);
}

/** The container of a step: everything but `script`. */
export function toContainer(step: Step): Container {
  const { script: _script, ...container } = step;
  return container;
}

/** The working-dir initializer's args, escaped when the kubelet would change them. */
function protectWorkingDirArgs(c: Container): Container {
  const [flag, text] = c.args ?? [];
  if (flag !== '-args' || text === undefined) return c;
  const defined = new Set((c.env ?? []).map((e) => e.name ?? ''));
  return kubeletWouldChange(text, defined, (c.envFrom ?? []).length > 0) ? { ...c, args: ['-args', escapeForKubelet(text)] } : c;
}

/** A step that has no `script` key is its own container; otherwise {@link toContainer}. */
const asContainer = (step: Step): Container => ('script' in step ? toContainer(step) : step);

/**
 * A step's container in one copy: the value that {@link withImplicits},
 * then {@link runScriptFile} (for a script step), then the defaulted
 * `workingDir` and the container `name`, then (unless `requests` is
 * undefined, for the init container `place-tools`) {@link zeroNonMaxRequests},
 * then {@link toContainer} give one after the other, without the copy each
 * of them makes, and with its fields in the order the Pod prints them (the
 * Container codec's), so that encoding it is a plain copy
 * (docs/performance.md; test/pod-step-container.test.ts compares it with
 * that chain and checks the order). Each field is written by name: V8
 * builds objects that way far faster than by a loop over field names.
 *
 * @internal
 */
export function stepContainer(step: Step, name: string, placed: PlacedScript | undefined, requests: Record<string, string> | undefined): Container {
  const own = step.volumeMounts ?? [];
  const mounts: VolumeMount[] = [...own];
  for (const m of IMPLICIT_MOUNTS) if (!mountsPath(own, m.mountPath ?? '')) mounts.push(m);
  if (placed !== undefined) mounts.push(SCRIPTS_MOUNT);
  const args = placed !== undefined ? scriptArgs(step.args ?? [], placed.file) : step.args;
  const resources = requests !== undefined ? { ...(step.resources ?? {}), requests } : step.resources;
  const out: Writable<Container> = { name };
  if (step.image !== undefined) out.image = step.image;
  if (step.command !== undefined) out.command = step.command;
  if (args !== undefined) out.args = args;
  out.workingDir = step.workingDir === undefined || step.workingDir === '' ? WORKSPACE_DIR : step.workingDir;
  if (step.ports !== undefined) out.ports = step.ports;
  if (step.envFrom !== undefined) out.envFrom = step.envFrom;
  out.env = [...IMPLICIT_ENV, ...(step.env ?? [])];
  if (resources !== undefined) out.resources = resources;
  out.volumeMounts = mounts;
  if (step.volumeDevices !== undefined) out.volumeDevices = step.volumeDevices;
  if (step.livenessProbe !== undefined) out.livenessProbe = step.livenessProbe;
  if (step.readinessProbe !== undefined) out.readinessProbe = step.readinessProbe;
  if (step.lifecycle !== undefined) out.lifecycle = step.lifecycle;
  if (step.terminationMessagePath !== undefined) out.terminationMessagePath = step.terminationMessagePath;
  if (step.terminationMessagePolicy !== undefined) out.terminationMessagePolicy = step.terminationMessagePolicy;
  if (step.imagePullPolicy !== undefined) out.imagePullPolicy = step.imagePullPolicy;
  if (step.securityContext !== undefined) out.securityContext = step.securityContext;
  if (step.stdin !== undefined) out.stdin = step.stdin;
  if (step.stdinOnce !== undefined) out.stdinOnce = step.stdinOnce;
  if (step.tty !== undefined) out.tty = step.tty;
  return out;
}

/** Whether one of `mounts` mounts `path` (both cleaned, as the kubelet compares them). */
function mountsPath(mounts: readonly VolumeMount[], path: string): boolean {
  const wanted = cleanPath(path);
  for (const m of mounts) if (cleanPath(m.mountPath ?? '') === wanted) return true;
  return false;
}

/** The container name of the step that places the tools (an init container). */
const PLACE_TOOLS_CONTAINER = restrictLength(`${STEP_PREFIX}${PLACE_TOOLS}`);

/**
 * Builds the Pod from a TaskSpec that has been through resources,
 * entrypoint rewriting and substitution.
 *
 * @example
 * ```ts
 * const pod = makePod({ images: DEFAULT_IMAGES, run, spec, credentials: { secretNames: [], findSecret: () => undefined },
 *   seed: 'default/run', object: 'TaskRun default/run' });
 * ```
 *
 * @public
 */
export function makePod(input: MakePodInput): E.Either<TaskpodError, Pod> {
  const { images, run, spec, seed, object } = input;
  const steps = spec.steps ?? [];
  const credInit = makeCredentialInitializer(images.creds, input.credentials.secretNames, input.credentials.findSecret, seed, `ServiceAccount ${run.namespace}/${run.serviceAccountName === '' ? 'default' : run.serviceAccountName}`);
  if (E.isLeft(credInit)) return credInit;
  const cred = credInit.right;
  const workingDirInit = makeWorkingDirInitializer(images.bashNoop, steps, seed);
  const initSteps: Step[] = [
    cred.step,
    ...(workingDirInit !== undefined ? [workingDirInit] : []),
    ...outputImageDirSteps(images.bashNoop, run.outputBindings, spec.outputs?.resources ?? [], seed),
  ];
  const maxIndices = maxRequestIndices(steps);
  const podSteps: Step[] = [];
  const scripts: PlacedScript[] = [];
  for (let i = 0; i < steps.length; i++) {
    const original = steps[i]!;
    const placed = original.script !== undefined && original.script !== '' ? placeScript(original.script, i, seed) : undefined;
    if (placed !== undefined) scripts.push(placed);
    const name = stepContainerName(original, i);
    if (name === PLACE_TOOLS_CONTAINER) initSteps.push(stepContainer(original, name, placed, undefined));
    else podSteps.push(stepContainer(original, name, placed, zeroedRequests(original, i, maxIndices)));
  }
  const volumes: Volume[] = [
    ...(spec.volumes ?? []),
    ...(run.podTemplate?.volumes ?? []),
    ...IMPLICIT_VOLUMES,
    ...cred.volumes,
    ...(scripts.length > 0 ? [SCRIPTS_VOLUME] : []),
  ];
  const placeScripts = scripts.length > 0 ? placeScriptsStep(images.bashNoop, seed) : undefined;
  if (placeScripts !== undefined) initSteps.push(placeScripts);
  const seen = new Set<string>();
  for (const [i, v] of volumes.entries()) {
    if (seen.has(v.name ?? '')) return E.left(refused(object, `pod.spec.volumes[${i}].name`, `multiple volumes with same name "${v.name ?? ''}"`));
    seen.add(v.name ?? '');
  }
  const template = spec.stepTemplate;
  const mergedInit = mergeAllWithTemplate(template, initSteps.map(asContainer));
  if (E.isLeft(mergedInit)) return E.left(refused(object, 'spec.stepTemplate', mergedInit.left));
  const mergedContainers = mergeAllWithTemplate(template, podSteps);
  if (E.isLeft(mergedContainers)) return E.left(refused(object, 'spec.stepTemplate', mergedContainers.left));
  const init = mergedInit.right;
  const containers = mergedContainers.right;
  const finalInit = init.map((c, i) => {
    const from = initSteps[i];
    if (placeScripts !== undefined && from === placeScripts) return fillPlaceScripts(c, scripts);
    if (workingDirInit !== undefined && from === workingDirInit) return protectWorkingDirArgs(c);
    return c;
  });
  const pt = run.podTemplate;
  // The optional fields by assignment, in this order: cheaper than spreads
  // of one-field objects (docs/performance.md).
  const podSpec: Writable<PodSpec> = {
    volumes,
    initContainers: finalInit,
    containers: [...containers, ...(spec.sidecars ?? [])],
    restartPolicy: 'Never',
  };
  if (run.serviceAccountName !== '') podSpec.serviceAccountName = run.serviceAccountName;
  if (pt?.nodeSelector !== undefined) podSpec.nodeSelector = pt.nodeSelector;
  if (pt?.securityContext !== undefined) podSpec.securityContext = pt.securityContext;
  if (pt?.affinity !== undefined) podSpec.affinity = pt.affinity;
  if (pt?.tolerations !== undefined) podSpec.tolerations = pt.tolerations;
  if (pt?.runtimeClassName !== undefined) podSpec.runtimeClassName = pt.runtimeClassName;
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: podMetadata(podName(seed, run.name), run.namespace, run),
    spec: podSpec,
  };
  return checkPod(pod, object);
}
