/**
 * The reconciler's checks of a TaskRun's resource bindings
 * (validate_resources.go at 6c132b937e) and the webhook's check of the
 * PipelineResources it references: each refusal names the TaskRun (or the
 * PipelineResource), the field and what is wrong.
 */
import * as E from 'fp-ts/Either';
import { EMPTY_OBJECTS } from '../../src/input/objects';
import { renderPod } from '../../src/render';
import { validateResourceBindings } from '../../src/resources';
import { bind, contextFor, NS, params, pipelineResource, taskRun, TEST_IMAGES } from './support';

const git = pipelineResource('the-git', { type: 'git', params: params({ url: 'https://x' }) });
const image = pipelineResource('the-image', { type: 'image', params: params({ url: 'gcr.io/x' }) });
const resources = [git, image];
const object = `TaskRun ${NS}/build-from-repo-run`;

function check(tr: Parameters<typeof contextFor>[0], rs = resources) {
  const ctx = contextFor(tr, rs);
  const r = validateResourceBindings(ctx.run, ctx.run.taskSpec);
  return E.isLeft(r) ? r.left : undefined;
}

describe('validateResourceBindings', () => {
  it('accepts bindings that match the declarations', () => {
    const spec = { inputs: { resources: [{ name: 'src', type: 'git' }] }, outputs: { resources: [{ name: 'img', type: 'image' }] } };
    expect(check(taskRun({ taskSpec: spec, inputs: [bind('src', 'the-git')], outputs: [bind('img', 'the-image')] }))).toBeUndefined();
  });

  it('refuses a declared input that is not bound', () => {
    const spec = { inputs: { resources: [{ name: 'src', type: 'git' }, { name: 'docs', type: 'git' }] } };
    expect(check(taskRun({ taskSpec: spec, inputs: [bind('src', 'the-git')] }))).toEqual({
      _tag: 'Invalid',
      object,
      field: 'spec.inputs.resources',
      message: 'the Task declares input resource "docs" but the TaskRun does not bind it',
    });
  });

  it('refuses a declared output that is not bound, even with no output bindings at all', () => {
    const spec = { outputs: { resources: [{ name: 'img', type: 'image' }] } };
    expect(check(taskRun({ taskSpec: spec }))?.field).toBe('spec.outputs.resources');
  });

  it('refuses a binding the Task does not declare, naming the binding', () => {
    const spec = { inputs: { resources: [{ name: 'src', type: 'git' }] } };
    expect(check(taskRun({ taskSpec: spec, inputs: [bind('src', 'the-git'), bind('extra', 'the-git')] }))).toEqual({
      _tag: 'Invalid',
      object,
      field: 'spec.inputs.resources[1]',
      message: 'the TaskRun binds input resource "extra" that the Task does not declare',
    });
  });

  it('refuses an output binding when the Task has no outputs', () => {
    expect(check(taskRun({ taskSpec: { steps: [] }, outputs: [bind('img', 'the-image')] }))?.field).toBe('spec.outputs.resources[0]');
  });

  it('refuses a resource of another type than declared', () => {
    const spec = { outputs: { resources: [{ name: 'src', type: 'git' }, { name: 'img', type: 'git' }] } };
    expect(check(taskRun({ taskSpec: spec, outputs: [bind('src', 'the-git'), bind('img', 'the-image')] }))).toEqual({
      _tag: 'Invalid',
      object,
      field: 'spec.outputs.resources[1]',
      message: 'output resource "img" is declared with type "git" but bound to PipelineResource "the-image" of type "image"',
    });
  });

  it('refuses a referenced PipelineResource the webhook would have rejected, naming it', () => {
    const bad = pipelineResource('bad-storage', { type: 'storage', params: params({ type: 'gcs' }) });
    const spec = { inputs: { resources: [{ name: 'src', type: 'storage' }] } };
    expect(check(taskRun({ taskSpec: spec, inputs: [bind('src', 'bad-storage')] }), [bad])).toEqual({
      _tag: 'Invalid',
      object: `PipelineResource ${NS}/bad-storage`,
      field: 'spec.params',
      message: 'missing field(s): location param',
    });
  });

  it('is applied by a render, before any resource is read', () => {
    const tr = taskRun({ taskSpec: { inputs: { resources: [{ name: 'src', type: 'image' }] }, steps: [{ name: 's', image: 'i', command: ['x'] }] }, inputs: [bind('src', 'the-git')] });
    const pod = renderPod(
      { ...EMPTY_OBJECTS, taskRuns: [tr], pipelineResources: resources, serviceAccounts: [{ metadata: { name: 'default', namespace: NS } }] },
      { config: { images: TEST_IMAGES, imageEntrypoints: {} } },
    );
    expect(E.isLeft(pod) && [pod.left._tag, pod.left.object, pod.left.field]).toEqual(['Invalid', object, 'spec.inputs.resources[0]']);
  });
});

