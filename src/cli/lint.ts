/**
 * `taskpod lint`: which sidecars would keep running after Tekton swaps in
 * the nop image (tektoncd/pipeline#1347); for a TaskRun, also the render's
 * other warnings (inputs Tekton ran as they are although doubtful).
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
import { admit, renderTaskRun } from '../render';
import { inputWarnings } from '../render-warnings';
import { resolveRun, theTaskRun } from '../resolve';
import { defaultTaskRun } from '../admission/defaults';
import { formatWarning, TaskpodWarning } from '../warnings';
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

/** What lint checks: the sidecars of each source, and the render's warnings other than the sidecars'. */
interface LintSources {
  readonly sources: readonly { readonly object: string; readonly sidecars: readonly Container[] }[];
  readonly warnings: readonly TaskpodWarning[];
}

/**
 * The render's warnings that do not depend on the sidecars (those lint
 * reports itself, in more detail): the inputs' warnings of the resolved run.
 */
function renderInputWarnings(objects: InputObjects): E.Either<TaskpodError, readonly TaskpodWarning[]> {
  return pipe(
    theTaskRun(objects),
    E.map((r) => ({ ...r, taskRun: defaultTaskRun(r.taskRun) })),
    E.chain((r) => resolveRun(objects, r)),
    E.chain(admit),
    E.map(inputWarnings),
  );
}

/** The sidecars to check: those of the TaskRun's Pod, or of each Task and ClusterTask; and of each Pod given. */
function sidecarSources(objects: InputObjects, config: Config): E.Either<TaskpodError, LintSources> {
  const out: { object: string; sidecars: readonly Container[] }[] = [];
  let warnings: readonly TaskpodWarning[] = [];
  const podSidecars = (containers: readonly Container[] | undefined) => (containers ?? []).filter((c) => !isStepName(c.name ?? ''));
  if (objects.taskRuns.length > 0) {
    const rendered = renderTaskRun(objects, { config });
    if (E.isLeft(rendered)) return rendered;
    const others = renderInputWarnings(objects);
    if (E.isLeft(others)) return others;
    warnings = others.right;
    const meta = rendered.right.pod.metadata;
    out.push({ object: `${objectLabel('Pod', meta?.namespace, meta?.name)} (rendered)`, sidecars: podSidecars(rendered.right.pod.spec?.containers) });
  } else {
    for (const t of objects.tasks) out.push({ object: objectLabel('Task', namespaceOf(t), t.metadata?.name), sidecars: t.spec?.sidecars ?? [] });
    for (const t of objects.clusterTasks) out.push({ object: objectLabel('ClusterTask', undefined, t.metadata?.name), sidecars: t.spec?.sidecars ?? [] });
  }
  for (const p of objects.pods) out.push({ object: objectLabel('Pod', namespaceOf(p), p.metadata?.name), sidecars: podSidecars(p.spec?.containers) });
  if (out.length === 0) return E.left(invalidInput('input', '', 'nothing to lint: no TaskRun, Task, ClusterTask or Pod found'));
  return E.right({ sources: out, warnings });
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
    'For a TaskRun, also prints the render\'s other warnings (as taskpod render does: inputs',
    'Tekton ran as they are although doubtful); in the text report, or on standard error with',
    '-o json and -o yaml. Exit status 1 when a sidecar would keep running.',
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
      E.bind('lint', ({ objects, config }) => sidecarSources(objects, config)),
      E.map(({ config, lint }) => {
        const nop = knownNopImage(config.images.nop, contains);
        const findings: LintFinding[] = lint.sources.flatMap((s) => checkSidecars(s.sidecars, nop, config.imageEntrypoints).map((c) => ({ object: s.object, ...c })));
        const atRisk = findings.some((f) => f.verdict === 'keeps-running');
        const warnings = lint.warnings.map(formatWarning);
        const stdout = format === 'text' ? textReport(findings, warnings, config.images.nop, nop !== undefined) : formatValue(findings, format === 'json' ? 'json' : 'yaml');
        return { stdout, ...(format !== 'text' && warnings.length > 0 ? { warnings } : {}), ...(atRisk ? { exitCode: 1 } : {}) };
      }),
    );
  },
};

function textReport(findings: readonly LintFinding[], warnings: readonly string[], nopImage: string, known: boolean): string {
  const problems = findings.filter((f) => f.verdict !== 'stops');
  const lines = problems.map((f) => `${f.object}: sidecar "${f.sidecar}": ${LABEL[f.verdict]}: ${f.reason}`);
  lines.push(...warnings.map((w) => `warning: ${w}`));
  const checked = `${findings.length} sidecar${findings.length === 1 ? '' : 's'} checked against the nop image ${nopImage}${known ? '' : ' (contents unknown)'}`;
  const risky = problems.filter((f) => f.verdict === 'keeps-running').length;
  const warned = warnings.length === 0 ? '' : `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`;
  if (risky === 0) lines.push(`${warned === '' ? 'ok: ' : ''}no sidecar would keep running${warned}; ${checked}`);
  else lines.push(`${risky} sidecar${risky === 1 ? '' : 's'} would keep running${warned}; ${checked}`);
  return `${lines.join('\n')}\n`;
}
