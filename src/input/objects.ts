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
import { asGoDecoded, nonFinitePath, UnknownField } from './go-json';
import { unknownFieldError } from './unknown-fields';

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
 * How a kind was read in the cluster of that time. Tekton's webhook
 * decoded its own kinds strictly (knative.dev/pkg's admission controller
 * with `DisallowUnknownFields`, the whole object: metadata, spec and
 * status), so an unknown field anywhere was refused; the API server of
 * that time dropped the unknown fields of core kinds, and Tekton's
 * controller read them leniently.
 */
export type Reading = 'strict' | 'lenient';

/** How one kind is decoded and where it goes. */
interface KindReader {
  readonly reading: Reading;
  readonly codec: t.Mixed;
  readonly read: (doc: Record<string, unknown>, label: string, out: Mutable) => E.Either<TaskpodError, unknown>;
}

function reader<A, O>(reading: Reading, codec: t.Type<A, O, unknown>, add: (out: Mutable, x: A, doc: Record<string, unknown>) => void): KindReader {
  return {
    reading,
    codec,
    read: (doc, label, out) => E.map((x: A) => add(out, x, doc))(decodeGo(codec, doc, label, reading)),
  };
}

/** A kind of tekton.dev, admitted by Tekton's webhook: unknown fields refused at any depth. */
const tekton = <A, O>(codec: t.Type<A, O, unknown>, add: (out: Mutable, x: A, doc: Record<string, unknown>) => void) => reader('strict', codec, add);
/** A core kind, stored by the API server: unknown fields dropped. */
const core = <A, O>(codec: t.Type<A, O, unknown>, add: (out: Mutable, x: A, doc: Record<string, unknown>) => void) => reader('lenient', codec, add);

/** Every kind taskpod reads; any other kind is ignored. The one place where a kind's reading is chosen. */
const KINDS: ReadonlyMap<string, KindReader> = new Map([
  [
    'TaskRun',
    tekton(TaskRun, (o, x, doc) => {
      o.taskRuns.push(x);
      o.rawTaskRuns.push(doc);
    }),
  ],
  ['Task', tekton(Task, (o, x) => o.tasks.push(x))],
  ['ClusterTask', tekton(Task, (o, x) => o.clusterTasks.push(x))],
  ['PipelineResource', tekton(PipelineResource, (o, x) => o.pipelineResources.push(x))],
  ['PipelineRun', tekton(PipelineRun, (o, x) => o.pipelineRuns.push(x))],
  ['Pipeline', tekton(Pipeline, (o, x) => o.pipelines.push(x))],
  ['Condition', tekton(Condition, (o, x) => o.conditions.push(x))],
  ['ServiceAccount', core(ServiceAccount, (o, x) => o.serviceAccounts.push(x))],
  ['Secret', core(Secret, (o, x) => o.secrets.push(x))],
  ['ConfigMap', core(ConfigMap, (o, x) => o.configMaps.push(x))],
  [
    'Pod',
    core(Pod, (o, x, doc) => {
      o.pods.push(x);
      o.rawPods.push(doc);
    }),
  ],
]);

/**
 * How `kind` is read: its codec and whether unknown fields are refused;
 * `undefined` for a kind taskpod ignores. (For tests that hold the codecs
 * against Go's types.)
 */
export function kindReading(kind: string): { readonly codec: t.Mixed; readonly reading: Reading } | undefined {
  const r = KINDS.get(kind);
  return r === undefined ? undefined : { codec: r.codec, reading: r.reading };
}

/**
 * `doc` decoded as Go decoded it into `codec`'s type. A float that JSON
 * cannot hold (`.inf`, `.nan`) anywhere but in a string field made
 * sigs.k8s.io/yaml fail on the whole document (before any decoding); then,
 * read strictly, a field the Go type does not have is refused.
 */
function decodeGo<A, O>(codec: t.Type<A, O, unknown>, doc: unknown, label: string, reading: Reading): E.Either<TaskpodError, A> {
  const unknown: UnknownField[] | undefined = reading === 'strict' ? [] : undefined;
  const converted = asGoDecoded(doc, codec, unknown);
  const bad = nonFinitePath(converted);
  if (bad !== undefined) return E.left(invalidInput(label, bad.path, `json: unsupported value: ${bad.text} (YAML's .inf and .nan fit only string fields)`));
  if (unknown !== undefined && unknown.length > 0) return E.left(unknownFieldError(label, unknown as [UnknownField, ...UnknownField[]]));
  return decodeAs(codec, converted, label);
}

/**
 * Sorts and decodes documents. `where` names each document for errors
 * (e.g. `input.yaml, document 2`). A `List` (kind `List` or `*List` with
 * `items`) contributes its items.
 *
 * Tekton's own kinds (TaskRun, Task, ClusterTask, PipelineResource,
 * PipelineRun, Pipeline, Condition) are
 * read strictly, as Tekton's webhook admitted them: a field their Go types
 * do not have, at any depth, metadata and status included, is refused
 * (`InvalidInput`, naming the field and the one probably meant). Core kinds
 * (ServiceAccount, Secret, ConfigMap, Pod) drop unknown fields, as the API
 * server did.
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
    const decoded = KINDS.get(kind)?.read(doc, labelOf(doc, kind, w), out);
    if (decoded !== undefined && E.isLeft(decoded)) return decoded;
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

/**
 * Whether `objects` ask for a PipelineRun's expansion rather than a
 * TaskRun's Pod: a PipelineRun and no TaskRun (a TaskRun's input may carry
 * its PipelineRun, for the claim's name).
 *
 * @example
 * ```ts
 * isPipelineRunInput(objects) ? expandPipelineRun(objects) : renderTaskRun(objects);
 * ```
 *
 * @public
 */
export function isPipelineRunInput(objects: Pick<InputObjects, 'taskRuns' | 'pipelineRuns'>): boolean {
  return objects.taskRuns.length === 0 && objects.pipelineRuns.length > 0;
}

/** The namespace of an object, `default` when unset. */
export function namespaceOf(o: { readonly metadata?: { readonly namespace?: string } }): string {
  const ns = o.metadata?.namespace;
  return ns === undefined || ns === '' ? DEFAULT_NAMESPACE : ns;
}
