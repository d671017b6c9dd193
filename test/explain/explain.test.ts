/**
 * taskpod explain: provenance of the demo fixture's containers, volumes and
 * env vars; the Mermaid text is well formed; the CLI prints each format.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { runCli } from '../helpers/cli';
import { explainPod, explainRender, explanationMermaid, formatExplanation, PodExplanation } from '../../src/explain';
import { collectObjects } from '../../src/input/objects';
import { parseDocuments } from '../../src/input/yaml';

const DEMO = join(__dirname, '..', '..', 'fixtures', 'demo', 'input.yaml');

function demo(): PodExplanation {
  const objects = E.chain((docs: unknown[]) => collectObjects(docs, (i) => `document ${i + 1}`))(parseDocuments(readFileSync(DEMO, 'utf8'), 'input.yaml'));
  if (E.isLeft(objects)) throw new Error(objects.left.message);
  const x = explainRender(objects.right);
  if (E.isLeft(x)) throw new Error(x.left.message);
  return x.right;
}

const cli = (...argv: string[]) => runCli(argv);

describe('explainPod on the demo', () => {
  // The demo is rendered inside each test (work in a describe body is invisible to Stryker).
  test('containers in run order, with what made them', () => {
    const x = demo();
    expect(x.containers.map((c) => [c.list, c.origin])).toEqual([
      ['init', 'credential-init'],
      ['init', 'working-dir'],
      ['init', 'place-tools'],
      ['init', 'script-placement'],
      ['container', 'step'],
      ['container', 'step'],
      ['container', 'sidecar'],
    ]);
    expect(x.containers.map((c) => c.order)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(x.taskRun).toBe('TaskRun default/demo');
    expect(x.task).toBe('embedded taskSpec');
  });

  test('steps are tied to the Task steps, with their wait and post files', () => {
    const x = demo();
    const [greet, build] = x.containers.filter((c) => c.origin === 'step');
    expect(greet).toMatchObject({ name: 'step-greet', step: { index: 0, name: 'greet' }, waitFile: '/builder/downward/ready', postFile: '/builder/tools/0', runs: ['echo', 'hello'] });
    expect(build).toMatchObject({ name: 'step-build', step: { index: 1, name: 'build' }, waitFile: '/builder/tools/0', postFile: '/builder/tools/1' });
    expect(build?.scriptFile).toMatch(/^\/builder\/scripts\/script-2-[a-z0-9]{5}$/);
    expect(build?.why).toContain('running its script');
  });

  test('env vars say where they came from', () => {
    const x = demo();
    const greet = x.containers.find((c) => c.name === 'step-greet')!;
    expect(greet.env).toEqual([
      { name: 'HOME', origin: 'implicit', fromRef: false },
      { name: 'LANG', origin: 'stepTemplate', fromRef: false },
    ]);
    expect(x.containers.find((c) => c.origin === 'sidecar')!.env).toEqual([]);
  });

  test('volumes say what added them and who mounts them', () => {
    const x = demo();
    const byName = new Map(x.volumes.map((v) => [v.name, v]));
    expect([...byName.keys()]).toEqual(['tools', 'downward', 'workspace', 'home', 'place-scripts']);
    expect(byName.get('downward')).toMatchObject({ source: 'downwardAPI', origin: 'tekton', mountedBy: ['step-greet'] });
    expect(byName.get('place-scripts')!.mountedBy).toEqual([expect.stringMatching(/^place-scripts-/), 'step-build']);
  });

  test('without the resolved inputs, names alone still classify the containers', () => {
    const bare = explainPod({ spec: { initContainers: [{ name: 'step-place-tools' }], containers: [{ name: 'step-a' }, { name: 'side' }] } });
    expect(bare.containers.map((c) => c.origin)).toEqual(['place-tools', 'step', 'sidecar']);
    expect(bare.taskRun).toBeUndefined();
  });

  test('resource and artifact steps are recognized by their generated names', () => {
    const bare = explainPod({
      spec: {
        containers: [
          { name: 'step-git-source-src-abcde' },
          { name: 'step-build' },
          { name: 'step-upload-out-fghjk' },
          { name: 'step-source-copy-out-klmnp' },
          { name: 'step-image-digest-exporter-qrstv' },
        ],
      },
    });
    expect(bare.containers.map((c) => [c.origin, c.resource])).toEqual([
      ['resource-download', 'src'],
      ['step', undefined],
      ['resource-upload', 'out'],
      ['artifact-copy', 'out'],
      ['resource-upload', undefined],
    ]);
  });
});

describe('formats', () => {
  test('text lists every container and volume', () => {
    const x = demo();
    const text = formatExplanation(x);
    expect(text).toMatch(/^Pod demo-pod-[0-9a-f]{6} in namespace default\nTaskRun default\/demo, embedded taskSpec\n/);
    for (const c of x.containers) expect(text).toContain(`${c.order + 1}. ${c.name}`);
    expect(text).toContain('waits:  /builder/downward/ready (the tekton.dev/ready annotation');
    expect(text).toContain('\nVolumes:\n');
  });

  test('mermaid: a flowchart whose subgraphs close, nodes are declared before edges use them, labels quoted', () => {
    const x = demo();
    const m = explanationMermaid(x);
    const lines = m.trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart TB');
    let depth = 0;
    const declared = new Set<string>(['init', 'steps', 'sidecars', 'volumes']);
    for (const line of lines.slice(1)) {
      const t = line.trim();
      if (t.startsWith('subgraph ')) depth++;
      else if (t === 'end') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
      const node = /^(\w+)(\[|\{\{|\[\()"/.exec(t);
      if (node !== null) declared.add(node[1]!);
      const edge = /^(\w+) (-->|-\.->|-\.-)(?:\|"[^"]*"\|)? (\w+)$/.exec(t);
      if (edge !== null) {
        expect(declared).toContain(edge[1]);
        expect(declared).toContain(edge[3]);
      }
      // Every label is a quoted string without raw quotes inside.
      for (const q of t.matchAll(/"([^"]*)"/g)) expect(q[1]!.replace(/<br\/>/g, '')).not.toMatch(/[<>]/);
    }
    expect(depth).toBe(0);
    expect(m).toContain('c4 -->|"/builder/tools/0"| c5');
    expect(m).toContain('ready -.->|"/builder/downward/ready"| c4');
  });

  test('mermaid labels escape quotes and angle brackets', () => {
    const m = explanationMermaid({ pod: { name: 'p', namespace: 'n' }, containers: [{ order: 0, name: 'a"<b>', list: 'container', origin: 'sidecar', why: '', image: '', mounts: [], env: [] }], volumes: [] });
    expect(m).toContain('c0["a#quot;#lt;b#gt;<br/>sidecar"]');
  });
});

describe('taskpod explain', () => {
  test('text by default, mermaid, json and yaml on request', async () => {
    const text = await cli('explain', '-f', DEMO);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Pod demo-pod-/);
    const mermaid = await cli('explain', '-o', 'mermaid', '-f', DEMO);
    expect(mermaid.stdout).toMatch(/^flowchart TB\n/);
    const json = await cli('explain', '-o', 'json', '-f', DEMO);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(demo())));
    const yaml = await cli('explain', '-o', 'yaml', '-f', DEMO);
    expect(yaml.stdout).toMatch(/^pod:\n  name: demo-pod-/);
  });

  test('a bad -o is a usage error (exit 2); a refused input exits 1 with one line', async () => {
    const bad = await cli('explain', '-o', 'svg', '-f', DEMO);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('-o takes text, mermaid, json, yaml, not "svg"');
    const missing = await cli('explain', '-f', '/nonexistent/input.yaml');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('taskpod explain: /nonexistent/input.yaml: cannot read: no such file\n');
  });

  test('--help shows the usage and examples', async () => {
    const help = await cli('explain', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: taskpod explain -f FILE');
    expect(help.stdout).toContain('taskpod explain -f fixtures/demo/input.yaml -o mermaid');
  });
});
