/**
 * `taskpod lint`: which sidecars would keep running after Tekton swaps in
 * the nop image (tektoncd/pipeline#1347).
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { invalidInput, objectLabel, TaskpodError } from '../errors';
import type { InputObjects } from '../input/objects';
import { namespaceOf } from '../input/objects';
import type { Config } from '../model/config';
import type { Container } from '../model/core';
import { renderPod } from '../render';
import { checkSidecars, knownNopImage, NopVerdict, SidecarNopCheck } from '../sidecars/nop-risk';
import { isStepName } from '../sidecars/pod';
import { optList, optString } from './args';
import { Command, CommandResult, commonOptions, limitsFrom, outputFormat } from './command';
import { formatValue, readConfig, readObjects } from './io';
import { nopContains } from './sidecar-io';

/** One finding of the lint: a sidecar of an object and its verdict. */
export interface LintFinding extends SidecarNopCheck {
  /** `TaskRun ns/name`'s Pod, `Task ns/name`, `ClusterTask name` or `Pod ns/name`. */
  readonly object: string;
}

/** The sidecars to check: those of the TaskRun's Pod, or of each Task and ClusterTask; and of each Pod given. */
function sidecarSources(objects: InputObjects, config: Config): E.Either<TaskpodError, readonly { readonly object: string; readonly sidecars: readonly Container[] }[]> {
  const out: { object: string; sidecars: readonly Container[] }[] = [];
  const podSidecars = (containers: readonly Container[] | undefined) => (containers ?? []).filter((c) => !isStepName(c.name ?? ''));
  if (objects.taskRuns.length > 0) {
    const pod = renderPod(objects, { config });
    if (E.isLeft(pod)) return pod;
    const meta = pod.right.metadata;
    out.push({ object: `${objectLabel('Pod', meta?.namespace, meta?.name)} (rendered)`, sidecars: podSidecars(pod.right.spec?.containers) });
  } else {
    for (const t of objects.tasks) out.push({ object: objectLabel('Task', namespaceOf(t), t.metadata?.name), sidecars: t.spec?.sidecars ?? [] });
    for (const t of objects.clusterTasks) out.push({ object: objectLabel('ClusterTask', undefined, t.metadata?.name), sidecars: t.spec?.sidecars ?? [] });
  }
  for (const p of objects.pods) out.push({ object: objectLabel('Pod', namespaceOf(p), p.metadata?.name), sidecars: podSidecars(p.spec?.containers) });
  if (out.length === 0) return E.left(invalidInput('input', '', 'nothing to lint: no TaskRun, Task, ClusterTask or Pod found'));
  return E.right(out);
}

const LABEL: Readonly<Record<NopVerdict, string>> = { 'keeps-running': 'keeps running', unknown: 'cannot tell', stops: 'stops' };

export const lintCommand: Command = {
  name: 'lint',
  summary: 'find sidecars that would keep running after the nop-image swap (tektoncd/pipeline#1347)',
  usage: 'taskpod lint -f FILE [-f FILE ...] [--config FILE] [--nop-contains PATH ...] [-o text|json|yaml]',
  description: [
    'Tekton stops a sidecar by swapping its image for the nop image (--config images.nop) and',
    'keeping its command. If the nop image contains that command, the sidecar runs again instead',
    'of stopping, and the TaskRun only ends at its timeout. Checks every sidecar: of the TaskRun\'s',
    'Pod when the input has a TaskRun, otherwise of every Task and ClusterTask, and of every Pod.',
    'Tekton\'s own nop image is known to hold only /ko-app/nop; for another nop image list the',
    'executables it contains with --nop-contains (absolute paths, repeatable).',
    'Exit status 1 when a sidecar would keep running.',
  ],
  examples: [
    'taskpod lint -f task.yaml',
    'taskpod lint -f input.yaml --config config.yaml --nop-contains /bin/sh --nop-contains /usr/bin/sleep',
    'taskpod lint -f task.yaml -o json',
  ],
  options: { ...commonOptions, config: { value: true }, 'nop-contains': { value: true, repeat: true } },
  run(options): CommandResult {
    const limits = limitsFrom(options);
    const format = outputFormat(options, ['text', 'json', 'yaml']);
    const contains = nopContains(options);
    return pipe(
      E.Do,
      E.bind('objects', () => readObjects(optList(options, 'file'), limits)),
      E.bind('config', () => readConfig(optString(options, 'config'), limits)),
      E.bind('sources', ({ objects, config }) => sidecarSources(objects, config)),
      E.map(({ config, sources }) => {
        const nop = knownNopImage(config.images.nop, contains);
        const findings: LintFinding[] = sources.flatMap((s) => checkSidecars(s.sidecars, nop, config.imageEntrypoints).map((c) => ({ object: s.object, ...c })));
        const atRisk = findings.some((f) => f.verdict === 'keeps-running');
        const stdout = format === 'text' ? textReport(findings, config.images.nop, nop !== undefined) : formatValue(findings, format === 'json' ? 'json' : 'yaml');
        return { stdout, ...(atRisk ? { exitCode: 1 } : {}) };
      }),
    );
  },
};

function textReport(findings: readonly LintFinding[], nopImage: string, known: boolean): string {
  const problems = findings.filter((f) => f.verdict !== 'stops');
  const lines = problems.map((f) => `${f.object}: sidecar "${f.sidecar}": ${LABEL[f.verdict]}: ${f.reason}`);
  const checked = `${findings.length} sidecar${findings.length === 1 ? '' : 's'} checked against the nop image ${nopImage}${known ? '' : ' (contents unknown)'}`;
  const risky = problems.filter((f) => f.verdict === 'keeps-running').length;
  lines.push(risky === 0 ? `ok: no sidecar would keep running; ${checked}` : `${risky} sidecar${risky === 1 ? '' : 's'} would keep running; ${checked}`);
  return `${lines.join('\n')}\n`;
}
