/**
 * The CLI's render command through `main(argv, streams)`: exit 0 with the
 * Pod on standard output; exit 1 with nothing on standard output and one
 * line on standard error naming the object and the field; exit 2 for usage
 * errors.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { main } from '../src/cli/main';
import { runCli } from './helpers/cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'taskpod-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const run = (...argv: string[]) => runCli(argv);

const TASKRUN = `apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: run, namespace: ci}
spec:
  taskRef: {name: build}
`;
const TASK = `apiVersion: tekton.dev/v1alpha1
kind: Task
metadata: {name: build, namespace: ci}
spec:
  steps:
  - {name: echo, image: ubuntu, command: [echo], args: [hi]}
`;
const SA = `apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: ci}
`;
const input = (...docs: string[]) => docs.join('---\n');

/** One line on standard error, nothing on standard output, exit 1. */
function expectRefused(r: { code: number; stdout: string; stderr: string }, ...parts: string[]): void {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  for (const p of parts) expect(r.stderr).toContain(p);
}

describe('render', () => {
  it('prints the Pod as YAML and exits 0', async () => {
    const r = await run('render', '-f', file('ok.yaml', input(TASKRUN, TASK, SA)));
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const pod = parse(r.stdout) as { kind: string; metadata: { name: string; namespace: string }; spec: { containers: { name: string }[] } };
    expect([pod.kind, pod.metadata.namespace, pod.spec.containers.map((c) => c.name)]).toEqual(['Pod', 'ci', ['step-echo']]);
    expect(pod.metadata.name).toMatch(/^run-pod-[0-9a-f]{6}$/);
  });

  it('prints JSON with -o json, the same Pod', async () => {
    const f = file('ok-json.yaml', input(TASKRUN, TASK, SA));
    const yaml = await run('render', '-f', f);
    const json = await run('render', '-f', f, '-o', 'json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(parse(yaml.stdout));
    expect(json.stdout.endsWith('}\n')).toBe(true);
  });

  it('reads the objects of several -f files together', async () => {
    const r = await run('render', '-f', file('a.yaml', TASKRUN), '-f', file('b.yaml', input(TASK, SA)), '--output=json');
    expect(r.code).toBe(0);
  });

  it('quotes the strings a YAML 1.1 reader (kubectl) would take for booleans or numbers', async () => {
    const labelled = TASKRUN.replace('namespace: ci}', 'namespace: ci, labels: {a: "yes", b: "on", c: "n", d: "0b101", e: "12:30"}}');
    const r = await run('render', '-f', file('quoted.yaml', input(labelled, TASK, SA)));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('    a: "yes"\n    app.kubernetes.io/managed-by: tekton-pipelines\n    b: "on"\n    c: "n"\n    d: "0b101"\n    e: "12:30"\n');
    expect((parse(r.stdout, { version: '1.1' }) as { metadata: { labels: Record<string, unknown> } }).metadata.labels).toMatchObject({ a: 'yes', b: 'on', c: 'n', d: '0b101', e: '12:30' });
  });

  it('is deterministic', async () => {
    const f = file('det.yaml', input(TASKRUN, TASK, SA));
    expect((await run('render', '-f', f)).stdout).toBe((await run('render', '-f', f)).stdout);
  });

  it('uses --config: images and image entrypoints', async () => {
    const noCommand = TASK.replace('command: [echo], args: [hi]', 'args: [hi]');
    const f = file('cfg-in.yaml', input(TASKRUN, noCommand, SA));
    const c = file('cfg.yaml', 'images:\n  entrypoint: my/entrypoint\nimageEntrypoints:\n  ubuntu: ["/bin/bash"]\n');
    const r = await run('render', '-f', f, '--config', c, '-o', 'json');
    expect(r.code).toBe(0);
    const pod = JSON.parse(r.stdout) as { spec: { initContainers: { name: string; image: string }[]; containers: { args: string[] }[] } };
    expect(pod.spec.initContainers.find((i) => i.name === 'step-place-tools')?.image).toBe('my/entrypoint');
    expect(pod.spec.containers[0]?.args).toContain('/bin/bash');
  });
});

describe('refusals: exit 1, one line naming the object and the field', () => {
  it('a missing Task', async () => {
    expectRefused(await run('render', '-f', file('no-task.yaml', input(TASKRUN, SA))), 'taskpod render: ', 'TaskRun ci/run', 'spec.taskRef.name', '"build"');
  });

  it('a wrong field type deep in a step', async () => {
    const bad = TASK.replace('args: [hi]', 'args: [hi], env: [{name: A, value: [x]}]');
    expectRefused(await run('render', '-f', file('bad-type.yaml', input(TASKRUN, bad, SA))), 'Task ci/build', 'spec.steps[0].env[0].value');
  });

  it('a YAML syntax error: the file and the line', async () => {
    const f = file('syntax.yaml', `${TASKRUN}  inputs: [oops\n`);
    expectRefused(await run('render', '-f', f), f, 'not valid YAML (line');
  });

  it('an unknown image entrypoint', async () => {
    const noCommand = TASK.replace('command: [echo], args: [hi]', 'args: [hi]');
    expectRefused(await run('render', '-f', file('no-ep.yaml', input(TASKRUN, noCommand, SA))), 'Task ci/build', 'spec.steps[0].image', '"ubuntu"');
  });

  it('an unknown config image key', async () => {
    const c = file('bad-cfg.yaml', 'images:\n  credsInit: x\n');
    expectRefused(await run('render', '-f', file('cfg-ok.yaml', input(TASKRUN, TASK, SA)), '--config', c), `config ${c}`, 'images.credsInit');
  });

  it('a file that does not exist', async () => {
    const missing = join(dir, 'nope.yaml');
    expectRefused(await run('render', '-f', missing), missing, 'no such file');
  });

  it('a reason that quotes user text stays on one line', async () => {
    const multiline = TASK.replace('name: echo', 'name: "bad\\nname"');
    expectRefused(await run('render', '-f', file('nl.yaml', input(TASKRUN, multiline, SA))), 'Task ci/build', 'spec.steps[0].name');
  });
});

describe('usage errors: exit 2', () => {
  it.each<[string, string[], RegExp]>([
    ['no -f', ['render'], /no input/],
    ['an unknown option', ['render', '-f', 'x.yaml', '--frobnicate'], /unknown option --frobnicate/],
    ['an unknown short option', ['render', '-x'], /unknown option -x/],
    ['a positional argument', ['render', 'x.yaml'], /unexpected argument "x.yaml"/],
    ['an unknown output format', ['render', '-f', 'x.yaml', '-o', 'xml'], /-o takes yaml, json/],
    ['an option without its value', ['render', '-f'], /--file needs a value/],
    ['--config twice', ['render', '-f', 'x', '--config', 'a', '--config', 'b'], /--config given twice/],
    ['a limit that is not a positive number', ['render', '-f', 'x', '--max-aliases', '0'], /--max-aliases takes a positive whole number/],
    ['a flag given a value', ['render', '-f', 'x', '--help=yes'], /takes no value|unknown option/],
  ])('%s', async (_name, argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Usage: taskpod render/);
  });

  it('an unknown command', async () => {
    const r = await run('paint');
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/unknown command "paint"/);
  });

  it('no command at all prints the help and exits 2', async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/Usage: taskpod COMMAND/);
  });
});

