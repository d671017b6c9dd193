/**
 * A PipelineRun's expansion explained as a graph: its tasks in the waves the
 * controller created them in, the `runAfter` and `from` edges between them,
 * and for each resource passed from task to task the path in the artifact
 * storage it travels through. As text, as a Mermaid flowchart, or as data.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import type { TaskpodError } from '../errors';
import type { InputObjects } from '../input/objects';
import { expandPipelineRun, PipelineRunExpansion } from '../pipeline/expand';
import type { ResolvedPipelineTask } from '../pipeline/resolve';
import { serviceAccountFor, taskRunBindings } from '../pipeline/taskruns';
import { ARTIFACT_TYPES } from '../resources';
import type { ExpandOptions, TaskOutcome } from '../pipeline/simulate';
import { getCondition, SUCCEEDED } from '../status/condition';
import { objectLabel } from '../errors';
import type { TaskpodWarning } from '../warnings';

/**
 * A resource a pipeline task reads or writes, and where it comes from or goes.
 *
 * @public
 */
export interface ResourceFlow {
  /** The Task's name for it. */
  readonly name: string;
  /** The PipelineResource (by name; an inline one is named after its binding). */
  readonly resource: string;
  /** Its type (git, image, ...). */
  readonly type: string;
  /** For an input read `from` other tasks: those tasks, and the storage paths it is copied from. */
  readonly from: readonly string[];
  /** Storage paths: where an input is copied from, or where an output is copied to (as the TaskRun's binding says). */
  readonly paths: readonly string[];
  /**
   * Whether the paths are used: Tekton copied only git and storage resources
   * through the artifact storage; the paths of other types are in the
   * TaskRun but nothing is copied (the Task reads the resource's fields).
   */
  readonly copied: boolean;
}

/**
 * One pipeline task: what ran it, when, and what it shares.
 *
 * @public
 */
export interface PipelineTaskExplanation {
  readonly name: string;
  /** `Task namespace/name` or `ClusterTask name`. */
  readonly task: string;
  /**
   * What happened to it: its TaskRun `succeeded` or `failed` (every retry
   * used, or the PipelineRun failed before a retry), it was `skipped` (a
   * condition of it, or of a task before it, failed), or it was `not-run`
   * (the PipelineRun ended first, or was cancelled).
   */
  readonly status: TaskOutcome;
  /** How many Pods its TaskRun got (1, plus one per retry; 0 when it has none). */
  readonly attempts: number;
  /** The Pods of its retries, in order, with the wave that made each. */
  readonly retryPods: readonly { readonly pod: string; readonly wave: number }[];
  /** The reconcile (from 1) that created its TaskRun. */
  readonly wave?: number;
  readonly taskRun?: string;
  readonly pod?: string;
  readonly serviceAccount: string;
  readonly retries: number;
  readonly conditions: readonly { readonly condition: string; readonly taskRun?: string; readonly pod?: string; readonly wave?: number }[];
  readonly inputs: readonly ResourceFlow[];
  readonly outputs: readonly ResourceFlow[];
}

/**
 * An edge of the graph: `to` waits for `from`, by `runAfter` or because it
 * reads a resource `from` it (then with the resource and its storage path).
 *
 * @public
 */
export interface PipelineEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'runAfter' | 'from';
  /** For a `from` edge: the PipelineResource, the producer's output, the reader's input and the path between. */
  readonly resource?: string;
  /** For a `from` edge: whether the resource travels through the storage (git and storage types only). */
  readonly copied?: boolean;
  readonly output?: string;
  readonly input?: string;
  readonly path?: string;
}

/**
 * A PipelineRun's expansion as a graph.
 *
 * @public
 */
export interface PipelineRunExplanation {
  readonly pipelineRun: { readonly name: string; readonly namespace: string };
  /** `Pipeline namespace/name`, or the PipelineRun itself for an embedded pipelineSpec. */
  readonly pipeline: string;
  readonly storage?: { readonly type: 'pvc'; readonly claim: string; readonly basePath: string } | { readonly type: 'bucket'; readonly location: string; readonly basePath: string };
  /** In declaration order. */
  readonly tasks: readonly PipelineTaskExplanation[];
  /** Each wave's TaskRuns, in creation order. */
  readonly waves: readonly { readonly wave: number; readonly taskRuns: readonly string[] }[];
  readonly edges: readonly PipelineEdge[];
  /** The PipelineRun's `Succeeded` condition after its run. */
  readonly result: { readonly status: string; readonly reason: string; readonly message: string };
  readonly warnings: readonly TaskpodWarning[];
}

