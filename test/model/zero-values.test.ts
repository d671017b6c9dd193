/**
 * Go's zero values in the model (struct.ts's omitZero and printZero, their
 * use in core.ts): a value field tagged `omitempty` loses `false`/`0`, a value
 * field without it holds and prints its zero, a pointer field keeps
 * `false`/`0`; and what that does to a rendered Pod, checked against Pods
 * Tekton's own code produced.
 */
import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import * as core from '../../src/model/core';
import { Container, ContainerPort, Pod, Probe, VolumeMount } from '../../src/model/core';
import { goString, int, int32, intOrString, omitZero, printZero, struct, ZeroField } from '../../src/model/struct';
import { allContainers, renderOk } from '../helpers/render';
import { serviceAccountDoc, taskRunDoc } from '../support/objects';

function ok<A>(r: t.Validation<A>): A {
  if (E.isLeft(r)) throw new Error(`decode failed: ${JSON.stringify(r.left.map((e) => e.context.map((c) => c.key).join('.')))}`);
  return r.right;
}

describe('omitZero and printZero', () => {
  const Mount = struct('Mount', { name: goString, readOnly: omitZero(t.boolean), depth: omitZero(int), port: printZero(int), target: printZero(intOrString, 0), ptr: t.boolean });

  it('drops an omitempty zero on decode and on encode, keeps other values', () => {
    expect(ok(Mount.decode({ name: 'v', readOnly: false, depth: 0, port: 1, target: 'x' }))).toStrictEqual({ name: 'v', port: 1, target: 'x' });
    expect(ok(Mount.decode({ readOnly: true, depth: -0 }))).toStrictEqual({ readOnly: true, port: 0, target: 0 });
    expect(Mount.encode({ name: 'v', readOnly: false, depth: 0, port: 2, target: 3 })).toStrictEqual({ name: 'v', port: 2, target: 3 });
  });

  it('fills a printed zero in where the field is absent or null, in field order', () => {
    const decoded = ok(Mount.decode({ ptr: false, name: 'v', target: null }));
    expect(decoded).toStrictEqual({ name: 'v', port: 0, target: 0, ptr: false });
    expect(Object.keys(Mount.encode({ ptr: false, name: 'v' }))).toStrictEqual(['name', 'port', 'target', 'ptr']);
  });

  it('keeps the zero of a plain (pointer) field', () => {
    expect(ok(Mount.decode({ ptr: false }))).toStrictEqual({ port: 0, target: 0, ptr: false });
  });

  it('decodes like its codec on its own, and reports errors at the field', () => {
    const tty: ZeroField<t.BooleanC> = omitZero(t.boolean);
    expect([tty.rule, tty.zero, tty.name, tty.is(false), ok(tty.decode(false))]).toStrictEqual(['omit', false, 'boolean', true, false]);
    expect([printZero(int).zero, printZero(t.boolean).zero, printZero(intOrString, 0).name]).toStrictEqual([0, false, 'IntOrString']);
    const bad = Mount.decode({ readOnly: 'no', target: [1] });
    expect(E.isLeft(bad) && bad.left.map((e) => e.context.map((c) => c.key).join('.'))).toStrictEqual(['.readOnly', '.target.0', '.target.1']);
  });

  it('needs the zero named for a codec other than boolean and int', () => {
    expect(() => omitZero(goString as unknown as t.BooleanC)).toThrow(/no zero value known for string/);
  });
});

