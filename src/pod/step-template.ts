/**
 * Merging the stepTemplate into each container, as Tekton's
 * MergeStepsWithStepTemplate (pkg/apis/pipeline/v1alpha1/merge.go) did: each
 * container and the template are encoded as Go's `json.Marshal` encoded a
 * core/v1 Container, a three-way strategic merge patch is made from an empty
 * Container (original), the step (modified) and the template (current), and
 * that patch is applied to the template (./strategic-merge.ts).
 *
 * For ordinary inputs that reads simply: the step's fields win, objects
 * merge field by field, `ports`, `env`, `volumeMounts` and `volumeDevices`
 * merge item by item on `containerPort`, `name`, `mountPath` and
 * `devicePath`, every other list is the step's when the step has one; the
 * step's items keep the step's order and each template-only item goes
 * before the first step item that the template lists after it. What Go's
 * encoding adds matters at the edges: a field tagged `omitempty` is left out
 * when empty (`""`, `0`, `false`, `[]`), so it cannot clear the template's;
 * the others are always there, so the step's `name` always wins, even `""`,
 * and an env item without a name merges as the name `""`.
 *
 * A key that the step lists twice (every step gets `HOME` first, so a step
 * that sets `HOME` has two) makes the result depend on apimachinery's
 * algorithm: the two items are merged into one, field by field, in the
 * order Go's unstable `sort.Sort` left them (Go 1.13's, ./go-sort.ts), so
 * the values of the one it put last win; and when the repeated items are
 * not next to each other and something else is in the patch, the patch
 * fails its own order check ("The order in patch list ... doesn't match
 * $setElementOrder list") and Tekton refused the TaskRun. Both come out of
 * the port as they did in Go.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { Container } from '../model/core';
import { defineField, goSortedKeys } from '../model/struct';
import { createThreeWayMergePatch, GoField, GoMap, GoScalar, GoType, GoValue, PatchSchema, strategicMergePatch, threeWayMergeFast } from './strategic-merge';

// ---------------------------------------------------------------------------
// The core/v1 Container type of Kubernetes 1.12, with its JSON and patch tags
// ---------------------------------------------------------------------------

type GoStruct = Extract<GoType, { readonly kind: 'struct' }>;

const scalar = (s: GoScalar): GoType => ({ kind: 'scalar', scalar: s });
const STRING = scalar('string');
const INT = scalar('int');
const BOOL = scalar('bool');
const QUANTITY = scalar('quantity');
const INT_OR_STRING = scalar('intOrString');
const sliceOf = (elem: GoType): GoType => ({ kind: 'slice', elem });
const struct = (name: string, fields: readonly GoField[]): GoStruct => ({ kind: 'struct', name, fields });

/**
 * A field from its tags: `omitempty`, `ptr` for a pointer, `merge=<key>` for
 * `patchStrategy:"merge" patchMergeKey:"<key>"`.
 */
function field(json: string, type: GoType, tags = ''): GoField {
  const words = tags.split(' ');
  const merge = words.find((w) => w.startsWith('merge='));
  return {
    json,
    type,
    pointer: words.includes('ptr'),
    omitempty: words.includes('omitempty'),
    patchStrategy: merge !== undefined ? 'merge' : '',
    patchMergeKey: merge !== undefined ? merge.slice('merge='.length) : '',
  };
}

const OPT = 'omitempty';
const OPT_PTR = 'omitempty ptr';
// LocalObjectReference, inlined into the env sources and key selectors.
const LOCAL_NAME = field('name', STRING, OPT);
const OPTIONAL = field('optional', BOOL, OPT_PTR);

