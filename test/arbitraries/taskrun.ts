/**
 * Valid Tekton inputs reaching every feature of the Pod build, each with a
 * small model of what the Pod must hold (the command each step runs after
 * substitution, its script, working dir, mounts and requests), so
 * properties can check the Pod without taskpod's own code.
 *
 * A {@link Scenario} is what a user gives taskpod: the documents of the
 * input stream (TaskRun, Task or ClusterTask, ServiceAccount, Secrets) and
 * the config (images, imageEntrypoints).
 */
import fc from 'fast-check';
import { KnownQuantity, Requested, requests } from './quantities';
import { dnsLabel, label, nastyText, scriptText, unicodeText, workingDir } from './text';

/** Plain JSON as found in an input document. */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
/** A JSON object. */
export type JsonObject = { [k: string]: Json };

/** The config file's content. */
export interface ConfigDoc {
  images?: Record<string, string>;
  imageEntrypoints: Record<string, string[]>;
}

/** What the model says about one step. */
export interface StepModel {
  /** The step's own name ('' when unnamed). */
  readonly name: string;
  /** The Pod container's name. */
  readonly containerName: string;
  /** The script, when the step has one. */
  readonly script?: string;
  /** The entrypoint's args: wait/post files, then `-entrypoint` and the original command and args (for a script step, up to `-entrypoint`). */
  readonly entrypointArgs: readonly string[];
  /** The container's workingDir. */
  readonly workingDir: string;
  /** The step's workingDir after substitution ('' when none). */
  readonly givenWorkingDir: string;
  /** The user's mounts: path as written and volume name. */
  readonly mounts: readonly { readonly path: string; readonly volume: string }[];
  /** The user's env, in order, after substitution. */
  readonly env: readonly { readonly name: string; readonly value: string }[];
  /** Requests as written. */
  readonly requests: Partial<Record<Requested, KnownQuantity>>;
}

/** What the model says about the whole Pod. */
export interface ScenarioModel {
  readonly steps: readonly StepModel[];
  readonly sidecars: readonly JsonObject[];
  readonly taskVolumes: readonly JsonObject[];
  readonly podTemplateVolumes: readonly JsonObject[];
  /** The stepTemplate as given, if any. */
  readonly stepTemplate?: JsonObject;
  /** ServiceAccount secrets that creds-init gets flags for (in order). */
  readonly credentialSecrets: readonly string[];
  readonly namespace: string;
  /** The TaskRun's name, when given (not generateName). */
  readonly taskRunName?: string;
}

/** One generated input. */
export interface Scenario {
  readonly docs: JsonObject[];
  readonly config: ConfigDoc;
  readonly model: ScenarioModel;
}

// ---------------------------------------------------------------------------
// Images and their entrypoints

/** Images whose entrypoints the config knows; a step without command uses one of these. */
export const KNOWN_IMAGES: Readonly<Record<string, string[]>> = {
  ubuntu: ['/bin/bash'],
  'alpine:3.10': ['/bin/sh', '-c'],
  'gcr.io/foo/bar@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef': ['/ko-app/bar'],
  busybox: ['sh'],
  'registry.example.com:5000/team/tool:v1': ['/entry', '--flag', 'a b $(FOO) $$'],
};
const KNOWN = Object.keys(KNOWN_IMAGES);
const OTHER_IMAGES = ['golang:1.13', 'python:3', 'node:12-alpine', 'docker.io/library/debian:buster'];

// ---------------------------------------------------------------------------
// Params and the strings that use them

interface ParamDecl {
  readonly name: string;
  readonly type: 'string' | 'array';
  /** Whether `type` is written (else defaulted from the default, or `string`). */
  readonly writeType: boolean;
  readonly default?: string | string[];
  /** The TaskRun's value, if it gives one. */
  readonly value?: string | string[];
}

type Part = { readonly lit: string } | { readonly param: string };
/** A list item: a string of parts, or a whole array param. */
type Item = { readonly parts: readonly Part[] } | { readonly array: string };

const ref = (name: string) => `$(inputs.params.${name})`;

function resolved(p: ParamDecl): string | string[] {
  return p.value ?? p.default ?? '';
}

function textOf(parts: readonly Part[]): string {
  return parts.map((p) => ('lit' in p ? p.lit : ref(p.param))).join('');
}

