/**
 * Near-valid inputs: a valid {@link scenario} with one thing broken — a
 * field of the wrong type, a rule of Tekton's webhook or reconciler broken,
 * a reference that does not resolve, or a Pod the API server would refuse.
 * Also arbitrary JSON and YAML, and hostile keys.
 */
import fc from 'fast-check';
import { Json, JsonObject, Scenario, scenario } from './taskrun';
import { nastyText, unicodeText } from './text';

/** One broken input, with what was broken and whether taskpod must refuse it. */
export interface BrokenInput {
  readonly docs: Json[];
  readonly config: Json;
  readonly breakage: string;
  /** True when the input is invalid for sure; false when taskpod may render it. */
  readonly mustRefuse: boolean;
}

type Docs = JsonObject[];

function taskRun(docs: Docs): JsonObject {
  return docs.find((d) => d.kind === 'TaskRun')!;
}

/** The TaskSpec: embedded, or the referenced Task's. */
function taskSpec(docs: Docs): JsonObject {
  const run = taskRun(docs);
  const spec = run.spec as JsonObject;
  if (spec.taskSpec !== undefined) return spec.taskSpec as JsonObject;
  return docs.find((d) => d.kind === 'Task' || d.kind === 'ClusterTask')!.spec as JsonObject;
}

function steps(docs: Docs): JsonObject[] {
  return taskSpec(docs).steps as JsonObject[];
}

/** A breakage: what it does to a copy of the documents (and config), and whether the result must be refused. */
interface Breakage {
  readonly name: string;
  readonly mustRefuse: boolean;
  readonly apply: (docs: Docs, config: JsonObject, pick: number) => void;
}

const at = <T>(xs: readonly T[], pick: number): T => xs[pick % xs.length]!;

