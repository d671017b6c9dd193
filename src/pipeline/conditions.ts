/**
 * Condition checks (resources/conditionresolution.go and
 * `makeConditionCheckContainer` in pipelinerun.go at 6c132b937e): each
 * Condition of a pipeline task becomes a TaskRun of its own, with the check
 * container as its one step, created before the task's TaskRun, which is
 * created only once every check has passed.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { refused, TaskpodError, objectLabel } from '../errors';
import { DEFAULT_IMAGES } from '../model/config';
import type { Step, TaskRun, TaskSpec } from '../model/tekton';
import { inputResourcePath, resourceFromType } from '../resources';
import { replaceInStep } from '../substitution';
import type { ResolvedCondition, ResolvedPipelineRun, ResolvedPipelineTask } from './resolve';
import { CONDITION_CHECK_LABEL, plainBindings, serviceAccountFor, taskRunLabels, taskRunMeta, taskRunTimeout } from './taskruns';

/** The name of a check step whose Condition leaves it unnamed: this prefix and the Condition's name. */
export const UNNAMED_CHECK_PREFIX = 'condition-check-';

/**
 * The TaskSpec a Condition becomes (ConditionToTaskSpec): its check
 * container as the only step (named `condition-check-<condition>` when
 * unnamed), its params and resources as inputs, `$(params.x)` rewritten to
 * `$(inputs.params.x)`, and `$(resources.r.field)` replaced by the bound
 * resource's field (`path` by where the input lands).
 *
 * @example
 * ```ts
 * conditionTaskSpec(resolved);
 * // Right({ inputs: { params: [{ name: 'path' }] }, steps: [{ name: 'condition-check-file-exists', image: 'alpine', ... }] })
 * ```
 *
 * @public
 */
export function conditionTaskSpec(rc: ResolvedCondition, namespace: string): E.Either<TaskpodError, TaskSpec> {
  const name = rc.condition.metadata?.name ?? '';
  const spec = rc.condition.spec ?? {};
  const check = spec.check ?? {};
  const step: Step = { ...check, name: (check.name ?? '') !== '' ? check.name : `${UNNAMED_CHECK_PREFIX}${name}` };
  const params = new Map((spec.params ?? []).map((p) => [`params.${p.name ?? ''}`, `$(inputs.params.${p.name ?? ''})`]));
  const resources = new Map<string, string>();
  for (const declared of spec.resources ?? []) {
    const bound = rc.resources.find((b) => b.name === (declared.name ?? ''));
    if (bound === undefined) continue;
    const resource = resourceFromType(bound.bound.resource, DEFAULT_IMAGES);
    if (E.isLeft(resource)) {
      return E.left(refused(objectLabel('Condition', namespace, name), `spec.resources`, `Failed to get TaskSpec from Condition: resource "${declared.name ?? ''}": ${resource.left}`));
    }
    for (const [k, v] of resource.right.replacements) resources.set(`resources.${declared.name ?? ''}.${k}`, v);
    resources.set(`resources.${declared.name ?? ''}.path`, inputResourcePath(declared));
  }
  const substituted = replaceInStep(replaceInStep(step, params, new Map()), resources, new Map());
  const declaredResources = (spec.resources ?? []).map((r) => ({ ...r }));
  const hasInputs = declaredResources.length > 0 || (spec.params ?? []).length > 0;
  return E.right({
    ...(hasInputs
      ? { inputs: { ...(declaredResources.length > 0 ? { resources: declaredResources } : {}), ...((spec.params ?? []).length > 0 ? { params: spec.params } : {}) } }
      : {}),
    steps: [substituted],
  });
}

/**
 * The condition-check TaskRun of one condition of a pipeline task: labelled
 * like the task's TaskRun plus `tekton.dev/conditionCheck`, the Condition as
 * its `taskSpec`, the condition's own params (DEVIATIONS.md item 12: Tekton
 * gave every check of a task the params of its last condition) and its
 * resources in declaration order (item 10), no outputs.
 *
 * @example
 * ```ts
 * conditionCheckRun(run, task, task.conditions[0], 'ci-1-build-x7kq2-file-exists-b4c5d');
 * ```
 *
 * @public
 */
export function conditionCheckRun(run: ResolvedPipelineRun, task: ResolvedPipelineTask, rc: ResolvedCondition, name: string): E.Either<TaskpodError, TaskRun> {
  return E.map((taskSpec: TaskSpec): TaskRun => {
    const labels = { ...taskRunLabels(run, task.task.name ?? ''), [CONDITION_CHECK_LABEL]: name };
    const bindings = plainBindings(rc.resources);
    const params = rc.guard.params ?? [];
    const podTemplate = run.pipelineRun.spec?.podTemplate;
    return {
      kind: 'TaskRun',
      apiVersion: 'tekton.dev/v1alpha1',
      metadata: taskRunMeta(run, name, labels),
      spec: {
        ...(bindings.length > 0 || params.length > 0
          ? { inputs: { ...(bindings.length > 0 ? { resources: bindings } : {}), ...(params.length > 0 ? { params } : {}) } }
          : {}),
        serviceAccountName: serviceAccountFor(run.pipelineRun, task.task.name ?? ''),
        taskSpec,
        timeout: taskRunTimeout(run.pipelineRun),
        ...(podTemplate !== undefined && Object.keys(podTemplate).length > 0 ? { podTemplate } : {}),
      },
    };
  })(conditionTaskSpec(rc, run.namespace));
}
