/**
 * Codecs for the Kubernetes `v1` objects taskpod reads and writes, shaped like
 * the k8s.io/api and apimachinery structs of **kubernetes-1.12.9**, the
 * version Tekton vendored in late October 2019.
 *
 * Every struct lists its fields in the Go declaration order (so encoding
 * prints them in the order Go's encoder did) under their Go JSON names.
 * Embedded Go structs (`json:",inline"`) are flattened at the place they were
 * embedded, as Go's encoder flattens them. Fields that 1.12 did not have
 * (`startupProbe`, `subPathExpr`, inline `csi` volumes, `enableServiceLinks`,
 * ...) are unknown here: in a core object (a Pod, a Secret) they are dropped,
 * as Go dropped them; inside a Tekton object (a step, a Task's volume) they
 * are refused, as Tekton's webhook refused them (src/input/objects.ts).
 *
 * Scalars follow Go's decoder: quantities and timestamps decode to the
 * canonical text Go would print back, `[]byte` values must be valid standard
 * base64.
 *
 * Zero values follow Go's encoder. A value field tagged `omitempty`
 * (`readOnly`, `tty`, a probe's `periodSeconds`, `hostNetwork`, ...) is
 * {@link omitZero}: its `false` or `0` is the same as absent, decoded values
 * never hold it and the Pod never prints it. A value field without
 * `omitempty` whose zero Go printed and a reader would see
 * (`containerPort`, iSCSI `lun`, affinity `weight`s, a probe's `port`, a
 * resourceFieldRef's `divisor`, container status counters) is
 * {@link printZero}: an absent one holds and prints its zero. Pointer fields
 * (`privileged`, `runAsUser`, `mode`, `optional`, `tolerationSeconds`, ...)
 * are plain codecs and keep `false` and `0`.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts';
import { quantityCodec } from '../quantity';
import { int, int32, intOrString, listOf, mapOf, omitZero, printZero, stringMap, struct, goString } from './struct';

// ---------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------

const DIGITS2 = (n: number): string => String(n).padStart(2, '0');

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The proleptic Gregorian date of a day count since 1970-01-01. */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const daysIn = (month: number, year: number): number =>
  month === 2 && isLeap(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);

/** Go's four-digit year layout ("2006"), including its sign handling. */
function formatYear(year: number): string {
  return year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
}

// Go's time.Parse(time.RFC3339, s) as of Go 1.12/1.13: the hour may have one
// digit, a fraction of any length may follow the seconds, the zone is "Z" or
// a numeric offset (whose digits Go did not range-check then).
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** Parses Go-style RFC 3339 text into the canonical UTC form Go prints, or undefined. */
function canonicalTime(s: string): string | undefined {
  const m = RFC3339.exec(s);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = m[7] === undefined ? 0 : (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 3600 + Number(m[9]) * 60);
  const total = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
  const days = Math.floor(total / 86400);
  const rest = total - days * 86400;
  const d = civilFromDays(days);
  const hh = Math.floor(rest / 3600);
  const mm = Math.floor((rest % 3600) / 60);
  const ss = rest % 60;
  return `${formatYear(d.year)}-${DIGITS2(d.month)}-${DIGITS2(d.day)}T${DIGITS2(hh)}:${DIGITS2(mm)}:${DIGITS2(ss)}Z`;
}

/**
 * A metav1.Time: an RFC 3339 string, decoded to the UTC, whole-second text Go
 * printed back (`2019-10-30T12:00:00.5+02:00` becomes `2019-10-30T10:00:00Z`).
 * A `Date` (how typed Kubernetes clients such as `@kubernetes/client-node`
 * hold timestamps) is accepted too and encodes as that text.
 *
 * @example
 * ```ts
 * timeCodec.decode('2019-10-30T12:00:00+02:00'); // Right('2019-10-30T10:00:00Z')
 * timeCodec.encode(new Date('2019-10-30T10:00:00.5Z')); // '2019-10-30T10:00:00Z'
 * ```
 */
export const timeCodec = new t.Type<string | Date, string, unknown>(
  'Time',
  (u): u is string | Date => (typeof u === 'string' && canonicalTime(u) === u) || (u instanceof Date && !Number.isNaN(u.getTime())),
  (u, c) => {
    if (u instanceof Date) return Number.isNaN(u.getTime()) ? t.failure(u, c, 'invalid Date') : t.success(dateText(u));
    if (typeof u !== 'string') return t.failure(u, c, 'expected an RFC 3339 time string');
    const canonical = canonicalTime(u);
    return canonical === undefined ? t.failure(u, c, `invalid RFC 3339 time ${JSON.stringify(u)}`) : t.success(canonical);
  },
  (a) => (typeof a === 'string' ? a : dateText(a)),
);

/** A Date as Go printed a metav1.Time: UTC, whole seconds. */
function dateText(d: Date): string {
  return d.toISOString().replace(/\.\d+Z$/, 'Z');
}

// Go's base64.StdEncoding as encoding/json used it for []byte: padded,
// standard alphabet, CR and LF ignored anywhere.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * A Go `[]byte`: a standard base64 string, validated as Go's decoder did and
 * kept as given.
 *
 * @example
 * ```ts
 * bytesCodec.decode('aGk='); // Right('aGk=')
 * ```
 */
export const bytesCodec = new t.Type<string, string, unknown>(
  'Bytes',
  (u): u is string => typeof u === 'string' && BASE64.test(u.replace(/[\r\n]/g, '')),
  (u, c) =>
    typeof u === 'string' && BASE64.test(u.replace(/[\r\n]/g, ''))
      ? t.success(u)
      : t.failure(u, c, 'expected a standard base64 string'),
  t.identity,
);

/** A ResourceList (`map[ResourceName]resource.Quantity`): canonical quantities by resource name. */
export const ResourceList = mapOf(quantityCodec, 'ResourceList', '0');
/** A decoded {@link ResourceList}. */
export type ResourceList = t.TypeOf<typeof ResourceList>;

const strings = listOf(goString);

// ---------------------------------------------------------------------------
// References and selectors
// ---------------------------------------------------------------------------

/** A reference to an object by name in the same namespace. */
export const LocalObjectReference = struct('LocalObjectReference', { name: goString });
/** A decoded {@link LocalObjectReference}. */
export type LocalObjectReference = t.TypeOf<typeof LocalObjectReference>;

