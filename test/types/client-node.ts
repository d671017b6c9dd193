/**
 * Type-level checks against `@kubernetes/client-node` (2.0.1, the API's own
 * generated types): the Pod taskpod renders can be handed to a client as a
 * `V1Pod`, and objects a client returns are accepted where taskpod reads
 * them. Checked by `tsc -p test/types` (client-node.test.ts runs it); nothing
 * here runs. `import type` only: client-node is ESM-only and a devDependency.
 */
import type { CoreV1Api, V1ConfigMap, V1Container, V1Pod, V1PodSpec, V1Secret, V1ServiceAccount, V1Volume } from '@kubernetes/client-node';
import * as E from 'fp-ts/Either';
import {
  checkPod,
  collectObjects,
  formatError,
  type Config,
  explainPod,
  credentialFlags,
  renderPod,
  type ConfigMap,
  type Container,
  type InputObjects,
  type Pod,
  type RenderedPod,
  type Secret,
  type ServiceAccount,
  type TaskSpec,
} from '../../src';

declare const objects: InputObjects;
declare function send(pod: V1Pod): void;

// Output: the rendered Pod is a V1Pod, with no cast.
const rendered = renderPod(objects);
if (E.isRight(rendered)) {
  const body: V1Pod = rendered.right;
  send(body);
  const spec: V1PodSpec = rendered.right.spec;
  const first: string = rendered.right.spec.containers[0]!.name; // required by the API, so always there
  void spec, first;
}

// A RenderedPod is still a Pod for every function that reads one.
declare const renderedPod: RenderedPod;
export const asPod: Pod = renderedPod;

// The model's Pod type is not a V1Pod (every field optional, arrays readonly):
// RenderedPod is what says more.
declare const modelPod: Pod;
// @ts-expect-error every field of the Go-struct model is optional; V1Container.name is not
export const notV1: V1Pod = modelPod;

// Input: objects typed by client-node are accepted where taskpod reads them.
declare const livePod: V1Pod; // timestamps are Dates in client-node
export const checked = checkPod(livePod, 'Pod default/run-pod-abcdef');
export const explained = explainPod(livePod);
declare const sidecar: V1Container;
export const spec: TaskSpec = { steps: [{ name: 'a', image: 'busybox' }], sidecars: [sidecar] };
export const container: Container = sidecar;
declare const volume: V1Volume;
export const withVolume: TaskSpec = { steps: [], volumes: [volume] };
declare const secret: V1Secret;
export const flags: string[] = credentialFlags(secret);
export const asSecret: Secret = secret;
declare const serviceAccount: V1ServiceAccount;
export const asServiceAccount: ServiceAccount = serviceAccount;
declare const configMap: V1ConfigMap;
export const asConfigMap: ConfigMap = configMap;
export const inputs: InputObjects = { ...objects, secrets: [secret], serviceAccounts: [serviceAccount], configMaps: [configMap] };

// README.md's controller example, verbatim (test/readme.test.ts checks it is the same text).

// docs: the TaskRun, its Task, ServiceAccount and Secrets as the API returned them
export async function createTaskRunPod(core: CoreV1Api, docs: readonly unknown[], config: Config) {
  const objects = collectObjects(docs, (i) => `object ${i + 1}`);     // sorted by kind, decoded
  const pod = E.chain((o: InputObjects) => renderPod(o, { config }))(objects);
  if (E.isLeft(pod)) throw new Error(formatError(pod.left));          // 'TaskRun ns/run: spec.x: why'
  return core.createNamespacedPod({ namespace: pod.right.metadata.namespace ?? 'default', body: pod.right }); // a V1Pod
}
