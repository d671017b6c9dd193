/**
 * A PipelineRun's expansion explained as a graph: the data (tasks, waves,
 * runAfter and from edges with their storage paths), the text, and the
 * Mermaid flowchart, on the shape of Tekton's
 * examples/pipelineruns/output-pipelinerun.yaml (a task writes its git
 * workspace, the next reads it `from` it) and on small variations.
 */
import { explainPipelineRun, formatPipelineExplanation, pipelineExplanationMermaid, PipelineRunExplanation } from '../../src/explain/pipeline';
import { condition, expand, pipeline, pt, resource, run, task } from './builders';

/** first-create-file writes `workspace`; then-check reads it from first-create-file. */
const outputShape = (...extra: unknown[]) => [
  resource('skaffold-git', 'git', { url: 'https://github.com/GoogleContainerTools/skaffold', revision: 'v0.32.0' }),
  task('create-file', { inputs: { resources: [{ name: 'workspace', type: 'git', targetPath: 'damnworkspace' }] }, outputs: { resources: [{ name: 'workspace', type: 'git' }] } }),
  task('check-stuff-file-exists', { inputs: { resources: [{ name: 'workspace', type: 'git', targetPath: 'newworkspace' }] } }),
  pipeline(
    [
      pt('first-create-file', { taskRef: { name: 'create-file' }, resources: { inputs: [{ name: 'workspace', resource: 'source-repo' }], outputs: [{ name: 'workspace', resource: 'source-repo' }] } }),
      pt('then-check', { taskRef: { name: 'check-stuff-file-exists' }, resources: { inputs: [{ name: 'workspace', resource: 'source-repo', from: ['first-create-file'] }] } }),
    ],
    { resources: [{ name: 'source-repo', type: 'git' }] },
  ),
  run({ resources: [{ name: 'source-repo', resourceRef: { name: 'skaffold-git' } }] }),
  ...extra,
];

const explained = (...docs: unknown[]): PipelineRunExplanation => explainPipelineRun(expand(...docs));

describe('explainPipelineRun', () => {
  test('tasks with their TaskRun, Pod, wave, ServiceAccount and the resources they share', () => {
    const x = explained(...outputShape());
    const [first, then] = x.tasks;
    expect(x.pipelineRun).toEqual({ name: 'ci-1', namespace: 'default' });
    expect(x.pipeline).toBe('Pipeline default/ci');
    expect(x.storage).toEqual({ type: 'pvc', claim: 'ci-1-pvc', basePath: '/pvc' });
    expect(first).toMatchObject({
      name: 'first-create-file',
      task: 'Task default/create-file',
      status: 'succeeded',
      wave: 1,
      serviceAccount: 'default',
      retries: 0,
      conditions: [],
      inputs: [{ name: 'workspace', resource: 'skaffold-git', type: 'git', from: [], paths: [] }],
      outputs: [{ name: 'workspace', resource: 'skaffold-git', type: 'git', from: [], paths: ['/pvc/first-create-file/workspace'] }],
    });
    expect(then).toMatchObject({ name: 'then-check', wave: 2, inputs: [{ name: 'workspace', from: ['first-create-file'], paths: ['/pvc/first-create-file/workspace'] }], outputs: [] });
    expect(first?.pod).toMatch(new RegExp(`^${first?.taskRun}-pod-`));
  });

  test('edges: runAfter, then each from with the resource, both names and the path, task by task in declaration order; waves of TaskRun names', () => {
    const p = pipeline(
      [
        pt('d', { runAfter: ['b', 'c'], retries: 2 }),
        pt('c', { taskRef: { name: 'reader' }, resources: { inputs: [{ name: 'in', resource: 'src', from: ['a'] }] } }),
        pt('b', { runAfter: ['a'] }),
        pt('a', { taskRef: { name: 'writer' }, resources: { outputs: [{ name: 'out', resource: 'src' }] } }),
      ],
      { resources: [{ name: 'src', type: 'git' }] },
    );
    const x = explained(
      task('writer', { outputs: { resources: [{ name: 'out', type: 'git' }] } }),
      task('reader', { inputs: { resources: [{ name: 'in', type: 'git' }] } }),
      resource('repo', 'git', { url: 'https://x' }),
      p,
      run({ resources: [{ name: 'src', resourceRef: { name: 'repo' } }] }),
    );
    expect(x.edges).toEqual([
      { from: 'b', to: 'd', kind: 'runAfter' },
      { from: 'c', to: 'd', kind: 'runAfter' },
      { from: 'a', to: 'c', kind: 'from', resource: 'repo', copied: true, output: 'out', input: 'in', path: '/pvc/a/out' },
      { from: 'a', to: 'b', kind: 'runAfter' },
    ]);
    const trOf = (name: string) => x.tasks.find((t) => t.name === name)!.taskRun;
    expect(x.waves).toEqual([
      { wave: 1, taskRuns: [trOf('a')] },
      { wave: 2, taskRuns: [trOf('c'), trOf('b')] },
      { wave: 3, taskRuns: [trOf('d')] },
    ]);
    expect(x.tasks[0]?.retries).toBe(2);
  });

  test('an edge names the output the input really reads, when the two names differ (DEVIATIONS.md item 11)', () => {
    const x = explained(
      resource('img', 'image', { url: 'gcr.io/app' }),
      task('builder', { outputs: { resources: [{ name: 'builtImage', type: 'image' }] } }),
      task('deployer', { inputs: { resources: [{ name: 'image', type: 'image' }] } }),
      pipeline(
        [
          pt('build', { taskRef: { name: 'builder' }, resources: { outputs: [{ name: 'builtImage', resource: 'app' }] } }),
          pt('deploy', { taskRef: { name: 'deployer' }, resources: { inputs: [{ name: 'image', resource: 'app', from: ['build'] }] } }),
        ],
        { resources: [{ name: 'app', type: 'image' }] },
      ),
      run({ resources: [{ name: 'app', resourceRef: { name: 'img' } }] }),
    );
    // An image resource travels by its fields, not through the PVC: the path is in the TaskRun, nothing copies it.
    expect(x.edges).toEqual([{ from: 'build', to: 'deploy', kind: 'from', resource: 'img', copied: false, output: 'builtImage', input: 'image', path: '/pvc/build/builtImage' }]);
  });

  test('condition checks with their own TaskRun and wave', () => {
    const x = explained(condition('ok'), pipeline([pt('a', { conditions: [{ conditionRef: 'ok' }] })]), run());
    const a = x.tasks[0]!;
    expect(a.wave).toBe(2);
    expect(a.conditions).toEqual([{ condition: 'ok', taskRun: expect.stringMatching(new RegExp(`^${a.taskRun}-ok-[a-z0-9]{5}$`)), pod: expect.any(String), wave: 1 }]);
    expect(x.waves.map((w) => w.taskRuns)).toEqual([[a.conditions[0]?.taskRun], [a.taskRun]]);
  });

  test('a bucket, and a cancelled run (nothing created, no storage, no paths)', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config-artifact-bucket', namespace: 'tekton-pipelines' }, data: { location: 'gs://ci' } };
    expect(explained(...outputShape(cm)).storage).toEqual({ type: 'bucket', location: 'gs://ci', basePath: 'ci-1-default-bucket' });
    const docs = outputShape();
    const cancelled = explained(...docs.slice(0, -1), run({ status: 'PipelineRunCancelled', resources: [{ name: 'source-repo', resourceRef: { name: 'skaffold-git' } }] }));
    expect(cancelled.storage).toBeUndefined();
    expect(cancelled.waves).toEqual([]);
    expect(cancelled.tasks.map((t) => [t.status, t.taskRun, t.outputs.map((o) => o.paths)])).toEqual([
      ['not-run', undefined, [[]]],
      ['not-run', undefined, []],
    ]);
  });
});

