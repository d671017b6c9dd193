/**
 * PipelineRuns with everything Tekton's controllers read for them: the
 * Pipeline (or an embedded pipelineSpec), one Task or ClusterTask per
 * pipeline task, Conditions, PipelineResources (bound by reference or by
 * resourceSpec), ServiceAccounts and the artifact-storage ConfigMaps.
 *
 * The graph comes in shapes — chains, fan-out, fan-in, diamonds, random
 * DAGs, independent tasks — whose edges are `runAfter`, `from` or both;
 * tasks have 0–2 conditions (the same Condition twice, sometimes), retries,
 * params with and without defaults that use `$(params.x)` of the Pipeline,
 * and a ServiceAccount of their own (`serviceAccountNames`). Names run short
 * and long: PipelineRun and task names near and over the 57-character cut
 * of Tekton's generated names, task names that share a long prefix.
 *
 * Each scenario carries a {@link PipelineModel}: what was generated, from
 * which the properties derive what Tekton created without taskpod's code.
 * {@link brokenPipeline} breaks one thing in a valid scenario and says
 * where the refusal must point.
 */
import fc from 'fast-check';
import { paramsOf, ResourceKind, declaredType } from './resources';
import type { ConfigDoc, Json, JsonObject } from './taskrun';
import { dnsLabel, nastyText } from './text';

// ---------------------------------------------------------------------------
// The model

/** Where the PipelineRun's tasks pass resources to each other. */
export type Storage = 'pvc' | 'bucket';
/** The shape of the task graph. */
export type Shape = 'chain' | 'fan-out' | 'fan-in' | 'diamond' | 'random' | 'independent';
/** How one task depends on an earlier one. */
export type Edge = 'runAfter' | 'from' | 'both';
/** A param value: a string or an array of strings. */
export type ParamValue = string | readonly string[];

/** A resource the Pipeline declares and the PipelineRun binds. */
export interface ResourceModel {
  readonly name: string;
  readonly kind: ResourceKind;
  /** Bound by `resourceRef` to the PipelineResource `docName`; else by `resourceSpec`. */
  readonly byRef: boolean;
  readonly docName: string;
  readonly spec: { readonly params: readonly { name: string; value: string }[]; readonly secrets?: readonly Json[] };
}

/** An input of a pipeline task (the Task's name for it, the Pipeline's resource, the tasks it comes from). */
export interface InputModel {
  readonly name: string;
  readonly resource: string;
  readonly from: readonly string[];
  readonly targetPath?: string;
}

/** An output of a pipeline task. */
export interface OutputModel {
  readonly name: string;
  readonly resource: string;
}

/** A param of a Task, and what the pipeline task gives it. */
export interface TaskParamModel {
  readonly name: string;
  readonly type: 'string' | 'array';
  readonly default?: ParamValue;
  /** The pipeline task's value as written (with `$(params.x)`), when it gives one. */
  readonly given?: ParamValue;
  /** That value with the PipelineRun's params (or the Pipeline's defaults) substituted. */
  readonly expected?: ParamValue;
}

/** A Condition document. */
export interface ConditionModel {
  readonly name: string;
  /** `p0` (no default) and sometimes `p1` (default `d1`). */
  readonly params: readonly { readonly name: string; readonly default?: string }[];
  /** Whether it reads a git resource `src`. */
  readonly usesGit: boolean;
}

/** A condition of a pipeline task. */
export interface ConditionUse {
  readonly conditionRef: string;
  /** The params as the pipeline task writes them. */
  readonly params: readonly { readonly name: string; readonly value: string }[];
  /** The same with the Pipeline's params substituted: what its check TaskRun must carry. */
  readonly expectedParams: readonly { readonly name: string; readonly value: string }[];
  readonly resources: readonly { readonly name: string; readonly resource: string }[];
}

/** One pipeline task. */
export interface PipelineTaskModel {
  readonly name: string;
  readonly index: number;
  readonly taskName: string;
  /** `taskRef.kind` as written ('' when absent). */
  readonly taskKind: '' | 'Task' | 'ClusterTask';
  readonly runAfter: readonly string[];
  /** Every task it waits for (runAfter and from), no repeats. */
  readonly deps: readonly string[];
  readonly inputs: readonly InputModel[];
  readonly outputs: readonly OutputModel[];
  readonly params: readonly TaskParamModel[];
  readonly conditions: readonly ConditionUse[];
  readonly retries: number;
  /** The ServiceAccount its TaskRuns must name ('' for none). */
  readonly serviceAccount: string;
}

/** A Pipeline param and the PipelineRun's value for it. */
export interface PipelineParamModel {
  readonly name: string;
  readonly type: 'string' | 'array';
  readonly default?: ParamValue;
  readonly value?: ParamValue;
}

/** What was generated. */
export interface PipelineModel {
  readonly namespace: string;
  /** The PipelineRun's `metadata.name`, or undefined when it has only a `generateName`. */
  readonly name?: string;
  readonly generateName?: string;
  /** The Pipeline's name, or undefined when the PipelineRun embeds its spec. */
  readonly pipelineName?: string;
  readonly shape: Shape;
  readonly tasks: readonly PipelineTaskModel[];
  readonly resources: readonly ResourceModel[];
  readonly params: readonly PipelineParamModel[];
  readonly conditions: readonly ConditionModel[];
  readonly storage: Storage;
  /** The bucket's `location` (bucket storage). */
  readonly bucketLocation: string;
  /** The ServiceAccounts the input holds. */
  readonly serviceAccounts: readonly string[];
}

/** One generated PipelineRun input. */
export interface PipelineScenario {
  readonly docs: JsonObject[];
  readonly config: ConfigDoc;
  readonly model: PipelineModel;
}

// ---------------------------------------------------------------------------
// Oracles over the model

/** Tekton's RestrictLengthWithRandomSuffix, without the suffix: the base cut to 57 characters. */
export function cutBase(base: string): string {
  return base.length > 57 ? base.slice(0, 57) : base;
}

/** One TaskRun the controller creates, as the model predicts it. */
export interface PredictedRun {
  readonly task: string;
  /** For a condition check: its place in the task's conditions. */
  readonly check?: number;
  /** The reconcile that creates it, from 1. */
  readonly wave: number;
}

