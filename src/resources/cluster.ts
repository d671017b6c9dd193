/**
 * The `cluster` resource (cluster_resource.go at 6c132b937e): as an input, a
 * `kubeconfigwriter` step writes a kubeconfig from the resource, passed as
 * JSON in `-clusterConfig`; each secret param becomes an env var named after
 * its field, upper-cased. As an output it adds nothing.
 *
 * Its name is the `name` param, not the PipelineResource's name.
 *
 * @packageDocumentation
 */
import type { EnvVar } from '../model/core';
import type { PipelineResource, SecretParam } from '../model/tekton';
import { equalFoldAscii, goBase64Decode, goBytesToString, goJson, GoJson, goParseBool, goToUpper, omitEmpty } from './go';
import { generated, NO_CHANGE, Resource } from './types';

/** A cluster resource's fields, as Tekton's ClusterResource struct held them. */
export interface ClusterFields {
  readonly name: string;
  readonly url: string;
  readonly revision: string;
  readonly username: string;
  readonly password: string;
  readonly namespace: string;
  readonly token: string;
  readonly insecure: boolean;
  /** The decoded `cadata` param; `undefined` when none was given (Go's nil). */
  readonly cadata: Uint8Array | undefined;
  /** The secret params; `undefined` when the resource has no `secrets` field (Go's nil). */
  readonly secrets: readonly SecretParam[] | undefined;
}

const FIELD_PARAMS = ['name', 'url', 'revision', 'username', 'namespace', 'password', 'token'] as const;

/**
 * Reads a cluster resource: each known param (names compared
 * case-insensitively), the last one winning; `cadata` base64-decoded (what
 * decodes before an error is kept); `insecure` parsed as a Go bool, and
 * forced true when there is no CA data, neither as a param nor as a secret.
 *
 * @example
 * ```ts
 * clusterFields({ spec: { type: 'cluster', params: [{ name: 'name', value: 'prod' }] } }).insecure; // true
 * ```
 */
export function clusterFields(r: PipelineResource): ClusterFields {
  const f: Record<(typeof FIELD_PARAMS)[number], string> = { name: '', url: '', revision: '', username: '', namespace: '', password: '', token: '' };
  let insecure = false;
  let cadata: Uint8Array | undefined;
  for (const p of r.spec?.params ?? []) {
    const name = p.name ?? '';
    const value = p.value ?? '';
    const field = FIELD_PARAMS.find((k) => equalFoldAscii(name, k));
    if (field !== undefined) f[field] = value;
    else if (equalFoldAscii(name, 'insecure')) insecure = goParseBool(value) ?? false;
    else if (equalFoldAscii(name, 'cadata') && value !== '') cadata = goBase64Decode(value);
  }
  const secrets = r.spec?.secrets;
  if (cadata === undefined || cadata.length === 0) {
    insecure = !(secrets ?? []).some((s) => equalFoldAscii(s.fieldName ?? '', 'cadata'));
  }
  return { ...f, insecure, cadata, secrets };
}

/**
 * The JSON of `-clusterConfig`: Tekton's ClusterResource marshalled by Go
 * (`Insecure` has no JSON name; `cadata` is base64; absent lists are null).
 *
 * @example
 * ```ts
 * clusterConfigJson(clusterFields(r));
 * // '{"name":"prod","type":"cluster","url":"","revision":"",...,"Insecure":true,"cadata":null,"secrets":null}'
 * ```
 */
export function clusterConfigJson(f: ClusterFields): string {
  const secrets: GoJson =
    f.secrets === undefined ? null : f.secrets.map((s) => ({ fieldName: s.fieldName ?? '', secretKey: s.secretKey ?? '', secretName: s.secretName ?? '' }));
  return goJson({
    name: f.name,
    type: 'cluster',
    url: f.url,
    revision: f.revision,
    username: f.username,
    password: f.password,
    namespace: f.namespace,
    token: f.token,
    Insecure: f.insecure,
    cadata: f.cadata === undefined ? null : Buffer.from(f.cadata).toString('base64'),
    secrets,
  });
}

/**
 * The cluster resource.
 *
 * @example
 * ```ts
 * clusterResource(r, kubeconfigWriterImage).inputModifier(spec, '/workspace/c', naming).prepend[0]?.command; // ['/ko-app/kubeconfigwriter']
 * ```
 */
export function clusterResource(r: PipelineResource, kubeconfigWriterImage: string): Resource {
  const f = clusterFields(r);
  const env: EnvVar[] = (f.secrets ?? []).map((s) => ({
    name: goToUpper(s.fieldName ?? ''),
    valueFrom: { secretKeyRef: { name: s.secretName ?? '', key: s.secretKey ?? '' } },
  }));
  return {
    type: 'cluster',
    name: f.name,
    replacements: new Map([
      ['name', f.name],
      ['type', 'cluster'],
      ['url', f.url],
      ['revision', f.revision],
      ['username', f.username],
      ['password', f.password],
      ['namespace', f.namespace],
      ['token', f.token],
      ['insecure', String(f.insecure)],
      ['cadata', f.cadata === undefined ? '' : goBytesToString(f.cadata)],
    ]),
    inputModifier: (_spec, _path, naming) => ({
      prepend: [
        {
          name: generated(naming, 'kubeconfig'),
          image: kubeconfigWriterImage,
          command: ['/ko-app/kubeconfigwriter'],
          args: ['-clusterConfig', clusterConfigJson(f)],
          ...omitEmpty('env', env),
        },
      ],
      append: [],
      volumes: [],
    }),
    outputModifier: () => NO_CHANGE,
  };
}