/** A full reference to an API object. */
export const ObjectReference = struct('ObjectReference', {
  kind: goString,
  namespace: goString,
  name: goString,
  uid: goString,
  apiVersion: goString,
  resourceVersion: goString,
  fieldPath: goString,
});
/** A decoded {@link ObjectReference}. */
export type ObjectReference = t.TypeOf<typeof ObjectReference>;

/** A field of the pod, selected by path (downward API). */
export const ObjectFieldSelector = struct('ObjectFieldSelector', { apiVersion: goString, fieldPath: goString });
/** A decoded {@link ObjectFieldSelector}. */
export type ObjectFieldSelector = t.TypeOf<typeof ObjectFieldSelector>;

/** A container resource limit or request, selected for the downward API; `divisor` is a quantity. */
export const ResourceFieldSelector = struct('ResourceFieldSelector', {
  containerName: goString,
  resource: goString,
  divisor: printZero(quantityCodec, '0'),
});
/** A decoded {@link ResourceFieldSelector}. */
export type ResourceFieldSelector = t.TypeOf<typeof ResourceFieldSelector>;

/** A key of a ConfigMap. */
export const ConfigMapKeySelector = struct('ConfigMapKeySelector', { name: goString, key: goString, optional: t.boolean });
/** A decoded {@link ConfigMapKeySelector}. */
export type ConfigMapKeySelector = t.TypeOf<typeof ConfigMapKeySelector>;

/** A key of a Secret. */
export const SecretKeySelector = struct('SecretKeySelector', { name: goString, key: goString, optional: t.boolean });
/** A decoded {@link SecretKeySelector}. */
export type SecretKeySelector = t.TypeOf<typeof SecretKeySelector>;

/** One requirement of a label selector (`key operator values`). */
export const LabelSelectorRequirement = struct('LabelSelectorRequirement', {
  key: goString,
  operator: goString,
  values: strings,
});
/** A decoded {@link LabelSelectorRequirement}. */
export type LabelSelectorRequirement = t.TypeOf<typeof LabelSelectorRequirement>;

/** A metav1.LabelSelector: exact labels and/or expressions. */
export const LabelSelector = struct('LabelSelector', {
  matchLabels: stringMap,
  matchExpressions: listOf(LabelSelectorRequirement),
});
/** A decoded {@link LabelSelector}. */
export type LabelSelector = t.TypeOf<typeof LabelSelector>;

// ---------------------------------------------------------------------------
// Object metadata
// ---------------------------------------------------------------------------

/**
 * A metav1.OwnerReference: the object that owns this one.
 *
 * @example
 * ```ts
 * OwnerReference.decode({ apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineRun', name: 'ci-1', uid: '', controller: true });
 * ```
 *
 * @public
 */
export const OwnerReference = struct('OwnerReference', {
  apiVersion: goString,
  kind: goString,
  name: goString,
  uid: goString,
  controller: t.boolean,
  blockOwnerDeletion: t.boolean,
});
/**
 * A decoded {@link (OwnerReference:variable)}.
 *
 * @example
 * ```ts
 * const owner: OwnerReference = { apiVersion: 'tekton.dev/v1alpha1', kind: 'TaskRun', name: 'run', uid: '', controller: true, blockOwnerDeletion: true };
 * ```
 *
 * @public
 */
export type OwnerReference = t.TypeOf<typeof OwnerReference>;

/** A metav1.ListMeta (kept for {@link Status}). */
export const ListMeta = struct('ListMeta', { selfLink: goString, resourceVersion: goString, continue: goString });
/** A decoded {@link ListMeta}. */
export type ListMeta = t.TypeOf<typeof ListMeta>;

/** A metav1.StatusCause. */
export const StatusCause = struct('StatusCause', { reason: goString, message: goString, field: goString });
/** A decoded {@link StatusCause}. */
export type StatusCause = t.TypeOf<typeof StatusCause>;

/** A metav1.StatusDetails. */
export const StatusDetails = struct('StatusDetails', {
  name: goString,
  group: goString,
  kind: goString,
  uid: goString,
  causes: listOf(StatusCause),
  retryAfterSeconds: omitZero(int32),
});
/** A decoded {@link StatusDetails}. */
export type StatusDetails = t.TypeOf<typeof StatusDetails>;

/** A metav1.Status (the result of an initializer, in 1.12 metadata). */
export const Status = struct('Status', {
  kind: goString,
  apiVersion: goString,
  metadata: ListMeta,
  status: goString,
  message: goString,
  reason: goString,
  details: StatusDetails,
  code: omitZero(int32),
});
/** A decoded {@link Status}. */
export type Status = t.TypeOf<typeof Status>;

/** A metav1.Initializer (alpha in 1.12, removed in 1.14). */
export const Initializer = struct('Initializer', { name: goString });
/** A decoded {@link Initializer}. */
export type Initializer = t.TypeOf<typeof Initializer>;

/** A metav1.Initializers: pending initializers of an object (alpha in 1.12). */
export const Initializers = struct('Initializers', { pending: listOf(Initializer), result: Status });
/** A decoded {@link Initializers}. */
export type Initializers = t.TypeOf<typeof Initializers>;

/**
 * A metav1.ObjectMeta as of 1.12 (timestamps are canonical RFC 3339 strings).
 *
 * @example
 * ```ts
 * ObjectMeta.decode({ name: 'run', creationTimestamp: '2019-10-30T12:00:00+02:00' });
 * // Right({ name: 'run', creationTimestamp: '2019-10-30T10:00:00Z' })
 * ```
 *
 * @public
 */
export const ObjectMeta = struct('ObjectMeta', {
  name: goString,
  generateName: goString,
  namespace: goString,
  selfLink: goString,
  uid: goString,
  resourceVersion: goString,
  generation: omitZero(int),
  creationTimestamp: timeCodec,
  deletionTimestamp: timeCodec,
  deletionGracePeriodSeconds: int,
  labels: stringMap,
  annotations: stringMap,
  ownerReferences: listOf(OwnerReference),
  initializers: Initializers,
  finalizers: strings,
  clusterName: goString,
});
/**
 * A decoded {@link (ObjectMeta:variable)}.
 *
 * @example
 * ```ts
 * const meta: ObjectMeta = { name: 'build', namespace: 'default', labels: { app: 'web' } };
 * ```
 *
 * @public
 */
export type ObjectMeta = t.TypeOf<typeof ObjectMeta>;

// ---------------------------------------------------------------------------
// Containers
// ---------------------------------------------------------------------------

