/**
 * formatExplanation and explanationMermaid on explanations written here,
 * for the cases real Pods reach only in some combinations: no TaskRun, no
 * volumes, empty groups, a first step that does not wait for the ready
 * file, steps without a wait file or without a Task step, volumes nobody
 * mounts. The expected texts follow the layout both functions document.
 */
import { ContainerExplanation, explanationMermaid, formatExplanation, PodExplanation } from '../../src/explain';

function container(order: number, name: string, fields: Partial<ContainerExplanation> = {}): ContainerExplanation {
  return { order, name, list: 'container', origin: 'step', why: `why ${name}`, image: `image-${order}`, mounts: [], env: [], ...fields };
}

function explanation(containers: ContainerExplanation[], volumes: PodExplanation['volumes'] = []): PodExplanation {
  return { pod: { name: 'p', namespace: 'n' }, containers, volumes };
}

describe('formatExplanation', () => {
  test('without the inputs, a step with only a wait file: no TaskRun line, no empty sections, no Volumes section', () => {
    const x = explanation([container(0, 'step-a', { waitFile: '/builder/tools/4' })]);
    expect(formatExplanation(x)).toBe(
      [
        'Pod p in namespace n',
        '',
        "Steps (start together; each waits for the previous one's post file):",
        ' 1. step-a  [step]',
        '    why step-a',
        '    image:  image-0',
        // Only the ready file gets the note about the annotation.
        '    waits:  /builder/tools/4',
        '',
      ].join('\n'),
    );
  });

  test('groups by what made the container, not by list: a native sidecar is shown among the sidecars with its run-order number', () => {
    const x = explanation([
      container(0, 'step-place-tools', { list: 'init', origin: 'place-tools' }),
      container(1, 'db', { list: 'init', origin: 'sidecar' }),
      container(2, 'step-a', { postFile: '/builder/tools/0', runs: ['make', 'all'] }),
    ]);
    expect(formatExplanation(x)).toBe(
      [
        'Pod p in namespace n',
        '',
        'Init containers (run one after another before any step):',
        ' 1. step-place-tools  [place-tools]',
        '    why step-place-tools',
        '    image:  image-0',
        '',
        "Steps (start together; each waits for the previous one's post file):",
        ' 3. step-a  [step]',
        '    why step-a',
        '    image:  image-2',
        '    runs:   make all',
        '    posts:  /builder/tools/0',
        '',
        'Sidecars (start with the steps; stopped after the last step):',
        ' 2. db  [sidecar]',
        '    why db',
        '    image:  image-1',
        '',
      ].join('\n'),
    );
  });

  test('volumes: names padded to the longest, "none" when no container mounts one', () => {
    const x = explanation(
      [container(0, 'step-a', { mounts: [{ volume: 'cache', mountPath: '/c', readOnly: false }] })],
      [
        { name: 'ws', source: 'emptyDir', origin: 'tekton', why: 'shared', mountedBy: [] },
        { name: 'cache', source: 'emptyDir', origin: 'task', why: 'declared', mountedBy: ['step-a', 'step-b'] },
      ],
    );
    expect(formatExplanation(x).split('\nVolumes:\n')[1]).toBe(
      ['  ws     emptyDir, tekton: shared', '         mounted by: none', '  cache  emptyDir, task: declared', '         mounted by: step-a, step-b', ''].join('\n'),
    );
  });

  test('with the inputs: the TaskRun and the Task after the Pod', () => {
    const x: PodExplanation = { ...explanation([]), taskRun: 'TaskRun ci/r', task: 'Task ci/t' };
    expect(formatExplanation(x)).toBe('Pod p in namespace n\nTaskRun ci/r, Task ci/t\n');
  });
});

