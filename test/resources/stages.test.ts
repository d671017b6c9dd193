/**
 * The resource stages (image digest exporter, inputs, outputs,
 * replacements) at their edges: Tasks without inputs or outputs, bindings
 * that are missing or unusable, unnamed resources (Tekton's webhooks accept
 * a declared resource and a binding whose name is "", and they match each
 * other), and the names of generated steps. Expected values come from
 * input_resources.go, output_resource.go, image_exporter.go and apply.go at
 * 6c132b937e; generated names from docs/deviations.md (derived from the
 * TaskRun, the base and the binding).
 */
import * as E from 'fp-ts/Either';
import { withSuffix } from '../../src/names';
import { addImageDigestExporter, addInputResources, addOutputResources, boundResources, resourceReplacements } from '../../src/resources';
import { bind, bucketConfigMap, contextFor, NS, params, pipelineResource, right, taskRun } from './support';

const object = `TaskRun ${NS}/build-from-repo-run`;
const seed = `${NS}/build-from-repo-run`;
const bash = 'override-with-bash-noop:latest';

const theGit = pipelineResource('the-git', { type: 'git', params: params({ Url: 'https://github.com/grafeas/kritis' }) });
const sourceGit = pipelineResource('source-git', { type: 'git', params: params({ Url: 'https://github.com/grafeas/kritis', Revision: 'master' }) });
const sourceGcs = pipelineResource('source-gcs', {
  type: 'storage',
  params: params({ Location: 'gs://some-bucket', type: 'gcs', dir: 'true' }),
  secrets: [{ secretKey: 'key.json', secretName: 'sname', fieldName: 'GOOGLE_APPLICATION_CREDENTIALS' }],
});
const image = pipelineResource('the-image', { type: 'image', params: params({ url: 'gcr.io/x', digest: 'sha256:1' }) });
const buildGcs = pipelineResource('build-gcs', { type: 'storage', params: params({ type: 'build-gcs', location: 'gs://b/a.zip', artifactType: 'ZipArchive' }) });
const noUri = pipelineResource('no-uri', { type: 'cloudEvent', params: [] });
const resources = [theGit, sourceGit, sourceGcs, image, buildGcs, noUri];
const claim = (name: string) => ({ name, persistentVolumeClaim: { claimName: name } });

const gitStep = (resource: string, path: string, key: string) => ({
  name: withSuffix(seed, `git-source-${resource}`, key),
  image: 'override-with-git:latest',
  command: ['/ko-app/git-init'],
  args: ['-url', 'https://github.com/grafeas/kritis', '-revision', 'master', '-path', path],
  workingDir: '/workspace',
  env: [{ name: 'TEKTON_RESOURCE_NAME', value: resource }],
});

