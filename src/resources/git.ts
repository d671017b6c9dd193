/**
 * The `git` resource (git_resource.go at 6c132b937e): as an input, a
 * `git-init` step clones `url` at `revision` (default `master`) into the
 * input's path; as an output it adds nothing of its own (the artifact copy
 * for PipelineRuns is added by the output stage).
 *
 * @packageDocumentation
 */
import type { PipelineResource } from '../model/tekton';
import { WORKSPACE_DIR } from '../pod/constants';
import { fieldMap, generated, lastParam, NO_CHANGE, Resource } from './types';

/** The revision cloned when none is given. */
export const DEFAULT_REVISION = 'master';

/** A git resource's fields. */
export interface GitFields {
  readonly name: string;
  readonly url: string;
  readonly revision: string;
}

/**
 * Reads a git resource: the last `url` and `revision` params (names compared
 * case-insensitively), the revision defaulting to `master`.
 *
 * @example
 * ```ts
 * gitFields({ metadata: { name: 'src' }, spec: { type: 'git', params: [{ name: 'url', value: 'https://x' }] } }).revision; // 'master'
 * ```
 */
export function gitFields(r: PipelineResource): GitFields {
  const revision = lastParam(r.spec, 'revision');
  return {
    name: r.metadata?.name ?? '',
    url: lastParam(r.spec, 'url'),
    revision: revision === '' ? DEFAULT_REVISION : revision,
  };
}

/**
 * The git resource.
 *
 * @example
 * ```ts
 * gitResource(r, 'gcr.io/.../git-init:v0.8.0').inputModifier(spec, '/workspace/src', naming).prepend[0]?.args;
 * // ['-url', 'https://x', '-revision', 'master', '-path', '/workspace/src']
 * ```
 */
export function gitResource(r: PipelineResource, gitImage: string): Resource {
  const f = gitFields(r);
  return {
    type: 'git',
    name: f.name,
    replacements: fieldMap('name', f.name, 'type', 'git', 'url', f.url, 'revision', f.revision),
    inputModifier: (_spec, path, naming) => ({
      prepend: [
        {
          name: generated(naming, `git-source-${f.name}`),
          image: gitImage,
          command: ['/ko-app/git-init'],
          args: ['-url', f.url, '-revision', f.revision, '-path', path],
          workingDir: WORKSPACE_DIR,
          // git-init reports the commit it fetched under this name.
          env: [{ name: 'TEKTON_RESOURCE_NAME', value: f.name }],
        },
      ],
      append: [],
      volumes: [],
    }),
    outputModifier: () => NO_CHANGE,
  };
}