/**
 * What the controllers create, in order, when every TaskRun succeeds at
 * once: a task starts in the reconcile after all it waits for have
 * succeeded; a task with conditions gets its checks then, and its TaskRun
 * one reconcile later. Within a reconcile Tekton walks the tasks in
 * declaration order (GetNextTasks over the PipelineRun state), each task's
 * checks in the order of its conditions.
 */
export function predictedRuns(model: PipelineModel): PredictedRun[] {
  const finish = new Map<string, number>();
  const out: PredictedRun[] = [];
  // Tasks are generated so that every dependency comes earlier.
  for (const t of model.tasks) {
    const start = 1 + Math.max(0, ...t.deps.map((d) => finish.get(d)!));
    t.conditions.forEach((_, k) => out.push({ task: t.name, check: k, wave: start }));
    const wave = start + (t.conditions.length > 0 ? 1 : 0);
    finish.set(t.name, wave);
    out.push({ task: t.name, wave });
  }
  const index = new Map(model.tasks.map((t, i) => [t.name, i]));
  return out.sort((a, b) => a.wave - b.wave || index.get(a.task)! - index.get(b.task)! || (a.check ?? 99) - (b.check ?? 99));
}

/** Go's filepath.Join for the simple relative parts used here. */
function joinPath(...parts: string[]): string {
  return parts
    .join('/')
    .replace(/\/+/g, '/')
    .replace(/\/$/, '');
}

/** The storage base of a PipelineRun's artifacts: `/pvc`, or `<run>-<namespace>-bucket`. */
export function storageBase(model: PipelineModel, runName: string): string {
  return model.storage === 'pvc' ? '/pvc' : `${runName}-${model.namespace}-bucket`;
}

/** Where the output `output` of task `task` is copied to (TaskRun `paths`). */
export function outputPath(model: PipelineModel, runName: string, task: string, output: string): string {
  return joinPath(storageBase(model, runName), task, output);
}

/** Where an input lands in the Pod: /workspace/<targetPath or name>. */
export function inputDestination(input: InputModel): string {
  return joinPath('/workspace', input.targetPath ?? input.name);
}

/** The producer's output a `from` reads: the one bound to the same resource. */
export function producerOutput(model: PipelineModel, producer: string, resource: string): OutputModel {
  return model.tasks.find((t) => t.name === producer)!.outputs.find((o) => o.resource === resource)!;
}

/** The Tekton `type` of a resource model. */
export function typeOf(r: ResourceModel): string {
  return declaredType(r.kind);
}

/** Whether Tekton copies this kind through the artifact storage (allowedOutputResources: git and storage). */
export function isArtifactKind(kind: ResourceKind): boolean {
  return kind === 'git' || kind === 'gcs' || kind === 'build-gcs';
}

// ---------------------------------------------------------------------------
// Params

type Part = { readonly lit: string } | { readonly param: number };
type Item = { readonly parts: readonly Part[] } | { readonly array: number };

/** Literal text that is no variable reference Tekton substitutes. */
function literal(): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom('a', 'x=1', 'hello world', 'v1.2', ''), nastyText(3)).filter((s) => !/\$\((params|inputs|outputs|resources)/.test(s));
}

function partsArb(): fc.Arbitrary<Part[]> {
  return fc.array(fc.oneof({ weight: 2, arbitrary: literal().map((lit): Part => ({ lit })) }, { weight: 1, arbitrary: fc.nat(5).map((param): Part => ({ param })) }), {
    minLength: 1,
    maxLength: 3,
  });
}

function itemsArb(): fc.Arbitrary<Item[]> {
  return fc.array(fc.oneof({ weight: 2, arbitrary: partsArb().map((parts): Item => ({ parts })) }, { weight: 1, arbitrary: fc.nat(5).map((array): Item => ({ array })) }), {
    maxLength: 3,
  });
}

interface ParamRand {
  readonly type: 'string' | 'array';
  readonly hasDefault: boolean;
  readonly give: boolean;
  readonly parts: Part[];
  readonly items: Item[];
  readonly def: string;
}

const paramRand: fc.Arbitrary<ParamRand> = fc.record({
  type: fc.constantFrom<'string' | 'array'>('string', 'string', 'array'),
  hasDefault: fc.boolean(),
  give: fc.boolean(),
  parts: partsArb(),
  items: itemsArb(),
  def: literal(),
});

const ref = (name: string) => `$(params.${name})`;

/** Writes a string of parts, `$(params.x)` naming one of the string params (a literal when there are none). */
function writeParts(parts: readonly Part[], strings: readonly PipelineParamModel[]): string {
  return parts.map((p) => ('lit' in p ? p.lit : strings.length === 0 ? 'plain' : ref(strings[p.param % strings.length]!.name))).join('');
}

/** The value a `$(params.x)` stands for: the PipelineRun's, else the default; none leaves the reference as written. */
function resolvedParam(p: PipelineParamModel): ParamValue | undefined {
  return p.value ?? p.default;
}

function substituteString(s: string, params: readonly PipelineParamModel[]): string {
  let out = s;
  for (const p of params) {
    const v = resolvedParam(p);
    if (p.type === 'string' && typeof v === 'string') out = out.split(ref(p.name)).join(v);
  }
  return out;
}

function substituteItems(items: readonly string[], params: readonly PipelineParamModel[]): string[] {
  return items.flatMap((item) => {
    const whole = params.find((p) => p.type === 'array' && item === ref(p.name));
    if (whole !== undefined) {
      const v = resolvedParam(whole);
      if (v !== undefined && typeof v !== 'string') return [...v];
      return [item];
    }
    return [substituteString(item, params)];
  });
}

/** A pipeline task's (or condition's) param value with the Pipeline's params substituted, as Tekton's ApplyParameters did. */
export function substituteValue(v: ParamValue, params: readonly PipelineParamModel[]): ParamValue {
  return typeof v === 'string' ? substituteString(v, params) : substituteItems(v, params);
}

// ---------------------------------------------------------------------------
// Generation

const MAX_TASKS = 6;
const ARTIFACT_KINDS: readonly ResourceKind[] = ['git', 'git', 'gcs', 'image'];
const PLAIN_KINDS: readonly ResourceKind[] = ['git', 'pullRequest', 'image', 'cluster', 'gcs', 'build-gcs', 'cloudEvent'];

