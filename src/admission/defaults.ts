/**
 * The defaults Tekton's webhook (and the reconciler's re-defaulting) set
 * before a TaskSpec is used: param types, the default output image dir,
 * the taskRef kind.
 *
 * @packageDocumentation
 */
import type { ParamSpec, TaskRun, TaskSpec } from '../model/tekton';

/** The default directory of image outputs. */
export const TASK_OUTPUT_IMAGE_DEFAULT_DIR = '/builder/home/image-outputs';

/** A param's type: given, else the default value's, else `string`. */
export function defaultParamSpec(p: ParamSpec): ParamSpec {
  if (p.type !== undefined && p.type !== '') return p;
  const type = p.default === undefined ? 'string' : typeof p.default === 'string' ? 'string' : 'array';
  return { ...p, type };
}

/**
 * A TaskSpec with Tekton's defaults.
 *
 * @example
 * ```ts
 * defaultTaskSpec({ outputs: { resources: [{ name: 'img', type: 'image' }] } }).outputs?.resources?.[0]?.outputImageDir;
 * // '/builder/home/image-outputs/img'
 * ```
 *
 * @public
 */
export function defaultTaskSpec(spec: TaskSpec): TaskSpec {
  const outputs = spec.outputs;
  const inputs = spec.inputs;
  return {
    ...spec,
    ...(outputs?.resources !== undefined
      ? {
          outputs: {
            ...outputs,
            resources: outputs.resources.map((o) =>
              o.type === 'image' && (o.outputImageDir === undefined || o.outputImageDir === '')
                ? { ...o, outputImageDir: `${TASK_OUTPUT_IMAGE_DEFAULT_DIR}/${o.name ?? ''}` }
                : o,
            ),
          },
        }
      : {}),
    ...(inputs?.params !== undefined ? { inputs: { ...inputs, params: inputs.params.map(defaultParamSpec) } } : {}),
  };
}

/**
 * A TaskRun with Tekton's defaults (taskRef kind, embedded taskSpec, and
 * `config-defaults`' `default-service-account` for an empty
 * `serviceAccountName`, even when the deprecated `serviceAccount` names
 * one, which it then overrides, as the webhook did).
 *
 * @example
 * ```ts
 * defaultTaskRun({ spec: { taskRef: { name: 'build' } } }).spec?.taskRef?.kind; // 'Task'
 * ```
 *
 * @public
 */
export function defaultTaskRun(tr: TaskRun, defaults: { readonly serviceAccount: string } = { serviceAccount: '' }): TaskRun {
  const spec = tr.spec ?? {};
  return {
    ...tr,
    spec: {
      ...spec,
      ...((spec.serviceAccountName ?? '') === '' && defaults.serviceAccount !== '' ? { serviceAccountName: defaults.serviceAccount } : {}),
      ...(spec.taskRef !== undefined && (spec.taskRef.kind === undefined || spec.taskRef.kind === '') ? { taskRef: { ...spec.taskRef, kind: 'Task' } } : {}),
      ...(spec.taskSpec !== undefined ? { taskSpec: defaultTaskSpec(spec.taskSpec) } : {}),
    },
  };
}
