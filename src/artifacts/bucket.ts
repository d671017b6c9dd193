/**
 * Artifact storage in a GCS bucket (artifact_bucket.go and
 * artifacts_storage.go at 6c132b937e), configured by the ConfigMap
 * `config-artifact-bucket` in the controller's namespace: `gsutil` steps copy
 * with `cp -P -r`, authenticated by an optional service-account secret
 * mounted under /var/bucketsecret.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { invalidConfig, objectLabel, TaskpodError } from '../errors';
import { TaskpodWarning, warning } from '../warnings';
import type { ConfigMap } from '../model/core';
import type { Images } from '../model/config';
import type { SecretParam } from '../model/tekton';
import { dns1123LabelProblem } from '../pod/api-checks';
import { omitEmpty } from '../resources/go';
import { secretEnvAndMounts } from '../resources/secrets';
import { generated } from '../resources/types';
import type { ArtifactStorage } from './types';

/** The namespace the controller runs in and reads its ConfigMaps from. */
export const SYSTEM_NAMESPACE = 'tekton-pipelines';
/** The ConfigMap that configures bucket storage. */
export const BUCKET_CONFIG_NAME = 'config-artifact-bucket';
/** Its key naming the bucket (`gs://...`). */
export const BUCKET_LOCATION_KEY = 'location';
/** Its key naming the secret with the service account. */
export const BUCKET_SECRET_NAME_KEY = 'bucket.service.account.secret.name';
/** Its key naming the key of that secret. */
export const BUCKET_SECRET_KEY_KEY = 'bucket.service.account.secret.key';
/** Its key naming the env var that points at the key file. */
export const BUCKET_FIELD_NAME_KEY = 'bucket.service.account.field.name';
/** The env var used when the ConfigMap names none. */
export const DEFAULT_BUCKET_FIELD_NAME = 'GOOGLE_APPLICATION_CREDENTIALS';
/** The env vars a bucket secret can be exposed as. */
export const BUCKET_FIELD_NAMES: readonly string[] = ['GOOGLE_APPLICATION_CREDENTIALS', 'BOTO_CONFIG'];
/** Where the bucket secret is mounted. */
export const BUCKET_SECRET_MOUNT_ROOT = '/var/bucketsecret';

/** The bucket configuration. */
export interface BucketConfig {
  readonly location: string;
  /** At most one: the service-account secret. */
  readonly secrets: readonly SecretParam[];
}

/** The label of the bucket ConfigMap, for errors. */
export const BUCKET_CONFIG_LABEL = objectLabel('ConfigMap', SYSTEM_NAMESPACE, BUCKET_CONFIG_NAME);

const dataField = (key: string) => `data[${JSON.stringify(key)}]`;

/**
 * Reads the bucket ConfigMap as Tekton did (NewArtifactBucketConfigFromConfigMap
 * at 6c132b937e): the service-account secret is used only when both its
 * name and its key are given, and is exposed as
 * `bucket.service.account.field.name` (default
 * `GOOGLE_APPLICATION_CREDENTIALS`). A half-set, empty-key or unknown-field
 * configuration gives Tekton's steps (see `bucketConfigWarnings` for
 * what is doubtful about them). Refused only when the secret name makes the
 * volume name `volume-bucket-<name>` invalid: the API server refused that Pod.
 *
 * @example
 * ```ts
 * bucketConfig({ data: { location: 'gs://b', 'bucket.service.account.secret.name': 'sa', 'bucket.service.account.secret.key': 'key.json' } });
 * // Right({ location: 'gs://b', secrets: [{ fieldName: 'GOOGLE_APPLICATION_CREDENTIALS', secretName: 'sa', secretKey: 'key.json' }] })
 * ```
 */
export function bucketConfig(cm: ConfigMap): E.Either<TaskpodError, BucketConfig> {
  const data = cm.data ?? {};
  const has = (k: string) => Object.prototype.hasOwnProperty.call(data, k);
  const location = has(BUCKET_LOCATION_KEY) ? data[BUCKET_LOCATION_KEY]! : '';
  if (!has(BUCKET_SECRET_NAME_KEY) || !has(BUCKET_SECRET_KEY_KEY)) return E.right({ location, secrets: [] });
  const secretName = data[BUCKET_SECRET_NAME_KEY]!;
  const volumeProblem = dns1123LabelProblem(`volume-bucket-${secretName}`);
  if (secretName === '' || volumeProblem !== undefined) {
    const why = secretName === '' ? 'must not be empty' : `gives the volume name "volume-bucket-${secretName}", which ${volumeProblem}`;
    return E.left(invalidConfig(BUCKET_CONFIG_LABEL, dataField(BUCKET_SECRET_NAME_KEY), `invalid secret name "${secretName}": it ${why} (the API server refuses the Pod)`));
  }
  const fieldName = has(BUCKET_FIELD_NAME_KEY) ? data[BUCKET_FIELD_NAME_KEY]! : DEFAULT_BUCKET_FIELD_NAME;
  return E.right({ location, secrets: [{ fieldName, secretName, secretKey: data[BUCKET_SECRET_KEY_KEY]! }] });
}