function valueOf(parts: readonly Part[], params: ReadonlyMap<string, ParamDecl>): string {
  return parts.map((p) => ('lit' in p ? p.lit : (resolved(params.get(p.param)!) as string))).join('');
}

function itemText(i: Item): string {
  return 'array' in i ? ref(i.array) : textOf(i.parts);
}

function itemValues(i: Item, params: ReadonlyMap<string, ParamDecl>): string[] {
  return 'array' in i ? (resolved(params.get(i.array)!) as string[]) : [valueOf(i.parts, params)];
}

/** Literal text that is never a param or resource reference. */
function literal(): fc.Arbitrary<string> {
  return fc.oneof(nastyText(4), unicodeText(8)).filter((s) => !/\$\((inputs|outputs)/.test(s));
}

function partsArb(stringParams: readonly string[], maxParts = 3): fc.Arbitrary<Part[]> {
  const part: fc.Arbitrary<Part> =
    stringParams.length === 0
      ? literal().map((lit) => ({ lit }))
      : fc.oneof({ weight: 3, arbitrary: literal().map((lit) => ({ lit })) }, { weight: 1, arbitrary: fc.constantFrom(...stringParams).map((param) => ({ param })) });
  return fc.array(part, { minLength: 1, maxLength: maxParts });
}

function itemArb(stringParams: readonly string[], arrayParams: readonly string[]): fc.Arbitrary<Item> {
  const str = partsArb(stringParams).map((parts): Item => ({ parts }));
  return arrayParams.length === 0 ? str : fc.oneof({ weight: 3, arbitrary: str }, { weight: 1, arbitrary: fc.constantFrom(...arrayParams).map((array): Item => ({ array })) });
}

function paramsArb(): fc.Arbitrary<ParamDecl[]> {
  const name = fc.oneof(dnsLabel(1, 8).filter((n) => /^[a-z]/.test(n)), fc.constantFrom('p', 'p_1', 'P', '_x', 'dir', 'msg'));
  const str = fc.oneof(nastyText(4), unicodeText(10));
  const arr = fc.array(str, { maxLength: 3 });
  const decl = fc.record({
    type: fc.constantFrom<'string' | 'array'>('string', 'string', 'array'),
    writeType: fc.boolean(),
    hasDefault: fc.boolean(),
    giveValue: fc.boolean(),
    s1: str,
    s2: str,
    a1: arr,
    a2: arr,
  });
  // An image param, whose value is an image the config knows (DEVIATIONS.md item 3).
  const image = fc.option(
    fc.record({ hasDefault: fc.boolean(), image: fc.constantFrom(...KNOWN) }).map(
      ({ hasDefault, image: img }): ParamDecl => ({ name: 'img', type: 'string', writeType: true, ...(hasDefault ? { default: img } : { value: img }) }),
    ),
    { nil: undefined },
  );
  const others = fc.uniqueArray(fc.tuple(name, decl), { maxLength: 4, selector: ([n]) => n.toLowerCase() }).map((xs) =>
    xs.map(([n, d]): ParamDecl => {
      const def = d.type === 'string' ? d.s1 : d.a1;
      const val = d.type === 'string' ? d.s2 : d.a2;
      // A param typed only by its default must have one; one without default needs a value.
      const hasDefault = d.hasDefault || (!d.writeType && d.type === 'array');
      return {
        name: n,
        type: d.type,
        writeType: d.writeType,
        ...(hasDefault ? { default: def } : {}),
        ...(d.giveValue || !hasDefault ? { value: val } : {}),
      };
    }),
  );
  return fc.tuple(image, others).map(([img, xs]) => (img === undefined ? xs : [img, ...xs.filter((x) => x.name.toLowerCase() !== 'img')]));
}

// ---------------------------------------------------------------------------
// Volumes

function volumeSource(): fc.Arbitrary<JsonObject> {
  return fc.oneof(
    fc.constant({ emptyDir: {} }),
    fc.constant({ emptyDir: { medium: 'Memory' } }),
    dnsLabel(1, 20).map((n) => ({ configMap: { name: n } })),
    dnsLabel(1, 20).map((n) => ({ secret: { secretName: n } })),
    fc.constantFrom('/var/run/docker.sock', '/data').map((p) => ({ hostPath: { path: p } })),
    dnsLabel(1, 20).map((n) => ({ persistentVolumeClaim: { claimName: n } })),
  );
}

function volumesArb(prefix: string, max: number): fc.Arbitrary<JsonObject[]> {
  return fc.uniqueArray(fc.tuple(label(prefix), volumeSource()), { maxLength: max, selector: ([n]) => n }).map((xs) => xs.map(([name, src]) => ({ name, ...src })));
}

/** Mount paths a step may use (none clashes with Tekton's own /builder/tools, /builder/downward, /builder/scripts). */
const STEP_MOUNT_PATHS = ['/workspace', '/builder/home', '/workspace/', '/data', '/cache/x', '/workspace/sub', '/builder/home/.docker'];

// ---------------------------------------------------------------------------
// Steps

type Shape = 'command' | 'args' | 'none' | 'script';

interface StepGen {
  readonly name: string;
  readonly shape: Shape;
  readonly image: { readonly parts: readonly Part[] };
  readonly command: readonly Item[];
  readonly args: readonly Item[];
  readonly script: string;
  readonly workingDir?: readonly Part[];
  readonly env: readonly { readonly name: string; readonly parts: readonly Part[] }[];
  readonly mounts: readonly { readonly path: string; readonly volume: string }[];
  readonly requests: Partial<Record<Requested, KnownQuantity>>;
  readonly limitsCpu?: string;
  readonly imagePullPolicy?: string;
}

/** The container name Tekton gives a step: `step-NAME` cut to 63 without trailing non-alphanumerics, or `step-unnamed-I`. */
export function stepContainerName(name: string, indexWithPlaceTools: number): string {
  if (name === '') return `step-unnamed-${indexWithPlaceTools}`;
  let s = `step-${name}`.slice(0, 63);
  while (s.length > 0 && !/[a-zA-Z0-9]$/.test(s)) s = s.slice(0, -1);
  return s;
}

const ENV_NAMES = ['FOO', 'BAR', 'HOME', 'PATH', 'X_1', 'LANG', 'EMPTY', 'tekton'];

function stepArb(params: readonly ParamDecl[], volumes: readonly string[]): fc.Arbitrary<Omit<StepGen, 'name'>> {
  const strings = params.filter((p) => p.type === 'string').map((p) => p.name);
  const arrays = params.filter((p) => p.type === 'array').map((p) => p.name);
  const imageParams = params.filter((p) => p.type === 'string' && typeof resolved(p) === 'string' && KNOWN.includes(resolved(p) as string)).map((p) => p.name);
  const knownImage = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...KNOWN).map((lit) => ({ parts: [{ lit }] })) },
    ...(imageParams.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...imageParams).map((param) => ({ parts: [{ param }] })) }] : []),
  );
  const anyImage = fc.oneof(knownImage, fc.constantFrom(...OTHER_IMAGES).map((lit) => ({ parts: [{ lit }] })));
  const items = (min: number) => fc.array(itemArb(strings, arrays), { minLength: min, maxLength: 3 });
  const shape = fc.constantFrom<Shape>('command', 'command', 'args', 'none', 'script', 'script');
  const wd = fc.option(
    fc.oneof(
      workingDir().map((lit) => [{ lit }] as Part[]),
      strings.length > 0 ? fc.constantFrom(...strings).map((param) => [{ lit: '/workspace/' }, { param }] as Part[]) : workingDir().map((lit) => [{ lit }] as Part[]),
    ),
    { nil: undefined, freq: 3 },
  );
  // Names unique within a step: with a stepTemplate, Tekton's strategic
  // merge refused a container listing one env name twice.
  const env = fc.uniqueArray(fc.record({ name: fc.constantFrom(...ENV_NAMES), parts: partsArb(strings, 2) }), { maxLength: 3, selector: (e) => e.name });
  const mounts =
    volumes.length === 0
      ? fc.constant([])
      : fc.uniqueArray(fc.record({ path: fc.constantFrom(...STEP_MOUNT_PATHS), volume: fc.constantFrom(...volumes) }), { maxLength: 2, selector: (m) => m.path });
  return shape.chain((sh) =>
    fc.record({
      shape: fc.constant(sh),
      image: sh === 'args' || sh === 'none' ? knownImage : anyImage,
      command: sh === 'command' ? items(1) : fc.constant([]),
      args: sh === 'command' ? items(0) : sh === 'args' ? items(1) : fc.constant([]),
      script: sh === 'script' ? scriptText() : fc.constant(''),
      workingDir: wd,
      env,
      mounts,
      requests: requests(),
      limitsCpu: fc.option(fc.constantFrom('1', '2', '500m'), { nil: undefined, freq: 4 }),
      imagePullPolicy: fc.option(fc.constantFrom('Always', 'IfNotPresent'), { nil: undefined, freq: 4 }),
    }),
  );
}

