/**
 * What every resource type shares: reading a PipelineResource as its type
 * (ResourceFromType and NewStorageResource), the paths of resources in the
 * Pod (resource_paths.go, input_resources.go and output_resource.go), how a
 * modifier changes a TaskSpec (ApplyTaskModifier) and how generated names
 * are keyed (docs/deviations.md). Tekton at 6c132b937e.
 */
import * as E from 'fp-ts/Either';
import { withSuffix } from '../../src/names';
import { applyModifier, inputResourcePath, outputResourcePath, outputSourcePath, resourceFromType } from '../../src/resources';
import { generated, NO_CHANGE, paramValues } from '../../src/resources/types';
import { params, pipelineResource, right, TEST_IMAGES } from './support';

describe('resourceFromType', () => {
  const read = (r: Parameters<typeof resourceFromType>[0]) => {
    const res = right(resourceFromType(r, TEST_IMAGES));
    return { type: res.type, name: res.name, replacements: Object.fromEntries(res.replacements) };
  };

  it('reads an image resource as an image', () => {
    expect(read(pipelineResource('img', { type: 'image', params: params({ url: 'gcr.io/x', digest: 'sha256:1' }) }))).toEqual({
      type: 'image',
      name: 'img',
      replacements: { name: 'img', type: 'image', url: 'gcr.io/x', digest: 'sha256:1' },
    });
  });

  it('reads a storage resource of type build-gcs as storage', () => {
    const r = pipelineResource('archive', { type: 'storage', params: params({ type: 'build-gcs', location: 'gs://b/a.zip', artifactType: 'ZipArchive' }) });
    expect(read(r)).toEqual({ type: 'storage', name: 'archive', replacements: { name: 'archive', type: 'storage', location: 'gs://b/a.zip' } });
  });

  it('reads a storage resource of type gcs as storage', () => {
    const r = pipelineResource('bucket', { type: 'storage', params: params({ type: 'gcs', location: 'gs://b/o' }) });
    expect(read(r)).toEqual({ type: 'storage', name: 'bucket', replacements: { name: 'bucket', type: 'storage', location: 'gs://b/o' } });
  });

  it.each([
    ['an unknown type', { type: 'foo' }, 'type "foo" is not a resource type (git, pullRequest, image, cluster, storage, cloudEvent)'],
    ['no type', {}, 'type "" is not a resource type (git, pullRequest, image, cluster, storage, cloudEvent)'],
    ['a storage type param without value', { type: 'storage', params: [{ name: 'type' }, { name: 'location', value: 'gs://b' }] }, 'storage type "" is not implemented (gcs or build-gcs)'],
  ])('refuses a resource with %s', (_name, spec, message) => {
    expect(resourceFromType(pipelineResource('r', spec), TEST_IMAGES)).toEqual(E.left(message));
  });

  it('refuses a PipelineResource without a spec', () => {
    expect(resourceFromType({ metadata: { name: 'r' } }, TEST_IMAGES)).toEqual(E.left('type "" is not a resource type (git, pullRequest, image, cluster, storage, cloudEvent)'));
  });
});

describe('resource paths', () => {
  it('an input lands at /workspace/<targetPath>, else /workspace/<name> (an empty targetPath is none)', () => {
    expect(inputResourcePath({ name: 'src', targetPath: 'go/src/x' })).toBe('/workspace/go/src/x');
    expect(inputResourcePath({ name: 'src', targetPath: '' })).toBe('/workspace/src');
    expect(inputResourcePath({ name: 'src' })).toBe('/workspace/src');
    expect(inputResourcePath({})).toBe('/workspace');
  });

  it('$(outputs.resources.NAME.path) is /workspace/<targetPath>, else /workspace/output/<name>', () => {
    expect(outputResourcePath({ name: 'img', targetPath: 'x' })).toBe('/workspace/x');
    expect(outputResourcePath({ name: 'img', targetPath: '' })).toBe('/workspace/output/img');
    expect(outputResourcePath({ name: 'img' })).toBe('/workspace/output/img');
    expect(outputResourcePath({})).toBe('/workspace/output');
  });

  it('an output is read from its targetPath as written, else /workspace/output/<binding>', () => {
    expect(outputSourcePath({ targetPath: 'rel/dir' }, 'src')).toBe('rel/dir');
    expect(outputSourcePath({ targetPath: '' }, 'src')).toBe('/workspace/output/src');
    expect(outputSourcePath({}, 'src')).toBe('/workspace/output/src');
  });
});

describe('applyModifier (ApplyTaskModifier)', () => {
  it('leaves a spec untouched by a modifier without changes (Go appends nothing to nil lists)', () => {
    const spec = { inputs: { resources: [{ name: 'img', type: 'image' }] } };
    expect(applyModifier(spec, NO_CHANGE)).toBe(spec);
    expect(applyModifier(spec, NO_CHANGE)).toEqual({ inputs: { resources: [{ name: 'img', type: 'image' }] } });
  });

  it('adds volumes even when no steps come with them', () => {
    const spec = { steps: [{ name: 'build', image: 'golang' }], volumes: [{ name: 'a', emptyDir: {} }] };
    expect(applyModifier(spec, { prepend: [], append: [], volumes: [{ name: 'b', emptyDir: {} }] })).toEqual({
      steps: [{ name: 'build', image: 'golang' }],
      volumes: [
        { name: 'a', emptyDir: {} },
        { name: 'b', emptyDir: {} },
      ],
    });
  });

  it('puts prepended steps first and appended ones last', () => {
    const step = (name: string) => ({ name, image: 'i' });
    expect(applyModifier({ steps: [step('b')] }, { prepend: [step('a')], append: [step('c')], volumes: [] })).toEqual({ steps: [step('a'), step('b'), step('c')] });
  });
});

describe('generated names', () => {
  const naming = { seed: 'marshmallow/run', key: 'inputs/src' };

  it('derive from the seed, the base and the binding key', () => {
    expect(generated(naming, 'git-source-x')).toBe(withSuffix('marshmallow/run', 'git-source-x', 'inputs/src'));
    expect(generated(naming, 'git-source-x', '')).toBe(generated(naming, 'git-source-x'));
  });

  it('a sub-key tells several steps of one base and binding apart', () => {
    expect(generated(naming, 'copy', 'paths/0')).toBe(withSuffix('marshmallow/run', 'copy', 'inputs/src/paths/0'));
    expect(generated(naming, 'copy', 'paths/0')).not.toBe(generated(naming, 'copy'));
  });
});

describe('params', () => {
  it('a param without value reads as "", a resource without spec has none', () => {
    expect(paramValues({ params: [{ name: 'URL' }, { name: 'url', value: 'b' }, { value: 'c' }] }, 'url')).toEqual(['', 'b']);
    expect(paramValues(undefined, 'url')).toEqual([]);
  });
});
