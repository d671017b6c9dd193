/**
 * `taskpod render`: the Pod of a TaskRun.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { renderTaskRun } from '../render';
import type { SidecarMode } from '../sidecars/native';
import { formatWarning } from '../warnings';
import { CommandResult, Command, commonOptions, limitsFrom, outputFormat } from './command';
import { formatValue, readConfig, readObjects } from './io';
import { optList, optString, ParsedOptions, UsageError } from './args';
import { nopContains } from './sidecar-io';

/** `--sidecars nop|native`. */
function sidecarMode(options: ParsedOptions): SidecarMode {
  const mode = optString(options, 'sidecars') ?? 'nop';
  if (mode !== 'nop' && mode !== 'native') throw new UsageError(`--sidecars takes nop or native, not "${mode}"`);
  return mode;
}

export const renderCommand: Command = {
  name: 'render',
  summary: 'print the Pod Tekton would create for a TaskRun',
  usage: 'taskpod render -f FILE [-f FILE ...] [--config FILE] [--sidecars nop|native] [--nop-contains PATH ...] [-o yaml|json]',
  description: [
    'Reads the TaskRun and what it uses (Task or ClusterTask, PipelineResources, the',
    'ServiceAccount and its Secrets, artifact ConfigMaps) from the files, and prints the',
    'Pod Tekton v1alpha1 (late 2019) would have created. FILE may be - for standard input.',
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
  ],
  options: { ...commonOptions, config: { value: true }, sidecars: { value: true }, 'nop-contains': { value: true, repeat: true } },
  run(options): CommandResult {
    const limits = limitsFrom(options);
    const format = outputFormat(options, ['yaml', 'json']);
    const sidecars = sidecarMode(options);
    const contains = nopContains(options);
    return pipe(
      E.Do,
      E.bind('objects', () => readObjects(optList(options, 'file'), limits)),
      E.bind('config', () => readConfig(optString(options, 'config'), limits)),
      E.chain(({ objects, config }) => renderTaskRun(objects, { config, sidecars, nopContains: contains })),
      E.map(({ pod, warnings }) => ({
        stdout: formatValue(pod, format === 'json' ? 'json' : 'yaml'),
        warnings: warnings.map(formatWarning),
      })),
    );
  },
};
