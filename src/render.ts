/**
 * From input objects to the Pod, in the order of Tekton's reconciler
 * (`reconcile` then `createPod` in pkg/reconciler/taskrun/taskrun.go at
 * 6c132b937e). Every stage is a pure function of the previous one's value;
 * the warnings are one more pure pass over the resolved run and the
 * finished Pod (src/render-warnings.ts).
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { findConfigDefaults, runDefaults } from './admission/config-defaults';
import { defaultTaskRun, defaultTaskSpec } from './admission/defaults';
import { validateObjectName, validateParams, validateTaskRun, validateTaskSpec } from './admission/validate';
import { refused, TaskpodError } from './errors';
import type { InputObjects } from './input/objects';
import { Config, DEFAULT_CONFIG } from './model/config';
import { Pod } from './model/core';
import type { RenderedPod } from './model/rendered';
import type { TaskSpec } from './model/tekton';
import { redirectTaskSpec, stepCommand } from './pod/entrypoint';
import { makePod } from './pod/build';
import { resolveRun, ResolvedRun, theTaskRun } from './resolve';
import { renderWarnings } from './render-warnings';
import { SidecarMode, toNativeSidecars } from './sidecars/native';
import { knownNopImage } from './sidecars/nop-risk';
import type { TaskpodWarning } from './warnings';
import {
  addImageDigestExporter,
  addInputResources,
  addOutputResources,
  ResourceContext,
  validateResourceBindings,
} from './resources';
import { resourceLookups } from './resources/replacements';
import { applyReplacementsInTurn, Lookup, nonEmpty, paramLookups, rewrite } from './substitution';

/**
 * Options of a render.
 *
 * @example
 * ```ts
 * renderPod(objects, { config: { images: DEFAULT_IMAGES, imageEntrypoints: { ubuntu: ['/bin/bash'] } } });
 * ```
 *
 * @public
 */
export interface RenderOptions {
  /** The controller configuration; defaults to v0.8.0 images and no known entrypoints. */
  readonly config?: Config;
  /**
   * How the Task's sidecars are placed: `'nop'` (default) as Tekton did,
   * regular containers stopped by the nop-image swap; `'native'` as
   * Kubernetes native sidecars (init containers with
   * `restartPolicy: Always`, Kubernetes 1.29 or later), an opt-in departure from Tekton
   * (docs/sidecars.md). The native Pod's init containers carry
   * `restartPolicy`, which the 1.12 `Pod` type does not declare: use the
   * value as JSON, do not re-encode it with the `Pod` codec.
   */
  readonly sidecars?: SidecarMode;
  /**
   * Absolute paths of the executables the nop image (`config.images.nop`)
   * contains, for the warnings about sidecars it would not stop. Without
   * it, Tekton's own nop image is known (it holds only `/ko-app/nop`) and
   * any other nop image's contents are unknown.
   */
  readonly nopContains?: readonly string[];
  /**
   * Which Pod of the TaskRun this is: 0 (the default) for its first, `n`
   * for the Pod of its n-th retry (a PipelineRun retried a failed TaskRun
   * by clearing its status, and the TaskRun controller made a new Pod, with
   * new random names). Only the generated names differ.
   */
  readonly attempt?: number;
}

/**
 * What a render gives: the Pod, exactly as Tekton created it, and the
 * warnings about inputs Tekton accepted although they probably do not do
 * what was meant (docs/deviations.md, "Warnings").
 *
 * @example
 * ```ts
 * const r = renderTaskRun(objects, { config });
 * if (E.isRight(r)) r.right.warnings.forEach((w) => console.error(formatWarning(w)));
 * ```
 *
 * @public
 */
export interface RenderResult {
  /** The Pod, exactly as {@link renderPod} returns it. */
  readonly pod: RenderedPod;
  /** In a fixed order; empty when nothing is doubtful. */
  readonly warnings: readonly TaskpodWarning[];
}

/**
 * Admission: the TaskRun (and its Task) as Tekton's webhook defaulted and validated them.
 *
 * @example
 * ```ts
 * const admitted = pipe(theTaskRun(objects), E.chain((r) => resolveRun(objects, r)), E.chain(admit));
 * ```
 *
 * @public
 */
export function admit(run: ResolvedRun): E.Either<TaskpodError, ResolvedRun> {
  if (run.task === undefined) return E.right(run);
  const spec = defaultTaskSpec(run.taskSpec);
  const named = validateObjectName(run.specObject, run.task.metadata?.name);
  if (E.isLeft(named)) return named;
  const valid = validateTaskSpec(spec, run.specObject, run.specPath);
  if (E.isLeft(valid)) return valid;
  return E.right({ ...run, taskSpec: spec });
}

/**
 * The replacement maps of a TaskSpec (params, then input, then output
 * resources): what both the image lookup and the substitution apply.
 */
