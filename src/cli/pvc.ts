/**
 * `taskpod pvc`: the PersistentVolumeClaim Tekton created for a PipelineRun
 * whose artifacts go to a PVC.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { objectLabel, invalidInput, TaskpodError } from '../errors';
import { InputObjects, namespaceOf } from '../input/objects';
import {
  BUCKET_CONFIG_LABEL,
  findBucketConfigMap,
  PersistentVolumeClaim,
  pipelineRunClaim,
  PVC_CONFIG_NAME,
  storageType,
  SYSTEM_NAMESPACE,
} from '../artifacts';
import { optList } from './args';
import { Command, CommandResult, commonOptions, limitsFrom, outputFormat } from './command';
import { formatValue, readObjects } from './io';

// The PipelineRun layer is loaded when the command runs, not when the CLI starts (docs/performance.md).
const pipelineLib = (): typeof import('../pipeline/expand') => require('../pipeline/expand') as typeof import('../pipeline/expand');

/**
 * The claims of every PipelineRun among `objects` (with `config-artifact-pvc`
 * and `config-artifact-bucket` from `tekton-pipelines` when present); none
 * when the bucket ConfigMap sends artifacts to a bucket.
 *
 * @example
 * ```ts
 * pipelineRunClaims(objects); // Right({ claims: [claim of each PipelineRun], bucket: false })
 * ```
 */
export function pipelineRunClaims(objects: InputObjects): E.Either<TaskpodError, { readonly claims: readonly PersistentVolumeClaim[]; readonly bucket: boolean }> {
  if (objects.pipelineRuns.length === 0) return E.left(invalidInput('input', '', 'no PipelineRun found: give the PipelineRun with -f'));
  const find = (ns: string, name: string) => objects.configMaps.find((c) => c.metadata?.name === name && namespaceOf(c) === ns);
  const bucket = storageType(findBucketConfigMap(find)) === 'bucket';
  const claims: PersistentVolumeClaim[] = [];
  for (const pr of objects.pipelineRuns) {
    const namespace = namespaceOf(pr);
    if ((pr.metadata?.name ?? '') === '' && (pr.metadata?.generateName ?? '') === '') {
      return E.left(invalidInput(objectLabel('PipelineRun', namespace, undefined), 'metadata.name', 'missing: a PipelineRun needs a name or a generateName'));
    }
    if (bucket) continue;
    const claim = pipelineRunClaim({ name: pipelineLib().pipelineRunName(pr), namespace, uid: pr.metadata?.uid ?? '' }, find(SYSTEM_NAMESPACE, PVC_CONFIG_NAME));
    if (E.isLeft(claim)) return claim;
    claims.push(claim.right);
  }
  return E.right({ claims, bucket });
}

/** The `pvc` command. */
export const pvcCommand: Command = {
  name: 'pvc',
  summary: "print the PersistentVolumeClaim Tekton created for a PipelineRun's artifacts",
  usage: 'taskpod pvc -f FILE [-f FILE ...] [-o yaml|json]',
  description: [
    'Reads PipelineRuns and, from namespace tekton-pipelines, the ConfigMaps config-artifact-pvc',
    '(size, storageClassName) and config-artifact-bucket, and prints the claim <pipelinerun>-pvc',
    'that Tekton (late 2019) created for each PipelineRun, owned by it. With several PipelineRuns',
    'the claims are printed as a List. When config-artifact-bucket names a location, artifacts',
    'go to that bucket, Tekton created no claim, and nothing is printed.',
  ],
  examples: ['taskpod pvc -f pipelinerun.yaml', 'taskpod pvc -f pipelinerun.yaml -f configmaps.yaml -o json'],
  options: commonOptions,
  run(options): CommandResult {
    const limits = limitsFrom(options);
    const format = outputFormat(options, ['yaml', 'json']) === 'json' ? 'json' : 'yaml';
    return pipe(
      readObjects(optList(options, 'file'), limits),
      E.chain(pipelineRunClaims),
      E.map(({ claims, bucket }) => {
        if (bucket) {
          return { stdout: '', warnings: [`${BUCKET_CONFIG_LABEL} names a bucket location: artifacts go to the bucket and Tekton creates no PersistentVolumeClaim`] };
        }
        const encoded = claims.map((c) => PersistentVolumeClaim.encode(c));
        const value = encoded.length === 1 ? encoded[0] : { apiVersion: 'v1', kind: 'List', items: encoded };
        return { stdout: formatValue(value, format) };
      }),
    );
  },
};
