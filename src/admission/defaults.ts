/**
 * The defaults Tekton's webhook (and the reconciler's re-defaulting) set
 * before a TaskSpec is used: param types, the default output image dir,
 * the taskRef kind.
 *
 * @packageDocumentation
 */
import { withField } from '../model/struct';
import type { ParamSpec, TaskResource, TaskRun, TaskRunSpec, TaskSpec } from '../model/tekton';
import { mapChanged, Writable } from '../util';

/** The default directory of image outputs. */
export const TASK_OUTPUT_IMAGE_DEFAULT_DIR = '/builder/home/image-outputs';

const NO_RUN_DEFAULTS = { serviceAccount: '' } as const;

/** A param's type: given, else the default value's, else `string`. */
export function defaultParamSpec(p: ParamSpec): ParamSpec {
  if (p.type !== undefined && p.type !== '') return p;
  const type = p.default === undefined ? 'string' : typeof p.default === 'string' ? 'string' : 'array';
  return withField(p, 'type', type);
}

function defaultOutputResource(o: TaskResource): TaskResource {
  return o.type === 'image' && (o.outputImageDir === undefined || o.outputImageDir === '') ? withField(o, 'outputImageDir', `${TASK_OUTPUT_IMAGE_DEFAULT_DIR}/${o.name ?? ''}`) : o;
}

/**
 * A TaskSpec with Tekton's defaults. Parts no default applies to are
 * shared with `spec` (`spec` itself when none applies), as nothing is ever
 * changed in place.
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
  const outputResources = outputs?.resources !== undefined ? mapChanged(outputs.resources, defaultOutputResource, undefined) : undefined;
  const params = inputs?.params !== undefined ? mapChanged(inputs.params, defaultParamSpec, undefined) : undefined;
  if (outputResources === outputs?.resources && params === inputs?.params) return spec;
  // Set in a copy, each key keeps its place, as a spread would.
  const out: Writable<TaskSpec> = { ...spec };
  if (outputResources !== outputs?.resources) out.outputs = { ...outputs, resources: outputResources };
  if (params !== inputs?.params) out.inputs = { ...inputs, params };
  return out;
}

/**
 * A TaskRun with Tekton's defaults (taskRef kind, embedded taskSpec, and
 * `config-defaults`' `default-service-account` for an empty
 * `serviceAccountName`, even when the deprecated `serviceAccount` names
 * one, which it then overrides, as the webhook did). The TaskRun itself
 * when no default applies to a TaskRun with a spec.
 *
 * @example
 * ```ts
 * defaultTaskRun({ spec: { taskRef: { name: 'build' } } }).spec?.taskRef?.kind; // 'Task'
 * ```
 *
 * @public
 */
export function defaultTaskRun(tr: TaskRun, defaults: { readonly serviceAccount: string } = NO_RUN_DEFAULTS): TaskRun {
  const spec = tr.spec ?? {};
  const serviceAccount = (spec.serviceAccountName ?? '') === '' && defaults.serviceAccount !== '';
  const taskRef = spec.taskRef !== undefined && (spec.taskRef.kind === undefined || spec.taskRef.kind === '');
  const taskSpec = spec.taskSpec !== undefined ? defaultTaskSpec(spec.taskSpec) : undefined;
  if (tr.spec !== undefined && !serviceAccount && !taskRef && taskSpec === spec.taskSpec) return tr;
  // Set in a copy, each key keeps its place, as a spread would.
  const out: Writable<TaskRunSpec> = serviceAccount ? withField(spec, 'serviceAccountName', defaults.serviceAccount) : { ...spec };
  if (taskRef) out.taskRef = withField(spec.taskRef!, 'kind', 'Task');
  if (taskSpec !== undefined) out.taskSpec = taskSpec;
  return { ...tr, spec: out };
}