interface ResourceRand {
  readonly kind: ResourceKind;
  readonly byRef: boolean;
  readonly spec: { params: { name: string; value: string }[]; secrets?: Json[] };
}

function resourceRand(kinds: readonly ResourceKind[]): fc.Arbitrary<ResourceRand> {
  return fc.constantFrom(...kinds).chain((kind) => fc.record({ kind: fc.constant(kind), byRef: fc.boolean(), spec: paramsOf(kind) }));
}

interface ConditionUseRand {
  readonly pick: number;
  readonly literal: string;
  readonly useParam: boolean;
  readonly giveP1: boolean;
}

interface TaskRand {
  readonly depBits: boolean[];
  readonly edges: Edge[];
  readonly outCount: number;
  readonly outPicks: number[];
  readonly fromPicks: number[];
  readonly plainInput?: number;
  readonly targetPath?: string;
  readonly sameIoNames: boolean;
  readonly params: ParamRand[];
  readonly conditions: ConditionUseRand[];
  readonly retries: number;
  readonly kind: '' | 'Task' | 'ClusterTask';
  readonly serviceAccount?: number;
  readonly overriddenAccount: boolean;
  readonly taskTail: string;
  readonly refPaths: boolean;
}

const taskRand: fc.Arbitrary<TaskRand> = fc.record(
  {
    depBits: fc.array(fc.boolean(), { minLength: MAX_TASKS, maxLength: MAX_TASKS }),
    edges: fc.array(fc.constantFrom<Edge>('runAfter', 'from', 'from', 'both'), { minLength: MAX_TASKS, maxLength: MAX_TASKS }),
    outCount: fc.integer({ min: 0, max: 2 }),
    outPicks: fc.array(fc.nat(), { minLength: 2, maxLength: 2 }),
    fromPicks: fc.array(fc.nat(), { minLength: MAX_TASKS, maxLength: MAX_TASKS }),
    plainInput: fc.option(fc.nat(), { nil: undefined }),
    targetPath: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('src', 'a/b', 'damnworkspace', 'out/') }),
    sameIoNames: fc.boolean(),
    params: fc.array(paramRand, { maxLength: 3 }),
    conditions: fc.array(fc.record({ pick: fc.nat(), literal: dnsLabel(1, 8), useParam: fc.boolean(), giveP1: fc.boolean() }), { maxLength: 2 }),
    retries: fc.integer({ min: 0, max: 3 }),
    kind: fc.constantFrom<'' | 'Task' | 'ClusterTask'>('', '', 'Task', 'ClusterTask'),
    serviceAccount: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    overriddenAccount: fc.boolean(),
    taskTail: dnsLabel(1, 10),
    refPaths: fc.boolean(),
  },
);

/** Task names: short, long (up to 63), or a long shared prefix with short tails (their TaskRun names meet at the 57-character cut). */
function taskNames(n: number): fc.Arbitrary<string[]> {
  return dnsLabel(45, 55).chain((prefix) =>
    fc.uniqueArray(
      fc.oneof({ weight: 4, arbitrary: dnsLabel(1, 12) }, { weight: 1, arbitrary: dnsLabel(50, 63) }, { weight: 1, arbitrary: dnsLabel(1, 7).map((tail) => `${prefix}-${tail}`) }),
      { minLength: n, maxLength: n },
    ),
  );
}

function depsFor(shape: Shape, i: number, n: number, bits: readonly boolean[]): number[] {
  const before = Array.from({ length: i }, (_, j) => j);
  switch (shape) {
    case 'chain':
      return i > 0 ? [i - 1] : [];
    case 'fan-out':
      return i > 0 ? [0] : [];
    case 'fan-in':
      return n > 1 && i === n - 1 ? before : [];
    case 'diamond':
      if (n < 3) return i > 0 ? [i - 1] : [];
      return i === 0 ? [] : i < n - 1 ? [0] : before.slice(1);
    case 'random':
      return before.filter((j) => bits[j]);
    case 'independent':
      return [];
  }
}

/** Options of {@link pipelineScenario}. */
export interface PipelineScenarioOptions {
  /** Always a `metadata.name` (no `generateName`). */
  readonly named?: boolean;
  readonly maxTasks?: number;
}

/** A valid PipelineRun with everything it uses, and its model. */
export function pipelineScenario(options: PipelineScenarioOptions = {}): fc.Arbitrary<PipelineScenario> {
  const maxTasks = Math.min(options.maxTasks ?? MAX_TASKS, MAX_TASKS);
  return fc.integer({ min: 1, max: maxTasks }).chain((n) =>
    fc
      .record({
        names: taskNames(n),
        tasks: fc.array(taskRand, { minLength: n, maxLength: n }),
        shape: fc.constantFrom<Shape>('chain', 'fan-out', 'fan-in', 'diamond', 'random', 'random', 'independent'),
        storage: fc.constantFrom<Storage>('pvc', 'bucket'),
        namespace: fc.constantFrom('default', 'default', 'ci'),
        // Leaves room for `-pvc` (the claim's volume name is at most 63 characters).
        runName: fc.oneof({ weight: 3, arbitrary: dnsLabel(1, 12) }, { weight: 1, arbitrary: dnsLabel(45, 59) }),
        // Over 59 characters only with a bucket (no claim volume).
        longBucketRun: fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: dnsLabel(60, 63) }),
        generateName:
          options.named === true
            ? fc.constant(undefined)
            : fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: dnsLabel(1, 40).map((p) => `${p}-`) }),
        pipelineName: dnsLabel(1, 20),
        embedded: fc.boolean(),
        artifacts: fc.array(resourceRand(ARTIFACT_KINDS), { minLength: 1, maxLength: 3 }),
        plain: fc.array(resourceRand(PLAIN_KINDS), { maxLength: 2 }),
        params: fc.array(paramRand, { maxLength: 3 }),
        conditions: fc.array(fc.record({ usesGit: fc.boolean(), p1: fc.boolean(), named: fc.boolean() }), { minLength: 1, maxLength: 2 }),
        conditionNames: fc.uniqueArray(dnsLabel(1, 20), { minLength: 2, maxLength: 2 }),
        runAccount: fc.constantFrom<string | undefined>(undefined, 'default', 'builder'),
        deprecatedAccount: fc.boolean(),
        timeout: fc.constantFrom<string | undefined>(undefined, undefined, '30m', '1h30m', '0s'),
        bucketSecret: fc.boolean(),
        pvcConfig: fc.option(fc.record({ size: fc.constantFrom('1Gi', '10Gi', '500Mi'), storageClassName: fc.constantFrom('', 'fast') }), { nil: undefined }),
        configDefaults: fc.boolean(),
      })
      .map((g) => build(n, g)),
  );
}

