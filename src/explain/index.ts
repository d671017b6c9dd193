/**
 * Why each part of a rendered Pod is there: for every container (in the
 * order the kubelet runs them) what made it — a step of the Task, the
 * credential initializer, the working-dir initializer, script placement, a
 * resource's download or upload, an artifact copy, a sidecar, place-tools —
 * with its wait and post files and its mounts; for every volume what added
 * it and who mounts it; for every env var where it came from.
 *
 * Provenance is read from the rendered Pod and the resolved inputs, not
 * recorded by the render: generated containers carry stable name prefixes
 * (src/names.ts; the list of bases in the conformance harness), the Task's
 * steps keep their order, and the entrypoint's flags name the files each
 * step waits for and writes.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { TaskpodError } from '../errors';
import type { InputObjects } from '../input/objects';
import type { Container, EnvVar, Pod, Volume } from '../model/core';
import type { Step, TaskSpec } from '../model/tekton';
import { defaultTaskRun } from '../admission/defaults';
import { stepContainerName } from '../pod/build';
import { ENTRYPOINT_BINARY, HOME_DIR, PLACE_TOOLS, READY_ANNOTATION, SCRIPTS_DIR, STEP_PREFIX } from '../pod/constants';
import { admit, renderTaskRun, RenderOptions } from '../render';
import { resolveRun, ResolvedRun, theTaskRun } from '../resolve';
import type { TaskpodWarning } from '../warnings';

/**
 * What made a container.
 *
 * @example
 * ```ts
 * explainPod(pod).containers.map((c) => c.origin); // ['credential-init', 'place-tools', 'step', 'sidecar']
 * ```
 *
 * @public
 */
export type ContainerOrigin =
  /** A step of the Task. */
  | 'step'
  /** The credential initializer (creds-init with the ServiceAccount's Secrets). */
  | 'credential-init'
  /** The working-dir initializer (`mkdir -p` of the steps' workingDirs). */
  | 'working-dir'
  /** place-tools: copies the entrypoint binary into the tools volume. */
  | 'place-tools'
  /** place-scripts: writes the steps' scripts under /builder/scripts. */
  | 'script-placement'
  /** A step an input resource added (git clone, storage fetch, pull request, kubeconfig). */
  | 'resource-download'
  /** A step an output resource added (storage upload, pull request update, image digest export). */
  | 'resource-upload'
  /** A step that copies artifacts to or from the PipelineRun's PVC or bucket. */
  | 'artifact-copy'
  /** A `create-dir` step: a directory an output (or an image output's default dir) needs. */
  | 'create-dir'
  /** A sidecar of the Task (a container, or a native sidecar init container). */
  | 'sidecar'
  /** Not recognized. */
  | 'unknown';

/**
 * One mount of a container.
 *
 * @example
 * ```ts
 * const m: MountExplanation = { volume: 'tools', mountPath: '/builder/tools', readOnly: false };
 * ```
 *
 * @public
 */
export interface MountExplanation {
  readonly volume: string;
  readonly mountPath: string;
  readonly readOnly: boolean;
}

/**
 * Where a container's env var came from.
 *
 * @example
 * ```ts
 * explainPod(pod, run).containers[2]?.env; // [{ name: 'HOME', origin: 'implicit' }, { name: 'LANG', origin: 'stepTemplate' }]
 * ```
 *
 * @public
 */
export interface EnvExplanation {
  readonly name: string;
  /**
   * `implicit` (`HOME=/builder/home`, given to every step), `stepTemplate`,
   * `step` (the Task's step, overriding the stepTemplate when both set it),
   * `generated` (set by taskpod/Tekton for a generated container),
   * `sidecar`, or `unknown` (no resolved inputs to tell).
   */
  readonly origin: 'implicit' | 'stepTemplate' | 'step' | 'generated' | 'sidecar' | 'unknown';
  /** Whether the value comes from `valueFrom` (a Secret, ConfigMap or field). */
  readonly fromRef: boolean;
}

/**
 * One container, in run order.
 *
 * @example
 * ```ts
 * const build = explainPod(pod, run).containers.find((c) => c.step?.name === 'build');
 * build?.waitFile; // '/builder/tools/0'
 * ```
 *
 * @public
 */
