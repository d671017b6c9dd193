/**
 * Sorting a stream of Kubernetes objects into what a render needs, decoding
 * each known kind (a malformed one is refused, naming it and the field);
 * unknown kinds are ignored.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { invalidInput, objectLabel, TaskpodError } from '../errors';
import { ConfigMap, Pod, Secret, ServiceAccount } from '../model/core';
import { Condition, Pipeline, PipelineRun } from '../model/pipeline';
import { PipelineResource, Task, TaskRun } from '../model/tekton';
import { decodeAs } from './decode';
import { asGoDecoded, nonFinitePath } from './go-json';

/**
 * The namespace of an object that does not name one (kubectl's default).
 *
 * @example
 * ```ts
 * objectLabel('Task', DEFAULT_NAMESPACE, 'build'); // 'Task default/build'
 * ```
 *
 * @public
 */
export const DEFAULT_NAMESPACE = 'default';

/**
 * The objects of an input stream, by kind, in stream order.
 *
 * @example
 * ```ts
 * const objects = collectObjects(docs, (i) => `document ${i + 1}`);
 * if (E.isRight(objects)) objects.right.taskRuns.length; // 1
 * ```
 *
 * @public
 */
export interface InputObjects {
  readonly taskRuns: readonly TaskRun[];
  readonly tasks: readonly Task[];
  readonly clusterTasks: readonly Task[];
  readonly pipelineResources: readonly PipelineResource[];
  readonly serviceAccounts: readonly ServiceAccount[];
  readonly secrets: readonly Secret[];
  readonly configMaps: readonly ConfigMap[];
  readonly pods: readonly Pod[];
  /**
   * The same Pods as given, raw JSON in the order of `pods` (the 1.12 codec
   * drops newer fields; updates of a live Pod start from these).
   */
  readonly rawPods?: readonly Readonly<Record<string, unknown>>[];
  /**
   * The same TaskRuns as given, raw JSON in the order of `taskRuns` (a
   * status update keeps every field of the object it updates).
   */
  readonly rawTaskRuns?: readonly Readonly<Record<string, unknown>>[];
  /** PipelineRuns. */
  readonly pipelineRuns: readonly PipelineRun[];
  /** Pipelines. */
  readonly pipelines: readonly Pipeline[];
  /** Conditions. */
  readonly conditions: readonly Condition[];
}

/**
 * No objects.
 *
 * @example
 * ```ts
 * const objects: InputObjects = { ...EMPTY_OBJECTS, taskRuns: [taskRun] };
 * ```
 *
 * @public
 */
export const EMPTY_OBJECTS: InputObjects = {
  taskRuns: [],
  tasks: [],
  clusterTasks: [],
  pipelineResources: [],
  serviceAccounts: [],
  secrets: [],
  configMaps: [],
  pods: [],
  pipelineRuns: [],
  pipelines: [],
  conditions: [],
};

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u);

function labelOf(doc: Record<string, unknown>, kind: string, where: string): string {
  const meta = isRecord(doc.metadata) ? doc.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : typeof meta.generateName === 'string' ? `${meta.generateName}*` : undefined;
  const ns = typeof meta.namespace === 'string' ? meta.namespace : undefined;
  return name === undefined ? `${kind} (${where})` : objectLabel(kind, ns, name);
}

type Mutable = { -readonly [K in keyof InputObjects]-?: NonNullable<InputObjects[K]>[number][] };

/**
 * `doc` decoded as Go decoded it into `codec`'s type. A float that JSON
 * cannot hold (`.inf`, `.nan`) anywhere but in a string field made
 * sigs.k8s.io/yaml fail on the whole document.
 */
function decodeGo<A, O>(codec: t.Type<A, O, unknown>, doc: unknown, label: string): E.Either<TaskpodError, A> {
  const converted = asGoDecoded(doc, codec);
  const bad = nonFinitePath(converted);
  if (bad !== undefined) return E.left(invalidInput(label, bad.path, `json: unsupported value: ${bad.text} (YAML's .inf and .nan fit only string fields)`));
  return decodeAs(codec, converted, label);
}

/**
 * Sorts and decodes documents. `where` names each document for errors
 * (e.g. `input.yaml, document 2`). A `List` (kind `List` or `*List` with
 * `items`) contributes its items.
 *
 * @example
 * ```ts
 * collectObjects([{ kind: 'TaskRun', metadata: { name: 'r' }, spec: {} }], (i) => `document ${i + 1}`);
 * ```
 *
 * @public
 */