/** A port a container exposes. */
export const ContainerPort = struct('ContainerPort', {
  name: goString,
  hostPort: omitZero(int32),
  containerPort: printZero(int32),
  protocol: goString,
  hostIP: goString,
});
/** A decoded {@link ContainerPort}. */
export type ContainerPort = t.TypeOf<typeof ContainerPort>;

/** A ConfigMap whose keys all become environment variables. */
export const ConfigMapEnvSource = struct('ConfigMapEnvSource', { name: goString, optional: t.boolean });
/** A decoded {@link ConfigMapEnvSource}. */
export type ConfigMapEnvSource = t.TypeOf<typeof ConfigMapEnvSource>;

/** A Secret whose keys all become environment variables. */
export const SecretEnvSource = struct('SecretEnvSource', { name: goString, optional: t.boolean });
/** A decoded {@link SecretEnvSource}. */
export type SecretEnvSource = t.TypeOf<typeof SecretEnvSource>;

/** A source of a set of environment variables (`envFrom`). */
export const EnvFromSource = struct('EnvFromSource', {
  prefix: goString,
  configMapRef: ConfigMapEnvSource,
  secretRef: SecretEnvSource,
});
/** A decoded {@link EnvFromSource}. */
export type EnvFromSource = t.TypeOf<typeof EnvFromSource>;

/** Where an environment variable's value comes from (`valueFrom`). */
export const EnvVarSource = struct('EnvVarSource', {
  fieldRef: ObjectFieldSelector,
  resourceFieldRef: ResourceFieldSelector,
  configMapKeyRef: ConfigMapKeySelector,
  secretKeyRef: SecretKeySelector,
});
/** A decoded {@link EnvVarSource}. */
export type EnvVarSource = t.TypeOf<typeof EnvVarSource>;

/**
 * An environment variable of a container.
 *
 * @example
 * ```ts
 * EnvVar.decode({ name: 'A', value: 'x' }); // Right({ name: 'A', value: 'x' })
 * ```
 *
 * @public
 */
export const EnvVar = struct('EnvVar', { name: goString, value: goString, valueFrom: EnvVarSource });
/**
 * A decoded {@link (EnvVar:variable)}.
 *
 * @example
 * ```ts
 * const env: EnvVar = { name: 'HOME', value: '/builder/home' };
 * ```
 *
 * @public
 */
export type EnvVar = t.TypeOf<typeof EnvVar>;

/** Compute resource limits and requests, as canonical quantities. */
export const ResourceRequirements = struct('ResourceRequirements', { limits: ResourceList, requests: ResourceList });
/** A decoded {@link ResourceRequirements}. */
export type ResourceRequirements = t.TypeOf<typeof ResourceRequirements>;

/**
 * A volume mounted into a container (1.12: no `subPathExpr`).
 *
 * @example
 * ```ts
 * VolumeMount.decode({ name: 'cache', mountPath: '/cache', subPathExpr: 'x' }); // Right({ name: 'cache', mountPath: '/cache' })
 * ```
 *
 * @public
 */
export const VolumeMount = struct('VolumeMount', {
  name: goString,
  readOnly: omitZero(t.boolean),
  mountPath: goString,
  subPath: goString,
  mountPropagation: goString,
});
/**
 * A decoded {@link (VolumeMount:variable)}.
 *
 * @example
 * ```ts
 * const mount: VolumeMount = { name: 'cache', mountPath: '/cache' };
 * ```
 *
 * @public
 */
export type VolumeMount = t.TypeOf<typeof VolumeMount>;

/** A raw block volume mapped into a container. */
export const VolumeDevice = struct('VolumeDevice', { name: goString, devicePath: goString });
/** A decoded {@link VolumeDevice}. */
export type VolumeDevice = t.TypeOf<typeof VolumeDevice>;

/** A command run inside the container. */
export const ExecAction = struct('ExecAction', { command: strings });
/** A decoded {@link ExecAction}. */
export type ExecAction = t.TypeOf<typeof ExecAction>;

/** A header of an HTTP probe. */
export const HTTPHeader = struct('HTTPHeader', { name: goString, value: goString });
/** A decoded {@link HTTPHeader}. */
export type HTTPHeader = t.TypeOf<typeof HTTPHeader>;

/** An HTTP GET request made against the container. */
export const HTTPGetAction = struct('HTTPGetAction', {
  path: goString,
  port: printZero(intOrString, 0),
  host: goString,
  scheme: goString,
  httpHeaders: listOf(HTTPHeader),
});
/** A decoded {@link HTTPGetAction}. */
export type HTTPGetAction = t.TypeOf<typeof HTTPGetAction>;

/** A TCP connection opened to the container. */
export const TCPSocketAction = struct('TCPSocketAction', { port: printZero(intOrString, 0), host: goString });
/** A decoded {@link TCPSocketAction}. */
export type TCPSocketAction = t.TypeOf<typeof TCPSocketAction>;

/** A probe or lifecycle hook action (1.12: exec, httpGet, tcpSocket). */
export const Handler = struct('Handler', { exec: ExecAction, httpGet: HTTPGetAction, tcpSocket: TCPSocketAction });
/** A decoded {@link Handler}. */
export type Handler = t.TypeOf<typeof Handler>;

/** A health check of a container; its Handler fields are inlined first, as in Go. */
export const Probe = struct('Probe', {
  ...Handler.props,
  initialDelaySeconds: omitZero(int32),
  timeoutSeconds: omitZero(int32),
  periodSeconds: omitZero(int32),
  successThreshold: omitZero(int32),
  failureThreshold: omitZero(int32),
}, { exec: Handler, httpGet: Handler, tcpSocket: Handler });
/** A decoded {@link Probe}. */
export type Probe = t.TypeOf<typeof Probe>;

/** Hooks run after a container starts and before it stops. */
export const Lifecycle = struct('Lifecycle', { postStart: Handler, preStop: Handler });
/** A decoded {@link Lifecycle}. */
export type Lifecycle = t.TypeOf<typeof Lifecycle>;

/** Linux capabilities added to and dropped from a container. */
export const Capabilities = struct('Capabilities', { add: strings, drop: strings });
/** A decoded {@link Capabilities}. */
export type Capabilities = t.TypeOf<typeof Capabilities>;

/** SELinux labels applied to a container or pod. */
export const SELinuxOptions = struct('SELinuxOptions', {
  user: goString,
  role: goString,
  type: goString,
  level: goString,
});
/** A decoded {@link SELinuxOptions}. */
export type SELinuxOptions = t.TypeOf<typeof SELinuxOptions>;

