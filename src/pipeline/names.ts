/**
 * The names the PipelineRun controller gives what it creates: a TaskRun
 * `<pipelinerun>-<task>` and a condition check `<taskrun>-<condition>`, each
 * cut to 57 characters with five characters added (Tekton's were random;
 * these are derived from the input), and whether the API server would take
 * such a TaskRun.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { dns1123SubdomainProblems, labelValueProblems } from '../admission/k8s-names';
import { validateObjectName } from '../admission/validate';
import { refused, TaskpodError } from '../errors';
import type { ResolvedPipelineRun, ResolvedPipelineTask } from './resolve';
import { PIPELINE_TASK_LABEL, uniqueName } from './taskruns';

type Result<A> = E.Either<TaskpodError, A>;

/**
 * What the generated names depend on: the PipelineRun's name and namespace,
 * and its pipeline tasks with their conditions.
 *
 * @public
 */
export interface NamedTasks {
  readonly name: string;
  readonly namespace: string;
  readonly tasks: readonly {
    readonly task: { readonly name?: string };
    readonly conditions: readonly { readonly index: number; readonly guard: { readonly conditionRef?: string } }[];
  }[];
}

/**
 * The names of everything the controller creates for a PipelineRun: each
 * pipeline task's TaskRun, then each of its condition checks (keyed
 * `task/index`), derived from the input and never one twice.
 *
 * @example
 * ```ts
 * generatedNames(run).taskRun.get('build'); // 'ci-1-build-x7kq2'
 * ```
 *
 * @public
 */
export function generatedNames(run: NamedTasks): { readonly taskRun: ReadonlyMap<string, string>; readonly check: ReadonlyMap<string, string> } {
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
 * Whether a TaskRun named after pipeline task `t` could be created: Tekton's
 * webhook refused a `.` in its name, the API server a name that is no
 * DNS-1123 subdomain and a `tekton.dev/pipelineTask` label that is no label
 * value (a pipeline task name with capitals, `_` or a `prefix/` passes the
 * Pipeline's checks but not these). Tekton then created nothing for the task
 * and the PipelineRun never finished; the refusal names the pipeline task.
 *
 * @example
 * ```ts
 * creatable(run, run.tasks[0], 'TaskRun', 'ci-1-Build-x7kq2'); // Left: a DNS-1123 subdomain must consist of ...
 * ```
 *
 * @public
 */
export function creatable(run: ResolvedPipelineRun, t: ResolvedPipelineTask, what: string, name: string): Result<void> {
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

