/**
 * What the PipelineRun reconciler looked up and checked before it created
 * anything (pipelinerun.go `reconcile` and resources/pipelinerunresolution.go
 * at 6c132b937e): each refusal, with the object and field where the user
 * fixes it, and each warning about what Tekton let through. Cases follow
 * TestReconcile_InvalidPipelineRuns, TestValidateFrom_Invalid,
 * TestValidateResourceBindings* and TestResolvedConditionCheck_WithResources.
 */
import * as E from 'fp-ts/Either';
import type { TaskpodError } from '../../src/errors';
import type { PipelineTask } from '../../src/model/pipeline';
import { admitPipelineRun } from '../../src/pipeline/expand';
import { resolvePipelineRun, ResolvedPipelineRun } from '../../src/pipeline/resolve';
import { clusterTask, condition, pipeline, pt, resource, resolve, run, task, world } from './builders';

const RUN = 'PipelineRun default/ci-1';
const CI = 'Pipeline default/ci';

function resolved(...docs: unknown[]): E.Either<TaskpodError, ResolvedPipelineRun> {
  const objects = world(...docs);
  return E.chain((admitted: Parameters<typeof resolvePipelineRun>[1]) => resolvePipelineRun(objects, admitted))(admitPipelineRun(objects));
}

/** The refusal, as `{ _tag, object, field, message }`. */
function refusal(...docs: unknown[]): TaskpodError {
  const r = resolved(...docs);
  if (E.isRight(r)) throw new Error('expected a refusal');
  return r.left;
}

/** A Pipeline `ci` declaring `src` (git) with one task `a` reading it as `workspace`. */
const gitInput = (fields: Partial<PipelineTask> = {}) =>
  pipeline([pt('a', { taskRef: { name: 'reader' }, resources: { inputs: [{ name: 'workspace', resource: 'src' }] }, ...fields })], { resources: [{ name: 'src', type: 'git' }] });
const reader = (type = 'git') => task('reader', { inputs: { resources: [{ name: 'workspace', type }] } });
const repo = resource('repo', 'git', { url: 'https://github.com/tektoncd/pipeline' });
const bindSrc = { resources: [{ name: 'src', resourceRef: { name: 'repo' } }] };

describe('what is looked up', () => {
  test('a Pipeline that does not exist (or is in another namespace)', () => {
    const elsewhere = { ...pipeline([pt('a')]), metadata: { name: 'ci', namespace: 'other' } };
    for (const docs of [[run()], [elsewhere, run()]]) {
      expect(refusal(...docs)).toEqual({ _tag: 'Unresolved', object: RUN, field: 'spec.pipelineRef.name', message: 'Pipeline "ci" not found in namespace "default"' });
    }
  });

  test('a Task that does not exist', () => {
    expect(refusal(pipeline([pt('ok'), pt('myspecialtask', { taskRef: { name: 'sometask' } })]), run())).toEqual({
      _tag: 'Unresolved',
      object: CI,
      field: 'spec.tasks[1].taskRef.name',
      message: 'Task "sometask" not found in namespace "default"',
    });
  });

  test('a ClusterTask that does not exist: a namespaced Task of that name does not count', () => {
    expect(refusal(pipeline([pt('a', { taskRef: { name: 'echo', kind: 'ClusterTask' } })]), run())).toEqual({
      _tag: 'Unresolved',
      object: CI,
      field: 'spec.tasks[0].taskRef.name',
      message: 'ClusterTask "echo" not found in the cluster',
    });
  });

  test('a ClusterTask is found by name alone; its kind is kept for the TaskRun', () => {
    const r = resolve(clusterTask('lint'), pipeline([pt('a', { taskRef: { name: 'lint', kind: 'ClusterTask' } }), pt('b', { taskRef: { name: 'echo', kind: 'Task' } })]), run());
    expect(r.tasks.map((t) => [t.taskName, t.taskKind])).toEqual([
      ['lint', 'ClusterTask'],
      ['echo', 'Task'],
    ]);
  });

  test('a Condition that does not exist', () => {
    expect(refusal(pipeline([pt('some-task', { conditions: [{ conditionRef: 'condition-does-not-exist' }] })]), run())).toEqual({
      _tag: 'Unresolved',
      object: CI,
      field: 'spec.tasks[0].conditions[0].conditionRef',
      message: 'Condition "condition-does-not-exist" not found in namespace "default"',
    });
  });

  test('a PipelineResource that does not exist', () => {
    expect(refusal(reader(), gitInput(), run({ resources: [{ name: 'src', resourceRef: { name: 'missing-resource' } }] }))).toEqual({
      _tag: 'Unresolved',
      object: RUN,
      field: 'spec.resources[0].resourceRef.name',
      message: 'PipelineResource "missing-resource" not found in namespace "default"',
    });
  });

  test('an embedded pipelineSpec: the PipelineRun is where a missing Task is fixed', () => {
    const embedded = run({ pipelineRef: undefined, pipelineSpec: { tasks: [pt('a', { taskRef: { name: 'nope' } })] } });
    expect(refusal(embedded)).toMatchObject({ object: RUN, field: 'spec.pipelineSpec.tasks[0].taskRef.name' });
  });
});