describe('input stage (AddInputResource)', () => {
  it('returns the spec as it is when the Task has no inputs, or inputs without resources', () => {
    const ctx = contextFor(taskRun({ taskSpec: { steps: [{ name: 's', image: 'i' }] } }), resources);
    expect(right(addInputResources(ctx, ctx.run.taskSpec))).toBe(ctx.run.taskSpec);
    const withParams = { inputs: { params: [{ name: 'p' }] }, steps: [{ name: 's', image: 'i' }] };
    const ctx2 = contextFor(taskRun({ taskSpec: withParams }), resources);
    expect(right(addInputResources(ctx2, ctx2.run.taskSpec))).toBe(ctx2.run.taskSpec);
  });

  it('adds nothing for an image input, not even an empty steps list', () => {
    const spec = { inputs: { resources: [{ name: 'img', type: 'image' }] } };
    const ctx = contextFor(taskRun({ taskSpec: spec, inputs: [bind('img', 'the-image')] }), resources);
    const out = right(addInputResources(ctx, ctx.run.taskSpec));
    expect(out).toEqual(ctx.run.taskSpec);
    expect(out.steps).toBeUndefined();
  });

  it('names the git step after the resource and keys it by the binding', () => {
    const ctx = contextFor(taskRun({ taskSpec: { inputs: { resources: [{ name: 'gitspace', type: 'git' }] } }, inputs: [bind('gitspace', 'the-git')] }), resources);
    expect(right(addInputResources(ctx, ctx.run.taskSpec)).steps).toEqual([gitStep('the-git', '/workspace/gitspace', 'inputs/gitspace')]);
  });

  it('clones an unnamed input into /workspace itself', () => {
    const ctx = contextFor(taskRun({ taskSpec: { inputs: { resources: [{ type: 'git' }] } }, inputs: [{ resourceRef: { name: 'the-git' } }] }), resources);
    expect(right(addInputResources(ctx, ctx.run.taskSpec)).steps).toEqual([gitStep('the-git', '/workspace', 'inputs/')]);
  });

  it('in a PipelineRun, fetches an input whose binding has no paths', () => {
    const tr = taskRun({ pipelineRun: 'pr', taskSpec: { inputs: { resources: [{ name: 'gitspace', type: 'git' }] } }, inputs: [bind('gitspace', 'the-git')] });
    const ctx = contextFor(tr, resources);
    const out = right(addInputResources(ctx, ctx.run.taskSpec));
    expect(out.steps).toEqual([gitStep('the-git', '/workspace/gitspace', 'inputs/gitspace')]);
    expect(out.volumes).toBeUndefined();
  });

  // A build-gcs resource is of type storage (GetType), so it is copied from an earlier Task, not fetched.
  it('in a PipelineRun, copies a build-gcs input from the claim', () => {
    const tr = taskRun({ pipelineRun: 'pr', taskSpec: { inputs: { resources: [{ name: 'src', type: 'storage' }] } }, inputs: [bind('src', 'build-gcs', ['/pvc/prev/src'])] });
    const ctx = contextFor(tr, resources);
    const out = right(addInputResources(ctx, ctx.run.taskSpec));
    expect(out.steps).toEqual([
      { name: withSuffix(seed, 'create-dir-src', 'inputs/src/paths/0'), image: bash, command: ['/ko-app/bash'], args: ['-args', 'mkdir -p /workspace/src'] },
      {
        name: withSuffix(seed, 'source-copy-src', 'inputs/src/paths/0'),
        image: bash,
        command: ['/ko-app/bash'],
        args: ['-args', 'cp -r /pvc/prev/src/. /workspace/src'],
        volumeMounts: [{ name: 'pr-pvc', mountPath: '/pvc' }],
      },
    ]);
    expect(out.volumes).toEqual([claim('pr-pvc')]);
  });

  it('refuses a declared input that is not bound, naming it', () => {
    const spec = { inputs: { resources: [{ name: 'gitspace', type: 'git' }, { name: 'docs', type: 'git' }] } };
    const ctx = contextFor(taskRun({ taskSpec: spec, inputs: [bind('gitspace', 'the-git')] }), resources);
    expect(addInputResources(ctx, ctx.run.taskSpec)).toEqual(E.left({ _tag: 'Refused', object, field: 'spec.inputs.resources', message: 'input resource "docs" is not bound' }));
    const unnamed = contextFor(taskRun({ taskSpec: { inputs: { resources: [{ type: 'git' }] } } }), resources);
    expect(addInputResources(unnamed, unnamed.run.taskSpec)).toEqual(E.left({ _tag: 'Refused', object, field: 'spec.inputs.resources', message: 'input resource "" is not bound' }));
  });

  it('refuses an input its type cannot read', () => {
    const ctx = contextFor(taskRun({ taskSpec: { inputs: { resources: [{ name: 'ce', type: 'cloudEvent' }] } }, inputs: [bind('ce', 'no-uri')] }), resources);
    const r = addInputResources(ctx, ctx.run.taskSpec);
    expect(E.isLeft(r) && [r.left._tag, r.left.field]).toEqual(['Refused', 'spec.inputs.resources[0]']);
  });
});

