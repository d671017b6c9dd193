/**
 * Inputs with PipelineResources: every resource type (git, pullRequest,
 * image, cluster, storage gcs and build-gcs, cloudEvent) as input and as
 * output, with and without targetPath, bound by resourceRef (to a
 * PipelineResource document) or by an embedded resourceSpec; and TaskRuns
 * owned by a PipelineRun, with PVC or bucket artifact storage.
 */
import fc from 'fast-check';
import { Json, JsonObject, Scenario, scenario } from './taskrun';
import { dnsLabel, nastyText } from './text';

/** The resource types of Tekton at 6c132b937e (storage in its two kinds). */
export const RESOURCE_KINDS = ['git', 'pullRequest', 'image', 'cluster', 'gcs', 'build-gcs', 'cloudEvent'] as const;
/** One of {@link RESOURCE_KINDS}. */
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** The `type` a Task declares for a resource kind. */
export function declaredType(kind: ResourceKind): string {
  return kind === 'gcs' || kind === 'build-gcs' ? 'storage' : kind;
}

type Param = { name: string; value: string };

/** The params (and secrets) of a PipelineResource of this kind, as its spec holds them. */
export function paramsOf(kind: ResourceKind): fc.Arbitrary<{ params: Param[]; secrets?: Json[] }> {
  const url = fc.constantFrom('https://github.com/tektoncd/pipeline', 'git@github.com:o/r.git', 'https://example.com/r b');
  switch (kind) {
    case 'git':
      return fc.record({ url, revision: fc.option(fc.constantFrom('master', 'v0.8.0', 'a1b2c3d', 'refs/pull/1/head'), { nil: undefined }) }).map(({ url: u, revision }) => ({
        params: [{ name: 'url', value: u }, ...(revision !== undefined ? [{ name: 'revision', value: revision }] : [])],
      }));
    case 'pullRequest':
      return fc.record({ n: fc.integer({ min: 1, max: 9999 }), secret: fc.boolean() }).map(({ n, secret }) => ({
        params: [{ name: 'url', value: `https://github.com/tektoncd/pipeline/pull/${n}` }],
        ...(secret ? { secrets: [{ fieldName: 'githubToken', secretName: 'github-secret', secretKey: 'token' }] } : {}),
      }));
    case 'image':
      return fc.record({ url: fc.constantFrom('gcr.io/x/y', 'localhost:5000/img', 'docker.io/library/ubuntu'), digest: fc.option(fc.constant(`sha256:${'b'.repeat(64)}`), { nil: undefined }) }).map(
        ({ url: u, digest }) => ({ params: [{ name: 'url', value: u }, ...(digest !== undefined ? [{ name: 'digest', value: digest }] : [])] }),
      );
    case 'cluster':
      return fc.record({ name: dnsLabel(1, 10), token: fc.boolean(), secret: fc.boolean() }).map(({ name, token, secret }) => ({
        params: [
          { name: 'name', value: name },
          { name: 'url', value: 'https://10.10.10.10' },
          { name: 'username', value: 'admin' },
          ...(token ? [{ name: 'token', value: 'tok' }] : [{ name: 'password', value: 'pw' }]),
          { name: 'cadata', value: 'Y2FkYXRh' },
        ],
        ...(secret ? { secrets: [{ fieldName: 'cadata', secretName: 'cluster-secret', secretKey: 'cadatakey' }] } : {}),
      }));
    case 'gcs':
      return fc.record({ location: fc.constantFrom('gs://bucket/dir', 'gs://bucket/file.zip'), dir: fc.boolean(), secret: fc.boolean() }).map(({ location, dir, secret }) => ({
        params: [{ name: 'type', value: 'gcs' }, { name: 'location', value: location }, ...(dir ? [{ name: 'dir', value: 'y' }] : [])],
        ...(secret ? { secrets: [{ fieldName: 'GOOGLE_APPLICATION_CREDENTIALS', secretName: 'gcs-secret', secretKey: 'key.json' }] } : {}),
      }));
    case 'build-gcs':
      return fc.record({ location: fc.constantFrom('gs://build-crd-tests/archive.tar.gz', 'gs://b/manifest.json'), artifactType: fc.constantFrom('Archive', 'Manifest', 'ZipArchive', 'TarGzArchive') }).map(
        ({ location, artifactType }) => ({ params: [{ name: 'type', value: 'build-gcs' }, { name: 'location', value: location }, { name: 'artifactType', value: artifactType }] }),
      );
    case 'cloudEvent':
      return fc.constantFrom('http://sink.default:8080', 'https://events.example.com/x').map((u) => ({ params: [{ name: 'targetURI', value: u }] }));
  }
}

interface ResourceGen {
  readonly name: string;
  readonly kind: ResourceKind;
  readonly targetPath?: string;
  readonly byRef: boolean;
  readonly spec: { params: Param[]; secrets?: Json[] };
}

function resourcesArb(prefix: string): fc.Arbitrary<ResourceGen[]> {
  const one = fc.constantFrom(...RESOURCE_KINDS).chain((kind) =>
    fc.record({
      name: dnsLabel(1, 16).map((n) => `${prefix}${n}`),
      kind: fc.constant(kind),
      targetPath: fc.option(fc.oneof(fc.constantFrom('src', 'a/b', 'damnworkspace', 'out dir'), nastyText(2).filter((s) => s !== '' && !s.includes('$('))), { nil: undefined, freq: 3 }),
      byRef: fc.boolean(),
      spec: paramsOf(kind),
    }),
  );
  return fc.uniqueArray(one, { maxLength: 3, selector: (r) => r.name.toLowerCase() });
}