describe('core codecs follow the 1.12 Go types', () => {
  // Every bool and integer field of the modelled structs, by its Go type
  // (vendor/k8s.io/api/core/v1/types.go, apimachinery meta/v1/types.go):
  // keep = pointer (*bool, *int32, *int64), omit = value field tagged
  // omitempty, print = value field without omitempty. Plus the value fields
  // of other types whose zero Go printed (IntOrString 0, Quantity "0").
  const expected: Record<string, Record<string, 'keep' | 'omit' | 'print'>> = {
    PersistentVolumeClaimVolumeSource: { readOnly: 'omit' },
    GlusterfsVolumeSource: { readOnly: 'omit' },
    RBDVolumeSource: { readOnly: 'omit' },
    CinderVolumeSource: { readOnly: 'omit' },
    CephFSVolumeSource: { readOnly: 'omit' },
    GCEPersistentDiskVolumeSource: { partition: 'omit', readOnly: 'omit' },
    QuobyteVolumeSource: { readOnly: 'omit' },
    FlexVolumeSource: { readOnly: 'omit' },
    AWSElasticBlockStoreVolumeSource: { partition: 'omit', readOnly: 'omit' },
    SecretVolumeSource: { defaultMode: 'keep', optional: 'keep' },
    SecretProjection: { optional: 'keep' },
    NFSVolumeSource: { readOnly: 'omit' },
    ISCSIVolumeSource: { lun: 'print', readOnly: 'omit', chapAuthDiscovery: 'omit', chapAuthSession: 'omit' },
    FCVolumeSource: { lun: 'keep', readOnly: 'omit' },
    AzureFileVolumeSource: { readOnly: 'omit' },
    AzureDiskVolumeSource: { readOnly: 'keep' },
    PortworxVolumeSource: { readOnly: 'omit' },
    ScaleIOVolumeSource: { sslEnabled: 'omit', readOnly: 'omit' },
    StorageOSVolumeSource: { readOnly: 'omit' },
    ConfigMapVolumeSource: { defaultMode: 'keep', optional: 'keep' },
    ConfigMapProjection: { optional: 'keep' },
    ServiceAccountTokenProjection: { expirationSeconds: 'keep' },
    ProjectedVolumeSource: { defaultMode: 'keep' },
    KeyToPath: { mode: 'keep' },
    ContainerPort: { hostPort: 'omit', containerPort: 'print' },
    VolumeMount: { readOnly: 'omit' },
    ConfigMapKeySelector: { optional: 'keep' },
    SecretKeySelector: { optional: 'keep' },
    ConfigMapEnvSource: { optional: 'keep' },
    SecretEnvSource: { optional: 'keep' },
    Probe: { initialDelaySeconds: 'omit', timeoutSeconds: 'omit', periodSeconds: 'omit', successThreshold: 'omit', failureThreshold: 'omit' },
    Container: { stdin: 'omit', stdinOnce: 'omit', tty: 'omit' },
    ContainerStateTerminated: { exitCode: 'print', signal: 'omit' },
    ContainerStatus: { ready: 'print', restartCount: 'print' },
    WeightedPodAffinityTerm: { weight: 'print' },
    PreferredSchedulingTerm: { weight: 'print' },
    Toleration: { tolerationSeconds: 'keep' },
    PodSpec: { terminationGracePeriodSeconds: 'keep', activeDeadlineSeconds: 'keep', automountServiceAccountToken: 'keep', hostNetwork: 'omit', hostPID: 'omit', hostIPC: 'omit', shareProcessNamespace: 'keep', priority: 'keep' },
    PodSecurityContext: { runAsUser: 'keep', runAsGroup: 'keep', runAsNonRoot: 'keep', fsGroup: 'keep' },
    ServiceAccount: { automountServiceAccountToken: 'keep' },
    DownwardAPIVolumeSource: { defaultMode: 'keep' },
    DownwardAPIVolumeFile: { mode: 'keep' },
    SecurityContext: { privileged: 'keep', runAsUser: 'keep', runAsGroup: 'keep', runAsNonRoot: 'keep', readOnlyRootFilesystem: 'keep', allowPrivilegeEscalation: 'keep' },
    ObjectMeta: { generation: 'omit', deletionGracePeriodSeconds: 'keep' },
    OwnerReference: { controller: 'keep', blockOwnerDeletion: 'keep' },
    Status: { code: 'omit' },
    StatusDetails: { retryAfterSeconds: 'omit' },
    ResourceFieldSelector: { divisor: 'print' },
    HTTPGetAction: { port: 'print' },
    TCPSocketAction: { port: 'print' },
  };

  const isZeroField = (c: t.Mixed): c is ZeroField<t.Mixed> => 'rule' in c && 'zero' in c;
  const found: Record<string, Record<string, string>> = {};
  for (const codec of Object.values(core)) {
    if (typeof codec !== 'object' || codec === null || !('props' in codec)) continue;
    const { name, props } = codec as unknown as { name: string; props: Record<string, t.Mixed> };
    for (const [field, c] of Object.entries(props)) {
      const rule = isZeroField(c) ? c.rule : c instanceof t.BooleanType || c === int || c === int32 ? 'keep' : undefined;
      if (rule !== undefined) (found[name] ??= {})[field] = rule;
    }
  }

  it('marks every bool and integer field as its Go type says', () => {
    expect(found).toStrictEqual(expected);
  });

  // The width of each integer field in k8s.io/api/core/v1 (1.12): int32
  // fields are range-checked as Go's decoder did, int64 ones are held up
  // to 2^53 (docs/deviations.md).
  it('gives every integer field its Go width', () => {
    const int32Fields: Record<string, string[]> = {
      ConfigMapVolumeSource: ['defaultMode'],
      ContainerPort: ['hostPort', 'containerPort'],
      ContainerStateTerminated: ['exitCode', 'signal'],
      ContainerStatus: ['restartCount'],
      DownwardAPIVolumeFile: ['mode'],
      DownwardAPIVolumeSource: ['defaultMode'],
      FCVolumeSource: ['lun'],
      GCEPersistentDiskVolumeSource: ['partition'],
      AWSElasticBlockStoreVolumeSource: ['partition'],
      ISCSIVolumeSource: ['lun'],
      KeyToPath: ['mode'],
      PodSpec: ['priority'],
      PreferredSchedulingTerm: ['weight'],
      Probe: ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'],
      ProjectedVolumeSource: ['defaultMode'],
      SecretVolumeSource: ['defaultMode'],
      Status: ['code'],
      StatusDetails: ['retryAfterSeconds'],
      WeightedPodAffinityTerm: ['weight'],
    };
    const widths: Record<string, Record<string, string>> = {};
    for (const codec of Object.values(core)) {
      if (typeof codec !== 'object' || codec === null || !('props' in codec)) continue;
      const { name, props } = codec as unknown as { name: string; props: Record<string, t.Mixed> };
      for (const [field, c] of Object.entries(props)) {
        const inner = isZeroField(c) ? c.codec : c instanceof t.ReadonlyArrayType ? (c as t.ReadonlyArrayType<t.Mixed>).type : c;
        if (inner === int || inner === int32) (widths[name] ??= {})[field] = inner === int32 ? 'int32' : 'int64';
      }
    }
    const int32Found = Object.fromEntries(
      Object.entries(widths)
        .map(([n, fs]) => [n, Object.keys(fs).filter((f) => fs[f] === 'int32')] as const)
        .filter(([, fs]) => fs.length > 0),
    );
    expect(int32Found).toStrictEqual(int32Fields);
    expect(widths.PodSecurityContext).toStrictEqual({ runAsUser: 'int64', runAsGroup: 'int64', supplementalGroups: 'int64', fsGroup: 'int64' });
    expect(widths.PodSpec).toStrictEqual({ terminationGracePeriodSeconds: 'int64', activeDeadlineSeconds: 'int64', priority: 'int32' });
  });
});

