/**
 * `taskpod render`: the Pod of a TaskRun.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { Pod } from '../model/core';
import { renderPod } from '../render';
import type { SidecarMode } from '../sidecars/native';
import { checkSidecars, knownNopImage, nopWarnings } from '../sidecars/nop-risk';
import { isStepName } from '../sidecars/pod';
import { CommandResult, Command, commonOptions, limitsFrom, outputFormat } from './command';
import { formatValue, readConfig, readObjects } from './io';
import { optList, optString, ParsedOptions, UsageError } from './args';
import { nopContains } from './sidecar-io';
import { renderEach } from './each';

/** `--sidecars nop|native`. */
function sidecarMode(options: ParsedOptions): SidecarMode {
  const mode = optString(options, 'sidecars') ?? 'nop';
  if (mode !== 'nop' && mode !== 'native') throw new UsageError(`--sidecars takes nop or native, not "${mode}"`);
  return mode;
}

/** The sidecars of a rendered Pod: its containers that are not steps. */
function podSidecars(pod: Pod) {
  return (pod.spec?.containers ?? []).filter((c) => !isStepName(c.name ?? ''));
}

export const renderCommand: Command = {
  name: 'render',
  summary: 'print the Pod Tekton would create for a TaskRun',
  usage:
    'taskpod render -f FILE [-f FILE ...] [--config FILE] [--sidecars nop|native] [--nop-contains PATH ...] [-o yaml|json] (or --each PATH... [--out-dir DIR] [--check] in place of -f)',
  description: [
    'Reads the TaskRun and what it uses (Task or ClusterTask, PipelineResources, the',
    'ServiceAccount and its Secrets, artifact ConfigMaps) from the files, and prints the',
    'Pod Tekton v1alpha1 (late 2019) would have created. FILE may be - for standard input.',
    '--sidecars native renders the sidecars as Kubernetes native sidecars (init containers with',
    'restartPolicy: Always, Kubernetes 1.29+), which Kubernetes stops itself: an opt-in departure',
    'from Tekton that avoids the nop-image swap. With the default (nop), warns about sidecars that',
    'would keep running after the swap (see taskpod lint; --nop-contains lists what an',
    'operator\'s nop image contains).',
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
    'taskpod render --each fixtures/              # (re)write fixtures/*/pod.yaml',
    'taskpod render --each fixtures/ --check      # CI: fail with a diff when a result changed',
    'taskpod render --each cases/ -o json --out-dir /tmp/pods',
  ],
  options: {
    ...commonOptions,
    config: { value: true },
    sidecars: { value: true },
    'nop-contains': { value: true, repeat: true },
    each: { value: false },
    check: { value: false },
    'out-dir': { value: true },
  },
  operands: (options) => options.each === true,
  run(options, context): CommandResult {
    if (options.each === true) return renderEach(options, context?.operands ?? [], context ?? { stderr: () => undefined }, renderOnce);
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
  return pipe(
    E.Do,
    E.bind('objects', () => readObjects(optList(options, 'file'), limits)),
    E.bind('config', () => readConfig(optString(options, 'config'), limits)),
    E.bind('pod', ({ objects, config }) => renderPod(objects, { config, sidecars })),
    E.map(({ pod, config }) => ({
      stdout: formatValue(pod, format === 'json' ? 'json' : 'yaml'),
      warnings: sidecars === 'native' ? [] : nopWarnings(checkSidecars(podSidecars(pod), knownNopImage(config.images.nop, contains), config.imageEntrypoints)),
    })),
  );
}