interface SpecReplacements {
  /** What paramReplacements' maps give, looked up on demand (paramLookups). */
  readonly params: ReturnType<typeof paramLookups>;
  /** What the maps of the resource passes give, looked up on demand (resourceLookups). */
  readonly inputs: Lookup;
  readonly outputs: Lookup;
}

function specReplacements(run: ResolvedRun, spec: TaskSpec): SpecReplacements {
  const resources = resourceLookups(run, spec);
  return {
    params: paramLookups(spec.inputs?.params ?? [], run.taskRun.spec?.inputs?.params ?? []),
    inputs: resources.inputs,
    outputs: resources.outputs,
  };
}

/**
 * The replacement maps for one render, built at most once: they depend
 * only on the run and on the TaskSpec's `inputs` and `outputs`, which the
 * resource stages and the entrypoint rewriting pass on as they are, so the
 * image lookup and the substitution share them (docs/performance.md).
 * Should a stage ever give a TaskSpec other `inputs` or `outputs`, the
 * maps are built again for it. Nothing outlives the render.
 */
function replacementsOnce(run: ResolvedRun): (spec: TaskSpec) => SpecReplacements {
  let built: { readonly inputs: TaskSpec['inputs']; readonly outputs: TaskSpec['outputs']; readonly maps: SpecReplacements } | undefined;
  return (spec) => {
    if (built === undefined || built.inputs !== spec.inputs || built.outputs !== spec.outputs) {
      built = { inputs: spec.inputs, outputs: spec.outputs, maps: specReplacements(run, spec) };
    }
    return built.maps;
  };
}

/** The image a step's entrypoint is looked up by: its image after substitution (DEVIATIONS.md item 3). */
function imageLookup(spec: TaskSpec, replacements: (spec: TaskSpec) => SpecReplacements): (image: string) => string {
  // The replacements are the same for every step: built once, on the first
  // image that has a variable, not once per step (docs/performance.md).
  let maps: readonly Lookup[] | undefined;
  return (image) => {
    if (!image.includes('$(')) return image;
    if (maps === undefined) {
      const r = replacements(spec);
      maps = nonEmpty([r.params.strings, r.inputs, r.outputs]);
    }
    return rewrite(image, maps);
  };
}

/**
 * Entrypoint rewriting (Tekton's createRedirectedTaskSpec).
 *
 * @example
 * ```ts
 * const redirected = redirect(run, run.taskSpec, DEFAULT_CONFIG);
 * // Right(spec): place-tools first, every step runs /builder/tools/entrypoint
 * ```
 *
 * @public
 */
export function redirect(run: ResolvedRun, spec: TaskSpec, config: Config): E.Either<TaskpodError, TaskSpec> {
  return redirectWith(run, spec, config, replacementsOnce(run));
}

function redirectWith(
  run: ResolvedRun,
  spec: TaskSpec,
  config: Config,
  replacements: (spec: TaskSpec) => SpecReplacements,
): E.Either<TaskpodError, TaskSpec> {
  const commands: (readonly string[])[] = [];
  const lookupImage = imageLookup(spec, replacements);
  // Errors name the step where the user wrote it: resource stages put
  // their own steps around the Task's, so the index is looked up by identity.
  const written = run.taskSpec.steps ?? [];
  const steps = spec.steps ?? [];
  const field = `${run.specPath}.steps`;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const own = (): number => {
      const at = written.indexOf(step);
      return at >= 0 ? at : i;
    };
    const cmd = stepCommand(step, own, () => lookupImage(step.image ?? ''), config.imageEntrypoints, run.specObject, field);
    if (E.isLeft(cmd)) return cmd;
    commands.push(cmd.right);
  }
  return E.right(redirectTaskSpec(spec, commands, config.images.entrypoint));
}

/**
 * Parameter, then input-resource, then output-resource substitution.
 *
 * @example
 * ```ts
 * substitute(run, spec); // $(inputs.params.x) and $(inputs|outputs.resources.r.f) replaced
 * ```
 *
 * @public
 */
export function substitute(run: ResolvedRun, spec: TaskSpec): TaskSpec {
  return substituteWith(spec, specReplacements(run, spec));
}

/** The three passes of {@link substitute}, in one walk over the spec. */
function substituteWith(spec: TaskSpec, r: SpecReplacements): TaskSpec {
  return applyReplacementsInTurn(spec, r.params.strings, r.params.arrays, [r.inputs, r.outputs]);
}

/**
 * Renders the one TaskRun among `objects`: its Pod, typed as a
 * {@link RenderedPod} (assignable to a Kubernetes client's `V1Pod`), and
 * the warnings about it.
 *
 * @example
 * ```ts
 * const r = renderTaskRun(objects, { config });
 * if (E.isLeft(r)) console.error(formatError(r.left));
 * else {
 *   for (const w of r.right.warnings) console.error(`warning: ${formatWarning(w)}`);
 *   console.log(JSON.stringify(r.right.pod));
 * }
 * ```
 *
 * @public
 */
