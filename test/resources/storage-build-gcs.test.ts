/**
 * The build-gcs storage resource. Expected values come from Tekton's
 * build_gcs_resource_test.go at 6c132b937e.
 */
import * as E from 'fp-ts/Either';
import { buildGcsFields, buildGcsResource, resourceFromType } from '../../src/resources';
import { params, pipelineResource, right, suffixed, TEST_IMAGES } from './support';

const naming = { seed: 'marshmallow/run', key: 'inputs/src' };

describe('build-gcs storage resource', () => {
  it.each(['Archive', 'ZipArchive', 'TarGzArchive', 'Manifest'] as const)('fetches a %s', (artifactType) => {
    const r = buildGcsResource({ name: 'gcs-valid', location: 'gs://some-bucket', artifactType }, TEST_IMAGES);
    const m = r.inputModifier({}, '/workspace', naming);
    expect(m.prepend).toEqual([
      { name: suffixed('create-dir-gcs-valid'), image: 'override-with-bash-noop:latest', command: ['/ko-app/bash'], args: ['-args', 'mkdir -p /workspace'] },
      {
        name: suffixed('storage-fetch-gcs-valid'),
        image: 'gcr.io/cloud-builders/gcs-fetcher:latest',
        command: ['/ko-app/gcs-fetcher'],
        args: ['--type', artifactType, '--location', 'gs://some-bucket', '--dest_dir', '/workspace'],
      },
    ]);
    expect(m.volumes).toEqual([]);
  });

  it('reads a valid resource (Test_Valid_NewBuildGCSResource)', () => {
    const r = pipelineResource('build-gcs-resource', { type: 'storage', params: params({ Location: 'gs://fake-bucket', type: 'build-gcs', ArtifactType: 'Manifest' }) });
    expect(right(buildGcsFields(r))).toEqual({ name: 'build-gcs-resource', location: 'gs://fake-bucket', artifactType: 'Manifest' });
  });

  it('adds nothing as an output and exposes name, type, location', () => {
    const r = buildGcsResource({ name: 'gcs-resource', location: 'gs://fake-bucket', artifactType: 'Archive' }, TEST_IMAGES);
    expect(r.outputModifier({}, '/workspace/output/x', naming)).toEqual({ prepend: [], append: [], volumes: [] });
    expect(Object.fromEntries(r.replacements)).toEqual({ name: 'gcs-resource', type: 'storage', location: 'gs://fake-bucket' });
  });

  it('is named "" without metadata (Go zero value)', () => {
    const r = { spec: { type: 'storage', params: params({ type: 'build-gcs', location: 'gs://b', artifactType: 'Archive' }) } };
    expect(right(buildGcsFields(r))).toEqual({ name: '', location: 'gs://b', artifactType: 'Archive' });
  });

  // NewBuildGCSResource refused it too (its type is not storage).
  it('refuses a resource without spec: it has no location', () => {
    expect(buildGcsFields({ metadata: { name: 'b' } })).toEqual(E.left('a build-gcs storage resource needs a non-empty "location" param'));
  });

  it('passes no --dest_dir for an empty path, and adds nothing after the steps', () => {
    const r = buildGcsResource({ name: 'gcs-valid', location: 'gs://some-bucket', artifactType: 'Manifest' }, TEST_IMAGES);
    expect(r.inputModifier({}, '', naming)).toEqual({
      prepend: [
        { name: suffixed('create-dir-gcs-valid'), image: 'override-with-bash-noop:latest', command: ['/ko-app/bash'], args: ['-args', 'mkdir -p '] },
        { name: suffixed('storage-fetch-gcs-valid'), image: 'gcr.io/cloud-builders/gcs-fetcher:latest', command: ['/ko-app/gcs-fetcher'], args: ['--type', 'Manifest', '--location', 'gs://some-bucket'] },
      ],
      append: [],
      volumes: [],
    });
  });

  it.each([
    ['a location param without value', [{ name: 'type', value: 'build-gcs' }, { name: 'location' }, { name: 'artifactType', value: 'Archive' }], 'a build-gcs storage resource needs a non-empty "location" param'],
    ['an artifactType param without value', [{ name: 'type', value: 'build-gcs' }, { name: 'location', value: 'gs://b' }, { name: 'artifactType' }], 'invalid artifactType "": it must be one of Archive, Manifest, ZipArchive, TarGzArchive'],
    ['an unknown artifactType', params({ type: 'build-gcs', location: 'gs://b', artifactType: 'invalid-type' }), 'invalid artifactType "invalid-type": it must be one of Archive, Manifest, ZipArchive, TarGzArchive'],
  ])('refuses %s, with the whole message', (_name, p, message) => {
    expect(buildGcsFields(pipelineResource('b', { type: 'storage', params: p }))).toEqual(E.left(message));
  });

  it.each([
    ['no location params', params({ NotLocation: 'doesntmatter', type: 'build-gcs' }), undefined, 'needs a non-empty "location"'],
    ['location param with empty value', params({ Location: '', type: 'build-gcs' }), undefined, 'needs a non-empty "location"'],
    ['no artifactType params', params({ Location: 'gs://test', type: 'build-gcs' }), undefined, 'needs an "artifactType"'],
    ['artifactType param with empty value', params({ Location: 'gs://test', type: 'build-gcs', ArtifactType: '' }), undefined, 'invalid artifactType ""'],
    ['artifactType param with invalid value', params({ Location: 'gs://test', type: 'build-gcs', ArtifactType: 'invalid-type' }), undefined, 'invalid artifactType'],
    ['artifactType in the wrong case', params({ Location: 'gs://test', type: 'build-gcs', ArtifactType: 'InVaLiD' }), undefined, 'invalid artifactType'],
    ['secrets', params({ Location: 'gs://test', type: 'build-gcs', ArtifactType: 'Archive' }), [{ fieldName: 'f', secretName: 's', secretKey: 'k' }], 'cannot take secrets'],
    ['an empty secrets list', params({ Location: 'gs://test', type: 'build-gcs', ArtifactType: 'Archive' }), [], 'cannot take secrets'],
  ])('refuses a resource with %s', (_name, p, secrets, message) => {
    const r = resourceFromType(pipelineResource('b', { type: 'storage', params: p, ...(secrets !== undefined ? { secrets } : {}) }), TEST_IMAGES);
    expect(E.isLeft(r) && r.left).toContain(message);
  });
});