/** Container-level security settings as of 1.12 (has `procMount`; no `windowsOptions`). */
export const SecurityContext = struct('SecurityContext', {
  capabilities: Capabilities,
  privileged: t.boolean,
  seLinuxOptions: SELinuxOptions,
  runAsUser: int,
  runAsGroup: int,
  runAsNonRoot: t.boolean,
  readOnlyRootFilesystem: t.boolean,
  allowPrivilegeEscalation: t.boolean,
  procMount: goString,
});
/** A decoded {@link SecurityContext}. */
export type SecurityContext = t.TypeOf<typeof SecurityContext>;

/**
 * A container as of 1.12 (no `startupProbe`: unknown fields are dropped by
 * this codec, and refused first when the container is part of a Tekton object).
 *
 * @example
 * ```ts
 * Container.decode({ name: 'step', image: 'busybox', resources: { requests: { memory: '1024Mi' } } });
 * // Right({ name: 'step', image: 'busybox', resources: { requests: { memory: '1Gi' } } })
 * ```
 *
 * @public
 */
export const Container = struct('Container', {
  name: goString,
  image: goString,
  command: strings,
  args: strings,
  workingDir: goString,
  ports: listOf(ContainerPort),
  envFrom: listOf(EnvFromSource),
  env: listOf(EnvVar),
  resources: ResourceRequirements,
  volumeMounts: listOf(VolumeMount),
  volumeDevices: listOf(VolumeDevice),
  livenessProbe: Probe,
  readinessProbe: Probe,
  lifecycle: Lifecycle,
  terminationMessagePath: goString,
  terminationMessagePolicy: goString,
  imagePullPolicy: goString,
  securityContext: SecurityContext,
  stdin: omitZero(t.boolean),
  stdinOnce: omitZero(t.boolean),
  tty: omitZero(t.boolean),
});
/**
 * A decoded {@link (Container:variable)}.
 *
 * @example
 * ```ts
 * const sidecar: Container = { name: 'registry', image: 'registry:2' };
 * ```
 *
 * @public
 */
export type Container = t.TypeOf<typeof Container>;

// ---------------------------------------------------------------------------
// Volumes
// ---------------------------------------------------------------------------

/** A key of a Secret or ConfigMap projected to a file path. */
export const KeyToPath = struct('KeyToPath', { key: goString, path: goString, mode: int32 });
/** A decoded {@link KeyToPath}. */
export type KeyToPath = t.TypeOf<typeof KeyToPath>;

/** A file of a downward API volume. */
export const DownwardAPIVolumeFile = struct('DownwardAPIVolumeFile', {
  path: goString,
  fieldRef: ObjectFieldSelector,
  resourceFieldRef: ResourceFieldSelector,
  mode: int32,
});
/** A decoded {@link DownwardAPIVolumeFile}. */
export type DownwardAPIVolumeFile = t.TypeOf<typeof DownwardAPIVolumeFile>;

/** A directory on the node. */
export const HostPathVolumeSource = struct('HostPathVolumeSource', { path: goString, type: goString });
/** A decoded {@link HostPathVolumeSource}. */
export type HostPathVolumeSource = t.TypeOf<typeof HostPathVolumeSource>;

/** A scratch directory that lives as long as the pod; `sizeLimit` is a quantity. */
export const EmptyDirVolumeSource = struct('EmptyDirVolumeSource', { medium: goString, sizeLimit: quantityCodec });
/** A decoded {@link EmptyDirVolumeSource}. */
export type EmptyDirVolumeSource = t.TypeOf<typeof EmptyDirVolumeSource>;

/** A GCE persistent disk. */
export const GCEPersistentDiskVolumeSource = struct('GCEPersistentDiskVolumeSource', {
  pdName: goString,
  fsType: goString,
  partition: omitZero(int32),
  readOnly: omitZero(t.boolean),
});
/** A decoded {@link GCEPersistentDiskVolumeSource}. */
export type GCEPersistentDiskVolumeSource = t.TypeOf<typeof GCEPersistentDiskVolumeSource>;

/** An AWS EBS volume. */
export const AWSElasticBlockStoreVolumeSource = struct('AWSElasticBlockStoreVolumeSource', {
  volumeID: goString,
  fsType: goString,
  partition: omitZero(int32),
  readOnly: omitZero(t.boolean),
});
/** A decoded {@link AWSElasticBlockStoreVolumeSource}. */
export type AWSElasticBlockStoreVolumeSource = t.TypeOf<typeof AWSElasticBlockStoreVolumeSource>;

/** A git repository cloned into a volume (deprecated even in 1.12). */
export const GitRepoVolumeSource = struct('GitRepoVolumeSource', {
  repository: goString,
  revision: goString,
  directory: goString,
});
/** A decoded {@link GitRepoVolumeSource}. */
export type GitRepoVolumeSource = t.TypeOf<typeof GitRepoVolumeSource>;

/** A Secret mounted as files. */
export const SecretVolumeSource = struct('SecretVolumeSource', {
  secretName: goString,
  items: listOf(KeyToPath),
  defaultMode: int32,
  optional: t.boolean,
});
/** A decoded {@link SecretVolumeSource}. */
export type SecretVolumeSource = t.TypeOf<typeof SecretVolumeSource>;

/** An NFS export. */
export const NFSVolumeSource = struct('NFSVolumeSource', { server: goString, path: goString, readOnly: omitZero(t.boolean) });
/** A decoded {@link NFSVolumeSource}. */
export type NFSVolumeSource = t.TypeOf<typeof NFSVolumeSource>;

/** An iSCSI disk. */
export const ISCSIVolumeSource = struct('ISCSIVolumeSource', {
  targetPortal: goString,
  iqn: goString,
  lun: printZero(int32),
  iscsiInterface: goString,
  fsType: goString,
  readOnly: omitZero(t.boolean),
  portals: strings,
  chapAuthDiscovery: omitZero(t.boolean),
  chapAuthSession: omitZero(t.boolean),
  secretRef: LocalObjectReference,
  initiatorName: goString,
});
/** A decoded {@link ISCSIVolumeSource}. */
export type ISCSIVolumeSource = t.TypeOf<typeof ISCSIVolumeSource>;

/** A GlusterFS volume (`endpoints` is the Go field EndpointsName). */
export const GlusterfsVolumeSource = struct('GlusterfsVolumeSource', {
  endpoints: goString,
  path: goString,
  readOnly: omitZero(t.boolean),
});
/** A decoded {@link GlusterfsVolumeSource}. */
export type GlusterfsVolumeSource = t.TypeOf<typeof GlusterfsVolumeSource>;