describe('what is checked', () => {
  test('the Pipeline as the webhook checked it (a task using an undeclared resource)', () => {
    expect(refusal(pipeline([pt('some-task', { resources: { inputs: [{ name: 'needed-resource', resource: 'a-resource' }] } })]), run())).toEqual({
      _tag: 'Invalid',
      object: CI,
      field: 'spec.resources',
      message: "invalid value: Pipeline declared resources didn't match usage in Tasks: Didn't provide required values: [a-resource]",
    });
  });

  test('bindings that do not match the declared resources: missing, then extra', () => {
    expect(refusal(reader(), gitInput(), run())).toEqual({
      _tag: 'Invalid',
      object: RUN,
      field: 'spec.resources',
      message: "PipelineRun bound resources didn't match Pipeline default/ci: Didn't provide required values: [src]",
    });
    expect(refusal(reader(), repo, gitInput(), run({ resources: [...bindSrc.resources, { name: 'image-resource', resourceRef: { name: 'repo' } }] }))).toMatchObject({
      field: 'spec.resources',
      message: "PipelineRun bound resources didn't match Pipeline default/ci: Provided extra values: [image-resource]",
    });
  });

  test('bindings against an embedded spec name it as "its pipelineSpec"', () => {
    const spec = { resources: [{ name: 'src', type: 'git' }], tasks: [pt('a', { taskRef: { name: 'reader' }, resources: { inputs: [{ name: 'workspace', resource: 'src' }] } })] };
    expect(refusal(reader(), run({ pipelineRef: undefined, pipelineSpec: spec })).message).toBe("PipelineRun bound resources didn't match its pipelineSpec: Didn't provide required values: [src]");
  });

  test('a binding with both a resourceRef and a resourceSpec, and one with neither', () => {
    const both = { name: 'src', resourceRef: { name: 'repo' }, resourceSpec: { type: 'git', params: [{ name: 'url', value: 'https://x' }] } };
    expect(refusal(reader(), repo, gitInput(), run({ resources: [both] }))).toEqual({ _tag: 'Invalid', object: RUN, field: 'spec.resources[0]', message: 'must not set both resourceRef and resourceSpec' });
    expect(refusal(reader(), gitInput(), run({ resources: [{ name: 'src' }] }))).toEqual({
      _tag: 'Invalid',
      object: RUN,
      field: 'spec.resources[0]',
      message: 'missing field(s): resourceRef or resourceSpec',
    });
  });

  test('PipelineRun params whose type differs from the declaration', () => {
    const p = pipeline([pt('some-task')], { params: [{ name: 'some-param', type: 'array' }, { name: 'other', type: 'string' }] });
    expect(refusal(p, run({ params: [{ name: 'some-param', value: 'stringval' }, { name: 'other', value: ['a'] }] }))).toEqual({
      _tag: 'Invalid',
      object: RUN,
      field: 'spec.params',
      message: "parameters have inconsistent types with Pipeline default/ci's parameters: [some-param other]",
    });
  });

  test('from with an ambiguous binding: the input name bound again to another resource', () => {
    // Tekton kept one binding per input name (the last); the first entry reads
    // `from: [build]`, which outputs `src`, but the name now binds `other`.
    const p = pipeline(
      [
        pt('build', { taskRef: { name: 'writer' }, resources: { outputs: [{ name: 'out', resource: 'src' }] } }),
        pt('use', {
          taskRef: { name: 'reader' },
          resources: {
            inputs: [
              { name: 'workspace', resource: 'src', from: ['build'] },
              { name: 'workspace', resource: 'other' },
            ],
          },
        }),
      ],
      { resources: [{ name: 'src', type: 'git' }, { name: 'other', type: 'git' }] },
    );
    const writer = task('writer', { outputs: { resources: [{ name: 'out', type: 'git' }] } });
    const other = resource('other-repo', 'git', { url: 'https://github.com/tektoncd/cli' });
    expect(refusal(reader(), writer, repo, other, p, run({ resources: [...bindSrc.resources, { name: 'other', resourceRef: { name: 'other-repo' } }] }))).toEqual({
      _tag: 'Invalid',
      object: CI,
      field: 'spec.tasks[1].resources.inputs',
      message: 'from is ambiguous: input "workspace" for PipelineTask "use" is bound to "other-repo" but no outputs in PipelineTask "build" are bound to same resource',
    });
  });

  test('from the task itself never gets past the graph check (the reconciler\'s "from itself" message comes too late)', () => {
    const p = pipeline([pt('a', { taskRef: { name: 'rw' }, resources: { inputs: [{ name: 'i', resource: 'src', from: ['a'] }], outputs: [{ name: 'o', resource: 'src' }] } })], {
      resources: [{ name: 'src', type: 'git' }],
    });
    expect(refusal(p, run(bindSrc))).toEqual({
      _tag: 'Invalid',
      object: CI,
      field: 'spec.tasks',
      message: 'invalid value: couldn\'t add link between a and a: Couldn\'t create link from a to a: cycle detected; task "a" depends on itself',
    });
  });

  describe("the pipeline task's params against its Task", () => {
    const needs = (type: string, fields: Record<string, unknown> = {}) => task('needs', { inputs: { params: [{ name: 'some-param', type, ...fields }] } });
    const using = (params?: PipelineTask['params']) => pipeline([pt('some-task', { taskRef: { name: 'needs' }, ...(params !== undefined ? { params } : {}) })]);

    test.each([
      ['missing', needs('string'), undefined, 'missing values for these params which have no default values: [some-param]'],
      ['extra', needs('string', { default: 'd' }), [{ name: 'unknown', value: 'x' }], "didn't need these params but they were provided anyway: [unknown]"],
      ['of the wrong type', needs('array'), [{ name: 'some-param', value: 'stringval' }], "param types don't match the user-specified type: [some-param]"],
    ])('%s', (_name, t, params, problem) => {
      expect(refusal(t, using(params), run())).toEqual({ _tag: 'Invalid', object: CI, field: 'spec.tasks[0].params', message: `invalid input params: ${problem}` });
    });

    test('a param with a default may be left out', () => {
      expect(E.isRight(resolved(needs('string', { default: 'd' }), using(), run()))).toBe(true);
    });
  });

  describe("the pipeline task's resources against its Task", () => {
    test('a resource whose type differs from the Task\'s (Tekton\'s words: "should be" the bound type)', () => {
      expect(refusal(reader('image'), repo, gitInput(), run(bindSrc))).toEqual({
        _tag: 'Invalid',
        object: CI,
        field: 'spec.tasks[0].resources.inputs',
        message: 'invalid input resources: resource "workspace" should be type "git" but was "image"',
      });
    });

    test('a resource the Task declares but the pipeline task does not bind', () => {
      const p = pipeline([pt('a', { taskRef: { name: 'reader' } })]);
      expect(refusal(reader(), p, run())).toEqual({
        _tag: 'Invalid',
        object: CI,
        field: 'spec.tasks[0].resources.inputs',
        message: "invalid input resources: TaskRun's declared resources didn't match usage in Task: Didn't provide required values: [workspace]",
      });
    });

    test('an output the Task does not declare', () => {
      const p = pipeline([pt('a', { resources: { outputs: [{ name: 'extra', resource: 'src' }] } })], { resources: [{ name: 'src', type: 'git' }] });
      expect(refusal(repo, p, run(bindSrc))).toEqual({
        _tag: 'Invalid',
        object: CI,
        field: 'spec.tasks[0].resources.outputs',
        message: "invalid output resources: TaskRun's declared resources didn't match usage in Task: Provided extra values: [extra]",
      });
    });
  });

  test('checks come in the reconciler\'s order: bindings before param types before the Tasks', () => {
    const p = pipeline([pt('a', { taskRef: { name: 'missing' } })], { params: [{ name: 'x', type: 'array' }], resources: [{ name: 'src', type: 'git' }] });
    // src declared but unused: the stored Pipeline is refused before the run is looked at.
    expect(refusal(p, run({ params: [{ name: 'x', value: 's' }] })).field).toBe('spec.resources');
    const used = pipeline([pt('a', { taskRef: { name: 'missing' }, conditions: [{ conditionRef: 'c', resources: [{ name: 'ws', resource: 'src' }] }] })], {
      params: [{ name: 'x', type: 'array' }],
      resources: [{ name: 'src', type: 'git' }],
    });
    expect(refusal(used, run({ params: [{ name: 'x', value: 's' }] }))).toMatchObject({ object: RUN, field: 'spec.resources' });
    expect(refusal(repo, used, run({ ...bindSrc, params: [{ name: 'x', value: 's' }] }))).toMatchObject({ object: RUN, field: 'spec.params' });
    expect(refusal(repo, used, run(bindSrc))).toMatchObject({ object: CI, field: 'spec.tasks[0].taskRef.name' });
  });
});

