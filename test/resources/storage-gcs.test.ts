/**
 * The gcs storage resource. Expected values come from Tekton's
 * gcs_resource_test.go, input_resource_test.go and output_resource_test.go
 * at 6c132b937e.
 */
import * as E from 'fp-ts/Either';
import { addInputResources, addOutputResources, gcsFields, gcsResource, resourceFromType } from '../../src/resources';
import { bind, contextFor, params, pipelineResource, right, suffixed, taskRun, TEST_IMAGES } from './support';

const storage1 = pipelineResource('storage1', { type: 'storage', params: params({ Location: 'gs://fake-bucket/rules.zip', Type: 'gcs' }) });
const storageGcsKeys = pipelineResource('storage-gcs-keys', {
  type: 'storage',
  params: params({ Location: 'gs://fake-bucket/rules.zip', Type: 'gcs', Dir: 'true' }),
  secrets: [
    { secretKey: 'key.json', secretName: 'secret-name', fieldName: 'GOOGLE_APPLICATION_CREDENTIALS' },
    { secretKey: 'token', secretName: 'secret-name2', fieldName: 'GOOGLE_TOKEN' },
  ],
});
const sourceGcs = pipelineResource('source-gcs', {
  type: 'storage',
  params: params({ Location: 'gs://some-bucket', type: 'gcs', dir: 'true' }),
  secrets: [{ secretKey: 'key.json', secretName: 'sname', fieldName: 'GOOGLE_APPLICATION_CREDENTIALS' }],
});
const resources = [storage1, storageGcsKeys, sourceGcs];

const createDir = (name: string, path: string) => ({
  name: suffixed(`create-dir-${name}`),
  image: 'override-with-bash-noop:latest',
  command: ['/ko-app/bash'],
  args: ['-args', `mkdir -p ${path}`],
});

