/**
 * The playground's engine (playground/src/engine.ts) shows what the CLI
 * prints: for every fixture the same Pod (a TaskRun) or List (a
 * PipelineRun), the same YAML and JSON text, the same explanation and
 * diagram, the same warnings and the same refusal; errors say which text
 * (input or config) they are about. For a PipelineRun each TaskRun and Pod
 * is listed with its pipeline task and wave, and each Pod's explanation is
 * what `taskpod explain` prints for its TaskRun.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { runCli } from '../helpers/cli';
import { expandPipelineRun, explainRender, formatError, formatWarning, renderTaskRun } from '../../src';
import { readConfig, readObjects } from '../../src/cli/io';
import { DEFAULT_LIMITS } from '../../src/input/yaml';
import { DEFAULT_OPTIONS, formatObject, OutputItem, PlaygroundOptions, readConfigText, renderTexts, RunOutput } from '../../playground/src/engine';

const fixtures = join(__dirname, '..', '..', 'fixtures');
const names = readdirSync(fixtures).filter((n) => existsSync(join(fixtures, n, 'input.yaml')));
/** The PipelineRun fixtures: their golden output is a List (list.yaml). */
const pipelineNames = names.filter((n) => existsSync(join(fixtures, n, 'list.yaml')));

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'taskpod-playground-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cli = (...argv: string[]) => runCli(argv);

/** `taskpod COMMAND -f input.yaml [--config config.yaml] ARGS...` for texts. */
async function cliOn(input: string, config: string, ...argv: string[]) {
  const dir = mkdtempSync(join(work, 'case-'));
  writeFileSync(join(dir, 'input.yaml'), input);
  writeFileSync(join(dir, 'config.yaml'), config);
  return cli(...argv, '-f', join(dir, 'input.yaml'), '--config', join(dir, 'config.yaml'));
}

const textOf = (name: string, file: string) => (existsSync(join(fixtures, name, file)) ? readFileSync(join(fixtures, name, file), 'utf8') : '');

/** What the CLI prints on standard error for a render's warnings. */
const stderrOf = (out: RunOutput) => out.warnings.map((w) => `taskpod render: warning: ${formatWarning(w)}\n`).join('');

const rendered = (input: string, config = '', options: PlaygroundOptions = DEFAULT_OPTIONS): RunOutput => {
  const out = renderTexts(input, config, options);
  if (E.isLeft(out)) throw new Error(formatError(out.left.error));
  return out.right;
};

const explanationOf = (item: OutputItem | undefined) => {
  const x = item?.explain();
  if (x === undefined || E.isLeft(x)) throw new Error(`no explanation for ${item?.label}`);
  return x.right;
};

interface Meta {
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace: string; readonly labels?: Record<string, string> };
}

test('there are fixtures to compare, of both kinds of run', () => {
  expect(names.length).toBeGreaterThanOrEqual(10);
  expect(names).toContain('demo');
  expect(pipelineNames).toEqual(expect.arrayContaining(['pipeline-demo', 'pipeline-chain-pvc', 'pipeline-fan-in-bucket', 'pipeline-conditions', 'pipeline-embedded-spec', 'pipeline-cluster-task', 'pipeline-service-accounts']));
});

describe.each(names)('fixture %s', (name) => {
  test('the page shows what taskpod render and explain print', async () => {
    const input = textOf(name, 'input.yaml');
    const config = textOf(name, 'config.yaml');
    const out = renderTexts(input, config, DEFAULT_OPTIONS);
    const yaml = await cliOn(input, config, 'render');
    if (E.isLeft(out)) {
      expect(yaml.code).not.toBe(0);
      expect(`taskpod render: ${formatError(out.left.error)}\n`).toBe(yaml.stderr);
      return;
    }
    expect(yaml.code).toBe(0);
    const json = await cliOn(input, config, 'render', '-o', 'json');
    const explain = await cliOn(input, config, 'explain');
    const mermaid = await cliOn(input, config, 'explain', '-o', 'mermaid');
    // The warnings are the CLI's lines on standard error.
    expect(stderrOf(out.right)).toBe(yaml.stderr);
    const printed = JSON.parse(json.stdout) as { kind: string; items?: Meta[] };
    const [first, ...more] = out.right.items;
    if (printed.kind === 'List') {
      // A PipelineRun: the List first, byte for byte, then each of its items.
      expect(out.right.kind).toBe('PipelineRun');
      expect(first?.kind).toBe('List');
      expect(formatObject(first?.value, 'yaml')).toBe(yaml.stdout);
      expect(formatObject(first?.value, 'json')).toBe(json.stdout);
      expect(yaml.stdout).toBe(textOf(name, 'list.yaml'));
      expect(out.right.created).toBe(printed.items?.length);
      expect(more.map((i) => JSON.parse(JSON.stringify(i.value)) as unknown)).toEqual(printed.items);
      expect(more.map((i) => i.label)).toEqual(printed.items?.map((i) => `${i.kind} ${i.metadata.namespace}/${i.metadata.name}`));
      expect(explanationOf(first).text).toBe(explain.stdout);
      expect(explanationOf(first).mermaid).toBe(mermaid.stdout);
      // The PVC and the TaskRuns show the run's explanation too; a Pod its own.
      for (const item of more.filter((i) => i.kind !== 'Pod')) expect(explanationOf(item)).toBe(explanationOf(first));
    } else {
      expect(out.right.kind).toBe('TaskRun');
      expect(more).toEqual([]);
      expect(first?.kind).toBe('Pod');
      expect(first?.note).toBe('');
      expect(out.right.created).toBe(1);
      expect(formatObject(first?.value, 'yaml')).toBe(yaml.stdout);
      expect(formatObject(first?.value, 'json')).toBe(json.stdout);
      expect(first?.label).toBe(`Pod ${(printed as unknown as Meta).metadata.namespace}/${(printed as unknown as Meta).metadata.name}`);
      expect(explanationOf(first).text).toBe(explain.stdout);
      expect(explanationOf(first).mermaid).toBe(mermaid.stdout);
    }
  });
});