/** A PersistentVolumeClaim in the pod's namespace. */
export const PersistentVolumeClaimVolumeSource = struct('PersistentVolumeClaimVolumeSource', {
  claimName: goString,
  readOnly: omitZero(t.boolean),
});
/** A decoded {@link PersistentVolumeClaimVolumeSource}. */
export type PersistentVolumeClaimVolumeSource = t.TypeOf<typeof PersistentVolumeClaimVolumeSource>;

/** A Rados block device. */
export const RBDVolumeSource = struct('RBDVolumeSource', {
  monitors: strings,
  image: goString,
  fsType: goString,
  pool: goString,
  user: goString,
  keyring: goString,
  secretRef: LocalObjectReference,
  readOnly: omitZero(t.boolean),
});
/** A decoded {@link RBDVolumeSource}. */
export type RBDVolumeSource = t.TypeOf<typeof RBDVolumeSource>;

/** A volume provided by an exec-based FlexVolume driver. */
export const FlexVolumeSource = struct('FlexVolumeSource', {
  driver: goString,
  fsType: goString,
  secretRef: LocalObjectReference,
  readOnly: omitZero(t.boolean),
  options: stringMap,
});
/** A decoded {@link FlexVolumeSource}. */
export type FlexVolumeSource = t.TypeOf<typeof FlexVolumeSource>;

/** An OpenStack Cinder volume. */
export const CinderVolumeSource = struct('CinderVolumeSource', {
  volumeID: goString,
  fsType: goString,
  readOnly: omitZero(t.boolean),
  secretRef: LocalObjectReference,
});
/** A decoded {@link CinderVolumeSource}. */
export type CinderVolumeSource = t.TypeOf<typeof CinderVolumeSource>;

/** A CephFS mount. */
export const CephFSVolumeSource = struct('CephFSVolumeSource', {
  monitors: strings,
  path: goString,
  user: goString,
  secretFile: goString,
  secretRef: LocalObjectReference,
  readOnly: omitZero(t.boolean),
});
/** A decoded {@link CephFSVolumeSource}. */
export type CephFSVolumeSource = t.TypeOf<typeof CephFSVolumeSource>;

/** A Flocker dataset. */
export const FlockerVolumeSource = struct('FlockerVolumeSource', { datasetName: goString, datasetUUID: goString });
/** A decoded {@link FlockerVolumeSource}. */
export type FlockerVolumeSource = t.TypeOf<typeof FlockerVolumeSource>;

/** Pod and container fields written to files. */
export const DownwardAPIVolumeSource = struct('DownwardAPIVolumeSource', {
  items: listOf(DownwardAPIVolumeFile),
  defaultMode: int32,
});
/** A decoded {@link DownwardAPIVolumeSource}. */
export type DownwardAPIVolumeSource = t.TypeOf<typeof DownwardAPIVolumeSource>;

/** A Fibre Channel disk. */
export const FCVolumeSource = struct('FCVolumeSource', {
  targetWWNs: strings,
  lun: int32,
  fsType: goString,
  readOnly: omitZero(t.boolean),
  wwids: strings,
});
/** A decoded {@link FCVolumeSource}. */
export type FCVolumeSource = t.TypeOf<typeof FCVolumeSource>;

/** An Azure File share. */
export const AzureFileVolumeSource = struct('AzureFileVolumeSource', {
  secretName: goString,
  shareName: goString,
  readOnly: omitZero(t.boolean),
});
/** A decoded {@link AzureFileVolumeSource}. */
export type AzureFileVolumeSource = t.TypeOf<typeof AzureFileVolumeSource>;

/** A ConfigMap mounted as files (its name is inlined first, as in Go). */
export const ConfigMapVolumeSource = struct('ConfigMapVolumeSource', {
  name: goString,
  items: listOf(KeyToPath),
  defaultMode: int32,
  optional: t.boolean,
});
/** A decoded {@link ConfigMapVolumeSource}. */
export type ConfigMapVolumeSource = t.TypeOf<typeof ConfigMapVolumeSource>;

/** A vSphere virtual disk. */
export const VsphereVirtualDiskVolumeSource = struct('VsphereVirtualDiskVolumeSource', {
  volumePath: goString,
  fsType: goString,
  storagePolicyName: goString,
  storagePolicyID: goString,
});
/** A decoded {@link VsphereVirtualDiskVolumeSource}. */
export type VsphereVirtualDiskVolumeSource = t.TypeOf<typeof VsphereVirtualDiskVolumeSource>;

/** A Quobyte volume. */
export const QuobyteVolumeSource = struct('QuobyteVolumeSource', {
  registry: goString,
  volume: goString,
  readOnly: omitZero(t.boolean),
  user: goString,
  group: goString,
});
/** A decoded {@link QuobyteVolumeSource}. */
export type QuobyteVolumeSource = t.TypeOf<typeof QuobyteVolumeSource>;

/** An Azure data disk. */
export const AzureDiskVolumeSource = struct('AzureDiskVolumeSource', {
  diskName: goString,
  diskURI: goString,
  cachingMode: goString,
  fsType: goString,
  readOnly: t.boolean,
  kind: goString,
});
/** A decoded {@link AzureDiskVolumeSource}. */
export type AzureDiskVolumeSource = t.TypeOf<typeof AzureDiskVolumeSource>;

/** A Photon Controller persistent disk. */
export const PhotonPersistentDiskVolumeSource = struct('PhotonPersistentDiskVolumeSource', {
  pdID: goString,
  fsType: goString,
});
/** A decoded {@link PhotonPersistentDiskVolumeSource}. */
export type PhotonPersistentDiskVolumeSource = t.TypeOf<typeof PhotonPersistentDiskVolumeSource>;

/** A Secret projected into a projected volume (its name is inlined first). */
export const SecretProjection = struct('SecretProjection', {
  name: goString,
  items: listOf(KeyToPath),
  optional: t.boolean,
});
/** A decoded {@link SecretProjection}. */
export type SecretProjection = t.TypeOf<typeof SecretProjection>;

/** Downward API files projected into a projected volume. */
export const DownwardAPIProjection = struct('DownwardAPIProjection', { items: listOf(DownwardAPIVolumeFile) });
/** A decoded {@link DownwardAPIProjection}. */
export type DownwardAPIProjection = t.TypeOf<typeof DownwardAPIProjection>;