function taskLabel(t: ResolvedPipelineTask, namespace: string): string {
  return t.taskKind === 'ClusterTask' ? objectLabel('ClusterTask', undefined, t.taskName) : objectLabel('Task', namespace, t.taskName);
}

/**
 * The graph of an expansion.
 *
 * @example
 * ```ts
 * const x = explainPipelineRun(expansion);
 * x.edges; // [{ from: 'build', to: 'deploy', kind: 'from', resource: 'app-image', path: '/pvc/build/image' }]
 * ```
 *
 * @public
 */
export function explainPipelineRun(expansion: PipelineRunExpansion): PipelineRunExplanation {
  const { run, storage, created } = expansion;
  const base = storage?.basePath ?? '';
  const tasks = run.tasks.map((t): PipelineTaskExplanation => {
    const name = t.task.name ?? '';
    const own = created.find((c) => c.pipelineTask === name && c.conditionCheck === undefined);
    const bindings = taskRunBindings(run, t, base);
    const flow = (b: ResolvedPipelineTask['inputs'][number], paths: readonly string[] | undefined): ResourceFlow => ({
      name: b.name,
      resource: b.bound.resource.metadata?.name ?? '',
      type: b.bound.resource.spec?.type ?? '',
      from: b.from,
      paths: storage === undefined ? [] : paths ?? [],
      copied: ARTIFACT_TYPES.has(b.bound.resource.spec?.type ?? ''),
    });
    const outcome = expansion.outcomes.find((o) => o.pipelineTask === name);
    return {
      name,
      task: taskLabel(t, run.namespace),
      status: outcome?.outcome ?? 'not-run',
      attempts: outcome?.attempts ?? 0,
      ...(own !== undefined ? { wave: own.wave, taskRun: own.rendered.metadata.name as string, pod: own.pod.metadata.name } : {}),
      retryPods: created.filter((c) => c.pipelineTask === name && c.conditionCheck === undefined && c.attempt > 0).map((c) => ({ pod: c.pod.metadata.name ?? '', wave: c.wave })),
      serviceAccount: serviceAccountFor(run.pipelineRun, name),
      retries: t.task.retries ?? 0,
      conditions: t.conditions.map((c) => {
        const check = created.find((x) => x.pipelineTask === name && x.conditionCheck?.index === c.index);
        return {
          condition: c.guard.conditionRef ?? '',
          ...(check !== undefined ? { taskRun: check.rendered.metadata.name as string, pod: check.pod.metadata.name, wave: check.wave } : {}),
        };
      }),
      inputs: t.inputs.map((b, i) => flow(b, bindings.inputs[i]?.paths)),
      outputs: t.outputs.map((b, i) => flow(b, bindings.outputs[i]?.paths)),
    };
  });
  const edges: PipelineEdge[] = [];
  for (const t of tasks) {
    const resolved = run.tasks.find((r) => r.task.name === t.name)!;
    for (const before of resolved.task.runAfter ?? []) edges.push({ from: before, to: t.name, kind: 'runAfter' });
    for (const input of t.inputs) {
      input.from.forEach((producer, i) => {
        const output = tasks.find((p) => p.name === producer)?.outputs.find((o) => o.resource === input.resource);
        edges.push({
          from: producer,
          to: t.name,
          kind: 'from',
          resource: input.resource,
          copied: input.copied,
          ...(output !== undefined ? { output: output.name } : {}),
          input: input.name,
          ...(input.paths[i] !== undefined ? { path: input.paths[i] } : {}),
        });
      });
    }
  }
  const waves = [...new Set(created.map((c) => c.wave))].map((wave) => ({
    wave,
    taskRuns: created.filter((c) => c.wave === wave).map((c) => c.rendered.metadata.name as string),
  }));
  return {
    pipelineRun: { name: run.name, namespace: run.namespace },
    pipeline: run.specObject,
    ...(storage !== undefined
      ? {
          storage:
            storage.type === 'pvc'
              ? { type: 'pvc' as const, claim: storage.claim.metadata?.name ?? '', basePath: storage.basePath }
              : { type: 'bucket' as const, location: storage.location, basePath: storage.basePath },
        }
      : {}),
    tasks,
    waves,
    edges,
    result: {
      status: getCondition(expansion.status.conditions, SUCCEEDED)?.status ?? 'Unknown',
      reason: getCondition(expansion.status.conditions, SUCCEEDED)?.reason ?? '',
      message: getCondition(expansion.status.conditions, SUCCEEDED)?.message ?? '',
    },
    warnings: expansion.warnings,
  };
}