describe.each(pipelineNames)('PipelineRun fixture %s', (name) => {
  const input = textOf(name, 'input.yaml');
  const config = textOf(name, 'config.yaml');

  test('each TaskRun and its Pod are listed with their pipeline task and wave, condition checks marked', async () => {
    const out = rendered(input, config);
    const graph = JSON.parse((await cliOn(input, config, 'explain', '-o', 'json')).stdout) as { waves: { wave: number; taskRuns: string[] }[] };
    const waveOf = new Map(graph.waves.flatMap((w) => w.taskRuns.map((t) => [t, w.wave] as const)));
    const items = out.items.slice(1);
    expect(out.items[0]?.note).toBe(`everything created, ${items.length} items`);
    for (const item of items.filter((i) => i.kind === 'PersistentVolumeClaim')) expect([item.note, item.wave]).toEqual(['artifact storage', undefined]);
    const runs = items.filter((i) => i.kind === 'TaskRun');
    expect(runs.length).toBe(graph.waves.flatMap((w) => w.taskRuns).length);
    for (const run of runs) {
      const { metadata } = run.value as Meta;
      const task = metadata.labels?.['tekton.dev/pipelineTask'];
      const check = metadata.labels?.['tekton.dev/conditionCheck'];
      const wave = waveOf.get(metadata.name);
      expect(run.wave).toBe(wave);
      expect(run.note).toMatch(check === undefined ? `task ${task}, wave ${wave}` : new RegExp(`^condition check \\S+ of task ${task}, wave ${wave}$`));
      // Its Pod follows it, and says the same.
      const pod = items[items.indexOf(run) + 1];
      expect([pod?.kind, (pod?.value as Meta).metadata.labels?.['tekton.dev/taskRun'], pod?.note, pod?.wave]).toEqual(['Pod', metadata.name, run.note, wave]);
    }
  });

  test("each Pod's explanation is what taskpod explain prints for its TaskRun", async () => {
    const out = rendered(input, config);
    const pods = out.items.filter((i) => i.kind === 'Pod');
    expect(pods.length).toBeGreaterThan(0);
    for (const pod of pods) {
      // The TaskRun as printed, beside the input: the CLI then renders that TaskRun.
      const taskRun = out.items[out.items.indexOf(pod) - 1];
      const withRun = `${input}\n---\n${formatObject(taskRun?.value, 'json')}`;
      expect(formatObject(pod.value, 'json')).toBe((await cliOn(withRun, config, 'render', '-o', 'json')).stdout);
      expect(explanationOf(pod).text).toBe((await cliOn(withRun, config, 'explain')).stdout);
      expect(explanationOf(pod).mermaid).toBe((await cliOn(withRun, config, 'explain', '-o', 'mermaid')).stdout);
    }
  });
});

