import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import * as k8s from 'kubernetes-models/v1';
import * as meta from '@kubernetes-models/apimachinery/apis/meta/v1';
import * as core from '../../src/model/core';
import {
  Affinity,
  ConfigMap,
  Container,
  EnvVar,
  ObjectMeta,
  Pod,
  PodSecurityContext,
  PodSpec,
  Probe,
  ResourceFieldSelector,
  Secret,
  SecurityContext,
  ServiceAccount,
  Toleration,
  Volume,
  VolumeMount,
  bytesCodec,
  timeCodec,
} from '../../src/model/core';

/** The io-ts context of each error as a `spec.containers[0].env[1].value` path. */
function errorPaths(r: t.Validation<unknown>): string[] {
  if (E.isRight(r)) return [];
  const paths = r.left.map((e) => {
    let out = '';
    e.context.forEach((entry, i) => {
      if (i === 0) return;
      const parent = e.context[i - 1]?.type as { _tag?: unknown } | undefined;
      const tag = parent?._tag;
      if (tag === 'UnionType') return; // a union names its members by index
      if (tag === 'ReadonlyArrayType' || tag === 'ArrayType') out += `[${entry.key}]`;
      else out += out === '' ? entry.key : `.${entry.key}`;
    });
    return out;
  });
  return [...new Set(paths)];
}