function stepNames(count: number): fc.Arbitrary<string[]> {
  const named = label('', 16).filter((n) => !n.startsWith('unnamed-') && n !== 'place-tools');
  const maybe = fc.oneof({ weight: 5, arbitrary: named }, { weight: 1, arbitrary: fc.constant('') });
  return fc
    .array(maybe, { minLength: count, maxLength: count })
    .filter((names) => {
      const real = names.filter((n) => n !== '');
      const containers = names.map((n, j) => stepContainerName(n, j + 1));
      return new Set(real).size === real.length && new Set(containers).size === containers.length;
    });
}

function stepJson(s: StepGen): JsonObject {
  const out: JsonObject = { image: textOf(s.image.parts) };
  if (s.name !== '') out.name = s.name;
  if (s.command.length > 0) out.command = s.command.map(itemText);
  if (s.args.length > 0) out.args = s.args.map(itemText);
  if (s.script !== '') out.script = s.script;
  if (s.workingDir !== undefined) out.workingDir = textOf(s.workingDir);
  if (s.env.length > 0) out.env = s.env.map((e) => ({ name: e.name, value: textOf(e.parts) }));
  if (s.mounts.length > 0) out.volumeMounts = s.mounts.map((m) => ({ name: m.volume, mountPath: m.path }));
  const req: JsonObject = {};
  for (const [k, q] of Object.entries(s.requests)) req[k] = q!.text;
  const resources: JsonObject = {};
  if (Object.keys(req).length > 0) resources.requests = req;
  if (s.limitsCpu !== undefined) resources.limits = { cpu: s.limitsCpu };
  if (Object.keys(resources).length > 0) out.resources = resources;
  if (s.imagePullPolicy !== undefined) out.imagePullPolicy = s.imagePullPolicy;
  return out;
}

