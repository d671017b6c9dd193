/**
 * The `storage` resource of type `gcs` (gcs_resource.go at 6c132b937e): as
 * an input, a create-dir step and a `gsutil` step copy the object (or, with a
 * `dir` param, rsync the directory) from `location` into the input's path;
 * as an output, a `gsutil` step after the Task's steps copies the output's
 * files to `location`. Secrets with the field `GOOGLE_APPLICATION_CREDENTIALS`
 * or `BOTO_CONFIG` are mounted under /var/secret and named by env vars;
 * every secret gets a volume.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import type { Images } from '../model/config';
import type { PipelineResource, SecretParam } from '../model/tekton';
import { createDirStep } from '../pod/build';
import { joinPath, omitEmpty } from './go';
import { secretEnvAndMounts, storageSecretVolumes } from './secrets';
import { generated, paramValues, Resource } from './types';

/** Where storage secrets are mounted. */
export const GCS_SECRET_MOUNT_ROOT = '/var/secret';

/** A gcs storage resource's fields. */
export interface GcsFields {
  readonly name: string;
  readonly location: string;
  /** Whether a `dir` param is present (its value does not matter). */
  readonly dir: boolean;
  readonly secrets: readonly SecretParam[];
}

/**
 * Reads a gcs storage resource; a resource whose `location` params are all
 * empty is an error (Tekton's NewGCSResource).
 *
 * @example
 * ```ts
 * gcsFields({ metadata: { name: 'src' }, spec: { type: 'storage', params: [{ name: 'location', value: 'gs://b/o' }] } });
 * // Right({ name: 'src', location: 'gs://b/o', dir: false, secrets: [] })
 * ```
 */
export function gcsFields(r: PipelineResource): E.Either<string, GcsFields> {
  const locations = paramValues(r.spec, 'location');
  if (!locations.some((l) => l !== '')) return E.left('a gcs storage resource needs a non-empty "location" param');
  return E.right({
    name: r.metadata?.name ?? '',
    location: locations[locations.length - 1]!,
    dir: paramValues(r.spec, 'dir').length > 0,
    secrets: r.spec?.secrets ?? [],
  });
}

/**
 * The gcs storage resource.
 *
 * @example
 * ```ts
 * E.map((f: GcsFields) => gcsResource(f, images))(gcsFields(r));
 * ```
 */
export function gcsResource(f: GcsFields, images: Images): Resource {
  const { env, mounts } = secretEnvAndMounts(f.name, GCS_SECRET_MOUNT_ROOT, f.secrets);
  const credentials = { ...omitEmpty('env', env), ...omitEmpty('volumeMounts', mounts) };
  return {
    type: 'storage',
    name: f.name,
    replacements: new Map([
      ['name', f.name],
      ['type', 'storage'],
      ['location', f.location],
    ]),
    inputModifier: (spec, path, naming) => ({
      prepend: [
        createDirStep(images.bashNoop, f.name, path, naming.seed, naming.key),
        {
          name: generated(naming, `fetch-${f.name}`),
          image: images.gsutil,
          command: ['/ko-app/gsutil'],
          args: ['-args', f.dir ? `rsync -d -r ${f.location} ${path}` : `cp ${f.location} ${path}`],
          ...credentials,
        },
      ],
      append: [],
      volumes: storageSecretVolumes(f.name, f.secrets, spec.volumes ?? []),
    }),
    outputModifier: (spec, path, naming) => ({
      prepend: [],
      append: [
        {
          name: generated(naming, `upload-${f.name}`),
          image: images.gsutil,
          command: ['/ko-app/gsutil'],
          args: ['-args', f.dir ? `rsync -d -r ${path} ${f.location}` : `cp ${joinPath(path, '*')} ${f.location}`],
          ...credentials,
        },
      ],
      volumes: storageSecretVolumes(f.name, f.secrets, spec.volumes ?? []),
    }),
  };
}