/** A ConfigMap projected into a projected volume (its name is inlined first). */
export const ConfigMapProjection = struct('ConfigMapProjection', {
  name: goString,
  items: listOf(KeyToPath),
  optional: t.boolean,
});
/** A decoded {@link ConfigMapProjection}. */
export type ConfigMapProjection = t.TypeOf<typeof ConfigMapProjection>;

/** A service account token projected into a projected volume. */
export const ServiceAccountTokenProjection = struct('ServiceAccountTokenProjection', {
  audience: goString,
  expirationSeconds: int,
  path: goString,
});
/** A decoded {@link ServiceAccountTokenProjection}. */
export type ServiceAccountTokenProjection = t.TypeOf<typeof ServiceAccountTokenProjection>;

/** One source of a projected volume. */
export const VolumeProjection = struct('VolumeProjection', {
  secret: SecretProjection,
  downwardAPI: DownwardAPIProjection,
  configMap: ConfigMapProjection,
  serviceAccountToken: ServiceAccountTokenProjection,
});
/** A decoded {@link VolumeProjection}. */
export type VolumeProjection = t.TypeOf<typeof VolumeProjection>;

/** Several sources merged into one directory. */
export const ProjectedVolumeSource = struct('ProjectedVolumeSource', {
  sources: listOf(VolumeProjection),
  defaultMode: int32,
});
/** A decoded {@link ProjectedVolumeSource}. */
export type ProjectedVolumeSource = t.TypeOf<typeof ProjectedVolumeSource>;

/** A Portworx volume. */
export const PortworxVolumeSource = struct('PortworxVolumeSource', {
  volumeID: goString,
  fsType: goString,
  readOnly: omitZero(t.boolean),
});
/** A decoded {@link PortworxVolumeSource}. */
export type PortworxVolumeSource = t.TypeOf<typeof PortworxVolumeSource>;

/** A ScaleIO volume. */
export const ScaleIOVolumeSource = struct('ScaleIOVolumeSource', {
  gateway: goString,
  system: goString,
  secretRef: LocalObjectReference,
  sslEnabled: omitZero(t.boolean),
  protectionDomain: goString,
  storagePool: goString,
  storageMode: goString,
  volumeName: goString,
  fsType: goString,
  readOnly: omitZero(t.boolean),
});
/** A decoded {@link ScaleIOVolumeSource}. */
export type ScaleIOVolumeSource = t.TypeOf<typeof ScaleIOVolumeSource>;

/** A StorageOS volume. */
export const StorageOSVolumeSource = struct('StorageOSVolumeSource', {
  volumeName: goString,
  volumeNamespace: goString,
  fsType: goString,
  readOnly: omitZero(t.boolean),
  secretRef: LocalObjectReference,
});
/** A decoded {@link StorageOSVolumeSource}. */
export type StorageOSVolumeSource = t.TypeOf<typeof StorageOSVolumeSource>;

/** The 1.12 VolumeSource: every kind of volume a pod could use (no inline `csi`). */
export const VolumeSource = struct('VolumeSource', {
  hostPath: HostPathVolumeSource,
  emptyDir: EmptyDirVolumeSource,
  gcePersistentDisk: GCEPersistentDiskVolumeSource,
  awsElasticBlockStore: AWSElasticBlockStoreVolumeSource,
  gitRepo: GitRepoVolumeSource,
  secret: SecretVolumeSource,
  nfs: NFSVolumeSource,
  iscsi: ISCSIVolumeSource,
  glusterfs: GlusterfsVolumeSource,
  persistentVolumeClaim: PersistentVolumeClaimVolumeSource,
  rbd: RBDVolumeSource,
  flexVolume: FlexVolumeSource,
  cinder: CinderVolumeSource,
  cephfs: CephFSVolumeSource,
  flocker: FlockerVolumeSource,
  downwardAPI: DownwardAPIVolumeSource,
  fc: FCVolumeSource,
  azureFile: AzureFileVolumeSource,
  configMap: ConfigMapVolumeSource,
  vsphereVolume: VsphereVirtualDiskVolumeSource,
  quobyte: QuobyteVolumeSource,
  azureDisk: AzureDiskVolumeSource,
  photonPersistentDisk: PhotonPersistentDiskVolumeSource,
  projected: ProjectedVolumeSource,
  portworxVolume: PortworxVolumeSource,
  scaleIO: ScaleIOVolumeSource,
  storageos: StorageOSVolumeSource,
});
/** A decoded {@link VolumeSource}. */
export type VolumeSource = t.TypeOf<typeof VolumeSource>;

/**
 * A pod volume: its name, then its (inlined) VolumeSource fields.
 *
 * @example
 * ```ts
 * Volume.decode({ name: 'ws', emptyDir: { sizeLimit: '1024Mi' }, csi: { driver: 'x' } });
 * // Right({ name: 'ws', emptyDir: { sizeLimit: '1Gi' } })  (1.12 had no inline csi)
 * ```
 *
 * @public
 */
export const Volume = struct(
  'Volume',
  { name: goString, ...VolumeSource.props },
  Object.fromEntries(Object.keys(VolumeSource.props).map((k) => [k, VolumeSource])),
);
/**
 * A decoded {@link (Volume:variable)}.
 *
 * @example
 * ```ts
 * const volume: Volume = { name: 'cache', emptyDir: {} };
 * ```
 *
 * @public
 */
export type Volume = t.TypeOf<typeof Volume>;

// ---------------------------------------------------------------------------
// Scheduling
// ---------------------------------------------------------------------------

/** A requirement on node labels or fields. */
export const NodeSelectorRequirement = struct('NodeSelectorRequirement', {
  key: goString,
  operator: goString,
  values: strings,
});
/** A decoded {@link NodeSelectorRequirement}. */
export type NodeSelectorRequirement = t.TypeOf<typeof NodeSelectorRequirement>;

/** Requirements that are ANDed together. */
export const NodeSelectorTerm = struct('NodeSelectorTerm', {
  matchExpressions: listOf(NodeSelectorRequirement),
  matchFields: listOf(NodeSelectorRequirement),
});
/** A decoded {@link NodeSelectorTerm}. */
export type NodeSelectorTerm = t.TypeOf<typeof NodeSelectorTerm>;

/** Terms that are ORed together. */
export const NodeSelector = struct('NodeSelector', { nodeSelectorTerms: listOf(NodeSelectorTerm) });
/** A decoded {@link NodeSelector}. */
export type NodeSelector = t.TypeOf<typeof NodeSelector>;