interface Drawn {
  readonly names: string[];
  readonly tasks: TaskRand[];
  readonly shape: Shape;
  readonly storage: Storage;
  readonly namespace: string;
  readonly runName: string;
  readonly longBucketRun?: string;
  readonly generateName?: string;
  readonly pipelineName: string;
  readonly embedded: boolean;
  readonly artifacts: ResourceRand[];
  readonly plain: ResourceRand[];
  readonly params: ParamRand[];
  readonly conditions: { usesGit: boolean; p1: boolean; named: boolean }[];
  readonly conditionNames: string[];
  readonly runAccount?: string;
  readonly deprecatedAccount: boolean;
  readonly timeout?: string;
  readonly bucketSecret: boolean;
  readonly pvcConfig?: { size: string; storageClassName: string };
  readonly configDefaults: boolean;
}

const API = 'tekton.dev/v1alpha1';
const CONDITION_REPO = 'condition-repo';

function build(n: number, g: Drawn): PipelineScenario {
  const ns = g.namespace;
  const name = g.generateName !== undefined ? undefined : g.storage === 'bucket' && g.longBucketRun !== undefined ? g.longBucketRun : g.runName;

  // Pipeline params.
  const params: PipelineParamModel[] = g.params.map((p, i) => {
    const pname = `pp${i}-${['dir', 'rev', 'files'][i % 3]}`;
    const def: ParamValue = p.type === 'string' ? p.def : [p.def, `${p.def}-2`];
    const val: ParamValue = p.type === 'string' ? `v-${p.def}` : [`v-${p.def}`];
    return { name: pname, type: p.type, ...(p.hasDefault ? { default: def } : {}), ...(p.give || (!p.hasDefault && i !== 2) ? { value: val } : {}) };
  });
  const strings = params.filter((p) => p.type === 'string');
  const arrays = params.filter((p) => p.type === 'array');

  // Resources: artifacts (outputs and `from`) and plain ones (inputs and outputs).
  const artifacts: ResourceModel[] = g.artifacts.map((r, i) => ({ name: `art${i}-${r.kind.toLowerCase()}`, kind: r.kind, byRef: r.byRef, docName: `art${i}-doc`, spec: r.spec }));
  const plain: ResourceModel[] = g.plain.map((r, i) => ({ name: `res${i}-${r.kind.toLowerCase()}`, kind: r.kind, byRef: r.byRef, docName: `res${i}-doc`, spec: r.spec }));
  const conditionRepo: ResourceModel = { name: CONDITION_REPO, kind: 'git', byRef: false, docName: '', spec: { params: [{ name: 'url', value: 'https://github.com/tektoncd/pipeline' }] } };

  // Conditions.
  const conditions: ConditionModel[] = g.conditions.map((c, i) => ({
    name: `cond-${g.conditionNames[i]!}`,
    params: [{ name: 'p0' }, ...(c.p1 ? [{ name: 'p1', default: 'd1' }] : [])],
    usesGit: c.usesGit,
  }));

  // The graph.
  const deps = g.tasks.map((_, i) => depsFor(g.shape, i, n, g.tasks[i]!.depBits));
  const edgeOf = (i: number, j: number): Edge => g.tasks[i]!.edges[j]!;
  // Outputs: every task read `from` has at least one.
  const outputsOf: ResourceModel[][] = g.tasks.map((t, j) => {
    const readFrom = deps.some((ds, i) => ds.includes(j) && edgeOf(i, j) !== 'runAfter');
    const count = Math.max(t.outCount, readFrom ? 1 : 0);
    const picked: ResourceModel[] = [];
    for (let k = 0; k < count; k++) {
      const r = artifacts[t.outPicks[k]! % artifacts.length]!;
      if (!picked.includes(r)) picked.push(r);
    }
    return picked;
  });

  const accountOf = (t: TaskRand): string | undefined => (t.serviceAccount === undefined ? undefined : `sa-${t.serviceAccount}`);
  const runAccount = g.runAccount;
  const deprecated = runAccount === undefined && g.deprecatedAccount ? 'legacy' : undefined;
  const usedResources = new Set<ResourceModel>();

  const tasks: PipelineTaskModel[] = g.names.map((tname, i) => {
    const t = g.tasks[i]!;
    const outputs: OutputModel[] = outputsOf[i]!.map((r, k) => {
      usedResources.add(r);
      return { name: t.sameIoNames ? r.name : `out-${k}`, resource: r.name };
    });
    // Inputs read `from` earlier tasks, one per resource, from every task it comes from.
    const fromGroups = new Map<ResourceModel, string[]>();
    for (const j of deps[i]!) {
      if (edgeOf(i, j) === 'runAfter') continue;
      const outs = outputsOf[j]!;
      const r = outs[t.fromPicks[j]! % outs.length]!;
      fromGroups.set(r, [...(fromGroups.get(r) ?? []), g.names[j]!]);
    }
    const inputs: InputModel[] = [...fromGroups].map(([r, from], k) => ({
      name: t.sameIoNames ? r.name : `in-${k}`,
      resource: r.name,
      from,
      ...(k === 0 && t.targetPath !== undefined ? { targetPath: t.targetPath } : {}),
    }));
    if (t.plainInput !== undefined) {
      const pool = [...artifacts, ...plain];
      const r = pool[t.plainInput % pool.length]!;
      if (!fromGroups.has(r)) inputs.push({ name: t.sameIoNames ? r.name : `in-${inputs.length}`, resource: r.name, from: [] });
    }
    for (const input of inputs) usedResources.add([...artifacts, ...plain].find((r) => r.name === input.resource)!);
    const runAfter = deps[i]!.filter((j) => edgeOf(i, j) !== 'from').map((j) => g.names[j]!);

    const taskParams: TaskParamModel[] = t.params.map((p, k) => {
      const pname = `tp${k}`;
      const def: ParamValue = p.type === 'string' ? p.def : [p.def];
      const given: ParamValue | undefined =
        p.give || !p.hasDefault
          ? p.type === 'string'
            ? writeParts(p.parts, strings)
            : p.items.map((it) => ('array' in it ? (arrays.length === 0 ? 'no-array' : ref(arrays[it.array % arrays.length]!.name)) : writeParts(it.parts, strings)))
          : undefined;
      return {
        name: pname,
        type: p.type,
        ...(p.hasDefault ? { default: def } : {}),
        ...(given !== undefined ? { given, expected: substituteValue(given, params) } : {}),
      };
    });

    const uses: ConditionUse[] = t.conditions.map((c, k) => {
      const cond = conditions[c.pick % conditions.length]!;
      // Each condition's own value, so a check carrying another's params shows.
      const p0 = c.useParam && strings.length > 0 ? `${ref(strings[0]!.name)}-${tname}-${k}` : `${c.literal}-${i}-${k}`;
      const written = [{ name: 'p0', value: p0 }, ...(cond.params.length > 1 && c.giveP1 ? [{ name: 'p1', value: `p1-${i}-${k}` }] : [])];
      if (cond.usesGit) usedResources.add(conditionRepo);
      return {
        conditionRef: cond.name,
        params: written,
        expectedParams: written.map((p) => ({ name: p.name, value: substituteValue(p.value, params) as string })),
        resources: cond.usesGit ? [{ name: 'src', resource: CONDITION_REPO }] : [],
      };
    });

    const own = accountOf(t);
    return {
      name: tname,
      index: i,
      taskName: `t${i}-${t.taskTail}`,
      taskKind: t.kind,
      runAfter,
      deps: [...new Set(deps[i]!.map((j) => g.names[j]!))],
      inputs,
      outputs,
      params: taskParams,
      conditions: uses,
      retries: t.retries,
      serviceAccount: own ?? runAccount ?? deprecated ?? '',
    };
  });

  const resources = [...artifacts, ...plain, conditionRepo].filter((r) => usedResources.has(r));
  const usedConditions = conditions.filter((c) => tasks.some((t) => t.conditions.some((u) => u.conditionRef === c.name)));
  const accounts = [...new Set(tasks.map((t) => (t.serviceAccount === '' ? 'default' : t.serviceAccount)))].sort();
  const bucketLocation = 'gs://tekton-artifacts';

  const model: PipelineModel = {
    namespace: ns,
    ...(name !== undefined ? { name } : { generateName: g.generateName! }),
    ...(g.embedded ? {} : { pipelineName: g.pipelineName }),
    shape: g.shape,
    tasks,
    resources,
    params,
    conditions: usedConditions,
    storage: g.storage,
    bucketLocation,
    serviceAccounts: accounts,
  };
  return { docs: documents(model, g), config: { imageEntrypoints: {} }, model };
}

