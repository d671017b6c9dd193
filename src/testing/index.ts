/**
 * Golden-file tests of rendered Pods (`taskpod/testing`).
 *
 * A case is a folder holding `input.yaml` (the TaskRun and what it uses,
 * several documents) and, optionally, `config.yaml` (the controller
 * settings). Its expected output is committed beside it: `pod.yaml`, the Pod
 * exactly as `taskpod render` prints it, or `error.txt`, the one-line error
 * when the render is refused. The helpers render a case, compare the text
 * with the committed file and report a unified diff of the YAML; in update
 * mode they write the file instead.
 *
 * Update mode: `UPDATE_GOLDEN=1` in the environment, or jest's `-u`
 * (`--updateSnapshot`). Under jest without `--ci` (jest's default outside
 * CI), a missing `pod.yaml` is written the way jest writes a new snapshot;
 * with `--ci` a missing file fails.
 *
 * The helpers do not depend on a test framework: {@link expectGolden} throws
 * an `Error` whose message holds the diff, which every runner reports.
 *
 * @example
 * ```ts
 * import { findGoldenCases, expectGolden } from 'taskpod/testing';
 *
 * test.each(findGoldenCases('test/golden'))('%s', (dir) => expectGolden(dir));
 * ```
 *
 * @packageDocumentation
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as E from 'fp-ts/Either';
import { formatValue, readConfig, readObjects } from '../cli/io';
import { formatError, TaskpodError } from '../errors';
import { isPipelineRunInput, type InputObjects } from '../input/objects';
import { DEFAULT_LIMITS, ReadLimits } from '../input/yaml';
import { Config, DEFAULT_CONFIG } from '../model/config';
import { expandPipelineRun } from '../pipeline/expand';
import { renderPod, RenderOptions } from '../render';
import { unifiedDiff } from './diff';

export { unifiedDiff } from './diff';

/**
 * The input file of a case.
 *
 * @example
 * ```ts
 * existsSync(join(dir, INPUT_FILE)); // a case folder
 * ```
 *
 * @public
 */
export const INPUT_FILE = 'input.yaml';
/**
 * The optional controller settings of a case.
 *
 * @example
 * ```ts
 * writeFileSync(join(dir, CONFIG_FILE), 'imageEntrypoints:\n  ubuntu: [/bin/bash]\n');
 * ```
 *
 * @public
 */
export const CONFIG_FILE = 'config.yaml';
/**
 * The expected Pod of a case that renders.
 *
 * @example
 * ```ts
 * findGoldenCases('fixtures').filter((dir) => existsSync(join(dir, POD_FILE)));
 * ```
 *
 * @public
 */
export const POD_FILE = 'pod.yaml';
/**
 * The expected one-line error of a case that is refused.
 *
 * @example
 * ```ts
 * readFileSync(join(dir, ERROR_FILE), 'utf8'); // 'TaskRun default/run: spec.x: why\n'
 * ```
 *
 * @public
 */
export const ERROR_FILE = 'error.txt';

/**
 * The committed output of a PipelineRun case: the `List` of what the
 * controllers created (the claim, then each TaskRun and its Pod), as YAML.
 *
 * @example
 * ```ts
 * join('fixtures/pipeline-chain', LIST_FILE); // 'fixtures/pipeline-chain/list.yaml'
 * ```
 *
 * @public
 */
export const LIST_FILE = 'list.yaml';

/** Whether a case's objects are a PipelineRun case: a PipelineRun and no TaskRun. */


/**
 * What a case's render function receives: the objects of `input.yaml` and
 * the config of `config.yaml` (the defaults when absent).
 *
 * @example
 * ```ts
 * const render = ({ objects, config }: GoldenInput) => renderPod(objects, { config, sidecars: 'native' });
 * ```
 *
 * @public
 */
export interface GoldenInput {
  readonly dir: string;
  readonly objects: InputObjects;
  readonly config: Config;
}

/**
 * How cases are rendered, compared and updated.
 *
 * @example
 * ```ts
 * expectGolden('test/golden/build', { renderOptions: { sidecars: 'native' } });
 * expectGolden('test/golden/build', { update: true }); // rewrite pod.yaml
 * ```
 *
 * @public
 */
export interface GoldenOptions {
  /**
   * Rewrite the committed file when it differs or is missing. Default:
   * {@link updateRequested}.
   */
  readonly update?: boolean;
  /** Write a missing committed file (not a differing one). Default: {@link createMissingRequested}. */
  readonly createMissing?: boolean;
  /** Options of `renderPod` (the case's `config.yaml` wins over `renderOptions.config`). */
  readonly renderOptions?: RenderOptions;
  /** Renders a case in place of `renderPod`; the value is printed as YAML. */
  readonly render?: (input: GoldenInput) => E.Either<TaskpodError, unknown>;
  /** Read limits of the input files. */
  readonly limits?: ReadLimits;
  /** Root the case names are relative to. Default: the current directory. */
  readonly root?: string;
}