export interface ContainerExplanation {
  /** Position in run order, from 0 (init containers first, then steps, then sidecars). */
  readonly order: number;
  readonly name: string;
  /** `init` (spec.initContainers) or `container` (spec.containers). */
  readonly list: 'init' | 'container';
  readonly origin: ContainerOrigin;
  /** One sentence for a reader. */
  readonly why: string;
  readonly image: string;
  /** The Task step it runs (index and name in the Task's `steps`). */
  readonly step?: { readonly index: number; readonly name: string };
  /** The resource it downloads or uploads, when one can be named. */
  readonly resource?: string;
  /** The file the entrypoint waits for before running the step. */
  readonly waitFile?: string;
  /** The file the entrypoint writes when the step is done. */
  readonly postFile?: string;
  /** The command the entrypoint runs (the step's own command, or its script file). */
  readonly runs?: readonly string[];
  /** The script file the step runs, when its `script` was placed. */
  readonly scriptFile?: string;
  readonly mounts: readonly MountExplanation[];
  readonly env: readonly EnvExplanation[];
}

/**
 * What added a volume.
 *
 * @example
 * ```ts
 * explainPod(pod).volumes.find((v) => v.name === 'tools')?.origin; // 'tekton'
 * ```
 *
 * @public
 */
export interface VolumeExplanation {
  readonly name: string;
  /** The volume source's field: `emptyDir`, `secret`, `persistentVolumeClaim`, ... */
  readonly source: string;
  /**
   * `tekton` (tools, downward, workspace, home, place-scripts), `credentials`
   * (a ServiceAccount Secret for creds-init), `task` (the Task's `volumes`),
   * `podTemplate`, `artifacts` (the PipelineRun's PVC), `resource` (added by
   * a PipelineResource), or `unknown`.
   */
  readonly origin: 'tekton' | 'credentials' | 'task' | 'podTemplate' | 'artifacts' | 'resource' | 'unknown';
  readonly why: string;
  /** The containers that mount it, in run order. */
  readonly mountedBy: readonly string[];
}

/**
 * The explanation of a Pod.
 *
 * @example
 * ```ts
 * const x = explainPod(pod, run);
 * x.containers.length; // every container, in run order
 * ```
 *
 * @public
 */
export interface PodExplanation {
  readonly pod: { readonly name: string; readonly namespace: string };
  /** `TaskRun namespace/name`, when the inputs were given. */
  readonly taskRun?: string;
  /** Where the Task came from: `Task ns/name`, `ClusterTask name`, or `embedded taskSpec`. */
  readonly task?: string;
  readonly containers: readonly ContainerExplanation[];
  readonly volumes: readonly VolumeExplanation[];
  /** The render's warnings (set by {@link explainRender}; a bare {@link explainPod} has none to give). */
  readonly warnings?: readonly TaskpodWarning[];
}

const SUFFIX = '-[a-z0-9]{5}';

/** Prefixes of generated step names (after `step-`), from Tekton's call sites at 6c132b937e. */
const RESOURCE_BASES: readonly { readonly base: string; readonly origin: ContainerOrigin; readonly what: string }[] = [
  { base: 'git-source', origin: 'resource-download', what: 'clones git resource' },
  { base: 'pr-source', origin: 'resource-download', what: 'syncs pull request resource' },
  { base: 'storage-fetch', origin: 'resource-download', what: 'fetches build-gcs storage resource' },
  { base: 'fetch', origin: 'resource-download', what: 'fetches storage resource' },
  { base: 'kubeconfig', origin: 'resource-download', what: 'writes the kubeconfig of cluster resource' },
  { base: 'upload', origin: 'resource-upload', what: 'uploads storage resource' },
  { base: 'image-digest-exporter', origin: 'resource-upload', what: 'exports the digests of the image outputs' },
  { base: 'artifact-copy-from', origin: 'artifact-copy', what: 'copies from the artifact bucket' },
  { base: 'artifact-copy-to', origin: 'artifact-copy', what: 'copies to the artifact bucket' },
  { base: 'artifact-dest-mkdir', origin: 'artifact-copy', what: 'creates the destination directory of' },
  { base: 'source-copy', origin: 'artifact-copy', what: 'copies to the artifact PVC' },
  { base: 'source-mkdir', origin: 'artifact-copy', what: 'creates the artifact PVC directory of' },
  { base: 'create-dir', origin: 'create-dir', what: 'creates the directory of' },
];

const TEKTON_VOLUMES: Readonly<Record<string, string>> = {
  tools: 'the entrypoint binary and the post files steps wait for',
  downward: `the ${READY_ANNOTATION} annotation, projected as the file the first step waits for`,
  workspace: 'the /workspace every step shares',
  home: 'the $HOME (/builder/home) every step shares',
  'place-scripts': 'the steps\' script files, written by place-scripts',
};

