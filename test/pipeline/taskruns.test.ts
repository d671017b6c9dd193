/**
 * The TaskRun the PipelineRun controller wrote for a pipeline task
 * (createTaskRun, getTaskrunLabels, getTaskRunTimeout, GetServiceAccountName
 * and WrapSteps at 6c132b937e), field by field. Expected values follow
 * TestReconcile, TestReconcilePropagateLabels, TestGetTaskRunTimeout,
 * TestPipelineRunGetServiceAccountName, TestReconcileWithDeprecatedServiceAccounts
 * and input_output_steps_test.go; the binding order and the `from` paths
 * follow DEVIATIONS.md items 10 and 11.
 */
import type { PipelineRun } from '../../src/model/pipeline';
import { pipelineRunOwnerReference, pipelineTaskRun, serviceAccountFor, taskRunBindings, taskRunLabels, taskRunTimeout, uniqueName } from '../../src/pipeline/taskruns';
import { clusterTask, pipeline, pt, resource, resolve, run, task } from './builders';

const pr = (spec: PipelineRun['spec'] = {}): PipelineRun => ({ metadata: { name: 'pr' }, spec });

describe('taskRunLabels', () => {
  test("the run's labels, then tekton.dev/pipelineRun and tekton.dev/pipelineTask", () => {
    expect(taskRunLabels({ name: 'test-pipeline-run-with-labels', labels: { PipelineRunLabel: 'PipelineRunValue', 'tekton.dev/pipeline': 'test-pipeline' } }, 'hello-world-1')).toEqual({
      PipelineRunLabel: 'PipelineRunValue',
      'tekton.dev/pipeline': 'test-pipeline',
      'tekton.dev/pipelineRun': 'test-pipeline-run-with-labels',
      'tekton.dev/pipelineTask': 'hello-world-1',
    });
  });

  test('no pipeline task name, no pipelineTask label', () => {
    expect(taskRunLabels({ name: 'r', labels: {} }, '')).toEqual({ 'tekton.dev/pipelineRun': 'r' });
  });

  test("a run label named like Tekton's own is overwritten", () => {
    expect(taskRunLabels({ name: 'r', labels: { 'tekton.dev/pipelineRun': 'mine', 'tekton.dev/pipelineTask': 'mine' } }, 't')).toEqual({ 'tekton.dev/pipelineRun': 'r', 'tekton.dev/pipelineTask': 't' });
  });

  test("on the TaskRun: the Pipeline's labels propagated, and the run's annotations", () => {
    const p = pipeline([pt('hello-world-1')], {}, { labels: { team: 'infra' } });
    const r = resolve(p, run({}, { labels: { PipelineRunLabel: 'PipelineRunValue', 'tekton.dev/pipeline': 'WillNotBeUsed' }, annotations: { PipelineRunAnnotation: 'PipelineRunValue' } }));
    const tr = pipelineTaskRun(r, r.tasks[0]!, 'ci-1-hello-world-1-abcde', '/pvc');
    expect(tr.metadata?.labels).toEqual({
      PipelineRunLabel: 'PipelineRunValue',
      'tekton.dev/pipeline': 'ci',
      team: 'infra',
      'tekton.dev/pipelineRun': 'ci-1',
      'tekton.dev/pipelineTask': 'hello-world-1',
    });
    expect(tr.metadata?.annotations).toEqual({ PipelineRunAnnotation: 'PipelineRunValue' });
  });
});

describe('pipelineRunOwnerReference', () => {
  test('the PipelineRun, as controller, blocking deletion; its uid when it has one', () => {
    expect(pipelineRunOwnerReference({ name: 'ci-1', pipelineRun: { metadata: { name: 'ci-1' } } })).toEqual({
      apiVersion: 'tekton.dev/v1alpha1',
      kind: 'PipelineRun',
      name: 'ci-1',
      uid: '',
      controller: true,
      blockOwnerDeletion: true,
    });
    expect(pipelineRunOwnerReference({ name: 'ci-1', pipelineRun: { metadata: { name: 'ci-1', uid: '1234-abcd' } } }).uid).toBe('1234-abcd');
  });
});

