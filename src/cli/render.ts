/**
 * `taskpod render`: the Pod of a TaskRun.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { expandPipelineRun, finalPipelineRun, PipelineRunExpansion } from '../pipeline/expand';
import { renderTaskRun } from '../render';
import type { SidecarMode } from '../sidecars/native';
import { formatWarning } from '../warnings';
import { CommandResult, Command, commonOptions, limitsFrom, outputFormat } from './command';
import { formatValue, readConfig, readObjects } from './io';
import { optList, optString, ParsedOptions, UsageError } from './args';
import { checkOutcomeNames, outcomeOptions, outcomesOption, outcomeTargets, timeOption } from './outcomes';
import { nopContains } from './sidecar-io';

/** `--sidecars nop|native`. */
function sidecarMode(options: ParsedOptions): SidecarMode {
  const mode = optString(options, 'sidecars') ?? 'nop';
  if (mode !== 'nop' && mode !== 'native') throw new UsageError(`--sidecars takes nop or native, not "${mode}"`);
  return mode;
}

/**
 * The List of a PipelineRun's expansion: every item, or with `--task` only
 * what was created for that pipeline task (its condition checks and its
 * TaskRun, each with its Pod).
 */
export function expansionList(
  expansion: PipelineRunExpansion,
  task: string | undefined,
  withStatus = false,
): { readonly apiVersion: 'v1'; readonly kind: 'List'; readonly items: readonly unknown[] } {
  const last = withStatus ? [finalPipelineRun(expansion)] : [];
  if (task === undefined) return { apiVersion: 'v1', kind: 'List', items: [...expansion.items, ...last] };
  if (!expansion.run.tasks.some((t) => t.task.name === task)) {
    throw new UsageError(`--task ${task}: ${expansion.run.specObject} has no task "${task}" (tasks: ${expansion.run.tasks.map((t) => t.task.name ?? '').join(', ')})`);
  }
  const own = expansion.created.filter((c) => c.pipelineTask === task).flatMap((c) => (c.attempt === 0 ? [c.rendered, c.pod] : [c.pod]));
  return { apiVersion: 'v1', kind: 'List', items: [...own, ...last] };
}

export const renderCommand: Command = {
  name: 'render',
  summary: 'print the Pod Tekton would create for a TaskRun, or everything it creates for a PipelineRun',
  usage:
    'taskpod render -f FILE [-f FILE ...] [--config FILE] [--task NAME] [--fail TASK[:N] ...] [--fail-condition TASK/CONDITION ...] [--now TIME] [--sidecars nop|native] [--nop-contains PATH ...] [-o yaml|json]',
  description: [
    'Reads the TaskRun and what it uses (Task or ClusterTask, PipelineResources, the',
    'ServiceAccount and its Secrets, artifact ConfigMaps) from the files, and prints the',
    'Pod Tekton v1alpha1 (late 2019) would have created. FILE may be - for standard input.',
    'Given a PipelineRun (and no TaskRun) with its Pipeline, Tasks, Conditions, resources and',
    'ServiceAccounts, prints a List of what the controllers created, in order: the artifact',
    'PersistentVolumeClaim, then each TaskRun followed by its Pod. --task NAME prints only what',
    'was created for that pipeline task (its condition checks, its TaskRun, their Pods).',
    'What if: --fail TASK makes every attempt of a pipeline task\'s TaskRun fail (--fail TASK:N its',
    'first N: with retries it is tried again), --fail-condition TASK/CONDITION makes that condition',
    'check fail; the List then holds what Tekton created from there (a retry adds a Pod, a failure',
    'stops new TaskRuns, a failed condition skips its task and what follows it) and ends with the',
    'PipelineRun and its final status, at --now (default: its creationTimestamp, else 1970); --now',
    'alone adds that PipelineRun to the all-succeed List.',
    '--sidecars native renders the sidecars as Kubernetes native sidecars (init containers with',
    'restartPolicy: Always, Kubernetes 1.29+), which Kubernetes stops itself: an opt-in departure',
    'from Tekton that avoids the nop-image swap. With the default (nop), warns about sidecars that',
    'would keep running after the swap (see taskpod lint; --nop-contains lists what an',
    'operator\'s nop image contains). Warnings (on standard error, exit status 0) also name inputs',
    'Tekton ran as they are although they are doubtful, such as a half-configured artifact bucket.',
  ],
  examples: [
    'taskpod render -f fixtures/demo/input.yaml',
    'taskpod render -f taskrun.yaml -f task.yaml --config config.yaml -o json',
    'cat input.yaml | taskpod render -f -',
    'taskpod render -f input.yaml --sidecars native',
    'taskpod render -f pipelinerun.yaml --task build -o json',
    'taskpod render -f pipelinerun.yaml --fail build:1 --fail-condition deploy/is-main',
  ],
  options: { ...commonOptions, ...outcomeOptions, config: { value: true }, task: { value: true }, sidecars: { value: true }, 'nop-contains': { value: true, repeat: true } },
  run(options): CommandResult {
    const limits = limitsFrom(options);
    const format = outputFormat(options, ['yaml', 'json']);
    const sidecars = sidecarMode(options);
    const contains = nopContains(options);
    const task = optString(options, 'task');
    const outcomes = outcomesOption(options);
    const now = timeOption(options);
    const files = pipe(
      E.Do,
      E.bind('objects', () => readObjects(optList(options, 'file'), limits)),
      E.bind('config', () => readConfig(optString(options, 'config'), limits)),
    );
    if (E.isRight(files) && files.right.objects.taskRuns.length === 0 && files.right.objects.pipelineRuns.length > 0) {
      const { objects, config } = files.right;
      return E.map((expansion: PipelineRunExpansion) => {
        if (outcomes !== undefined) checkOutcomeNames(outcomes, outcomeTargets(expansion));
        return {
          stdout: formatValue(expansionList(expansion, task, outcomes !== undefined || now !== undefined), format === 'json' ? 'json' : 'yaml'),
          warnings: expansion.warnings.map(formatWarning),
        };
      })(expandPipelineRun(objects, { config, sidecars, nopContains: contains, ...(outcomes !== undefined ? { outcomes } : {}), ...(now !== undefined ? { now } : {}) }));
    }
    if (task !== undefined) throw new UsageError('--task selects a pipeline task: it needs a PipelineRun (and no TaskRun) in the input');
    if (outcomes !== undefined || now !== undefined) throw new UsageError('--fail, --fail-condition and --now are for a PipelineRun (and no TaskRun) in the input');
    return pipe(
      files,
      E.chain(({ objects, config }) => renderTaskRun(objects, { config, sidecars, nopContains: contains })),
      E.map(({ pod, warnings }) => ({
        stdout: formatValue(pod, format === 'json' ? 'json' : 'yaml'),
        warnings: warnings.map(formatWarning),
      })),
    );
  },
};