function matchBase(name: string, base: string): string | undefined {
  const m = new RegExp(`^${base.replace(/[-]/g, '\\-')}(?:-(.*))?${SUFFIX}$`).exec(name);
  if (m === null) return undefined;
  return m[1] ?? '';
}

/** The entrypoint flags of a redirected step. */
function entrypointFlags(c: Container): { waitFile?: string; postFile?: string; runs?: string[] } {
  if ((c.command ?? [])[0] !== ENTRYPOINT_BINARY) return {};
  const args = c.args ?? [];
  const out: { waitFile?: string; postFile?: string; runs?: string[] } = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-wait_file' && args[i + 1] !== undefined) out.waitFile = args[++i]!;
    else if (a === '-post_file' && args[i + 1] !== undefined) out.postFile = args[++i]!;
    else if (a === '-entrypoint') {
      const rest = args.slice(i + 1);
      const dd = rest.indexOf('--');
      out.runs = dd >= 0 ? [...rest.slice(0, dd), ...rest.slice(dd + 1)] : rest;
      break;
    }
  }
  return out;
}

function mountsOf(c: Container): MountExplanation[] {
  return (c.volumeMounts ?? []).map((m) => ({ volume: m.name ?? '', mountPath: m.mountPath ?? '', readOnly: m.readOnly === true }));
}

function envOf(c: Container, origin: (e: EnvVar, i: number) => EnvExplanation['origin']): EnvExplanation[] {
  return (c.env ?? []).map((e, i) => ({ name: e.name ?? '', origin: origin(e, i), fromRef: e.valueFrom !== undefined }));
}

/**
 * Where a step's HOME came from: the merge keeps one HOME, whose value is the
 * step's if it set one, else the stepTemplate's, else Tekton's
 * /builder/home (wherever the merge left it in the list).
 */
function homeOrigin(e: EnvVar, step: Step | undefined, template: Container | undefined): EnvExplanation['origin'] | undefined {
  const sets = (env: readonly EnvVar[] | undefined) => (env ?? []).some((x) => x.name === 'HOME' && x.value === e.value && x.valueFrom === undefined);
  if (sets(step?.env)) return 'step';
  if (sets(template?.env)) return 'stepTemplate';
  return e.value === HOME_DIR && e.valueFrom === undefined ? 'implicit' : undefined;
}

function stepEnvOrigin(step: Step | undefined, template: Container | undefined) {
  return (e: EnvVar, i: number): EnvExplanation['origin'] => {
    const home = e.name === 'HOME' ? homeOrigin(e, step, template) : undefined;
    if (home !== undefined) return home;
    if (i === 0 && e.name === 'HOME') return 'implicit';
    if (step === undefined) return 'unknown';
    if ((step.env ?? []).some((s) => s.name === e.name)) return 'step';
    if ((template?.env ?? []).some((s) => s.name === e.name)) return 'stepTemplate';
    return 'generated';
  };
}

/** The resource a generated step's middle part names, matched against the run's bindings. */
function resourceName(middle: string, run: ResolvedRun | undefined): string {
  if (run === undefined || middle === '') return middle;
  const names = new Set<string>();
  for (const m of [run.inputs, run.outputs]) {
    for (const [binding, r] of m) {
      names.add(binding);
      if (r.metadata?.name !== undefined) names.add(r.metadata.name);
    }
  }
  if (names.has(middle)) return middle;
  const found = [...names].sort((a, b) => b.length - a.length).find((n) => middle === n || middle.startsWith(`${n}-`) || middle.endsWith(`-${n}`) || n.startsWith(middle));
  return found ?? middle;
}

function taskLabel(run: ResolvedRun): string {
  if (run.task === undefined) return 'embedded taskSpec';
  return run.taskKind === 'ClusterTask' ? `ClusterTask ${run.taskName}` : `Task ${run.namespace}/${run.taskName}`;
}

/**
 * Explains a rendered Pod. With `run` (the resolved inputs the Pod was
 * rendered from) steps are tied to the Task's steps, env vars to the step
 * or stepTemplate, volumes to the Task or podTemplate; without it the
 * explanation rests on the Pod's names alone.
 *
 * @example
 * ```ts
 * const x = explainPod(pod, run);
 * for (const c of x.containers) console.log(c.order, c.name, c.why);
 * ```
 *
 * @public
 */