describe('zero values in the decoded input', () => {
  it('a step, its mounts, ports and probes hold no omitempty zero; pointers keep theirs', () => {
    const c = ok(
      Container.decode({
        name: 's',
        tty: false,
        stdin: false,
        stdinOnce: false,
        ports: [{ name: 'p', hostPort: 0 }],
        volumeMounts: [{ name: 'v', mountPath: '/v', readOnly: false }],
        readinessProbe: { httpGet: { path: '/' }, initialDelaySeconds: 0, timeoutSeconds: 0, periodSeconds: 0, successThreshold: 0, failureThreshold: 0 },
        securityContext: { privileged: false, runAsUser: 0, allowPrivilegeEscalation: false },
      }),
    );
    expect(c).toStrictEqual({
      name: 's',
      ports: [{ name: 'p', containerPort: 0 }],
      volumeMounts: [{ name: 'v', mountPath: '/v' }],
      readinessProbe: { httpGet: { path: '/', port: 0 } },
      securityContext: { privileged: false, runAsUser: 0, allowPrivilegeEscalation: false },
    });
    expect(ok(Container.decode(Container.encode(c)))).toStrictEqual(c);
  });

  it('encodes a value built in code as Go printed it', () => {
    expect(VolumeMount.encode({ name: 'v', readOnly: false, mountPath: '/v' })).toStrictEqual({ name: 'v', mountPath: '/v' });
    expect(ContainerPort.encode({ name: 'p', hostPort: 0 })).toStrictEqual({ name: 'p', containerPort: 0 });
    expect(Probe.encode({ tcpSocket: {}, periodSeconds: 0 })).toStrictEqual({ tcpSocket: { port: 0 } });
    expect(Pod.encode({ spec: { hostNetwork: false, priority: 0, affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ preference: {} }] } } } })).toStrictEqual({
      spec: { priority: 0, affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: {} }] } } },
    });
  });
});