describe('help', () => {
  it('--help prints the commands and exits 0', async () => {
    const r = await run('--help');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/render/);
  });

  it('render --help prints usage and examples and exits 0', async () => {
    const r = await run('render', '--help');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/Usage: taskpod render -f FILE/);
    expect(r.stdout).toMatch(/Examples:/);
  });
});

// The yaml package writes " \n" as a block scalar that reads back as "\n";
// a script must survive the printed YAML byte for byte.
// Found by fuzzing formatValue: the yaml package wrote " \n\t\n" as a block
// scalar its own parser refused (formatValue threw), and its folded
// double quotes turned "\n \n" into "\n\\\n".
it.each([[' \n\t\n'], ['a\n \nb'], ['#!/bin/sh\necho\n\u{10000} echo$(\n \n\'EOF\'']])('prints YAML that reads back to the same string: %j', (s) => {
  const { formatValue } = require('../src/cli/io') as typeof import('../src/cli/io');
  const { parse } = require('yaml') as typeof import('yaml');
  const value = { args: [s], env: [{ name: 'A', value: s }] };
  expect(parse(formatValue(value, 'yaml'), { version: '1.1' })).toEqual(value);
});

it('prints YAML that reads back to the same Pod, even for a script whose first line is blank spaces', () => {
  const { formatValue } = require('../src/cli/io') as typeof import('../src/cli/io');
  const { parse } = require('yaml') as typeof import('yaml');
  const value = { args: ['-args', ' \nscript'], other: [' \n'] };
  expect(parse(formatValue(value, 'yaml'), { version: '1.1' })).toEqual(value);
});

