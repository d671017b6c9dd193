/**
 * From a PipelineRun to everything Tekton's controllers created for it, in
 * the order they created it: the webhook's defaults and checks, the
 * reconciler's resolution, the artifact storage (the claim first), then
 * reconcile by reconcile the TaskRuns of every task that may start (condition
 * checks before the task they guard), each followed by the Pod the TaskRun
 * controller made for it with the TaskRun render, unchanged. Every TaskRun is
 * taken to succeed and every check to pass (../shared/CONFORMANCE.md).
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { DEFAULTS_CONFIG_NAME, runDefaults } from '../admission/config-defaults';
import { dns1123SubdomainProblems, labelValueProblems } from '../admission/k8s-names';
import { defaultPipelineRun, validatePipelineRun } from '../admission/pipeline';
import { validateObjectName } from '../admission/validate';
import { SYSTEM_NAMESPACE } from '../artifacts';
import { invalidInput, objectLabel, refused, TaskpodError } from '../errors';
import { InputObjects, namespaceOf } from '../input/objects';
import { ObjectMeta } from '../model/core';
import type { PersistentVolumeClaim } from '../artifacts';
import { PersistentVolumeClaim as ClaimCodec } from '../artifacts';
import type { RenderedPod } from '../model/rendered';
import { TaskRun, TaskRunSpec } from '../model/tekton';
import { generatedName } from '../names';
import { renderTaskRun, RenderOptions } from '../render';
import { stableJson } from '../util';
import { formatWarning, TaskpodWarning } from '../warnings';
import { conditionCheckRun } from './conditions';
import { schedulable } from './dag';
import { AdmittedPipelineRun, resolvePipelineRun, ResolvedPipelineRun, ResolvedPipelineTask } from './resolve';
import { pipelineRunStorage, PipelineStorage } from './storage';
import { PIPELINE_TASK_LABEL, pipelineTaskRun, uniqueName } from './taskruns';

/**
 * A TaskRun as Tekton's controller POSTed it (metadata and spec), in Go's
 * field order.
 *
 * @public
 */
export interface RenderedTaskRun {
  readonly kind: 'TaskRun';
  readonly apiVersion: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly spec: Readonly<Record<string, unknown>>;
}

/**
 * The PersistentVolumeClaim for a PipelineRun's artifacts, in Go's field order.
 *
 * @public
 */
export interface RenderedClaim {
  readonly kind: 'PersistentVolumeClaim';
  readonly apiVersion: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly spec: Readonly<Record<string, unknown>>;
}

/**
 * One object the controllers created for a PipelineRun.
 *
 * @public
 */
export type PipelineRunItem = RenderedClaim | RenderedTaskRun | RenderedPod;

/**
 * A TaskRun the PipelineRun controller created, and its Pod.
 *
 * @public
 */
export interface CreatedTaskRun {
  /** The pipeline task it runs (or whose condition it checks). */
  readonly pipelineTask: string;
  /** Set for a condition check: the Condition's name and its place in the pipeline task's `conditions`. */
  readonly conditionCheck?: { readonly condition: string; readonly index: number };
  /** The reconcile that created it, from 1: every task of a wave may run at once. */
  readonly wave: number;
  /** The TaskRun, typed, as created. */
  readonly taskRun: TaskRun;
  /** The same, as printed. */
  readonly rendered: RenderedTaskRun;
  /** The Pod the TaskRun controller created for it. */
  readonly pod: RenderedPod;
}

/**
 * Everything Tekton created for a PipelineRun, in creation order.
 *
 * @public
 */
export interface PipelineRunExpansion {
  /** The PipelineRun, its Pipeline and tasks, resolved. */
  readonly run: ResolvedPipelineRun;
  /** The artifact storage (absent for a cancelled PipelineRun, which got none). */
  readonly storage?: PipelineStorage;
  /** The TaskRuns and their Pods, in creation order. */
  readonly created: readonly CreatedTaskRun[];
  /** The claim (PVC storage), then each TaskRun followed by its Pod: the items of the `List`. */
  readonly items: readonly PipelineRunItem[];
  /** What Tekton let through but was probably a mistake: the PipelineRun's, then each Pod's render's (each once). */
  readonly warnings: readonly TaskpodWarning[];
  /** Set when the PipelineRun was cancelled (`spec.status: PipelineRunCancelled`): Tekton created nothing. */
  readonly cancelled: boolean;
}

type Result<A> = E.Either<TaskpodError, A>;

/**
 * The one PipelineRun among `objects`, named (a `generateName` gets the
 * API server's five characters, derived from its content), defaulted as the
 * webhook defaulted it (`config-defaults` included) and validated.
 *
 * @example
 * ```ts
 * admitPipelineRun(objects); // Right({ pipelineRun, name: 'ci-1', namespace: 'default', object: 'PipelineRun default/ci-1', warnings: [] })
 * ```
 *
 * @public
 */