describe('zero values in the rendered Pod (as Tekton printed them)', () => {
  const pod = (taskSpec: Record<string, unknown>) =>
    renderOk({ docs: [taskRunDoc({ name: 'zeros', namespace: 'default' }, { taskSpec }), serviceAccountDoc('default')] });
  const step = (p: Pod, name: string) => (p.spec?.containers ?? []).find((c) => c.name === `step-${name}`);

  it("a step's readOnly: false does not override the stepTemplate's readOnly: true on the same path", () => {
    const p = pod({
      stepTemplate: { volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: true }] },
      steps: [{ name: 'a', image: 'ubuntu', command: ['true'], volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: false }] }],
      volumes: [{ name: 'data', emptyDir: {} }],
    });
    expect(step(p, 'a')?.volumeMounts?.find((m) => m.mountPath === '/data')).toStrictEqual({ name: 'data', readOnly: true, mountPath: '/data' });
  });

  it('tty: false (or the template\'s tty: true against it) is as Go printed it', () => {
    const plain = pod({ steps: [{ name: 'a', image: 'ubuntu', command: ['true'], tty: false, stdin: false, volumeMounts: [{ name: 'data', mountPath: '/d', readOnly: false }] }], volumes: [{ name: 'data', emptyDir: {} }] });
    const json = JSON.stringify(plain);
    expect(json).not.toMatch(/"tty"|"stdin"|"readOnly"/);
    const templated = pod({ stepTemplate: { tty: true }, steps: [{ name: 'a', image: 'ubuntu', command: ['true'], tty: false }] });
    expect(allContainers(templated).map((c) => c.tty)).toStrictEqual([true, true, true]);
  });

  it('securityContext: { privileged: false } is printed (a pointer keeps its zero)', () => {
    const p = pod({ steps: [{ name: 'a', image: 'ubuntu', command: ['true'], securityContext: { privileged: false, runAsUser: 0 } }] });
    expect(step(p, 'a')?.securityContext).toStrictEqual({ privileged: false, runAsUser: 0 });
    expect(JSON.stringify(p)).toContain('"securityContext":{"privileged":false,"runAsUser":0}');
  });

  it('a port without containerPort and a probe without port print their zero', () => {
    const p = pod({ steps: [{ name: 'a', image: 'ubuntu', command: ['true'], ports: [{ name: 'http', hostPort: 0 }], livenessProbe: { httpGet: { path: '/' }, periodSeconds: 0 } }] });
    expect(step(p, 'a')?.ports).toStrictEqual([{ name: 'http', containerPort: 0 }]);
    expect(step(p, 'a')?.livenessProbe).toStrictEqual({ httpGet: { path: '/', port: 0 } });
  });
});
