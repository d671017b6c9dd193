/**
 * Artifact storage between a PipelineRun's Tasks: copies from earlier Tasks
 * into inputs, copies of outputs for later Tasks, PVC and bucket. Expected
 * values come from Tekton's input_resource_test.go, output_resource_test.go,
 * artifact_pvc_test.go, artifact_bucket_test.go and artifact_storage_test.go
 * at 6c132b937e; DEVIATIONS.md items 1 and 2 where Tekton was broken.
 */
import * as E from 'fp-ts/Either';
import { bucketConfig, bucketStorage, pvcStorage, storageType } from '../../src/artifacts';
import { addInputResources, addOutputResources } from '../../src/resources';
import { bind, bucketConfigMap, contextFor, FAKE_BUCKET, params, pipelineResource, right, suffixed, taskRun, TEST_IMAGES } from './support';

const theGit = pipelineResource('the-git', { type: 'git', params: params({ Url: 'https://github.com/grafeas/kritis' }) });
const sourceGit = pipelineResource('source-git', { type: 'git', params: params({ Url: 'https://github.com/grafeas/kritis', Revision: 'master' }) });
const storage1 = pipelineResource('storage1', { type: 'storage', params: params({ Location: 'gs://fake-bucket/rules.zip', Type: 'gcs' }) });
const storage2 = pipelineResource('storage2', { type: 'storage', params: params({ Location: 'gs://fake-bucket/other.zip', Type: 'gcs' }) });
const resources = [theGit, sourceGit, storage1, storage2];

