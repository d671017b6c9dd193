/**
 * The Pod's metadata (Tekton's makeLabels, makeAnnotations and the owner
 * reference to the TaskRun).
 *
 * @packageDocumentation
 */
import type { ObjectMeta, OwnerReference } from '../model/core';
import { defineField } from '../model/struct';
import { READY_ANNOTATION } from './constants';

/** The label every Tekton Pod carries, unless the TaskRun overrides it. */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
/** Its default value. */
export const MANAGED_BY_VALUE = 'tekton-pipelines';
/** The label naming the TaskRun; the TaskRun cannot override it. */
export const TASKRUN_LABEL = 'tekton.dev/taskRun';

/**
 * Labels: managed-by first (a TaskRun label may override it), then the
 * TaskRun's labels, then `tekton.dev/taskRun` (which always wins).
 *
 * @example
 * ```ts
 * podLabels('run', { app: 'web' }); // { 'app.kubernetes.io/managed-by': 'tekton-pipelines', app: 'web', 'tekton.dev/taskRun': 'run' }
 * ```
 *
 * @public
 */
export function podLabels(taskRunName: string, taskRunLabels: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  defineField(out, MANAGED_BY_LABEL, MANAGED_BY_VALUE);
  for (const k of Object.keys(taskRunLabels)) defineField(out, k, taskRunLabels[k]);
  defineField(out, TASKRUN_LABEL, taskRunName);
  return out;
}

/**
 * Annotations: the TaskRun's, plus `tekton.dev/ready: ""` (which always wins).
 *
 * @example
 * ```ts
 * podAnnotations({ a: 'b' }); // { a: 'b', 'tekton.dev/ready': '' }
 * ```
 *
 * @public
 */
export function podAnnotations(taskRunAnnotations: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(taskRunAnnotations)) defineField(out, k, taskRunAnnotations[k]);
  defineField(out, READY_ANNOTATION, '');
  return out;
}

/** The controller reference from the Pod to its TaskRun. */
export function taskRunOwnerReference(taskRunName: string, uid: string | undefined): OwnerReference {
  return {
    apiVersion: 'tekton.dev/v1alpha1',
    kind: 'TaskRun',
    name: taskRunName,
    uid: uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The Pod's whole metadata. */
export function podMetadata(
  name: string,
  namespace: string,
  taskRun: { readonly name: string; readonly uid?: string; readonly labels: Readonly<Record<string, string>>; readonly annotations: Readonly<Record<string, string>> },
): ObjectMeta {
  return {
    name,
    namespace,
    labels: podLabels(taskRun.name, taskRun.labels),
    annotations: podAnnotations(taskRun.annotations),
    ownerReferences: [taskRunOwnerReference(taskRun.name, taskRun.uid)],
  };
}