describe('serviceAccountFor', () => {
  test.each([
    ['serviceAccountName, and a task entry of serviceAccountNames', { serviceAccountName: 'defaultSA', serviceAccountNames: [{ taskName: 'taskName', serviceAccountName: 'taskSA' }] }, { unknown: 'defaultSA', taskName: 'taskSA' }],
    ['the deprecated fields alone', { serviceAccount: 'deprecatedSA', serviceAccounts: [{ taskName: 'taskName', serviceAccount: 'deprecatedTaskSA' }] }, { unknown: 'deprecatedSA', taskName: 'deprecatedTaskSA' }],
    [
      'both: serviceAccountName over serviceAccount, serviceAccountNames over serviceAccounts',
      {
        serviceAccountName: 'defaultSA',
        serviceAccount: 'deprecatedSA',
        serviceAccountNames: [
          { taskName: 'task1', serviceAccountName: 'task1SA' },
          { taskName: 'task2', serviceAccountName: 'task2SA' },
        ],
        serviceAccounts: [
          { taskName: 'deprecatedTask3', serviceAccount: 'deprecatedTask3SA' },
          { taskName: 'task2', serviceAccount: 'deprecated' },
        ],
      },
      { unknown: 'defaultSA', task1: 'task1SA', task2: 'task2SA', deprecatedTask3: 'deprecatedTask3SA' },
    ],
    ['a task entry over a run-wide name (TestReconcileWithDeprecatedServiceAccounts)', { serviceAccountName: 'wrong-sa', serviceAccounts: [{ taskName: 'task-deprecated-sa-2', serviceAccount: 'sa-2' }] }, { 'task-deprecated-sa-2': 'sa-2' }],
    ['the last entry for a task wins', { serviceAccountNames: [{ taskName: 't', serviceAccountName: 'first' }, { taskName: 't', serviceAccountName: 'last' }] }, { t: 'last', other: '' }],
    ['nothing named: no ServiceAccount', {}, { t: '' }],
  ])('%s', (_name, spec, expected) => {
    for (const [task, sa] of Object.entries(expected)) expect([task, serviceAccountFor(pr(spec), task)]).toEqual([task, sa]);
  });
});

describe('taskRunTimeout', () => {
  test.each([
    [undefined, '1h0m0s'],
    ['20m', '20m0s'],
    ['90m', '1h30m0s'],
    ['1.5h', '1h30m0s'],
    ['500ms', '500ms'],
    ['0s', '0s'],
    ['0', '0s'],
    ['0h0m0s', '0s'],
  ])("the PipelineRun's %j as %j (0 is no timeout)", (timeout, expected) => {
    expect(taskRunTimeout(pr(timeout === undefined ? {} : { timeout }))).toBe(expected);
  });
});