function taskDoc(t: PipelineTaskModel, model: PipelineModel, refPaths: boolean): JsonObject {
  const typeOfResource = (name: string) => typeOf(model.resources.find((r) => r.name === name)!);
  const params = t.params.map((p) => ({ name: p.name, type: p.type, ...(p.default !== undefined ? { default: p.default as Json } : {}) }));
  const stringRefs = t.params.filter((p) => p.type === 'string').map((p) => `$(inputs.params.${p.name})`);
  const arrayRefs = t.params.filter((p) => p.type === 'array').map((p) => `$(inputs.params.${p.name})`);
  const pathRefs = refPaths ? [...t.inputs.map((r) => `$(inputs.resources.${r.name}.path)`), ...t.outputs.map((r) => `$(outputs.resources.${r.name}.path)`)] : [];
  const inputs: JsonObject = {
    ...(t.inputs.length > 0
      ? { resources: t.inputs.map((r) => ({ name: r.name, type: typeOfResource(r.resource), ...(r.targetPath !== undefined ? { targetPath: r.targetPath } : {}) })) }
      : {}),
    ...(params.length > 0 ? { params } : {}),
  };
  const spec: JsonObject = {
    ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
    ...(t.outputs.length > 0 ? { outputs: { resources: t.outputs.map((r) => ({ name: r.name, type: typeOfResource(r.resource) })) } } : {}),
    steps: [{ name: 'run', image: 'ubuntu', command: ['/bin/bash'], args: ['-c', `echo ${stringRefs.join(' ')}`, ...arrayRefs, ...pathRefs] }],
  };
  return t.taskKind === 'ClusterTask'
    ? { apiVersion: API, kind: 'ClusterTask', metadata: { name: t.taskName }, spec }
    : { apiVersion: API, kind: 'Task', metadata: { name: t.taskName, namespace: model.namespace }, spec };
}

function pipelineTaskDoc(t: PipelineTaskModel): JsonObject {
  const resources: JsonObject = {
    ...(t.inputs.length > 0 ? { inputs: t.inputs.map((r) => ({ name: r.name, resource: r.resource, ...(r.from.length > 0 ? { from: [...r.from] } : {}) })) } : {}),
    ...(t.outputs.length > 0 ? { outputs: t.outputs.map((r) => ({ name: r.name, resource: r.resource })) } : {}),
  };
  const given = t.params.filter((p) => p.given !== undefined).map((p) => ({ name: p.name, value: p.given as Json }));
  return {
    name: t.name,
    taskRef: { name: t.taskName, ...(t.taskKind !== '' ? { kind: t.taskKind } : {}) },
    ...(t.conditions.length > 0
      ? {
          conditions: t.conditions.map((c) => ({
            conditionRef: c.conditionRef,
            params: c.params.map((p) => ({ ...p })),
            ...(c.resources.length > 0 ? { resources: c.resources.map((r) => ({ ...r })) } : {}),
          })),
        }
      : {}),
    ...(t.retries > 0 ? { retries: t.retries } : {}),
    ...(t.runAfter.length > 0 ? { runAfter: [...t.runAfter] } : {}),
    ...(Object.keys(resources).length > 0 ? { resources } : {}),
    ...(given.length > 0 ? { params: given } : {}),
  };
}

