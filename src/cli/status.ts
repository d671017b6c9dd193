/**
 * `taskpod status`: the TaskRun with the status Tekton's controller would
 * write for it, given its Pod.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { invalidInput, objectLabel, TaskpodError } from '../errors';
import { InputObjects, namespaceOf } from '../input/objects';
import { SYSTEM_NAMESPACE } from '../artifacts';
import type { Pod } from '../model/core';
import { TaskRun, TaskRunStatus } from '../model/tekton';
import { withField } from '../sidecars/pod';
import { DEFAULTS_CONFIG_NAME, runDefaults } from '../admission/config-defaults';
import { formatWarning } from '../warnings';
import { PipelineRun } from '../model/pipeline';
import type { PipelineRunStatusResult } from '../status/pipelinerun-input';
import { optList, ParsedOptions } from './args';
import { Command, CommandResult, commonOptions, limitsFrom, outputFormat } from './command';
import { formatValue, readObjects } from './io';
import { timeOption } from './outcomes';

// The status layer is loaded when the command runs, not when the CLI starts (docs/performance.md).
const taskRunLib = (): typeof import('../status/taskrun') => require('../status/taskrun') as typeof import('../status/taskrun');
const pipelineRunLib = (): typeof import('../status/pipelinerun-input') => require('../status/pipelinerun-input') as typeof import('../status/pipelinerun-input');

/** `--now`: an RFC 3339 time (fractions kept), else the clock: the CLI is where taskpod may read it. */
function nowOption(options: ParsedOptions): Date {
  return timeOption(options) ?? new Date();
}

const label = (kind: string, o: { readonly metadata?: { readonly namespace?: string; readonly name?: string } }): string => objectLabel(kind, o.metadata?.namespace, o.metadata?.name);

/** The one TaskRun of the input, with its raw object. */
function theTaskRun(objects: InputObjects): E.Either<TaskpodError, { readonly taskRun: TaskRun; readonly raw: Readonly<Record<string, unknown>> | undefined }> {
  const runs = objects.taskRuns;
  if (runs.length === 0) return E.left(invalidInput('input', '', 'no TaskRun found: give the TaskRun with -f (kubectl get taskrun NAME -o yaml)'));
  if (runs.length > 1) return E.left(invalidInput('input', '', `${runs.length} TaskRuns found (${runs.map((r) => label('TaskRun', r)).join(', ')}): give exactly one`));
  const raw = objects.rawTaskRuns?.length === runs.length ? objects.rawTaskRuns[0] : undefined;
  return E.right({ taskRun: runs[0]!, raw });
}

/** The Pod of the input (none is fine: done, cancelled and timed-out TaskRuns need none); of several, the one the TaskRun names. */
function thePod(objects: InputObjects, taskRun: TaskRun): E.Either<TaskpodError, Pod | undefined> {
  const pods = objects.pods;
  if (pods.length <= 1) return E.right(pods[0]);
  const named = taskRun.status?.podName ?? '';
  const match = pods.filter((p) => named !== '' && p.metadata?.name === named);
  if (match.length === 1) return E.right(match[0]);
  return E.left(invalidInput('input', '', `${pods.length} Pods found (${pods.map((p) => label('Pod', p)).join(', ')}) and the TaskRun's status.podName picks none of them: give one Pod`));
}

export const statusCommand: Command = {
  name: 'status',
  summary: 'the TaskRun (or PipelineRun) with the status Tekton would write for it from its Pod (or TaskRuns)',
  usage: 'taskpod status -f TASKRUN -f POD | -f PIPELINERUN -f TASKRUNS [-f PIPELINE] [--now TIME] [-o yaml|json]',
  description: [
    'Reads a TaskRun and its Pod (as kubectl get ... -o yaml prints them, or a Pod from taskpod',
    'render with a status added) and prints the TaskRun with the status Tekton v1alpha1 (late',
    '2019) would write: the Succeeded condition (running, pending, exceeded node resources,',
    'succeeded, failed, timed out, cancelled), podName, start and completion times, the steps in',
    'the Pod\'s order, and the resource results (image digests) from termination messages.',
    '--now is the time of the update (RFC 3339; default: the current time). A TaskRun that is',
    'done, cancelled or timed out needs no Pod. The timeout default comes from the ConfigMap',
    `${DEFAULTS_CONFIG_NAME} in ${SYSTEM_NAMESPACE} when given (default-timeout-minutes, else 60).`,
    'Every field of the TaskRun but its status is printed as given. Warnings (termination',
    'messages Tekton ignored, a Pod other than the one the TaskRun names) go to standard error.',
    'Given a PipelineRun, its Pipeline (unless embedded) and the TaskRuns it owns (with their',
    'statuses), prints the PipelineRun with the status its controller would write: the Succeeded',
    'condition (running, succeeded, failed with the TaskRun that failed, timed out, cancelled),',
    'start and completion times, and status.taskRuns with each task\'s TaskRun and condition checks',
    '(a TaskRun it would create next appears with an empty status; see docs/status.md).',
  ],
  examples: [
    'taskpod status -f taskrun.yaml -f pod.yaml --now 2019-10-30T10:05:00Z',
    'kubectl get pod my-run-pod-abcde -o yaml | taskpod status -f taskrun.yaml -f - -o json',
    'taskpod status -f pipelinerun.yaml -f pipeline.yaml -f taskruns.yaml --now 2019-10-30T10:05:00Z',
  ],
  options: { ...commonOptions, now: { value: true } },
  run(options): CommandResult {
    const limits = limitsFrom(options);
    const format = outputFormat(options, ['yaml', 'json']);
    const now = nowOption(options);
    const read = readObjects(optList(options, 'file'), limits);
    if (E.isRight(read) && read.right.pipelineRuns.length > 0) {
      return E.map((r: PipelineRunStatusResult) => ({
        stdout: formatValue(PipelineRun.encode(r.pipelineRun), format === 'json' ? 'json' : 'yaml'),
        warnings: r.warnings.map(formatWarning),
      }))(pipelineRunLib().pipelineRunStatus(read.right, now));
    }
    return pipe(
      E.Do,
      E.bind('objects', () => read),
      E.bind('run', ({ objects }) => theTaskRun(objects)),
      E.bind('pod', ({ objects, run }) => thePod(objects, run.taskRun)),
      E.bind('defaults', ({ objects }) =>
        E.right(runDefaults(objects.configMaps.find((c) => c.metadata?.name === DEFAULTS_CONFIG_NAME && namespaceOf(c) === SYSTEM_NAMESPACE))),
      ),
      E.bind('result', ({ run, pod, defaults }) =>
        taskRunLib().taskRunStatus(run.taskRun, pod, now, { defaultTimeoutMinutes: Number(defaults.defaults.timeout / 60_000_000_000n) }),
      ),
      E.map(({ run, result, defaults }) => {
        const status = TaskRunStatus.encode(result.status);
        const out = run.raw !== undefined ? withField(run.raw, 'status', status) : TaskRun.encode({ ...run.taskRun, status: result.status });
        return { stdout: formatValue(out, format === 'json' ? 'json' : 'yaml'), warnings: [...defaults.warnings, ...result.warnings].map(formatWarning) };
      }),
    );
  },
};
