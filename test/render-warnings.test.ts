/**
 * renderTaskRun: the Pod of renderPod and the warnings beside it. Each
 * warning names its object and field; the Pod is Tekton's whatever the
 * warnings say.
 */
import * as E from 'fp-ts/Either';
import { DEFAULT_CONFIG } from '../src/model/config';
import { renderPod, renderTaskRun, RenderOptions, RenderResult } from '../src/render';
import { formatWarning } from '../src/warnings';
import { TEST_IMAGES } from './support/builders';
import { objectsOf, serviceAccountDoc, taskDoc, taskRunDoc } from './support/objects';

const config = { ...DEFAULT_CONFIG, images: TEST_IMAGES };
const NS = 'ci';
function rendered(docs: readonly unknown[], options: RenderOptions = {}): RenderResult {
  const r = renderTaskRun(objectsOf(...docs), { config, ...options });
  if (E.isLeft(r)) throw new Error(`${r.left.object}: ${r.left.field}: ${r.left.message}`);
  return r.right;
}

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
});

describe('renderTaskRun and renderPod', () => {
  const run = taskRunDoc({ name: 'plain', namespace: NS }, { taskSpec: { steps: [{ name: 'test', image: 'alpine', command: ['true'] }], sidecars: [{ name: 'web', image: 'busybox', command: ['/bin/sh'] }] } });

  it('renderPod is the Pod of renderTaskRun, whatever the warnings', () => {
    const r = rendered([run, serviceAccountDoc('default', NS)], { nopContains: ['/bin/sh'] });
    expect(r.warnings).toHaveLength(1);
    expect(renderPod(objectsOf(run, serviceAccountDoc('default', NS)), { config, nopContains: ['/bin/sh'] })).toEqual(E.right(r.pod));
    expect(rendered([run, serviceAccountDoc('default', NS)]).pod).toEqual(r.pod);
  });

  it('refuses what Tekton refused, with no result at all', () => {
    const r = renderTaskRun(objectsOf(run), { config });
    expect(E.isLeft(r) && [r.left._tag, r.left.field]).toEqual(['Unresolved', 'spec.serviceAccountName']);
  });
});

describe('formatWarning', () => {
  it('writes object, field and message like formatError, leaving out an empty field and escaping control characters', () => {
    expect(formatWarning({ object: 'Task ci/serve', field: 'spec.sidecars[0]', message: 'sidecar "web" will not stop' })).toBe('Task ci/serve: spec.sidecars[0]: sidecar "web" will not stop');
    expect(formatWarning({ object: 'TaskRun ci/run', field: '', message: 'a\nb' })).toBe('TaskRun ci/run: a\\nb');
  });
});