const bash = 'override-with-bash-noop:latest';
const gsutil = 'override-with-gsutil-image:latest';
const naming = { seed: 'marshmallow/run', key: 'k' };
const claim = (name: string) => ({ name, persistentVolumeClaim: { claimName: name } });
const gcsVolume = { name: 'volume-bucket-gcs-config', secret: { secretName: 'gcs-config' } };
const gcsMounts = [{ name: 'volume-bucket-gcs-config', mountPath: '/var/bucketsecret/gcs-config' }];
const gcsEnv = [{ name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/var/bucketsecret/gcs-config/my-key' }];
const gitInputs = { resources: [{ name: 'gitspace', type: 'git' }] };
const gcsInputs = { resources: [{ name: 'workspace', type: 'gcs', targetPath: 'gcs-dir' }] };

describe('PVC storage steps (artifact_pvc_test.go)', () => {
  const pvc = pvcStorage('pipelinerun-pvc', bash);
  it('copies from the claim with one step', () => {
    expect(pvc.copyFromStorage('workspace', 'src-path', '/workspace/destination', naming)).toEqual([
      { name: suffixed('source-copy-workspace'), image: bash, command: ['/ko-app/bash'], args: ['-args', 'cp -r src-path/. /workspace/destination'] },
    ]);
  });
  it('copies to the claim with mkdir and copy, both mounting it at /pvc', () => {
    const mounts = [{ name: 'pipelinerun-pvc', mountPath: '/pvc' }];
    expect(pvc.copyToStorage('workspace', 'src-path', '/workspace/destination', naming)).toEqual([
      { name: suffixed('source-mkdir-workspace'), image: bash, command: ['/ko-app/bash'], args: ['-args', 'mkdir -p /workspace/destination'], volumeMounts: mounts },
      { name: suffixed('source-copy-workspace'), image: bash, command: ['/ko-app/bash'], args: ['-args', 'cp -r src-path/. /workspace/destination'], volumeMounts: mounts },
    ]);
    expect(pvc.secretVolumes()).toEqual([]);
  });
});

describe('bucket storage steps (artifact_bucket_test.go)', () => {
  const bucket = bucketStorage(
    { location: 'gs://fake-bucket', secrets: [{ fieldName: 'GOOGLE_APPLICATION_CREDENTIALS', secretName: 'secret1', secretKey: 'serviceaccount' }] },
    TEST_IMAGES,
  );
  const env = [{ name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/var/bucketsecret/secret1/serviceaccount' }];
  const volumeMounts = [{ name: 'volume-bucket-secret1', mountPath: '/var/bucketsecret/secret1' }];
  it('copies from the bucket with mkdir and gsutil cp', () => {
    expect(bucket.copyFromStorage('workspace', 'src-path', '/workspace/destination', naming)).toEqual([
      { name: suffixed('artifact-dest-mkdir-workspace'), image: bash, command: ['/ko-app/bash'], args: ['-args', 'mkdir -p /workspace/destination'] },
      { name: suffixed('artifact-copy-from-workspace'), image: gsutil, command: ['/ko-app/gsutil'], args: ['-args', 'cp -P -r gs://fake-bucket/src-path/* /workspace/destination'], env, volumeMounts },
    ]);
  });
  it('copies to the bucket with gsutil cp', () => {
    expect(bucket.copyToStorage('workspace', 'src-path', 'workspace/destination', naming)).toEqual([
      { name: suffixed('artifact-copy-to-workspace'), image: gsutil, command: ['/ko-app/gsutil'], args: ['-args', 'cp -P -r src-path gs://fake-bucket/workspace/destination'], env, volumeMounts },
    ]);
  });
  it('mounts the service account secret', () => {
    expect(bucket.secretVolumes()).toEqual([{ name: 'volume-bucket-secret1', secret: { secretName: 'secret1' } }]);
  });
});

describe('which storage (TestNeedsPVC)', () => {
  it.each([
    ['valid bucket', { location: 'gs://fake-bucket', 'bucket.service.account.secret.name': 'secret1', 'bucket.service.account.secret.key': 'sakey' }, 'bucket'],
    ['location empty', { location: '', 'bucket.service.account.secret.name': 'secret1' }, 'pvc'],
    ['location blank', { location: ' \t\u00a0' }, 'pvc'],
    ['missing location', { 'bucket.service.account.secret.name': 'secret1' }, 'pvc'],
    ['no secret', { location: 'gs://fake-bucket' }, 'bucket'],
  ] as const)('%s', (_name, data, want) => {
    expect(storageType(bucketConfigMap(data))).toBe(want);
  });
  it('no ConfigMap, or one without data', () => {
    expect(storageType(undefined)).toBe('pvc');
    expect(storageType({ metadata: { name: 'config-artifact-bucket' } })).toBe('pvc');
  });
});

describe('the bucket ConfigMap', () => {
  it('reads the location and the service account secret, GOOGLE_APPLICATION_CREDENTIALS by default', () => {
    expect(right(bucketConfig(FAKE_BUCKET))).toEqual({
      location: 'gs://fake-bucket',
      secrets: [{ fieldName: 'GOOGLE_APPLICATION_CREDENTIALS', secretName: 'gcs-config', secretKey: 'my-key' }],
    });
  });
  it('takes BOTO_CONFIG as the field name (valid bucket with boto config)', () => {
    const cm = bucketConfigMap({
      location: 's3://fake-bucket',
      'bucket.service.account.secret.name': 'secret1',
      'bucket.service.account.secret.key': 'sakey',
      'bucket.service.account.field.name': 'BOTO_CONFIG',
    });
    expect(right(bucketConfig(cm)).secrets).toEqual([{ fieldName: 'BOTO_CONFIG', secretName: 'secret1', secretKey: 'sakey' }]);
  });
  it('needs no secret', () => {
    expect(right(bucketConfig(bucketConfigMap({ location: 'gs://fake-bucket' })))).toEqual({ location: 'gs://fake-bucket', secrets: [] });
  });
  it.each([
    ['a secret name without key', { 'bucket.service.account.secret.name': 'sa' }, 'data["bucket.service.account.secret.key"]'],
    ['a key without secret name', { 'bucket.service.account.secret.key': 'k' }, 'data["bucket.service.account.secret.name"]'],
    ['an empty secret name', { 'bucket.service.account.secret.name': '', 'bucket.service.account.secret.key': 'k' }, 'data["bucket.service.account.secret.name"]'],
    ['a secret name that makes no volume name', { 'bucket.service.account.secret.name': 'my.sa', 'bucket.service.account.secret.key': 'k' }, 'data["bucket.service.account.secret.name"]'],
    ['an empty key', { 'bucket.service.account.secret.name': 'sa', 'bucket.service.account.secret.key': '' }, 'data["bucket.service.account.secret.key"]'],
    [
      'an unknown field name',
      { 'bucket.service.account.secret.name': 'sa', 'bucket.service.account.secret.key': 'k', 'bucket.service.account.field.name': 'AWS_CREDS' },
      'data["bucket.service.account.field.name"]',
    ],
  ])('is unusable with %s', (_name, data, field) => {
    const r = bucketConfig(bucketConfigMap({ location: 'gs://b', ...data }));
    expect(E.isLeft(r) && [r.left._tag, r.left.object, r.left.field]).toEqual(['InvalidConfig', 'ConfigMap tekton-pipelines/config-artifact-bucket', field]);
  });
});

describe('inputs copied from earlier Tasks', () => {
  it('with a PVC: create-dir and copy mounting the claim (git resource as input from previous task)', () => {
    const ctx = contextFor(taskRun({ pipelineRun: 'pipelinerun', taskSpec: { inputs: gitInputs }, inputs: [bind('gitspace', 'the-git', ['prev-task-path'])] }), resources);
    const spec = right(addInputResources(ctx, ctx.run.taskSpec));
    expect(spec.steps).toEqual([
      { name: suffixed('create-dir-gitspace'), image: bash, command: ['/ko-app/bash'], args: ['-args', 'mkdir -p /workspace/gitspace'] },
      {
        name: suffixed('source-copy-gitspace'),
        image: bash,
        command: ['/ko-app/bash'],
        args: ['-args', 'cp -r prev-task-path/. /workspace/gitspace'],
        volumeMounts: [{ name: 'pipelinerun-pvc', mountPath: '/pvc' }],
      },
    ]);
    expect(spec.volumes).toEqual([claim('pipelinerun-pvc')]);
  });

  it('with a PVC, into the targetPath (storage resource as input from previous task)', () => {
    const ctx = contextFor(taskRun({ pipelineRun: 'pipelinerun', taskSpec: { inputs: gcsInputs }, inputs: [bind('workspace', 'storage1', ['prev-task-path'])] }), resources);
    const spec = right(addInputResources(ctx, ctx.run.taskSpec));
    expect(spec.steps?.map((s) => s.args)).toEqual([
      ['-args', 'mkdir -p /workspace/gcs-dir'],
      ['-args', 'cp -r prev-task-path/. /workspace/gcs-dir'],
    ]);
    expect(spec.steps?.[0]?.name).toEqual(suffixed('create-dir-workspace'));
    expect(spec.volumes).toEqual([claim('pipelinerun-pvc')]);
  });

  it('one create-dir and copy per path', () => {
    const ctx = contextFor(taskRun({ pipelineRun: 'pr', taskSpec: { inputs: gitInputs }, inputs: [bind('gitspace', 'the-git', ['/pvc/a/gitspace', '/pvc/b/gitspace'])] }), resources);
    const steps = right(addInputResources(ctx, ctx.run.taskSpec)).steps ?? [];
    expect(steps.map((s) => s.args?.[1])).toEqual([
      'mkdir -p /workspace/gitspace',
      'cp -r /pvc/a/gitspace/. /workspace/gitspace',
      'mkdir -p /workspace/gitspace',
      'cp -r /pvc/b/gitspace/. /workspace/gitspace',
    ]);
    expect(new Set(steps.map((s) => s.name)).size).toBe(4);
  });

  it('with a bucket: mkdir and gsutil copy, the secret volume once (git resource as input from previous task - copy to bucket)', () => {
    const ctx = contextFor(taskRun({ pipelineRun: 'pipelinerun', taskSpec: { inputs: gitInputs }, inputs: [bind('gitspace', 'the-git', ['prev-task-path'])] }), resources, [FAKE_BUCKET]);
    const spec = right(addInputResources(ctx, ctx.run.taskSpec));
    expect(spec.steps).toEqual([
      { name: suffixed('artifact-dest-mkdir-gitspace'), image: bash, command: ['/ko-app/bash'], args: ['-args', 'mkdir -p /workspace/gitspace'] },
      {
        name: suffixed('artifact-copy-from-gitspace'),
        image: gsutil,
        command: ['/ko-app/gsutil'],
        args: ['-args', 'cp -P -r gs://fake-bucket/prev-task-path/* /workspace/gitspace'],
        env: gcsEnv,
        volumeMounts: gcsMounts,
      },
    ]);
    expect(spec.volumes).toEqual([gcsVolume]);
  });

  it('with a bucket, several inputs: in declared order, one secret volume (multiple inputs from previous task)', () => {
    const spec0 = { inputs: { resources: [{ name: 'workspace', type: 'storage', targetPath: 'gcs-dir' }, { name: 'workspace2', type: 'storage', targetPath: 'gcs-dir' }] } };
    const ctx = contextFor(
      taskRun({ pipelineRun: 'pipelinerun', taskSpec: spec0, inputs: [bind('workspace', 'storage1', ['prev-task-path']), bind('workspace2', 'storage2', ['prev-task-path2'])] }),
      resources,
      [FAKE_BUCKET],
    );
    const spec = right(addInputResources(ctx, ctx.run.taskSpec));
    expect(spec.steps?.map((s) => [s.name, s.args?.[1]])).toEqual([
      [suffixed('artifact-dest-mkdir-workspace'), 'mkdir -p /workspace/gcs-dir'],
      [suffixed('artifact-copy-from-workspace'), 'cp -P -r gs://fake-bucket/prev-task-path/* /workspace/gcs-dir'],
      [suffixed('artifact-dest-mkdir-workspace2'), 'mkdir -p /workspace/gcs-dir'],
      [suffixed('artifact-copy-from-workspace2'), 'cp -P -r gs://fake-bucket/prev-task-path2/* /workspace/gcs-dir'],
    ]);
    expect(spec.volumes).toEqual([gcsVolume]);
  });

  it('without a PipelineRun owner, paths are ignored and the resource is fetched', () => {
    const ctx = contextFor(taskRun({ taskSpec: { inputs: gitInputs }, inputs: [bind('gitspace', 'the-git', ['prev-task-path'])] }), resources, [FAKE_BUCKET]);
    const spec = right(addInputResources(ctx, ctx.run.taskSpec));
    expect(spec.steps?.map((s) => s.name)).toEqual([suffixed('git-source-the-git')]);
    expect(spec.volumes).toBeUndefined();
  });

  it('an unusable bucket ConfigMap is refused only when the copy needs it', () => {
    const broken = bucketConfigMap({ location: 'gs://b', 'bucket.service.account.secret.name': 'sa' });
    const owned = contextFor(taskRun({ pipelineRun: 'pr', taskSpec: { inputs: gitInputs }, inputs: [bind('gitspace', 'the-git', ['p'])] }), resources, [broken]);
    const r = addInputResources(owned, owned.run.taskSpec);
    expect(E.isLeft(r) && r.left._tag).toBe('InvalidConfig');
    const alone = contextFor(taskRun({ taskSpec: { inputs: gitInputs }, inputs: [bind('gitspace', 'the-git', ['p'])] }), resources, [broken]);
    expect(E.isRight(addInputResources(alone, alone.run.taskSpec))).toBe(true);
  });
});

describe('outputs copied for later Tasks', () => {
  const outGit = { outputs: { resources: [{ name: 'source-workspace', type: 'git' }] } };
  const createDir = { name: suffixed('create-dir-source-workspace'), image: bash, command: ['/ko-app/bash'], args: ['-args', 'mkdir -p /workspace/output/source-workspace'] };
  const mounts = [{ name: 'pipelinerun-pvc', mountPath: '/pvc' }];

  it('with a PVC: mkdir and copy to each path, the claim attached (git resource in input and output)', () => {
    const tr = taskRun({
      pipelineRun: 'pipelinerun',
      taskSpec: { inputs: { resources: [{ name: 'source-workspace', type: 'git' }] }, ...outGit },
      inputs: [bind('source-workspace', 'source-git')],
      outputs: [bind('source-workspace', 'source-git', ['pipeline-task-name'])],
    });
    const ctx = contextFor(tr, resources);
    const spec = right(addOutputResources(ctx, ctx.run.taskSpec));
    expect(spec.steps).toEqual([
      createDir,
      { name: suffixed('source-mkdir-source-git'), image: bash, command: ['/ko-app/bash'], args: ['-args', 'mkdir -p pipeline-task-name'], volumeMounts: mounts },
      { name: suffixed('source-copy-source-git'), image: bash, command: ['/ko-app/bash'], args: ['-args', 'cp -r /workspace/output/source-workspace/. pipeline-task-name'], volumeMounts: mounts },
    ]);
    expect(spec.volumes).toEqual([claim('pipelinerun-pvc')]);
  });

  it('with a bucket: gsutil copy to location/path (git resource in output only with bucket storage)', () => {
    const ctx = contextFor(
      taskRun({ pipelineRun: 'pipelinerun', taskSpec: outGit, outputs: [bind('source-workspace', 'source-git', ['pipeline-task-name'])] }),
      resources,
      [bucketConfigMap({ location: 'gs://fake-bucket' })],
    );
    const spec = right(addOutputResources(ctx, ctx.run.taskSpec));
    expect(spec.steps).toEqual([
      createDir,
      {
        name: suffixed('artifact-copy-to-source-git'),
        image: gsutil,
        command: ['/ko-app/gsutil'],
        args: ['-args', 'cp -P -r /workspace/output/source-workspace gs://fake-bucket/pipeline-task-name'],
      },
    ]);
    expect(spec.volumes).toBeUndefined();
  });

  it('without a PipelineRun: only the create-dir step, no claim', () => {
    const ctx = contextFor(taskRun({ taskSpec: outGit, outputs: [bind('source-workspace', 'source-git')] }), resources, [bucketConfigMap({ location: 'gs://fake-bucket' })]);
    const spec = right(addOutputResources(ctx, ctx.run.taskSpec));
    expect(spec.steps).toEqual([createDir]);
    expect(spec.volumes).toBeUndefined();
  });

  it('reads an output with a targetPath from the targetPath as written, also when it is an input too', () => {
    const tr = taskRun({
      pipelineRun: 'pr',
      taskSpec: { inputs: { resources: [{ name: 'src', type: 'git', targetPath: 'in' }] }, outputs: { resources: [{ name: 'src', type: 'git', targetPath: '/workspace/out' }] } },
      inputs: [bind('src', 'source-git')],
      outputs: [bind('src', 'source-git', ['/pvc/t/src'])],
    });
    const ctx = contextFor(tr, resources);
    expect(right(addOutputResources(ctx, ctx.run.taskSpec)).steps?.map((s) => s.args?.[1])).toEqual([
      'mkdir -p /workspace/out',
      'mkdir -p /pvc/t/src',
      'cp -r /workspace/out/. /pvc/t/src',
    ]);
  });

  it('reads an output that is also an input without targetPath from /workspace/output/<name>, whatever the input targetPath', () => {
    const tr = taskRun({
      pipelineRun: 'pr',
      taskSpec: { inputs: { resources: [{ name: 'src', type: 'git', targetPath: 'in' }] }, outputs: { resources: [{ name: 'src', type: 'git' }] } },
      inputs: [bind('src', 'source-git')],
      outputs: [bind('src', 'source-git', ['/pvc/t/src'])],
    });
    const ctx = contextFor(tr, resources);
    expect(right(addOutputResources(ctx, ctx.run.taskSpec)).steps?.[2]?.args?.[1]).toBe('cp -r /workspace/output/src/. /pvc/t/src');
  });
});

describe('DEVIATIONS.md items 1 and 2', () => {
  const twoOutputs = { outputs: { resources: [{ name: 'a', type: 'storage' }, { name: 'b', type: 'storage' }, { name: 'c', type: 'git' }] } };

  it('item 1: without a PipelineRun, every output gets its steps (Tekton stopped after the first)', () => {
    const ctx = contextFor(taskRun({ taskSpec: twoOutputs, outputs: [bind('a', 'storage1'), bind('b', 'storage2'), bind('c', 'source-git')] }), resources);
    const spec = right(addOutputResources(ctx, ctx.run.taskSpec));
    expect(spec.steps?.map((s) => s.name)).toEqual([
      suffixed('create-dir-c'),
      suffixed('create-dir-b'),
      suffixed('create-dir-a'),
      suffixed('upload-storage1'),
      suffixed('upload-storage2'),
    ]);
    expect(spec.volumes).toBeUndefined();
  });

  it('item 1: in a PipelineRun, every output is copied and the claim is attached once, after them', () => {
    const ctx = contextFor(
      taskRun({ pipelineRun: 'pr', taskSpec: twoOutputs, outputs: [bind('a', 'storage1', ['/pvc/t/a']), bind('b', 'storage2', ['/pvc/t/b']), bind('c', 'source-git', ['/pvc/t/c'])] }),
      resources,
    );
    const spec = right(addOutputResources(ctx, ctx.run.taskSpec));
    expect(spec.steps?.map((s) => s.args?.[1])).toEqual([
      'mkdir -p /workspace/output/c',
      'mkdir -p /workspace/output/b',
      'mkdir -p /workspace/output/a',
      'mkdir -p /pvc/t/a',
      'cp -r /workspace/output/a/. /pvc/t/a',
      'cp /workspace/output/a/* gs://fake-bucket/rules.zip',
      'mkdir -p /pvc/t/b',
      'cp -r /workspace/output/b/. /pvc/t/b',
      'cp /workspace/output/b/* gs://fake-bucket/other.zip',
      'mkdir -p /pvc/t/c',
      'cp -r /workspace/output/c/. /pvc/t/c',
    ]);
    expect(spec.volumes).toEqual([claim('pr-pvc')]);
  });

  it('item 1: the claim an input attached is not attached again', () => {
    const tr = taskRun({
      pipelineRun: 'pr',
      taskSpec: { inputs: gitInputs, outputs: { resources: [{ name: 'gitspace', type: 'git' }] } },
      inputs: [bind('gitspace', 'the-git', ['/pvc/before/gitspace'])],
      outputs: [bind('gitspace', 'the-git', ['/pvc/now/gitspace'])],
    });
    const ctx = contextFor(tr, resources);
    const spec = right(addOutputResources(ctx, right(addInputResources(ctx, ctx.run.taskSpec))));
    expect(spec.volumes).toEqual([claim('pr-pvc')]);
  });

  it('item 2: the bucket secret volume is added once for copied inputs and every output', () => {
    const tr = taskRun({
      pipelineRun: 'pr',
      taskSpec: { inputs: gitInputs, outputs: { resources: [{ name: 'gitspace', type: 'git' }, { name: 'other', type: 'git' }] } },
      inputs: [bind('gitspace', 'the-git', ['b/before/gitspace'])],
      outputs: [bind('gitspace', 'the-git', ['b/now/gitspace']), bind('other', 'source-git', ['b/now/other'])],
    });
    const ctx = contextFor(tr, resources, [FAKE_BUCKET]);
    const spec = right(addOutputResources(ctx, right(addInputResources(ctx, ctx.run.taskSpec))));
    expect(spec.volumes).toEqual([gcsVolume]);
    expect(spec.steps?.filter((s) => s.image === gsutil).map((s) => s.args?.[1])).toEqual([
      'cp -P -r gs://fake-bucket/b/before/gitspace/* /workspace/gitspace',
      'cp -P -r /workspace/output/gitspace gs://fake-bucket/b/now/gitspace',
      'cp -P -r /workspace/output/other gs://fake-bucket/b/now/other',
    ]);
  });
});