describe('output stage (AddOutputResources)', () => {
  const outGit = { outputs: { resources: [{ name: 'source-workspace', type: 'git' }] } };

  it('returns the spec as it is when the Task has no outputs, or no output resources, even in a PipelineRun', () => {
    for (const taskSpec of [{ steps: [{ name: 's', image: 'i' }] }, { outputs: {} }, { outputs: { resources: [] } }]) {
      const ctx = contextFor(taskRun({ pipelineRun: 'pr', taskSpec }), resources);
      expect(right(addOutputResources(ctx, ctx.run.taskSpec))).toBe(ctx.run.taskSpec);
    }
  });

  it('reads an unnamed output from /workspace/output itself', () => {
    const ctx = contextFor(taskRun({ taskSpec: { outputs: { resources: [{ type: 'git' }] } }, outputs: [{ resourceRef: { name: 'source-git' } }] }), resources);
    expect(right(addOutputResources(ctx, ctx.run.taskSpec)).steps).toEqual([
      { name: withSuffix(seed, 'create-dir-', 'outputs/'), image: bash, command: ['/ko-app/bash'], args: ['-args', 'mkdir -p /workspace/output'] },
    ]);
  });

  it('in a PipelineRun, copies nothing for a binding without paths but attaches the claim', () => {
    const ctx = contextFor(taskRun({ pipelineRun: 'pr', taskSpec: outGit, outputs: [bind('source-workspace', 'source-git')] }), resources);
    const out = right(addOutputResources(ctx, ctx.run.taskSpec));
    expect(out.steps).toEqual([
      { name: withSuffix(seed, 'create-dir-source-workspace', 'outputs/source-workspace'), image: bash, command: ['/ko-app/bash'], args: ['-args', 'mkdir -p /workspace/output/source-workspace'] },
    ]);
    expect(out.volumes).toEqual([claim('pr-pvc')]);
  });

  it('names the copy and upload steps after the resource and keys them by the binding and path', () => {
    const tr = taskRun({
      pipelineRun: 'pr',
      taskSpec: { outputs: { resources: [{ name: 'source-workspace', type: 'storage' }] } },
      outputs: [bind('source-workspace', 'source-gcs', ['/pvc/a', '/pvc/b'])],
    });
    const ctx = contextFor(tr, resources);
    expect(right(addOutputResources(ctx, ctx.run.taskSpec)).steps?.map((s) => s.name)).toEqual([
      withSuffix(seed, 'create-dir-source-workspace', 'outputs/source-workspace'),
      withSuffix(seed, 'source-mkdir-source-gcs', 'outputs/source-workspace/paths/0'),
      withSuffix(seed, 'source-copy-source-gcs', 'outputs/source-workspace/paths/0'),
      withSuffix(seed, 'source-mkdir-source-gcs', 'outputs/source-workspace/paths/1'),
      withSuffix(seed, 'source-copy-source-gcs', 'outputs/source-workspace/paths/1'),
      withSuffix(seed, 'upload-source-gcs', 'outputs/source-workspace'),
    ]);
  });

  it('refuses a bucket secret name that makes no volume name when an output is copied (the API server refused volume-bucket-<name>)', () => {
    const broken = bucketConfigMap({ location: 'gs://b', 'bucket.service.account.secret.name': '', 'bucket.service.account.secret.key': 'k' });
    const ctx = contextFor(taskRun({ pipelineRun: 'pr', taskSpec: outGit, outputs: [bind('source-workspace', 'source-git', ['p'])] }), resources, [broken]);
    const r = addOutputResources(ctx, ctx.run.taskSpec);
    expect(E.isLeft(r) && [r.left._tag, r.left.object, r.left.field]).toEqual(['InvalidConfig', 'ConfigMap tekton-pipelines/config-artifact-bucket', 'data["bucket.service.account.secret.name"]']);
  });

  it('copies an output through a half-configured bucket as Tekton did: gsutil without credentials, no secret volume', () => {
    const half = bucketConfigMap({ location: 'gs://b', 'bucket.service.account.secret.key': 'k' });
    const ctx = contextFor(taskRun({ pipelineRun: 'pr', taskSpec: outGit, outputs: [bind('source-workspace', 'source-git', ['p'])] }), resources, [half]);
    const spec = right(addOutputResources(ctx, ctx.run.taskSpec));
    const copy = spec.steps?.find((s) => s.args?.[1] === 'cp -P -r /workspace/output/source-workspace gs://b/p');
    expect([copy?.command, copy?.env, copy?.volumeMounts]).toEqual([['/ko-app/gsutil'], undefined, undefined]);
    expect(spec.volumes).toBeUndefined();
  });

  it('refuses a declared output that is not bound, naming it', () => {
    const spec = { outputs: { resources: [{ name: 'source-workspace', type: 'git' }, { name: 'img', type: 'image' }] } };
    const ctx = contextFor(taskRun({ taskSpec: spec, outputs: [bind('source-workspace', 'source-git')] }), resources);
    expect(addOutputResources(ctx, ctx.run.taskSpec)).toEqual(E.left({ _tag: 'Refused', object, field: 'spec.outputs.resources', message: 'output resource "img" is not bound' }));
    const unnamed = contextFor(taskRun({ taskSpec: { outputs: { resources: [{ type: 'git' }] } } }), resources);
    expect(addOutputResources(unnamed, unnamed.run.taskSpec)).toEqual(E.left({ _tag: 'Refused', object, field: 'spec.outputs.resources', message: 'output resource "" is not bound' }));
  });

  it('refuses an output its type cannot read', () => {
    const ctx = contextFor(taskRun({ taskSpec: { outputs: { resources: [{ name: 'ce', type: 'cloudEvent' }] } }, outputs: [bind('ce', 'no-uri')] }), resources);
    const r = addOutputResources(ctx, ctx.run.taskSpec);
    expect(E.isLeft(r) && [r.left._tag, r.left.field]).toEqual(['Refused', 'spec.outputs.resources[0]']);
  });
});

