/**
 * Every taskpod command through `main(argv, streams)`, and the argument
 * parser beneath them: exit codes, the exact lines on standard output and
 * standard error, options and their defaults.
 *
 * The expected text follows README.md's CLI section (exit 0 success, 1 the
 * input was refused or lint found a sidecar that keeps running, 2 usage
 * error; errors are one line `taskpod COMMAND: object: field: reason`;
 * usage errors are followed by the command's usage line) and each command's
 * own help. test/cli.test.ts covers render's refusals; test/sidecars/cli,
 * test/resources/claim and test/explain/explain the main paths of the other
 * commands. Everything that calls src/ runs inside a test (not in a
 * describe body), so that mutation testing sees it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { optInt, optList, optString, OptionSpec, parseOptions, UsageError } from '../src/cli/args';
import { formatValue } from '../src/cli/io';
import { COMMANDS, main } from '../src/cli/main';
import { runCli } from './helpers/cli';
import { renderCommand } from '../src/cli/render';
import { NOP, PHASES, podJson } from './sidecars/fixtures';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'taskpod-cli-commands-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => jest.restoreAllMocks());

/** Writes `content` (text, bytes, or a value as JSON) to a file of the temp folder. */
function file(name: string, content: string | Buffer | object): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content));
  return p;
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const run = (...argv: string[]) => runCli(argv);

/** node:fs as src/cli/io.ts sees it (the CommonJS module, whose functions jest can replace). */
const nodeFs = require('node:fs') as typeof import('node:fs');

/** Makes reading `path` (a file name, or 0 for standard input) return `text` or throw `error`. */
function fakeRead(path: string | number, result: { text: string } | { error: unknown }): void {
  const real = nodeFs.readFileSync;
  jest.spyOn(nodeFs, 'readFileSync').mockImplementation(((p: unknown, ...rest: unknown[]) => {
    if (p !== path) return (real as (...a: unknown[]) => unknown)(p, ...rest);
    if ('error' in result) throw result.error;
    return Buffer.from(result.text);
  }) as typeof nodeFs.readFileSync);
}

/** Makes `taskpod ... -f -` read `text` as standard input (file descriptor 0). */
const stdinIs = (text: string): void => fakeRead(0, { text });

const usageOf = (name: string): string => COMMANDS.find((c) => c.name === name)!.usage;

/** A usage error: exit 2, nothing on standard output, the message then the command's usage line. */
function expectUsageError(r: Run, command: string, message: string): void {
  expect(r).toEqual({ code: 2, stdout: '', stderr: `taskpod ${command}: ${message}\nUsage: ${usageOf(command)}\n` });
}

/** A refusal: exit 1, nothing on standard output, exactly this one line on standard error. */
function expectRefused(r: Run, line: string): void {
  expect(r).toEqual({ code: 1, stdout: '', stderr: `${line}\n` });
}

/** The ServiceAccount every TaskRun here runs as. */
const SA = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default, namespace: ci}\n';
/** A TaskRun document (steps and sidecars appended to it stay inside its taskSpec). */
const RUN_DOC = `apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: run, namespace: ci}
spec:
  taskSpec:
    steps:
    - {name: echo, image: ubuntu, command: [echo], args: [hi]}
`;
/** A TaskRun with its ServiceAccount: renders with the defaults. */
const TASKRUN = `${RUN_DOC}---\n${SA}`;
/** A TaskRun whose step has no command: it renders only with an imageEntrypoints entry for ubuntu. */
const TASKRUN_NO_COMMAND = TASKRUN.replace('command: [echo], ', '');
const UBUNTU_ENTRYPOINT = 'imageEntrypoints:\n  ubuntu: ["/bin/bash"]\n';

// ---------------------------------------------------------------------------
// The argument parser
// ---------------------------------------------------------------------------

const SPEC: OptionSpec = {
  file: { value: true, repeat: true, short: 'f' },
  output: { value: true, short: 'o' },
  config: { value: true },
  verbose: { value: false, short: 'v' },
};

/** The message of the UsageError `f` throws (failing when it throws nothing or something else). */
function usageMessage(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('no UsageError was thrown');
}

describe('parseOptions', () => {
  it('takes a long option\'s value from the next argument or after "="', () => {
    expect(parseOptions(['--output', 'json', '--config=a=b.yaml'], SPEC)).toEqual({ options: { output: 'json', config: 'a=b.yaml' }, positional: [] });
  });

  it("takes a short option's value attached to it or from the next argument", () => {
    expect(parseOptions(['-ojson', '-f', 'a.yaml', '-fb.yaml'], SPEC)).toEqual({ options: { output: 'json', file: ['a.yaml', 'b.yaml'] }, positional: [] });
  });

  it('collects the values of a repeatable option in order, long and short forms together', () => {
    expect(parseOptions(['--file', 'a', '-f', 'b', '--file=c'], SPEC).options).toEqual({ file: ['a', 'b', 'c'] });
  });

  it('sets a flag to true, by its long or short name', () => {
    expect(parseOptions(['--verbose'], SPEC).options).toEqual({ verbose: true });
    expect(parseOptions(['-v'], SPEC).options).toEqual({ verbose: true });
  });

  it('treats everything after "--" as positional, options included', () => {
    expect(parseOptions(['-f', 'a', '--', '-o', 'x', '--verbose'], SPEC)).toEqual({ options: { file: ['a'] }, positional: ['-o', 'x', '--verbose'] });
  });

  it('keeps a lone "-" and other plain words as positional arguments', () => {
    expect(parseOptions(['-', 'x.yaml'], SPEC)).toEqual({ options: {}, positional: ['-', 'x.yaml'] });
    // "-" as a value is standard input: -f - reads it.
    expect(parseOptions(['-f', '-'], SPEC).options).toEqual({ file: ['-'] });
  });

  it('refuses what the spec does not allow, naming the option', () => {
    expect(usageMessage(() => parseOptions(['--frob'], SPEC))).toBe('unknown option --frob');
    expect(usageMessage(() => parseOptions(['-x'], SPEC))).toBe('unknown option -x');
    expect(usageMessage(() => parseOptions(['--verbose=yes'], SPEC))).toBe('--verbose takes no value');
    expect(usageMessage(() => parseOptions(['-vx'], SPEC))).toBe('--verbose takes no value');
    expect(usageMessage(() => parseOptions(['--output'], SPEC))).toBe('--output needs a value');
    expect(usageMessage(() => parseOptions(['-o'], SPEC))).toBe('--output needs a value');
    expect(usageMessage(() => parseOptions(['-o', 'json', '--output=yaml'], SPEC))).toBe('--output given twice');
  });

  it('knows only the options of the spec, not the properties every object has', () => {
    expect(usageMessage(() => parseOptions(['--constructor', 'x'], SPEC))).toBe('unknown option --constructor');
    expect(usageMessage(() => parseOptions(['--toString'], SPEC))).toBe('unknown option --toString');
  });
});

