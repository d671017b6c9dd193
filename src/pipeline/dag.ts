/**
 * The graph of a Pipeline's tasks (Tekton's BuildDAG in
 * pkg/apis/pipeline/v1alpha1/dag.go and GetSchedulable in
 * pkg/reconciler/pipeline/dag at 6c132b937e): an edge from each task named in
 * `runAfter` or in an input's `from` to the task that names it, refusing a
 * name no task has and any cycle, with Tekton's messages.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import type { PipelineTask } from '../model/pipeline';

/**
 * The tasks of a Pipeline and the edges between them.
 *
 * @example
 * ```ts
 * const g = buildGraph([{ name: 'a' }, { name: 'b', runAfter: ['a'] }]);
 * // Right({ tasks: ['a', 'b'], prev: Map { a => [], b => ['a'] }, ... })
 * ```
 *
 * @public
 */
export interface PipelineGraph {
  /** Task names, in declaration order. */
  readonly tasks: readonly string[];
  /** The tasks each task waits for, in the order the edges were added (runAfter first, then each input's from). */
  readonly prev: ReadonlyMap<string, readonly string[]>;
  /** The tasks that wait for each task. */
  readonly next: ReadonlyMap<string, readonly string[]>;
}

/** The tasks a task waits for, in the order BuildDAG linked them: `runAfter`, then each input's `from`. */
export function dependencies(task: PipelineTask): readonly string[] {
  return [...(task.runAfter ?? []), ...(task.resources?.inputs ?? []).flatMap((i) => i.from ?? [])];
}

/**
 * Looks for a path back to `visited` through the tasks before `nodes`, as
 * Tekton's visit did (including its bookkeeping keys `current.next`); the
 * path of names when found.
 */
function findCycle(
  current: string,
  nodes: readonly string[],
  path: readonly string[],
  visited: Set<string>,
  prev: ReadonlyMap<string, readonly string[]>,
): string | undefined {
  let walked = path;
  for (const n of nodes) {
    walked = [...walked, n];
    if (visited.has(n)) return [...walked].reverse().join(' -> ');
    visited.add(`${current}.${n}`);
    const found = findCycle(n, prev.get(n) ?? [], walked, visited, prev);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The graph of `tasks`, or Tekton's message for why there is none: a task
 * named twice, a `runAfter`/`from` naming no task, a task depending on itself,
 * a cycle.
 *
 * @example
 * ```ts
 * buildGraph([{ name: 'a', runAfter: ['a'] }]);
 * // Left('couldn\'t add link between a and a: Couldn\'t create link from a to a: cycle detected; task "a" depends on itself')
 * ```
 *
 * @public
 */
export function buildGraph(tasks: readonly PipelineTask[]): E.Either<string, PipelineGraph> {
  const names: string[] = [];
  const prev = new Map<string, string[]>();
  const next = new Map<string, string[]>();
  for (const t of tasks) {
    const name = t.name ?? '';
    if (prev.has(name)) return E.left(`task ${name} is already present in DAG, can't add it again: duplicate pipeline task`);
    names.push(name);
    prev.set(name, []);
    next.set(name, []);
  }
  for (const t of tasks) {
    const name = t.name ?? '';
    for (const before of dependencies(t)) {
      const link = `couldn't add link between ${name} and ${before}`;
      if (!prev.has(before)) return E.left(`${link}: Task ${name} depends on ${before} but ${before} wasn't present in Pipeline`);
      const create = `${link}: Couldn't create link from ${before} to ${name}`;
      if (before === name) return E.left(`${create}: cycle detected; task "${name}" depends on itself`);
      const cycle = findCycle(name, prev.get(before)!, [name, before], new Set([before, name]), prev);
      if (cycle !== undefined) return E.left(`${create}: cycle detected: ${cycle}`);
      prev.get(name)!.push(before);
      next.get(before)!.push(name);
    }
  }
  return E.right({ tasks: names, prev, next });
}

/**
 * The tasks that may start now: not yet done, and every task before them
 * done (GetSchedulable), in declaration order. Tekton walked the graph from
 * its roots through the done tasks; when a task counted as done could not be
 * reached that way (a task before it has no successful TaskRun, say its
 * TaskRun was deleted), it refused the whole list and nothing was started.
 *
 * @example
 * ```ts
 * schedulable(graph, new Set(['a'])); // ['b'] when b runs after a
 * schedulable(graph, new Set(['b'])); // []: b is done but a, before it, is not
 * ```
 *
 * @public
 */
export function schedulable(graph: PipelineGraph, done: ReadonlySet<string>): readonly string[] {
  // Reached from a root through done tasks only.
  const reached = new Set<string>();
  const queue = graph.tasks.filter((t) => (graph.prev.get(t) ?? []).length === 0);
  for (let t = queue.shift(); t !== undefined; t = queue.shift()) {
    if (reached.has(t)) continue;
    reached.add(t);
    if (done.has(t)) queue.push(...(graph.next.get(t) ?? []));
  }
  if ([...done].some((t) => !reached.has(t))) return [];
  return graph.tasks.filter((t) => !done.has(t) && (graph.prev.get(t) ?? []).every((p) => done.has(p)));
}