describe('explanationMermaid', () => {
  test('steps only: labels name the Task step (or its index, or just "step"); an edge is labelled with the file the next step waits for', () => {
    const x = explanation([
      container(0, 'step-unnamed-0', { step: { index: 0, name: '' }, waitFile: '/builder/tools/9' }),
      container(1, 'step-b', { step: { index: 1, name: 'b' } }),
      container(2, 'step-c', { waitFile: '/builder/tools/1' }),
    ]);
    // The first step does not wait for the ready file: no ready node.
    expect(explanationMermaid(x)).toBe(
      [
        'flowchart TB',
        '  subgraph steps["Steps"]',
        '    direction TB',
        '    c0["step-unnamed-0<br/>step #0"]',
        '    c1["step-b<br/>step b"]',
        '    c2["step-c<br/>step"]',
        '    c0 --> c1',
        '    c1 -->|"/builder/tools/1"| c2',
        '  end',
        '',
      ].join('\n'),
    );
  });

  test('init containers only: a plain chain even when one has a wait file; no init --> steps edge', () => {
    const x = explanation([
      container(0, 'step-credential-initializer-abcde', { list: 'init', origin: 'credential-init' }),
      container(1, 'odd', { list: 'init', origin: 'unknown', waitFile: '/builder/tools/0' }),
    ]);
    expect(explanationMermaid(x)).toBe(
      [
        'flowchart TB',
        '  subgraph init["Init containers"]',
        '    direction TB',
        '    c0["step-credential-initializer-abcde<br/>credential init"]',
        '    c1["odd<br/>unknown"]',
        '    c0 --> c1',
        '  end',
        '',
      ].join('\n'),
    );
  });

  test('sidecars are not chained; they feed the ready annotation the first step waits for', () => {
    const x = explanation([
      container(0, 'step-a', { step: { index: 0, name: 'a' }, waitFile: '/builder/downward/ready' }),
      container(1, 'db', { origin: 'sidecar' }),
      container(2, 'cache', { origin: 'sidecar' }),
    ]);
    expect(explanationMermaid(x)).toBe(
      [
        'flowchart TB',
        '  subgraph steps["Steps"]',
        '    direction TB',
        '    c0["step-a<br/>step a"]',
        '  end',
        '  subgraph sidecars["Sidecars"]',
        '    direction TB',
        '    c1["db<br/>sidecar"]',
        '    c2["cache<br/>sidecar"]',
        '  end',
        '  ready{{"tekton.dev/ready annotation"}}',
        '  sidecars -.->|"ready"| ready',
        '  ready -.->|"/builder/downward/ready"| c0',
        '',
      ].join('\n'),
    );
  });

  test('without sidecars the ready node still feeds the first step, with no edge from sidecars', () => {
    const m = explanationMermaid(explanation([container(0, 'step-a', { step: { index: 0, name: 'a' }, waitFile: '/builder/downward/ready' })]));
    expect(m).toContain('  ready{{"tekton.dev/ready annotation"}}\n  ready -.->|"/builder/downward/ready"| c0\n');
    expect(m).not.toContain('sidecars');
  });

  test('volumes: one node each, a dotted link per mounting container it knows, labels escaped', () => {
    const x = explanation(
      [container(0, 'step-a', { step: { index: 0, name: 'a' } }), container(1, 'step-b', { step: { index: 1, name: 'b' } })],
      [
        { name: 'a&b', source: 'emptyDir', origin: 'unknown', why: '', mountedBy: ['step-b', 'gone', 'step-a'] },
        { name: 'quiet', source: 'secret', origin: 'unknown', why: '', mountedBy: [] },
      ],
    );
    expect(explanationMermaid(x).split('  end\n').slice(1).join('  end\n')).toBe(
      [
        '  subgraph volumes["Volumes"]',
        '    direction LR',
        '    v0[("a#amp;b<br/>emptyDir")]',
        '    v1[("quiet<br/>secret")]',
        '  end',
        // "gone" names no container of the explanation: no link.
        '  c1 -.- v0',
        '  c0 -.- v0',
        '',
      ].join('\n'),
    );
  });
});
