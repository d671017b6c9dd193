/**
 * `taskpod explain`: why each container, volume and env var of the Pod is
 * there, as text, a Mermaid diagram, or data (JSON/YAML).
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { formatPipelineExplanation } from '../explain/pipeline';
import { formatWarning } from '../warnings';
import { optList, optString, UsageError } from './args';
import { Command, CommandResult, commonOptions, limitsFrom, outputFormat } from './command';
import { formatValue, readInputs } from './io';
import { isPipelineRunInput } from '../input/objects';
import { checkOutcomeNames, outcomeOptions, outcomesOption, timeOption } from './outcomes';
import { nopContains, sidecarMode } from './sidecar-io';

// The explanations are loaded when the command runs, not when the CLI
// starts (docs/performance.md).
const explainLib = (): typeof import('../explain') => require('../explain') as typeof import('../explain');
const pipelineLib = (): typeof import('../explain/pipeline') => require('../explain/pipeline') as typeof import('../explain/pipeline');

/** The `explain` command. */
export const explainCommand: Command = {
  name: 'explain',
  summary: 'show what made each container of the Pod, its wait/post files, mounts and volumes',
  usage:
    'taskpod explain -f FILE [-f FILE ...] [--config FILE] [--fail TASK[:N] ...] [--fail-condition TASK/CONDITION ...] [--now TIME] [--sidecars nop|native] [--nop-contains PATH ...] [-o text|mermaid|json|yaml]',
  description: [
    'Renders the Pod as taskpod render does and explains it: each container in the order it',
    'runs (init containers, then the steps, then the sidecars) with what made it (a step of the',
    'Task, the credential or working-dir initializer, script placement, a resource download or',
    'upload, an artifact copy, a sidecar, place-tools), the files its entrypoint waits for and',
    'writes, its mounts and where its env vars came from; then each volume and who mounts it.',
    '-o mermaid prints a flowchart for a ```mermaid block (GitHub renders it); -o json and',
    '-o yaml print the same explanation as data. The render\'s warnings (as taskpod render',
    'prints them) end the text and are the data\'s "warnings"; with -o mermaid they go to',
    'standard error.',
    'Given a PipelineRun (and no TaskRun), explains the run as a graph instead: its tasks in the',
    'waves the controller created them in, with their TaskRuns, Pods and condition checks, the',
    'runAfter and from edges, and each resource passed between tasks with the /pvc (or bucket)',
    'path it travels through. --fail, --fail-condition and --now (as for taskpod render) play',
    'a what-if run: the graph marks failed, skipped and never-run tasks.',
  ],
  examples: [
    'taskpod explain -f fixtures/demo/input.yaml',
    'taskpod explain -f fixtures/demo/input.yaml -o mermaid',
    'taskpod explain -f taskrun.yaml -f task.yaml --config config.yaml -o json',
    'taskpod explain -f pipelinerun.yaml -o mermaid',
  ],
  options: { ...commonOptions, ...outcomeOptions, config: { value: true }, sidecars: { value: true }, 'nop-contains': { value: true, repeat: true } },
  run(options): CommandResult {
    const limits = limitsFrom(options);
    const format = outputFormat(options, ['text', 'mermaid', 'json', 'yaml']);
    const sidecars = sidecarMode(options);
    const contains = nopContains(options);
    const files = readInputs(optList(options, 'file'), optString(options, 'config'), limits);
    if (E.isRight(files) && isPipelineRunInput(files.right.objects)) {
      const { objects, config } = files.right;
      const outcomes = outcomesOption(options);
      const now = timeOption(options);
      return E.map((x: Parameters<typeof formatPipelineExplanation>[0]) => {
        if (outcomes !== undefined) checkOutcomeNames(outcomes, x.tasks.map((t) => ({ name: t.name, conditions: t.conditions.map((c) => c.condition) })));
        return {
          stdout:
            format === 'mermaid' ? pipelineLib().pipelineExplanationMermaid(x) : format === 'text' ? pipelineLib().formatPipelineExplanation(x) : formatValue(x, format === 'json' ? 'json' : 'yaml'),
          warnings: format === 'mermaid' ? x.warnings.map(formatWarning) : [],
        };
      })(
        pipelineLib().explainPipelineRunRender(objects, { config, sidecars, nopContains: contains, ...(outcomes !== undefined ? { outcomes } : {}), ...(now !== undefined ? { now } : {}) }),
      );
    }
    if (outcomesOption(options) !== undefined || timeOption(options) !== undefined) {
      throw new UsageError('--fail, --fail-condition and --now are for a PipelineRun (and no TaskRun) in the input');
    }
    return pipe(
      files,
      E.chain(({ objects, config }) => explainLib().explainRender(objects, { config, sidecars, nopContains: contains })),
      E.map((x) => ({
        stdout:
          format === 'mermaid' ? explainLib().explanationMermaid(x) : format === 'text' ? explainLib().formatExplanation(x) : formatValue(x, format === 'json' ? 'json' : 'yaml'),
        ...(format === 'mermaid' ? { warnings: (x.warnings ?? []).map(formatWarning) } : {}),
      })),
    );
  },
};