describe('taskRunBindings', () => {
  const repo = resource('repo', 'git', { url: 'https://github.com/kristoff/reindeer' });
  const image = resource('app-image', 'image', { url: 'gcr.io/app' });

  test('inputs and outputs in the order the pipeline task declares them, not sorted (DEVIATIONS.md item 10)', () => {
    const t = task('two-by-two', {
      inputs: { resources: [{ name: 'a-src', type: 'git' }, { name: 'z-img', type: 'image' }] },
      outputs: { resources: [{ name: 'a-out', type: 'git' }, { name: 'z-out', type: 'image' }] },
    });
    const p = pipeline(
      [
        pt('t', {
          taskRef: { name: 'two-by-two' },
          resources: {
            inputs: [
              { name: 'z-img', resource: 'img' },
              { name: 'a-src', resource: 'src' },
            ],
            outputs: [
              { name: 'z-out', resource: 'img' },
              { name: 'a-out', resource: 'src' },
            ],
          },
        }),
      ],
      { resources: [{ name: 'src', type: 'git' }, { name: 'img', type: 'image' }] },
    );
    const r = resolve(t, repo, image, p, run({ resources: [{ name: 'src', resourceRef: { name: 'repo' } }, { name: 'img', resourceRef: { name: 'app-image' } }] }));
    const b = taskRunBindings(r, r.tasks[0]!, '/pvc');
    expect(b.inputs.map((i) => i.name)).toEqual(['z-img', 'a-src']);
    expect(b.outputs).toEqual([
      { name: 'z-out', resourceRef: { name: 'app-image' }, paths: ['/pvc/t/z-out'] },
      { name: 'a-out', resourceRef: { name: 'repo' }, paths: ['/pvc/t/a-out'] },
    ]);
  });

  /** build writes `builtImage`, which deploy reads as `image` (and scan, from build and retag, as `img`). */
  const chain = () => {
    const builder = task('builder', { outputs: { resources: [{ name: 'builtImage', type: 'image' }] } });
    const retagger = task('retagger', { outputs: { resources: [{ name: 'tagged', type: 'image' }] } });
    const deployer = task('deployer', { inputs: { resources: [{ name: 'image', type: 'image' }] } });
    const scanner = task('scanner', { inputs: { resources: [{ name: 'img', type: 'image' }] } });
    const p = pipeline(
      [
        pt('build', { taskRef: { name: 'builder' }, resources: { outputs: [{ name: 'builtImage', resource: 'app' }] } }),
        pt('retag', { taskRef: { name: 'retagger' }, resources: { outputs: [{ name: 'tagged', resource: 'app' }] } }),
        pt('deploy', { taskRef: { name: 'deployer' }, resources: { inputs: [{ name: 'image', resource: 'app', from: ['build'] }] } }),
        pt('scan', { taskRef: { name: 'scanner' }, resources: { inputs: [{ name: 'img', resource: 'app', from: ['build', 'retag'] }] } }),
      ],
      { resources: [{ name: 'app', type: 'image' }] },
    );
    return resolve(builder, retagger, deployer, scanner, image, p, run({ resources: [{ name: 'app', resourceRef: { name: 'app-image' } }] }));
  };

  test("an input from another task reads the path that task's output was copied to (DEVIATIONS.md item 11)", () => {
    const r = chain();
    const [build, , deploy] = r.tasks;
    expect(taskRunBindings(r, build!, '/pvc').outputs).toEqual([{ name: 'builtImage', resourceRef: { name: 'app-image' }, paths: ['/pvc/build/builtImage'] }]);
    // Tekton read /pvc/build/image, which nothing wrote.
    expect(taskRunBindings(r, deploy!, '/pvc').inputs).toEqual([{ name: 'image', resourceRef: { name: 'app-image' }, paths: ['/pvc/build/builtImage'] }]);
  });

  test('from several tasks: one path per task, in from order', () => {
    const r = chain();
    expect(taskRunBindings(r, r.tasks[3]!, '/pvc').inputs).toEqual([{ name: 'img', resourceRef: { name: 'app-image' }, paths: ['/pvc/build/builtImage', '/pvc/retag/tagged'] }]);
  });

  test('a bucket: the same paths under <run>-<namespace>-bucket', () => {
    const r = chain();
    expect(taskRunBindings(r, r.tasks[2]!, 'ci-1-default-bucket').inputs[0]?.paths).toEqual(['ci-1-default-bucket/build/builtImage']);
    expect(taskRunBindings(r, r.tasks[1]!, 'ci-1-default-bucket').outputs[0]?.paths).toEqual(['ci-1-default-bucket/retag/tagged']);
  });

  test('an input not read from another task has no paths; where the names agree Tekton\'s path and ours are one', () => {
    const t = task('rw', { inputs: { resources: [{ name: 'workspace', type: 'git' }] }, outputs: { resources: [{ name: 'workspace', type: 'git' }] } });
    const p = pipeline(
      [
        pt('first', { taskRef: { name: 'rw' }, resources: { inputs: [{ name: 'workspace', resource: 'src' }], outputs: [{ name: 'workspace', resource: 'src' }] } }),
        pt('then', { taskRef: { name: 'rw' }, resources: { inputs: [{ name: 'workspace', resource: 'src', from: ['first'] }], outputs: [{ name: 'workspace', resource: 'src' }] } }),
      ],
      { resources: [{ name: 'src', type: 'git' }] },
    );
    const r = resolve(t, repo, p, run({ resources: [{ name: 'src', resourceRef: { name: 'repo' } }] }));
    expect(taskRunBindings(r, r.tasks[0]!, '/pvc').inputs).toEqual([{ name: 'workspace', resourceRef: { name: 'repo' } }]);
    expect(taskRunBindings(r, r.tasks[1]!, '/pvc')).toEqual({
      inputs: [{ name: 'workspace', resourceRef: { name: 'repo' }, paths: ['/pvc/first/workspace'] }],
      outputs: [{ name: 'workspace', resourceRef: { name: 'repo' }, paths: ['/pvc/then/workspace'] }],
    });
  });

  test('a resource bound by resourceSpec is passed on by its spec (type, params, secrets); by reference, by name only', () => {
    const t = task('rw', { inputs: { resources: [{ name: 'ws', type: 'git' }] }, outputs: { resources: [{ name: 'img', type: 'image' }] } });
    const p = pipeline([pt('a', { taskRef: { name: 'rw' }, resources: { inputs: [{ name: 'ws', resource: 'src' }], outputs: [{ name: 'img', resource: 'out' }] } })], {
      resources: [{ name: 'src', type: 'git' }, { name: 'out', type: 'image' }],
    });
    const spec = { type: 'image', params: [{ name: 'url', value: 'gcr.io/sven' }], secrets: [{ fieldName: 'token', secretName: 's', secretKey: 'k' }] };
    const r = resolve(t, repo, p, run({ resources: [{ name: 'src', resourceRef: { name: 'repo' } }, { name: 'out', resourceSpec: spec }] }));
    expect(taskRunBindings(r, r.tasks[0]!, '/pvc')).toEqual({
      inputs: [{ name: 'ws', resourceRef: { name: 'repo' } }],
      outputs: [{ name: 'img', resourceSpec: spec, paths: ['/pvc/a/img'] }],
    });
  });
});

