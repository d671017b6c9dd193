/**
 * Input objects for render-level tests: Kubernetes documents as plain
 * values, sorted the way the CLI sorts them.
 */
import * as E from 'fp-ts/Either';
import { collectObjects, InputObjects } from '../../src/input/objects';

/** The objects of these documents (a decoding failure fails the test). */
export function objectsOf(...docs: unknown[]): InputObjects {
  const r = collectObjects(docs, (i) => `document ${i + 1}`);
  if (E.isLeft(r)) throw new Error(`${r.left.object}: ${r.left.field}: ${r.left.message}`);
  return r.right;
}

type Meta = { readonly name?: string; readonly namespace?: string; readonly labels?: Record<string, string>; readonly annotations?: Record<string, string>; readonly generateName?: string };

/** A TaskRun document. */
export const taskRunDoc = (metadata: Meta, spec: Record<string, unknown>) => ({ apiVersion: 'tekton.dev/v1alpha1', kind: 'TaskRun', metadata, spec });
/** A Task document. */
export const taskDoc = (metadata: Meta, spec: Record<string, unknown>) => ({ apiVersion: 'tekton.dev/v1alpha1', kind: 'Task', metadata, spec });
/** A ClusterTask document. */
export const clusterTaskDoc = (name: string, spec: Record<string, unknown>, labels?: Record<string, string>) => ({
  apiVersion: 'tekton.dev/v1alpha1',
  kind: 'ClusterTask',
  metadata: { name, ...(labels !== undefined ? { labels } : {}) },
  spec,
});
/** A ServiceAccount document. */
export const serviceAccountDoc = (name: string, namespace = 'default', secrets: string[] = []) => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name, namespace },
  ...(secrets.length > 0 ? { secrets: secrets.map((s) => ({ name: s })) } : {}),
});
/** A Secret document. */
export const secretDoc = (name: string, type: string, annotations: Record<string, string> = {}, namespace = 'default') => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace, annotations },
  type,
});