const BREAKAGES: readonly Breakage[] = [
  { name: 'step without image', mustRefuse: true, apply: (d, _c, p) => void delete at(steps(d), p).image },
  { name: 'step image is an object', mustRefuse: true, apply: (d, _c, p) => void (at(steps(d), p).image = { name: 'ubuntu' }) },
  // sigs.k8s.io/yaml read a number where a string belongs as its text: not refused.
  { name: 'step image is a number', mustRefuse: false, apply: (d, _c, p) => void (at(steps(d), p).image = 42) },
  { name: 'steps is a string', mustRefuse: true, apply: (d) => void (taskSpec(d).steps = 'build') },
  { name: 'no steps', mustRefuse: true, apply: (d) => void (taskSpec(d).steps = []) },
  { name: 'command is a string', mustRefuse: true, apply: (d, _c, p) => void (at(steps(d), p).command = 'ls -la') },
  { name: 'env is an object', mustRefuse: true, apply: (d, _c, p) => void (at(steps(d), p).env = { FOO: 'bar' }) },
  { name: 'step name upper case', mustRefuse: true, apply: (d, _c, p) => void (at(steps(d), p).name = 'Build') },
  { name: 'step name 64 characters', mustRefuse: true, apply: (d, _c, p) => void (at(steps(d), p).name = 'a'.repeat(64)) },
  { name: 'step named place-tools', mustRefuse: true, apply: (d, _c, p) => void (at(steps(d), p).name = 'place-tools') },
  {
    name: 'two step names equal after the 63-character cut',
    mustRefuse: true,
    apply: (d) => {
      const s = steps(d);
      s.push({ ...(s[0] as JsonObject), name: `${'x'.repeat(58)}a`, command: ['true'] }, { ...(s[0] as JsonObject), name: `${'x'.repeat(58)}b`, command: ['true'] });
      for (const x of s.slice(-2)) delete x.script;
    },
  },
  {
    name: 'duplicate step names',
    mustRefuse: true,
    apply: (d) => {
      const s = steps(d);
      s.push({ name: 'dup', image: 'ubuntu', command: ['a'] }, { name: 'dup', image: 'ubuntu', command: ['b'] });
    },
  },
  { name: 'script with command', mustRefuse: true, apply: (d, _c, p) => void Object.assign(at(steps(d), p), { script: '#!/bin/sh\necho', command: ['sh'] }) },
  { name: 'script without shebang', mustRefuse: true, apply: (d, _c, p) => void Object.assign(at(steps(d), p), { script: 'echo hi', command: undefined, args: undefined }) },
  { name: 'undeclared param', mustRefuse: true, apply: (d, _c, p) => void (at(steps(d), p).image = '$(inputs.params.never-declared)') },
  {
    name: 'array param outside command and args',
    mustRefuse: true,
    apply: (d, _c, p) => {
      const spec = taskSpec(d);
      spec.inputs = { ...((spec.inputs as JsonObject | undefined) ?? {}), params: [...((((spec.inputs as JsonObject | undefined) ?? {}).params as Json[] | undefined) ?? []), { name: 'arrz', type: 'array', default: ['a'] }] };
      at(steps(d), p).workingDir = '$(inputs.params.arrz)';
    },
  },
  {
    name: 'param default of the wrong type',
    mustRefuse: true,
    apply: (d) => {
      const spec = taskSpec(d);
      spec.inputs = { params: [{ name: 'mistyped', type: 'array', default: 'a string' }] };
    },
  },
  {
    name: 'TaskRun gives an undeclared param',
    mustRefuse: true,
    apply: (d) => {
      const spec = taskRun(d).spec as JsonObject;
      spec.inputs = { params: [...((((spec.inputs as JsonObject | undefined) ?? {}).params as Json[] | undefined) ?? []), { name: 'zz-extra', value: 'x' }] };
    },
  },
  {
    name: 'required param not given',
    mustRefuse: true,
    apply: (d) => {
      const spec = taskSpec(d);
      const inputs = (spec.inputs as JsonObject | undefined) ?? {};
      spec.inputs = { ...inputs, params: [...((inputs.params as Json[] | undefined) ?? []), { name: 'zz-required', type: 'string' }] };
    },
  },
  { name: 'ServiceAccount missing', mustRefuse: true, apply: (d) => void d.splice(d.findIndex((x) => x.kind === 'ServiceAccount'), 1) },
  {
    name: 'secret of the ServiceAccount missing',
    mustRefuse: true,
    apply: (d) => {
      const sa = d.find((x) => x.kind === 'ServiceAccount')!;
      sa.secrets = [...((sa.secrets as Json[] | undefined) ?? []), { name: 'not-in-input' }];
    },
  },
  {
    name: 'secret name with a dot (its volume name is not a DNS label)',
    mustRefuse: true,
    apply: (d) => {
      const sa = d.find((x) => x.kind === 'ServiceAccount')!;
      const ns = (sa.metadata as JsonObject).namespace as string;
      sa.secrets = [{ name: 'my.creds' }];
      d.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'my.creds', namespace: ns, annotations: { 'tekton.dev/git-0': 'https://github.com' } }, type: 'kubernetes.io/basic-auth' });
    },
  },
  {
    name: 'taskRef to a missing Task',
    mustRefuse: true,
    apply: (d) => {
      const spec = taskRun(d).spec as JsonObject;
      delete spec.taskSpec;
      spec.taskRef = { name: 'no-such-task' };
      for (let i = d.length - 1; i >= 0; i--) if (d[i]!.kind === 'Task' || d[i]!.kind === 'ClusterTask') d.splice(i, 1);
    },
  },
  {
    name: 'taskRef and taskSpec both',
    mustRefuse: true,
    apply: (d) => {
      const spec = taskRun(d).spec as JsonObject;
      spec.taskRef = { name: 'x' };
      spec.taskSpec = { steps: [{ image: 'ubuntu', command: ['true'] }] };
    },
  },
  {
    name: 'neither taskRef nor taskSpec',
    mustRefuse: true,
    apply: (d) => {
      const spec = taskRun(d).spec as JsonObject;
      delete spec.taskRef;
      delete spec.taskSpec;
    },
  },
  { name: 'TaskRun name with a dot', mustRefuse: true, apply: (d) => void ((taskRun(d).metadata as JsonObject).name = 'my.run') },
  {
    name: 'TaskRun without name or generateName',
    mustRefuse: true,
    apply: (d) => {
      const m = taskRun(d).metadata as JsonObject;
      delete m.name;
      delete m.generateName;
    },
  },
  { name: 'two TaskRuns', mustRefuse: true, apply: (d) => void d.push(structuredClone(taskRun(d))) },
  { name: 'no TaskRun', mustRefuse: true, apply: (d) => void d.splice(d.indexOf(taskRun(d)), 1) },
  { name: 'document is a list', mustRefuse: true, apply: (d) => void d.push([1, 2] as unknown as JsonObject) },
  { name: 'document without kind', mustRefuse: true, apply: (d) => void d.push({ apiVersion: 'v1', metadata: { name: 'x' } }) },
  {
    name: 'duplicate volume names',
    mustRefuse: true,
    apply: (d) => void (taskSpec(d).volumes = [...((taskSpec(d).volumes as Json[] | undefined) ?? []), { name: 'dupvol', emptyDir: {} }, { name: 'dupvol', emptyDir: {} }]),
  },
  { name: 'volume named like an implicit one', mustRefuse: true, apply: (d) => void (taskSpec(d).volumes = [{ name: 'workspace', emptyDir: {} }]) },
  { name: 'volumeMount of an undeclared volume', mustRefuse: true, apply: (d, _c, p) => void (at(steps(d), p).volumeMounts = [{ name: 'undeclared', mountPath: '/u' }]) },
  {
    name: "mount over Tekton's /builder/tools",
    mustRefuse: true,
    apply: (d, _c, p) => {
      // Without stepTemplate mounts: with them, Tekton's strategic merge
      // folds mounts that share a path into one, and nothing is refused.
      const ts = taskSpec(d);
      if (ts.stepTemplate !== undefined && ts.stepTemplate !== null) delete (ts.stepTemplate as Record<string, unknown>).volumeMounts;
      ts.volumes = [{ name: 'mine', emptyDir: {} }];
      at(steps(d), p).volumeMounts = [{ name: 'mine', mountPath: '/builder/tools' }];
    },
  },
  { name: 'volume name upper case', mustRefuse: true, apply: (d) => void (taskSpec(d).volumes = [{ name: 'Data', emptyDir: {} }]) },
  { name: 'sidecar named like a step container', mustRefuse: true, apply: (d) => void (taskSpec(d).sidecars = [{ name: 'step-dup', image: 'x' }, { name: 'step-dup', image: 'y' }]) },
  { name: 'request is not a quantity', mustRefuse: true, apply: (d, _c, p) => void (at(steps(d), p).resources = { requests: { cpu: 'lots' } }) },
  {
    name: 'unknown image entrypoint',
    mustRefuse: true,
    apply: (d, c) => {
      steps(d).push({ name: 'zz-lookup', image: 'unknown-image:1' });
      c.imageEntrypoints = {};
    },
  },
  { name: 'unknown image key in config', mustRefuse: true, apply: (_d, c) => void (c.images = { notAnImage: 'x' }) },
  { name: 'config imageEntrypoints is a list', mustRefuse: true, apply: (_d, c) => void (c.imageEntrypoints = ['ubuntu']) },
  { name: 'negative timeout', mustRefuse: true, apply: (d) => void ((taskRun(d).spec as JsonObject).timeout = '-1h') },
  { name: 'stepTemplate with args and a script step (DEVIATIONS.md item 6: rules apply to steps as written)', mustRefuse: false, apply: (d) => {
    taskSpec(d).stepTemplate = { args: ['x'] };
    steps(d).push({ name: 'zz-script', image: 'ubuntu', script: '#!/bin/sh\necho' });
  } },
  // Tekton's webhook decoded its kinds strictly: a field the Go types do not have is refused.
  { name: 'unknown fields in a step', mustRefuse: true, apply: (d, _c, p) => void Object.assign(at(steps(d), p), { bogus: { deep: [1] }, 'x-y': null }) },
  { name: 'an unknown field at a random depth of a Tekton object', mustRefuse: true, apply: (d, _c, p) => void addUnknownField(d, p) },
  // Not necessarily refused: odd but well-typed values.
  { name: 'null fields', mustRefuse: false, apply: (d, _c, p) => void Object.assign(at(steps(d), p), { env: null, args: null, workingDir: null }) },
  { name: 'empty strings', mustRefuse: false, apply: (d, _c, p) => void Object.assign(at(steps(d), p), { name: '', workingDir: '' }) },
];