/** The decoded value, or a test failure listing the error paths. */
function ok<A>(r: t.Validation<A>): A {
  if (E.isLeft(r)) throw new Error(`decode failed at ${errorPaths(r).join(', ')}`);
  return r.right;
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

describe('Container', () => {
  it('drops fields unknown to 1.12 and treats null as absent', () => {
    const decoded = ok(
      Container.decode({
        name: 'step-build',
        image: 'golang:1.12',
        startupProbe: { exec: { command: ['true'] } },
        workingDir: null,
        resizePolicy: [],
        command: ['/tools/entrypoint'],
        volumeMounts: [{ name: 'ws', mountPath: '/workspace', subPathExpr: '$(POD)', readOnly: null }],
        securityContext: { privileged: true, windowsOptions: { gmsaCredentialSpecName: 'x' }, seccompProfile: null },
        livenessProbe: { tcpSocket: { port: 'http' }, periodSeconds: 5, grpc: { port: 1 } },
      }),
    );
    expect(decoded).toStrictEqual({
      name: 'step-build',
      image: 'golang:1.12',
      command: ['/tools/entrypoint'],
      volumeMounts: [{ name: 'ws', mountPath: '/workspace' }],
      livenessProbe: { tcpSocket: { port: 'http' }, periodSeconds: 5 },
      securityContext: { privileged: true },
    });
  });

  it('decodes quantities to their canonical text', () => {
    const decoded = ok(Container.decode({ name: 'a', resources: { requests: { memory: '1024Mi' }, limits: { cpu: 0.5 } } }));
    expect(decoded.resources).toStrictEqual({ limits: { cpu: '500m' }, requests: { memory: '1Gi' } });
    const env = ok(
      EnvVar.decode({
        name: 'MEM',
        valueFrom: { resourceFieldRef: { containerName: 'a', resource: 'limits.memory', divisor: '1024Ki' } },
      }),
    );
    expect(env.valueFrom?.resourceFieldRef?.divisor).toBe('1Mi');
    expect(ok(Volume.decode({ name: 'w', emptyDir: { sizeLimit: '1024Mi' } }))).toStrictEqual({
      name: 'w',
      emptyDir: { sizeLimit: '1Gi' },
    });
  });

  it('encodes fields in Go declaration order, whatever the input order', () => {
    const decoded = ok(
      Container.decode({
        tty: true,
        securityContext: { runAsUser: 0 },
        env: [{ value: 'v', name: 'N' }],
        resources: {},
        args: ['-v'],
        image: 'busybox',
        name: 'step',
        workingDir: '/workspace',
        command: ['sh'],
        imagePullPolicy: 'IfNotPresent',
        terminationMessagePath: '/dev/termination-log',
      }),
    );
    const encoded = Container.encode(decoded);
    expect(Object.keys(encoded)).toStrictEqual([
      'name',
      'image',
      'command',
      'args',
      'workingDir',
      'env',
      'resources',
      'terminationMessagePath',
      'imagePullPolicy',
      'securityContext',
      'tty',
    ]);
    expect(Object.keys(encoded.env?.[0] ?? {})).toStrictEqual(['name', 'value']);
  });

  it('reports the path of a field with the wrong type', () => {
    const r = Pod.decode({
      spec: {
        containers: [
          {
            name: 'a',
            env: [{ name: 'OK', value: 'x' }, { name: 'BAD', value: { nested: 5 } }],
            ports: [{ containerPort: 80.5 }],
            livenessProbe: { httpGet: { port: true } },
            stdin: 'yes',
          },
        ],
      },
    });
    // errors come in field declaration order: ports before env
    expect(errorPaths(r)).toStrictEqual([
      'spec.containers[0].ports[0].containerPort',
      'spec.containers[0].env[1].value',
      'spec.containers[0].livenessProbe.httpGet.port',
      'spec.containers[0].stdin',
    ]);
  });
});

describe('Probe and Volume inline their embedded structs like Go', () => {
  it('puts the Handler fields of a Probe first', () => {
    const p = ok(Probe.decode({ failureThreshold: 3, initialDelaySeconds: 1, httpGet: { port: 8080, path: '/healthz' } }));
    const encoded = Probe.encode(p);
    expect(Object.keys(encoded)).toStrictEqual(['httpGet', 'initialDelaySeconds', 'failureThreshold']);
    expect(Object.keys(encoded.httpGet ?? {})).toStrictEqual(['path', 'port']);
  });

  it('puts the name of a Volume before its source, and drops the inline csi volume 1.12 lacked', () => {
    const v = ok(
      Volume.decode({
        configMap: { optional: true, items: [{ path: 'p', key: 'k', mode: 420 }], name: 'cm' },
        csi: { driver: 'x' },
        ephemeral: {},
        name: 'config',
      }),
    );
    expect(v).toStrictEqual({ name: 'config', configMap: { name: 'cm', items: [{ key: 'k', path: 'p', mode: 420 }], optional: true } });
    const encoded = Volume.encode(v);
    expect(Object.keys(encoded)).toStrictEqual(['name', 'configMap']);
    expect(Object.keys(encoded.configMap ?? {})).toStrictEqual(['name', 'items', 'optional']);
  });

  it('knows every 1.12 volume source, in Go order', () => {
    expect(Object.keys(Volume.props)).toStrictEqual([
      'name',
      'hostPath',
      'emptyDir',
      'gcePersistentDisk',
      'awsElasticBlockStore',
      'gitRepo',
      'secret',
      'nfs',
      'iscsi',
      'glusterfs',
      'persistentVolumeClaim',
      'rbd',
      'flexVolume',
      'cinder',
      'cephfs',
      'flocker',
      'downwardAPI',
      'fc',
      'azureFile',
      'configMap',
      'vsphereVolume',
      'quobyte',
      'azureDisk',
      'photonPersistentDisk',
      'projected',
      'portworxVolume',
      'scaleIO',
      'storageos',
    ]);
  });

  it('decodes projected and downward API volumes', () => {
    const v = ok(
      Volume.decode({
        name: 'proj',
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { path: 'token', expirationSeconds: 3600, audience: 'vault' } },
            { downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
            { secret: { name: 's', items: [{ key: 'a', path: 'a' }] }, clusterTrustBundle: { path: 'x' } },
          ],
        },
      }),
    );
    expect(v).toStrictEqual({
      name: 'proj',
      projected: {
        sources: [
          { serviceAccountToken: { audience: 'vault', expirationSeconds: 3600, path: 'token' } },
          { downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
          { secret: { name: 's', items: [{ key: 'a', path: 'a' }] } },
        ],
        defaultMode: 420,
      },
    });
    expect(errorPaths(Volume.decode({ name: 'd', downwardAPI: { items: [{ path: 'm', resourceFieldRef: { divisor: 'lots' } }] } }))).toStrictEqual([
      'downwardAPI.items[0].resourceFieldRef.divisor',
    ]);
  });
});