/**
 * What is doubtful about the bucket ConfigMap's secret keys, although
 * Tekton ran the Pod they give: the secret name without the key or the key
 * without the name (Tekton ignored the half: gsutil runs without the
 * secret), an empty key (the env var names the secret's directory, not a
 * key file), a field name other than `GOOGLE_APPLICATION_CREDENTIALS` or
 * `BOTO_CONFIG` (the secret volume is added but mounted nowhere).
 *
 * @example
 * ```ts
 * bucketConfigWarnings({ data: { location: 'gs://b', 'bucket.service.account.secret.name': 'sa' } });
 * // [{ object: 'ConfigMap tekton-pipelines/config-artifact-bucket', field: 'data["bucket.service.account.secret.name"]', message: 'is set but ...' }]
 * ```
 */
export function bucketConfigWarnings(cm: ConfigMap): readonly TaskpodWarning[] {
  const data = cm.data ?? {};
  const has = (k: string) => Object.prototype.hasOwnProperty.call(data, k);
  const warn = (key: string, message: string) => [warning(BUCKET_CONFIG_LABEL, dataField(key), message)];
  const hasName = has(BUCKET_SECRET_NAME_KEY);
  const hasKey = has(BUCKET_SECRET_KEY_KEY);
  if (!hasName && !hasKey) return [];
  const unused = 'so Tekton ignored it: the artifact copy steps run gsutil without the secret\'s credentials';
  if (!hasKey) return warn(BUCKET_SECRET_NAME_KEY, `is set but ${BUCKET_SECRET_KEY_KEY} is not, ${unused}`);
  if (!hasName) return warn(BUCKET_SECRET_KEY_KEY, `is set but ${BUCKET_SECRET_NAME_KEY} is not, ${unused}`);
  const secretName = data[BUCKET_SECRET_NAME_KEY]!;
  const fieldName = has(BUCKET_FIELD_NAME_KEY) ? data[BUCKET_FIELD_NAME_KEY]! : DEFAULT_BUCKET_FIELD_NAME;
  if (!BUCKET_FIELD_NAMES.includes(fieldName)) {
    return warn(
      BUCKET_FIELD_NAME_KEY,
      `"${fieldName}" is neither ${BUCKET_FIELD_NAMES.join(' nor ')}, so Tekton added the volume volume-bucket-${secretName} but mounted it nowhere and set no env var: the artifact copy steps run gsutil without the secret's credentials`,
    );
  }
  if (data[BUCKET_SECRET_KEY_KEY] === '') {
    return warn(BUCKET_SECRET_KEY_KEY, `is empty, so ${fieldName} names the secret's directory ${BUCKET_SECRET_MOUNT_ROOT}/${secretName}, not a key file in it`);
  }
  return [];
}

/**
 * Bucket artifact storage. Copying from it makes an `artifact-dest-mkdir-*`
 * step (bash) and an `artifact-copy-from-*` step (gsutil); copying to it an
 * `artifact-copy-to-*` step (gsutil). The gsutil steps carry the credentials.
 *
 * @example
 * ```ts
 * bucketStorage({ location: 'gs://b', secrets: [] }, images).copyToStorage('src', '/workspace/output/src', 'run-bucket/build/src', naming)[0]?.args;
 * // ['-args', 'cp -P -r /workspace/output/src gs://b/run-bucket/build/src']
 * ```
 */
export function bucketStorage(config: BucketConfig, images: Images): ArtifactStorage {
  const { env, mounts } = secretEnvAndMounts('bucket', BUCKET_SECRET_MOUNT_ROOT, config.secrets);
  const credentials = { ...omitEmpty('env', env), ...omitEmpty('volumeMounts', mounts) };
  return {
    type: 'bucket',
    copyFromStorage: (name, sourcePath, destinationPath, naming) => [
      {
        name: generated(naming, `artifact-dest-mkdir-${name}`),
        image: images.bashNoop,
        command: ['/ko-app/bash'],
        args: ['-args', `mkdir -p ${destinationPath}`],
      },
      {
        name: generated(naming, `artifact-copy-from-${name}`),
        image: images.gsutil,
        command: ['/ko-app/gsutil'],
        args: ['-args', `cp -P -r ${config.location}/${sourcePath}/* ${destinationPath}`],
        ...credentials,
      },
    ],
    copyToStorage: (name, sourcePath, destinationPath, naming) => [
      {
        name: generated(naming, `artifact-copy-to-${name}`),
        image: images.gsutil,
        command: ['/ko-app/gsutil'],
        args: ['-args', `cp -P -r ${sourcePath} ${config.location}/${destinationPath}`],
        ...credentials,
      },
    ],
    secretVolumes: () => config.secrets.map((s) => ({ name: `volume-bucket-${s.secretName ?? ''}`, secret: { secretName: s.secretName ?? '' } })),
  };
}
