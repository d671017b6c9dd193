/**
 * The `storage` resource of type `build-gcs` (build_gcs_resource.go at
 * 6c132b937e): as an input, a create-dir step and a `gcs-fetcher` step fetch
 * an archive (`ZipArchive`, `TarGzArchive`, the deprecated `Archive`) or a
 * source manifest (`Manifest`) from `location` into the input's path. As an
 * output it adds nothing. It takes no secrets: a resource with a `secrets`
 * field (even an empty one) is an error, as are a missing location or
 * artifact type.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import type { Images } from '../model/config';
import type { PipelineResource } from '../model/tekton';
import { createDirStep } from '../pod/build';
import { equalFoldAscii } from './go';
import { generated, NO_CHANGE, Resource } from './types';

/** The artifact types gcs-fetcher understands, in Tekton's order. */
export const ARTIFACT_TYPES = ['Archive', 'Manifest', 'ZipArchive', 'TarGzArchive'] as const;
/** One of {@link ARTIFACT_TYPES}. */
export type ArtifactType = (typeof ARTIFACT_TYPES)[number];

/** A build-gcs storage resource's fields. */
export interface BuildGcsFields {
  readonly name: string;
  readonly location: string;
  readonly artifactType: ArtifactType;
}

/**
 * Reads a build-gcs storage resource. Params are read in order: the last
 * `location` wins; every `artifactType` must be one of
 * {@link ARTIFACT_TYPES} exactly (case matters), the last one wins.
 *
 * @example
 * ```ts
 * buildGcsFields({ metadata: { name: 'src' }, spec: { type: 'storage', params: [
 *   { name: 'type', value: 'build-gcs' }, { name: 'location', value: 'gs://b/a.zip' }, { name: 'artifactType', value: 'ZipArchive' }] } });
 * // Right({ name: 'src', location: 'gs://b/a.zip', artifactType: 'ZipArchive' })
 * ```
 */
export function buildGcsFields(r: PipelineResource): E.Either<string, BuildGcsFields> {
  if (r.spec?.secrets !== undefined) return E.left('a build-gcs storage resource cannot take secrets (it supports no private bucket): remove "secrets"');
  let location = '';
  let artifactType: ArtifactType | undefined;
  for (const p of r.spec?.params ?? []) {
    const name = p.name ?? '';
    const value = p.value ?? '';
    if (equalFoldAscii(name, 'location')) location = value;
    else if (equalFoldAscii(name, 'artifactType')) {
      const known = ARTIFACT_TYPES.find((a) => a === value);
      if (known === undefined) return E.left(`invalid artifactType "${value}": it must be one of ${ARTIFACT_TYPES.join(', ')}`);
      artifactType = known;
    }
  }
  if (location === '') return E.left('a build-gcs storage resource needs a non-empty "location" param');
  if (artifactType === undefined) return E.left(`a build-gcs storage resource needs an "artifactType" param (${ARTIFACT_TYPES.join(', ')})`);
  return E.right({ name: r.metadata?.name ?? '', location, artifactType });
}

/**
 * The build-gcs storage resource.
 *
 * @example
 * ```ts
 * buildGcsResource(fields, images).inputModifier(spec, '/workspace/src', naming).prepend[1]?.args;
 * // ['--type', 'ZipArchive', '--location', 'gs://b/a.zip', '--dest_dir', '/workspace/src']
 * ```
 */
export function buildGcsResource(f: BuildGcsFields, images: Images): Resource {
  return {
    type: 'storage',
    name: f.name,
    replacements: new Map([
      ['name', f.name],
      ['type', 'storage'],
      ['location', f.location],
    ]),
    inputModifier: (_spec, path, naming) => ({
      prepend: [
        createDirStep(images.bashNoop, f.name, path, naming.seed, naming.key),
        {
          name: generated(naming, `storage-fetch-${f.name}`),
          image: images.buildGcsFetcher,
          command: ['/ko-app/gcs-fetcher'],
          args: ['--type', f.artifactType, '--location', f.location, ...(path !== '' ? ['--dest_dir', path] : [])],
        },
      ],
      append: [],
      volumes: [],
    }),
    outputModifier: () => NO_CHANGE,
  };
}