test("the TaskRun's Pod and explanation are the library's own values", () => {
  const objects = readObjects([join(fixtures, 'demo', 'input.yaml')], DEFAULT_LIMITS);
  const config = readConfig(undefined, DEFAULT_LIMITS);
  if (E.isLeft(objects) || E.isLeft(config)) throw new Error('the demo does not read');
  const out = rendered(textOf('demo', 'input.yaml'));
  const r = renderTaskRun(objects.right, { config: config.right });
  expect(out.items[0]?.value).toEqual(E.isRight(r) && r.right.pod);
  expect(out.warnings).toEqual(E.isRight(r) && r.right.warnings);
  const explanation = explainRender(objects.right, { config: config.right });
  expect(E.isRight(explanation) && explanation.right.containers.length).toBeGreaterThan(0);
  // Asked for twice, made once.
  expect(out.items[0]?.explain()).toBe(out.items[0]?.explain());
  expect(out.run).toBe('TaskRun default/demo');
});

test("the PipelineRun's List and items are expandPipelineRun's own values", () => {
  const objects = readObjects([join(fixtures, 'pipeline-demo', 'input.yaml')], DEFAULT_LIMITS);
  const config = readConfig(undefined, DEFAULT_LIMITS);
  if (E.isLeft(objects) || E.isLeft(config)) throw new Error('the pipeline demo does not read');
  const x = expandPipelineRun(objects.right, { config: config.right });
  if (E.isLeft(x)) throw new Error(formatError(x.left));
  const out = rendered(textOf('pipeline-demo', 'input.yaml'));
  expect(out.run).toBe(x.right.run.object);
  expect(out.items[0]?.value).toEqual({ apiVersion: 'v1', kind: 'List', items: x.right.items });
  expect(out.items.slice(1).map((i) => i.value)).toEqual(x.right.items);
  expect(out.warnings).toEqual(x.right.warnings);
  expect(out.items.map((i) => i.kind)).toEqual(['List', 'PersistentVolumeClaim', 'TaskRun', 'Pod', 'TaskRun', 'Pod', 'TaskRun', 'Pod']);
  expect(out.items.map((i) => i.note)).toEqual([
    'everything created, 7 items',
    'artifact storage',
    'task test, wave 1',
    'task test, wave 1',
    'task package, wave 2',
    'task package, wave 2',
    'task publish, wave 3',
    'task publish, wave 3',
  ]);
});

const RISKY = `apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: risky, namespace: ci}
spec:
  taskSpec:
    steps:
    - {name: shell, image: busybox, command: [/bin/sh, -c, 'true']}
    sidecars:
    - {name: web, image: busybox, command: [/bin/sh, -c, 'sleep 1000']}
    - {name: quiet, image: busybox, command: [/usr/bin/quiet]}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: ci}
`;

/** A PipelineRun whose one task runs RISKY's Task. */
const RISKY_PIPELINE = `apiVersion: tekton.dev/v1alpha1
kind: PipelineRun
metadata: {name: risky-run, namespace: ci}
spec:
  pipelineSpec:
    tasks:
    - name: serve
      taskRef: {name: serve}
---
apiVersion: tekton.dev/v1alpha1
kind: Task
metadata: {name: serve, namespace: ci}
spec:
  steps:
  - {name: shell, image: busybox, command: [/bin/sh, -c, 'true']}
  sidecars:
  - {name: web, image: busybox, command: [/bin/sh, -c, 'sleep 1000']}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: ci}
`;

describe('warnings', () => {
  test('a sidecar the nop image would restart is warned about where the Task declares it, as the CLI words it', async () => {
    const out = rendered(RISKY, '', { sidecars: 'nop', nopContains: ['/bin/sh'] });
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toMatchObject({ object: 'TaskRun ci/risky', field: 'spec.taskSpec.sidecars[0]', message: expect.stringMatching(/^sidecar "web" will not stop/) });
    const r = await cliOn(RISKY, '', 'render', '--nop-contains', '/bin/sh');
    expect(r.stderr).toBe(stderrOf(out));
    // The Pod's explanation ends with the same warning, as `taskpod explain --nop-contains` prints it.
    expect(explanationOf(out.items[0]).text).toBe((await cliOn(RISKY, '', 'explain', '--nop-contains', '/bin/sh')).stdout);
  });

  test("a PipelineRun's warnings are its expansion's, as the CLI prints them", async () => {
    const out = rendered(RISKY_PIPELINE, '', { sidecars: 'nop', nopContains: ['/bin/sh'] });
    expect(out.warnings.map((w) => [w.object, w.field])).toEqual([['Task ci/serve', 'spec.sidecars[0]']]);
    expect(stderrOf(out)).toBe((await cliOn(RISKY_PIPELINE, '', 'render', '--nop-contains', '/bin/sh')).stderr);
    expect(rendered(RISKY_PIPELINE, '', { sidecars: 'native', nopContains: ['/bin/sh'] }).warnings).toEqual([]);
  });

  test("no nop-image warnings for native sidecars, nor for Tekton's own nop image here", () => {
    expect(rendered(RISKY, '', { sidecars: 'native', nopContains: ['/bin/sh'] }).warnings).toEqual([]);
    expect(rendered(RISKY).warnings).toEqual([]);
  });

  test('a cancelled PipelineRun: an empty List and the warning that says why', async () => {
    const input = textOf('pipeline-demo', 'input.yaml').replace('  serviceAccountName: builder\n', '  serviceAccountName: builder\n  status: PipelineRunCancelled\n');
    const out = rendered(input);
    const cliOut = await cliOn(input, '', 'render');
    expect(out.items.map((i) => [i.kind, i.note])).toEqual([['List', 'everything created, 0 items']]);
    expect(formatObject(out.items[0]?.value, 'yaml')).toBe(cliOut.stdout);
    expect(stderrOf(out)).toBe(cliOut.stderr);
    expect(out.warnings.map((w) => [w.object, w.field])).toEqual([['PipelineRun default/release-1', 'spec.status']]);
  });
});

