/**
 * The cloudEvent resource. Expected values come from Tekton's
 * cloud_event_resource_test.go at 6c132b937e; the refusal is
 * DEVIATIONS.md item 4.
 */
import * as E from 'fp-ts/Either';
import { EMPTY_OBJECTS } from '../../src/input/objects';
import { renderPod } from '../../src/render';
import { addImageDigestExporter, addOutputResources, cloudEventResource } from '../../src/resources';
import { bind, contextFor, NS, params, pipelineResource, right, taskRun, TEST_IMAGES } from './support';

describe('cloudEvent resource', () => {
  const sink = pipelineResource('cloud-event-resource-uri', { type: 'cloudEvent', params: params({ TargetURI: 'http://fake-sink' }) });

  it('exposes name, type and target-uri, and adds no steps of its own', () => {
    const r = right(cloudEventResource(sink));
    expect(Object.fromEntries(r.replacements)).toEqual({ name: 'cloud-event-resource-uri', type: 'cloudEvent', 'target-uri': 'http://fake-sink' });
    expect(r.inputModifier({}, '/workspace/x', { seed: 's', key: 'k' })).toEqual({ prepend: [], append: [], volumes: [] });
  });

  it('is of type cloudEvent, named "" without metadata (Go zero value)', () => {
    const r = right(cloudEventResource({ spec: { type: 'cloudEvent', params: params({ targetURI: 'http://sink' }) } }));
    expect([r.type, r.name, r.replacements.get('name')]).toEqual(['cloudEvent', '', '']);
  });

  it('as an output gets only the create-dir step', () => {
    const ctx = contextFor(taskRun({ taskSpec: { outputs: { resources: [{ name: 'notification', type: 'cloudEvent' }] } }, outputs: [bind('notification', 'cloud-event-resource-uri')] }), [sink]);
    expect((right(addOutputResources(ctx, ctx.run.taskSpec)).steps ?? []).map((s) => s.args)).toEqual([['-args', 'mkdir -p /workspace/output/notification']]);
  });

  it.each([
    ['no parameter', []],
    ['an empty targetURI', params({ targetURI: '' })],
  ])('without a targetURI (%s) is refused, naming the binding and the param', (_name, p) => {
    const noUri = pipelineResource('cloud-event-resource-no-uri', { type: 'cloudEvent', params: p });
    const ctx = contextFor(
      taskRun({ taskSpec: { outputs: { resources: [{ name: 'notification', type: 'cloudEvent' }] } }, outputs: [bind('notification', 'cloud-event-resource-no-uri')] }),
      [noUri],
    );
    const r = addImageDigestExporter(ctx, ctx.run.taskSpec);
    expect(E.isLeft(r) && r.left).toEqual({
      _tag: 'Refused',
      object: `TaskRun ${NS}/build-from-repo-run`,
      field: 'spec.outputs.resources[0]',
      message: 'PipelineResource "cloud-event-resource-no-uri" (cloudEvent) bound as "notification" cannot be used: a cloudEvent resource needs a non-empty "targetURI" param',
    });
  });

  it('without a targetURI is refused by a whole render too (Tekton crashed)', () => {
    const tr = taskRun({
      taskSpec: { outputs: { resources: [{ name: 'notification', type: 'cloudEvent' }] }, steps: [{ name: 's', image: 'busybox', command: ['true'] }] },
      outputs: [bind('notification', 'no-uri')],
    });
    const objects = {
      ...EMPTY_OBJECTS,
      taskRuns: [tr],
      pipelineResources: [pipelineResource('no-uri', { type: 'cloudEvent', params: params({ url: 'http://x' }) })],
      serviceAccounts: [{ metadata: { name: 'default', namespace: NS } }],
    };
    const pod = renderPod(objects, { config: { images: TEST_IMAGES, imageEntrypoints: {} } });
    expect(E.isLeft(pod) && [pod.left._tag, pod.left.field]).toEqual(['Refused', 'spec.outputs.resources[0]']);
  });
});
