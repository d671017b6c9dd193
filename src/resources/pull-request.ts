/**
 * The `pullRequest` resource (pull_request_resource.go at 6c132b937e): a
 * `pullrequest-init` step downloads the pull request into the input's path
 * before the Task's steps, or uploads it from the output's path after them.
 * A secret whose field is `githubToken` becomes the env var `GITHUBTOKEN`.
 *
 * @packageDocumentation
 */
import type { EnvVar } from '../model/core';
import type { PipelineResource, SecretParam, Step } from '../model/tekton';
import { WORKSPACE_DIR } from '../pod/constants';
import { equalFoldAscii, goToUpper, omitEmpty } from './go';
import { generated, lastParam, Naming, Resource } from './types';

/** The secret field that carries the GitHub token. */
const TOKEN_FIELD = 'githubToken';

function prStep(name: string, url: string, secrets: readonly SecretParam[], image: string, mode: 'download' | 'upload', path: string, naming: Naming): Step {
  const env: EnvVar[] = secrets
    .filter((s) => equalFoldAscii(s.fieldName ?? '', TOKEN_FIELD))
    .map((s) => ({ name: goToUpper(s.fieldName ?? ''), valueFrom: { secretKeyRef: { name: s.secretName ?? '', key: s.secretKey ?? '' } } }));
  return {
    name: generated(naming, `pr-source-${name}`),
    image,
    command: ['/ko-app/pullrequest-init'],
    args: ['-url', url, '-path', path, '-mode', mode],
    workingDir: WORKSPACE_DIR,
    ...omitEmpty('env', env),
  };
}

/**
 * The pullRequest resource.
 *
 * @example
 * ```ts
 * pullRequestResource(r, prImage).inputModifier(spec, '/workspace/pr', naming).prepend[0]?.args;
 * // ['-url', 'https://github.com/o/r/pull/1', '-path', '/workspace/pr', '-mode', 'download']
 * ```
 */
export function pullRequestResource(r: PipelineResource, prImage: string): Resource {
  const name = r.metadata?.name ?? '';
  const url = lastParam(r.spec, 'url');
  const secrets = r.spec?.secrets ?? [];
  return {
    type: 'pullRequest',
    name,
    replacements: new Map([
      ['name', name],
      ['type', 'pullRequest'],
      ['url', url],
    ]),
    inputModifier: (_spec, path, naming) => ({ prepend: [prStep(name, url, secrets, prImage, 'download', path, naming)], append: [], volumes: [] }),
    outputModifier: (_spec, path, naming) => ({ prepend: [], append: [prStep(name, url, secrets, prImage, 'upload', path, naming)], volumes: [] }),
  };
}