function documents(model: PipelineModel, g: Drawn): JsonObject[] {
  const ns = model.namespace;
  const docs: JsonObject[] = [];
  for (const t of model.tasks) docs.push(taskDoc(t, model, g.tasks[t.index]!.refPaths));
  for (const [i, c] of model.conditions.entries()) {
    const args = `test -n "$(params.p0)"${c.params.length > 1 ? ' -a -n "$(params.p1)"' : ''}${c.usesGit ? ' -a -d $(resources.src.path)' : ''}`;
    docs.push({
      apiVersion: API,
      kind: 'Condition',
      metadata: { name: c.name, namespace: ns },
      spec: {
        check: { ...(g.conditions[i]?.named === true ? { name: 'check' } : {}), image: 'alpine', command: ['/bin/sh'], args: ['-c', args] },
        params: c.params.map((p) => ({ name: p.name, ...(p.default !== undefined ? { default: p.default } : {}) })),
        ...(c.usesGit ? { resources: [{ name: 'src', type: 'git' }] } : {}),
      },
    });
  }
  const resourceSpec = (r: ResourceModel): JsonObject => ({ type: typeOf(r), params: r.spec.params.map((p) => ({ ...p })), ...(r.spec.secrets !== undefined ? { secrets: r.spec.secrets as Json[] } : {}) });
  for (const r of model.resources) if (r.byRef) docs.push({ apiVersion: API, kind: 'PipelineResource', metadata: { name: r.docName, namespace: ns }, spec: resourceSpec(r) });

  const pipelineSpec: JsonObject = {
    ...(model.resources.length > 0 ? { resources: model.resources.map((r) => ({ name: r.name, type: typeOf(r) })) } : {}),
    tasks: model.tasks.map(pipelineTaskDoc),
    ...(model.params.length > 0 ? { params: model.params.map((p) => ({ name: p.name, type: p.type, ...(p.default !== undefined ? { default: p.default as Json } : {}) })) } : {}),
  };
  if (model.pipelineName !== undefined) docs.push({ apiVersion: API, kind: 'Pipeline', metadata: { name: model.pipelineName, namespace: ns }, spec: pipelineSpec });

  const accounts = model.tasks.flatMap((t, i) => {
    const own = g.tasks[i]!.serviceAccount;
    if (own === undefined) return [];
    // Sometimes an earlier entry for the same task, which the later one overrides.
    const earlier = g.tasks[i]!.overriddenAccount ? [{ taskName: t.name, serviceAccountName: 'overridden' }] : [];
    return [...earlier, { taskName: t.name, serviceAccountName: `sa-${own}` }];
  });
  const runParams = model.params.filter((p) => p.value !== undefined).map((p) => ({ name: p.name, value: p.value as Json }));
  const runSpec: JsonObject = model.pipelineName !== undefined ? { pipelineRef: { name: model.pipelineName } } : { pipelineSpec };
  if (model.resources.length > 0) {
    runSpec.resources = model.resources.map((r): JsonObject => (r.byRef ? { name: r.name, resourceRef: { name: r.docName } } : { name: r.name, resourceSpec: resourceSpec(r) }));
  }
  if (runParams.length > 0) runSpec.params = runParams;
  if (g.runAccount !== undefined) runSpec.serviceAccountName = g.runAccount;
  else if (g.deprecatedAccount) runSpec.serviceAccount = 'legacy';
  if (accounts.length > 0) runSpec.serviceAccountNames = accounts;
  if (g.timeout !== undefined) runSpec.timeout = g.timeout;
  const meta: JsonObject = model.name !== undefined ? { name: model.name, namespace: ns } : { generateName: model.generateName!, namespace: ns };
  docs.push({ apiVersion: API, kind: 'PipelineRun', metadata: meta, spec: runSpec });
  for (const sa of model.serviceAccounts) docs.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: ns } });
  if (model.storage === 'bucket') {
    docs.push({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'config-artifact-bucket', namespace: 'tekton-pipelines' },
      data: { location: model.bucketLocation, ...(g.bucketSecret ? { 'bucket.service.account.secret.name': 'bucket-sa', 'bucket.service.account.secret.key': 'sa.json' } : {}) },
    });
  } else if (g.pvcConfig !== undefined) {
    docs.push({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'config-artifact-pvc', namespace: 'tekton-pipelines' },
      data: { size: g.pvcConfig.size, ...(g.pvcConfig.storageClassName !== '' ? { storageClassName: g.pvcConfig.storageClassName } : {}) },
    });
  }
  if (g.configDefaults) docs.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config-defaults', namespace: 'tekton-pipelines' }, data: { 'default-timeout-minutes': '45' } });
  return docs;
}

// ---------------------------------------------------------------------------
// Broken pipelines

/** The breakages {@link brokenPipeline} makes, one per input. */
export const PIPELINE_BREAKAGES = [
  'cycle',
  'runAfter names no task',
  'from names no task',
  'from names a task without that output',
  'duplicate task names',
  'Task param left unset',
  'declared resource not bound',
  'missing Task',
  'missing Condition',
  'missing ServiceAccount',
  'PipelineRun param of the wrong type',
  'task name no TaskRun can have',
] as const;
/** One of {@link PIPELINE_BREAKAGES}. */
export type PipelineBreakage = (typeof PIPELINE_BREAKAGES)[number];

/** Where a refusal must point: the object (`Kind ns/name`), the field path, and what the message says. */
export interface ExpectedRefusal {
  readonly object: string | RegExp;
  readonly field: string;
  readonly message: RegExp;
}