describe('formatPipelineExplanation', () => {
  test('the output-pipelinerun shape, line by line', () => {
    const x = explained(...outputShape());
    const [first, then] = x.tasks;
    expect(formatPipelineExplanation(x)).toBe(
      [
        'PipelineRun default/ci-1 of Pipeline default/ci',
        'Artifacts: PersistentVolumeClaim ci-1-pvc, mounted at /pvc by the steps that copy resources between tasks',
        '',
        'Wave 1:',
        '  first-create-file  (Task default/create-file, ServiceAccount default)',
        `    TaskRun ${first?.taskRun}, Pod ${first?.pod}`,
        '    input  workspace <- fetched from git resource skaffold-git',
        '    output workspace -> /pvc/first-create-file/workspace',
        '',
        'Wave 2:',
        '  then-check  (Task default/check-stuff-file-exists, ServiceAccount default)',
        `    TaskRun ${then?.taskRun}, Pod ${then?.pod}`,
        '    input  workspace <- /pvc/first-create-file/workspace (from first-create-file)',
        '',
        'Result: True (Succeeded): All Tasks have completed executing',
        '',
        'Edges:',
        '  first-create-file -> then-check  (skaffold-git: workspace -> workspace via /pvc/first-create-file/workspace)',
        '',
      ].join('\n'),
    );
  });

  test('a guarded task is listed in the wave of its checks; retries, runAfter edges and warnings', () => {
    const x = explained(
      condition('ok'),
      pipeline([pt('a', { conditions: [{ conditionRef: 'ok' }], retries: 3 }), pt('b', { runAfter: ['a'] })]),
      run({ serviceAccountName: undefined, params: [{ name: 'x', value: 'y' }] }),
    );
    const [a, b] = x.tasks;
    expect(formatPipelineExplanation(x)).toBe(
      [
        'PipelineRun default/ci-1 of Pipeline default/ci',
        'Artifacts: PersistentVolumeClaim ci-1-pvc, mounted at /pvc by the steps that copy resources between tasks',
        '',
        'Wave 1:',
        '  a  (Task default/echo, 3 retries)',
        `    condition ok: TaskRun ${a?.conditions[0]?.taskRun} (wave 1), Pod ${a?.conditions[0]?.pod}`,
        `    TaskRun ${a?.taskRun} (wave 2, once its conditions passed), Pod ${a?.pod}`,
        '',
        'Wave 3:',
        '  b  (Task default/echo)',
        `    TaskRun ${b?.taskRun}, Pod ${b?.pod}`,
        '',
        'Result: True (Succeeded): All Tasks have completed executing',
        '',
        'Edges:',
        '  a -> b  (runAfter)',
        '',
        'Warnings:',
        '  PipelineRun default/ci-1: spec.params[0].name: Pipeline default/ci declares no param "x": Tekton ignored it',
        '',
      ].join('\n'),
    );
  });

  test('a cancelled run: no storage, nothing placed in a wave', () => {
    const x = explained(pipeline([pt('a'), pt('b')]), run({ status: 'PipelineRunCancelled' }));
    expect(formatPipelineExplanation(x)).toBe(
      [
        'PipelineRun default/ci-1 of Pipeline default/ci',
        'Artifacts: none (nothing was created)',
        '',
        'Never created: a [not-run], b [not-run]',
        '',
        'Result: False (PipelineRunCancelled): PipelineRun "ci-1" was cancelled',
        '',
        'Warnings:',
        '  PipelineRun default/ci-1: spec.status: the PipelineRun is cancelled: Tekton creates nothing for it',
        '',
      ].join('\n'),
    );
  });

  test('a bucket: where in it', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config-artifact-bucket', namespace: 'tekton-pipelines' }, data: { location: 'gs://ci' } };
    expect(formatPipelineExplanation(explained(...outputShape(cm))).split('\n')[1]).toBe('Artifacts: bucket gs://ci, under gs://ci/ci-1-default-bucket');
  });
});

