/**
 * The git resource. Expected steps are those of Tekton's
 * TestAddResourceToTask (input_resource_test.go at 6c132b937e), with the
 * random suffixes matched by shape.
 */
import { addInputResources, addOutputResources, gitFields, resourceReplacements } from '../../src/resources';
import { bind, contextFor, params, pipelineResource, right, suffixed, taskRun } from './support';

const theGit = pipelineResource('the-git', { type: 'git', params: params({ Url: 'https://github.com/grafeas/kritis' }) });
const theGitWithBranch = pipelineResource('the-git-with-branch', {
  type: 'git',
  params: params({ Url: 'https://github.com/grafeas/kritis', Revision: 'branch' }),
});
const gitInputs = { resources: [{ name: 'gitspace', type: 'git' }] };
const resources = [theGit, theGitWithBranch];

const gitStep = (resource: string, revision: string, path: string) => ({
  name: suffixed(`git-source-${resource}`),
  image: 'override-with-git:latest',
  command: ['/ko-app/git-init'],
  args: ['-url', 'https://github.com/grafeas/kritis', '-revision', revision, '-path', path],
  workingDir: '/workspace',
  env: [{ name: 'TEKTON_RESOURCE_NAME', value: resource }],
});

describe('git resource as input', () => {
  it('clones the default revision, master, into /workspace/<name>', () => {
    const ctx = contextFor(taskRun({ taskSpec: { inputs: gitInputs }, inputs: [bind('gitspace', 'the-git')] }), resources);
    expect(right(addInputResources(ctx, ctx.run.taskSpec)).steps).toEqual([gitStep('the-git', 'master', '/workspace/gitspace')]);
  });

  it('clones the given revision', () => {
    const ctx = contextFor(taskRun({ taskSpec: { inputs: gitInputs }, inputs: [bind('gitspace', 'the-git-with-branch')] }), resources);
    expect(right(addInputResources(ctx, ctx.run.taskSpec)).steps).toEqual([gitStep('the-git-with-branch', 'branch', '/workspace/gitspace')]);
  });

  it('keeps the declared order when one resource is bound twice, with two different names', () => {
    const spec = { inputs: { resources: [{ name: 'gitspace', type: 'git' }, { name: 'git-duplicate-space', type: 'git' }] } };
    const ctx = contextFor(
      taskRun({ taskSpec: spec, inputs: [bind('gitspace', 'the-git-with-branch'), bind('git-duplicate-space', 'the-git-with-branch')] }),
      resources,
    );
    const steps = right(addInputResources(ctx, ctx.run.taskSpec)).steps ?? [];
    expect(steps).toEqual([
      gitStep('the-git-with-branch', 'branch', '/workspace/gitspace'),
      gitStep('the-git-with-branch', 'branch', '/workspace/git-duplicate-space'),
    ]);
    expect(steps[0]?.name).not.toEqual(steps[1]?.name);
  });

  it('clones into /workspace/<targetPath>, before the Task steps', () => {
    const spec = { inputs: { resources: [{ name: 'gitspace', type: 'git', targetPath: 'go/src/x' }] }, steps: [{ name: 'build', image: 'golang' }] };
    const ctx = contextFor(taskRun({ taskSpec: spec, inputs: [bind('gitspace', 'the-git')] }), resources);
    expect(right(addInputResources(ctx, ctx.run.taskSpec)).steps).toEqual([gitStep('the-git', 'master', '/workspace/go/src/x'), { name: 'build', image: 'golang' }]);
  });
});

describe('git resource as output', () => {
  it('adds only the create-dir step without a PipelineRun', () => {
    const ctx = contextFor(
      taskRun({ taskSpec: { outputs: { resources: [{ name: 'source-workspace', type: 'git' }] } }, outputs: [bind('source-workspace', 'the-git')] }),
      resources,
    );
    const spec = right(addOutputResources(ctx, ctx.run.taskSpec));
    expect(spec.steps).toEqual([
      {
        name: suffixed('create-dir-source-workspace'),
        image: 'override-with-bash-noop:latest',
        command: ['/ko-app/bash'],
        args: ['-args', 'mkdir -p /workspace/output/source-workspace'],
      },
    ]);
    expect(spec.volumes).toBeUndefined();
  });
});

describe('git fields and replacements', () => {
  it('reads params case-insensitively, the last one winning', () => {
    const r = pipelineResource('g', { type: 'git', params: [{ name: 'URL', value: 'a' }, { name: 'url', value: 'b' }, { name: 'REVISION', value: 'v1' }] });
    expect(gitFields(r)).toEqual({ name: 'g', url: 'b', revision: 'v1' });
  });

  it('matches Go EqualFold: the long s folds to s', () => {
    const r = pipelineResource('g', { type: 'git', params: [{ name: 'revi\u017Fion', value: 'v2' }] });
    expect(gitFields(r).revision).toBe('v2');
  });

  // NewGitResource: Name is r.Name, params without a value are "" (the revision then master).
  it('reads a resource without metadata, and params without values, as Go zero values', () => {
    expect(gitFields({ spec: { type: 'git', params: [{ name: 'url' }, { name: 'revision' }] } })).toEqual({ name: '', url: '', revision: 'master' });
  });

  it('exposes name, type, url, revision and the path', () => {
    const ctx = contextFor(taskRun({ taskSpec: { inputs: gitInputs }, inputs: [bind('gitspace', 'the-git')] }), resources);
    expect(Object.fromEntries(resourceReplacements(ctx.run, ctx.run.taskSpec, 'inputs'))).toEqual({
      'inputs.resources.gitspace.name': 'the-git',
      'inputs.resources.gitspace.type': 'git',
      'inputs.resources.gitspace.url': 'https://github.com/grafeas/kritis',
      'inputs.resources.gitspace.revision': 'master',
      'inputs.resources.gitspace.path': '/workspace/gitspace',
    });
  });
});