describe('gcs storage resource as input', () => {
  it('fetches into /workspace/<targetPath> (storage resource as input with target path)', () => {
    const ctx = contextFor(
      taskRun({ taskSpec: { inputs: { resources: [{ name: 'workspace', type: 'storage', targetPath: 'gcs-dir' }] } }, inputs: [bind('workspace', 'storage1')] }),
      resources,
    );
    const spec = right(addInputResources(ctx, ctx.run.taskSpec));
    expect(spec.steps).toEqual([
      createDir('storage1', '/workspace/gcs-dir'),
      {
        name: suffixed('fetch-storage1'),
        image: 'override-with-gsutil-image:latest',
        command: ['/ko-app/gsutil'],
        args: ['-args', 'cp gs://fake-bucket/rules.zip /workspace/gcs-dir'],
      },
    ]);
    expect(spec.volumes).toBeUndefined();
  });

  it('rsyncs a dir, with credentials for the first credential field and a volume per secret (storage resource as input)', () => {
    const ctx = contextFor(
      taskRun({ taskSpec: { inputs: { resources: [{ name: 'gcs-input-resource', type: 'storage' }] } }, inputs: [bind('gcs-input-resource', 'storage-gcs-keys')] }),
      resources,
    );
    const spec = right(addInputResources(ctx, ctx.run.taskSpec));
    expect(spec.steps).toEqual([
      createDir('storage-gcs-keys', '/workspace/gcs-input-resource'),
      {
        name: suffixed('fetch-storage-gcs-keys'),
        image: 'override-with-gsutil-image:latest',
        command: ['/ko-app/gsutil'],
        args: ['-args', 'rsync -d -r gs://fake-bucket/rules.zip /workspace/gcs-input-resource'],
        env: [{ name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/var/secret/secret-name/key.json' }],
        volumeMounts: [{ name: 'volume-storage-gcs-keys-secret-name', mountPath: '/var/secret/secret-name' }],
      },
    ]);
    expect(spec.volumes).toEqual([
      { name: 'volume-storage-gcs-keys-secret-name', secret: { secretName: 'secret-name' } },
      { name: 'volume-storage-gcs-keys-secret-name2', secret: { secretName: 'secret-name2' } },
    ]);
  });

  it('works from an embedded resourceSpec, named after the binding', () => {
    const tr = taskRun({
      taskSpec: { inputs: { resources: [{ name: 'gcs-input-resource', type: 'storage' }] } },
      inputs: [{ name: 'gcs-input-resource', resourceSpec: { type: 'storage', params: params({ Location: 'gs://fake-bucket/rules.zip', Type: 'gcs' }) } }],
    });
    const ctx = contextFor(tr);
    expect(right(addInputResources(ctx, ctx.run.taskSpec)).steps).toEqual([
      createDir('gcs-input-resource', '/workspace/gcs-input-resource'),
      {
        name: suffixed('fetch-gcs-input-resource'),
        image: 'override-with-gsutil-image:latest',
        command: ['/ko-app/gsutil'],
        args: ['-args', 'cp gs://fake-bucket/rules.zip /workspace/gcs-input-resource'],
      },
    ]);
  });

  it('mounts one secret once even when two credential fields use it (duplicate secret mount paths)', () => {
    const r = pipelineResource('gcs-valid', {
      type: 'storage',
      params: params({ location: 'gs://some-bucket', type: 'gcs' }),
      secrets: [
        { secretName: 'secretName', fieldName: 'fieldName', secretKey: 'key.json' },
        { secretName: 'secretName', fieldName: 'GOOGLE_APPLICATION_CREDENTIALS', secretKey: 'key.json' },
        { secretName: 'secretName', fieldName: 'BOTO_CONFIG', secretKey: 'boto' },
      ],
    });
    const res = gcsResource(right(gcsFields(r)), TEST_IMAGES);
    const m = res.inputModifier({}, '/workspace', { seed: 's', key: 'inputs/x' });
    expect(m.prepend[1]).toEqual({
      name: suffixed('fetch-gcs-valid'),
      image: 'override-with-gsutil-image:latest',
      command: ['/ko-app/gsutil'],
      args: ['-args', 'cp gs://some-bucket /workspace'],
      env: [
        { name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/var/secret/secretName/key.json' },
        { name: 'BOTO_CONFIG', value: '/var/secret/secretName/boto' },
      ],
      volumeMounts: [{ name: 'volume-gcs-valid-secretName', mountPath: '/var/secret/secretName' }],
    });
    expect(m.volumes).toEqual([{ name: 'volume-gcs-valid-secretName', secret: { secretName: 'secretName' } }]);
  });
});

describe('gcs storage resource as output', () => {
  const outputTask = { outputs: { resources: [{ name: 'source-workspace', type: 'storage' }] } };
  const upload = {
    name: suffixed('upload-source-gcs'),
    image: 'override-with-gsutil-image:latest',
    command: ['/ko-app/gsutil'],
    args: ['-args', 'rsync -d -r /workspace/output/source-workspace gs://some-bucket'],
    env: [{ name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/var/secret/sname/key.json' }],
    volumeMounts: [{ name: 'volume-source-gcs-sname', mountPath: '/var/secret/sname' }],
  };
  const secretVolume = { name: 'volume-source-gcs-sname', secret: { secretName: 'sname' } };

  it('uploads after the steps without a PipelineRun, ignoring paths (storage resource as output with no owner)', () => {
    const ctx = contextFor(taskRun({ taskSpec: outputTask, outputs: [bind('source-workspace', 'source-gcs', ['pipeline-task-path'])] }), resources);
    const spec = right(addOutputResources(ctx, ctx.run.taskSpec));
    expect(spec.steps).toEqual([createDir('source-workspace', '/workspace/output/source-workspace'), upload]);
    expect(spec.volumes).toEqual([secretVolume]);
  });

  it('does not add a secret volume the Task already has (matching build volumes)', () => {
    const ctx = contextFor(taskRun({ taskSpec: { ...outputTask, volumes: [{ name: 'volume-source-gcs-sname', emptyDir: {} }] }, outputs: [bind('source-workspace', 'source-gcs')] }), resources);
    expect(right(addOutputResources(ctx, ctx.run.taskSpec)).volumes).toEqual([{ name: 'volume-source-gcs-sname', emptyDir: {} }]);
  });

  it('in a PipelineRun, copies to the claim before uploading (storage resource as output)', () => {
    const ctx = contextFor(
      taskRun({ pipelineRun: 'pipelinerun', taskSpec: outputTask, outputs: [bind('source-workspace', 'source-gcs', ['pipeline-task-path'])] }),
      resources,
    );
    const spec = right(addOutputResources(ctx, ctx.run.taskSpec));
    const mount = [{ name: 'pipelinerun-pvc', mountPath: '/pvc' }];
    expect(spec.steps).toEqual([
      createDir('source-workspace', '/workspace/output/source-workspace'),
      { name: suffixed('source-mkdir-source-gcs'), image: 'override-with-bash-noop:latest', command: ['/ko-app/bash'], args: ['-args', 'mkdir -p pipeline-task-path'], volumeMounts: mount },
      {
        name: suffixed('source-copy-source-gcs'),
        image: 'override-with-bash-noop:latest',
        command: ['/ko-app/bash'],
        args: ['-args', 'cp -r /workspace/output/source-workspace/. pipeline-task-path'],
        volumeMounts: mount,
      },
      upload,
    ]);
    expect(spec.volumes).toEqual([secretVolume, { name: 'pipelinerun-pvc', persistentVolumeClaim: { claimName: 'pipelinerun-pvc' } }]);
  });

  it('copies every file of a non-dir output: cp <path>/*', () => {
    const r = gcsResource(right(gcsFields(pipelineResource('gcs-valid', { type: 'storage', params: params({ location: 'gs://some-bucket', type: 'gcs' }) }))), TEST_IMAGES);
    expect(r.outputModifier({}, '/workspace/', { seed: 's', key: 'k' }).append[0]?.args).toEqual(['-args', 'cp /workspace/* gs://some-bucket']);
  });
});

describe('gcs storage resource: Go zero values', () => {
  it('is named "" without metadata, and exposes name, type and location', () => {
    const r = gcsResource(right(gcsFields({ spec: { type: 'storage', params: params({ type: 'gcs', location: 'gs://b/o' }) } })), TEST_IMAGES);
    expect([r.type, r.name]).toEqual(['storage', '']);
    expect(Object.fromEntries(r.replacements)).toEqual({ name: '', type: 'storage', location: 'gs://b/o' });
  });

  // getSecretEnvVarsAndVolumeMounts: filepath.Join("/var/secret", "") and a volume named volume-<name>-.
  it('mounts a credential secret without name or key at /var/secret itself', () => {
    const r = pipelineResource('g', { type: 'storage', params: params({ type: 'gcs', location: 'gs://b' }), secrets: [{ fieldName: 'GOOGLE_APPLICATION_CREDENTIALS' }] });
    const m = gcsResource(right(gcsFields(r)), TEST_IMAGES).outputModifier({}, '/workspace/output/g', { seed: 's', key: 'k' });
    expect(m).toEqual({
      prepend: [],
      append: [
        {
          name: suffixed('upload-g'),
          image: 'override-with-gsutil-image:latest',
          command: ['/ko-app/gsutil'],
          args: ['-args', 'cp /workspace/output/g/* gs://b'],
          env: [{ name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/var/secret' }],
          volumeMounts: [{ name: 'volume-g-', mountPath: '/var/secret' }],
        },
      ],
      volumes: [{ name: 'volume-g-', secret: { secretName: '' } }],
    });
  });
});

describe('storage resources that cannot be read', () => {
  it.each([
    ['unimplemented type', params({ Location: 'gs://fake-bucket', type: 'non-existent-type' }), 'storage type "non-existent-type" is not implemented'],
    ['no type', params({ Location: 'gs://fake-bucket' }), 'needs a "type" param'],
    ['no location params', params({ NotLocation: 'doesntmatter', type: 'gcs' }), 'needs a non-empty "location"'],
    ['location param with empty value', params({ Location: '', type: 'gcs' }), 'needs a non-empty "location"'],
  ])('%s', (_name, p, message) => {
    const r = resourceFromType(pipelineResource('gcs-resource', { type: 'storage', params: p }), TEST_IMAGES);
    expect(E.isLeft(r) && r.left).toContain(message);
  });

  it('keeps the last location even when it is empty, as long as one was set', () => {
    const f = gcsFields(pipelineResource('g', { type: 'storage', params: [{ name: 'location', value: 'gs://a' }, { name: 'location', value: '' }] }));
    expect(E.isRight(f) && f.right.location).toBe('');
  });

  it('matches the storage type case-insensitively, by the first type param', () => {
    const r = resourceFromType(
      pipelineResource('g', { type: 'storage', params: [{ name: 'TYPE', value: 'GCS' }, { name: 'type', value: 'nope' }, { name: 'location', value: 'gs://a' }] }),
      TEST_IMAGES,
    );
    expect(E.isRight(r) && r.right.replacements.get('location')).toBe('gs://a');
  });
});
