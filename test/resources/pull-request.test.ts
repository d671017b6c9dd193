/**
 * The pullRequest resource. Expected steps follow Tekton's
 * pull_request_resource_test.go at 6c132b937e.
 */
import { addInputResources, addOutputResources, pullRequestResource, resourceReplacements } from '../../src/resources';
import { bind, contextFor, params, pipelineResource, right, suffixed, taskRun, TEST_IMAGES } from './support';

const naming = { seed: 'marshmallow/run', key: 'inputs/pr' };

const step = (name: string, mode: string, env?: unknown) => ({
  name: suffixed(`pr-source-${name}`),
  image: 'override-with-pr:latest',
  command: ['/ko-app/pullrequest-init'],
  args: ['-url', 'https://example.com', '-path', '/workspace', '-mode', mode],
  workingDir: '/workspace',
  ...(env !== undefined ? { env } : {}),
});

const tokenEnv = [{ name: 'GITHUBTOKEN', valueFrom: { secretKeyRef: { name: 'github-creds', key: 'token' } } }];

describe('pullRequest resource', () => {
  const nocreds = pipelineResource('nocreds', { type: 'pullRequest', params: params({ url: 'https://example.com' }) });
  const creds = pipelineResource('creds', {
    type: 'pullRequest',
    params: params({ url: 'https://example.com' }),
    secrets: [{ fieldName: 'githubToken', secretName: 'github-creds', secretKey: 'token' }],
  });

  it.each(['download', 'upload'] as const)('%s step without credentials has no env', (mode) => {
    const r = pullRequestResource(nocreds, TEST_IMAGES.pr);
    const m = mode === 'download' ? r.inputModifier({}, '/workspace', naming) : r.outputModifier({}, '/workspace', naming);
    expect(mode === 'download' ? m.prepend : m.append).toEqual([step('nocreds', mode)]);
    expect(mode === 'download' ? m.append : m.prepend).toEqual([]);
  });

  it.each(['download', 'upload'] as const)('%s step passes the githubToken secret as GITHUBTOKEN', (mode) => {
    const r = pullRequestResource(creds, TEST_IMAGES.pr);
    const m = mode === 'download' ? r.inputModifier({}, '/workspace', naming) : r.outputModifier({}, '/workspace', naming);
    expect(mode === 'download' ? m.prepend : m.append).toEqual([step('creds', mode, tokenEnv)]);
  });

  it('ignores secrets of other fields; the field name matches case-insensitively', () => {
    const r = pullRequestResource(
      pipelineResource('p', {
        type: 'pullRequest',
        params: params({ URL: 'https://example.com' }),
        secrets: [
          { fieldName: 'other', secretName: 's', secretKey: 'k' },
          { fieldName: 'GITHUBTOKEN', secretName: 'github-creds', secretKey: 'token' },
        ],
      }),
      TEST_IMAGES.pr,
    );
    expect(r.inputModifier({}, '/workspace', naming).prepend[0]?.env).toEqual(tokenEnv);
  });

  // NewPullRequestResource: Name is r.Name; a token secret without name or key gives a secretKeyRef of "" and "".
  it('is of type pullRequest; without metadata or secret names, Go zero values; no volumes either way', () => {
    const r = pullRequestResource({ spec: { type: 'pullRequest', params: params({ url: 'https://example.com' }), secrets: [{ fieldName: 'githubToken' }] } }, TEST_IMAGES.pr);
    expect([r.type, r.name]).toEqual(['pullRequest', '']);
    const env = [{ name: 'GITHUBTOKEN', valueFrom: { secretKeyRef: { name: '', key: '' } } }];
    const want = (mode: string) => ({ ...step('', mode, env), name: suffixed('pr-source-') });
    expect(r.inputModifier({}, '/workspace', naming)).toEqual({ prepend: [want('download')], append: [], volumes: [] });
    expect(r.outputModifier({}, '/workspace', naming)).toEqual({ prepend: [], append: [want('upload')], volumes: [] });
  });

  it('downloads before the steps and uploads after them, from the input and output paths', () => {
    const pr = pipelineResource('my-pr', { type: 'pullRequest', params: params({ url: 'https://github.com/o/r/pull/1' }) });
    const spec = {
      inputs: { resources: [{ name: 'pr', type: 'pullRequest' }] },
      outputs: { resources: [{ name: 'pr', type: 'pullRequest' }] },
      steps: [{ name: 'label', image: 'ubuntu' }],
    };
    const ctx = contextFor(taskRun({ taskSpec: spec, inputs: [bind('pr', 'my-pr')], outputs: [bind('pr', 'my-pr')] }), [pr]);
    const afterInputs = right(addInputResources(ctx, ctx.run.taskSpec));
    const steps = right(addOutputResources(ctx, afterInputs)).steps ?? [];
    expect(steps.map((s) => [s.name, s.args])).toEqual([
      [suffixed('create-dir-pr'), ['-args', 'mkdir -p /workspace/output/pr']],
      [suffixed('pr-source-my-pr'), ['-url', 'https://github.com/o/r/pull/1', '-path', '/workspace/pr', '-mode', 'download']],
      ['label', undefined],
      [suffixed('pr-source-my-pr'), ['-url', 'https://github.com/o/r/pull/1', '-path', '/workspace/output/pr', '-mode', 'upload']],
    ]);
    expect(steps[1]?.name).not.toEqual(steps[3]?.name);
    expect(Object.fromEntries(resourceReplacements(ctx.run, ctx.run.taskSpec, 'outputs'))).toEqual({
      'outputs.resources.pr.name': 'my-pr',
      'outputs.resources.pr.type': 'pullRequest',
      'outputs.resources.pr.url': 'https://github.com/o/r/pull/1',
      'inputs.resources.pr.path': '/workspace/pr',
      'outputs.resources.pr.path': '/workspace/output/pr',
    });
  });
});