export function admitPipelineRun(objects: InputObjects): E.Either<TaskpodError, AdmittedPipelineRun & { readonly warnings: readonly TaskpodWarning[] }> {
  if (objects.pipelineRuns.length === 0) return E.left(invalidInput('input', '', 'no PipelineRun found: the input must hold exactly one PipelineRun'));
  if (objects.pipelineRuns.length > 1) {
    const names = objects.pipelineRuns.map((p) => p.metadata?.name ?? p.metadata?.generateName ?? '?').join(', ');
    return E.left(invalidInput('input', '', `${objects.pipelineRuns.length} PipelineRuns found (${names}): the input must hold exactly one`));
  }
  const given = objects.pipelineRuns[0]!;
  const namespace = namespaceOf(given);
  const named = given.metadata?.name ?? '';
  const prefix = given.metadata?.generateName ?? '';
  if (named === '' && prefix === '') return E.left(invalidInput(objectLabel('PipelineRun', namespace, ''), 'metadata.name', 'missing: a PipelineRun needs a name or a generateName'));
  const name = pipelineRunName(given);
  const object = objectLabel('PipelineRun', namespace, name);
  const config = objects.configMaps.find((c) => c.metadata?.name === DEFAULTS_CONFIG_NAME && namespaceOf(c) === SYSTEM_NAMESPACE);
  const { defaults, warnings } = runDefaults(config);
  const pipelineRun = defaultPipelineRun({ ...given, metadata: { ...given.metadata, name, namespace } }, defaults);
  return E.map(() => ({ pipelineRun, name, namespace, object, warnings }))(validatePipelineRun(pipelineRun, object));
}

/**
 * A PipelineRun's name: `metadata.name`, or for one with only
 * `generateName` the prefix and five characters derived from its content.
 *
 * @example
 * ```ts
 * pipelineRunName({ metadata: { generateName: 'nightly-' } }); // 'nightly-x7kq2'
 * ```
 *
 * @public
 */
export function pipelineRunName(pr: { readonly metadata?: ObjectMeta }): string {
  const named = pr.metadata?.name ?? '';
  return named !== '' ? named : generatedName(pr.metadata?.generateName ?? '', stableJson(pr));
}

/**
 * A TaskRun in Go's field order, as the controller POSTed it.
 *
 * @example
 * ```ts
 * encodeTaskRun(created.taskRun); // { kind: 'TaskRun', apiVersion: 'tekton.dev/v1alpha1', metadata: {...}, spec: {...} }
 * ```
 *
 * @public
 */
export function encodeTaskRun(tr: TaskRun): RenderedTaskRun {
  return {
    kind: 'TaskRun',
    apiVersion: tr.apiVersion ?? 'tekton.dev/v1alpha1',
    metadata: ObjectMeta.encode(tr.metadata ?? {}) as Record<string, unknown>,
    spec: TaskRunSpec.encode(tr.spec ?? {}) as Record<string, unknown>,
  };
}

/**
 * The claim in Go's field order.
 *
 * @example
 * ```ts
 * if (expansion.storage?.type === 'pvc') encodeClaim(expansion.storage.claim); // { kind: 'PersistentVolumeClaim', ... }
 * ```
 *
 * @public
 */
export function encodeClaim(claim: PersistentVolumeClaim): RenderedClaim {
  return ClaimCodec.encode(claim) as RenderedClaim;
}

/**
 * Each warning once: TaskRuns that use the same Task, or copy through the
 * same bucket, would otherwise repeat the same warning.
 */
