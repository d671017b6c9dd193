/**
 * `taskpod render`: the Pod of a TaskRun.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { isPipelineRunInput } from '../input/objects';
import type { PipelineRunExpansion } from '../pipeline/expand';
import { renderTaskRun } from '../render';
import { formatWarning } from '../warnings';
import { CommandResult, Command, commonOptions, limitsFrom, outputFormat } from './command';
import { formatValue, readInputs } from './io';
import { optList, optString, ParsedOptions, UsageError } from './args';
import { checkOutcomeNames, outcomeOptions, outcomesOption, outcomeTargets, timeOption } from './outcomes';
import { nopContains, sidecarMode } from './sidecar-io';

// The PipelineRun layer and --each are loaded when an input or option asks
// for them, not when the CLI starts (docs/performance.md).
const pipelineLib = (): typeof import('../pipeline/expand') => require('../pipeline/expand') as typeof import('../pipeline/expand');
const eachLib = (): typeof import('./each') => require('./each') as typeof import('./each');

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
  const last = withStatus ? [pipelineLib().finalPipelineRun(expansion)] : [];
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
    'taskpod render -f FILE [-f FILE ...] [--config FILE] [--task NAME] [--fail TASK[:N] ...] [--fail-condition TASK/CONDITION ...] [--now TIME] [--sidecars nop|native] [--nop-contains PATH ...] [-o yaml|json] (or --each PATH... [--out-dir DIR] [--check] in place of -f)',
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
    '--each renders every input under the paths in one run: a file is an input, a folder holding',
    'input.yaml is a case (with its config.yaml, if any, in place of --config), any other folder',
    'is searched for both (YAML and JSON files, not *.pod.yaml, pod.yaml or config.yaml). Each',
    'result is written beside its input: pod.yaml (pod.json with -o json) in a case folder,',
    'NAME.pod.yaml beside NAME.yaml; under --out-dir DIR instead, at the same place relative to',
    'the parent of the path given. Each file holds exactly what a single render of it prints.',
    '--check writes nothing: it compares each result with the file there and prints a diff.',
    'A refused input is reported and the run goes on. Prints a summary (rendered, refused,',
    'unchanged, changed); exit status 1 when an input was refused or, with --check, changed.',
  ],
  examples: [
    'taskpod render -f fixtures/demo/input.yaml',
    'taskpod render -f taskrun.yaml -f task.yaml --config config.yaml -o json',
    'cat input.yaml | taskpod render -f -',
    'taskpod render -f input.yaml --sidecars native',
    'taskpod render -f pipelinerun.yaml --task build -o json',
    'taskpod render -f pipelinerun.yaml --fail build:1 --fail-condition deploy/is-main',
    'taskpod render --each fixtures/              # (re)write fixtures/*/pod.yaml',
    'taskpod render --each fixtures/ --check      # CI: fail with a diff when a result changed',
    'taskpod render --each cases/ -o json --out-dir /tmp/pods',
  ],
  options: {
    ...commonOptions,
    ...outcomeOptions,
    config: { value: true },
    task: { value: true },
    sidecars: { value: true },
    'nop-contains': { value: true, repeat: true },
    each: { value: false },
    check: { value: false },
    'out-dir': { value: true },
  },
  operands: (options) => options.each === true,
  run(options, context): CommandResult {
    if (options.each === true) return eachLib().renderEach(options, context?.operands ?? [], context ?? { stderr: () => undefined }, renderOnce);
    if (options.check === true || options['out-dir'] !== undefined) throw new UsageError(`--${options.check === true ? 'check' : 'out-dir'} goes with --each`);
    return renderOnce(options);
  },
};

/**
 * One render, as `taskpod render -f FILE ...` prints it; `--each` calls it
 * for every input, so each file it writes is what this prints.
 */
function renderOnce(options: ParsedOptions): CommandResult {
  const limits = limitsFrom(options);
  const format = outputFormat(options, ['yaml', 'json']);
  const sidecars = sidecarMode(options);
  const contains = nopContains(options);
  const task = optString(options, 'task');
  const outcomes = outcomesOption(options);
  const now = timeOption(options);
  const files = readInputs(optList(options, 'file'), optString(options, 'config'), limits);
  if (E.isRight(files) && isPipelineRunInput(files.right.objects)) {
    const { objects, config } = files.right;
    return E.map((expansion: PipelineRunExpansion) => {
      if (outcomes !== undefined) checkOutcomeNames(outcomes, outcomeTargets(expansion));
      return {
        stdout: formatValue(expansionList(expansion, task, outcomes !== undefined || now !== undefined), format === 'json' ? 'json' : 'yaml'),
        warnings: expansion.warnings.map(formatWarning),
      };
    })(pipelineLib().expandPipelineRun(objects, { config, sidecars, nopContains: contains, ...(outcomes !== undefined ? { outcomes } : {}), ...(now !== undefined ? { now } : {}) }));
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
}
