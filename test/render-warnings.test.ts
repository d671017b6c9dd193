/**
 * renderTaskRun: the Pod of renderPod and the warnings beside it. Each
 * warning names its object and field; the Pod is Tekton's whatever the
 * warnings say.
 */
import * as E from 'fp-ts/Either';
import { DEFAULT_CONFIG } from '../src/model/config';
import { renderPod, renderTaskRun, RenderOptions, RenderResult } from '../src/render';
import { formatWarning, TaskpodWarning } from '../src/warnings';
import { TEST_IMAGES } from './support/builders';
import { objectsOf, serviceAccountDoc, taskDoc, taskRunDoc } from './support/objects';

const config = { ...DEFAULT_CONFIG, images: TEST_IMAGES };
const NS = 'ci';
const BUCKET_LABEL = 'ConfigMap tekton-pipelines/config-artifact-bucket';

const bucketDoc = (data: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'config-artifact-bucket', namespace: 'tekton-pipelines' },
  data: { location: 'gs://artifacts', ...data },
});
const gitDoc = { apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineResource', metadata: { name: 'src', namespace: NS }, spec: { type: 'git', params: [{ name: 'url', value: 'https://github.com/example/app' }] } };
const owner = [{ apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineRun', name: 'release', controller: true, blockOwnerDeletion: true }];

/** A TaskRun of PipelineRun `release` whose git output is copied to `paths`. */
function copyingRun(paths: readonly string[] | undefined, owned = true) {
  return taskRunDoc({ name: 'build', namespace: NS, ...(owned ? { ownerReferences: owner } : {}) } as never, {
    taskSpec: { outputs: { resources: [{ name: 'src', type: 'git' }] }, steps: [{ name: 'build', image: 'alpine', command: ['true'] }] },
    outputs: { resources: [{ name: 'src', resourceRef: { name: 'src' }, ...(paths !== undefined ? { paths } : {}) }] },
  });
}

function rendered(docs: readonly unknown[], options: RenderOptions = {}): RenderResult {
  const r = renderTaskRun(objectsOf(...docs), { config, ...options });
  if (E.isLeft(r)) throw new Error(`${r.left.object}: ${r.left.field}: ${r.left.message}`);
  return r.right;
}

describe('renderTaskRun and renderPod', () => {
  it('renderPod is the Pod of renderTaskRun', () => {
    const docs = [copyingRun(['release-bucket/build/src']), gitDoc, bucketDoc({ 'bucket.service.account.secret.name': 'sa' }), serviceAccountDoc('default', NS)];
    expect(renderPod(objectsOf(...docs), { config })).toEqual(E.right(rendered(docs).pod));
  });

  it('has no warnings for an ordinary TaskRun', () => {
    expect(rendered([copyingRun(['release-bucket/build/src']), gitDoc, bucketDoc({}), serviceAccountDoc('default', NS)]).warnings).toEqual([]);
  });

  it('refuses what Tekton refused, with no result at all', () => {
    const docs = [copyingRun(['p']), gitDoc, bucketDoc({ 'bucket.service.account.secret.name': 'My_SA', 'bucket.service.account.secret.key': 'k' }), serviceAccountDoc('default', NS)];
    const r = renderTaskRun(objectsOf(...docs), { config });
    expect(E.isLeft(r) && [r.left._tag, r.left.object, r.left.field]).toEqual(['InvalidConfig', BUCKET_LABEL, 'data["bucket.service.account.secret.name"]']);
  });
});

describe('bucket ConfigMap warnings', () => {
  const half = bucketDoc({ 'bucket.service.account.secret.name': 'sa' });
  const halfWarning: TaskpodWarning = {
    object: BUCKET_LABEL,
    field: 'data["bucket.service.account.secret.name"]',
    message: "is set but bucket.service.account.secret.key is not, so Tekton ignored it: the artifact copy steps run gsutil without the secret's credentials",
  };

  it('warns when the TaskRun copies artifacts through the bucket, and renders the copy without credentials', () => {
    const r = rendered([copyingRun(['release-bucket/build/src']), gitDoc, half, serviceAccountDoc('default', NS)]);
    expect(r.warnings).toEqual([halfWarning]);
    const copy = r.pod.spec.containers.find((c) => c.name.startsWith('step-artifact-copy-to-src-'));
    expect(copy?.args?.slice(-2)).toEqual(['-args', 'cp -P -r /workspace/output/src gs://artifacts/release-bucket/build/src']);
    expect(copy?.env).toEqual([{ name: 'HOME', value: '/builder/home' }]);
    expect((r.pod.spec.volumes ?? []).map((v) => v.name)).not.toContain('volume-bucket-sa');
  });

  it('is silent when nothing is copied: no paths, no PipelineRun owner, or PVC storage', () => {
    expect(rendered([copyingRun(undefined), gitDoc, half, serviceAccountDoc('default', NS)]).warnings).toEqual([]);
    expect(rendered([copyingRun(['p'], false), gitDoc, half, serviceAccountDoc('default', NS)]).warnings).toEqual([]);
    const pvc = { ...half, data: { location: '  ', 'bucket.service.account.secret.name': 'sa' } };
    expect(rendered([copyingRun(['p']), gitDoc, pvc, serviceAccountDoc('default', NS)]).warnings).toEqual([]);
  });

  it('warns for a copied input too', () => {
    const run = taskRunDoc({ name: 'deploy', namespace: NS, ownerReferences: owner } as never, {
      taskSpec: { inputs: { resources: [{ name: 'src', type: 'git' }] }, steps: [{ name: 'deploy', image: 'alpine', command: ['true'] }] },
      inputs: { resources: [{ name: 'src', resourceRef: { name: 'src' }, paths: ['release-bucket/build/src'] }] },
    });
    const r = rendered([run, gitDoc, bucketDoc({ 'bucket.service.account.secret.name': 'sa', 'bucket.service.account.secret.key': '' }), serviceAccountDoc('default', NS)]);
    expect(r.warnings).toEqual([
      { object: BUCKET_LABEL, field: 'data["bucket.service.account.secret.key"]', message: "is empty, so GOOGLE_APPLICATION_CREDENTIALS names the secret's directory /var/bucketsecret/sa, not a key file in it" },
    ]);
    const copy = r.pod.spec.containers.find((c) => c.name.startsWith('step-artifact-copy-from-src-'));
    expect(copy?.env).toEqual([
      { name: 'HOME', value: '/builder/home' },
      { name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/var/bucketsecret/sa' },
    ]);
  });
});

describe('sidecar warnings (nop mode)', () => {
  const sidecars = [
    { name: 'quiet', image: 'busybox' },
    { name: 'web', image: 'busybox', command: ['/bin/sh', '-c', 'httpd -f'] },
  ];
  const task = taskDoc({ name: 'serve', namespace: NS }, { steps: [{ name: 'test', image: 'alpine', command: ['true'] }], sidecars });
  const byRef = taskRunDoc({ name: 'serve-run', namespace: NS }, { taskRef: { name: 'serve' } });
  const embedded = taskRunDoc({ name: 'inline-run', namespace: NS }, { taskSpec: { steps: [{ name: 'test', image: 'alpine', command: ['true'] }], sidecars } });

  it('names the Task and the sidecar entry that will not stop', () => {
    const r = rendered([byRef, task, serviceAccountDoc('default', NS)], { nopContains: ['/bin/sh'] });
    expect(r.warnings.map((w) => [w.object, w.field])).toEqual([['Task ci/serve', 'spec.sidecars[1]']]);
    expect(r.warnings[0]?.message).toBe(
      'sidecar "web" will not stop when its image is swapped for the nop image: its command "/bin/sh" resolves to /bin/sh in the nop image ' +
        `${TEST_IMAGES.nop}, so the swap restarts the sidecar running "/bin/sh -c httpd -f" instead of stopping it; the Pod keeps running for as long as that does (tektoncd/pipeline#1347; --sidecars native avoids the swap)`,
    );
  });

  it('names the TaskRun and spec.taskSpec for an embedded Task', () => {
    const r = rendered([embedded, serviceAccountDoc('default', NS)], { nopContains: ['/bin/sh'] });
    expect(r.warnings.map(formatWarning)).toEqual([expect.stringMatching(/^TaskRun ci\/inline-run: spec\.taskSpec\.sidecars\[1\]: sidecar "web" will not stop /)]);
  });

  it("says a sidecar may not stop when the nop image's contents are unknown, and nothing with Tekton's own nop image", () => {
    const unknown = rendered([embedded, serviceAccountDoc('default', NS)], { config: { ...config, images: { ...TEST_IMAGES, nop: 'registry.example.com/nop:1' } } });
    expect(unknown.warnings).toEqual([
      {
        object: 'TaskRun ci/inline-run',
        field: 'spec.taskSpec.sidecars[1]',
        message:
          'sidecar "web" may not stop when its image is swapped for the nop image: its command "/bin/sh" would run inside the nop image, whose contents taskpod does not know (list them with --nop-contains)',
      },
    ]);
    const tekton = rendered([embedded, serviceAccountDoc('default', NS)], { config: DEFAULT_CONFIG });
    expect(tekton.warnings).toEqual([]);
  });

  it('has none in native mode, where nothing is swapped', () => {
    expect(rendered([byRef, task, serviceAccountDoc('default', NS)], { nopContains: ['/bin/sh'], sidecars: 'native' }).warnings).toEqual([]);
  });

  it('lists the inputs\' warnings before the sidecars\'', () => {
    const run = taskRunDoc({ name: 'build', namespace: NS, ownerReferences: owner } as never, {
      taskSpec: {
        outputs: { resources: [{ name: 'src', type: 'git' }] },
        steps: [{ name: 'build', image: 'alpine', command: ['true'] }],
        sidecars,
      },
      outputs: { resources: [{ name: 'src', resourceRef: { name: 'src' }, paths: ['p'] }] },
    });
    const r = rendered([run, gitDoc, bucketDoc({ 'bucket.service.account.secret.key': 'k' }), serviceAccountDoc('default', NS)], { nopContains: ['/bin/sh'] });
    expect(r.warnings.map((w) => w.field)).toEqual(['data["bucket.service.account.secret.key"]', 'spec.taskSpec.sidecars[1]']);
  });
});

describe('renderTaskRun and renderPod, with sidecar warnings', () => {
  const run = taskRunDoc({ name: 'plain', namespace: NS }, { taskSpec: { steps: [{ name: 'test', image: 'alpine', command: ['true'] }], sidecars: [{ name: 'web', image: 'busybox', command: ['/bin/sh'] }] } });

  it('renderPod is the Pod of renderTaskRun, whatever the warnings', () => {
    const r = rendered([run, serviceAccountDoc('default', NS)], { nopContains: ['/bin/sh'] });
    expect(r.warnings).toHaveLength(1);
    expect(renderPod(objectsOf(run, serviceAccountDoc('default', NS)), { config, nopContains: ['/bin/sh'] })).toEqual(E.right(r.pod));
    expect(rendered([run, serviceAccountDoc('default', NS)]).pod).toEqual(r.pod);
  });

});

describe('formatWarning', () => {
  it('writes object, field and message like formatError, leaving out an empty field and escaping control characters', () => {
    expect(formatWarning({ object: 'Task ci/serve', field: 'spec.sidecars[0]', message: 'sidecar "web" will not stop' })).toBe('Task ci/serve: spec.sidecars[0]: sidecar "web" will not stop');
    expect(formatWarning({ object: 'TaskRun ci/run', field: '', message: 'a\nb' })).toBe('TaskRun ci/run: a\\nb');
  });
});