describe('optString, optList, optInt', () => {
  it('optString gives a string value only', () => {
    expect(optString({ output: 'json' }, 'output')).toBe('json');
    expect(optString({ verbose: true }, 'verbose')).toBeUndefined();
    expect(optString({ file: ['a'] }, 'file')).toBeUndefined();
    expect(optString({}, 'output')).toBeUndefined();
  });

  it('optList gives every value of a repeatable option, a single value as a list, and [] when absent', () => {
    expect(optList({ file: ['a', 'b'] }, 'file')).toEqual(['a', 'b']);
    expect(optList({ output: 'json' }, 'output')).toEqual(['json']);
    expect(optList({}, 'file')).toEqual([]);
    expect(optList({ verbose: true }, 'verbose')).toEqual([]);
  });

  it('optInt reads a positive whole number, falls back when absent, and refuses anything else', () => {
    expect(optInt({ n: '42' }, 'n', 7)).toBe(42);
    expect(optInt({}, 'n', 7)).toBe(7);
    for (const bad of ['0', '-1', '1.5', '1e3', 'x', '']) {
      expect(usageMessage(() => optInt({ n: bad }, 'n', 7))).toBe(`--n takes a positive whole number, not "${bad}"`);
    }
  });
});

// ---------------------------------------------------------------------------
// main: help, version, commands
// ---------------------------------------------------------------------------

describe('taskpod --help', () => {
  it('lists every command with its summary in one aligned column, then how to get more help and the exit codes', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual(['taskpod: the Pod Tekton (tekton.dev/v1alpha1, late 2019) would create for a TaskRun, offline.', '', 'Usage: taskpod COMMAND [options]', '', 'Commands:']);
    // README lists the commands in this order.
    const rows = lines.slice(5, 12);
    expect(rows.map((l) => l.trim().split(/\s+/)[0])).toEqual(['render', 'explain', 'pvc', 'lint', 'ready', 'stop-sidecars', 'status']);
    // Each summary starts two spaces after the longest name (stop-sidecars, 13 characters).
    for (const [i, row] of rows.entries()) expect(row).toBe(`  ${COMMANDS[i]!.name.padEnd(13)}  ${COMMANDS[i]!.summary}`);
    expect(lines.slice(12)).toEqual(['', 'Run "taskpod COMMAND --help" for a command\'s options and examples.', 'Exit codes: 0 success, 1 input refused, 2 usage error.', '']);
  });

  it('is the same for -h and help; without any argument it is printed too, but exits 2 (a usage error)', async () => {
    const help = await run('--help');
    expect(await run('-h')).toEqual(help);
    expect(await run('help')).toEqual(help);
    expect(await run()).toEqual({ ...help, code: 2 });
  });
});