describe('pipelineExplanationMermaid', () => {
  test('the output-pipelinerun shape: both tasks, one per wave, and the resource edge labelled with its /pvc path', () => {
    const x = explained(...outputShape());
    const [first, then] = x.tasks;
    expect(pipelineExplanationMermaid(x)).toBe(
      [
        'flowchart LR',
        '  subgraph w1["Wave 1"]',
        '    direction TB',
        `    t0["first-create-file<br/>Task default/create-file<br/>${first?.taskRun}"]`,
        '  end',
        '  subgraph w2["Wave 2"]',
        '    direction TB',
        `    t1["then-check<br/>Task default/check-stuff-file-exists<br/>${then?.taskRun}"]`,
        '  end',
        '  t0 -->|"skaffold-git<br/>/pvc/first-create-file/workspace"| t1',
        '  storage[("PVC ci-1-pvc<br/>/pvc")]',
        '',
      ].join('\n'),
    );
  });

  test('condition checks as hexagons that pass to their task; runAfter dotted; tasks not created outside any wave', () => {
    const x = explained(condition('ok'), pipeline([pt('a', { conditions: [{ conditionRef: 'ok' }] }), pt('b', { runAfter: ['a'] })]), run());
    const [a, b] = x.tasks;
    expect(pipelineExplanationMermaid(x)).toBe(
      [
        'flowchart LR',
        '  subgraph w1["Wave 1"]',
        '    direction TB',
        `    t0c0{{"condition ok<br/>${a?.conditions[0]?.taskRun}"}}`,
        '  end',
        '  subgraph w2["Wave 2"]',
        '    direction TB',
        `    t0["a<br/>Task default/echo<br/>${a?.taskRun}"]`,
        '  end',
        '  subgraph w3["Wave 3"]',
        '    direction TB',
        `    t1["b<br/>Task default/echo<br/>${b?.taskRun}"]`,
        '  end',
        '  t0c0 -.->|"passes"| t0',
        '  t0 -.->|"runAfter"| t1',
        '  storage[("PVC ci-1-pvc<br/>/pvc")]',
        '',
      ].join('\n'),
    );
    const cancelled = explained(condition('ok'), pipeline([pt('a', { conditions: [{ conditionRef: 'ok' }] })]), run({ status: 'PipelineRunCancelled' }));
    expect(pipelineExplanationMermaid(cancelled)).toBe(
      [
        'flowchart LR',
        '  t0["a<br/>Task default/echo<br/>not run"]',
        '  t0c0{{"condition ok<br/>not checked"}}',
        '  t0c0 -.->|"passes"| t0',
        '  classDef failed fill:#fdd,stroke:#b00',
        '  classDef skipped fill:#eee,stroke:#888,stroke-dasharray: 4 2',
        '  classDef notrun fill:#fff,stroke:#888,stroke-dasharray: 2 2',
        '  class t0 notrun',
        '',
      ].join('\n'),
    );
  });

  test('quotes and angle brackets in labels become entity codes', () => {
    const x = explained(pipeline([pt('a')]), run());
    const odd: PipelineRunExplanation = { ...x, tasks: [{ ...x.tasks[0]!, task: 'Task default/"<odd>"&' }] };
    expect(pipelineExplanationMermaid(odd)).toContain('Task default/#quot;#lt;odd#gt;#quot;#amp;');
  });
});
