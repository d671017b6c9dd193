/**
 * Condition checks (conditionresolution.go and makeConditionCheckContainer at
 * 6c132b937e): the TaskSpec a Condition becomes, and the TaskRun that runs
 * it. Cases follow TestResolvedConditionCheck_ConditionToTaskSpec and
 * TestReconcileWithConditionChecks; each check gets its own condition's
 * params (DEVIATIONS.md item 12) and its resources in declaration order
 * (item 10).
 */
import * as E from 'fp-ts/Either';
import type { PipelineTaskCondition } from '../../src/model/pipeline';
import type { TaskSpec } from '../../src/model/tekton';
import { conditionCheckRun, conditionTaskSpec } from '../../src/pipeline/conditions';
import type { ResolvedPipelineRun } from '../../src/pipeline/resolve';
import { condition, pipeline, pt, resource, resolve, run } from './builders';

const git = resource('pipeline-git', 'git', { url: 'https://github.com/tektoncd/pipeline', revision: 'master' });

/** A run whose one task `t` is guarded by `guards`, with Conditions `docs` and `src` bound to pipeline-git. */
const guarded = (guards: PipelineTaskCondition[], ...docs: unknown[]): ResolvedPipelineRun =>
  resolve(git, ...docs, pipeline([pt('t', { conditions: guards })], { resources: [{ name: 'src', type: 'git' }] }), run({ resources: [{ name: 'src', resourceRef: { name: 'pipeline-git' } }] }));

/** A run whose task uses no resource: the Pipeline declares none. */
const plain = (guards: PipelineTaskCondition[], ...docs: unknown[]): ResolvedPipelineRun => resolve(...docs, pipeline([pt('t', { conditions: guards })]), run());

function taskSpecOf(r: ResolvedPipelineRun, index = 0): TaskSpec {
  const ts = conditionTaskSpec(r.tasks[0]!.conditions[index]!, 'default');
  if (E.isLeft(ts)) throw new Error(ts.left.message);
  return ts.right;
}

describe('conditionTaskSpec', () => {
  test('a named check keeps its name', () => {
    expect(taskSpecOf(plain([{ conditionRef: 'name' }], condition('name', { check: { name: 'foo', image: 'ubuntu' } })))).toEqual({ steps: [{ name: 'foo', image: 'ubuntu' }] });
  });

  test("an unnamed check is condition-check-<condition>; with no params or resources there are no inputs (Tekton's `inputs: {}` prints as nothing here, like every empty struct)", () => {
    expect(taskSpecOf(plain([{ conditionRef: 'bar' }], condition('bar', { check: { image: 'ubuntu', args: ['bar'] } })))).toEqual({
      steps: [{ name: 'condition-check-bar', image: 'ubuntu', args: ['bar'] }],
    });
  });

  test('$(params.x) becomes $(inputs.params.x) in the check; other variables stay', () => {
    const c = condition('bar', {
      params: [
        { name: 'name', type: 'string' },
        { name: 'img', type: 'string' },
      ],
      check: {
        name: '$(params.name)',
        image: '$(params.img)',
        workingDir: '$(params.not.replaced)',
        command: ['test', '-n', '$(params.name)'],
        args: ['$(params.img)', '$(inputs.params.name)'],
        env: [{ name: 'IMG', value: 'is $(params.img)' }],
      },
    });
    expect(taskSpecOf(plain([{ conditionRef: 'bar', params: [{ name: 'name', value: 'n' }, { name: 'img', value: 'i' }] }], c))).toEqual({
      inputs: {
        params: [
          { name: 'name', type: 'string' },
          { name: 'img', type: 'string' },
        ],
      },
      steps: [
        {
          name: '$(inputs.params.name)',
          image: '$(inputs.params.img)',
          workingDir: '$(params.not.replaced)',
          command: ['test', '-n', '$(inputs.params.name)'],
          args: ['$(inputs.params.img)', '$(inputs.params.name)'],
          env: [{ name: 'IMG', value: 'is $(inputs.params.img)' }],
        },
      ],
    });
  });

  test("$(resources.r.field) is the bound resource's field; $(resources.r.path) where the input lands", () => {
    const c = condition('git-check', {
      resources: [{ name: 'git-resource', type: 'git' }],
      check: {
        name: 'name',
        image: 'ubuntu',
        args: ['$(resources.git-resource.revision)', '$(resources.git-resource.url)', '$(resources.git-resource.name)', '$(resources.git-resource.path)', '$(resources.other.path)'],
      },
    });
    expect(taskSpecOf(guarded([{ conditionRef: 'git-check', resources: [{ name: 'git-resource', resource: 'src' }] }], c))).toEqual({
      inputs: { resources: [{ name: 'git-resource', type: 'git' }] },
      steps: [{ name: 'name', image: 'ubuntu', args: ['master', 'https://github.com/tektoncd/pipeline', 'pipeline-git', '/workspace/git-resource', '$(resources.other.path)'] }],
    });
  });

  test('a targetPath moves the path under /workspace', () => {
    const c = condition('file-exists', {
      params: [{ name: 'path' }],
      resources: [{ name: 'workspace', type: 'git', targetPath: 'src' }],
      check: { image: 'alpine', command: ['/bin/sh'], args: ['-c', 'test -f $(resources.workspace.path)/$(params.path)'] },
    });
    const spec = taskSpecOf(guarded([{ conditionRef: 'file-exists', params: [{ name: 'path', value: 'README.md' }], resources: [{ name: 'workspace', resource: 'src' }] }], c));
    expect(spec.steps).toEqual([{ name: 'condition-check-file-exists', image: 'alpine', command: ['/bin/sh'], args: ['-c', 'test -f /workspace/src/$(inputs.params.path)'] }]);
    expect(spec.inputs).toEqual({ resources: [{ name: 'workspace', type: 'git', targetPath: 'src' }], params: [{ name: 'path' }] });
  });
});