/** A weighted preferred node selector term. */
export const PreferredSchedulingTerm = struct('PreferredSchedulingTerm', {
  weight: printZero(int32),
  preference: NodeSelectorTerm,
});
/** A decoded {@link PreferredSchedulingTerm}. */
export type PreferredSchedulingTerm = t.TypeOf<typeof PreferredSchedulingTerm>;

/** Node affinity rules. */
export const NodeAffinity = struct('NodeAffinity', {
  requiredDuringSchedulingIgnoredDuringExecution: NodeSelector,
  preferredDuringSchedulingIgnoredDuringExecution: listOf(PreferredSchedulingTerm),
});
/** A decoded {@link NodeAffinity}. */
export type NodeAffinity = t.TypeOf<typeof NodeAffinity>;

/** Pods (selected by labels, in some namespaces) to be co-located with, per topology key. */
export const PodAffinityTerm = struct('PodAffinityTerm', {
  labelSelector: LabelSelector,
  namespaces: strings,
  topologyKey: goString,
});
/** A decoded {@link PodAffinityTerm}. */
export type PodAffinityTerm = t.TypeOf<typeof PodAffinityTerm>;

/** A weighted preferred pod affinity term. */
export const WeightedPodAffinityTerm = struct('WeightedPodAffinityTerm', {
  weight: printZero(int32),
  podAffinityTerm: PodAffinityTerm,
});
/** A decoded {@link WeightedPodAffinityTerm}. */
export type WeightedPodAffinityTerm = t.TypeOf<typeof WeightedPodAffinityTerm>;

/** Inter-pod affinity rules. */
export const PodAffinity = struct('PodAffinity', {
  requiredDuringSchedulingIgnoredDuringExecution: listOf(PodAffinityTerm),
  preferredDuringSchedulingIgnoredDuringExecution: listOf(WeightedPodAffinityTerm),
});
/** A decoded {@link PodAffinity}. */
export type PodAffinity = t.TypeOf<typeof PodAffinity>;

/** Inter-pod anti-affinity rules. */
export const PodAntiAffinity = struct('PodAntiAffinity', {
  requiredDuringSchedulingIgnoredDuringExecution: listOf(PodAffinityTerm),
  preferredDuringSchedulingIgnoredDuringExecution: listOf(WeightedPodAffinityTerm),
});
/** A decoded {@link PodAntiAffinity}. */
export type PodAntiAffinity = t.TypeOf<typeof PodAntiAffinity>;

/** The scheduling constraints of a pod. */
export const Affinity = struct('Affinity', {
  nodeAffinity: NodeAffinity,
  podAffinity: PodAffinity,
  podAntiAffinity: PodAntiAffinity,
});
/** A decoded {@link Affinity}. */
export type Affinity = t.TypeOf<typeof Affinity>;

/** A taint the pod tolerates. */
export const Toleration = struct('Toleration', {
  key: goString,
  operator: goString,
  value: goString,
  effect: goString,
  tolerationSeconds: int,
});
/** A decoded {@link Toleration}. */
export type Toleration = t.TypeOf<typeof Toleration>;

// ---------------------------------------------------------------------------
// Pod
// ---------------------------------------------------------------------------

/** A namespaced kernel parameter set for the pod. */
export const Sysctl = struct('Sysctl', { name: goString, value: goString });
/** A decoded {@link Sysctl}. */
export type Sysctl = t.TypeOf<typeof Sysctl>;

/** Pod-level security settings as of 1.12. */
export const PodSecurityContext = struct('PodSecurityContext', {
  seLinuxOptions: SELinuxOptions,
  runAsUser: int,
  runAsGroup: int,
  runAsNonRoot: t.boolean,
  supplementalGroups: listOf(int),
  fsGroup: int,
  sysctls: listOf(Sysctl),
});
/** A decoded {@link PodSecurityContext}. */
export type PodSecurityContext = t.TypeOf<typeof PodSecurityContext>;

/** Extra /etc/hosts entries for one IP. */
export const HostAlias = struct('HostAlias', { ip: goString, hostnames: strings });
/** A decoded {@link HostAlias}. */
export type HostAlias = t.TypeOf<typeof HostAlias>;

/** A resolver option of the pod's DNS config. */
export const PodDNSConfigOption = struct('PodDNSConfigOption', { name: goString, value: goString });
/** A decoded {@link PodDNSConfigOption}. */
export type PodDNSConfigOption = t.TypeOf<typeof PodDNSConfigOption>;

/** DNS settings merged into those the DNS policy gives. */
export const PodDNSConfig = struct('PodDNSConfig', {
  nameservers: strings,
  searches: strings,
  options: listOf(PodDNSConfigOption),
});
/** A decoded {@link PodDNSConfig}. */
export type PodDNSConfig = t.TypeOf<typeof PodDNSConfig>;

/** A pod condition that readiness also waits for. */
export const PodReadinessGate = struct('PodReadinessGate', { conditionType: goString });
/** A decoded {@link PodReadinessGate}. */
export type PodReadinessGate = t.TypeOf<typeof PodReadinessGate>;

/**
 * The 1.12 PodSpec, every field in Go order (no `enableServiceLinks`, `preemptionPolicy`, `overhead`, ...).
 *
 * @example
 * ```ts
 * PodSpec.decode({ containers: [{ name: 'c', image: 'busybox' }], enableServiceLinks: true }); // Right({ containers: [...] })
 * ```
 *
 * @public
 */
export const PodSpec = struct('PodSpec', {
  volumes: listOf(Volume),
  initContainers: listOf(Container),
  containers: listOf(Container),
  restartPolicy: goString,
  terminationGracePeriodSeconds: int,
  activeDeadlineSeconds: int,
  dnsPolicy: goString,
  nodeSelector: stringMap,
  serviceAccountName: goString,
  serviceAccount: goString,
  automountServiceAccountToken: t.boolean,
  nodeName: goString,
  hostNetwork: omitZero(t.boolean),
  hostPID: omitZero(t.boolean),
  hostIPC: omitZero(t.boolean),
  shareProcessNamespace: t.boolean,
  securityContext: PodSecurityContext,
  imagePullSecrets: listOf(LocalObjectReference),
  hostname: goString,
  subdomain: goString,
  affinity: Affinity,
  schedulerName: goString,
  tolerations: listOf(Toleration),
  hostAliases: listOf(HostAlias),
  priorityClassName: goString,
  priority: int32,
  dnsConfig: PodDNSConfig,
  readinessGates: listOf(PodReadinessGate),
  runtimeClassName: goString,
});
/**
 * A decoded {@link (PodSpec:variable)}.
 *
 * @example
 * ```ts
 * const spec: PodSpec = { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' };
 * ```
 *
 * @public
 */
