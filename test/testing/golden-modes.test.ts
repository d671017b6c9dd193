/**
 * taskpod/testing in detail (README "Golden-file tests", the doc comments
 * of src/testing/index.ts):
 *
 * - when files are written: `UPDATE_GOLDEN` (set, not `0`/`false`) or jest's
 *   `-u` rewrite; under jest without `--ci` a missing file is created; with
 *   `--ci` (or outside jest) it fails;
 * - which folders are cases: those holding `input.yaml`, found recursively,
 *   sorted, not inside another case, hidden folders and node_modules skipped;
 * - what checkGolden reports, writes and removes for each outcome (match,
 *   mismatch, missing, updated, created; pod.yaml against error.txt);
 * - how a case is rendered: its config.yaml, renderOptions, render, limits;
 * - the failure messages expectGolden throws.
 *
 * jest's snapshot state is what the helpers read to learn about -u and
 * --ci; the tests replace the global `expect` with a stand-in for the time
 * of one call to pin that state.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as E from 'fp-ts/Either';
import { parse } from 'yaml';
import { invalid } from '../../src/errors';
import { DEFAULT_IMAGES } from '../../src/model/config';
import {
  checkGolden,
  checkGoldenCases,
  createMissingRequested,
  ERROR_FILE,
  expectGolden,
  findGoldenCases,
  goldenFailure,
  GoldenInput,
  GoldenResult,
  POD_FILE,
  renderGolden,
  toGoldenYaml,
  updateRequested,
} from '../../src/testing';

const SA = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default, namespace: default}\n';
const RUN = `apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata: {name: run, namespace: default}
spec:
  taskSpec:
    steps:
    - {name: a, image: ubuntu, command: [echo, hi]}
---
${SA}`;
/** Refused with the defaults (no command, no imageEntrypoints for ubuntu); renders with UBUNTU. */
const RUN_NO_COMMAND = RUN.replace('command: [echo, hi]', 'args: [hi]');
const UBUNTU = 'imageEntrypoints:\n  ubuntu: ["/bin/bash"]\n';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'taskpod-golden-modes-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A case folder under the temp root with the given files. */
function makeCase(name: string, files: Readonly<Record<string, string>>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

const read = (f: string) => readFileSync(f, 'utf8');

/** What jest's snapshot state says, as the helpers read it; 'no jest' removes `expect`, 'broken' makes getState throw. */
type JestState = 'all' | 'new' | 'none' | 'no jest' | 'broken' | { readonly _updateSnapshot: unknown };

/** Runs `f` with `UPDATE_GOLDEN` set to `env` (unset for undefined) and jest's snapshot state pinned to `state`. */
function under<T>(env: string | undefined, state: JestState, f: () => T): T {
  const g = globalThis as { expect?: unknown };
  const savedExpect = g.expect;
  const savedEnv = process.env.UPDATE_GOLDEN;
  if (env === undefined) delete process.env.UPDATE_GOLDEN;
  else process.env.UPDATE_GOLDEN = env;
  const snapshotState = typeof state === 'string' ? { _updateSnapshot: state } : state;
  g.expect =
    state === 'no jest'
      ? undefined
      : {
          getState: () => {
            if (state === 'broken') throw new Error('no test is running');
            return { snapshotState };
          },
        };
  try {
    return f();
  } finally {
    g.expect = savedExpect;
    if (savedEnv === undefined) delete process.env.UPDATE_GOLDEN;
    else process.env.UPDATE_GOLDEN = savedEnv;
  }
}

describe('update mode: UPDATE_GOLDEN and jest -u', () => {
  it.each<[string | undefined, boolean]>([
    ['1', true],
    ['true', true],
    ['yes', true],
    ['0', false],
    ['', false],
    ['false', false],
    ['FALSE', false],
    ['False', false],
    [undefined, false],
  ])('UPDATE_GOLDEN=%j (jest with --ci): update %s', (env, expected) => {
    expect(under(env, 'none', updateRequested)).toBe(expected);
    // In update mode a missing file is written too; otherwise --ci makes it fail.
    expect(under(env, 'none', createMissingRequested)).toBe(expected);
  });

  it.each<[JestState, boolean, boolean]>([
    ['all', true, true], // jest -u
    ['new', false, true], // jest without --ci: new files are written, as new snapshots are
    ['none', false, false], // jest --ci
    ['no jest', false, false], // another test runner
    ['broken', false, false], // outside a test: getState throws
    [{ _updateSnapshot: true }, false, false], // a state jest never sets
  ])('jest snapshot state %j: update %s, create missing files %s', (state, update, create) => {
    expect(under(undefined, state, updateRequested)).toBe(update);
    expect(under(undefined, state, createMissingRequested)).toBe(create);
  });

  it('UPDATE_GOLDEN=1 turns update mode on under any test runner', () => {
    expect(under('1', 'no jest', updateRequested)).toBe(true);
    expect(under('1', 'no jest', createMissingRequested)).toBe(true);
  });
});

describe('checkGolden follows the mode when no option says otherwise', () => {
  it('jest without --ci: creates a missing pod.yaml; a differing one still fails', () => {
    const dir = makeCase('new-mode', { 'input.yaml': RUN });
    expect(under(undefined, 'new', () => checkGolden(dir).status)).toBe('created');
    writeFileSync(join(dir, POD_FILE), 'kind: Pod\n');
    expect(under(undefined, 'new', () => checkGolden(dir).status)).toBe('mismatch');
    expect(read(join(dir, POD_FILE))).toBe('kind: Pod\n');
  });

  it('jest --ci: a missing pod.yaml fails and is not written', () => {
    const dir = makeCase('ci-mode', { 'input.yaml': RUN });
    expect(under(undefined, 'none', () => checkGolden(dir).status)).toBe('missing');
    expect(existsSync(join(dir, POD_FILE))).toBe(false);
  });

  it('jest -u: rewrites a differing pod.yaml', () => {
    const dir = makeCase('u-mode', { 'input.yaml': RUN, [POD_FILE]: 'kind: Pod\n' });
    expect(under(undefined, 'all', () => checkGolden(dir).status)).toBe('updated');
    expect(read(join(dir, POD_FILE))).toMatch(/^kind: Pod\napiVersion: v1\nmetadata:\n/);
  });

  it('the options win over the mode: createMissing under --ci, update: false under -u', () => {
    const a = makeCase('opt-create', { 'input.yaml': RUN });
    expect(under(undefined, 'none', () => checkGolden(a, { createMissing: true }).status)).toBe('created');
    const b = makeCase('opt-no-create', { 'input.yaml': RUN });
    expect(under(undefined, 'new', () => checkGolden(b, { createMissing: false }).status)).toBe('missing');
    const c = makeCase('opt-no-update', { 'input.yaml': RUN, [POD_FILE]: 'kind: Pod\n' });
    expect(under('1', 'all', () => checkGolden(c, { update: false, createMissing: false }).status)).toBe('mismatch');
    // update implies writing a missing file, whatever createMissing says.
    const d = makeCase('opt-update', { 'input.yaml': RUN });
    expect(under(undefined, 'none', () => checkGolden(d, { update: true, createMissing: false }).status)).toBe('created');
  });
});

describe('findGoldenCases', () => {
  it('finds the folders holding input.yaml at any depth, sorted by name at each level, whatever the creation order', () => {
    for (const name of ['zeta', 'group/b', 'alpha', 'group/a', 'group/deeper/x']) makeCase(name, { 'input.yaml': RUN });
    expect(findGoldenCases(root).map((d) => relative(root, d))).toEqual(['alpha', 'group/a', 'group/b', 'group/deeper/x', 'zeta']);
  });

  it('sorts the names itself: the order the file system lists them in is not specified', () => {
    for (const name of ['b', 'a', 'c/y', 'c/x']) makeCase(name, { 'input.yaml': RUN });
    // node:fs as src/testing sees it (CommonJS); list each folder backwards.
    const nodeFs = require('node:fs') as typeof import('node:fs');
    const real = nodeFs.readdirSync;
    const spy = jest.spyOn(nodeFs, 'readdirSync').mockImplementation(((p: string) => (real(p) as string[]).slice().reverse()) as typeof nodeFs.readdirSync);
    try {
      expect(findGoldenCases(root).map((d) => relative(root, d))).toEqual(['a', 'b', join('c', 'x'), join('c', 'y')]);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('does not look inside a case, nor into hidden folders and node_modules; plain files are passed over', () => {
    makeCase('case', { 'input.yaml': RUN });
    makeCase('case/inner', { 'input.yaml': RUN });
    makeCase('.hidden', { 'input.yaml': RUN });
    makeCase('node_modules/pkg', { 'input.yaml': RUN });
    makeCase('other/node_modules', { 'input.yaml': RUN });
    writeFileSync(join(root, 'README.md'), '# cases\n');
    writeFileSync(join(root, 'a.yaml'), RUN);
    expect(findGoldenCases(root)).toEqual([join(root, 'case')]);
  });

  it('a root that is itself a case is the one case', () => {
    writeFileSync(join(root, 'input.yaml'), RUN);
    expect(findGoldenCases(root)).toEqual([root]);
  });
});

describe('toGoldenYaml', () => {
  it('keeps the keys in the order given, as taskpod render prints a Pod', () => {
    expect(toGoldenYaml({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'p' } })).toBe('kind: Pod\napiVersion: v1\nmetadata:\n  name: p\n');
  });

  it('sorts the keys of every object on request, inside lists too, leaving lists, strings and null as they are', () => {
    const value = { z: [{ b: 1, a: 'x' }, 'plain'], a: null, m: { d: true, c: [] } };
    expect(toGoldenYaml(value, true)).toBe('a: null\nm:\n  c: []\n  d: true\nz:\n  - a: x\n    b: 1\n  - plain\n');
  });

  it('sorts a "__proto__" key as data, without touching any prototype', () => {
    const value = JSON.parse('{"b": 1, "__proto__": {"polluted": true}}') as unknown;
    expect(toGoldenYaml(value, true)).toBe('__proto__:\n  polluted: true\nb: 1\n');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('renderGolden: how a case is rendered', () => {
  it("uses the case's config.yaml", () => {
    const dir = makeCase('with-config', { 'input.yaml': RUN_NO_COMMAND, 'config.yaml': UBUNTU });
    const r = renderGolden(dir);
    expect(r.file).toBe(join(dir, POD_FILE));
    expect((parse(r.text) as { spec: { containers: { args: string[] }[] } }).spec.containers[0]!.args).toEqual(expect.arrayContaining(['-entrypoint', '/bin/bash']));
  });

  it('without config.yaml: renderOptions.config, else the defaults (under which this case is refused)', () => {
    const dir = makeCase('options-config', { 'input.yaml': RUN_NO_COMMAND });
    const refused = renderGolden(dir);
    expect(refused.file).toBe(join(dir, ERROR_FILE));
    expect(refused.text).toMatch(/^TaskRun default\/run: .*"ubuntu".*\n$/);
    const config = { images: DEFAULT_IMAGES, imageEntrypoints: { ubuntu: ['/bin/zsh'] } };
    const r = renderGolden(dir, { renderOptions: { config } });
    expect(r.file).toBe(join(dir, POD_FILE));
    expect(r.text).toContain('- /bin/zsh\n');
  });

  it("config.yaml wins over renderOptions.config; renderOptions' other fields still apply", () => {
    const dir = makeCase('config-wins', {
      'input.yaml': RUN_NO_COMMAND.replace('---', '    sidecars:\n    - {name: side, image: busybox, command: [sleep]}\n---'),
      'config.yaml': UBUNTU,
    });
    const config = { images: DEFAULT_IMAGES, imageEntrypoints: { ubuntu: ['/bin/zsh'] } };
    const pod = parse(renderGolden(dir, { renderOptions: { config, sidecars: 'native' } }).text) as {
      spec: { containers: { name: string; args: string[] }[]; initContainers: { name: string; restartPolicy?: string }[] };
    };
    expect(pod.spec.containers.map((c) => c.name)).toEqual(['step-a']);
    expect(pod.spec.containers[0]!.args).toContain('/bin/bash');
    expect(pod.spec.initContainers.find((c) => c.name === 'side')?.restartPolicy).toBe('Always');
  });

  it('a render function receives the case folder, its objects and its config; its value is printed as YAML', () => {
    const dir = makeCase('custom', { 'input.yaml': RUN, 'config.yaml': UBUNTU });
    const seen: GoldenInput[] = [];
    const r = renderGolden(dir, {
      render: (input) => {
        seen.push(input);
        return E.right({ steps: input.objects.taskRuns.length, entrypoints: input.config.imageEntrypoints });
      },
    });
    expect(seen.map((s) => s.dir)).toEqual([dir]);
    expect(r).toEqual({ file: join(dir, POD_FILE), text: 'steps: 1\nentrypoints:\n  ubuntu:\n    - /bin/bash\n' });
    const refused = renderGolden(dir, { render: () => E.left(invalid('TaskRun default/run', 'spec.x', 'no good')) });
    expect(refused).toEqual({ file: join(dir, ERROR_FILE), text: 'TaskRun default/run: spec.x: no good\n' });
  });

  it('an input.yaml that is not YAML, or too big for the limits: error.txt names the file', () => {
    const bad = makeCase('bad-yaml', { 'input.yaml': 'kind: [\n' });
    const r = renderGolden(bad, { render: () => E.right('never called') });
    expect(r.file).toBe(join(bad, ERROR_FILE));
    expect(r.text).toMatch(new RegExp(`^${escape(join(bad, 'input.yaml'))}: not valid YAML \\(line \\d+, column \\d+\\): .*\\n$`));
    const big = makeCase('big', { 'input.yaml': RUN });
    expect(renderGolden(big, { limits: { maxBytes: 10, maxAliases: 100 } }).text).toBe(
      `${join(big, 'input.yaml')}: input is ${Buffer.byteLength(RUN)} bytes, over the limit of 10 (raise it with --max-input-bytes)\n`,
    );
  });

  it('a config.yaml that is not valid: error.txt names it', () => {
    const dir = makeCase('bad-config', { 'input.yaml': RUN, 'config.yaml': 'images:\n  credsInit: x\n' });
    const r = renderGolden(dir);
    expect(r.file).toBe(join(dir, ERROR_FILE));
    expect(r.text).toMatch(new RegExp(`^config ${escape(join(dir, 'config.yaml'))}: images\\.credsInit: `));
  });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('checkGolden: each outcome', () => {
  const off = { update: false, createMissing: false } as const;

  it('match: the committed file is the rendered text; no diff; nothing written', () => {
    const dir = makeCase('match', { 'input.yaml': RUN });
    const text = renderGolden(dir).text;
    writeFileSync(join(dir, POD_FILE), text);
    expect(checkGolden(dir, { ...off, root })).toEqual({ dir, name: 'match', status: 'match', file: join(dir, POD_FILE), actual: text, expected: text, diff: '' });
  });

  it('match also when the committed file has Windows line ends', () => {
    const dir = makeCase('crlf', { 'input.yaml': RUN });
    writeFileSync(join(dir, POD_FILE), renderGolden(dir).text.replace(/\n/g, '\r\n'));
    expect(checkGolden(dir, off).status).toBe('match');
  });

  it('names the case relative to the root, the current directory by default, or by its path when it is the root', () => {
    const dir = makeCase('named/case', { 'input.yaml': RUN });
    expect(checkGolden(dir, { ...off, root }).name).toBe(join('named', 'case'));
    expect(checkGolden(dir, off).name).toBe(relative(process.cwd(), dir));
    expect(checkGolden(dir, { ...off, root: dir }).name).toBe(dir);
  });

  it('missing: the diff is against nothing, labelled "(missing)"; no expected text; the message shows the render', () => {
    const dir = makeCase('missing', { 'input.yaml': RUN });
    const r = checkGolden(dir, off);
    const file = join(dir, POD_FILE);
    expect(r.status).toBe('missing');
    expect('expected' in r).toBe(false);
    expect(r.diff.startsWith(`--- ${file} (missing)\n+++ ${file} (rendered)\n@@ -0,0 +1,`)).toBe(true);
    expect(goldenFailure(r)).toBe(`${file} is missing (run with UPDATE_GOLDEN=1 or jest -u to write it); the case renders:\n${r.actual}`);
    expect(existsSync(file)).toBe(false);
  });

  it('created: the file is written; no expected text', () => {
    const dir = makeCase('created', { 'input.yaml': RUN });
    const r = checkGolden(dir, { update: false, createMissing: true });
    expect(r.status).toBe('created');
    expect('expected' in r).toBe(false);
    expect(read(join(dir, POD_FILE))).toBe(r.actual);
    expect(goldenFailure(r)).toBeUndefined();
  });

  it('mismatch: the diff from the committed file to the render; the file is kept, even when missing files may be created', () => {
    const dir = makeCase('mismatch', { 'input.yaml': RUN });
    const file = join(dir, POD_FILE);
    const right = renderGolden(dir).text;
    const wrong = right.replace('restartPolicy: Never', 'restartPolicy: Always');
    writeFileSync(file, wrong);
    const r = checkGolden(dir, { update: false, createMissing: true, root });
    expect(r).toMatchObject({ status: 'mismatch', expected: wrong, actual: right });
    expect(r.diff).toMatch(new RegExp(`^--- ${escape(file)}\\n\\+\\+\\+ ${escape(file)} \\(rendered\\)\\n@@ `));
    expect(r.diff).toContain('\n-  restartPolicy: Always\n+  restartPolicy: Never\n');
    expect(read(file)).toBe(wrong);
    expect(goldenFailure(r)).toBe(`mismatch: the rendered output differs from the committed file (run with UPDATE_GOLDEN=1 or jest -u to accept it):\n${r.diff}`);
  });

  it('updated: the file is rewritten; the result keeps the old text', () => {
    const dir = makeCase('updated', { 'input.yaml': RUN, [POD_FILE]: 'kind: Pod\n' });
    const r = checkGolden(dir, { update: true });
    expect(r).toMatchObject({ status: 'updated', expected: 'kind: Pod\n' });
    expect(read(join(dir, POD_FILE))).toBe(r.actual);
    expect(goldenFailure(r)).toBeUndefined();
  });

  it('a case that now renders, with error.txt committed: a mismatch against error.txt; update swaps the files', () => {
    const dir = makeCase('now-renders', { 'input.yaml': RUN, [ERROR_FILE]: 'TaskRun default/run: old error\n' });
    const r = checkGolden(dir, off);
    expect(r).toMatchObject({ status: 'mismatch', file: join(dir, POD_FILE), expected: 'TaskRun default/run: old error\n' });
    expect(r.diff.startsWith(`--- ${join(dir, ERROR_FILE)}\n+++ ${join(dir, POD_FILE)} (rendered)\n@@ -1 +1,`)).toBe(true);
    expect(existsSync(join(dir, ERROR_FILE))).toBe(true);
    const u = checkGolden(dir, { update: true });
    expect(u).toMatchObject({ status: 'updated', expected: 'TaskRun default/run: old error\n' });
    expect(existsSync(join(dir, ERROR_FILE))).toBe(false);
    expect(read(join(dir, POD_FILE))).toBe(u.actual);
  });

  it('a case that is now refused, with pod.yaml committed: a mismatch against pod.yaml; update swaps the files', () => {
    const dir = makeCase('now-refused', { 'input.yaml': RUN_NO_COMMAND, [POD_FILE]: 'kind: Pod\n' });
    const r = checkGolden(dir, off);
    expect(r).toMatchObject({ status: 'mismatch', file: join(dir, ERROR_FILE), expected: 'kind: Pod\n' });
    expect(r.diff.startsWith(`--- ${join(dir, POD_FILE)}\n+++ ${join(dir, ERROR_FILE)} (rendered)\n@@ -1 +1 @@\n-kind: Pod\n+TaskRun default/run: `)).toBe(true);
    expect(checkGolden(dir, { update: true }).status).toBe('updated');
    expect(existsSync(join(dir, POD_FILE))).toBe(false);
    expect(read(join(dir, ERROR_FILE))).toMatch(/^TaskRun default\/run: /);
  });

  it('a matching pod.yaml beside a stale error.txt: a mismatch saying so; update removes error.txt', () => {
    const dir = makeCase('stale', { 'input.yaml': RUN, [ERROR_FILE]: 'old\n' });
    const text = renderGolden(dir).text;
    writeFileSync(join(dir, POD_FILE), text);
    const r = checkGolden(dir, off);
    expect(r).toMatchObject({ status: 'mismatch', expected: text, diff: `${join(dir, ERROR_FILE)} exists but the case renders to ${join(dir, POD_FILE)}\n` });
    const u = checkGolden(dir, { update: true });
    expect(u.status).toBe('updated');
    expect(existsSync(join(dir, ERROR_FILE))).toBe(false);
    expect(read(join(dir, POD_FILE))).toBe(text);
    expect(checkGolden(dir, off).status).toBe('match');
  });
});

describe('expectGolden', () => {
  it('returns the result when the case passes: match, created or updated', () => {
    const dir = makeCase('passes', { 'input.yaml': RUN });
    expect(expectGolden(dir, { update: false, createMissing: true }).status).toBe('created');
    expect(expectGolden(dir, { update: false, createMissing: false }).status).toBe('match');
    writeFileSync(join(dir, POD_FILE), 'kind: Pod\n');
    expect(expectGolden(dir, { update: true }).status).toBe('updated');
  });

  it('throws an Error whose message, and stack, is the failure message with the diff', () => {
    const dir = makeCase('fails', { 'input.yaml': RUN, [POD_FILE]: 'kind: Pod\n' });
    let thrown: unknown;
    try {
      expectGolden(dir, { update: false, createMissing: false, root });
    } catch (e) {
      thrown = e;
    }
    const expected = goldenFailure(checkGolden(dir, { update: false, createMissing: false, root }));
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toBe(expected);
    expect((thrown as Error).stack).toBe(expected);
    expect(expected).toMatch(/^fails: the rendered output differs from the committed file .*:\n--- /);
  });
});

describe('checkGoldenCases', () => {
  it('checks every case under the root, named relative to it, with the options given', () => {
    makeCase('one', { 'input.yaml': RUN });
    makeCase('two/deep', { 'input.yaml': RUN_NO_COMMAND });
    const results: GoldenResult[] = checkGoldenCases(root, { update: false, createMissing: false });
    expect(results.map((r) => [r.name, r.status, relative(root, r.file)])).toEqual([
      ['one', 'missing', join('one', POD_FILE)],
      [join('two', 'deep'), 'missing', join('two', 'deep', ERROR_FILE)],
    ]);
    expect(checkGoldenCases(root, { createMissing: true, update: false }).map((r) => r.status)).toEqual(['created', 'created']);
    expect(checkGoldenCases(root, { update: false, createMissing: false, root: join(root, 'two') }).map((r) => r.name)).toEqual([join('..', 'one'), 'deep']);
  });
});