// ---------------------------------------------------------------------------
// Unknown fields

/** The Tekton kinds, which Tekton's webhook decoded strictly. */
const TEKTON_KINDS = new Set(['TaskRun', 'Task', 'ClusterTask', 'PipelineResource']);
/** Fields whose value is a Go map: any key is fine there (and below). */
const MAP_FIELDS = new Set(['labels', 'annotations', 'nodeSelector', 'limits', 'requests', 'matchLabels', 'options']);
/** Names no struct of Kubernetes 1.12 or Tekton v1alpha1 has, in any case: typos, later fields, other tools' words, look-alikes. */
export const UNKNOWN_NAMES = ['zzUnknown', 'entrypoint', 'startupProbe', 'managedFields', 'workspaces', 'x-extra', '\u0131mage', 'spec_', 'Command2'] as const;

/** The path of a key or index below `path`, as taskpod prints it. */
const below = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : /^[A-Za-z_$][\w$-]*$/.test(key) ? (path === '' ? key : `${path}.${key}`) : `${path}[${JSON.stringify(key)}]`;

/** Every object of a document that Go decoded into a struct (not a map), with its path. */
function structNodes(value: Json, path: string, out: { readonly node: JsonObject; readonly path: string }[]): typeof out {
  if (Array.isArray(value)) value.forEach((v, i) => structNodes(v, below(path, i), out));
  else if (typeof value === 'object' && value !== null) {
    out.push({ node: value, path });
    for (const [k, v] of Object.entries(value)) if (!MAP_FIELDS.has(k)) structNodes(v, below(path, k), out);
  }
  return out;
}