describe('taskpod --version', () => {
  it('prints the version of package.json, by --version or -v', async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(await run('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(await run('-v')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints "unknown", still exiting 0, when package.json has no string version or cannot be read', async () => {
    const pkg = join(__dirname, '..', 'package.json');
    fakeRead(pkg, { text: '{"name": "taskpod", "version": 1}' });
    expect(await run('--version')).toEqual({ code: 0, stdout: 'unknown\n', stderr: '' });
    jest.restoreAllMocks();
    fakeRead(pkg, { error: Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' }) });
    expect(await run('--version')).toEqual({ code: 0, stdout: 'unknown\n', stderr: '' });
  });
});

describe('an unknown command', () => {
  it('exits 2 and lists the commands there are', async () => {
    expect(await run('paint', '-f', 'x')).toEqual({ code: 2, stdout: '', stderr: 'taskpod: unknown command "paint" (commands: render, explain, pvc, lint, ready, stop-sidecars, status)\n' });
  });
});

describe('taskpod COMMAND --help', () => {
  it.each(COMMANDS.map((c) => [c.name]))('%s: the usage line, the description, then the examples, indented', async (name) => {
    const c = COMMANDS.find((x) => x.name === name)!;
    const r = await run(name, '--help');
    expect(r).toEqual({ code: 0, stderr: '', stdout: [`Usage: ${c.usage}`, '', ...c.description, '', 'Examples:', ...c.examples.map((e) => `  ${e}`), ''].join('\n') });
    expect(c.examples.length).toBeGreaterThan(0);
    for (const e of c.examples) expect(e.startsWith(`taskpod ${name} `) || e.includes(`| taskpod ${name} `)).toBe(true);
  });

  it('-h anywhere among the options wins over the others, even unknown or missing ones', async () => {
    const help = await run('render', '--help');
    expect(await run('render', '-f', 'nope.yaml', '-h')).toEqual(help);
    expect(await run('render', '--frobnicate', '--help')).toEqual(help);
    expect(await run('render', '-o', 'xml', '-h')).toEqual(help);
  });
});

describe('usage errors: exit 2, the reason and the usage line', () => {
  it.each<[string, string[], string, string]>([
    ['no -f', ['render'], 'render', 'no input: give at least one -f FILE (or -f - for standard input)'],
    ['no -f for explain', ['explain', '-o', 'json'], 'explain', 'no input: give at least one -f FILE (or -f - for standard input)'],
    ['no -f for pvc', ['pvc'], 'pvc', 'no input: give at least one -f FILE (or -f - for standard input)'],
    ['no -f for lint', ['lint'], 'lint', 'no input: give at least one -f FILE (or -f - for standard input)'],
    ['no -f for ready', ['ready'], 'ready', 'no input: give at least one -f FILE (or -f - for standard input)'],
    ['no -f for stop-sidecars', ['stop-sidecars'], 'stop-sidecars', 'no input: give at least one -f FILE (or -f - for standard input)'],
    ['a lone "-" (standard input is -f -)', ['render', '-'], 'render', 'unexpected argument "-" (files are given with -f)'],
    ['an argument after "--"', ['render', '-f', 'x.yaml', '--', 'extra'], 'render', 'unexpected argument "extra" (files are given with -f)'],
    ['-h with a value', ['render', '-f', 'x.yaml', '-hx'], 'render', '--help takes no value'],
    ['an option of another command', ['pvc', '-f', 'x.yaml', '--config', 'c.yaml'], 'pvc', 'unknown option --config'],
    ['--max-input-bytes that is not a number', ['render', '-f', 'x.yaml', '--max-input-bytes', '1k'], 'render', '--max-input-bytes takes a positive whole number, not "1k"'],
    ['--max-input-bytes that is negative', ['render', '-f', 'x.yaml', '--max-input-bytes=-1'], 'render', '--max-input-bytes takes a positive whole number, not "-1"'],
    ['--max-aliases that is not whole', ['lint', '-f', 'x.yaml', '--max-aliases', '1.5'], 'lint', '--max-aliases takes a positive whole number, not "1.5"'],
    ['render -o text', ['render', '-f', 'x.yaml', '-o', 'text'], 'render', '-o takes yaml, json, not "text"'],
    ['explain -o xml', ['explain', '-f', 'x.yaml', '-o', 'xml'], 'explain', '-o takes text, mermaid, json, yaml, not "xml"'],
    ['lint -o mermaid', ['lint', '-f', 'x.yaml', '-o', 'mermaid'], 'lint', '-o takes text, json, yaml, not "mermaid"'],
    ['pvc -o patch', ['pvc', '-f', 'x.yaml', '-o', 'patch'], 'pvc', '-o takes yaml, json, not "patch"'],
    ['ready -o text', ['ready', '-f', 'x.yaml', '-o', 'text'], 'ready', '-o takes yaml, json, patch, not "text"'],
    ['stop-sidecars -o text', ['stop-sidecars', '-f', 'x.yaml', '-o', 'text'], 'stop-sidecars', '-o takes yaml, json, patch, not "text"'],
    ['explain --sidecars maybe', ['explain', '-f', 'x.yaml', '--sidecars', 'maybe'], 'explain', '--sidecars takes nop or native, not "maybe"'],
    ['render --sidecars ""', ['render', '-f', 'x.yaml', '--sidecars='], 'render', '--sidecars takes nop or native, not ""'],
    ['lint --nop-contains with a relative path', ['lint', '-f', 'x.yaml', '--nop-contains', 'bin/sh'], 'lint', '--nop-contains takes an absolute path such as /bin/sh, not "bin/sh"'],
    ['render --nop-contains with a relative path', ['render', '-f', 'x.yaml', '--nop-contains', '/bin/sh', '--nop-contains', 'sh'], 'render', '--nop-contains takes an absolute path such as /bin/sh, not "sh"'],
  ])('%s', async (_name, argv, command, message) => {
    // The files do not exist: a usage error is reported before any file is read.
    expectUsageError(await run(...argv), command, message);
  });
});

describe('an internal error (a bug in a command)', () => {
  // The last resort of main: one line, exit 1, never a stack trace and never "usage".
  it('is reported on one line, with the first line of its message, and exits 1', async () => {
    jest.spyOn(renderCommand, 'run').mockImplementation(() => {
      throw new TypeError('boom\n    at render (src/cli/render.ts:1:1)');
    });
    expect(await run('render', '-f', 'x.yaml')).toEqual({ code: 1, stdout: '', stderr: 'taskpod render: internal error: boom\n' });
  });

  it('is reported even when what was thrown is not an Error', async () => {
    jest.spyOn(renderCommand, 'run').mockImplementation(() => {
      throw 'plain text';
    });
    expect(await run('render', '-f', 'x.yaml')).toEqual({ code: 1, stdout: '', stderr: 'taskpod render: internal error: plain text\n' });
  });
});

// ---------------------------------------------------------------------------
// Reading the input (src/cli/io.ts)
// ---------------------------------------------------------------------------

describe('reading files', () => {
  it('a missing file, a directory: exit 1 naming the file', async () => {
    const missing = join(dir, 'missing.yaml');
    expectRefused(await run('render', '-f', missing), `taskpod render: ${missing}: cannot read: no such file`);
    const folder = join(dir, 'a-folder');
    mkdirSync(folder, { recursive: true });
    expectRefused(await run('render', '-f', folder), `taskpod render: ${folder}: cannot read: is a directory`);
  });

  it('a file that cannot be read: permission denied, or the system\'s own message', async () => {
    const f = file('unreadable.yaml', TASKRUN);
    const failWith = (error: unknown) => fakeRead(f, { error });
    failWith(Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' }));
    expectRefused(await run('render', '-f', f), `taskpod render: ${f}: cannot read: permission denied`);
    jest.restoreAllMocks();
    failWith(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
    expectRefused(await run('render', '-f', f), `taskpod render: ${f}: cannot read: EIO: i/o error, read`);
    jest.restoreAllMocks();
    failWith('odd failure');
    expectRefused(await run('render', '-f', f), `taskpod render: ${f}: cannot read: odd failure`);
  });

  it('reads several -f files together, and names the file an error is in', async () => {
    const runOnly = file('several-run.yaml', RUN_DOC);
    const sa = file('several-sa.yaml', SA);
    expect((await run('render', '-f', runOnly)).code).toBe(1); // no ServiceAccount without the second file
    expect((await run('render', '-f', runOnly, '-f', sa)).code).toBe(0);
    const bad = file('several-bad.yaml', 'metadata: {name: x}\n');
    expectRefused(await run('render', '-f', runOnly, '-f', sa, '-f', bad), `taskpod render: ${bad}: kind: missing: every object needs a kind`);
  });

  it('names the document of a file with several ("FILE, document N"), and only the file when it has one', async () => {
    const one = file('one-doc.yaml', 'metadata: {name: x}\n');
    expectRefused(await run('render', '-f', one), `taskpod render: ${one}: kind: missing: every object needs a kind`);
    const three = file('three-docs.yaml', `${TASKRUN}---\nmetadata: {name: x}\n`);
    expectRefused(await run('render', '-f', three), `taskpod render: ${three}, document 3: kind: missing: every object needs a kind`);
    const second = file('second-doc.yaml', `${RUN_DOC}---\n[1, 2]\n`);
    expectRefused(await run('render', '-f', second), `taskpod render: ${second}, document 2: expected a Kubernetes object (a mapping with apiVersion and kind)`);
  });
});

describe('reading standard input (-f -)', () => {
  it('renders what standard input holds, as it renders a file', async () => {
    const fromFile = await run('render', '-f', file('stdin-same.yaml', TASKRUN));
    stdinIs(TASKRUN);
    const fromStdin = await run('render', '-f', '-');
    expect(fromStdin).toEqual(fromFile);
    expect(fromStdin.code).toBe(0);
  });

  it('names it "standard input" in errors, with the document number when there are several', async () => {
    stdinIs('kind: TaskRun\nmetadata: {name: r\n');
    const syntax = await run('render', '-f', '-');
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(/^taskpod render: standard input: not valid YAML \(line \d+, column \d+\): /);
    jest.restoreAllMocks();
    stdinIs(`${RUN_DOC}---\nmetadata: {name: x}\n`);
    expectRefused(await run('render', '-f', '-'), 'taskpod render: standard input, document 2: kind: missing: every object needs a kind');
  });

  it('is held to --max-input-bytes too, named "standard input"', async () => {
    stdinIs('x'.repeat(11));
    expectRefused(await run('render', '-f', '-', '--max-input-bytes', '10'), 'taskpod render: standard input: input is 11 bytes, over the limit of 10 (raise it with --max-input-bytes)');
  });
});

describe('--max-input-bytes', () => {
  it('accepts a file of exactly N bytes and refuses one of N + 1, naming the file and both sizes', async () => {
    const n = Buffer.byteLength(TASKRUN);
    const exact = file('exact.yaml', TASKRUN);
    expect((await run('render', '-f', exact, '--max-input-bytes', String(n))).code).toBe(0);
    const over = file('over.yaml', `${TASKRUN}#`);
    expectRefused(await run('render', '-f', over, '--max-input-bytes', String(n)), `taskpod render: ${over}: input is ${n + 1} bytes, over the limit of ${n} (raise it with --max-input-bytes)`);
  });

  // yaml.v2 refused input that is not UTF-8; decoding it leniently turned
  // each bad byte into U+FFFD, and the size check then counted 3 bytes each.
  it('refuses input that is not UTF-8, whatever its size', async () => {
    const latin1 = file('latin1-small.yaml', Buffer.from('a: \xe9\n', 'latin1'));
    expectRefused(await run('render', '-f', latin1, '--max-input-bytes', '6'), `taskpod render: ${latin1}: is not valid UTF-8 (Tekton's YAML reader, yaml.v2, refused such input)`);
  });

  it('counts the bytes of the file as read, also when they are not UTF-8', async () => {
    const latin1 = file('latin1.yaml', Buffer.from([0xe9, 0xe9, 0xe9, 0xe9]));
    expectRefused(await run('render', '-f', latin1, '--max-input-bytes', '3'), `taskpod render: ${latin1}: input is 4 bytes, over the limit of 3 (raise it with --max-input-bytes)`);
  });

  it('applies to the --config file too', async () => {
    const cfg = file('big-config.yaml', `${UBUNTU_ENTRYPOINT}${'#'.repeat(2000)}\n`);
    const r = await run('render', '-f', file('small.yaml', TASKRUN), '--config', cfg, '--max-input-bytes', '1000');
    expectRefused(r, `taskpod render: ${cfg}: input is ${Buffer.byteLength(UBUNTU_ENTRYPOINT) + 2001} bytes, over the limit of 1000 (raise it with --max-input-bytes)`);
  });
});

describe('--config', () => {
  const pod = (r: Run) => JSON.parse(r.stdout) as { spec: { containers: { args: string[] }[]; initContainers: { name: string; image: string }[] } };

  it('supplies the image entrypoints a step without a command needs', async () => {
    const f = file('needs-entrypoint.yaml', TASKRUN_NO_COMMAND);
    const refused = await run('render', '-f', f);
    expect(refused.code).toBe(1);
    const r = await run('render', '-f', f, '--config', file('entrypoints.yaml', UBUNTU_ENTRYPOINT), '-o', 'json');
    expect(r.code).toBe(0);
    expect(pod(r).spec.containers[0]!.args).toEqual(expect.arrayContaining(['-entrypoint', '/bin/bash', '--', 'hi']));
  });

  it('may open with an empty document; the first document with content is the config', async () => {
    const cfg = file('commented.yaml', `--- # controller settings, none here\n---\n${UBUNTU_ENTRYPOINT}`);
    expect((await run('render', '-f', file('needs-entrypoint2.yaml', TASKRUN_NO_COMMAND), '--config', cfg)).code).toBe(0);
  });

  it('an empty config file means the defaults', async () => {
    const withDefaults = await run('render', '-f', file('plain.yaml', TASKRUN), '-o', 'json');
    const withEmpty = await run('render', '-f', file('plain2.yaml', TASKRUN), '--config', file('empty-config.yaml', ''), '-o', 'json');
    expect(withEmpty).toEqual(withDefaults);
    expect(pod(withEmpty).spec.initContainers.find((c) => c.name === 'step-place-tools')!.image).toBe('gcr.io/tekton-releases/github.com/tektoncd/pipeline/cmd/entrypoint:v0.8.0');
  });

  it('a config file that is missing or not YAML: exit 1 naming it', async () => {
    const missing = join(dir, 'no-config.yaml');
    const f = file('cfg-target.yaml', TASKRUN);
    expectRefused(await run('render', '-f', f, '--config', missing), `taskpod render: ${missing}: cannot read: no such file`);
    const broken = file('broken-config.yaml', 'images: [\n');
    const r = await run('render', '-f', f, '--config', broken);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^taskpod render: ${broken.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not valid YAML \\(line `));
  });
});

describe('YAML output', () => {
  // A script stays readable: printed as a block literal when that reads back
  // the same (the fallback for strings that would not is tested in cli.test).
  it('prints multi-line strings as block literals when they read back unchanged', () => {
    const value = { a: 'build', b: 'yes', script: 'echo one\necho two\n' };
    const text = formatValue(value, 'yaml');
    // How b is quoted is the YAML 1.1 rule's business (test/cli.test.ts); the script stays a block.
    expect(text).toMatch(/^a: build\nb: .*\nscript: \|\n {2}echo one\n {2}echo two\n$/);
    expect(parse(text, { version: '1.1' })).toEqual(value);
  });

  it('prints JSON with two-space indent and a final newline', () => {
    expect(formatValue({ a: [1, 'x'] }, 'json')).toBe('{\n  "a": [\n    1,\n    "x"\n  ]\n}\n');
  });
});

// ---------------------------------------------------------------------------
// render
// ---------------------------------------------------------------------------

describe('render: nop-image warnings', () => {
  const RISKY = `apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: risky, namespace: ci}
spec:
  taskSpec:
    steps:
    - {name: shell, image: busybox, command: [/bin/sh, -c, 'true']}
    sidecars:
    - {name: web, image: busybox, command: [/bin/sh, -c, 'sleep 1000']}
---
${SA}`;

  it('warns about a sidecar whose command the nop image holds, on standard error with the command name', async () => {
    const r = await run('render', '-f', file('risky.yaml', RISKY), '--nop-contains', '/bin/sh', '-o', 'json');
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^taskpod render: warning: TaskRun ci\/risky: spec\.taskSpec\.sidecars\[0\]: sidecar "web" will not stop when its image is swapped for the nop image: /);
  });

  it('never warns about steps: they run the entrypoint binary, but Tekton does not swap their image', async () => {
    const r = await run('render', '-f', file('risky-steps.yaml', RISKY), '--nop-contains', '/builder/tools/entrypoint', '-o', 'json');
    expect(r.code).toBe(0);
    const steps = (JSON.parse(r.stdout) as { spec: { containers: { name: string; command: string[] }[] } }).spec.containers.filter((c) => c.name.startsWith('step-'));
    expect(steps.map((c) => c.command)).toEqual([['/builder/tools/entrypoint']]);
    expect(r.stderr).toBe('');
  });

  it('says nothing about a TaskRun without sidecars, whatever the nop image holds', async () => {
    const noSidecars = `${RISKY.slice(0, RISKY.indexOf('    sidecars:'))}---\n${SA}`;
    const r = await run('render', '-f', file('no-sidecars.yaml', noSidecars), '--nop-contains', '/bin/sh');
    expect([r.code, r.stderr]).toEqual([0, '']);
  });
});

// ---------------------------------------------------------------------------
// explain
// ---------------------------------------------------------------------------

describe('explain', () => {
  const SIDECAR_RUN = `${RUN_DOC}    sidecars:\n    - {name: db, image: postgres, command: [postgres]}\n---\n${SA}`;
  type X = { containers: { name: string; list: string; origin: string }[] };

  it('prints text by default, and -o yaml is the same data as -o json', async () => {
    const f = file('explain.yaml', SIDECAR_RUN);
    const text = await run('explain', '-f', f);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Pod run-pod-[0-9a-f]{6}/);
    const json = await run('explain', '-f', f, '-o', 'json');
    const yaml = await run('explain', '-f', f, '-o', 'yaml');
    expect(yaml.stdout).not.toMatch(/^\{/);
    expect(parse(yaml.stdout)).toEqual(JSON.parse(json.stdout));
    expect((await run('explain', '-f', f, '-o', 'text')).stdout).toBe(text.stdout);
    expect((await run('explain', '-f', f, '-o', 'mermaid')).stdout).toMatch(/^flowchart TB\n/);
  });

  it('--sidecars native explains the sidecars as init containers; nop (the default) as containers', async () => {
    const f = file('explain-native.yaml', SIDECAR_RUN);
    const where = async (...extra: string[]) => {
      const r = await run('explain', '-f', f, '-o', 'json', ...extra);
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as X).containers.filter((c) => c.origin === 'sidecar').map((c) => [c.name, c.list]);
    };
    expect(await where()).toEqual([['db', 'container']]);
    expect(await where('--sidecars', 'nop')).toEqual([['db', 'container']]);
    expect(await where('--sidecars', 'native')).toEqual([['db', 'init']]);
  });

  it('uses --config, as render does', async () => {
    const f = file('explain-needs-config.yaml', TASKRUN_NO_COMMAND);
    const refused = await run('explain', '-f', f);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('"ubuntu"');
    const r = await run('explain', '-f', f, '--config', file('explain-config.yaml', UBUNTU_ENTRYPOINT));
    expect([r.code, r.stderr]).toEqual([0, '']);
  });
});

// ---------------------------------------------------------------------------
// lint
// ---------------------------------------------------------------------------

describe('lint', () => {
  const CLUSTER_TASK = `apiVersion: tekton.dev/v1alpha1
kind: ClusterTask
metadata: {name: ct}
spec:
  steps:
  - {name: s, image: busybox, command: ['true']}
  sidecars:
  - {name: a, image: busybox, command: [/bin/sh]}
  - {name: b, image: busybox, command: [/bin/sleep, '1000']}
`;
  type Finding = { object: string; sidecar: string; verdict: string };

  it('lists each sidecar that keeps running, then the count, and exits 1 (ClusterTasks have no namespace)', async () => {
    const r = await run('lint', '-f', file('ct.yaml', CLUSTER_TASK), '--nop-contains', '/bin/sh', '--nop-contains', '/bin/sleep');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^ClusterTask ct: sidecar "a": keeps running: its command "\/bin\/sh" /);
    expect(lines[1]).toMatch(/^ClusterTask ct: sidecar "b": keeps running: its command "\/bin\/sleep" /);
    expect(lines[2]).toBe('2 sidecars would keep running; 2 sidecars checked against the nop image gcr.io/tekton-releases/github.com/tektoncd/pipeline/cmd/nop:v0.8.0');
    expect(lines[3]).toBe('');
  });

  it('counts in the singular for one sidecar, and lists only those that do not stop', async () => {
    const r = await run('lint', '-f', file('ct1.yaml', CLUSTER_TASK), '--nop-contains', '/bin/sleep');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').map((l) => l.replace(/: its command .*/, ''))).toEqual([
      'ClusterTask ct: sidecar "b": keeps running',
      `1 sidecar would keep running; 2 sidecars checked against the nop image ${NOP}`,
      '',
    ]);
  });

  it('with nothing at risk: one "ok" line, exit 0', async () => {
    const r = await run('lint', '-f', file('ct-ok.yaml', CLUSTER_TASK.replace(/ {2}- \{name: b.*\n/, '')));
    expect(r).toEqual({ code: 0, stderr: '', stdout: `ok: no sidecar would keep running; 1 sidecar checked against the nop image ${NOP}\n` });
  });

  it("a nop image of unknown contents: each sidecar \"cannot tell\", not counted as keeping running, exit 0", async () => {
    const cfg = file('other-nop.yaml', 'images:\n  nop: registry.example.com/nop:1\n');
    const r = await run('lint', '-f', file('ct-unknown.yaml', CLUSTER_TASK), '--config', cfg);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.map((l) => l.replace(/: cannot tell: .*/, ': cannot tell'))).toEqual([
      'ClusterTask ct: sidecar "a": cannot tell',
      'ClusterTask ct: sidecar "b": cannot tell',
      'ok: no sidecar would keep running; 2 sidecars checked against the nop image registry.example.com/nop:1 (contents unknown)',
      '',
    ]);
  });

  it('-o json and -o yaml: every finding (also those that stop) with its object', async () => {
    const f = file('ct-data.yaml', CLUSTER_TASK);
    const json = await run('lint', '-f', f, '-o', 'json', '--nop-contains', '/bin/sh');
    expect(json.code).toBe(1);
    const findings = JSON.parse(json.stdout) as Finding[];
    expect(findings.map((x) => [x.object, x.sidecar, x.verdict])).toEqual([
      ['ClusterTask ct', 'a', 'keeps-running'],
      ['ClusterTask ct', 'b', 'stops'],
    ]);
    const yaml = await run('lint', '-f', f, '-o', 'yaml', '--nop-contains', '/bin/sh');
    expect(yaml.code).toBe(1);
    expect(yaml.stdout).toMatch(/^- object: ClusterTask ct\n/);
    expect(parse(yaml.stdout)).toEqual(findings);
  });

  it('names an object without metadata "(unnamed)" in namespace default, and checks no sidecars of a Task without spec', async () => {
    const tasks = file('bare-tasks.yaml', 'kind: Task\nspec:\n  sidecars: [{name: s1, image: busybox, command: [/bin/sh]}]\n---\nkind: Task\nmetadata: {name: empty}\n---\nkind: ClusterTask\n');
    const r = await run('lint', '-f', tasks, '-o', 'json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Finding[]).map((x) => [x.object, x.sidecar])).toEqual([['Task default/(unnamed)', 's1']]);
    const text = await run('lint', '-f', tasks);
    expect(text.stdout).toBe(`ok: no sidecar would keep running; 1 sidecar checked against the nop image ${NOP}\n`);
  });

  it('checks live Pods (even one without metadata or spec) beside Tasks, and only their non-step containers', async () => {
    const pods = file('bare-pods.yaml', 'kind: Pod\n---\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: step-x, image: busybox, command: [/bin/sh]}\n  - {name: side, image: busybox, command: [/bin/sh]}\n');
    const r = await run('lint', '-f', pods, '-o', 'json', '--nop-contains', '/bin/sh');
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Finding[]).map((x) => [x.object, x.sidecar, x.verdict])).toEqual([['Pod default/p', 'side', 'keeps-running']]);
  });

  it("a TaskRun: lints its rendered Pod with --config, and only the Pod's sidecars", async () => {
    const run1 = `${RUN_DOC.replace('command: [echo], ', '')}    sidecars:\n    - {name: web, image: busybox, command: [/bin/sh]}\n---\n${SA}`;
    const f = file('lint-run.yaml', `${run1}---\nkind: Task\nmetadata: {name: unused, namespace: ci}\nspec:\n  sidecars: [{name: other, image: busybox, command: [/bin/sh]}]\n`);
    const refused = await run('lint', '-f', f);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^taskpod lint: TaskRun ci\/run: .*"ubuntu"/);
    const r = await run('lint', '-f', f, '--config', file('lint-config.yaml', UBUNTU_ENTRYPOINT), '--nop-contains', '/bin/sh', '-o', 'json');
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout) as Finding[];
    expect(findings.map((x) => [x.sidecar, x.verdict])).toEqual([['web', 'keeps-running']]);
    expect(findings[0]!.object).toMatch(/^Pod ci\/run-pod-[0-9a-f]{6} \(rendered\)$/);
  });

  it('refuses an input with nothing to lint, in one line', async () => {
    const f = file('lint-nothing.yaml', 'kind: ServiceAccount\nmetadata: {name: default}\n');
    expectRefused(await run('lint', '-f', f), 'taskpod lint: input: nothing to lint: no TaskRun, Task, ClusterTask or Pod found');
  });
});

// ---------------------------------------------------------------------------
// pvc
// ---------------------------------------------------------------------------

describe('pvc', () => {
  type Claim = { kind: string; metadata: { name: string; namespace: string; ownerReferences: { name: string; uid: string }[] } };

  it('prints the claim as YAML by default, in the PipelineRun\'s namespace (default when it has none), with nothing on standard error', async () => {
    const r = await run('pvc', '-f', file('pr-default.yaml', 'apiVersion: tekton.dev/v1alpha1\nkind: PipelineRun\nmetadata: {name: build}\n'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^kind: PersistentVolumeClaim\napiVersion: v1\n/);
    const claim = parse(r.stdout) as Claim;
    expect([claim.metadata.name, claim.metadata.namespace, claim.metadata.ownerReferences[0]!.name, claim.metadata.ownerReferences[0]!.uid]).toEqual(['build-pvc', 'default', 'build', '']);
  });

  it('names the claim of a generateName PipelineRun after the generated name, the same every time', async () => {
    const f = file('pr-generate.yaml', 'kind: PipelineRun\nmetadata: {generateName: nightly-, namespace: ci}\n');
    const a = parse((await run('pvc', '-f', f)).stdout) as Claim;
    const b = parse((await run('pvc', '-f', f)).stdout) as Claim;
    expect(a.metadata.name).toMatch(/^nightly-[a-z0-9]{5}-pvc$/);
    expect(a.metadata.ownerReferences[0]!.name).toBe(a.metadata.name.replace(/-pvc$/, ''));
    expect(b).toEqual(a);
  });

  it('prints a List of the claims, in input order, for several PipelineRuns', async () => {
    const f = file('pr-two.yaml', 'kind: PipelineRun\nmetadata: {name: b, namespace: team-b}\n---\nkind: PipelineRun\nmetadata: {name: a, namespace: team-a}\n');
    const r = await run('pvc', '-f', f);
    const list = parse(r.stdout) as { apiVersion: string; kind: string; items: Claim[] };
    expect([list.apiVersion, list.kind]).toEqual(['v1', 'List']);
    expect(list.items.map((c) => `${c.metadata.namespace}/${c.metadata.name}`)).toEqual(['team-b/b-pvc', 'team-a/a-pvc']);
  });

  it('refuses a PipelineRun without a name or generateName, and one whose metadata has the wrong type', async () => {
    const unnamed = file('pr-unnamed.yaml', 'kind: PipelineRun\nmetadata: {namespace: ci}\n');
    expectRefused(await run('pvc', '-f', unnamed), 'taskpod pvc: PipelineRun ci/(unnamed): metadata.name: missing: a PipelineRun needs a name or a generateName');
    const badName = file('pr-bad-name.yaml', 'kind: PipelineRun\nmetadata: {name: [x]}\n');
    const r = await run('pvc', '-f', badName);
    expect(r.code).toBe(1);
    // A PipelineRun is decoded like every Tekton object: a name that is not a string is named by its document.
    expect(r.stderr).toMatch(/^taskpod pvc: PipelineRun \(.*pr-bad-name\.yaml\): metadata\.name: expected string/);
  });

  it('names an unnamed PipelineRun (of namespace "", or without metadata) as one of namespace default', async () => {
    const missing = 'taskpod pvc: PipelineRun default/(unnamed): metadata.name: missing: a PipelineRun needs a name or a generateName';
    expectRefused(await run('pvc', '-f', file('pr-empty-ns.yaml', 'kind: PipelineRun\nmetadata: {namespace: ""}\n')), missing);
    expectRefused(await run('pvc', '-f', file('pr-no-meta.yaml', 'kind: PipelineRun\n')), missing);
  });

  it('names a PipelineRun whose metadata has a wrong field by its namespace and name', async () => {
    const f = file('pr-bad-uid.yaml', 'kind: PipelineRun\nmetadata: {name: p, namespace: ci, uid: [1]}\n');
    const r = await run('pvc', '-f', f);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^taskpod pvc: PipelineRun ci\/p: metadata\.uid: /);
  });

  it('reads the artifact ConfigMaps from namespace tekton-pipelines only, by their exact names', async () => {
    const cm = (name: string, ns: string, data: string) => `---\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: ${ns}}\ndata: ${data}\n`;
    const pr = 'kind: PipelineRun\nmetadata: {name: p, namespace: ci}\n';
    const elsewhere = file('pr-cm-elsewhere.yaml', `${pr}---\nkind: ConfigMap\n${cm('config-artifact-pvc', 'ci', '{size: 1Gi}')}${cm('config-artifact-bucket', 'ci', '{location: "gs://b"}')}${cm('other', 'tekton-pipelines', '{size: 2Gi}')}`);
    const r = await run('pvc', '-f', elsewhere, '-o', 'json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect((JSON.parse(r.stdout) as { spec: unknown }).spec).toEqual({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } });
    const system = file('pr-cm-system.yaml', `${pr}${cm('other', 'tekton-pipelines', '{size: 2Gi}')}${cm('config-artifact-pvc', 'tekton-pipelines', '{size: 3Gi}')}`);
    expect((JSON.parse((await run('pvc', '-f', system, '-o', 'json')).stdout) as { spec: { resources: unknown } }).spec.resources).toEqual({ requests: { storage: '3Gi' } });
  });

  it('refuses an input without a PipelineRun, in one line', async () => {
    expectRefused(await run('pvc', '-f', file('pr-none.yaml', 'kind: ConfigMap\nmetadata: {name: x}\n')), 'taskpod pvc: input: no PipelineRun found: give the PipelineRun with -f');
  });

  it('with a bucket configured: nothing on standard output, one warning naming the ConfigMap, exit 0; config-artifact-pvc is not read', async () => {
    const bucket = 'kind: ConfigMap\nmetadata: {name: config-artifact-bucket, namespace: tekton-pipelines}\ndata: {location: "gs://bucket"}\n';
    const badPvc = 'kind: ConfigMap\nmetadata: {name: config-artifact-pvc, namespace: tekton-pipelines}\ndata: {size: huge}\n';
    const f = file('pr-bucket.yaml', `kind: PipelineRun\nmetadata: {name: b}\n---\n${bucket}---\n${badPvc}`);
    expect(await run('pvc', '-f', f)).toEqual({
      code: 0,
      stdout: '',
      stderr: 'taskpod pvc: warning: ConfigMap tekton-pipelines/config-artifact-bucket names a bucket location: artifacts go to the bucket and Tekton creates no PersistentVolumeClaim\n',
    });
  });
});

// ---------------------------------------------------------------------------
// ready and stop-sidecars
// ---------------------------------------------------------------------------

describe('ready', () => {
  it('prints the Pod as YAML by default, and with -o yaml', async () => {
    const f = file('ready-yaml.json', podJson(PHASES.ready()));
    const byDefault = await run('ready', '-f', f);
    expect(byDefault.code).toBe(0);
    expect(byDefault.stdout).toMatch(/^apiVersion: v1\nkind: Pod\n/);
    expect((parse(byDefault.stdout) as { metadata: { annotations: Record<string, string> } }).metadata.annotations['tekton.dev/ready']).toBe('READY');
    expect(await run('ready', '-f', f, '-o', 'yaml')).toEqual(byDefault);
  });

  it('says so when the Pod already has the annotation, and changes nothing', async () => {
    const f = file('ready-already.json', podJson(PHASES.ready(), { annotations: { 'tekton.dev/ready': 'READY' } }));
    expect(await run('ready', '-f', f, '-o', 'patch')).toEqual({
      code: 0,
      stdout: '[]\n',
      stderr: 'taskpod ready: warning: Pod ci/run-pod-abcde already has tekton.dev/ready: READY; nothing to change\n',
    });
  });

  it('refuses an input without a Pod, or with two, naming them', async () => {
    const none = file('ready-none.yaml', 'kind: ServiceAccount\nmetadata: {name: default}\n');
    expectRefused(await run('ready', '-f', none), 'taskpod ready: input: no Pod found: the input must hold exactly one Pod (kubectl get pod NAME -o yaml)');
    const other = podJson(PHASES.ready()) as { metadata: Record<string, unknown> };
    const two = file('ready-two.yaml', `${JSON.stringify(podJson(PHASES.ready()))}\n---\n${JSON.stringify({ ...other, metadata: { name: 'second' } })}\n---\nkind: Pod\n`);
    expectRefused(await run('ready', '-f', two), 'taskpod ready: input: 3 Pods found (Pod ci/run-pod-abcde, Pod second, Pod (unnamed)): the input must hold exactly one');
  });
});

describe('stop-sidecars', () => {
  it('prints the Pod as YAML by default, and with -o yaml', async () => {
    const f = file('stop-yaml.json', podJson(PHASES.stepsDone()));
    const byDefault = await run('stop-sidecars', '-f', f);
    expect(byDefault.code).toBe(0);
    expect(byDefault.stdout).toMatch(/^apiVersion: v1\nkind: Pod\n/);
    expect((parse(byDefault.stdout) as { spec: { containers: { image: string }[] } }).spec.containers.map((c) => c.image)).toEqual(['golang:1.13', 'golang:1.13', NOP, NOP]);
    expect(await run('stop-sidecars', '-f', f, '-o', 'yaml')).toEqual(byDefault);
  });

  it('says why nothing was stopped: no phase, no running sidecar', async () => {
    const noStatus = await run('stop-sidecars', '-f', file('stop-no-status.json', podJson(undefined)), '-o', 'patch');
    expect(noStatus).toEqual({ code: 0, stdout: '[]\n', stderr: 'taskpod stop-sidecars: warning: Pod ci/run-pod-abcde: nothing to stop: the Pod is without a phase, not Running\n' });
    const ending = await run('stop-sidecars', '-f', file('stop-ending.json', podJson(PHASES.sidecarsEnding())), '-o', 'patch');
    expect(ending).toEqual({ code: 0, stdout: '[]\n', stderr: 'taskpod stop-sidecars: warning: Pod ci/run-pod-abcde: nothing to stop: no sidecar is running\n' });
    const pending = await run('stop-sidecars', '-f', file('stop-pending.json', podJson(PHASES.pending())), '-o', 'patch');
    expect(pending.stderr).toBe('taskpod stop-sidecars: warning: Pod ci/run-pod-abcde: nothing to stop: the Pod is in phase Pending, not Running\n');
  });

  it('warns, naming the Pod, when the steps have not all finished', async () => {
    const r = await run('stop-sidecars', '-f', file('stop-early.json', podJson(PHASES.ready())), '-o', 'patch');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('taskpod stop-sidecars: warning: Pod ci/run-pod-abcde: not every step has finished; Tekton stopped sidecars only once the TaskRun was done\n');
  });

  it('checks only the swapped sidecars against the nop image, never the steps', async () => {
    // The steps run /builder/tools/entrypoint; a nop image holding it must not make them "keep running": steps are not swapped.
    const r = await run('stop-sidecars', '-f', file('stop-check.json', podJson(PHASES.stepsDone())), '--nop-contains', '/builder/tools/entrypoint', '--nop-contains', '/usr/local/bin/envoy', '-o', 'patch');
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.every((l) => l.startsWith('taskpod stop-sidecars: warning: Pod ci/run-pod-abcde: sidecar '))).toBe(true);
    expect(lines.some((l) => l.includes('sidecar "proxy" will not stop'))).toBe(true);
    expect(r.stderr).not.toContain('step-');
  });
});

// ---------------------------------------------------------------------------
// Warnings: inputs Tekton ran as they are, although doubtful
// ---------------------------------------------------------------------------

describe('warnings (render, lint, explain)', () => {
  /** A TaskRun of PipelineRun release copying its git output to a bucket whose secret is configured by half. */
  const HALF_BUCKET = `apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata:
  name: build
  namespace: ci
  ownerReferences: [{apiVersion: tekton.dev/v1alpha1, kind: PipelineRun, name: release}]
spec:
  taskSpec:
    outputs:
      resources: [{name: src, type: git}]
    steps:
    - {name: build, image: alpine, command: ['true']}
  outputs:
    resources: [{name: src, resourceRef: {name: src}, paths: [release-bucket/build/src]}]
---
apiVersion: tekton.dev/v1alpha1
kind: PipelineResource
metadata: {name: src, namespace: ci}
spec:
  type: git
  params: [{name: url, value: 'https://github.com/example/app'}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: config-artifact-bucket, namespace: tekton-pipelines}
data:
  location: gs://artifacts
  bucket.service.account.secret.name: artifacts-sa
---
${SA}`;
  const WARNING =
    'ConfigMap tekton-pipelines/config-artifact-bucket: data["bucket.service.account.secret.name"]: is set but bucket.service.account.secret.key is not, ' +
    "so Tekton ignored it: the artifact copy steps run gsutil without the secret's credentials";
  type PodJson = { spec: { containers: { name: string; args: string[]; env?: unknown[] }[]; volumes: { name: string }[] } };

  it('render: the Pod on standard output, the warning on standard error, exit 0', async () => {
    const r = await run('render', '-f', file('half-bucket.yaml', HALF_BUCKET), '-o', 'json');
    expect([r.code, r.stderr]).toEqual([0, `taskpod render: warning: ${WARNING}\n`]);
    const pod = JSON.parse(r.stdout) as PodJson;
    const copy = pod.spec.containers.find((c) => c.name.startsWith('step-artifact-copy-to-src-'));
    expect(copy?.args.slice(-2)).toEqual(['-args', 'cp -P -r /workspace/output/src gs://artifacts/release-bucket/build/src']);
    expect(copy?.env).toEqual([{ name: 'HOME', value: '/builder/home' }]);
    expect(pod.spec.volumes.map((v) => v.name)).not.toContain('volume-bucket-artifacts-sa');
  });

  it('lint: the warning in the text report, counted in the last line; exit 0 with no sidecar at risk', async () => {
    const r = await run('lint', '-f', file('half-bucket-lint.yaml', HALF_BUCKET));
    expect(r).toEqual({ code: 0, stderr: '', stdout: `warning: ${WARNING}\nno sidecar would keep running, 1 warning; 0 sidecars checked against the nop image ${NOP}\n` });
  });

  it('lint -o json: the findings on standard output as before, the warning on standard error', async () => {
    const r = await run('lint', '-f', file('half-bucket-lint-json.yaml', HALF_BUCKET), '-o', 'json');
    expect(r).toEqual({ code: 0, stdout: '[]\n', stderr: `taskpod lint: warning: ${WARNING}\n` });
  });

  it("lint reports a sidecar at risk once, as its finding, not again as the render's warning", async () => {
    const withSidecar = HALF_BUCKET.replace("    - {name: build, image: alpine, command: ['true']}\n", "    - {name: build, image: alpine, command: ['true']}\n    sidecars:\n    - {name: web, image: busybox, command: [/bin/sh]}\n");
    const r = await run('lint', '-f', file('half-bucket-sidecar.yaml', withSidecar), '--nop-contains', '/bin/sh');
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Pod ci\/build-pod-[0-9a-f]{6} \(rendered\): sidecar "web": keeps running: /);
    expect(lines.slice(1)).toEqual([`warning: ${WARNING}`, `1 sidecar would keep running, 1 warning; 1 sidecar checked against the nop image ${NOP}`]);
  });

  it('explain: a Warnings section ends the text, the data has "warnings", -o mermaid puts them on standard error', async () => {
    const f = file('half-bucket-explain.yaml', HALF_BUCKET);
    const text = await run('explain', '-f', f);
    expect([text.code, text.stderr]).toEqual([0, '']);
    expect(text.stdout).toMatch(new RegExp(`\\n\\nWarnings:\\n  ${WARNING.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n$`));
    const json = await run('explain', '-f', f, '-o', 'json');
    expect((JSON.parse(json.stdout) as { warnings: unknown }).warnings).toEqual([
      {
        object: 'ConfigMap tekton-pipelines/config-artifact-bucket',
        field: 'data["bucket.service.account.secret.name"]',
        message: "is set but bucket.service.account.secret.key is not, so Tekton ignored it: the artifact copy steps run gsutil without the secret's credentials",
      },
    ]);
    const mermaid = await run('explain', '-f', f, '-o', 'mermaid');
    expect(mermaid.stdout).toMatch(/^flowchart TB\n/);
    expect([mermaid.code, mermaid.stderr]).toEqual([0, `taskpod explain: warning: ${WARNING}\n`]);
  });

  it('explain: no Warnings section and an empty "warnings" when there is nothing to say', async () => {
    const f = file('explain-no-warnings.yaml', TASKRUN);
    expect((await run('explain', '-f', f)).stdout).not.toContain('Warnings:');
    expect((JSON.parse((await run('explain', '-f', f, '-o', 'json')).stdout) as { warnings: unknown }).warnings).toEqual([]);
  });

  it('explain --nop-contains feeds the sidecar warnings, as for render', async () => {
    const f = file('explain-sidecar.yaml', `${RUN_DOC}    sidecars:\n    - {name: web, image: busybox, command: [/bin/sh]}\n---\n${SA}`);
    const plain = await run('explain', '-f', f, '-o', 'json');
    expect((JSON.parse(plain.stdout) as { warnings: unknown[] }).warnings).toEqual([]);
    const risky = await run('explain', '-f', f, '-o', 'json', '--nop-contains', '/bin/sh');
    expect((JSON.parse(risky.stdout) as { warnings: { object: string; field: string }[] }).warnings.map((w) => [w.object, w.field])).toEqual([['TaskRun ci/run', 'spec.taskSpec.sidecars[0]']]);
  });

  it('explain ends its text with the warnings, and with -o mermaid prints them on standard error, as render does', async () => {
    const f = file('explain-sidecar-text.yaml', `${RUN_DOC}    sidecars:\n    - {name: web, image: busybox, command: [/bin/sh]}\n---\n${SA}`);
    const rendered = await run('render', '-f', f, '--nop-contains', '/bin/sh');
    const line = rendered.stderr.replace(/^taskpod render: warning: /, '').trimEnd();
    expect(line).toMatch(/^TaskRun ci\/run: spec\.taskSpec\.sidecars\[0\]: sidecar "web" will not stop /);
    const text = await run('explain', '-f', f, '--nop-contains', '/bin/sh');
    expect([text.code, text.stderr]).toEqual([0, '']);
    expect(text.stdout.endsWith(`\n\nWarnings:\n  ${line}\n`)).toBe(true);
    const mermaid = await run('explain', '-f', f, '--nop-contains', '/bin/sh', '-o', 'mermaid');
    expect(mermaid.stdout).toMatch(/^flowchart TB\n/);
    expect([mermaid.code, mermaid.stderr]).toEqual([0, `taskpod explain: warning: ${line}\n`]);
  });
});