export function explainPod(pod: Pod, run?: ResolvedRun): PodExplanation {
  const spec = pod.spec ?? {};
  const taskSpec: TaskSpec | undefined = run?.taskSpec;
  const taskSteps = taskSpec?.steps ?? [];
  const template = taskSpec?.stepTemplate;
  const sidecarNames = new Set((taskSpec?.sidecars ?? []).map((s) => s.name ?? ''));
  const containers: ContainerExplanation[] = [];
  let userStep = 0;
  let sawUserStep = false;
  const scriptOwners = new Map<string, string>();

  const explain = (c: Container, list: 'init' | 'container'): ContainerExplanation => {
    const name = c.name ?? '';
    const image = c.image ?? '';
    const flags = entrypointFlags(c);
    const base = { order: containers.length, name, list, image, mounts: mountsOf(c), ...flags };
    const generated = (origin: ContainerOrigin, why: string, extra: Partial<ContainerExplanation> = {}): ContainerExplanation => ({
      ...base,
      origin,
      why,
      env: envOf(c, (e, i) => (i === 0 && e.name === 'HOME' ? 'implicit' : (template?.env ?? []).some((t) => t.name === e.name) ? 'stepTemplate' : 'generated')),
      ...extra,
    });
    const restartPolicy = (c as { restartPolicy?: unknown }).restartPolicy;
    if ((list === 'container' && !name.startsWith(STEP_PREFIX)) || (list === 'init' && restartPolicy === 'Always')) {
      const native = list === 'init';
      return {
        ...base,
        origin: 'sidecar',
        why: `sidecar "${name}" of the ${run !== undefined ? taskLabel(run) : 'Task'}${native ? ' (a native sidecar: an init container that keeps running)' : ''}${sidecarNames.size > 0 && !sidecarNames.has(name) ? ' (not among the Task\'s sidecars)' : ''}; starts with the steps and is stopped after the last one`,
        env: envOf(c, () => 'sidecar'),
      };
    }
    // With the Task at hand, the container named as its next step is that
    // step, even when the name looks generated (a step "upload-files").
    const next = taskSteps[userStep];
    if (run === undefined || next === undefined || name !== stepContainerName(next, userStep)) {
      const made = generatedContainer(c, name, generated);
      if (made !== undefined) return made;
    }
    return userStepOf(c, base, flags);
  };

  /** A container of Tekton's own (credentials, working dirs, scripts, resources), if `name` is one. */
  const generatedContainer = (
    c: Container,
    name: string,
    generated: (origin: ContainerOrigin, why: string, extra?: Partial<ContainerExplanation>) => ContainerExplanation,
  ): ContainerExplanation | undefined => {
    if (matchBase(name, `${STEP_PREFIX}credential-initializer`) !== undefined) {
      const secrets = (c.args ?? []).length;
      return generated('credential-init', `credential initializer: creds-init writes the credentials of ${run !== undefined ? `ServiceAccount ${run.namespace}/${run.serviceAccountName === '' ? 'default' : run.serviceAccountName}` : 'the ServiceAccount'}'s Secrets into $HOME (${secrets === 0 ? 'no Secret has a matching tekton.dev annotation' : `${secrets} flag${secrets === 1 ? '' : 's'}`})`);
    }
    if (matchBase(name, `${STEP_PREFIX}working-dir-initializer`) !== undefined) {
      return generated('working-dir', `working-dir initializer: creates the steps' workingDirs under /workspace (${(c.args ?? [])[1] ?? ''})`);
    }
    if (name === `${STEP_PREFIX}${PLACE_TOOLS}`) {
      return generated('place-tools', 'place-tools: copies the entrypoint binary into the tools volume; every step runs through it');
    }
    if (matchBase(name, 'place-scripts') !== undefined) {
      const text = (c.args ?? [])[1] ?? '';
      const files = [...text.matchAll(/tmpfile="([^"]+)"/g)].map((m) => m[1]!);
      return generated('script-placement', `script placement: writes ${files.length} script${files.length === 1 ? '' : 's'} under ${SCRIPTS_DIR} (${files.map((f) => f.slice(SCRIPTS_DIR.length + 1)).join(', ')})`);
    }
    const stepName = name.startsWith(STEP_PREFIX) ? name.slice(STEP_PREFIX.length) : name;
    for (const r of RESOURCE_BASES) {
      const middle = matchBase(stepName, r.base);
      if (middle === undefined) continue;
      if (r.base === 'create-dir' && middle.startsWith('default-image-output')) {
        return generated('create-dir', 'create-dir: the default directory of an image output (/builder/home/image-outputs)');
      }
      const resource = resourceName(middle, run);
      const origin: ContainerOrigin = r.base === 'pr-source' && sawUserStep ? 'resource-upload' : r.origin;
      const what = r.base === 'pr-source' && sawUserStep ? 'updates pull request resource' : r.what;
      return generated(origin, `${what}${resource !== '' ? ` "${resource}"` : ''}`, resource !== '' ? { resource } : {});
    }
    return undefined;
  };

  /** A step of the Task: the k-th such container is the Task's k-th step. */
  const userStepOf = (c: Container, base: Omit<ContainerExplanation, 'origin' | 'why' | 'env'>, flags: ReturnType<typeof entrypointFlags>): ContainerExplanation => {
    const name = c.name ?? '';
    sawUserStep = true;
    const index = userStep++;
    const step = taskSteps[index];
    const declared = step?.name !== undefined && step.name !== '' ? `"${step.name}"` : `${index} (unnamed)`;
    const scriptFile = flags.runs !== undefined && flags.runs[0]?.startsWith(`${SCRIPTS_DIR}/`) && step?.script !== undefined ? flags.runs[0] : undefined;
    if (scriptFile !== undefined) scriptOwners.set(scriptFile, name);
    return {
      ...base,
      origin: 'step',
      why: `step ${declared} of the ${run !== undefined ? taskLabel(run) : 'Task'}${scriptFile !== undefined ? ', running its script' : ''}`,
      ...(step !== undefined || run === undefined ? { step: { index, name: step?.name ?? '' } } : {}),
      ...(scriptFile !== undefined ? { scriptFile } : {}),
      env: envOf(c, stepEnvOrigin(step, template)),
    };
  };

  for (const c of spec.initContainers ?? []) containers.push(explain(c, 'init'));
  for (const c of spec.containers ?? []) containers.push(explain(c, 'container'));

  const taskVolumes = new Set((taskSpec?.volumes ?? []).map((v) => v.name ?? ''));
  const templateVolumes = new Set((run?.taskRun.spec?.podTemplate?.volumes ?? []).map((v) => v.name ?? ''));
  const volumes = (spec.volumes ?? []).map((v): VolumeExplanation => {
    const name = v.name ?? '';
    const source = volumeSource(v);
    const mountedBy = containers.filter((c) => c.mounts.some((m) => m.volume === name)).map((c) => c.name);
    const [origin, why] = ((): [VolumeExplanation['origin'], string] => {
      if (TEKTON_VOLUMES[name] !== undefined) return ['tekton', TEKTON_VOLUMES[name]!];
      if (matchBase(name, 'secret-volume') !== undefined) return ['credentials', `Secret "${v.secret?.secretName ?? ''}" of the ServiceAccount, read by creds-init`];
      if (templateVolumes.has(name)) return ['podTemplate', 'a volume of the TaskRun\'s podTemplate'];
      if (taskVolumes.has(name)) return ['task', 'a volume the Task declares'];
      if (v.persistentVolumeClaim !== undefined) return ['artifacts', `the PipelineRun's artifact PVC "${v.persistentVolumeClaim.claimName ?? ''}"`];
      if (run !== undefined) return ['resource', 'added by a PipelineResource (its Secret or storage)'];
      return ['unknown', 'not a volume Tekton always adds'];
    })();
    return { name, source, origin, why, mountedBy };
  });

  return {
    pod: { name: pod.metadata?.name ?? '', namespace: pod.metadata?.namespace ?? '' },
    ...(run !== undefined ? { taskRun: run.object, task: taskLabel(run) } : {}),
    containers,
    volumes,
  };
}

function volumeSource(v: Volume): string {
  return Object.keys(v).find((k) => k !== 'name') ?? 'unknown';
}

/**
 * Renders the Pod of the TaskRun among `objects` and explains it with the
 * resolved inputs (the same resolution {@link renderTaskRun} does); the
 * explanation carries the render's warnings.
 *
 * @example
 * ```ts
 * const x = explainRender(objects, { config });
 * if (E.isRight(x)) console.log(formatExplanation(x.right));
 * ```
 *
 * @public
 */
export function explainRender(objects: InputObjects, options: RenderOptions = {}): E.Either<TaskpodError, PodExplanation> {
  return pipe(
    renderTaskRun(objects, options),
    E.chain(({ pod, warnings }) =>
      pipe(
        theTaskRun(objects),
        E.map((r) => ({ ...r, taskRun: defaultTaskRun(r.taskRun) })),
        E.chain((r) => resolveRun(objects, r)),
        E.chain(admit),
        E.map((run) => ({ ...explainPod(pod, run), warnings })),
      ),
    ),
  );
}

export { formatExplanation, explanationMermaid } from './format';