describe('ObjectMeta', () => {
  it('keeps __proto__ as an ordinary own label key', () => {
    const input: unknown = JSON.parse('{"labels":{"__proto__":"x","app":"web"},"annotations":{"constructor":"c"}}');
    const m = ok(ObjectMeta.decode(input));
    const labels = m.labels ?? {};
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
    expect(hasOwn(labels, '__proto__')).toBe(true);
    expect(Object.keys(labels)).toStrictEqual(['__proto__', 'app']);
    expect(Object.getOwnPropertyDescriptor(labels, '__proto__')?.value).toBe('x');
    expect(JSON.stringify(ObjectMeta.encode(m))).toBe('{"labels":{"__proto__":"x","app":"web"},"annotations":{"constructor":"c"}}');
  });

  it('encodes the 1.12 metadata fields in Go order and drops newer ones', () => {
    const m = ok(
      ObjectMeta.decode({
        managedFields: [{ manager: 'kubectl' }],
        clusterName: 'c',
        finalizers: ['f'],
        ownerReferences: [{ uid: 'u', name: 'tr', kind: 'TaskRun', apiVersion: 'tekton.dev/v1alpha1', controller: true, blockOwnerDeletion: true }],
        annotations: { a: 'b' },
        labels: { l: 'm' },
        deletionTimestamp: '2019-10-30T10:00:05Z',
        creationTimestamp: '2019-10-30T10:00:00Z',
        generation: 2,
        resourceVersion: '42',
        uid: 'abc',
        selfLink: '/api/v1/namespaces/default/pods/p',
        namespace: 'default',
        generateName: 'p-',
        name: 'p',
        deletionGracePeriodSeconds: 30,
      }),
    );
    expect(Object.keys(ObjectMeta.encode(m))).toStrictEqual([
      'name',
      'generateName',
      'namespace',
      'selfLink',
      'uid',
      'resourceVersion',
      'generation',
      'creationTimestamp',
      'deletionTimestamp',
      'deletionGracePeriodSeconds',
      'labels',
      'annotations',
      'ownerReferences',
      'finalizers',
      'clusterName',
    ]);
    expect(Object.keys(m.ownerReferences?.[0] ?? {})).toStrictEqual(['apiVersion', 'kind', 'name', 'uid', 'controller', 'blockOwnerDeletion']);
  });

  it('reports the path of a bad label value', () => {
    expect(errorPaths(Pod.decode({ metadata: { labels: { ok: 'a', bad: ['x'] } } }))).toStrictEqual(['metadata.labels.bad']);
  });

  it('is strict: numbers become text before decoding, where Go knew the field (src/input/go-json.ts)', () => {
    expect(errorPaths(Pod.decode({ metadata: { labels: { port: 8080 } } }))).toStrictEqual(['metadata.labels.port']);
  });
});

describe('timeCodec (metav1.Time)', () => {
  it('decodes to the UTC whole-second text Go printed back', () => {
    expect(timeCodec.decode('2019-10-30T10:00:00Z')).toStrictEqual(E.right('2019-10-30T10:00:00Z'));
    expect(timeCodec.decode('2019-10-30T12:00:00.987654321+02:00')).toStrictEqual(E.right('2019-10-30T10:00:00Z'));
    expect(timeCodec.decode('2019-12-31T23:30:00-01:00')).toStrictEqual(E.right('2020-01-01T00:30:00Z'));
    expect(timeCodec.decode('2020-02-29T9:05:07Z')).toStrictEqual(E.right('2020-02-29T09:05:07Z'));
  });

  it('rejects what Go rejected', () => {
    for (const bad of ['2019-02-29T00:00:00Z', '2019-10-30 10:00:00Z', '2019-10-30t10:00:00Z', '2019-10-30T10:00:00z', '2019-10-30T24:00:00Z', '2019-10-30T10:00:60Z', '2019-10-30', '', 1572429600]) {
      expect(E.isLeft(timeCodec.decode(bad))).toBe(true);
    }
    expect(errorPaths(Pod.decode({ status: { containerStatuses: [{ state: { running: { startedAt: 'yesterday' } } }] } }))).toStrictEqual([
      'status.containerStatuses[0].state.running.startedAt',
    ]);
  });
});