/**
 * Expands the PipelineRun among `objects` and explains it.
 *
 * @example
 * ```ts
 * const x = explainPipelineRunRender(objects, { config });
 * if (E.isRight(x)) console.log(formatPipelineExplanation(x.right));
 * ```
 *
 * @public
 */
export function explainPipelineRunRender(objects: InputObjects, options: ExpandOptions = {}): E.Either<TaskpodError, PipelineRunExplanation> {
  return E.map(explainPipelineRun)(expandPipelineRun(objects, options));
}

function storageLine(x: PipelineRunExplanation): string {
  const s = x.storage;
  if (s === undefined) return 'Artifacts: none (nothing was created)';
  return s.type === 'pvc'
    ? `Artifacts: PersistentVolumeClaim ${s.claim}, mounted at ${s.basePath} by the steps that copy resources between tasks`
    : `Artifacts: bucket ${s.location}, under ${s.location}/${s.basePath}`;
}

/**
 * The explanation as text: the storage, then each wave's tasks with their
 * TaskRun, Pod, condition checks and the resources they read and write.
 *
 * @example
 * ```ts
 * console.log(formatPipelineExplanation(x));
 * // PipelineRun default/ci-1 of Pipeline default/ci ...
 * ```
 *
 * @public
 */
export function formatPipelineExplanation(x: PipelineRunExplanation): string {
  const out: string[] = [`PipelineRun ${x.pipelineRun.namespace}/${x.pipelineRun.name} of ${x.pipeline}`, storageLine(x)];
  const byWave = new Map<number, PipelineTaskExplanation[]>();
  const waveOf = (t: PipelineTaskExplanation) => t.conditions.find((c) => c.wave !== undefined)?.wave ?? t.wave;
  for (const t of x.tasks) {
    const w = waveOf(t);
    if (w === undefined) continue;
    byWave.set(w, [...(byWave.get(w) ?? []), t]);
  }
  for (const w of [...byWave.keys()].sort((a, b) => a - b)) {
    out.push('', `Wave ${w}:`);
    for (const t of byWave.get(w)!) {
      const mark = t.status === 'succeeded' && t.attempts <= 1 ? '' : `  [${t.status}${t.attempts > 1 ? `, ${t.attempts} attempts` : ''}]`;
      out.push(`  ${t.name}  (${t.task}${t.serviceAccount !== '' ? `, ServiceAccount ${t.serviceAccount}` : ''}${t.retries > 0 ? `, ${t.retries} ${t.retries === 1 ? 'retry' : 'retries'}` : ''})${mark}`);
      for (const c of t.conditions) {
        out.push(`    condition ${c.condition}: ${c.taskRun !== undefined ? `TaskRun ${c.taskRun} (wave ${c.wave ?? '?'}), Pod ${c.pod ?? '?'}` : 'not checked'}`);
      }
      out.push(`    ${t.taskRun !== undefined ? `TaskRun ${t.taskRun}${t.wave !== w ? ` (wave ${t.wave ?? '?'}, once its conditions passed)` : ''}, Pod ${t.pod ?? '?'}` : 'no TaskRun'}`);
      for (const [k, r] of t.retryPods.entries()) out.push(`    retry ${k + 1} (wave ${r.wave}): Pod ${r.pod}`);
      const notCopied = (f: ResourceFlow) => `${f.type} resource ${f.resource} (not copied: Tekton passed only git and storage resources through the artifact storage)`;
      for (const i of t.inputs) {
        const source =
          i.from.length === 0
            ? `fetched from ${i.type} resource ${i.resource}`
            : !i.copied
              ? `${notCopied(i)}, after ${i.from.join(', ')}`
              : i.paths.map((p, k) => `${p} (from ${i.from[k] ?? '?'})`).join(', ') || `from ${i.from.join(', ')}`;
        out.push(`    input  ${i.name} <- ${source}`);
      }
      for (const o of t.outputs) out.push(`    output ${o.name} -> ${o.copied && o.paths.length > 0 ? o.paths.join(', ') : o.copied ? `${o.type} resource ${o.resource}` : notCopied(o)}`);
    }
  }
  const unplaced = x.tasks.filter((t) => waveOf(t) === undefined);
  if (unplaced.length > 0) out.push('', `Never created: ${unplaced.map((t) => `${t.name} [${t.status}]`).join(', ')}`);
  out.push('', `Result: ${x.result.status}${x.result.reason !== '' ? ` (${x.result.reason})` : ''}${x.result.message !== '' ? `: ${x.result.message}` : ''}`);
  if (x.edges.length > 0) {
    out.push('', 'Edges:');
    for (const e of x.edges) {
      const via = e.copied === true && e.path !== undefined ? ` via ${e.path}` : e.copied === false ? ', not copied' : '';
      out.push(e.kind === 'runAfter' ? `  ${e.from} -> ${e.to}  (runAfter)` : `  ${e.from} -> ${e.to}  (${e.resource ?? '?'}: ${e.output ?? '?'} -> ${e.input ?? '?'}${via})`);
    }
  }
  if (x.warnings.length > 0) {
    out.push('', 'Warnings:');
    for (const w of x.warnings) out.push(`  ${[w.object, w.field, w.message].filter((s) => s !== '').join(': ')}`);
  }
  return `${out.join('\n')}\n`;
}