describe('image digest exporter stage', () => {
  it('refuses an unusable input as well as an output, naming an embedded resourceSpec as such', () => {
    const tr = taskRun({ taskSpec: { inputs: { resources: [{ name: 'ce', type: 'cloudEvent' }] } }, inputs: [{ name: 'ce', resourceSpec: { type: 'cloudEvent', params: [] } }] });
    const ctx = contextFor(tr, resources);
    expect(addImageDigestExporter(ctx, ctx.run.taskSpec)).toEqual(
      E.left({
        _tag: 'Refused',
        object,
        field: 'spec.inputs.resources[0]',
        message: 'the embedded resourceSpec (cloudEvent) bound as "ce" cannot be used: a cloudEvent resource needs a non-empty "targetURI" param',
      }),
    );
  });

  // Go's ImageResource keeps OutputImageDir "" when no declaration gives one.
  it('writes an empty OutputImageDir when the declaration has none', () => {
    const ctx = contextFor(taskRun({ taskSpec: { outputs: { resources: [{ name: 'img', type: 'image' }] } }, outputs: [bind('img', 'the-image')] }), resources);
    const spec = { outputs: { resources: [{ name: 'img', type: 'image' }] } };
    expect(right(addImageDigestExporter(ctx, spec)).steps?.[0]?.args).toEqual([
      '-images',
      '[{"name":"the-image","type":"image","url":"gcr.io/x","digest":"sha256:1","OutputImageDir":""}]',
    ]);
  });

  it('exports an unnamed image output with its declared directory', () => {
    const spec = { outputs: { resources: [{ type: 'image', outputImageDir: '/out' }] } };
    const ctx = contextFor(taskRun({ taskSpec: spec, outputs: [{ resourceRef: { name: 'the-image' } }] }), resources);
    expect(right(addImageDigestExporter(ctx, spec)).steps?.[0]?.args).toEqual([
      '-images',
      '[{"name":"the-image","type":"image","url":"gcr.io/x","digest":"sha256:1","OutputImageDir":"/out"}]',
    ]);
  });
});

describe('bound resources', () => {
  it('refuses a PipelineResource without a spec: it has no type', () => {
    const noSpec = { apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineResource', metadata: { name: 'no-spec', namespace: NS } };
    const ctx = contextFor(taskRun({ taskSpec: { inputs: { resources: [{ name: 'src', type: 'git' }] } }, inputs: [bind('src', 'no-spec')] }), [noSpec]);
    expect(boundResources(ctx, 'inputs')).toEqual(
      E.left({
        _tag: 'Refused',
        object,
        field: 'spec.inputs.resources[0]',
        message: 'PipelineResource "no-spec" bound as "src" cannot be used: type "" is not a resource type (git, pullRequest, image, cluster, storage, cloudEvent)',
      }),
    );
  });
});

describe('replacements (ApplyResources)', () => {
  it('the outputs pass exposes the output bindings, not the inputs', () => {
    const spec = { inputs: { resources: [{ name: 'src', type: 'git' }] }, outputs: { resources: [{ name: 'img', type: 'image' }] } };
    const ctx = contextFor(taskRun({ taskSpec: spec, inputs: [bind('src', 'the-git')], outputs: [bind('img', 'the-image')] }), resources);
    expect(Object.fromEntries(resourceReplacements(ctx.run, ctx.run.taskSpec, 'outputs'))).toEqual({
      'outputs.resources.img.name': 'the-image',
      'outputs.resources.img.type': 'image',
      'outputs.resources.img.url': 'gcr.io/x',
      'outputs.resources.img.digest': 'sha256:1',
      'inputs.resources.src.path': '/workspace/src',
      'outputs.resources.img.path': '/workspace/output/img',
    });
  });

  it('gives unnamed resources a path, and none to inputs without resources', () => {
    const spec = { inputs: { params: [{ name: 'p' }] }, outputs: { resources: [{ type: 'git' }] } };
    const ctx = contextFor(taskRun({ taskSpec: spec, outputs: [{ resourceRef: { name: 'source-git' } }] }), resources);
    expect(Object.fromEntries(resourceReplacements(ctx.run, ctx.run.taskSpec, 'inputs'))).toEqual({ 'outputs.resources..path': '/workspace/output' });
    const unnamedInput = contextFor(taskRun({ taskSpec: { inputs: { resources: [{ type: 'git' }] } }, inputs: [{ resourceRef: { name: 'the-git' } }] }), resources);
    expect(resourceReplacements(unnamedInput.run, unnamedInput.run.taskSpec, 'inputs').get('inputs.resources..path')).toBe('/workspace');
  });
});
