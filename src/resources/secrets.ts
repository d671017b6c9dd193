/**
 * Credentials of storage resources and of the artifact bucket: secret
 * volumes, their mounts, and the env var naming the key file
 * (secret_volume_mount.go and storage_resource.go at 6c132b937e).
 *
 * @packageDocumentation
 */
import type { EnvVar, Volume, VolumeMount } from '../model/core';
import type { SecretParam } from '../model/tekton';
import { goToUpper, joinPath } from './go';

/** The only secret field names that become an env var and a mount. */
const CREDENTIAL_FIELDS = ['GOOGLE_APPLICATION_CREDENTIALS', 'BOTO_CONFIG'] as const;

/**
 * The env vars and mounts for a resource's secrets: for the first secret of
 * each credential field (`GOOGLE_APPLICATION_CREDENTIALS`, `BOTO_CONFIG`,
 * matched exactly), the env var `FIELD=<mountRoot>/<secret>/<key>` and,
 * once per secret, a mount of volume `volume-<owner>-<secret>` at
 * `<mountRoot>/<secret>`. Other secrets get neither.
 *
 * @example
 * ```ts
 * secretEnvAndMounts('bucket', '/var/bucketsecret', [{ fieldName: 'GOOGLE_APPLICATION_CREDENTIALS', secretName: 'sa', secretKey: 'key.json' }]);
 * // env GOOGLE_APPLICATION_CREDENTIALS=/var/bucketsecret/sa/key.json, mount volume-bucket-sa at /var/bucketsecret/sa
 * ```
 */
export function secretEnvAndMounts(
  owner: string,
  mountRoot: string,
  secrets: readonly SecretParam[],
): { readonly env: readonly EnvVar[]; readonly mounts: readonly VolumeMount[] } {
  const env: EnvVar[] = [];
  const mounts: VolumeMount[] = [];
  const usedFields = new Set<string>();
  const mountedPaths = new Set<string>();
  for (const s of secrets) {
    const field = s.fieldName ?? '';
    if (!(CREDENTIAL_FIELDS as readonly string[]).includes(field) || usedFields.has(field)) continue;
    usedFields.add(field);
    const dir = joinPath(mountRoot, s.secretName ?? '');
    env.push({ name: goToUpper(field), value: joinPath(dir, s.secretKey ?? '') });
    if (!mountedPaths.has(dir)) {
      mounts.push({ name: `volume-${owner}-${s.secretName ?? ''}`, mountPath: dir });
      mountedPaths.add(dir);
    }
  }
  return { env, mounts };
}

/**
 * The secret volumes of a storage resource: `volume-<resource>-<secret>`
 * for every secret param, skipping names the TaskSpec already has and
 * repeats.
 *
 * @example
 * ```ts
 * storageSecretVolumes('bucket-src', [{ secretName: 'sa' }], []); // [{ name: 'volume-bucket-src-sa', secret: { secretName: 'sa' } }]
 * ```
 */
export function storageSecretVolumes(resourceName: string, secrets: readonly SecretParam[], existing: readonly Volume[]): Volume[] {
  const taken = new Set(existing.map((v) => v.name ?? ''));
  const out: Volume[] = [];
  for (const s of secrets) {
    const name = `volume-${resourceName}-${s.secretName ?? ''}`;
    if (taken.has(name)) continue;
    taken.add(name);
    out.push({ name, secret: { secretName: s.secretName ?? '' } });
  }
  return out;
}
