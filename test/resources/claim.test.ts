/**
 * The PipelineRun's PersistentVolumeClaim and `taskpod pvc`. Expected values
 * come from Tekton's artifact_storage_test.go at 6c132b937e.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { pipelineRunClaim } from '../../src/artifacts';
import { main } from '../../src/cli/main';
import type { ConfigMap } from '../../src/model/core';

const pvcConfig = (data: Record<string, string>): ConfigMap => ({ metadata: { name: 'config-artifact-pvc', namespace: 'tekton-pipelines' }, data });
const owner = { name: 'pipelineruntest', namespace: 'foo', uid: '' };
const expected = (size: string, storageClassName?: string) => ({
  kind: 'PersistentVolumeClaim',
  apiVersion: 'v1',
  metadata: {
    name: 'pipelineruntest-pvc',
    namespace: 'foo',
    ownerReferences: [{ apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineRun', name: 'pipelineruntest', uid: '', controller: true, blockOwnerDeletion: true }],
  },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } }, ...(storageClassName !== undefined ? { storageClassName } : {}) },
});

describe('pipelineRunClaim', () => {
  it('is 5Gi with the default storage class without a ConfigMap', () => {
    expect(pipelineRunClaim(owner, undefined)).toEqual(E.right(expected('5Gi')));
  });
  it('takes the size of config-artifact-pvc (pvc configmap size)', () => {
    expect(pipelineRunClaim(owner, pvcConfig({ size: '10Gi' }))).toEqual(E.right(expected('10Gi')));
  });
  it('takes the storage class of config-artifact-pvc (pvc configmap storageclass)', () => {
    expect(pipelineRunClaim(owner, pvcConfig({ storageClassName: 'custom-storage-class' }))).toEqual(E.right(expected('5Gi', 'custom-storage-class')));
  });
  it('writes the size as Kubernetes does, and treats empty values as absent', () => {
    expect(pipelineRunClaim(owner, pvcConfig({ size: '10240Mi', storageClassName: '' }))).toEqual(E.right(expected('10Gi')));
    expect(pipelineRunClaim(owner, pvcConfig({ size: '' }))).toEqual(E.right(expected('5Gi')));
  });
  it('refuses a size that is not a quantity, naming the ConfigMap key', () => {
    const r = pipelineRunClaim(owner, pvcConfig({ size: 'lots' }));
    expect(E.isLeft(r) && [r.left._tag, r.left.object, r.left.field]).toEqual(['InvalidConfig', 'ConfigMap tekton-pipelines/config-artifact-pvc', 'data["size"]']);
  });
});

describe('taskpod pvc', () => {
  const dir = mkdtempSync(join(tmpdir(), 'taskpod-pvc-'));
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const run = async (...args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
    return { code, stdout, stderr };
  };
  const pr = file('pr.yaml', 'apiVersion: tekton.dev/v1alpha1\nkind: PipelineRun\nmetadata:\n  name: build\n  namespace: ci\n  uid: 4b3f\nspec:\n  pipelineRef:\n    name: p\n');

  it('prints the claim of a PipelineRun', async () => {
    const r = await run('pvc', '-f', pr, '-o', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      kind: 'PersistentVolumeClaim',
      apiVersion: 'v1',
      metadata: {
        name: 'build-pvc',
        namespace: 'ci',
        ownerReferences: [{ apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineRun', name: 'build', uid: '4b3f', controller: true, blockOwnerDeletion: true }],
      },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } },
    });
  });

  it('reads config-artifact-pvc from another file', async () => {
    const cm = file('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-artifact-pvc\n  namespace: tekton-pipelines\ndata:\n  size: 1Gi\n  storageClassName: fast\n');
    const r = await run('pvc', '-f', pr, '-f', cm, '-o', 'json');
    expect(JSON.parse(r.stdout).spec).toEqual({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'fast' });
  });

  it('prints nothing, with a warning, when artifacts go to a bucket', async () => {
    const cm = file('bucket.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-artifact-bucket\n  namespace: tekton-pipelines\ndata:\n  location: gs://b\n');
    const r = await run('pvc', '-f', pr, '-f', cm);
    expect([r.code, r.stdout]).toEqual([0, '']);
    expect(r.stderr).toContain('creates no PersistentVolumeClaim');
  });

  it('prints a List for several PipelineRuns', async () => {
    const two = file('two.yaml', 'kind: PipelineRun\nmetadata:\n  name: a\n---\nkind: PipelineRun\nmetadata:\n  name: b\n');
    const r = await run('pvc', '-f', two, '-o', 'json');
    expect(JSON.parse(r.stdout).items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['a-pvc', 'b-pvc']);
  });

  it('refuses input without a PipelineRun, and a bad size', async () => {
    const none = file('none.yaml', 'kind: ConfigMap\nmetadata:\n  name: x\n');
    expect((await run('pvc', '-f', none)).code).toBe(1);
    const bad = file('bad.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-artifact-pvc\n  namespace: tekton-pipelines\ndata:\n  size: huge\n');
    const r = await run('pvc', '-f', pr, '-f', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ConfigMap tekton-pipelines/config-artifact-pvc: data["size"]');
  });
});