function stepModel(s: StepGen, j: number, params: ReadonlyMap<string, ParamDecl>): StepModel {
  const wait = j === 0 ? '/builder/downward/ready' : `/builder/tools/${j - 1}`;
  const head = ['-wait_file', wait, '-post_file', `/builder/tools/${j}`, ...(j === 0 ? ['-wait_file_content'] : []), '-entrypoint'];
  let entrypointArgs: string[];
  if (s.shape === 'script') {
    entrypointArgs = head;
  } else {
    // The entrypoint is rewritten before substitution, so the command's items
    // (or the image's entrypoint) land in the args and are substituted there.
    const cmdItems: Item[] = s.shape === 'command' ? [...s.command] : KNOWN_IMAGES[valueOf(s.image.parts, params)]!.map((lit) => ({ parts: [{ lit }] }));
    const [first, ...rest] = cmdItems;
    const expand = (xs: readonly Item[]) => xs.flatMap((i) => itemValues(i, params));
    entrypointArgs = [...head, ...(first === undefined ? [] : itemValues(first, params)), '--', ...expand(rest), ...expand(s.args)];
  }
  const givenWorkingDir = s.workingDir === undefined ? '' : valueOf(s.workingDir, params);
  return {
    name: s.name,
    containerName: stepContainerName(s.name, j + 1),
    ...(s.script !== '' ? { script: s.script } : {}),
    entrypointArgs,
    workingDir: givenWorkingDir === '' ? '/workspace' : givenWorkingDir,
    givenWorkingDir,
    mounts: s.mounts,
    env: s.env.map((e) => ({ name: e.name, value: valueOf(e.parts, params) })),
    requests: s.requests,
  };
}

// ---------------------------------------------------------------------------
// stepTemplate, sidecars, podTemplate, ServiceAccount