describe('Pod', () => {
  const taskRunPod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'build-run-pod-abcde',
      namespace: 'default',
      labels: { 'tekton.dev/task': 'build', 'tekton.dev/taskRun': 'build-run', 'app.kubernetes.io/managed-by': 'tekton-pipelines' },
      annotations: { 'tekton.dev/ready': 'READY' },
      ownerReferences: [
        { apiVersion: 'tekton.dev/v1alpha1', kind: 'TaskRun', name: 'build-run', uid: '1b2c', controller: true, blockOwnerDeletion: true },
      ],
      managedFields: [],
    },
    spec: {
      volumes: [
        { name: 'tools', emptyDir: {} },
        { name: 'workspace', emptyDir: {} },
        { name: 'home', emptyDir: { medium: 'Memory', sizeLimit: '1024Mi' } },
        { name: 'secret-volume-git-creds', secret: { secretName: 'git-creds', defaultMode: 420 } },
        { name: 'downward', downwardAPI: { items: [{ path: 'ready', fieldRef: { fieldPath: "metadata.annotations['tekton.dev/ready']" } }] } },
        { name: 'cache', persistentVolumeClaim: { claimName: 'cache', readOnly: true } },
      ],
      initContainers: [
        {
          name: 'step-credential-initializer-xyz',
          image: 'gcr.io/tekton-releases/creds-init',
          command: ['/ko-app/creds-init'],
          args: ['-basic-git=git-creds=https://github.com'],
          workingDir: '/workspace',
          env: [{ name: 'HOME', value: '/builder/home' }],
          resources: {},
          volumeMounts: [
            { name: 'secret-volume-git-creds', mountPath: '/var/build-secrets/git-creds' },
            { name: 'home', mountPath: '/builder/home' },
          ],
        },
      ],
      containers: [
        {
          name: 'step-build',
          image: 'golang:1.12',
          command: ['/tools/entrypoint'],
          args: ['-wait_file', '/builder/downward/ready', '-post_file', '/builder/tools/0', '-entrypoint', 'go', '--', 'build'],
          workingDir: '/workspace',
          ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
          envFrom: [{ prefix: 'CFG_', configMapRef: { name: 'cfg', optional: true } }],
          env: [
            { name: 'HOME', value: '/builder/home' },
            { name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
            { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'tok', key: 'token' } } },
          ],
          resources: { requests: { cpu: '0', memory: '0', 'ephemeral-storage': '0' }, limits: { cpu: '2', memory: '1024Mi' } },
          volumeMounts: [
            { name: 'tools', mountPath: '/builder/tools' },
            { name: 'workspace', mountPath: '/workspace' },
            { name: 'downward', mountPath: '/builder/downward' },
          ],
          readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 10 },
          lifecycle: { preStop: { httpGet: { path: '/stop', port: 8080, scheme: 'HTTP', httpHeaders: [{ name: 'X', value: 'y' }] } } },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'IfNotPresent',
          securityContext: {
            capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] },
            privileged: false,
            seLinuxOptions: { level: 's0:c123,c456' },
            runAsUser: 1000,
            runAsGroup: 1000,
            runAsNonRoot: true,
            readOnlyRootFilesystem: false,
            allowPrivilegeEscalation: false,
            procMount: 'Default',
          },
          stdin: false,
        },
      ],
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 30,
      activeDeadlineSeconds: 3600,
      dnsPolicy: 'ClusterFirst',
      nodeSelector: { disktype: 'ssd' },
      serviceAccountName: 'builder',
      serviceAccount: 'builder',
      automountServiceAccountToken: true,
      hostNetwork: false,
      shareProcessNamespace: false,
      securityContext: { runAsUser: 1000, runAsNonRoot: true, supplementalGroups: [1000, 2000], fsGroup: 2000, sysctls: [{ name: 'net.core.somaxconn', value: '1024' }] },
      imagePullSecrets: [{ name: 'regcred' }],
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }], matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['n1'] }] }],
          },
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, preference: { matchExpressions: [{ key: 'ssd', operator: 'Exists' }] } }],
        },
        podAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { labelSelector: { matchLabels: { app: 'cache' } }, namespaces: ['default'], topologyKey: 'kubernetes.io/hostname' },
          ],
        },
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 100,
              podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'tekton.dev/task', operator: 'In', values: ['build'] }] }, topologyKey: 'zone' },
            },
          ],
        },
      },
      schedulerName: 'default-scheduler',
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'ci', effect: 'NoExecute', tolerationSeconds: 60 }],
      hostAliases: [{ ip: '10.0.0.1', hostnames: ['registry.local'] }],
      priorityClassName: 'ci',
      priority: 1000,
      dnsConfig: { nameservers: ['1.1.1.1'], searches: ['svc.cluster.local'], options: [{ name: 'ndots', value: '2' }] },
      readinessGates: [{ conditionType: 'example.com/ready' }],
      runtimeClassName: 'gvisor',
      enableServiceLinks: false,
      topologySpreadConstraints: [],
    },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2019-10-30T10:00:10+00:00' }],
      hostIP: '10.0.0.2',
      podIP: '10.1.0.5',
      startTime: '2019-10-30T10:00:00Z',
      initContainerStatuses: [
        {
          name: 'step-credential-initializer-xyz',
          state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: '2019-10-30T10:00:01Z', finishedAt: '2019-10-30T10:00:02Z', containerID: 'docker://1' } },
          lastState: {},
          ready: true,
          restartCount: 0,
          image: 'gcr.io/tekton-releases/creds-init:latest',
          imageID: 'docker-pullable://creds-init@sha256:00',
          containerID: 'docker://1',
        },
      ],
      containerStatuses: [
        {
          name: 'step-build',
          state: { running: { startedAt: '2019-10-30T10:00:03Z' } },
          lastState: {},
          ready: true,
          restartCount: 0,
          image: 'golang:1.12',
          imageID: 'docker-pullable://golang@sha256:11',
          containerID: 'docker://2',
          started: true,
        },
      ],
      qosClass: 'Burstable',
      podIPs: [{ ip: '10.1.0.5' }],
    },
  };

  it('encodes kind before apiVersion and every PodSpec field in Go order', () => {
    const encoded = Pod.encode(ok(Pod.decode(taskRunPod)));
    expect(Object.keys(encoded)).toStrictEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status']);
    expect(Object.keys(PodSpec.props)).toStrictEqual([
      'volumes',
      'initContainers',
      'containers',
      'restartPolicy',
      'terminationGracePeriodSeconds',
      'activeDeadlineSeconds',
      'dnsPolicy',
      'nodeSelector',
      'serviceAccountName',
      'serviceAccount',
      'automountServiceAccountToken',
      'nodeName',
      'hostNetwork',
      'hostPID',
      'hostIPC',
      'shareProcessNamespace',
      'securityContext',
      'imagePullSecrets',
      'hostname',
      'subdomain',
      'affinity',
      'schedulerName',
      'tolerations',
      'hostAliases',
      'priorityClassName',
      'priority',
      'dnsConfig',
      'readinessGates',
      'runtimeClassName',
    ]);
    // hostNetwork: false is an omitempty zero, which Go did not print.
    expect(Object.keys(encoded.spec ?? {})).toStrictEqual(Object.keys(PodSpec.props).filter((k) => !['nodeName', 'hostNetwork', 'hostPID', 'hostIPC', 'hostname', 'subdomain'].includes(k)));
  });

  it('round-trips a TaskRun pod, canonicalising quantities and times and dropping post-1.12 fields', () => {
    const decoded = ok(Pod.decode(taskRunPod));
    expect(hasOwn(decoded.spec ?? {}, 'enableServiceLinks')).toBe(false);
    expect(hasOwn(decoded.metadata ?? {}, 'managedFields')).toBe(false);
    expect(hasOwn(decoded.status ?? {}, 'podIPs')).toBe(false);
    expect(hasOwn(decoded.status?.containerStatuses?.[0] ?? {}, 'started')).toBe(false);
    expect(decoded.spec?.volumes?.[2]).toStrictEqual({ name: 'home', emptyDir: { medium: 'Memory', sizeLimit: '1Gi' } });
    expect(decoded.spec?.containers?.[0]?.resources).toStrictEqual({
      limits: { cpu: '2', memory: '1Gi' },
      requests: { cpu: '0', memory: '0', 'ephemeral-storage': '0' },
    });
    expect(decoded.status?.conditions).toStrictEqual([{ type: 'Ready', status: 'True', lastTransitionTime: '2019-10-30T10:00:10Z' }]);
    // decoding what we encoded changes nothing
    expect(ok(Pod.decode(Pod.encode(decoded)))).toStrictEqual(decoded);
  });

  it('encodes to a Pod the Kubernetes schema accepts', () => {
    const encoded = Pod.encode(ok(Pod.decode(taskRunPod)));
    expect(() => new k8s.Pod(encoded as unknown as k8s.IPod).validate()).not.toThrow();
  });
});