describe('what is resolved', () => {
  test('condition resources: the Condition\'s name for each, bound to the PipelineRun\'s resource', () => {
    const p = pipeline([pt('mytask1', { conditions: [{ conditionRef: 'always-true', resources: [{ name: 'workspace', resource: 'blah' }] }] })], { resources: [{ name: 'blah', type: 'git' }] });
    const r = resolve(condition('always-true', { resources: [{ name: 'workspace', type: 'git' }] }), repo, p, run({ resources: [{ name: 'blah', resourceRef: { name: 'repo' } }] }));
    expect(r.tasks[0]?.conditions.map((c) => ({ index: c.index, ref: c.guard.conditionRef, resources: c.resources.map((b) => [b.name, b.declared, b.bound.resource.metadata?.name, b.bound.byRef]) }))).toEqual([
      { index: 0, ref: 'always-true', resources: [['workspace', 'blah', 'repo', true]] },
    ]);
  });

  test('an inline resourceSpec becomes a resource named after its binding', () => {
    const r = resolve(reader(), gitInput(), run({ resources: [{ name: 'src', resourceSpec: { type: 'git', params: [{ name: 'url', value: 'https://x' }] } }] }));
    expect(r.resources.get('src')).toEqual({ resource: { metadata: { name: 'src' }, spec: { type: 'git', params: [{ name: 'url', value: 'https://x' }] } }, byRef: false });
  });

  test('labels: the PipelineRun\'s, then the Pipeline\'s, then tekton.dev/pipeline over both; annotations merged likewise', () => {
    const p = pipeline([pt('a')], {}, { labels: { team: 'pipeline-team', shared: 'from-pipeline' }, annotations: { note: 'from-pipeline' } });
    const r = resolve(p, run({}, { labels: { shared: 'from-run', 'tekton.dev/pipeline': 'WillNotBeUsed', own: 'x' }, annotations: { note: 'from-run', keep: 'y' } }));
    expect(r.labels).toEqual({ shared: 'from-pipeline', 'tekton.dev/pipeline': 'ci', own: 'x', team: 'pipeline-team' });
    expect(r.annotations).toEqual({ note: 'from-pipeline', keep: 'y' });
  });

  test('an embedded spec: the PipelineRun is the "Pipeline" (its name in the label)', () => {
    const r = resolve(run({ pipelineRef: undefined, pipelineSpec: { tasks: [pt('a')] } }));
    expect([r.pipelineName, r.specObject, r.specPath, r.labels]).toEqual(['ci-1', RUN, 'spec.pipelineSpec', { 'tekton.dev/pipeline': 'ci-1' }]);
  });

  test('params are substituted into the resolved tasks; the stored spec keeps the variables in nothing else', () => {
    const p = pipeline([pt('a', { taskRef: { name: 'needs' }, params: [{ name: 'v', value: '$(params.rev)' }] })], { params: [{ name: 'rev', default: 'main' }] });
    const r = resolve(task('needs', { inputs: { params: [{ name: 'v' }] } }), p, run({ params: [{ name: 'rev', value: 'v2' }] }));
    expect(r.tasks[0]?.task.params).toEqual([{ name: 'v', value: 'v2' }]);
    // The stored Pipeline's param was typed by the webhook.
    expect(r.spec.params).toEqual([{ name: 'rev', type: 'string', default: 'main' }]);
  });
});