function stepTemplateArb(volumes: readonly string[]): fc.Arbitrary<JsonObject | undefined> {
  const t = fc.record(
    {
      env: fc.uniqueArray(fc.record({ name: fc.constantFrom(...ENV_NAMES, 'TEMPLATE_ONLY'), value: nastyText(3) }), { minLength: 1, maxLength: 3, selector: (e) => e.name }),
      resources: fc.record({ requests: fc.record({ cpu: fc.constantFrom('100m', '1'), memory: fc.constantFrom('64Mi', '1Gi') }, { requiredKeys: [] }) }),
      securityContext: fc.record({ runAsUser: fc.integer({ min: 0, max: 65535 }) }),
      imagePullPolicy: fc.constantFrom('Always', 'Never'),
      ...(volumes.length > 0 ? { volumeMounts: fc.constantFrom(...volumes).map((v) => [{ name: v, mountPath: '/tmpl' }]) } : {}),
    },
    { requiredKeys: [] },
  );
  return fc.option(t as fc.Arbitrary<JsonObject>, { nil: undefined, freq: 3 });
}

function sidecarsArb(volumes: readonly string[]): fc.Arbitrary<JsonObject[]> {
  const sidecar = fc.record(
    {
      image: fc.constantFrom('registry:2', 'docker:dind', 'redis', 'gcr.io/x/y:z'),
      command: fc.array(nastyText(3), { minLength: 1, maxLength: 2 }),
      args: fc.array(nastyText(3), { maxLength: 2 }),
      env: fc.array(fc.record({ name: fc.constantFrom(...ENV_NAMES), value: nastyText(3) }), { minLength: 1, maxLength: 2 }),
      ports: fc.constant([{ containerPort: 5000 }] as Json[]),
      securityContext: fc.constant({ privileged: true }),
      ...(volumes.length > 0 ? { volumeMounts: fc.constantFrom(...volumes).map((v) => [{ name: v, mountPath: '/var/lib/sidecar' }]) } : {}),
    },
    { requiredKeys: ['image'] },
  );
  return fc.uniqueArray(fc.tuple(label('sc-'), sidecar), { maxLength: 2, selector: ([n]) => n }).map((xs) => xs.map(([name, s]) => ({ name, ...(s as JsonObject) })));
}

function podTemplateArb(): fc.Arbitrary<{ readonly template?: JsonObject; readonly volumes: JsonObject[] }> {
  return fc
    .option(
      fc.record(
        {
          nodeSelector: fc.dictionary(fc.constantFrom('disktype', 'kubernetes.io/os', 'zone'), dnsLabel(1, 10), { maxKeys: 2 }),
          tolerations: fc.constant([{ key: 'dedicated', operator: 'Equal', value: 'ci', effect: 'NoSchedule' }]),
          securityContext: fc.record({ runAsNonRoot: fc.boolean(), runAsUser: fc.integer({ min: 1, max: 65535 }), fsGroup: fc.integer({ min: 1, max: 65535 }) }),
          runtimeClassName: dnsLabel(1, 10),
          affinity: fc.constant({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }] } } }),
          volumes: volumesArb('pt-', 2),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined, freq: 3 },
    )
    .map((t) => ({ ...(t !== undefined ? { template: t as JsonObject } : {}), volumes: ((t as JsonObject | undefined)?.volumes as JsonObject[] | undefined) ?? [] }));
}

const SECRET_TYPES = ['kubernetes.io/basic-auth', 'kubernetes.io/ssh-auth', 'kubernetes.io/dockerconfigjson', 'kubernetes.io/dockercfg', 'Opaque'] as const;

interface SecretGen {
  readonly name: string;
  readonly type: (typeof SECRET_TYPES)[number];
  readonly annotations: Record<string, string>;
}

function secretsArb(): fc.Arbitrary<SecretGen[]> {
  const annotations = fc.dictionary(
    fc.constantFrom('tekton.dev/git-0', 'tekton.dev/git-1', 'tekton.dev/docker-0', 'tekton.dev/docker-a', 'unrelated/key'),
    fc.oneof(fc.constantFrom('https://github.com', 'gcr.io', 'https://index.docker.io/v1/'), nastyText(2)),
    { maxKeys: 3 },
  );
  return fc
    .uniqueArray(fc.tuple(label('', 30).filter((n) => n.length <= 40), fc.constantFrom(...SECRET_TYPES), annotations), { maxLength: 3, selector: ([n]) => n })
    .map((xs) => xs.map(([name, type, a]) => ({ name, type, annotations: a })));
}

