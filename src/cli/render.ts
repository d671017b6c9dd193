/**
 * `taskpod render`: the Pod of a TaskRun.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { renderPod } from '../render';
import { CommandResult, Command, commonOptions, limitsFrom, outputFormat } from './command';
import { formatValue, readConfig, readObjects } from './io';
import { optList, optString } from './args';

export const renderCommand: Command = {
  name: 'render',
  summary: 'print the Pod Tekton would create for a TaskRun',
  usage: 'taskpod render -f FILE [-f FILE ...] [--config FILE] [-o yaml|json]',
  description: [
    'Reads the TaskRun and what it uses (Task or ClusterTask, PipelineResources, the',
    'ServiceAccount and its Secrets, artifact ConfigMaps) from the files, and prints the',
    'Pod Tekton v1alpha1 (late 2019) would have created. FILE may be - for standard input.',
  ],
  examples: [
    'taskpod render -f fixtures/demo/input.yaml',
    'taskpod render -f taskrun.yaml -f task.yaml --config config.yaml -o json',
    'cat input.yaml | taskpod render -f -',
  ],
  options: { ...commonOptions, config: { value: true } },
  run(options): CommandResult {
    const limits = limitsFrom(options);
    const format = outputFormat(options, ['yaml', 'json']);
    return pipe(
      E.Do,
      E.bind('objects', () => readObjects(optList(options, 'file'), limits)),
      E.bind('config', () => readConfig(optString(options, 'config'), limits)),
      E.chain(({ objects, config }) => renderPod(objects, { config })),
      E.map((pod) => ({ stdout: formatValue(pod, format === 'json' ? 'json' : 'yaml') })),
    );
  },
};
