/**
 * Small defaults for PipelineRun tests, so that each test shows only what
 * differs: a Task `echo` (one step), the ServiceAccount `default`, a
 * Pipeline `ci` and a PipelineRun `ci-1` of it, all in namespace `default`.
 * Documents are plain values, read the way the CLI reads them.
 */
import * as E from 'fp-ts/Either';
import type { TaskpodError } from '../../src/errors';
import type { InputObjects } from '../../src/input/objects';
import type { PipelineTask } from '../../src/model/pipeline';
import { admitPipelineRun, expandPipelineRun, PipelineRunExpansion } from '../../src/pipeline/expand';
import { resolvePipelineRun, ResolvedPipelineRun } from '../../src/pipeline/resolve';
import { objectsOf, serviceAccountDoc, taskDoc } from '../support/objects';

export const NS = 'default';
const API = 'tekton.dev/v1alpha1';

type Fields = Record<string, unknown>;

/** A Task whose one step echoes; `spec` fields replace or add to that. */
export const task = (name: string, spec: Fields = {}, meta: Fields = {}) =>
  taskDoc({ name, namespace: NS, ...meta }, { steps: [{ name: 'echo', image: 'alpine', command: ['echo'] }], ...spec });

/** A ClusterTask like {@link task}. */
export const clusterTask = (name: string, spec: Fields = {}) => ({
  apiVersion: API,
  kind: 'ClusterTask',
  metadata: { name },
  spec: { steps: [{ name: 'echo', image: 'alpine', command: ['echo'] }], ...spec },
});

/** A pipeline task running Task `taskRef` (default `echo`). */
export const pt = (name: string, fields: Partial<PipelineTask> = {}): PipelineTask => ({ name, taskRef: { name: 'echo' }, ...fields });

/** The Pipeline `ci` (or `name`) with these tasks and other spec fields. */
export const pipeline = (tasks: readonly PipelineTask[], spec: Fields = {}, meta: Fields = {}, name = 'ci') => ({
  apiVersion: API,
  kind: 'Pipeline',
  metadata: { name, namespace: NS, ...meta },
  spec: { tasks, ...spec },
});

/** The PipelineRun `ci-1` of Pipeline `ci` as ServiceAccount `default`; `spec` fields replace or add. */
export const run = (spec: Fields = {}, meta: Fields = {}) => ({
  apiVersion: API,
  kind: 'PipelineRun',
  metadata: { name: 'ci-1', namespace: NS, ...meta },
  spec: { pipelineRef: { name: 'ci' }, serviceAccountName: 'default', ...spec },
});

/** A PipelineResource with these params (name: value). */
export const resource = (name: string, type: string, params: Record<string, string> = {}) => ({
  apiVersion: API,
  kind: 'PipelineResource',
  metadata: { name, namespace: NS },
  spec: { type, params: Object.entries(params).map(([n, value]) => ({ name: n, value })) },
});

/** A Condition whose check is `spec.check` (default: alpine running `true`). */
export const condition = (name: string, spec: Fields = {}) => ({
  apiVersion: API,
  kind: 'Condition',
  metadata: { name, namespace: NS },
  spec: { check: { image: 'alpine', command: ['true'] }, ...spec },
});

/** The ServiceAccount `name` (with these Secrets). */
export const sa = (name = 'default', secrets: string[] = []) => serviceAccountDoc(name, NS, secrets);

/** Task `echo` and ServiceAccount `default`: what every run here needs besides its Pipeline. */
export const BASE: readonly unknown[] = [task('echo'), sa()];

/** The objects of these documents plus {@link BASE}. */
export const world = (...docs: unknown[]): InputObjects => objectsOf(...BASE, ...docs);

function fail(e: TaskpodError): never {
  throw new Error(`expected success, got ${e._tag}: ${e.object}: ${e.field}: ${e.message}`);
}

/** The expansion of the PipelineRun among `docs` (plus BASE); a refusal fails the test. */
export function expand(...docs: unknown[]): PipelineRunExpansion {
  const r = expandPipelineRun(world(...docs));
  return E.isRight(r) ? r.right : fail(r.left);
}

/** Why the PipelineRun among `docs` (plus BASE) is refused; success fails the test. */
export function refusal(...docs: unknown[]): TaskpodError {
  const r = expandPipelineRun(world(...docs));
  if (E.isRight(r)) throw new Error(`expected a refusal, got ${r.right.items.length} items`);
  return r.left;
}

/** The PipelineRun among `docs` (plus BASE), admitted and resolved; a refusal fails the test. */
export function resolve(...docs: unknown[]): ResolvedPipelineRun {
  const objects = world(...docs);
  const r = E.chain((admitted: Parameters<typeof resolvePipelineRun>[1]) => resolvePipelineRun(objects, admitted))(admitPipelineRun(objects));
  return E.isRight(r) ? r.right : fail(r.left);
}

/** The names of the created items, kind first: `TaskRun ci-1-build-xxxxx`. */
export const itemNames = (x: PipelineRunExpansion): string[] => x.items.map((i) => `${i.kind} ${String((i.metadata as { name?: unknown }).name)}`);

/** A generated suffix: `-` and five characters of [a-z0-9]. */
export const SUFFIX = '-[a-z0-9]{5}';
