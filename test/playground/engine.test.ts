/**
 * The playground's engine (playground/src/engine.ts) shows what the CLI
 * prints: for every fixture the same Pod, the same YAML and JSON text, the
 * same explanation and diagram, and the same refusal; its warnings are the
 * CLI's; errors say which text (input or config) they are about.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { main } from '../../src/cli/main';
import { explainRender, explanationMermaid, formatError, formatExplanation, renderPod } from '../../src';
import { readConfig, readObjects } from '../../src/cli/io';
import { DEFAULT_LIMITS } from '../../src/input/yaml';
import { DEFAULT_OPTIONS, formatObject, readConfigText, renderTexts } from '../../playground/src/engine';

const fixtures = join(__dirname, '..', '..', 'fixtures');
const names = readdirSync(fixtures).filter((n) => existsSync(join(fixtures, n, 'input.yaml')));

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const configArgs = (name: string) => (existsSync(join(fixtures, name, 'config.yaml')) ? ['--config', join(fixtures, name, 'config.yaml')] : []);
const textOf = (name: string, file: string) => (existsSync(join(fixtures, name, file)) ? readFileSync(join(fixtures, name, file), 'utf8') : '');

test('there are fixtures to compare', () => {
  expect(names.length).toBeGreaterThanOrEqual(10);
  expect(names).toContain('demo');
});

describe.each(names)('fixture %s', (name) => {
  test('the page shows what taskpod render and explain print', async () => {
    const out = renderTexts(textOf(name, 'input.yaml'), textOf(name, 'config.yaml'), DEFAULT_OPTIONS);
    const input = join(fixtures, name, 'input.yaml');
    const yaml = await cli('render', '-f', input, ...configArgs(name));
    if (E.isLeft(out)) {
      expect(yaml.code).not.toBe(0);
      expect(`taskpod render: ${formatError(out.left.error)}\n`).toBe(yaml.stderr);
      return;
    }
    expect(yaml.code).toBe(0);
    const [item, ...more] = out.right.items;
    expect(more).toEqual([]);
    expect(item?.kind).toBe('Pod');
    expect(formatObject(item?.value, 'yaml')).toBe(yaml.stdout);
    expect(formatObject(item?.value, 'json')).toBe((await cli('render', '-f', input, ...configArgs(name), '-o', 'json')).stdout);
    const explanation = item!.explain!();
    expect(E.isRight(explanation) && formatExplanation(explanation.right)).toBe((await cli('explain', '-f', input, ...configArgs(name))).stdout);
    expect(out.right.diagram()).toEqual(E.right((await cli('explain', '-f', input, ...configArgs(name), '-o', 'mermaid')).stdout));
    // The warnings are the CLI's lines on standard error.
    expect(out.right.warnings.map((w) => `taskpod render: warning: ${w.message}\n`).join('')).toBe(yaml.stderr);
  });
});

test('the Pod and explanation are the library\'s own values', () => {
  const objects = readObjects([join(fixtures, 'demo', 'input.yaml')], DEFAULT_LIMITS);
  const config = readConfig(undefined, DEFAULT_LIMITS);
  if (E.isLeft(objects) || E.isLeft(config)) throw new Error('the demo does not read');
  const out = renderTexts(textOf('demo', 'input.yaml'), '', DEFAULT_OPTIONS);
  if (E.isLeft(out)) throw new Error(formatError(out.left.error));
  expect(out.right.items[0]?.value).toEqual(E.getOrElseW(() => undefined)(renderPod(objects.right, { config: config.right })));
  const explanation = explainRender(objects.right, { config: config.right });
  expect(out.right.items[0]?.explain?.()).toEqual(explanation);
  // Asked for twice, made once.
  expect(out.right.items[0]?.explain?.()).toBe(out.right.items[0]?.explain?.());
  expect(out.right.diagram()).toEqual(E.map(explanationMermaid)(explanation));
  expect(out.right.run).toBe('TaskRun default/demo');
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

describe('warnings', () => {
  test('a sidecar the nop image would restart is warned about at its place in the Pod, as the CLI words it', async () => {
    const out = renderTexts(RISKY, '', { sidecars: 'nop', nopContains: ['/bin/sh'] });
    if (E.isLeft(out)) throw new Error(formatError(out.left.error));
    const pod = out.right.items[0]?.value as { metadata: { name: string }; spec: { containers: { name: string }[] } };
    expect(out.right.warnings).toHaveLength(1);
    const [w] = out.right.warnings;
    expect(w?.object).toBe(`Pod ci/${pod.metadata.name}`);
    expect(pod.spec.containers[Number(/^spec\.containers\[(\d+)\]$/.exec(w?.field ?? '')?.[1])]?.name).toBe('web');
    const dir = mkdtempSync(join(tmpdir(), 'taskpod-playground-'));
    try {
      writeFileSync(join(dir, 'risky.yaml'), RISKY);
      const r = await cli('render', '-f', join(dir, 'risky.yaml'), '--nop-contains', '/bin/sh');
      expect(r.stderr).toBe(`taskpod render: warning: ${w?.message}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('no nop-image warnings for native sidecars, nor for Tekton\'s own nop image here', () => {
    const native = renderTexts(RISKY, '', { sidecars: 'native', nopContains: ['/bin/sh'] });
    const tekton = renderTexts(RISKY, '', DEFAULT_OPTIONS);
    expect(E.isRight(native) && native.right.warnings).toEqual([]);
    expect(E.isRight(tekton) && tekton.right.warnings).toEqual([]);
  });
});

describe('errors', () => {
  test('an input error names the object and field and is about the input', () => {
    const broken = textOf('demo', 'input.yaml').replace('      image: ubuntu\n', '');
    const out = renderTexts(broken, '', DEFAULT_OPTIONS);
    expect(E.isLeft(out) && out.left).toMatchObject({ source: 'input', error: { object: 'TaskRun default/demo', field: 'spec.taskSpec.steps[0].image' } });
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

  test('an input without a TaskRun says so', () => {
    const out = renderTexts('apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default}\n', '', DEFAULT_OPTIONS);
    expect(E.isLeft(out) && formatError(out.left.error)).toMatch(/no TaskRun found/);
  });
});