/** Where an unknown field was put: the document, the field's path and its name. */
export interface UnknownFieldPlacement {
  readonly kind: string;
  readonly path: string;
  readonly name: string;
}

/**
 * Puts one unknown field into one struct of one Tekton object of `docs`,
 * chosen by `pick`, as the last key of that struct (so it is the first
 * unknown field in document order only if nothing before it is unknown,
 * which is so in a valid scenario).
 */
export function addUnknownField(docs: Docs, pick: number): UnknownFieldPlacement {
  const tekton = docs.filter((d) => TEKTON_KINDS.has(String(d.kind)));
  const doc = at(tekton, pick);
  const nodes = structNodes(doc, '', []);
  const { node, path } = at(nodes, Math.floor(pick / tekton.length));
  const name = at(UNKNOWN_NAMES, Math.floor(pick / 7));
  node[name] = at([null, 1, 'x', { deep: [1] }, [{ name: 'a' }]] as Json[], Math.floor(pick / 5));
  return { kind: String(doc.kind), path: below(path, name), name };
}

/** A valid scenario with an unknown field at a random depth of one of its Tekton objects. */
export function unknownFieldAnywhere(): fc.Arbitrary<{ readonly docs: Json[]; readonly config: Json; readonly placed: UnknownFieldPlacement }> {
  return fc.tuple(scenario({ maxSteps: 3 }), fc.nat()).map(([s, pick]) => {
    // Not structuredClone: it keeps objects the scenario shares (two
    // sidecars' ports), and the field would land in both.
    const docs = JSON.parse(JSON.stringify(s.docs)) as Docs;
    const placed = addUnknownField(docs, pick);
    return { docs, config: s.config as unknown as Json, placed };
  });
}

/** A valid scenario with one breakage applied. */
export function nearValid(): fc.Arbitrary<BrokenInput> {
  return fc.tuple(scenario({ maxSteps: 3 }), fc.nat({ max: BREAKAGES.length - 1 }), fc.nat()).map(([s, b, pick]) => breakScenario(s, BREAKAGES[b]!, pick));
}

function breakScenario(s: Scenario, b: Breakage, pick: number): BrokenInput {
  const docs = structuredClone(s.docs);
  const config = structuredClone(s.config) as unknown as JsonObject;
  b.apply(docs, config, pick);
  return { docs, config, breakage: b.name, mustRefuse: b.mustRefuse };
}

/** The names of all breakages (for tests that want each one at least once). */
export const BREAKAGE_NAMES: readonly string[] = BREAKAGES.map((b) => b.name);

/** Every breakage applied to one scenario. */
export function everyBreakage(s: Scenario, pick = 0): BrokenInput[] {
  return BREAKAGES.map((b) => breakScenario(s, b, pick));
}

// ---------------------------------------------------------------------------
// Hostile keys, arbitrary JSON and YAML