function uniqueWarnings(ws: readonly TaskpodWarning[]): readonly TaskpodWarning[] {
  const seen = new Set<string>();
  return ws.filter((w) => {
    const key = formatWarning(w);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The names Tekton generated: each task's TaskRun, then each of its condition checks, never one twice. */
function generatedNames(run: ResolvedPipelineRun): { readonly taskRun: ReadonlyMap<string, string>; readonly check: ReadonlyMap<string, string> } {
  const seed = `${run.namespace}/${run.name}`;
  const taken = new Set<string>();
  const taskRun = new Map<string, string>();
  const check = new Map<string, string>();
  for (const t of run.tasks) {
    const pt = t.task.name ?? '';
    const name = uniqueName(seed, `${run.name}-${pt}`, `taskrun/${pt}`, taken);
    taken.add(name);
    taskRun.set(pt, name);
  }
  for (const t of run.tasks) {
    const pt = t.task.name ?? '';
    for (const c of t.conditions) {
      const name = uniqueName(seed, `${taskRun.get(pt)!}-${c.guard.conditionRef ?? ''}`, `condition/${pt}/${c.index}`, taken);
      taken.add(name);
      check.set(`${pt}/${c.index}`, name);
    }
  }
  return { taskRun, check };
}

/**
/**
 * Whether a TaskRun named after pipeline task `t` could be created: Tekton's
 * webhook refused a `.` in its name, the API server a name that is no
 * DNS-1123 subdomain and a `tekton.dev/pipelineTask` label that is no label
 * value (a pipeline task name with capitals, `_` or a `prefix/` passes the
 * Pipeline's checks but not these). Tekton then created nothing for the task
 * and the PipelineRun never finished; the refusal names the pipeline task.
 */
function creatable(run: ResolvedPipelineRun, t: ResolvedPipelineTask, what: string, name: string): Result<void> {
  const webhook = validateObjectName(`TaskRun ${run.namespace}/${name}`, name);
  const label = labelValueProblems(t.task.name ?? '').map((p) => `the value ${JSON.stringify(t.task.name ?? '')} of its label ${PIPELINE_TASK_LABEL}: ${p}`);
  const problems = [...(E.isLeft(webhook) ? [webhook.left.message] : dns1123SubdomainProblems(name)), ...label];
  if (problems.length === 0) return E.right(undefined);
  return E.left(
    refused(
      run.specObject,
      `${run.specPath}.tasks[${t.index}].name`,
      `${what} "${name}", named after this task, could not be created (Tekton created nothing for the task and the PipelineRun never finished): ${problems.join(', ')}`,
    ),
  );
}

/** The TaskRuns of every reconcile, each task taken to succeed and each check to pass. */
function createTaskRuns(run: ResolvedPipelineRun, storage: PipelineStorage): Result<readonly Omit<CreatedTaskRun, 'pod' | 'rendered'>[]> {
  const names = generatedNames(run);
  const done = new Set<string>();
  const started = new Set<string>();
  const checked = new Set<string>();
  const out: Omit<CreatedTaskRun, 'pod' | 'rendered'>[] = [];
  for (let wave = 1; ; wave++) {
    const candidates = new Set(schedulable(run.graph, done));
    const created: Omit<CreatedTaskRun, 'pod' | 'rendered'>[] = [];
    for (const t of run.tasks) {
      const pt = t.task.name ?? '';
      if (!candidates.has(pt) || started.has(pt)) continue;
      if (t.conditions.length === 0 || checked.has(pt)) {
        started.add(pt);
        const ok = creatable(run, t, 'TaskRun', names.taskRun.get(pt)!);
        if (E.isLeft(ok)) return ok;
        created.push({ pipelineTask: pt, wave, taskRun: pipelineTaskRun(run, t, names.taskRun.get(pt)!, storage.basePath) });
      } else {
        checked.add(pt);
        for (const c of t.conditions) {
          const ok = creatable(run, t, 'Condition-check TaskRun', names.check.get(`${pt}/${c.index}`)!);
          if (E.isLeft(ok)) return ok;
          const check = conditionCheckRun(run, t, c, names.check.get(`${pt}/${c.index}`)!);
          if (E.isLeft(check)) return check;
          created.push({ pipelineTask: pt, conditionCheck: { condition: c.guard.conditionRef ?? '', index: c.index }, wave, taskRun: check.right });
        }
      }
    }
    if (created.length === 0) return E.right(out);
    out.push(...created);
    for (const c of created) if (c.conditionCheck === undefined) done.add(c.pipelineTask);
  }
}

/**
 * Everything Tekton (commit 6c132b937e) created for the one PipelineRun
 * among `objects`: the claim for PVC artifact storage, then every TaskRun in
 * creation order, each followed by its Pod. Refused, naming the object and
 * field, where Tekton refused the PipelineRun or one of its TaskRuns got no
 * Pod.
 *
 * @example
 * ```ts
 * const expansion = expandPipelineRun(objects, { config });
 * if (E.isRight(expansion)) console.log(JSON.stringify({ apiVersion: 'v1', kind: 'List', items: expansion.right.items }));
 * ```
 *
 * @public
 */
export function expandPipelineRun(objects: InputObjects, options: RenderOptions = {}): E.Either<TaskpodError, PipelineRunExpansion> {
  return pipe(
    admitPipelineRun(objects),
    E.chain((admitted) =>
      pipe(
        resolvePipelineRun(objects, admitted),
        E.map((run) => ({ run, warnings: [...admitted.warnings, ...run.warnings] })),
      ),
    ),
    E.chain(({ run, warnings }): Result<PipelineRunExpansion> => {
      // Cancellation is seen before the storage is set up: nothing is created.
      if (run.pipelineRun.spec?.status === 'PipelineRunCancelled') {
        const cancelled: TaskpodWarning = { object: run.object, field: 'spec.status', message: 'the PipelineRun is cancelled: Tekton creates nothing for it' };
        return E.right({ run, created: [], items: [], warnings: [...warnings, cancelled], cancelled: true });
      }
      return pipe(
        pipelineRunStorage(objects, run),
        E.chain((storage) =>
          pipe(
            createTaskRuns(run, storage),
            E.chain((taskRuns) => {
              const created: CreatedTaskRun[] = [];
              const all = [...warnings];
              for (const c of taskRuns) {
                const rendered = renderTaskRun({ ...objects, taskRuns: [c.taskRun] }, options);
                if (E.isLeft(rendered)) return rendered;
                created.push({ ...c, rendered: encodeTaskRun(c.taskRun), pod: rendered.right.pod });
                all.push(...rendered.right.warnings);
              }
              const items: PipelineRunItem[] = [...(storage.type === 'pvc' ? [encodeClaim(storage.claim)] : []), ...created.flatMap((c) => [c.rendered, c.pod])];
              return E.right({ run, storage, created, items, warnings: uniqueWarnings(all), cancelled: false });
            }),
          ),
        ),
      );
    }),
  );
}