export function renderTaskRun(objects: InputObjects, options: RenderOptions = {}): E.Either<TaskpodError, RenderResult> {
  return renderStages(objects, options, true);
}

/**
 * The stages of a render, in order; each returns as soon as one is refused.
 * Written with early returns rather than fp-ts's `chain`, whose curried
 * form copies its arguments on every call (a tenth of a render:
 * docs/performance.md). The warnings are worked out only when they are
 * asked for (`renderPod` drops them).
 */
function renderStages(objects: InputObjects, options: RenderOptions, withWarnings: true): E.Either<TaskpodError, RenderResult>;
function renderStages(objects: InputObjects, options: RenderOptions, withWarnings: false): E.Either<TaskpodError, RenderedPod>;
function renderStages(objects: InputObjects, options: RenderOptions, withWarnings: boolean): E.Either<TaskpodError, RenderResult | RenderedPod> {
  const config = options.config ?? DEFAULT_CONFIG;
  const found = theTaskRun(objects);
  if (E.isLeft(found)) return found;
  const configDefaults = runDefaults(findConfigDefaults(objects));
  const r = { ...found.right, taskRun: defaultTaskRun(found.right.taskRun, configDefaults.defaults) };
  const validRun = validateTaskRun(r.taskRun, `TaskRun ${r.namespace}/${r.name}`);
  if (E.isLeft(validRun)) return validRun;
  if (r.taskRun.spec?.status === 'TaskRunCancelled') {
    return E.left(refused(`TaskRun ${r.namespace}/${r.name}`, 'spec.status', 'the TaskRun is cancelled: Tekton creates no Pod for it'));
  }
  const resolved = resolveRun(objects, r);
  if (E.isLeft(resolved)) return resolved;
  const admitted = admit(resolved.right);
  if (E.isLeft(admitted)) return admitted;
  const run = admitted.right;
  const params = validateParams(run.taskSpec, run.taskRun.spec?.inputs?.params ?? [], run.object);
  if (E.isLeft(params)) return params;
  const bindings = validateResourceBindings(run, run.taskSpec);
  if (E.isLeft(bindings)) return bindings;

  // A retry's Pod gets names of its own, as Tekton drew new random ones.
  const seed = (options.attempt ?? 0) > 0 ? `${run.namespace}/${run.name}#retry${options.attempt ?? 0}` : `${run.namespace}/${run.name}`;
  const ctx: ResourceContext = { config, run, seed };
  const withExporter = addImageDigestExporter(ctx, run.taskSpec);
  if (E.isLeft(withExporter)) return withExporter;
  const withInputs = addInputResources(ctx, withExporter.right);
  if (E.isLeft(withInputs)) return withInputs;
  const withOutputs = addOutputResources(ctx, withInputs.right);
  if (E.isLeft(withOutputs)) return withOutputs;
  const replacements = replacementsOnce(run);
  const redirected = redirectWith(run, withOutputs.right, config, replacements);
  if (E.isLeft(redirected)) return redirected;
  const spec = substituteWith(redirected.right, replacements(redirected.right));
  const made = makePod({
    images: config.images,
    run: {
      name: run.name,
      namespace: run.namespace,
      ...(run.taskRun.metadata?.uid !== undefined ? { uid: run.taskRun.metadata.uid } : {}),
      labels: run.labels,
      annotations: run.annotations,
      serviceAccountName: run.serviceAccountName,
      ...(run.taskRun.spec?.podTemplate !== undefined ? { podTemplate: run.taskRun.spec.podTemplate } : {}),
      outputBindings: run.taskRun.spec?.outputs?.resources ?? [],
    },
    spec,
    credentials: {
      secretNames: (run.serviceAccount.secrets ?? []).map((s) => s.name ?? ''),
      findSecret: run.findSecret,
    },
    seed,
    object: run.object,
  });
  if (E.isLeft(made)) return made;
  const encoded = Pod.encode(made.right) as RenderedPod;
  const pod = options.sidecars === 'native' ? (toNativeSidecars(encoded, (run.taskSpec.sidecars ?? []).length) as RenderedPod) : encoded;
  if (!withWarnings) return E.right(pod);
  return E.right({
    pod,
    warnings: [
      ...configDefaults.warnings,
      ...renderWarnings(run, encoded, options.sidecars ?? 'nop', knownNopImage(config.images.nop, options.nopContains), config.imageEntrypoints),
    ],
  });
}

/**
 * Renders the Pod of the one TaskRun among `objects`, typed as a
 * {@link RenderedPod} (assignable to a Kubernetes client's `V1Pod`): the
 * Pod of {@link renderTaskRun}, without its warnings.
 *
 * @example
 * ```ts
 * const pod = renderPod(objects, { config });
 * if (E.isRight(pod)) console.log(JSON.stringify(pod.right));
 * ```
 *
 * @public
 */
export function renderPod(objects: InputObjects, options: RenderOptions = {}): E.Either<TaskpodError, RenderedPod> {
  return renderStages(objects, options, false);
}
