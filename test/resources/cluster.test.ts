/**
 * The cluster resource. Expected values come from Tekton's
 * cluster_resource_test.go and TestAddResourceToTask
 * (input_resource_test.go) at 6c132b937e.
 */
import { addInputResources, clusterConfigJson, clusterFields, clusterResource } from '../../src/resources';
import { bind, contextFor, params, pipelineResource, right, suffixed, taskRun, TEST_IMAGES } from './support';

const cluster = (p: Record<string, string>, secrets?: { fieldName: string; secretName: string; secretKey: string }[]) =>
  pipelineResource('test-cluster-resource', { type: 'cluster', params: params(p), ...(secrets !== undefined ? { secrets } : {}) });

const text = (b: Uint8Array | undefined) => (b === undefined ? undefined : Buffer.from(b).toString('utf8'));

describe('cluster fields (NewClusterResource)', () => {
  it('decodes cadata as Go does: unpadded base64 keeps the complete quanta', () => {
    const f = clusterFields(cluster({ name: 'test_cluster_resource', url: 'http://10.10.10.10', cadata: 'bXktY2x1c3Rlci1jZXJ0Cg', token: 'my-token' }));
    expect({ ...f, cadata: text(f.cadata) }).toEqual({
      name: 'test_cluster_resource',
      url: 'http://10.10.10.10',
      revision: '',
      username: '',
      password: '',
      namespace: '',
      token: 'my-token',
      insecure: false,
      cadata: 'my-cluster-cert',
      secrets: undefined,
    });
  });

  it('reads username, password and namespace', () => {
    const f = clusterFields(cluster({ name: 'c', username: 'user', password: 'pass', namespace: 'my-namespace', cadata: 'bXktY2x1c3Rlci1jZXJ0Cg' }));
    expect([f.username, f.password, f.namespace, f.insecure]).toEqual(['user', 'pass', 'my-namespace', false]);
  });

  it('is insecure when there is no CA data', () => {
    expect(clusterFields(cluster({ name: 'test.cluster.resource', url: 'http://10.10.10.10', token: 'my-token' })).insecure).toBe(true);
  });

  it('is not insecure when a secret provides cadata', () => {
    const f = clusterFields(cluster({ name: 'n' }, [{ fieldName: 'cadata', secretName: 'secret1', secretKey: 'cadatakey' }]));
    expect(f.insecure).toBe(false);
  });

  it('parses insecure as a Go bool; an unparsable value is false', () => {
    expect(clusterFields(cluster({ name: 'n', cadata: 'bXktY2EtY2VydAo=', insecure: 'True' })).insecure).toBe(true);
    expect(clusterFields(cluster({ name: 'n', cadata: 'bXktY2EtY2VydAo=', insecure: 'yes' })).insecure).toBe(false);
  });
});

describe('cluster resource as input', () => {
  it('writes the kubeconfig from plain-text params (cluster3)', () => {
    const cluster3 = pipelineResource('cluster3', {
      type: 'cluster',
      params: params({ name: 'cluster3', Url: 'http://10.10.10.10', Namespace: 'namespace1', CAdata: 'bXktY2EtY2VydAo=' }),
    });
    const ctx = contextFor(
      taskRun({ taskSpec: { inputs: { resources: [{ name: 'target-cluster', type: 'cluster' }] } }, inputs: [bind('target-cluster', 'cluster3')] }),
      [cluster3],
    );
    expect(right(addInputResources(ctx, ctx.run.taskSpec)).steps).toEqual([
      {
        name: suffixed('kubeconfig'),
        image: 'override-with-kubeconfig-writer:latest',
        command: ['/ko-app/kubeconfigwriter'],
        args: [
          '-clusterConfig',
          '{"name":"cluster3","type":"cluster","url":"http://10.10.10.10","revision":"","username":"","password":"","namespace":"namespace1","token":"","Insecure":false,"cadata":"bXktY2EtY2VydAo=","secrets":null}',
        ],
      },
    ]);
  });

  it('passes secrets as env vars named after their fields (cluster2)', () => {
    const cluster2 = pipelineResource('cluster2', {
      type: 'cluster',
      params: params({ Name: 'cluster2', Url: 'http://10.10.10.10' }),
      secrets: [{ fieldName: 'cadata', secretKey: 'cadatakey', secretName: 'secret1' }],
    });
    const ctx = contextFor(
      taskRun({ taskSpec: { inputs: { resources: [{ name: 'target-cluster', type: 'cluster' }] } }, inputs: [bind('target-cluster', 'cluster2')] }),
      [cluster2],
    );
    expect(right(addInputResources(ctx, ctx.run.taskSpec)).steps).toEqual([
      {
        name: suffixed('kubeconfig'),
        image: 'override-with-kubeconfig-writer:latest',
        command: ['/ko-app/kubeconfigwriter'],
        args: [
          '-clusterConfig',
          '{"name":"cluster2","type":"cluster","url":"http://10.10.10.10","revision":"","username":"","password":"","namespace":"","token":"","Insecure":false,"cadata":null,"secrets":[{"fieldName":"cadata","secretKey":"cadatakey","secretName":"secret1"}]}',
        ],
        env: [{ name: 'CADATA', valueFrom: { secretKeyRef: { name: 'secret1', key: 'cadatakey' } } }],
      },
    ]);
  });

  it('is named by its name param, and exposes every field', () => {
    const r = clusterResource(cluster({ name: 'prod', url: 'https://k8s', cadata: 'bXktY2EtY2VydAo=', token: 't' }), TEST_IMAGES.kubeconfigWriter);
    expect(r.name).toBe('prod');
    expect(Object.fromEntries(r.replacements)).toEqual({
      name: 'prod',
      type: 'cluster',
      url: 'https://k8s',
      revision: '',
      username: '',
      password: '',
      namespace: '',
      token: 't',
      insecure: 'false',
      cadata: 'my-ca-cert\n',
    });
    expect(r.outputModifier({}, '/workspace/output/c', { seed: 's', key: 'k' })).toEqual({ prepend: [], append: [], volumes: [] });
  });

  it('writes Go JSON: HTML characters escaped, an empty secrets list as []', () => {
    const f = clusterFields(cluster({ name: 'a<b>&c' }, []));
    expect(clusterConfigJson(f)).toContain('"name":"a\\u003cb\\u003e\\u0026c"');
    expect(clusterConfigJson(f)).toContain('"secrets":[]');
  });
});

