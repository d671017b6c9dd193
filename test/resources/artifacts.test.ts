/**
 * Artifact storage between a PipelineRun's Tasks: copies from earlier Tasks
 * into inputs, copies of outputs for later Tasks, PVC and bucket. Expected
 * values come from Tekton's input_resource_test.go, output_resource_test.go,
 * artifact_pvc_test.go, artifact_bucket_test.go and artifact_storage_test.go
 * at 6c132b937e; DEVIATIONS.md items 1 and 2 where Tekton was broken.
 */
import * as E from 'fp-ts/Either';
import { bucketConfig, bucketConfigWarnings, bucketStorage, pvcStorage, storageType } from '../../src/artifacts';
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
  // NewArtifactBucketConfigFromConfigMap took the secret only with both its
  // name and key, and the field name as given; getSecretEnvVarsAndVolumeMounts
  // (secret_volume_mount.go) made env and mount only for the two known fields.
  it.each([
    ['a secret name without key: ignored', { 'bucket.service.account.secret.name': 'sa' }, []],
    ['a key without secret name: ignored', { 'bucket.service.account.secret.key': 'k' }, []],
    ['a half with a name that makes no volume name: ignored all the same', { 'bucket.service.account.secret.name': 'My.SA' }, []],
    ['an empty key: kept', { 'bucket.service.account.secret.name': 'sa', 'bucket.service.account.secret.key': '' }, [{ fieldName: 'GOOGLE_APPLICATION_CREDENTIALS', secretName: 'sa', secretKey: '' }]],
    [
      'an unknown field name: kept as written',
      { 'bucket.service.account.secret.name': 'sa', 'bucket.service.account.secret.key': 'k', 'bucket.service.account.field.name': 'AWS_CREDS' },
      [{ fieldName: 'AWS_CREDS', secretName: 'sa', secretKey: 'k' }],
    ],
  ])('reads %s, as Tekton did', (_name, data, secrets) => {
    expect(right(bucketConfig(bucketConfigMap({ location: 'gs://b', ...data })))).toEqual({ location: 'gs://b', secrets });
  });

  it.each([
    ['an empty secret name', '', 'invalid secret name "": it must not be empty (the API server refuses the Pod)'],
    [
      'a secret name that makes no volume name',
      'my.sa',
      'invalid secret name "my.sa": it gives the volume name "volume-bucket-my.sa", which must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (the API server refuses the Pod)',
    ],
    [
      'a secret name too long for a volume name',
      'a'.repeat(50),
      `invalid secret name "${'a'.repeat(50)}": it gives the volume name "volume-bucket-${'a'.repeat(50)}", which must be no more than 63 characters (has 64) (the API server refuses the Pod)`,
    ],
  ])('refuses %s with the key: Tekton added volume-bucket-<name>, which the API server refused', (_name, name, message) => {
    const r = bucketConfig(bucketConfigMap({ location: 'gs://b', 'bucket.service.account.secret.name': name, 'bucket.service.account.secret.key': 'k' }));
    expect(r).toEqual(E.left({ _tag: 'InvalidConfig', object: 'ConfigMap tekton-pipelines/config-artifact-bucket', field: 'data["bucket.service.account.secret.name"]', message }));
  });

  it('gives Tekton\'s steps for an empty key: the env var names the secret\'s directory', () => {
    const cfg = right(bucketConfig(bucketConfigMap({ location: 'gs://b', 'bucket.service.account.secret.name': 'sa', 'bucket.service.account.secret.key': '' })));
    const [copy] = bucketStorage(cfg, TEST_IMAGES).copyToStorage('src', '/workspace/output/src', 'pr-bucket/t/src', naming);
    expect(copy?.env).toEqual([{ name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/var/bucketsecret/sa' }]);
    expect(copy?.volumeMounts).toEqual([{ name: 'volume-bucket-sa', mountPath: '/var/bucketsecret/sa' }]);
    expect(bucketStorage(cfg, TEST_IMAGES).secretVolumes()).toEqual([{ name: 'volume-bucket-sa', secret: { secretName: 'sa' } }]);
  });

  it('gives Tekton\'s steps for an unknown field name: the secret volume is added but neither mounted nor named by an env var', () => {
    const cm = bucketConfigMap({ location: 'gs://b', 'bucket.service.account.secret.name': 'sa', 'bucket.service.account.secret.key': 'k', 'bucket.service.account.field.name': 'AWS_CREDS' });
    const storage = bucketStorage(right(bucketConfig(cm)), TEST_IMAGES);
    const steps = [...storage.copyFromStorage('src', 'pr-bucket/t/src', '/workspace/src', naming), ...storage.copyToStorage('src', '/workspace/output/src', 'pr-bucket/t/src', naming)];
    expect(steps.map((s) => [s.env, s.volumeMounts])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
    ]);
    expect(storage.secretVolumes()).toEqual([{ name: 'volume-bucket-sa', secret: { secretName: 'sa' } }]);
  });
});