const CONTAINER_PORT = struct('ContainerPort', [
  field('name', STRING, OPT),
  field('hostPort', INT, OPT),
  field('containerPort', INT),
  field('protocol', STRING, OPT),
  field('hostIP', STRING, OPT),
]);
const ENV_FROM_SOURCE = struct('EnvFromSource', [
  field('prefix', STRING, OPT),
  field('configMapRef', struct('ConfigMapEnvSource', [LOCAL_NAME, OPTIONAL]), OPT_PTR),
  field('secretRef', struct('SecretEnvSource', [LOCAL_NAME, OPTIONAL]), OPT_PTR),
]);
const ENV_VAR_SOURCE = struct('EnvVarSource', [
  field('fieldRef', struct('ObjectFieldSelector', [field('apiVersion', STRING, OPT), field('fieldPath', STRING)]), OPT_PTR),
  // divisor is a resource.Quantity, a struct: omitempty never drops it, its zero value prints "0".
  field('resourceFieldRef', struct('ResourceFieldSelector', [field('containerName', STRING, OPT), field('resource', STRING), field('divisor', QUANTITY, OPT)]), OPT_PTR),
  field('configMapKeyRef', struct('ConfigMapKeySelector', [LOCAL_NAME, field('key', STRING), OPTIONAL]), OPT_PTR),
  field('secretKeyRef', struct('SecretKeySelector', [LOCAL_NAME, field('key', STRING), OPTIONAL]), OPT_PTR),
]);
const ENV_VAR = struct('EnvVar', [field('name', STRING), field('value', STRING, OPT), field('valueFrom', ENV_VAR_SOURCE, OPT_PTR)]);
const RESOURCE_LIST: GoType = { kind: 'map', elem: QUANTITY };
const RESOURCE_REQUIREMENTS = struct('ResourceRequirements', [field('limits', RESOURCE_LIST, OPT), field('requests', RESOURCE_LIST, OPT)]);
const VOLUME_MOUNT = struct('VolumeMount', [
  field('name', STRING),
  field('readOnly', BOOL, OPT),
  field('mountPath', STRING),
  field('subPath', STRING, OPT),
  field('mountPropagation', STRING, OPT_PTR),
]);
const VOLUME_DEVICE = struct('VolumeDevice', [field('name', STRING), field('devicePath', STRING)]);
const HANDLER_FIELDS = [
  field('exec', struct('ExecAction', [field('command', sliceOf(STRING), OPT)]), OPT_PTR),
  field(
    'httpGet',
    struct('HTTPGetAction', [
      field('path', STRING, OPT),
      field('port', INT_OR_STRING),
      field('host', STRING, OPT),
      field('scheme', STRING, OPT),
      field('httpHeaders', sliceOf(struct('HTTPHeader', [field('name', STRING), field('value', STRING)])), OPT),
    ]),
    OPT_PTR,
  ),
  field('tcpSocket', struct('TCPSocketAction', [field('port', INT_OR_STRING), field('host', STRING, OPT)]), OPT_PTR),
];
const HANDLER = struct('Handler', HANDLER_FIELDS);
// Probe inlines Handler, so its fields come first at the same level.
const PROBE = struct('Probe', [
  ...HANDLER_FIELDS,
  ...['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'].map((n) => field(n, INT, OPT)),
]);
const SECURITY_CONTEXT = struct('SecurityContext', [
  field('capabilities', struct('Capabilities', [field('add', sliceOf(STRING), OPT), field('drop', sliceOf(STRING), OPT)]), OPT_PTR),
  field('privileged', BOOL, OPT_PTR),
  field('seLinuxOptions', struct('SELinuxOptions', ['user', 'role', 'type', 'level'].map((n) => field(n, STRING, OPT))), OPT_PTR),
  field('runAsUser', INT, OPT_PTR),
  field('runAsGroup', INT, OPT_PTR),
  field('runAsNonRoot', BOOL, OPT_PTR),
  field('readOnlyRootFilesystem', BOOL, OPT_PTR),
  field('allowPrivilegeEscalation', BOOL, OPT_PTR),
  field('procMount', STRING, OPT_PTR),
]);

/** core/v1 Container at Kubernetes 1.12: fields in struct order, with their tags. */
const CONTAINER = struct('Container', [
  field('name', STRING),
  field('image', STRING, OPT),
  field('command', sliceOf(STRING), OPT),
  field('args', sliceOf(STRING), OPT),
  field('workingDir', STRING, OPT),
  field('ports', sliceOf(CONTAINER_PORT), `${OPT} merge=containerPort`),
  field('envFrom', sliceOf(ENV_FROM_SOURCE), OPT),
  field('env', sliceOf(ENV_VAR), `${OPT} merge=name`),
  // A struct, not a pointer: omitempty never drops it.
  field('resources', RESOURCE_REQUIREMENTS, OPT),
  field('volumeMounts', sliceOf(VOLUME_MOUNT), `${OPT} merge=mountPath`),
  field('volumeDevices', sliceOf(VOLUME_DEVICE), `${OPT} merge=devicePath`),
  field('livenessProbe', PROBE, OPT_PTR),
  field('readinessProbe', PROBE, OPT_PTR),
  field('lifecycle', struct('Lifecycle', [field('postStart', HANDLER, OPT_PTR), field('preStop', HANDLER, OPT_PTR)]), OPT_PTR),
  field('terminationMessagePath', STRING, OPT),
  field('terminationMessagePolicy', STRING, OPT),
  field('imagePullPolicy', STRING, OPT),
  field('securityContext', SECURITY_CONTEXT, OPT_PTR),
  field('stdin', BOOL, OPT),
  field('stdinOnce', BOOL, OPT),
  field('tty', BOOL, OPT),
]);

const CONTAINER_SCHEMA: PatchSchema = { type: CONTAINER, pointer: false };

