/**
 * The credential initializer (Tekton's makeCredentialInitializer): an init
 * container running creds-init with one flag per matching annotation of the
 * ServiceAccount's Secrets, each such Secret mounted under /var/build-secrets.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { TaskpodError, unresolved } from '../errors';
import type { Secret, Volume, VolumeMount } from '../model/core';
import type { Step } from '../model/tekton';
import { withSuffix } from '../names';
import { sortGoStrings } from '../util';
import { IMPLICIT_ENV, IMPLICIT_MOUNTS, STEP_PREFIX, WORKSPACE_DIR } from './constants';

/** The initializer's base name (built once: the hash reads a flat string). */
const CREDENTIAL_INITIALIZER = `${STEP_PREFIX}credential-initializer`;

/** Where creds-init finds each Secret. */
export const SECRETS_DIR = '/var/build-secrets';

function annotationValues(secret: Secret, prefix: string): string[] {
  const annotations = secret.metadata?.annotations ?? {};
  return sortGoStrings(Object.keys(annotations).filter((k) => k.startsWith(prefix)).map((k) => annotations[k] ?? ''));
}

/**
 * creds-init flags for one Secret, docker flags first, then git flags (the
 * order of Tekton's credential builders).
 *
 * @example
 * ```ts
 * credentialFlags({ metadata: { name: 'gh', annotations: { 'tekton.dev/git-0': 'https://github.com' } }, type: 'kubernetes.io/basic-auth' });
 * // ['-basic-docker=...' none here..., '-basic-git=gh=https://github.com']
 * ```
 *
 * @public
 */
export function credentialFlags(secret: Secret): string[] {
  const name = secret.metadata?.name ?? '';
  const docker: string[] = [];
  switch (secret.type) {
    case 'kubernetes.io/basic-auth':
      for (const v of annotationValues(secret, 'tekton.dev/docker-')) docker.push(`-basic-docker=${name}=${v}`);
      break;
    case 'kubernetes.io/dockerconfigjson':
      docker.push(`-docker-config=${name}`);
      break;
    case 'kubernetes.io/dockercfg':
      docker.push(`-docker-cfg=${name}`);
      break;
    default:
      break;
  }
  const gitFlag = secret.type === 'kubernetes.io/basic-auth' ? 'basic-git' : secret.type === 'kubernetes.io/ssh-auth' ? 'ssh-git' : undefined;
  const git = gitFlag === undefined ? [] : annotationValues(secret, 'tekton.dev/git-').map((v) => `-${gitFlag}=${name}=${v}`);
  return [...docker, ...git];
}

/**
 * What the credential initializer adds: its init step and the secret volumes.
 *
 * @example
 * ```ts
 * const init = makeCredentialInitializer(DEFAULT_IMAGES.creds, ['regcred'], findSecret, 'default/run', 'ServiceAccount default/builder');
 * if (E.isRight(init)) init.right.volumes; // one secret volume per Secret with matching annotations
 * ```
 *
 * @public
 */
export interface CredentialInit {
  readonly step: Step;
  readonly volumes: readonly Volume[];
}

/**
 * Builds the credential initializer for the ServiceAccount's secrets.
 * `secretNames` are the names listed in the ServiceAccount's `secrets`, in
 * order; `findSecret` answers what the API server would.
 *
 * @example
 * ```ts
 * makeCredentialInitializer(DEFAULT_IMAGES.creds, [], () => undefined, 'default/run', 'ServiceAccount default/default');
 * // Right({ step: { name: 'step-credential-initializer-<5 chars>', ... }, volumes: [] })
 * ```
 *
 * @public
 */
export function makeCredentialInitializer(
  credsImage: string,
  secretNames: readonly string[],
  findSecret: (name: string) => Secret | undefined,
  seed: string,
  object: string,
): E.Either<TaskpodError, CredentialInit> {
  const args: string[] = [];
  const mounts: VolumeMount[] = [...IMPLICIT_MOUNTS];
  const volumes: Volume[] = [];
  for (let i = 0; i < secretNames.length; i++) {
    const secretName = secretNames[i]!;
    const secret = findSecret(secretName);
    if (secret === undefined) {
      return E.left(unresolved(object, `secrets[${i}].name`, `Secret "${secretName}" of the ServiceAccount is not in the input`));
    }
    const flags = credentialFlags(secret);
    if (flags.length === 0) continue;
    args.push(...flags);
    const name = withSuffix(seed, `secret-volume-${secretName}`, String(i));
    mounts.push({ name, mountPath: `${SECRETS_DIR}/${secretName}` });
    volumes.push({ name, secret: { secretName } });
  }
  const name = withSuffix(seed, CREDENTIAL_INITIALIZER);
  // Two literals rather than a conditional spread: args only when there are flags.
  const step: Step =
    args.length > 0
      ? { name, image: credsImage, command: ['/ko-app/creds-init'], args, workingDir: WORKSPACE_DIR, env: IMPLICIT_ENV, volumeMounts: mounts }
      : { name, image: credsImage, command: ['/ko-app/creds-init'], workingDir: WORKSPACE_DIR, env: IMPLICIT_ENV, volumeMounts: mounts };
  return E.right({ step, volumes });
}