describe('validateResourceBindings: lists, unnamed resources, embedded specs', () => {
  const bad = pipelineResource('bad-storage', { type: 'storage', params: params({ type: 'gcs' }) });
  const webhookError = { _tag: 'Invalid', object: `PipelineResource ${NS}/bad-storage`, field: 'spec.params', message: 'missing field(s): location param' };

  it('names every missing input, in declared order, in the plural', () => {
    const spec = { inputs: { resources: [{ name: 'src', type: 'git' }, { name: 'docs', type: 'git' }, { name: 'site', type: 'git' }] } };
    expect(check(taskRun({ taskSpec: spec, inputs: [bind('src', 'the-git')] }))).toEqual({
      _tag: 'Invalid',
      object,
      field: 'spec.inputs.resources',
      message: 'the Task declares input resources "docs", "site" but the TaskRun does not bind them',
    });
  });

  it('names every undeclared binding in the plural, the field at the first one', () => {
    const spec = { outputs: { resources: [{ name: 'img', type: 'image' }] } };
    expect(check(taskRun({ taskSpec: spec, outputs: [bind('x', 'the-image'), bind('img', 'the-image'), bind('y', 'the-image')] }))).toEqual({
      _tag: 'Invalid',
      object,
      field: 'spec.outputs.resources[0]',
      message: 'the TaskRun binds output resources "x", "y" that the Task does not declare',
    });
  });

  // Tekton's webhooks accept a declared resource and a binding without a name (""): they match each other.
  it('accepts an unnamed declaration bound by an unnamed binding', () => {
    const spec = { inputs: { resources: [{ type: 'git' }] } };
    expect(check(taskRun({ taskSpec: spec, inputs: [{ resourceRef: { name: 'the-git' } }] }))).toBeUndefined();
  });

  it('checks the PipelineResource an unnamed binding references', () => {
    const spec = { inputs: { resources: [{ type: 'storage' }] } };
    expect(check(taskRun({ taskSpec: spec, inputs: [{ resourceRef: { name: 'bad-storage' } }] }), [bad])).toEqual(webhookError);
  });

  // Tekton's validateResources refused this too ("" should be type "image" but was "git").
  // The error names the unnamed binding (index 0) and the PipelineResource it
  // references (this once said spec.inputs.resources[-1] and "the embedded
  // resourceSpec": the lookup compared a missing name with "").
  it('refuses an unnamed declaration bound to another type, naming the binding', () => {
    const spec = { inputs: { resources: [{ type: 'git' }] } };
    const err = check(taskRun({ taskSpec: spec, inputs: [{ resourceRef: { name: 'the-image' } }] }));
    expect(err).toMatchObject({
      _tag: 'Invalid',
      object,
      field: 'spec.inputs.resources[0]',
      message: 'input resource "" is declared with type "git" but bound to PipelineResource "the-image" of type "image"',
    });
  });

  it('refuses an unnamed binding the Task does not declare, quoting the empty name', () => {
    const spec = { inputs: { resources: [{ name: 'src', type: 'git' }] } };
    expect(check(taskRun({ taskSpec: spec, inputs: [bind('src', 'the-git'), { resourceRef: { name: 'the-git' } }] }))).toEqual({
      _tag: 'Invalid',
      object,
      field: 'spec.inputs.resources[1]',
      message: 'the TaskRun binds input resource "" that the Task does not declare',
    });
  });

  it('checks the PipelineResources of output bindings too', () => {
    const spec = { outputs: { resources: [{ name: 'out', type: 'storage' }] } };
    expect(check(taskRun({ taskSpec: spec, outputs: [bind('out', 'bad-storage')] }), [bad])).toEqual(webhookError);
  });

  it('checks every referenced PipelineResource, not only the first', () => {
    const spec = { inputs: { resources: [{ name: 'src', type: 'git' }, { name: 'data', type: 'storage' }] } };
    expect(check(taskRun({ taskSpec: spec, inputs: [bind('src', 'the-git'), bind('data', 'bad-storage')] }), [git, bad])).toEqual(webhookError);
  });

  // An embedded resourceSpec is no PipelineResource object: its binding name (with a dot, no valid object name) is not checked as one.
  it('does not check an embedded resourceSpec as a PipelineResource', () => {
    const spec = { inputs: { resources: [{ name: 'img.v1', type: 'image' }] } };
    const tr = taskRun({ taskSpec: spec, inputs: [{ name: 'img.v1', resourceSpec: { type: 'image', params: params({ url: 'gcr.io/x' }) } }] });
    expect(check(tr)).toBeUndefined();
  });

  it('names an embedded resourceSpec of the wrong type as such', () => {
    const spec = { inputs: { resources: [{ name: 'src', type: 'git' }] } };
    const tr = taskRun({ taskSpec: spec, inputs: [{ name: 'src', resourceSpec: { type: 'image', params: params({ url: 'gcr.io/x' }) } }] });
    expect(check(tr)).toEqual({
      _tag: 'Invalid',
      object,
      field: 'spec.inputs.resources[0]',
      message: 'input resource "src" is declared with type "git" but bound to the embedded resourceSpec of type "image"',
    });
  });
});

describe('resources the controller cannot read', () => {
  it('refuses a build-gcs resource without artifactType (the webhook lets it through), naming the binding', () => {
    const noType = pipelineResource('no-artifact', { type: 'storage', params: params({ type: 'build-gcs', location: 'gs://b/a.zip' }) });
    const tr = taskRun({ taskSpec: { inputs: { resources: [{ name: 'src', type: 'storage' }] }, steps: [{ name: 's', image: 'i', command: ['x'] }] }, inputs: [bind('src', 'no-artifact')] });
    const pod = renderPod(
      { ...EMPTY_OBJECTS, taskRuns: [tr], pipelineResources: [noType], serviceAccounts: [{ metadata: { name: 'default', namespace: NS } }] },
      { config: { images: TEST_IMAGES, imageEntrypoints: {} } },
    );
    expect(E.isLeft(pod) && pod.left).toEqual({
      _tag: 'Refused',
      object,
      field: 'spec.inputs.resources[0]',
      message:
        'PipelineResource "no-artifact" (storage) bound as "src" cannot be used: a build-gcs storage resource needs an "artifactType" param (Archive, Manifest, ZipArchive, TarGzArchive)',
    });
  });
});