describe('ServiceAccount, Secret, ConfigMap', () => {
  it('decodes a ServiceAccount with its secrets as object references', () => {
    const sa = ok(
      ServiceAccount.decode({
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'builder', namespace: 'default' },
        secrets: [{ name: 'git-creds' }, { name: 'builder-token-x', kind: 'Secret', extra: 1 }],
        imagePullSecrets: [{ name: 'regcred' }],
        automountServiceAccountToken: false,
      }),
    );
    expect(sa).toStrictEqual({
      kind: 'ServiceAccount',
      apiVersion: 'v1',
      metadata: { name: 'builder', namespace: 'default' },
      secrets: [{ name: 'git-creds' }, { kind: 'Secret', name: 'builder-token-x' }],
      imagePullSecrets: [{ name: 'regcred' }],
      automountServiceAccountToken: false,
    });
    expect(Object.keys(ServiceAccount.encode(sa))).toStrictEqual(['kind', 'apiVersion', 'metadata', 'secrets', 'imagePullSecrets', 'automountServiceAccountToken']);
  });

  it('keeps Secret data as the base64 text given, and rejects text that is not base64', () => {
    const s = ok(
      Secret.decode({
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'kubernetes.io/basic-auth',
        metadata: { name: 'git-creds', annotations: { 'tekton.dev/git-0': 'https://github.com' } },
        data: { username: 'dXNlcg==', password: 'cGFzcw==\n', empty: '' },
        stringData: { extra: 'plain' },
      }),
    );
    expect(s).toStrictEqual({
      kind: 'Secret',
      apiVersion: 'v1',
      metadata: { name: 'git-creds', annotations: { 'tekton.dev/git-0': 'https://github.com' } },
      data: { username: 'dXNlcg==', password: 'cGFzcw==\n', empty: '' },
      stringData: { extra: 'plain' },
      type: 'kubernetes.io/basic-auth',
    });
    expect(errorPaths(Secret.decode({ data: { ok: 'aGk=', short: 'aGk', bad: 'not base64!' } }))).toStrictEqual(['data.short', 'data.bad']);
    expect(E.isLeft(bytesCodec.decode(5))).toBe(true);
  });

  it('decodes a ConfigMap with data and binaryData', () => {
    const cm = ok(ConfigMap.decode({ binaryData: { bin: 'AAE=' }, data: { 'config.json': '{}' }, metadata: { name: 'cfg' } }));
    expect(cm).toStrictEqual({ metadata: { name: 'cfg' }, data: { 'config.json': '{}' }, binaryData: { bin: 'AAE=' } });
    expect(Object.keys(ConfigMap.encode(cm))).toStrictEqual(['metadata', 'data', 'binaryData']);
    expect(errorPaths(ConfigMap.decode({ data: { n: { deep: 1 } } }))).toStrictEqual(['data.n']);
  });
});