export function collectObjects(docs: readonly unknown[], where: (index: number) => string): E.Either<TaskpodError, InputObjects> {
  const out: Mutable = { taskRuns: [], tasks: [], clusterTasks: [], pipelineResources: [], serviceAccounts: [], secrets: [], configMaps: [], pods: [], rawPods: [], rawTaskRuns: [], pipelineRuns: [], pipelines: [], conditions: [] };
  const queue: { readonly doc: unknown; readonly where: string }[] = docs.map((doc, i) => ({ doc, where: where(i) }));
  for (let qi = 0; qi < queue.length; qi++) {
    const { doc, where: w } = queue[qi]!;
    if (doc === null || doc === undefined) continue;
    if (!isRecord(doc)) return E.left(invalidInput(w, '', 'expected a Kubernetes object (a mapping with apiVersion and kind)'));
    const kind = typeof doc.kind === 'string' ? doc.kind : undefined;
    if (kind === undefined) return E.left(invalidInput(w, 'kind', 'missing: every object needs a kind'));
    if ((kind === 'List' || kind.endsWith('List')) && Array.isArray(doc.items)) {
      doc.items.forEach((item, i) => queue.push({ doc: item, where: `${w}, items[${i}]` }));
      continue;
    }
    const label = labelOf(doc, kind, w);
    const decoded = (() => {
      switch (kind) {
        case 'TaskRun':
          return E.map((x: TaskRun) => {
            out.taskRuns.push(x);
            return out.rawTaskRuns.push(doc);
          })(decodeGo(TaskRun, doc, label));
        case 'Task':
          return E.map((x: Task) => out.tasks.push(x))(decodeGo(Task, doc, label));
        case 'ClusterTask':
          return E.map((x: Task) => out.clusterTasks.push(x))(decodeGo(Task, doc, label));
        case 'PipelineResource':
          return E.map((x: PipelineResource) => out.pipelineResources.push(x))(decodeGo(PipelineResource, doc, label));
        case 'ServiceAccount':
          return E.map((x: ServiceAccount) => out.serviceAccounts.push(x))(decodeGo(ServiceAccount, doc, label));
        case 'Secret':
          return E.map((x: Secret) => out.secrets.push(x))(decodeGo(Secret, doc, label));
        case 'ConfigMap':
          return E.map((x: ConfigMap) => out.configMaps.push(x))(decodeGo(ConfigMap, doc, label));
        case 'Pod':
          return E.map((x: Pod) => {
            out.pods.push(x);
            return out.rawPods.push(doc);
          })(decodeGo(Pod, doc, label));
        case 'PipelineRun':
          return E.map((x: PipelineRun) => out.pipelineRuns.push(x))(decodeGo(PipelineRun, doc, label));
        case 'Pipeline':
          return E.map((x: Pipeline) => out.pipelines.push(x))(decodeGo(Pipeline, doc, label));
        case 'Condition':
          return E.map((x: Condition) => out.conditions.push(x))(decodeGo(Condition, doc, label));
        default:
          return E.right(0);
      }
    })();
    if (E.isLeft(decoded)) return decoded;
  }
  return E.right(out);
}

/**
 * Objects of two streams together (e.g. several `-f` files).
 *
 * @example
 * ```ts
 * const all = concatObjects(fromTaskRunFile, fromTaskFile); // as with -f run.yaml -f task.yaml
 * ```
 *
 * @public
 */
export function concatObjects(a: InputObjects, b: InputObjects): InputObjects {
  return {
    taskRuns: [...a.taskRuns, ...b.taskRuns],
    tasks: [...a.tasks, ...b.tasks],
    clusterTasks: [...a.clusterTasks, ...b.clusterTasks],
    pipelineResources: [...a.pipelineResources, ...b.pipelineResources],
    serviceAccounts: [...a.serviceAccounts, ...b.serviceAccounts],
    secrets: [...a.secrets, ...b.secrets],
    configMaps: [...a.configMaps, ...b.configMaps],
    pods: [...a.pods, ...b.pods],
    rawPods: [...(a.rawPods ?? []), ...(b.rawPods ?? [])],
    rawTaskRuns: [...(a.rawTaskRuns ?? []), ...(b.rawTaskRuns ?? [])],
    pipelineRuns: [...a.pipelineRuns, ...b.pipelineRuns],
    pipelines: [...a.pipelines, ...b.pipelines],
    conditions: [...a.conditions, ...b.conditions],
  };
}

/** The namespace of an object, `default` when unset. */
export function namespaceOf(o: { readonly metadata?: { readonly namespace?: string } }): string {
  const ns = o.metadata?.namespace;
  return ns === undefined || ns === '' ? DEFAULT_NAMESPACE : ns;
}