/**
 * The outcome of one case.
 *
 * @example
 * ```ts
 * const r = checkGolden('test/golden/build');
 * if (r.status === 'mismatch') console.log(r.diff);
 * ```
 *
 * @public
 */
export interface GoldenResult {
  /** The case folder. */
  readonly dir: string;
  /** The case folder relative to the root (for test names). */
  readonly name: string;
  /**
   * `match`; `mismatch` or `missing` (a failure); `updated` or `created`
   * (the file was written in update mode).
   */
  readonly status: 'match' | 'mismatch' | 'missing' | 'updated' | 'created';
  /** The committed file compared with: `pod.yaml` (`list.yaml` for a PipelineRun), or `error.txt` for a refused render. */
  readonly file: string;
  /** The text rendered now. */
  readonly actual: string;
  /** The committed text, when the file exists. */
  readonly expected?: string;
  /** A unified diff from the committed text to the rendered one (`''` when they match). */
  readonly diff: string;
}

const truthy = (v: string | undefined): boolean => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';

/** jest's snapshot update state in this test file ('all' for -u, 'new' without --ci, 'none' with --ci), if under jest. */
function jestSnapshotUpdate(): string | undefined {
  const expect = (globalThis as { expect?: { getState?: () => { snapshotState?: { _updateSnapshot?: unknown } } } }).expect;
  try {
    const state = expect?.getState?.().snapshotState?._updateSnapshot;
    return typeof state === 'string' ? state : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether golden files are to be rewritten: `UPDATE_GOLDEN` is set (not
 * `0`/`false`), or jest runs with `-u`.
 *
 * @example
 * ```ts
 * // UPDATE_GOLDEN=1 npx jest test/golden.test.ts
 * updateRequested(); // true
 * ```
 *
 * @public
 */
export function updateRequested(): boolean {
  return truthy(process.env.UPDATE_GOLDEN) || jestSnapshotUpdate() === 'all';
}

/**
 * Whether a missing golden file is written rather than failing: in update
 * mode, or under jest without `--ci` (as jest writes new snapshots).
 *
 * @example
 * ```ts
 * // npx jest --ci  → false: a case without pod.yaml fails
 * createMissingRequested();
 * ```
 *
 * @public
 */
export function createMissingRequested(): boolean {
  return updateRequested() || jestSnapshotUpdate() === 'new';
}

/**
 * The case folders under `root` (any folder holding `input.yaml`, searched
 * recursively; a case folder's subfolders are not searched), sorted.
 *
 * @example
 * ```ts
 * findGoldenCases('fixtures'); // ['fixtures/demo', 'fixtures/scripts', ...]
 * ```
 *
 * @public
 */
export function findGoldenCases(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    if (existsSync(join(dir, INPUT_FILE))) {
      out.push(dir);
      return;
    }
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const sub = join(dir, name);
      if (statSync(sub).isDirectory()) visit(sub);
    }
  };
  visit(root);
  return out;
}

/**
 * A value as golden YAML: the text `taskpod render` prints (keys in the
 * order given, which for a rendered Pod is Go's field order with map keys
 * sorted, so the text is stable), or with every object's keys sorted when
 * `sortKeys` is set.
 *
 * @example
 * ```ts
 * toGoldenYaml({ b: 1, a: { d: 2, c: 3 } }, true); // 'a:\n  c: 3\n  d: 2\nb: 1\n'
 * ```
 *
 * @public
 */
export function toGoldenYaml(value: unknown, sortKeys = false): string {
  return formatValue(sortKeys ? sortedKeys(value) : value, 'yaml');
}