describe('warnings: what Tekton ran although it was probably a mistake', () => {
  test('a Pipeline param with no default that the PipelineRun does not set', () => {
    const p = pipeline([pt('a')], { params: [{ name: 'set', default: 'x' }, { name: 'rev' }] });
    expect(resolve(p, run()).warnings).toEqual([
      {
        object: RUN,
        field: 'spec.params',
        message:
          'no value for param "rev" of Pipeline default/ci (spec.params[1] has no default): Tekton ran the Pipeline with "$(params.rev)" left as literal text in the task params that use it',
      },
    ]);
  });

  test('a PipelineRun param the Pipeline does not declare', () => {
    expect(resolve(pipeline([pt('a')]), run({ params: [{ name: 'extra', value: 'x' }] })).warnings).toEqual([
      { object: RUN, field: 'spec.params[0].name', message: 'Pipeline default/ci declares no param "extra": Tekton ignored it' },
    ]);
  });

  test('a declared resource type that differs from the bound resource (the Task agrees with the resource)', () => {
    const image = resource('app-image', 'image', { url: 'gcr.io/app' });
    const p = pipeline([pt('a', { taskRef: { name: 'reader' }, resources: { inputs: [{ name: 'workspace', resource: 'src' }] } })], { resources: [{ name: 'src', type: 'git' }] });
    expect(resolve(reader('image'), image, p, run({ resources: [{ name: 'src', resourceRef: { name: 'app-image' } }] })).warnings).toEqual([
      {
        object: CI,
        field: 'spec.resources[0].type',
        message: 'declared as type "git", but PipelineRun default/ci-1 binds a resource of type "image" to it (spec.resources[0]); Tekton did not compare the two',
      },
    ]);
  });

  test('none for a clean run', () => {
    expect(resolve(reader(), repo, gitInput(), run(bindSrc)).warnings).toEqual([]);
  });
});
