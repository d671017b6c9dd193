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
import { defaultPipelineRun, validatePipelineRun } from '../admission/pipeline';
import { SYSTEM_NAMESPACE } from '../artifacts';
import { invalidInput, objectLabel, TaskpodError } from '../errors';
import { InputObjects, namespaceOf } from '../input/objects';
import { ObjectMeta } from '../model/core';
import type { PersistentVolumeClaim } from '../artifacts';
import { PersistentVolumeClaim as ClaimCodec } from '../artifacts';
import type { RenderedPod } from '../model/rendered';
import { TaskRun, TaskRunSpec } from '../model/tekton';
import { generatedName } from '../names';
import type * as t from 'io-ts';
import { PipelineRun as PipelineRunCodec } from '../model/pipeline';
import type { PipelineRunStatus } from '../model/pipeline';
import { goTimeText } from '../status/go-text';
import { reconcileStatus } from '../status/pipelinerun';
import { stableJson } from '../util';
import { formatWarning, TaskpodWarning } from '../warnings';
import { AdmittedPipelineRun, resolvePipelineRun, ResolvedPipelineRun } from './resolve';
import { ExpandOptions, simulate, SimulatedTaskRun, Simulation, simulationInstant } from './simulate';
import { pipelineRunStorage, PipelineStorage } from './storage';

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
 * A TaskRun the PipelineRun controller created and its Pod (or, for
 * `attempt` above 0, the Pod of a retry), with its status once that attempt
 * ended.
 *
 * @public
 */
export interface CreatedTaskRun extends SimulatedTaskRun {
  /** The TaskRun as printed (as the controller POSTed it). */
  readonly rendered: RenderedTaskRun;
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
  /** What happened to each pipeline task, in declaration order. */
  readonly outcomes: Simulation['outcomes'];
  /** The PipelineRun's status after the last reconcile (with no outcomes given: Succeeded). */
  readonly status: PipelineRunStatus;
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

/**
 * The PipelineRun as it stands after its run: as the webhook stored it,
 * with the labels and annotations the reconciler added and the final
 * status, in Go's field order.
 *
 * @example
 * ```ts
 * finalPipelineRun(expansion).status?.conditions; // [{ type: 'Succeeded', status: 'False', reason: 'Failed', ... }]
 * ```
 *
 * @public
 */
export function finalPipelineRun(expansion: PipelineRunExpansion): t.OutputOf<typeof PipelineRunCodec> {
  const pr = expansion.run.pipelineRun;
  const labels = Object.keys(expansion.run.labels).length > 0 ? { labels: expansion.run.labels } : {};
  const annotations = Object.keys(expansion.run.annotations).length > 0 ? { annotations: expansion.run.annotations } : {};
  return PipelineRunCodec.encode({
    ...pr,
    kind: pr.kind ?? 'PipelineRun',
    apiVersion: pr.apiVersion ?? 'tekton.dev/v1alpha1',
    metadata: { ...pr.metadata, ...labels, ...annotations },
    status: expansion.status,
  });
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
export function expandPipelineRun(objects: InputObjects, options: ExpandOptions = {}): E.Either<TaskpodError, PipelineRunExpansion> {
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
        const outcomes = run.tasks.map((t) => ({ pipelineTask: t.task.name ?? '', outcome: 'not-run' as const, attempts: 0 }));
        const instant = simulationInstant(run.pipelineRun, options.now);
        const now = goTimeText(instant);
        if (now === undefined) return E.left(invalidInput('now', '', 'not a valid time'));
        const status = reconcileStatus(run.pipelineRun, [], run.graph, now, instant.getTime());
        return E.right({ run, created: [], items: [], warnings: [...warnings, cancelled], cancelled: true, outcomes, status });
      }
      return pipe(
        pipelineRunStorage(objects, run),
        E.chain((storage) =>
          E.map((sim: Simulation): PipelineRunExpansion => {
            const created: CreatedTaskRun[] = sim.created.map((c) => ({ ...c, rendered: encodeTaskRun(c.taskRun) }));
            // A retry creates no TaskRun, only its new Pod.
            const items: PipelineRunItem[] = [
              ...(storage.type === 'pvc' ? [encodeClaim(storage.claim)] : []),
              ...created.flatMap((c): PipelineRunItem[] => (c.attempt === 0 ? [c.rendered, c.pod] : [c.pod])),
            ];
            return { run, storage, created, items, warnings: uniqueWarnings([...warnings, ...sim.warnings]), cancelled: false, outcomes: sim.outcomes, status: sim.status };
          })(simulate(objects, run, storage, options)),
        ),
      );
    }),
  );
}