/** A valid scenario with one thing broken, and where taskpod's refusal must point. */
export interface BrokenPipeline extends PipelineScenario {
  readonly breakage: PipelineBreakage;
  readonly expected: ExpectedRefusal;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const pickOf = <T>(xs: readonly T[], pick: number): T => xs[pick % xs.length]!;

interface Where {
  /** The object holding the pipeline spec: the Pipeline, or the PipelineRun embedding it. */
  readonly specObject: string;
  /** `spec` or `spec.pipelineSpec`. */
  readonly path: string;
  readonly runObject: string;
  readonly spec: JsonObject;
  readonly tasks: JsonObject[];
  readonly run: JsonObject;
  readonly runSpec: JsonObject;
}

function where(docs: JsonObject[], model: PipelineModel): Where {
  const run = docs.find((d) => d.kind === 'PipelineRun')!;
  const runSpec = run.spec as JsonObject;
  const pipeline = docs.find((d) => d.kind === 'Pipeline');
  const spec = (pipeline !== undefined ? pipeline.spec : runSpec.pipelineSpec) as JsonObject;
  const runObject = `PipelineRun ${model.namespace}/${model.name!}`;
  return {
    specObject: model.pipelineName !== undefined ? `Pipeline ${model.namespace}/${model.pipelineName}` : runObject,
    path: model.pipelineName !== undefined ? 'spec' : 'spec.pipelineSpec',
    runObject,
    spec,
    tasks: spec.tasks as JsonObject[],
    run,
    runSpec,
  };
}

function unusedName(base: string, taken: readonly string[]): string {
  let n = base;
  while (taken.includes(n)) n = `${n}-x`;
  return n;
}

/** Task `i`'s input list in the documents (created if absent). */
function inputsOf(task: JsonObject): JsonObject[] {
  const resources = (task.resources ??= {}) as JsonObject;
  return (resources.inputs ??= []) as JsonObject[];
}

/**
 * A pipeline task with an input: the first one that has one, else one
 * given a new input (and, when the Pipeline declares none, a new resource).
 */
function someInput(w: Where, model: PipelineModel, pick: number): { readonly task: number; readonly input: number; readonly resource: string } {
  const withInputs = model.tasks.filter((t) => t.inputs.length > 0);
  if (withInputs.length > 0) {
    const t = pickOf(withInputs, pick);
    const k = pick % t.inputs.length;
    return { task: t.index, input: k, resource: t.inputs[k]!.resource };
  }
  let resource = model.resources[0]?.name;
  if (resource === undefined) {
    resource = 'extra-res';
    w.spec.resources = [{ name: resource, type: 'git' }];
  }
  const t = pick % model.tasks.length;
  inputsOf(w.tasks[t]!).push({ name: 'extra-in', resource });
  return { task: t, input: 0, resource };
}

type Breaker = (w: Where, docs: JsonObject[], model: PipelineModel, pick: number) => ExpectedRefusal | undefined;

const BREAKERS: Readonly<Record<PipelineBreakage, Breaker>> = {
  cycle: (w, _d, model, pick) => {
    const later = model.tasks.filter((t) => t.deps.length > 0);
    if (later.length === 0) {
      // A task that runs after itself.
      const t = pickOf(model.tasks, pick);
      w.tasks[t.index]!.runAfter = [...((w.tasks[t.index]!.runAfter as string[] | undefined) ?? []), t.name];
    } else {
      const t = pickOf(later, pick);
      const before = model.tasks.find((x) => x.name === pickOf(t.deps, pick))!;
      w.tasks[before.index]!.runAfter = [...((w.tasks[before.index]!.runAfter as string[] | undefined) ?? []), t.name];
    }
    return { object: w.specObject, field: `${w.path}.tasks`, message: /cycle detected/ };
  },
  'runAfter names no task': (w, _d, model, pick) => {
    const t = pickOf(model.tasks, pick);
    const ghost = unusedName('ghost', model.tasks.map((x) => x.name));
    w.tasks[t.index]!.runAfter = [...((w.tasks[t.index]!.runAfter as string[] | undefined) ?? []), ghost];
    return { object: w.specObject, field: `${w.path}.tasks`, message: new RegExp(`depends on ${ghost} but ${ghost} wasn't present`) };
  },
  'from names no task': (w, _d, model, pick) => {
    const { task, input } = someInput(w, model, pick);
    const ghost = unusedName('ghost', model.tasks.map((x) => x.name));
    const entry = inputsOf(w.tasks[task]!)[input]!;
    const from = [...((entry.from as string[] | undefined) ?? []), ghost];
    entry.from = from;
    return { object: w.specObject, field: `${w.path}.tasks[${task}].resources.inputs[${input}].from[${from.length - 1}]`, message: /doesn't exist/ };
  },
  'from names a task without that output': (w, _d, model, pick) => {
    const { task, input, resource } = someInput(w, model, pick);
    const others = model.tasks.filter((t) => !t.outputs.some((o) => o.resource === resource));
    if (others.length === 0) return undefined;
    const entry = inputsOf(w.tasks[task]!)[input]!;
    const from = [...((entry.from as string[] | undefined) ?? []), pickOf(others, pick).name];
    entry.from = from;
    return { object: w.specObject, field: `${w.path}.tasks[${task}].resources.inputs[${input}].from[${from.length - 1}]`, message: /must be an output/ };
  },
  'duplicate task names': (w, _d, model, pick) => {
    w.tasks.push(structuredClone(w.tasks[pickOf(model.tasks, pick).index]!));
    return { object: w.specObject, field: `${w.path}.tasks[${model.tasks.length}].name`, message: /exactly one/ };
  },
  'Task param left unset': (w, docs, model, pick) => {
    const t = pickOf(model.tasks, pick);
    const task = docs.find((d) => (d.kind === 'Task' || d.kind === 'ClusterTask') && (d.metadata as JsonObject).name === t.taskName)!;
    const spec = task.spec as JsonObject;
    const inputs = (spec.inputs ??= {}) as JsonObject;
    inputs.params = [...((inputs.params as JsonObject[] | undefined) ?? []), { name: 'needed', type: 'string' }];
    return { object: w.specObject, field: `${w.path}.tasks[${t.index}].params`, message: /missing values for these params which have no default values: \[needed\]/ };
  },
  'declared resource not bound': (w, _d, _m, pick) => {
    const bindings = (w.runSpec.resources as JsonObject[] | undefined) ?? [];
    if (bindings.length > 0) {
      const [gone] = bindings.splice(pick % bindings.length, 1);
      return { object: w.runObject, field: 'spec.resources', message: new RegExp(`Didn't provide required values: \\[${escapeRegExp(gone!.name as string)}\\]`) };
    }
    w.runSpec.resources = [{ name: 'extra-res', resourceSpec: { type: 'git', params: [{ name: 'url', value: 'https://example.com/r' }] } }];
    return { object: w.runObject, field: 'spec.resources', message: /Provided extra values: \[extra-res\]/ };
  },
  'missing Task': (w, docs, model, pick) => {
    const t = pickOf(model.tasks, pick);
    docs.splice(docs.findIndex((d) => (d.kind === 'Task' || d.kind === 'ClusterTask') && (d.metadata as JsonObject).name === t.taskName), 1);
    return { object: w.specObject, field: `${w.path}.tasks[${t.index}].taskRef.name`, message: new RegExp(`"${t.taskName}" not found`) };
  },
  'missing Condition': (w, docs, model, pick) => {
    if (model.conditions.length > 0) {
      const c = pickOf(model.conditions, pick);
      docs.splice(docs.findIndex((d) => d.kind === 'Condition' && (d.metadata as JsonObject).name === c.name), 1);
      const t = model.tasks.find((x) => x.conditions.some((u) => u.conditionRef === c.name))!;
      const k = t.conditions.findIndex((u) => u.conditionRef === c.name);
      return { object: w.specObject, field: `${w.path}.tasks[${t.index}].conditions[${k}].conditionRef`, message: new RegExp(`Condition "${c.name}" not found`) };
    }
    const t = pickOf(model.tasks, pick);
    w.tasks[t.index]!.conditions = [{ conditionRef: 'ghost-condition' }];
    return { object: w.specObject, field: `${w.path}.tasks[${t.index}].conditions[0].conditionRef`, message: /Condition "ghost-condition" not found/ };
  },
  'missing ServiceAccount': (_w, docs, model, pick) => {
    const sa = pickOf(model.serviceAccounts, pick);
    docs.splice(docs.findIndex((d) => d.kind === 'ServiceAccount' && (d.metadata as JsonObject).name === sa), 1);
    // The first TaskRun (or check) created that runs as it gets no Pod.
    const first = predictedRuns(model).find((r) => {
      const t = model.tasks.find((x) => x.name === r.task)!;
      return (t.serviceAccount === '' ? 'default' : t.serviceAccount) === sa;
    })!;
    const prefix = cutBase(`${model.name!}-${first.task}`);
    return {
      object: new RegExp(`^TaskRun ${escapeRegExp(model.namespace)}/${escapeRegExp(prefix)}-`),
      field: 'spec.serviceAccountName',
      message: new RegExp(`ServiceAccount "${escapeRegExp(sa)}" not found`),
    };
  },
  'PipelineRun param of the wrong type': (w, _d, model, pick) => {
    let name: string;
    let type: 'string' | 'array';
    if (model.params.length > 0) {
      ({ name, type } = pickOf(model.params, pick));
    } else {
      name = 'extra-p';
      type = 'string';
      w.spec.params = [{ name, type, default: 'd' }];
    }
    const params = (w.runSpec.params ??= []) as JsonObject[];
    const wrong: Json = type === 'string' ? ['x'] : 'x';
    const given = params.find((p) => p.name === name);
    if (given !== undefined) given.value = wrong;
    else params.push({ name, value: wrong });
    return { object: w.runObject, field: 'spec.params', message: new RegExp(`inconsistent types .*\\[${escapeRegExp(name)}\\]`) };
  },
  'task name no TaskRun can have': (w, _d, model, pick) => {
    // A qualified name, which Tekton's webhook took; its TaskRun name `<run>-<task>` (cut to
    // 57 characters, then a suffix) must be a DNS-1123 subdomain without a `.`, and the task's
    // name is a label value of the TaskRun (apiextensions-apiserver validates both).
    const t = pickOf(model.tasks, pick);
    const trim = (s: string) => s.replace(/[^a-zA-Z0-9]+$/, '');
    const renamed = pickOf([`Up_${trim(t.name.slice(0, 50))}`, `build_${trim(t.name.slice(0, 50))}`, `example.com/${trim(t.name.slice(0, 40))}`, `v1.2-${trim(t.name.slice(0, 50))}`], pick);
    const taskRunName = `${cutBase(`${model.name!}-${renamed}`)}-bcdfg`;
    const subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(taskRunName);
    // The first creation refused may be the task's first condition check (named after its TaskRun),
    // created a wave before the TaskRun itself; any of the three rules may be the one that fails.
    const refusedBy = /could not be created \(.*\): (a DNS-1123 subdomain must consist of|Invalid resource name: special character \. must not be present|the value ".*" of its label tekton\.dev\/pipelineTask: a valid label must be)/;
    const message = !subdomain || taskRunName.includes('.') || renamed.includes('/') ? refusedBy : undefined;
    // Cut off where the run's name is long: Tekton created that TaskRun.
    if (message === undefined) return undefined;
    for (const task of w.tasks) {
      if (task.name === t.name) task.name = renamed;
      if (Array.isArray(task.runAfter)) task.runAfter = task.runAfter.map((x) => (x === t.name ? renamed : x));
      for (const input of ((task.resources as JsonObject | undefined)?.inputs as JsonObject[] | undefined) ?? []) {
        if (Array.isArray(input.from)) input.from = input.from.map((x) => (x === t.name ? renamed : x));
      }
    }
    for (const sa of (w.runSpec.serviceAccountNames as JsonObject[] | undefined) ?? []) if (sa.taskName === t.name) sa.taskName = renamed;
    return { object: w.specObject, field: `${w.path}.tasks[${t.index}].name`, message };
  },
};

/** `breakage` applied to a copy of `s` (a scenario with a `metadata.name`), or undefined where it does not apply. */
export function breakPipeline(s: PipelineScenario, breakage: PipelineBreakage, pick: number): BrokenPipeline | undefined {
  const docs = structuredClone(s.docs);
  const expected = BREAKERS[breakage](where(docs, s.model), docs, s.model, pick);
  return expected === undefined ? undefined : { ...s, docs, breakage, expected };
}

/** A valid PipelineRun input with one thing broken (each of {@link PIPELINE_BREAKAGES}). */
export function brokenPipeline(): fc.Arbitrary<BrokenPipeline> {
  return fc
    .tuple(pipelineScenario({ named: true, maxTasks: 4 }), fc.constantFrom(...PIPELINE_BREAKAGES), fc.nat())
    .map(([s, b, pick]) => breakPipeline(s, b, pick))
    .filter((b): b is BrokenPipeline => b !== undefined);
}