describe('pod-level structs', () => {
  it('decodes scheduling and security settings', () => {
    expect(ok(Toleration.decode({ operator: 'Exists', effect: null, tolerationSeconds: 5 }))).toStrictEqual({ operator: 'Exists', tolerationSeconds: 5 });
    expect(ok(PodSecurityContext.decode({ fsGroup: 1, windowsOptions: {}, fsGroupChangePolicy: 'Always' }))).toStrictEqual({ fsGroup: 1 });
    expect(ok(SecurityContext.decode({ seccompProfile: { type: 'RuntimeDefault' }, procMount: 'Unmasked' }))).toStrictEqual({ procMount: 'Unmasked' });
    expect(errorPaths(Affinity.decode({ podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchExpressions: [{ values: 'a' }] } }] } }))).toStrictEqual([
      'podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].values',
    ]);
    expect(errorPaths(PodSecurityContext.decode({ supplementalGroups: [1, 'x'] }))).toStrictEqual(['supplementalGroups[1]']);
  });

  it('reports every bad field of an object, not just the first', () => {
    expect(errorPaths(VolumeMount.decode({ name: [1], readOnly: 'no', mountPath: '/x' }))).toStrictEqual(['name', 'readOnly']);
    expect(errorPaths(ResourceFieldSelector.decode({ resource: 'limits.cpu', divisor: {} }))).toStrictEqual(['divisor']);
  });
});