function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    Object.defineProperty(out, k, { value: sortedKeys((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * Renders one case folder: the text it yields and the file that text is
 * compared with (`pod.yaml`; `list.yaml` for a PipelineRun case, with the
 * `List` of everything created; or `error.txt` with the one-line error when
 * the render is refused).
 *
 * @example
 * ```ts
 * renderGolden('fixtures/demo'); // { file: 'fixtures/demo/pod.yaml', text: 'apiVersion: v1\nkind: Pod\n...' }
 * ```
 *
 * @public
 */
export function renderGolden(dir: string, options: GoldenOptions = {}): { readonly file: string; readonly text: string } {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const configPath = join(dir, CONFIG_FILE);
  let outputFile = POD_FILE;
  const rendered = ((): E.Either<TaskpodError, unknown> => {
    const objects = readObjects([join(dir, INPUT_FILE)], limits);
    if (E.isLeft(objects)) return objects;
    const config = existsSync(configPath) ? readConfig(configPath, limits) : E.right(options.renderOptions?.config ?? DEFAULT_CONFIG);
    if (E.isLeft(config)) return config;
    const input: GoldenInput = { dir, objects: objects.right, config: config.right };
    if (options.render !== undefined) return options.render(input);
    if (isPipelineRunInput(input.objects)) {
      outputFile = LIST_FILE;
      return E.map((x: { readonly items: readonly unknown[] }) => ({ apiVersion: 'v1', kind: 'List', items: x.items }))(
        expandPipelineRun(input.objects, { ...options.renderOptions, config: input.config }),
      );
    }
    return renderPod(input.objects, { ...options.renderOptions, config: input.config });
  })();
  return E.isRight(rendered)
    ? { file: join(dir, outputFile), text: toGoldenYaml(rendered.right) }
    : { file: join(dir, ERROR_FILE), text: `${formatError(rendered.left)}\n` };
}

const readIfExists = (file: string): string | undefined => (existsSync(file) ? readFileSync(file, 'utf8').replace(/\r\n/g, '\n') : undefined);

/**
 * Renders one case and compares it with its committed file; in update mode
 * writes the file (and removes the other one: a case that now renders loses
 * its `error.txt`, and the reverse).
 *
 * @example
 * ```ts
 * const r = checkGolden('fixtures/demo');
 * r.status; // 'match'
 * ```
 *
 * @public
 */
export function checkGolden(dir: string, options: GoldenOptions = {}): GoldenResult {
  const update = options.update ?? updateRequested();
  const createMissing = update || (options.createMissing ?? createMissingRequested());
  const name = relative(options.root ?? process.cwd(), dir) || dir;
  const { file, text } = renderGolden(dir, options);
  // The other outcome on disk: error.txt for a render, else whichever of pod.yaml and list.yaml exists.
  const other = file.endsWith(ERROR_FILE) ? (existsSync(join(dir, LIST_FILE)) ? join(dir, LIST_FILE) : join(dir, POD_FILE)) : join(dir, ERROR_FILE);
  const expected = readIfExists(file);
  const otherText = readIfExists(other);
  const base = { dir, name, file, actual: text };
  if (expected === text && otherText === undefined) return { ...base, expected, status: 'match', diff: '' };
  // What was committed: this file, or the other outcome (a Pod that is now an error, or the reverse).
  const committed = expected ?? otherText;
  const committedLabel = expected !== undefined ? file : otherText !== undefined ? other : `${file} (missing)`;
  const diff = expected === text ? `${other} exists but the case renders to ${file}\n` : unifiedDiff(committed ?? '', text, committedLabel, `${file} (rendered)`);
  const write = committed === undefined ? createMissing : update;
  if (write) {
    writeFileSync(file, text);
    if (otherText !== undefined) rmSync(other);
    return { ...base, ...(committed !== undefined ? { expected: committed } : {}), status: committed === undefined ? 'created' : 'updated', diff };
  }
  return { ...base, ...(committed !== undefined ? { expected: committed } : {}), status: committed === undefined ? 'missing' : 'mismatch', diff };
}

/**
 * {@link checkGolden} for every case under `root`.
 *
 * @example
 * ```ts
 * const failed = checkGoldenCases('fixtures').filter((r) => r.status === 'mismatch' || r.status === 'missing');
 * ```
 *
 * @public
 */
export function checkGoldenCases(root: string, options: GoldenOptions = {}): GoldenResult[] {
  return findGoldenCases(root).map((dir) => checkGolden(dir, { root, ...options }));
}

/**
 * The failure message of a result, or `undefined` when it passed.
 *
 * @example
 * ```ts
 * goldenFailure(checkGolden('fixtures/demo')); // undefined, or 'fixtures/demo/pod.yaml differs ...\n--- ...'
 * ```
 *
 * @public
 */
export function goldenFailure(result: GoldenResult): string | undefined {
  switch (result.status) {
    case 'match':
    case 'updated':
    case 'created':
      return undefined;
    case 'missing':
      return `${result.file} is missing (run with UPDATE_GOLDEN=1 or jest -u to write it); the case renders:\n${result.actual}`;
    case 'mismatch':
      return `${result.name}: the rendered output differs from the committed file (run with UPDATE_GOLDEN=1 or jest -u to accept it):\n${result.diff}`;
  }
}

/**
 * Checks one case folder and throws an `Error` carrying the unified diff
 * when it fails (in update mode, writes the file and passes).
 *
 * @example
 * ```ts
 * test('demo renders its pod.yaml', () => expectGolden('fixtures/demo'));
 * ```
 *
 * @public
 */
export function expectGolden(dir: string, options: GoldenOptions = {}): GoldenResult {
  const result = checkGolden(dir, options);
  const failure = goldenFailure(result);
  if (failure !== undefined) {
    const e = new Error(failure);
    e.stack = failure; // the diff is the useful part; a stack into this module is not
    throw e;
  }
  return result;
}