/** How the TaskRun relates to a PipelineRun, and where artifacts go. */
export type Ownership = 'none' | 'pvc' | 'bucket';

/** An input with resources, and what was generated. */
export interface ResourceScenario extends Scenario {
  readonly inputs: readonly ResourceGen[];
  readonly outputs: readonly ResourceGen[];
  readonly ownership: Ownership;
}

/**
 * A valid scenario (test/arbitraries/taskrun.ts) plus input and output
 * resources, some steps using `$(inputs|outputs.resources.NAME.path)`, and
 * possibly a PipelineRun owner with PVC or bucket storage.
 */
export function resourceScenario(): fc.Arbitrary<ResourceScenario> {
  return fc
    .record({
      base: scenario({ maxSteps: 3 }),
      inputs: resourcesArb('in-'),
      outputs: resourcesArb('out-'),
      ownership: fc.constantFrom<Ownership>('none', 'pvc', 'bucket'),
      // A PipelineRun name leaves room for Tekton's `-pvc` and `-bucket` suffixes.
      pipelineRun: dnsLabel(1, 50).map((n) => `pr-${n}`),
      bucketSecret: fc.boolean(),
      usePaths: fc.boolean(),
      refer: fc.boolean(),
    })
    .map(({ base, inputs, outputs, ownership, pipelineRun, bucketSecret, usePaths, refer }) => {
      const docs = structuredClone(base.docs);
      const run = docs[0]!;
      const runSpec = run.spec as JsonObject;
      const ns = base.model.namespace;
      const spec = ((runSpec.taskSpec as JsonObject | undefined) ?? (docs.find((d) => d.kind === 'Task' || d.kind === 'ClusterTask')!.spec as JsonObject)) as JsonObject;
      const declare = (rs: readonly ResourceGen[]) =>
        rs.map((r) => ({ name: r.name, type: declaredType(r.kind), ...(r.targetPath !== undefined ? { targetPath: r.targetPath } : {}) }));
      const bind = (rs: readonly ResourceGen[], dir: 'in' | 'out') =>
        rs.map((r) => {
          const spec = { type: declaredType(r.kind), ...r.spec };
          const b: JsonObject = r.byRef ? { name: r.name, resourceRef: { name: `${r.name}-res` } } : { name: r.name, resourceSpec: spec as unknown as JsonObject };
          if (r.byRef) docs.push({ apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineResource', metadata: { name: `${r.name}-res`, namespace: ns }, spec: spec as unknown as JsonObject });
          if (dir === 'in' && usePaths && ownership !== 'none' && (r.kind === 'git' || r.kind === 'gcs' || r.kind === 'build-gcs')) {
            b.paths = [ownership === 'pvc' ? `/pvc/previous-task/${r.name}` : `${pipelineRun}-bucket/previous-task/${r.name}`];
          }
          return b;
        });
      if (inputs.length > 0) spec.inputs = { ...((spec.inputs as JsonObject | undefined) ?? {}), resources: declare(inputs) };
      if (outputs.length > 0) spec.outputs = { resources: declare(outputs) };
      const runInputs = (runSpec.inputs as JsonObject | undefined) ?? {};
      if (inputs.length > 0) runSpec.inputs = { ...runInputs, resources: bind(inputs, 'in') };
      if (outputs.length > 0) runSpec.outputs = { resources: bind(outputs, 'out') };
      // Some steps use the resources' paths.
      if (refer) {
        const steps = spec.steps as JsonObject[];
        const refs = [...inputs.map((r) => `$(inputs.resources.${r.name}.path)`), ...outputs.map((r) => `$(outputs.resources.${r.name}.path)`)];
        if (refs.length > 0) {
          const step = steps.find((s) => s.script === undefined);
          if (step !== undefined) step.args = [...((step.args as Json[] | undefined) ?? []), ...refs];
        }
      }
      if (ownership !== 'none') {
        const meta = run.metadata as JsonObject;
        meta.ownerReferences = [{ apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineRun', name: pipelineRun, uid: '4b3f9c1e-2a5d-4e8b-9f61-0c7a2d13e5b4', controller: true, blockOwnerDeletion: true }];
        meta.labels = { ...((meta.labels as JsonObject | undefined) ?? {}), 'tekton.dev/pipelineRun': pipelineRun, 'tekton.dev/pipelineTask': 'this-task' };
        docs.push({ apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineRun', metadata: { name: pipelineRun, namespace: ns }, spec: { pipelineRef: { name: 'p' } } });
      }
      if (ownership === 'bucket') {
        docs.push({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'config-artifact-bucket', namespace: 'tekton-pipelines' },
          data: { location: 'gs://tekton-artifacts', ...(bucketSecret ? { 'bucket.service.account.secret.name': 'bucket-sa', 'bucket.service.account.secret.key': 'sa.json' } : {}) },
        });
      }
      return { ...base, docs, inputs, outputs, ownership };
    });
}
