/**
 * Builders for the resource tests: Tekton's own test images, PipelineResource
 * and TaskRun objects in the style of Tekton's _test.go tables, and a
 * ResourceContext resolved from them the way render.ts resolves one.
 */
import * as E from 'fp-ts/Either';
import { defaultTaskRun } from '../../src/admission/defaults';
import { EMPTY_OBJECTS, InputObjects } from '../../src/input/objects';
import type { ConfigMap } from '../../src/model/core';
import type { Images } from '../../src/model/config';
import type { PipelineResource, PipelineResourceSpec, TaskResourceBinding, TaskRun, TaskSpec } from '../../src/model/tekton';
import { resolveRun, theTaskRun } from '../../src/resolve';
import type { ResourceContext } from '../../src/resources';

/** The images of Tekton's resource tests. */
export const TEST_IMAGES: Images = {
  entrypoint: 'override-with-entrypoint:latest',
  nop: 'override-with-nop:latest',
  git: 'override-with-git:latest',
  creds: 'override-with-creds:latest',
  kubeconfigWriter: 'override-with-kubeconfig-writer:latest',
  bashNoop: 'override-with-bash-noop:latest',
  gsutil: 'override-with-gsutil-image:latest',
  buildGcsFetcher: 'gcr.io/cloud-builders/gcs-fetcher:latest',
  pr: 'override-with-pr:latest',
  imageDigestExporter: 'override-with-imagedigest-exporter-image:latest',
};

/** The namespace of Tekton's resource tests. */
export const NS = 'marshmallow';

/** A PipelineResource in {@link NS}. */
export function pipelineResource(name: string, spec: PipelineResourceSpec): PipelineResource {
  return { apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineResource', metadata: { name, namespace: NS }, spec };
}

/** `name: value` params. */
export function params(p: Readonly<Record<string, string>>): { name: string; value: string }[] {
  return Object.entries(p).map(([name, value]) => ({ name, value }));
}

/** A binding of `name` to the PipelineResource `ref`, with optional `paths`. */
export function bind(name: string, ref: string, paths?: readonly string[]): TaskResourceBinding {
  return { name, resourceRef: { name: ref }, ...(paths !== undefined ? { paths } : {}) };
}

/** Options of {@link taskRun}. */
export interface RunOptions {
  readonly name?: string;
  readonly inputs?: readonly TaskResourceBinding[];
  readonly outputs?: readonly TaskResourceBinding[];
  /** The owning PipelineRun's name. */
  readonly pipelineRun?: string;
  readonly taskSpec: TaskSpec;
}

/** A TaskRun embedding its TaskSpec. */
export function taskRun(o: RunOptions): TaskRun {
  return {
    apiVersion: 'tekton.dev/v1alpha1',
    kind: 'TaskRun',
    metadata: {
      name: o.name ?? 'build-from-repo-run',
      namespace: NS,
      ...(o.pipelineRun !== undefined ? { ownerReferences: [{ apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineRun', name: o.pipelineRun }] } : {}),
    },
    spec: {
      taskSpec: o.taskSpec,
      ...(o.inputs !== undefined ? { inputs: { resources: o.inputs } } : {}),
      ...(o.outputs !== undefined ? { outputs: { resources: o.outputs } } : {}),
    },
  };
}

/** The bucket ConfigMap with `data`. */
export function bucketConfigMap(data: Readonly<Record<string, string>>): ConfigMap {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config-artifact-bucket', namespace: 'tekton-pipelines' }, data };
}

/** Tekton's test bucket: gs://fake-bucket with the service account in secret gcs-config, key my-key. */
export const FAKE_BUCKET = bucketConfigMap({
  location: 'gs://fake-bucket',
  'bucket.service.account.secret.name': 'gcs-config',
  'bucket.service.account.secret.key': 'my-key',
});

/** The context the stages get for `tr`, resolved against `resources` and `configMaps`. */
export function contextFor(tr: TaskRun, resources: readonly PipelineResource[] = [], configMaps: readonly ConfigMap[] = [], images: Images = TEST_IMAGES): ResourceContext {
  const objects: InputObjects = {
    ...EMPTY_OBJECTS,
    taskRuns: [tr],
    pipelineResources: resources,
    configMaps,
    serviceAccounts: [{ metadata: { name: 'default', namespace: NS } }],
  };
  const first = theTaskRun(objects);
  if (E.isLeft(first)) throw new Error(first.left.message);
  const run = resolveRun(objects, { ...first.right, taskRun: defaultTaskRun(first.right.taskRun) });
  if (E.isLeft(run)) throw new Error(run.left.message);
  return { config: { images, imageEntrypoints: {} }, run: run.right, seed: `${NS}/${first.right.name}` };
}

/** The right side of an Either, failing the test with the error otherwise. */
export function right<A>(e: E.Either<{ readonly message: string } | string, A>): A {
  if (E.isLeft(e)) throw new Error(`expected success, got: ${typeof e.left === 'string' ? e.left : e.left.message}`);
  return e.right;
}

const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A generated name: `base`, `-` and five characters of Tekton's suffix alphabet. */
export function suffixed(base: string): unknown {
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return expect.stringMatching(new RegExp(`^${escaped}-[${ALPHABET}]{5}$`));
}