/** Keys that pollute prototypes when assigned carelessly. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'] as const;

/** A map of string values with hostile keys (and ordinary ones). */
export function hostileMap(): fc.Arbitrary<Record<string, string>> {
  return fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.constantFrom('app', 'polluted')), fc.oneof(nastyText(2), fc.constant('polluted'))), { maxLength: 5 })
    .map((entries) => {
      const out: Record<string, string> = {};
      for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      return out;
    });
}

/**
 * A valid scenario whose labels, annotations, env names, param names and
 * values, and nodeSelector carry hostile keys (`__proto__`, `constructor`, ...).
 */
export function hostileScenario(): fc.Arbitrary<{ readonly docs: Json[]; readonly config: Json }> {
  return fc.tuple(scenario({ maxSteps: 2 }), hostileMap(), hostileMap(), hostileMap(), fc.constantFrom(...HOSTILE_KEYS)).map(([s, labels, annotations, selector, key]) => {
    const docs = structuredClone(s.docs);
    const run = taskRun(docs);
    const meta = run.metadata as JsonObject;
    meta.labels = labels;
    meta.annotations = annotations;
    const spec = run.spec as JsonObject;
    spec.podTemplate = { ...((spec.podTemplate as JsonObject | undefined) ?? {}), nodeSelector: selector };
    const st = steps(docs);
    st[0]!.env = [{ name: key, value: `$(${key})` }, { name: 'x', value: key }];
    const ts = taskSpec(docs);
    ts.inputs = { ...((ts.inputs as JsonObject | undefined) ?? {}), params: [...((((ts.inputs as JsonObject | undefined) ?? {}).params as Json[] | undefined) ?? []), { name: key, type: 'string', default: key }] };
    // The config's imageEntrypoints map with a hostile image name.
    const config = structuredClone(s.config) as unknown as JsonObject;
    const entrypoints = config.imageEntrypoints as JsonObject;
    Object.defineProperty(entrypoints, key, { value: ['/bin/sh'], enumerable: true, writable: true, configurable: true });
    return { docs, config };
  });
}

/** Any JSON value, including deep nesting. */
export function anyJson(): fc.Arbitrary<Json> {
  return fc.jsonValue({ maxDepth: 6 }) as fc.Arbitrary<Json>;
}

/** JSON values shaped roughly like Kubernetes objects of the kinds taskpod reads, with arbitrary insides. */
export function objectLike(): fc.Arbitrary<Json> {
  return fc.record({
    apiVersion: fc.constantFrom('tekton.dev/v1alpha1', 'v1', 'x'),
    kind: fc.constantFrom('TaskRun', 'Task', 'ClusterTask', 'PipelineResource', 'ServiceAccount', 'Secret', 'ConfigMap', 'Pod', 'PipelineRun', 'List', 'Unknown'),
    metadata: fc.oneof(anyJson(), fc.record({ name: fc.oneof(unicodeText(8), anyJson()), namespace: fc.oneof(unicodeText(8), anyJson()) }, { requiredKeys: [] })),
    spec: anyJson(),
    items: anyJson(),
  }, { requiredKeys: ['kind'] }) as fc.Arbitrary<Json>;
}

/** Text that is YAML-ish: fragments of YAML syntax, anchors, aliases, tags, documents. */
export function yamlishText(): fc.Arbitrary<string> {
  const piece = fc.oneof(
    fc.constantFrom('---\n', '...\n', 'kind: TaskRun\n', 'metadata:\n  name: x\n', 'spec:\n', '  steps:\n  - image: ubuntu\n', '- ', ': ', '&a ', '*a', '*b', '!!binary ', '!!python/object ', '<<: *a\n', '{', '}', '[', ']', '"', "'", '#', '\t', '\n', '  ', 'yes', 'on', '0x1F', '1:20', '~', '%YAML 1.1\n', '%TAG ! tag:x,2000:\n', '? ', '|\n', '>-\n', '\\u0000', '__proto__: {polluted: yes}\n', 'constructor:\n  prototype:\n    polluted: 1\n'),
    unicodeText(6),
  );
  return fc.array(piece, { maxLength: 30 }).map((ps) => ps.join(''));
}

/** Deeply nested JSON text (arrays or objects `depth` levels deep). */
export function deepNesting(): fc.Arbitrary<string> {
  return fc.record({ depth: fc.integer({ min: 100, max: 5000 }), object: fc.boolean() }).map(({ depth, object }) =>
    object ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`,
  );
}