// YAML integers beyond 2^53 reach the decoder as bigints. Describing one in
// an error used to throw inside JSON.stringify, and the CLI printed
// "internal error" instead of the field.
describe('integers beyond 2^53', () => {
  const taskRun = (spec: string) => `apiVersion: tekton.dev/v1alpha1\nkind: TaskRun\nmetadata: {name: run, namespace: ci}\nspec: ${spec}\n`;

  it('where a list belongs: refused naming the field and the number', async () => {
    const r = await run('render', '-f', file('big-steps.yaml', taskRun('{taskSpec: {steps: 9007199254740993}}')));
    expectRefused(r, 'TaskRun ci/run', 'spec.taskSpec.steps', 'got 9007199254740993');
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it('inside a list where strings belong: the list is shown with the number as written', async () => {
    const r = await run('render', '-f', file('big-args.yaml', taskRun('{taskSpec: {steps: [{image: a, args: {x: [-9007199254740993]}}]}}')));
    expectRefused(r, 'spec.taskSpec.steps[0].args', '{"x":[-9007199254740993]}');
  });

  it('in an int64 field: refused as beyond what taskpod holds exactly', async () => {
    const r = await run('render', '-f', file('big-user.yaml', input(taskRun('{podTemplate: {securityContext: {runAsUser: 9007199254740993}}, taskSpec: {steps: [{image: a}]}}'), SA)));
    expectRefused(r, 'spec.podTemplate.securityContext.runAsUser', 'got 9007199254740993', '2^53');
  });

  it('in a generateName TaskRun: the name is still derived, no crash', async () => {
    const text = `apiVersion: tekton.dev/v1alpha1\nkind: TaskRun\nmetadata: {generateName: run-, namespace: ci, annotations: {big: 9007199254740993}}\nspec: {taskSpec: {steps: [{image: a, command: [x]}]}}\n`;
    const r = await run('render', '-f', file('big-generate.yaml', input(text, SA)), '-o', 'json');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const pod = JSON.parse(r.stdout) as { metadata: { annotations: Record<string, string>; name: string } };
    expect(pod.metadata.annotations.big).toBe('9007199254740993');
    expect(pod.metadata.name).toMatch(/^run-[a-z0-9]{5}-pod-[0-9a-f]{6}$/);
  });
});

// Go's decoder refused a number beyond int32 in an int32 field (a port, a
// file mode, a probe's period) when the TaskRun was created.
describe('int32 fields', () => {
  const taskRun = (step: string) => `apiVersion: tekton.dev/v1alpha1\nkind: TaskRun\nmetadata: {name: run, namespace: ci}\nspec: {taskSpec: {steps: [${step}]}}\n`;

  it.each([
    ['{image: a, command: [x], ports: [{containerPort: 2147483648}]}', 'spec.taskSpec.steps[0].ports[0].containerPort', 'got 2147483648'],
    ['{image: a, command: [x], readinessProbe: {periodSeconds: -2147483649}}', 'spec.taskSpec.steps[0].readinessProbe.periodSeconds', 'got -2147483649'],
    ['{image: a, command: [x], livenessProbe: {httpGet: {port: 4294967296}}}', 'spec.taskSpec.steps[0].livenessProbe.httpGet.port', 'IntOrString'],
  ])('%s is refused', async (step, path, got) => {
    const r = await run('render', '-f', file('int32.yaml', input(taskRun(step), SA)));
    expectRefused(r, path, got);
  });

  it('the int32 bounds themselves are kept', async () => {
    const r = await run('render', '-f', file('int32-ok.yaml', input(taskRun('{image: a, command: [x], ports: [{containerPort: 2147483647, hostPort: -2147483648}]}'), SA)), '-o', 'json');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('"containerPort": 2147483647');
    expect(r.stdout).toContain('"hostPort": -2147483648');
  });
});

// yaml.v2 built with Go 1.13 reads `0o17`, `1_000`, `0b1` as numbers where
// the yaml package's YAML 1.1 leaves them strings, and kubectl would turn
// an arg `0o4` into "4". Such strings are double-quoted in -o yaml, keys too.
describe('-o yaml quotes what yaml.v2 would not read as the same string', () => {
  const { formatValue } = require('../src/cli/io') as typeof import('../src/cli/io');
  const { parseDocuments } = require('../src/input/yaml') as typeof import('../src/input/yaml');

  it.each([['0o4'], ['1_000'], ['0b101'], ['+12'], ['.5'], ['.inf'], ['0x_1'], ['yes'], ['~'], ['1e+3']])('%s', (s) => {
    const value = { args: [s], labels: { [s]: s } };
    const text = formatValue(value, 'yaml');
    expect(text).toContain(`- "${s}"`);
    expect(parseDocuments(text, 'out.yaml')).toStrictEqual({ _tag: 'Right', right: [value] });
  });

  it('leaves ordinary strings plain', () => {
    expect(formatValue({ args: ['build', 'v1.2.3', '0.1.x', 'a_1'] }, 'yaml')).toBe('args:\n  - build\n  - v1.2.3\n  - 0.1.x\n  - a_1\n');
  });
});