/** Mermaid label text: quotes and angle brackets as entity codes, inside double quotes. */
function label(...lines: readonly string[]): string {
  const esc = (s: string) => s.replace(/&/g, '#amp;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
  return `"${lines.map(esc).join('<br/>')}"`;
}

/**
 * The explanation as a Mermaid flowchart: one subgraph per wave, a node per
 * pipeline task (and per condition check), `runAfter` edges dotted, and each
 * `from` edge labelled with the resource and the storage path it travels
 * through.
 *
 * @example
 * ```ts
 * pipelineExplanationMermaid(x); // 'flowchart LR\n  subgraph w1["Wave 1"] ...'
 * ```
 *
 * @public
 */
export function pipelineExplanationMermaid(x: PipelineRunExplanation): string {
  const out: string[] = ['flowchart LR'];
  const id = new Map(x.tasks.map((t, i) => [t.name, `t${i}`]));
  const placed = new Set<string>();
  for (const w of x.waves) {
    const here = x.tasks.some((t) => t.wave === w.wave || t.conditions.some((c) => c.wave === w.wave));
    if (!here) continue; // a wave of retries only: the retried task's node says so
    out.push(`  subgraph w${w.wave}[${label(`Wave ${w.wave}`)}]`);
    out.push('    direction TB');
    x.tasks.forEach((t, i) => {
      t.conditions.forEach((c, k) => {
        if (c.wave === w.wave) out.push(`    t${i}c${k}{{${label(`condition ${c.condition}`, c.taskRun ?? '')}}}`);
      });
      if (t.wave === w.wave) {
        const note = t.status === 'succeeded' && t.attempts <= 1 ? [] : [`${t.status}${t.attempts > 1 ? `, ${t.attempts} attempts` : ''}`];
        out.push(`    t${i}[${label(t.name, t.task, t.taskRun ?? '', ...note)}]`);
        placed.add(t.name);
      }
    });
    out.push('  end');
  }
  x.tasks.forEach((t, i) => {
    if (!placed.has(t.name)) out.push(`  t${i}[${label(t.name, t.task, t.status === 'not-run' ? 'not run' : t.status)}]`);
    t.conditions.forEach((c, k) => {
      if (c.wave === undefined) out.push(`  t${i}c${k}{{${label(`condition ${c.condition}`, 'not checked')}}}`);
      out.push(`  t${i}c${k} -.->|${label('passes')}| t${i}`);
    });
  });
  for (const e of x.edges) {
    const from = id.get(e.from);
    const to = id.get(e.to);
    if (from === undefined || to === undefined) continue;
    if (e.kind === 'runAfter') out.push(`  ${from} -.->|${label('runAfter')}| ${to}`);
    else out.push(`  ${from} -->|${label(`${e.resource ?? ''}`, e.copied === true ? e.path ?? '' : 'not copied')}| ${to}`);
  }
  const marked = x.tasks.map((t, i) => ({ t, i })).filter(({ t }) => t.status !== 'succeeded');
  if (marked.length > 0) {
    out.push('  classDef failed fill:#fdd,stroke:#b00', '  classDef skipped fill:#eee,stroke:#888,stroke-dasharray: 4 2', '  classDef notrun fill:#fff,stroke:#888,stroke-dasharray: 2 2');
    for (const { t, i } of marked) out.push(`  class t${i} ${t.status === 'not-run' ? 'notrun' : t.status}`);
  }
  if (x.storage !== undefined) {
    out.push(`  storage[(${label(x.storage.type === 'pvc' ? `PVC ${x.storage.claim}` : `bucket ${x.storage.location}`, x.storage.basePath)})]`);
  }
  return `${out.join('\n')}\n`;
}