describe('warnings about the bucket ConfigMap (bucketConfigWarnings)', () => {
  const object = 'ConfigMap tekton-pipelines/config-artifact-bucket';
  const warningsFor = (data: Readonly<Record<string, string>>) => bucketConfigWarnings(bucketConfigMap({ location: 'gs://b', ...data }));

  it('none for a full secret, BOTO_CONFIG, or no secret at all', () => {
    expect(warningsFor({ 'bucket.service.account.secret.name': 'sa', 'bucket.service.account.secret.key': 'k' })).toEqual([]);
    expect(warningsFor({ 'bucket.service.account.secret.name': 'sa', 'bucket.service.account.secret.key': 'k', 'bucket.service.account.field.name': 'BOTO_CONFIG' })).toEqual([]);
    expect(warningsFor({})).toEqual([]);
  });

  it('a secret name without key', () => {
    expect(warningsFor({ 'bucket.service.account.secret.name': 'sa' })).toEqual([
      {
        object,
        field: 'data["bucket.service.account.secret.name"]',
        message: "is set but bucket.service.account.secret.key is not, so Tekton ignored it: the artifact copy steps run gsutil without the secret's credentials",
      },
    ]);
  });

  it('a key without secret name', () => {
    expect(warningsFor({ 'bucket.service.account.secret.key': 'k', 'bucket.service.account.field.name': 'BOTO_CONFIG' })).toEqual([
      {
        object,
        field: 'data["bucket.service.account.secret.key"]',
        message: "is set but bucket.service.account.secret.name is not, so Tekton ignored it: the artifact copy steps run gsutil without the secret's credentials",
      },
    ]);
  });

  it('an empty key, naming the env var and the directory it points at', () => {
    expect(warningsFor({ 'bucket.service.account.secret.name': 'sa', 'bucket.service.account.secret.key': '' })).toEqual([
      { object, field: 'data["bucket.service.account.secret.key"]', message: 'is empty, so GOOGLE_APPLICATION_CREDENTIALS names the secret\'s directory /var/bucketsecret/sa, not a key file in it' },
    ]);
    expect(warningsFor({ 'bucket.service.account.secret.name': 'sa', 'bucket.service.account.secret.key': '', 'bucket.service.account.field.name': 'BOTO_CONFIG' })[0]?.message).toBe(
      "is empty, so BOTO_CONFIG names the secret's directory /var/bucketsecret/sa, not a key file in it",
    );
  });

  it('a field name Tekton does not expose (matched exactly: lower case is unknown too), once even when the key is empty as well', () => {
    const unknown = {
      object,
      field: 'data["bucket.service.account.field.name"]',
      message:
        '"google_application_credentials" is neither GOOGLE_APPLICATION_CREDENTIALS nor BOTO_CONFIG, so Tekton added the volume volume-bucket-sa but mounted it nowhere and set no env var: the artifact copy steps run gsutil without the secret\'s credentials',
    };
    const data = { 'bucket.service.account.secret.name': 'sa', 'bucket.service.account.secret.key': 'k', 'bucket.service.account.field.name': 'google_application_credentials' };
    expect(warningsFor(data)).toEqual([unknown]);
    expect(warningsFor({ ...data, 'bucket.service.account.secret.key': '' })).toEqual([unknown]);
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

  it('a half-configured bucket secret gives Tekton\'s copy steps, without credentials and without the secret volume', () => {
    const half = bucketConfigMap({ location: 'gs://b', 'bucket.service.account.secret.name': 'sa' });
    const owned = contextFor(taskRun({ pipelineRun: 'pr', taskSpec: { inputs: gitInputs }, inputs: [bind('gitspace', 'the-git', ['p'])] }), resources, [half]);
    const spec = right(addInputResources(owned, owned.run.taskSpec));
    expect(spec.steps?.map((s) => [s.name, s.args?.[1], s.env, s.volumeMounts])).toEqual([
      [suffixed('artifact-dest-mkdir-gitspace'), 'mkdir -p /workspace/gitspace', undefined, undefined],
      [suffixed('artifact-copy-from-gitspace'), 'cp -P -r gs://b/p/* /workspace/gitspace', undefined, undefined],
    ]);
    expect(spec.volumes).toBeUndefined();
  });

  it('a bucket secret name that makes no volume name is refused only when the copy needs it', () => {
    const broken = bucketConfigMap({ location: 'gs://b', 'bucket.service.account.secret.name': 'my.sa', 'bucket.service.account.secret.key': 'k' });
    const owned = contextFor(taskRun({ pipelineRun: 'pr', taskSpec: { inputs: gitInputs }, inputs: [bind('gitspace', 'the-git', ['p'])] }), resources, [broken]);
    const r = addInputResources(owned, owned.run.taskSpec);
    expect(E.isLeft(r) && [r.left._tag, r.left.field]).toEqual(['InvalidConfig', 'data["bucket.service.account.secret.name"]']);
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