describe('errors', () => {
  test('an input error names the object and field and is about the input', () => {
    const broken = textOf('demo', 'input.yaml').replace('      image: ubuntu\n', '');
    const out = renderTexts(broken, '', DEFAULT_OPTIONS);
    expect(E.isLeft(out) && out.left).toMatchObject({ source: 'input', error: { object: 'TaskRun default/demo', field: 'spec.taskSpec.steps[0].image' } });
  });

  const demo = textOf('pipeline-demo', 'input.yaml');
  const brokenPipelines: readonly (readonly [string, string, string, string])[] = [
    ['a runAfter naming no task', demo.replace('runAfter: [test]', 'runAfter: [tset]'), 'Pipeline default/test-package-publish', 'spec.tasks'],
    ['a Task that is not there', demo.replace('  name: go-test\nspec:', '  name: go-tests\nspec:'), 'Pipeline default/test-package-publish', 'spec.tasks[0].taskRef.name'],
    ['a resource left unbound', demo.replace('  - name: bundle\n    resourceRef:\n      name: web-bundle\n', ''), 'PipelineRun default/release-1', 'spec.resources'],
    ['two PipelineRuns', `${demo}\n---\n${demo.slice(0, demo.indexOf('\n---\n')).replace('name: release-1', 'name: release-2')}\n`, 'input', ''],
  ];
  test.each(brokenPipelines)('a broken PipelineRun (%s): the CLI\'s error, naming the object and field', async (_, input, object, field) => {
    expect(input).not.toBe(demo);
    const out = renderTexts(input, '', DEFAULT_OPTIONS);
    expect(E.isLeft(out) && out.left).toMatchObject({ source: 'input', error: { object, field } });
    const r = await cliOn(input, '', 'render');
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(E.isLeft(out) && `taskpod render: ${formatError(out.left.error)}\n`).toBe(r.stderr);
  });

  test('an input with a TaskRun and a PipelineRun renders the TaskRun, as the CLI does', async () => {
    const input = `${textOf('demo', 'input.yaml')}\n---\n${demo}`;
    const out = rendered(input);
    expect([out.kind, out.run, out.items.length]).toEqual(['TaskRun', 'TaskRun default/demo', 1]);
    expect(formatObject(out.items[0]?.value, 'yaml')).toBe((await cliOn(input, '', 'render')).stdout);
  });

  test('a YAML syntax error names the document and the line', () => {
    const out = renderTexts('a: 1\n---\nb: [\n', '', DEFAULT_OPTIONS);
    expect(E.isLeft(out) && out.left.source).toBe('input');
    expect(E.isLeft(out) && formatError(out.left.error)).toMatch(/^input\.yaml, document 2: not valid YAML \(line \d+, column \d+\)/);
  });

  test('a config error is about the config, and an empty config is the defaults', () => {
    const out = renderTexts(textOf('demo', 'input.yaml'), 'imageEntrypoints: {ubuntu: 3}\n', DEFAULT_OPTIONS);
    expect(E.isLeft(out) && out.left).toMatchObject({ source: 'config', error: { object: 'config config.yaml', field: 'imageEntrypoints.ubuntu' } });
    const parsed = renderTexts(textOf('demo', 'input.yaml'), 'images: [', DEFAULT_OPTIONS);
    expect(E.isLeft(parsed) && parsed.left.source).toBe('config');
    expect(readConfigText('# nothing\n')).toEqual(readConfig(undefined, DEFAULT_LIMITS));
  });

  test('an input without a TaskRun or PipelineRun says so', () => {
    const out = renderTexts('apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default}\n', '', DEFAULT_OPTIONS);
    expect(E.isLeft(out) && formatError(out.left.error)).toMatch(/no TaskRun found/);
  });
});