/** Whether creds-init gets a flag for the secret (Tekton's builders' MatchingAnnotations). */
function hasCredentialFlags(s: SecretGen): boolean {
  const keys = Object.keys(s.annotations);
  const docker = s.type === 'kubernetes.io/dockerconfigjson' || s.type === 'kubernetes.io/dockercfg' || (s.type === 'kubernetes.io/basic-auth' && keys.some((k) => k.startsWith('tekton.dev/docker-')));
  const git = (s.type === 'kubernetes.io/basic-auth' || s.type === 'kubernetes.io/ssh-auth') && keys.some((k) => k.startsWith('tekton.dev/git-'));
  return docker || git;
}

function metadataMap(): fc.Arbitrary<Record<string, string>> {
  return fc.dictionary(fc.constantFrom('app', 'team', 'example.com/owner', 'tekton.dev/pipeline', 'app.kubernetes.io/managed-by', 'x'), fc.oneof(dnsLabel(1, 10), unicodeText(10)), { maxKeys: 3 });
}

// ---------------------------------------------------------------------------
// The whole input

/** Options of {@link scenario}. */
export interface ScenarioOptions {
  /** Most steps (at least one). */
  readonly maxSteps?: number;
  /** Only script steps (for the shell round trip). */
  readonly scriptsOnly?: boolean;
}

/**
 * A valid input: a TaskRun (named or generateName'd, in some namespace)
 * with an embedded taskSpec or a taskRef to a Task or ClusterTask; params
 * of both types with and without defaults; steps of every shape; a
 * stepTemplate, sidecars, volumes, a podTemplate; its ServiceAccount with
 * docker and git secrets; and the config with the entrypoints it needs.
 */
export function scenario(options: ScenarioOptions = {}): fc.Arbitrary<Scenario> {
  const maxSteps = options.maxSteps ?? 5;
  return fc
    .record({
      params: paramsArb(),
      taskVolumes: volumesArb('v-', 3),
      podTemplate: podTemplateArb(),
      stepCount: fc.integer({ min: 1, max: maxSteps }),
    })
    .chain(({ params, taskVolumes, podTemplate, stepCount }) => {
      const volumeNames = [...taskVolumes, ...podTemplate.volumes].map((v) => v.name as string);
      return fc.record({
        params: fc.constant(params),
        taskVolumes: fc.constant(taskVolumes),
        podTemplate: fc.constant(podTemplate),
        names: stepNames(stepCount),
        steps: fc.array(stepArb(params, volumeNames), { minLength: stepCount, maxLength: stepCount }),
        scriptSteps: fc.array(scriptText(), { minLength: stepCount, maxLength: stepCount }),
        stepTemplate: stepTemplateArb(volumeNames),
        sidecars: sidecarsArb(volumeNames),
        secrets: secretsArb(),
        serviceAccount: fc.oneof(fc.constant(''), fc.constant('default'), label('sa-')),
        useServiceAccountField: fc.boolean(),
        taskRunName: fc.oneof({ weight: 4, arbitrary: label('', 20).map((n) => ({ name: n })) }, { weight: 1, arbitrary: dnsLabel(1, 20).map((p) => ({ generateName: `${p}-` })) }),
        namespace: fc.oneof(fc.constant(undefined), fc.constant('default'), label('ns-', 20)),
        taskRef: fc.oneof(fc.constant(undefined), fc.record({ name: label('', 30), kind: fc.constantFrom('Task', 'ClusterTask', undefined) })),
        runLabels: metadataMap(),
        runAnnotations: metadataMap(),
        taskLabels: metadataMap(),
        taskAnnotations: metadataMap(),
        uid: fc.option(fc.uuid(), { nil: undefined }),
        overrideImages: fc.dictionary(fc.constantFrom('creds', 'bashNoop', 'entrypoint', 'nop'), fc.constantFrom('example.com/x:1', 'localhost:5000/bash@sha256:' + 'a'.repeat(64)), { maxKeys: 2 }),
      });
    })
    .map((g) => build(g, options));
}

interface Generated {
  params: ParamDecl[];
  taskVolumes: JsonObject[];
  podTemplate: { readonly template?: JsonObject; readonly volumes: JsonObject[] };
  names: string[];
  steps: Omit<StepGen, 'name'>[];
  scriptSteps: string[];
  stepTemplate: JsonObject | undefined;
  sidecars: JsonObject[];
  secrets: SecretGen[];
  serviceAccount: string;
  useServiceAccountField: boolean;
  taskRunName: { name: string } | { generateName: string };
  namespace: string | undefined;
  taskRef: { name: string; kind: string | undefined } | undefined;
  runLabels: Record<string, string>;
  runAnnotations: Record<string, string>;
  taskLabels: Record<string, string>;
  taskAnnotations: Record<string, string>;
  uid: string | undefined;
  overrideImages: Record<string, string>;
}

