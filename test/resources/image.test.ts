/**
 * The image resource and the image digest exporter. Expected values come
 * from Tekton's image_exporter_test.go and output_resource_test.go at
 * 6c132b937e.
 */
import fc from 'fast-check';
import { goJson } from '../../src/resources/go';
import { addImageDigestExporter, addOutputResources, imageFields, imageResource, imagesJson, resourceReplacements } from '../../src/resources';
import { bind, contextFor, params, pipelineResource, right, suffixed, taskRun } from './support';

const sourceImage = pipelineResource('source-image-1', { type: 'image', params: params({ url: 'gcr.io/some-image-1', digest: '' }) });

const exporter = (json: string) => ({
  name: suffixed('image-digest-exporter'),
  image: 'override-with-imagedigest-exporter-image:latest',
  command: ['/ko-app/imagedigestexporter'],
  args: ['-images', json],
  terminationMessagePolicy: 'FallbackToLogsOnError',
});

describe('image digest exporter', () => {
  it.each([[['step1']], [['step1', 'step2']]])('is appended after the Task steps %j', (names) => {
    const spec = {
      inputs: { resources: [{ name: 'source-image', type: 'image' }] },
      outputs: { resources: [{ name: 'source-image', type: 'image', outputImageDir: '/my/dir' }] },
      steps: names.map((name) => ({ name, image: 'busybox' })),
    };
    const ctx = contextFor(taskRun({ taskSpec: spec, inputs: [bind('source-image', 'source-image-1')], outputs: [bind('source-image', 'source-image-1')] }), [sourceImage]);
    expect(right(addImageDigestExporter(ctx, ctx.run.taskSpec)).steps).toEqual([
      ...names.map((name) => ({ name, image: 'busybox' })),
      exporter('[{"name":"source-image-1","type":"image","url":"gcr.io/some-image-1","digest":"","OutputImageDir":"/my/dir"}]'),
    ]);
  });

  it('lists every image output in binding order, with the default directory when none is declared', () => {
    const img2 = pipelineResource('img-2', { type: 'image', params: params({ URL: 'gcr.io/two', Digest: 'sha256:abc' }) });
    const tr = taskRun({
      taskSpec: {
        outputs: { resources: [{ name: 'a', type: 'image' }, { name: 'b', type: 'image', outputImageDir: '/workspace/b' }] },
        steps: [{ name: 'build', image: 'busybox' }],
      },
      outputs: [bind('b', 'img-2'), bind('a', 'source-image-1')],
    });
    const ctx = contextFor(tr, [sourceImage, img2]);
    const steps = right(addImageDigestExporter(ctx, ctx.run.taskSpec)).steps ?? [];
    expect(steps[1]?.args).toEqual([
      '-images',
      '[{"name":"img-2","type":"image","url":"gcr.io/two","digest":"sha256:abc","OutputImageDir":"/workspace/b"},' +
        '{"name":"source-image-1","type":"image","url":"gcr.io/some-image-1","digest":"","OutputImageDir":"/builder/home/image-outputs/a"}]',
    ]);
  });

  it('adds nothing without image outputs', () => {
    const git = pipelineResource('g', { type: 'git', params: params({ url: 'https://x' }) });
    const ctx = contextFor(taskRun({ taskSpec: { outputs: { resources: [{ name: 'g', type: 'git' }] }, steps: [{ name: 's', image: 'i' }] }, outputs: [bind('g', 'g')] }), [git]);
    expect(right(addImageDigestExporter(ctx, ctx.run.taskSpec)).steps).toEqual([{ name: 's', image: 'i' }]);
  });

  it('writes the JSON as Go does (HTML characters escaped)', () => {
    expect(imagesJson([{ name: 'i', url: 'r/x?a=1&b=<2>', digest: '', outputImageDir: '/d' }])).toBe(
      '[{"name":"i","type":"image","url":"r/x?a=1\\u0026b=\\u003c2\\u003e","digest":"","OutputImageDir":"/d"}]',
    );
  });

  it('writes what goJson writes for the image structs, for any number of images', () => {
    const image = fc.record({ name: fc.string(), url: fc.string(), digest: fc.string(), outputImageDir: fc.string() });
    fc.assert(
      fc.property(fc.array(image, { maxLength: 3 }), (images) =>
        imagesJson(images) === goJson(images.map((i) => ({ name: i.name, type: 'image', url: i.url, digest: i.digest, OutputImageDir: i.outputImageDir }))),
      ),
    );
  });
});

describe('image resource', () => {
  it('as an output gets only the create-dir step, even in a PipelineRun (with its claim)', () => {
    const tr = taskRun({
      pipelineRun: 'pipelinerun',
      taskSpec: { outputs: { resources: [{ name: 'source-workspace', type: 'image', outputImageDir: '/x' }] } },
      outputs: [bind('source-workspace', 'source-image-1', ['pipeline-task-name'])],
    });
    const ctx = contextFor(tr, [sourceImage]);
    const spec = right(addOutputResources(ctx, ctx.run.taskSpec));
    expect(spec.steps).toEqual([
      {
        name: suffixed('create-dir-source-workspace'),
        image: 'override-with-bash-noop:latest',
        command: ['/ko-app/bash'],
        args: ['-args', 'mkdir -p /workspace/output/source-workspace'],
      },
    ]);
    expect(spec.volumes).toEqual([{ name: 'pipelinerun-pvc', persistentVolumeClaim: { claimName: 'pipelinerun-pvc' } }]);
  });

  it('with a targetPath reads the output from the targetPath as written', () => {
    const tr = taskRun({
      taskSpec: { outputs: { resources: [{ name: 'source-workspace', type: 'image', targetPath: '/workspace', outputImageDir: '/x' }] } },
      outputs: [bind('source-workspace', 'source-image-1')],
    });
    const ctx = contextFor(tr, [sourceImage]);
    expect(right(addOutputResources(ctx, ctx.run.taskSpec)).steps?.[0]?.args).toEqual(['-args', 'mkdir -p /workspace']);
  });

  it('reads a resource without metadata or params as Go zero values, of type image', () => {
    expect(imageFields({ spec: { type: 'image' } })).toEqual({ name: '', url: '', digest: '' });
    expect(imageResource({ spec: { type: 'image' } }).type).toBe('image');
  });

  it('exposes name, type, url and digest', () => {
    expect(Object.fromEntries(imageResource(sourceImage).replacements)).toEqual({ name: 'source-image-1', type: 'image', url: 'gcr.io/some-image-1', digest: '' });
  });

  it('gets the default output directory from the webhook defaults, used by the exporter and the path variable', () => {
    const tr = taskRun({ taskSpec: { outputs: { resources: [{ name: 'img', type: 'image' }] }, steps: [{ name: 's', image: 'i' }] }, outputs: [bind('img', 'source-image-1')] });
    const ctx = contextFor(tr, [sourceImage]);
    expect(ctx.run.taskSpec.outputs?.resources?.[0]?.outputImageDir).toBe('/builder/home/image-outputs/img');
    expect(resourceReplacements(ctx.run, ctx.run.taskSpec, 'outputs').get('outputs.resources.img.path')).toBe('/workspace/output/img');
  });
});