describe('field names agree with the Kubernetes schema', () => {
  type Validatable = { validate(): void };
  type ModelClass = new (data: unknown) => Validatable;
  const isModelClass = (v: unknown): v is ModelClass => typeof v === 'function';

  // Fields of 1.12 that later Kubernetes versions removed from the API.
  const removedSince112: Record<string, readonly string[]> = {
    ObjectMeta: ['initializers', 'clusterName'],
  };
  // 1.12 types that later versions deleted or only inline.
  const noSchema = new Set(['Initializers', 'Initializer', 'VolumeSource']);

  const structs = Object.entries(core).flatMap(([name, codec]) =>
    typeof codec === 'object' && codec !== null && 'props' in codec ? [[name, Object.keys(codec.props as object)] as const] : [],
  );

  it('covers all the struct codecs', () => {
    expect(structs.length).toBeGreaterThan(90);
  });

  it.each(structs.filter(([name]) => !noSchema.has(name)))('%s declares only fields the schema knows', (name, fields) => {
    const modelClass: unknown = (k8s as Record<string, unknown>)[name] ?? (meta as Record<string, unknown>)[name];
    expect(isModelClass(modelClass)).toBe(true);
    if (!isModelClass(modelClass)) return;
    // A symbol is the wrong type for every schema type, so the validator
    // complains about each field it knows and is silent about any it does not.
    const unknownToSchema = fields.filter((field) => {
      try {
        new modelClass({ [field]: Symbol('probe') }).validate();
        return true;
      } catch (e) {
        const errors = (e as { errors?: ReadonlyArray<{ instancePath?: string }> }).errors ?? [];
        return !errors.some((err) => err.instancePath === `/${field}` || (err.instancePath ?? '').startsWith(`/${field}/`));
      }
    });
    expect(unknownToSchema).toStrictEqual(removedSince112[name] ?? []);
  });
});