// ---------------------------------------------------------------------------
// Go's json.Marshal of a Container, and back
// ---------------------------------------------------------------------------

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null && !Array.isArray(u);
const own = (o: Readonly<Record<string, unknown>>, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

/** Plain JSON as Go's `interface{}` holds it. */
function toGo(u: unknown): GoValue {
  if (u === undefined || u === null) return null;
  if (typeof u === 'string' || typeof u === 'number' || typeof u === 'boolean') return u;
  if (Array.isArray(u)) return u.map(toGo);
  if (isRecord(u)) return new Map(Object.keys(u).map((k) => [k, toGo(u[k])] as const));
  return null;
}

/** The value of a type that Go holds when nothing was set; `undefined` for a nil slice or map. */
function zeroValue(type: GoType): GoValue | undefined {
  switch (type.kind) {
    case 'struct':
      return marshalStruct(type, {});
    case 'slice':
    case 'map':
      return undefined;
    case 'scalar':
      return { string: '', int: 0, bool: false, quantity: '0', intOrString: 0 }[type.scalar];
  }
}

/** encoding/json's isEmptyValue: what `omitempty` leaves out (never a struct). */
function isEmptyValue(type: GoType, v: GoValue): boolean {
  if (type.kind === 'slice') return Array.isArray(v) && v.length === 0;
  if (type.kind === 'map') return v instanceof Map && v.size === 0;
  if (type.kind === 'scalar') return (type.scalar === 'string' && v === '') || (type.scalar === 'int' && v === 0) || (type.scalar === 'bool' && v === false);
  return false;
}

function marshalValue(type: GoType, u: unknown): GoValue {
  if (type.kind === 'struct') return marshalStruct(type, u);
  if (type.kind === 'slice' && Array.isArray(u)) return u.map((x) => marshalValue(type.elem, x));
  // A Go map: keys in the order Go's encoder wrote them (as the codecs' encode sorts them).
  if (type.kind === 'map' && isRecord(u)) return new Map(goSortedKeys(u).map((k) => [k, marshalValue(type.elem, u[k])] as const));
  return toGo(u);
}

/**
 * A struct as Go's `json.Marshal` writes it, from the codec's encoding
 * (where an absent field is Go's zero value): nil pointers and empty
 * `omitempty` fields left out, every other field present, zero or not.
 */
function marshalStruct(type: GoStruct, u: unknown): GoMap {
  const o = isRecord(u) ? u : {};
  const out = new Map<string, GoValue>();
  for (const f of type.fields) {
    const v = own(o, f.json);
    let m: GoValue | undefined;
    if (v !== undefined && v !== null) {
      m = marshalValue(f.type, v);
      if (!f.pointer && f.omitempty && isEmptyValue(f.type, m)) m = undefined;
    } else if (!f.pointer) {
      m = zeroValue(f.type);
      if (m === undefined) m = f.omitempty ? undefined : null;
      else if (f.omitempty && isEmptyValue(f.type, m)) m = undefined;
    }
    if (m !== undefined) out.set(f.json, m);
  }
  return out;
}

/**
 * Decoded JSON back to plain objects for the codec. The zero values that
 * Go's encoding alone put in (`""` of a field without omitempty, the empty
 * `resources` struct) are dropped, as absent means zero in the model;
 * pointers keep whatever they hold.
 */
function toPlain(type: GoType | undefined, v: GoValue): unknown {
  if (Array.isArray(v)) return v.map((x) => toPlain(type?.kind === 'slice' ? type.elem : undefined, x));
  if (!(v instanceof Map)) return v;
  const out: Record<string, unknown> = {};
  // forEach, not for-of: no [key, value] array per entry (docs/performance.md).
  if (type?.kind === 'struct') {
    const fields = fieldsByName(type);
    v.forEach((x, k) => {
      const f = fields.get(k);
      const zero = f !== undefined && !f.pointer && ((f.type.kind === 'scalar' && f.type.scalar === 'string' && x === '') || (f.type.kind === 'struct' && x instanceof Map && x.size === 0));
      if (!zero) defineField(out, k, toPlain(f?.type, x));
    });
  } else {
    const elem = type?.kind === 'map' ? type.elem : undefined;
    v.forEach((x, k) => defineField(out, k, toPlain(elem, x)));
  }
  return out;
}

const fieldIndex = new WeakMap<GoStruct, ReadonlyMap<string, GoField>>();
/** A struct's fields by JSON name (the first of a name), built once per struct type. */
function fieldsByName(type: GoStruct): ReadonlyMap<string, GoField> {
  let m = fieldIndex.get(type);
  if (m === undefined) {
    m = new Map();
    for (const f of type.fields) if (!m.has(f.json)) (m as Map<string, GoField>).set(f.json, f);
    fieldIndex.set(type, m);
  }
  return m;
}

/**
 * A container as Go's `json.Marshal` wrote it. Read from the decoded
 * container itself, not from `Container.encode` of it: the encoding only
 * orders fields (marshalStruct takes them in the struct's order anyway),
 * drops the zeros `omitempty` drops here too, fills the zeros this fills
 * too, and sorts map keys, as marshalValue does.
 */
const marshalContainer = (c: Container): GoMap => marshalStruct(CONTAINER, c);

/** `json.Marshal(&v1.Container{})`: the original of the three-way patch. */
const EMPTY_CONTAINER = marshalStruct(CONTAINER, {});

const oneLine = (message: string): string => message.replace(/\s*\n\s*/g, ' ').trim();

/** The merged container, decoded. */
function decodeMerged(merged: GoMap): E.Either<string, Container> {
  return E.mapLeft(() => 'the stepTemplate and the step do not merge into a valid container')(Container.decode(toPlain(CONTAINER, merged)));
}

/** Tekton's two calls: the three-way patch, then the patch applied to the template. */
function mergeFull(template: GoMap, modified: GoMap): E.Either<string, Container> {
  const patch = createThreeWayMergePatch(EMPTY_CONTAINER, modified, template, CONTAINER_SCHEMA);
  if (E.isLeft(patch)) return E.left(oneLine(patch.left));
  const merged = strategicMergePatch(template, patch.right, CONTAINER_SCHEMA);
  if (E.isLeft(merged)) return E.left(oneLine(merged.left));
  return decodeMerged(merged.right);
}

function mergeMarshalled(template: GoMap, step: Container): E.Either<string, Container> {
  const modified = marshalContainer(step);
  // Nearly every step merges by the plain rule, in one pass; the rest (a
  // key listed twice, ...) go through the two calls (docs/performance.md).
  const fast = threeWayMergeFast(EMPTY_CONTAINER, modified, template, CONTAINER_SCHEMA);
  return fast !== undefined ? decodeMerged(fast) : mergeFull(template, modified);
}

/**
 * One container merged onto the template by one of the two ways
 * {@link mergeWithTemplate} has: `full`, Tekton's two calls (the three-way
 * patch, then the patch applied) on the containers as their codec encodes
 * them, as before any speed-up; `fast`, the plain rule in one pass
 * (`threeWayMergeFast`) on the containers as they are, `undefined` where it
 * does not apply. For the tests that compare them.
 *
 * @internal
 */
export function mergeWithTemplateBy(way: 'fast' | 'full', template: Container, step: Container): E.Either<string, Container> | undefined {
  if (way === 'full') return mergeFull(marshalStruct(CONTAINER, Container.encode(template)), marshalStruct(CONTAINER, Container.encode(step)));
  const fast = threeWayMergeFast(EMPTY_CONTAINER, marshalContainer(step), marshalContainer(template), CONTAINER_SCHEMA);
  return fast === undefined ? undefined : decodeMerged(fast);
}

/**
 * One container merged onto the template, or Left with the strategic merge
 * patch's error (as Tekton's, on one line).
 *
 * @example
 * ```ts
 * mergeWithTemplate({ env: [{ name: 'A', value: 't' }] }, { name: 's', env: [{ name: 'B', value: 's' }] });
 * // Right({ name: 's', env: [{ name: 'B', value: 's' }, { name: 'A', value: 't' }] })
 * ```
 *
 * @public
 */
export function mergeWithTemplate(template: Container, step: Container): E.Either<string, Container> {
  return mergeMarshalled(marshalContainer(template), step);
}

/**
 * Every container merged onto the template (unchanged without a template);
 * Left names the first container that cannot be merged.
 *
 * @example
 * ```ts
 * mergeAllWithTemplate({ env: [{ name: 'LANG', value: 'C' }] }, [{ name: 'a', image: 'busybox' }]);
 * // Right([{ name: 'a', image: 'busybox', env: [{ name: 'LANG', value: 'C' }] }])
 * ```
 *
 * @public
 */
export function mergeAllWithTemplate(
  template: Container | undefined,
  containers: readonly Container[],
): E.Either<string, readonly Container[]> {
  if (template === undefined) return E.right(containers);
  // The template is encoded once, not once per container (docs/performance.md).
  const encoded = marshalContainer(template);
  const out: Container[] = [];
  for (const [i, c] of containers.entries()) {
    const m = mergeMarshalled(encoded, c);
    if (E.isLeft(m)) return E.left(`container ${c.name !== undefined && c.name !== '' ? `"${c.name}"` : `#${i}`}: ${m.left}`);
    out.push(m.right);
  }
  return E.right(out);
}