describe('conditionCheckRun', () => {
  /** Two conditions of one task with different params: the DEVIATIONS.md item 12 shape. */
  const twoChecks = () => {
    const fileExists = condition('file-exists', {
      params: [{ name: 'path' }],
      resources: [{ name: 'workspace', type: 'git' }],
      check: { image: 'alpine', command: ['test', '-f', '$(resources.workspace.path)/$(params.path)'] },
    });
    const branchIs = condition('branch-is', { params: [{ name: 'branch' }], check: { image: 'alpine/git', command: ['git', 'rev-parse', '$(params.branch)'] } });
    return guarded(
      [
        { conditionRef: 'file-exists', params: [{ name: 'path', value: 'README.md' }], resources: [{ name: 'workspace', resource: 'src' }] },
        { conditionRef: 'branch-is', params: [{ name: 'branch', value: 'main' }] },
      ],
      fileExists,
      branchIs,
    );
  };

  test('each check with its own params (Tekton gave both the last condition\'s) and its own resources', () => {
    const r = twoChecks();
    const t = r.tasks[0]!;
    const [first, second] = t.conditions.map((c, i) => conditionCheckRun(r, t, c, `check-${i}`));
    expect(E.isRight(first!) && first.right.spec?.inputs).toEqual({ resources: [{ name: 'workspace', resourceRef: { name: 'pipeline-git' } }], params: [{ name: 'path', value: 'README.md' }] });
    expect(E.isRight(second!) && second.right.spec?.inputs).toEqual({ params: [{ name: 'branch', value: 'main' }] });
  });

  test('the whole TaskRun: labels with tekton.dev/conditionCheck, the Condition as taskSpec, no outputs (TestReconcileWithConditionChecks)', () => {
    const r = resolve(
      condition('cond-1', { check: { image: 'foo', args: ['bar'] } }),
      pipeline([pt('hello-world-1', { conditions: [{ conditionRef: 'cond-1' }] })]),
      run({ serviceAccountName: 'test-sa', podTemplate: { nodeSelector: { pool: 'checks' } } }, { annotations: { PipelineRunAnnotation: 'PipelineRunValue' } }),
    );
    const t = r.tasks[0]!;
    expect(conditionCheckRun(r, t, t.conditions[0]!, 'ci-1-hello-world-1-9l9zj-cond-1-mz4c7')).toEqual(
      E.right({
        kind: 'TaskRun',
        apiVersion: 'tekton.dev/v1alpha1',
        metadata: {
          name: 'ci-1-hello-world-1-9l9zj-cond-1-mz4c7',
          namespace: 'default',
          labels: {
            'tekton.dev/pipeline': 'ci',
            'tekton.dev/pipelineRun': 'ci-1',
            'tekton.dev/pipelineTask': 'hello-world-1',
            'tekton.dev/conditionCheck': 'ci-1-hello-world-1-9l9zj-cond-1-mz4c7',
          },
          annotations: { PipelineRunAnnotation: 'PipelineRunValue' },
          ownerReferences: [{ apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineRun', name: 'ci-1', uid: '', controller: true, blockOwnerDeletion: true }],
        },
        spec: {
          serviceAccountName: 'test-sa',
          taskSpec: { steps: [{ name: 'condition-check-cond-1', image: 'foo', args: ['bar'] }] },
          timeout: '1h0m0s',
          podTemplate: { nodeSelector: { pool: 'checks' } },
        },
      }),
    );
  });

  test("the pipeline task's ServiceAccount (serviceAccountNames)", () => {
    const r = resolve(condition('c'), pipeline([pt('t', { conditions: [{ conditionRef: 'c' }] })]), run({ serviceAccountNames: [{ taskName: 't', serviceAccountName: 'checker' }] }));
    const t = r.tasks[0]!;
    const check = conditionCheckRun(r, t, t.conditions[0]!, 'n');
    expect(E.isRight(check) && check.right.spec?.serviceAccountName).toBe('checker');
  });

  test('condition resources in the order the condition names them (a map in Tekton)', () => {
    const c = condition('both', { resources: [{ name: 'b', type: 'git' }, { name: 'a', type: 'git' }], check: { image: 'alpine', command: ['true'] } });
    const r = guarded(
      [
        {
          conditionRef: 'both',
          resources: [
            { name: 'b', resource: 'src' },
            { name: 'a', resource: 'src' },
          ],
        },
      ],
      c,
    );
    const t = r.tasks[0]!;
    const check = conditionCheckRun(r, t, t.conditions[0]!, 'n');
    expect(E.isRight(check) && check.right.spec?.inputs?.resources?.map((b) => b.name)).toEqual(['b', 'a']);
  });

  test('an inline resource is passed on by its spec', () => {
    const c = condition('c', { resources: [{ name: 'ws', type: 'git' }] });
    const r = resolve(
      c,
      pipeline([pt('t', { conditions: [{ conditionRef: 'c', resources: [{ name: 'ws', resource: 'src' }] }] })], { resources: [{ name: 'src', type: 'git' }] }),
      run({ resources: [{ name: 'src', resourceSpec: { type: 'git', params: [{ name: 'url', value: 'https://x' }] } }] }),
    );
    const t = r.tasks[0]!;
    const check = conditionCheckRun(r, t, t.conditions[0]!, 'n');
    expect(E.isRight(check) && check.right.spec?.inputs?.resources).toEqual([{ name: 'ws', resourceSpec: { type: 'git', params: [{ name: 'url', value: 'https://x' }] } }]);
  });
});