describe('pipelineTaskRun', () => {
  test("TestReconcile's unit-test-1: params substituted, ref and spec bindings, outputs with paths, no taskRef kind", () => {
    const unitTestTask = task('unit-test-task', {
      inputs: { resources: [{ name: 'workspace', type: 'git' }], params: [{ name: 'foo' }, { name: 'bar' }, { name: 'templatedparam' }] },
      outputs: { resources: [{ name: 'image-to-use', type: 'image' }, { name: 'workspace', type: 'git' }] },
    });
    const params = [
      { name: 'foo', value: 'somethingfun' },
      { name: 'bar', value: '$(params.bar)' },
      { name: 'templatedparam', value: '$(inputs.workspace.$(params.rev-param))' },
    ];
    const p = pipeline(
      [
        pt('unit-test-1', {
          taskRef: { name: 'unit-test-task' },
          params,
          resources: {
            inputs: [{ name: 'workspace', resource: 'git-repo' }],
            outputs: [
              { name: 'image-to-use', resource: 'best-image' },
              { name: 'workspace', resource: 'git-repo' },
            ],
          },
        }),
      ],
      {
        resources: [
          { name: 'git-repo', type: 'git' },
          { name: 'best-image', type: 'image' },
        ],
        params: [
          { name: 'pipeline-param', type: 'string', default: 'somethingdifferent' },
          { name: 'rev-param', type: 'string', default: 'revision' },
          { name: 'bar', type: 'string' },
        ],
      },
    );
    const r = resolve(
      unitTestTask,
      resource('some-repo', 'git', { url: 'https://github.com/kristoff/reindeer' }),
      p,
      run({
        serviceAccountName: 'test-sa',
        resources: [
          { name: 'git-repo', resourceRef: { name: 'some-repo' } },
          { name: 'best-image', resourceSpec: { type: 'image', params: [{ name: 'url', value: 'gcr.io/sven' }] } },
        ],
        params: [{ name: 'bar', value: 'somethingmorefun' }],
      }),
    );
    expect(pipelineTaskRun(r, r.tasks[0]!, 'ci-1-unit-test-1-mz4c7', '/pvc')).toEqual({
      kind: 'TaskRun',
      apiVersion: 'tekton.dev/v1alpha1',
      metadata: {
        name: 'ci-1-unit-test-1-mz4c7',
        namespace: 'default',
        labels: { 'tekton.dev/pipeline': 'ci', 'tekton.dev/pipelineRun': 'ci-1', 'tekton.dev/pipelineTask': 'unit-test-1' },
        ownerReferences: [{ apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineRun', name: 'ci-1', uid: '', controller: true, blockOwnerDeletion: true }],
      },
      spec: {
        inputs: {
          resources: [{ name: 'workspace', resourceRef: { name: 'some-repo' } }],
          params: [
            { name: 'foo', value: 'somethingfun' },
            { name: 'bar', value: 'somethingmorefun' },
            { name: 'templatedparam', value: '$(inputs.workspace.revision)' },
          ],
        },
        outputs: {
          resources: [
            { name: 'image-to-use', resourceSpec: { type: 'image', params: [{ name: 'url', value: 'gcr.io/sven' }] }, paths: ['/pvc/unit-test-1/image-to-use'] },
            { name: 'workspace', resourceRef: { name: 'some-repo' }, paths: ['/pvc/unit-test-1/workspace'] },
          ],
        },
        serviceAccountName: 'test-sa',
        taskRef: { name: 'unit-test-task' },
        timeout: '1h0m0s',
      },
    });
  });

  test('a ClusterTask keeps its kind; the podTemplate and timeout are copied', () => {
    const podTemplate = { nodeSelector: { disk: 'ssd' } };
    const r = resolve(clusterTask('lint'), pipeline([pt('lint', { taskRef: { name: 'lint', kind: 'ClusterTask' } })]), run({ timeout: '20m', podTemplate }));
    expect(pipelineTaskRun(r, r.tasks[0]!, 'x', '/pvc').spec).toEqual({ serviceAccountName: 'default', taskRef: { name: 'lint', kind: 'ClusterTask' }, timeout: '20m0s', podTemplate });
  });

  test('an empty podTemplate is left out; a run without a ServiceAccount gives an empty name', () => {
    const r = resolve(pipeline([pt('a')]), run({ serviceAccountName: undefined, podTemplate: {} }));
    expect(pipelineTaskRun(r, r.tasks[0]!, 'x', '/pvc').spec).toEqual({ serviceAccountName: '', taskRef: { name: 'echo' }, timeout: '1h0m0s' });
  });
});

describe('uniqueName', () => {
  test('<base>-<five characters>, the same every time', () => {
    const a = uniqueName('default/ci-1', 'ci-1-build', 'taskrun/build', new Set());
    expect(a).toMatch(/^ci-1-build-[a-z0-9]{5}$/);
    expect(uniqueName('default/ci-1', 'ci-1-build', 'taskrun/build', new Set())).toBe(a);
  });

  test('a base over 57 characters is cut to 57: 63 characters in all', () => {
    const base = 'test-pipeline-run-task-deprecated-sa-2-task-deprecated-sa-2';
    const name = uniqueName('foo/test-pipeline-run-task-deprecated-sa-2', base, 'taskrun/task-deprecated-sa-2', new Set());
    expect(name).toMatch(/^test-pipeline-run-task-deprecated-sa-2-task-deprecated-sa-[a-z0-9]{5}$/);
    expect(name).toHaveLength(63);
  });

  test('bases that are the same after the cut still get different names', () => {
    const head = 'r-'.padEnd(57, 'x');
    const a = uniqueName('default/r', `${head}-one`, 'taskrun/one', new Set());
    const b = uniqueName('default/r', `${head}-two`, 'taskrun/two', new Set([a]));
    expect(a.slice(0, 57)).toBe(b.slice(0, 57));
    expect(a).not.toBe(b);
  });

  test('a name already taken is never given again', () => {
    const first = uniqueName('s', 'base', 'k', new Set());
    const second = uniqueName('s', 'base', 'k', new Set([first]));
    const third = uniqueName('s', 'base', 'k', new Set([first, second]));
    expect(new Set([first, second, third]).size).toBe(3);
    for (const n of [second, third]) expect(n).toMatch(/^base-[a-z0-9]{5}$/);
  });
});