function build(g: Generated, options: ScenarioOptions): Scenario {
  const params = new Map(g.params.map((p) => [p.name, p]));
  const steps: StepGen[] = g.steps.map((s0, j) => {
    // A step's own HOME next to Tekton's HOME is a name listed twice, which
    // the stepTemplate merge refuses; without a template it is fine.
    const s = g.stepTemplate === undefined ? s0 : { ...s0, env: s0.env.filter((e) => e.name !== 'HOME') };
    return options.scriptsOnly ? { ...s, name: g.names[j]!, shape: 'script', command: [], args: [], script: g.scriptSteps[j]! } : { ...s, name: g.names[j]! };
  });
  const ns = g.namespace ?? 'default';
  const taskSpec: JsonObject = {
    steps: steps.map(stepJson),
  };
  if (g.params.length > 0) {
    taskSpec.inputs = {
      params: g.params.map((p) => ({
        name: p.name,
        ...(p.writeType ? { type: p.type } : {}),
        ...(p.default !== undefined ? { default: p.default } : {}),
        description: 'a param',
      })),
    };
  }
  if (g.taskVolumes.length > 0) taskSpec.volumes = g.taskVolumes;
  if (g.stepTemplate !== undefined) taskSpec.stepTemplate = g.stepTemplate;
  if (g.sidecars.length > 0) taskSpec.sidecars = g.sidecars;

  const saName = g.serviceAccount;
  const runSpec: JsonObject = {};
  if (saName !== '') runSpec[g.useServiceAccountField ? 'serviceAccount' : 'serviceAccountName'] = saName;
  const given = g.params.filter((p) => p.value !== undefined).map((p) => ({ name: p.name, value: p.value! }));
  if (given.length > 0) runSpec.inputs = { params: given };
  if (g.podTemplate.template !== undefined) runSpec.podTemplate = g.podTemplate.template;

  const docs: JsonObject[] = [];
  if (g.taskRef === undefined) {
    runSpec.taskSpec = taskSpec;
  } else {
    const kind = g.taskRef.kind ?? 'Task';
    runSpec.taskRef = { name: g.taskRef.name, ...(g.taskRef.kind !== undefined ? { kind: g.taskRef.kind } : {}) };
    docs.push({
      apiVersion: 'tekton.dev/v1alpha1',
      kind,
      metadata: { name: g.taskRef.name, ...(kind === 'Task' ? { namespace: ns } : {}), labels: g.taskLabels, annotations: g.taskAnnotations },
      spec: taskSpec,
    });
  }
  const runMeta: JsonObject = { ...g.taskRunName, labels: g.runLabels, annotations: g.runAnnotations };
  if (g.namespace !== undefined) runMeta.namespace = g.namespace;
  if (g.uid !== undefined) runMeta.uid = g.uid;
  docs.unshift({ apiVersion: 'tekton.dev/v1alpha1', kind: 'TaskRun', metadata: runMeta, spec: runSpec });
  docs.push({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: saName === '' ? 'default' : saName, namespace: ns },
    ...(g.secrets.length > 0 ? { secrets: g.secrets.map((s) => ({ name: s.name })) } : {}),
  });
  for (const s of g.secrets) {
    docs.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: s.name, namespace: ns, annotations: s.annotations }, type: s.type });
  }
  return {
    docs,
    config: { ...(Object.keys(g.overrideImages).length > 0 ? { images: g.overrideImages } : {}), imageEntrypoints: { ...KNOWN_IMAGES } },
    model: {
      steps: steps.map((s, j) => stepModel(s, j, params)),
      sidecars: g.sidecars,
      taskVolumes: g.taskVolumes,
      podTemplateVolumes: g.podTemplate.volumes,
      ...(g.stepTemplate !== undefined ? { stepTemplate: g.stepTemplate } : {}),
      credentialSecrets: g.secrets.filter(hasCredentialFlags).map((s) => s.name),
      namespace: ns,
      ...('name' in g.taskRunName ? { taskRunName: g.taskRunName.name } : {}),
    },
  };
}