export type PodSpec = t.TypeOf<typeof PodSpec>;

/** A container that has not started yet. */
export const ContainerStateWaiting = struct('ContainerStateWaiting', { reason: goString, message: goString });
/** A decoded {@link ContainerStateWaiting}. */
export type ContainerStateWaiting = t.TypeOf<typeof ContainerStateWaiting>;

/** A running container. */
export const ContainerStateRunning = struct('ContainerStateRunning', { startedAt: timeCodec });
/** A decoded {@link ContainerStateRunning}. */
export type ContainerStateRunning = t.TypeOf<typeof ContainerStateRunning>;

/** A container that has exited. */
export const ContainerStateTerminated = struct('ContainerStateTerminated', {
  exitCode: printZero(int32),
  signal: omitZero(int32),
  reason: goString,
  message: goString,
  startedAt: timeCodec,
  finishedAt: timeCodec,
  containerID: goString,
});
/** A decoded {@link ContainerStateTerminated}. */
export type ContainerStateTerminated = t.TypeOf<typeof ContainerStateTerminated>;

/** The state of a container: one of waiting, running, terminated. */
export const ContainerState = struct('ContainerState', {
  waiting: ContainerStateWaiting,
  running: ContainerStateRunning,
  terminated: ContainerStateTerminated,
});
/** A decoded {@link ContainerState}. */
export type ContainerState = t.TypeOf<typeof ContainerState>;

/** The observed status of one container. */
export const ContainerStatus = struct('ContainerStatus', {
  name: goString,
  state: ContainerState,
  lastState: ContainerState,
  ready: printZero(t.boolean),
  restartCount: printZero(int32),
  image: goString,
  imageID: goString,
  containerID: goString,
});
/** A decoded {@link ContainerStatus}. */
export type ContainerStatus = t.TypeOf<typeof ContainerStatus>;

/** A condition of a pod (PodScheduled, Ready, ...). */
export const PodCondition = struct('PodCondition', {
  type: goString,
  status: goString,
  lastProbeTime: timeCodec,
  lastTransitionTime: timeCodec,
  reason: goString,
  message: goString,
});
/** A decoded {@link PodCondition}. */
export type PodCondition = t.TypeOf<typeof PodCondition>;

/** The observed status of a pod as of 1.12. */
export const PodStatus = struct('PodStatus', {
  phase: goString,
  conditions: listOf(PodCondition),
  message: goString,
  reason: goString,
  nominatedNodeName: goString,
  hostIP: goString,
  podIP: goString,
  startTime: timeCodec,
  initContainerStatuses: listOf(ContainerStatus),
  containerStatuses: listOf(ContainerStatus),
  qosClass: goString,
});
/** A decoded {@link PodStatus}. */
export type PodStatus = t.TypeOf<typeof PodStatus>;

/**
 * A Pod. Go's TypeMeta declares `kind` before `apiVersion`, so that is the
 * order encode writes them in.
 *
 * @example
 * ```ts
 * const pod = Pod.decode({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
 *   spec: { containers: [{ name: 'step', image: 'busybox' }] } });
 * // Right(...); Object.keys(Pod.encode(decoded)) is ['kind', 'apiVersion', 'metadata', 'spec']
 * ```
 *
 * @public
 */
export const Pod = struct('Pod', {
  kind: goString,
  apiVersion: goString,
  metadata: ObjectMeta,
  spec: PodSpec,
  status: PodStatus,
});
/**
 * A decoded {@link (Pod:variable)}.
 *
 * @example
 * ```ts
 * const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } };
 * ```
 *
 * @public
 */
export type Pod = t.TypeOf<typeof Pod>;

// ---------------------------------------------------------------------------
// Other objects taskpod reads
// ---------------------------------------------------------------------------

/**
 * A ServiceAccount: its secrets (whose annotations Tekton reads) and image pull secrets.
 *
 * @example
 * ```ts
 * ServiceAccount.decode({ metadata: { name: 'builder' }, secrets: [{ name: 'regcred' }] }); // Right(...)
 * ```
 *
 * @public
 */
export const ServiceAccount = struct('ServiceAccount', {
  kind: goString,
  apiVersion: goString,
  metadata: ObjectMeta,
  secrets: listOf(ObjectReference),
  imagePullSecrets: listOf(LocalObjectReference),
  automountServiceAccountToken: t.boolean,
});
/**
 * A decoded {@link (ServiceAccount:variable)}.
 *
 * @example
 * ```ts
 * const sa: ServiceAccount = { metadata: { name: 'builder', namespace: 'default' }, secrets: [{ name: 'regcred' }] };
 * ```
 *
 * @public
 */
export type ServiceAccount = t.TypeOf<typeof ServiceAccount>;

/**
 * A Secret; `data` values are base64 strings kept as given.
 *
 * @example
 * ```ts
 * Secret.decode({ metadata: { name: 'regcred' }, type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': 'e30=' } });
 * ```
 *
 * @public
 */
export const Secret = struct('Secret', {
  kind: goString,
  apiVersion: goString,
  metadata: ObjectMeta,
  data: mapOf(bytesCodec, 'map[string][]byte', ''),
  stringData: stringMap,
  type: goString,
});
/**
 * A decoded {@link (Secret:variable)}.
 *
 * @example
 * ```ts
 * const secret: Secret = { metadata: { name: 'regcred', annotations: { 'tekton.dev/docker-0': 'https://gcr.io' } }, type: 'kubernetes.io/basic-auth' };
 * ```
 *
 * @public
 */
export type Secret = t.TypeOf<typeof Secret>;

/**
 * A ConfigMap; `binaryData` values are base64 strings kept as given.
 *
 * @example
 * ```ts
 * ConfigMap.decode({ metadata: { name: 'config-artifact-pvc' }, data: { size: '5Gi' } }); // Right(...)
 * ```
 *
 * @public
 */
export const ConfigMap = struct('ConfigMap', {
  kind: goString,
  apiVersion: goString,
  metadata: ObjectMeta,
  data: stringMap,
  binaryData: mapOf(bytesCodec, 'map[string][]byte', ''),
});
/**
 * A decoded {@link (ConfigMap:variable)}.
 *
 * @example
 * ```ts
 * const cm: ConfigMap = { metadata: { name: 'config-artifact-pvc', namespace: 'tekton-pipelines' }, data: { size: '5Gi' } };
 * ```
 *
 * @public
 */
export type ConfigMap = t.TypeOf<typeof ConfigMap>;