// Each JSON below is what Go's json.Marshal wrote for the ClusterResource
// NewClusterResource built from the same params and secrets.
describe('cluster resource: absent values', () => {
  const json = (r: Parameters<typeof clusterFields>[0]) => clusterConfigJson(clusterFields(r));
  const withParams = (p: { name: string; value?: string }[], secrets?: { fieldName?: string; secretName?: string; secretKey?: string }[]) =>
    pipelineResource('test-cluster-resource', { type: 'cluster', params: p, ...(secrets !== undefined ? { secrets } : {}) });

  it('without name and url params, both are ""', () => {
    expect(json(cluster({ token: 't' }))).toBe(
      '{"name":"","type":"cluster","url":"","revision":"","username":"","password":"","namespace":"","token":"t","Insecure":true,"cadata":null,"secrets":null}',
    );
  });

  it('a param without value sets its field to ""', () => {
    const f = clusterFields(withParams([{ name: 'name', value: 'c' }, { name: 'username', value: 'u' }, { name: 'USERNAME' }]));
    expect(f.username).toBe('');
  });

  it('ignores unknown params, whatever they hold', () => {
    expect(json(cluster({ name: 'c', extra: 'bXktY2EtY2VydAo=' }))).toBe(
      '{"name":"c","type":"cluster","url":"","revision":"","username":"","password":"","namespace":"","token":"","Insecure":true,"cadata":null,"secrets":null}',
    );
  });

  it('an empty cadata param is no CA data: null, and insecure', () => {
    const r = cluster({ name: 'c', cadata: '', insecure: 'false' });
    expect(json(r)).toBe('{"name":"c","type":"cluster","url":"","revision":"","username":"","password":"","namespace":"","token":"","Insecure":true,"cadata":null,"secrets":null}');
    expect(clusterResource(r, TEST_IMAGES.kubeconfigWriter).replacements.get('cadata')).toBe('');
  });

  it('cadata of which nothing decodes is empty CA data: "", and insecure', () => {
    expect(json(cluster({ name: 'c', cadata: '*', insecure: 'false' }))).toBe(
      '{"name":"c","type":"cluster","url":"","revision":"","username":"","password":"","namespace":"","token":"","Insecure":true,"cadata":"","secrets":null}',
    );
  });

  it('secrets without field, key or name: "" in the JSON and in the env', () => {
    const r = withParams([{ name: 'name', value: 'c' }], [{ fieldName: 'token' }, { secretName: 's' }]);
    expect(json(r)).toBe(
      '{"name":"c","type":"cluster","url":"","revision":"","username":"","password":"","namespace":"","token":"","Insecure":true,"cadata":null,' +
        '"secrets":[{"fieldName":"token","secretKey":"","secretName":""},{"fieldName":"","secretKey":"","secretName":"s"}]}',
    );
    const res = clusterResource(r, TEST_IMAGES.kubeconfigWriter);
    expect(res.type).toBe('cluster');
    expect(res.inputModifier({}, '/workspace/c', { seed: 's', key: 'inputs/c' })).toEqual({
      prepend: [
        {
          name: suffixed('kubeconfig'),
          image: 'override-with-kubeconfig-writer:latest',
          command: ['/ko-app/kubeconfigwriter'],
          args: ['-clusterConfig', json(r)],
          env: [
            { name: 'TOKEN', valueFrom: { secretKeyRef: { name: '', key: '' } } },
            { name: '', valueFrom: { secretKeyRef: { name: 's', key: '' } } },
          ],
        },
      ],
      append: [],
      volumes: [],
    });
  });
});
