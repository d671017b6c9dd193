/**
 * `taskpod render --each PATH...`: every input under the paths rendered in
 * one process, each result written beside its input (or under
 * `--out-dir`), or with `--check` compared with what is there. The golden
 * suite's use of the CLI, in one command.
 *
 * Each input is rendered by the same function as a single
 * `taskpod render -f FILE [--config FILE]`, with the same options, so the
 * file written is byte for byte what that command prints.
 *
 * @packageDocumentation
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import * as E from 'fp-ts/Either';
import { formatError } from '../errors';
import { unifiedDiff } from '../testing/diff';
import { optString, ParsedOptions, UsageError } from './args';
import type { CommandResult } from './command';

/** The file names of a case folder (as in `taskpod/testing`). */
const INPUT_FILE = 'input.yaml';
const CONFIG_FILE = 'config.yaml';
const ERROR_FILE = 'error.txt';

/** One input: a loose file, or a case folder's `input.yaml` with its `config.yaml` if any. */
export interface EachInput {
  /** What the input is called in messages: the file, or the case folder. */
  readonly name: string;
  readonly file: string;
  /** The case's `config.yaml`, when it has one. */
  readonly config?: string;
  /** Where the result is written (or compared with under `--check`). */
  readonly output: string;
  /**
   * A case's `error.txt`: where its refusal is recorded (the one-line
   * error, as `taskpod/testing` records it) in place of the Pod.
   */
  readonly errorOutput?: string;
}

const INPUT_NAME = /\.(ya?ml|json)$/;
/** Files under a folder that are outputs or settings, never inputs. */
const NOT_INPUT = /(^|\.)(pod|list)\.(ya?ml|json)$|^config\.ya?ml$/;

/** Whether a render printed a `List` (a PipelineRun's), whose file is `list.*` rather than `pod.*`. */
const isList = (text: string): boolean => /^(apiVersion: v1\nkind: List\n|\{\n {2}"apiVersion": "v1",\n {2}"kind": "List",)/.test(text);

/** The output file of a List: `pod.yaml` becomes `list.yaml`, `NAME.pod.yaml` `NAME.list.yaml`. */
const listFile = (podFile: string): string => join(dirname(podFile), basename(podFile).replace(/(^|\.)pod\.(yaml|json)$/, '$1list.$2'));

/**
 * The inputs under `paths`, in order: a path that is a file is one input;
 * a folder holding `input.yaml` is a case; any other folder is searched
 * (sorted, hidden folders and node_modules skipped; a case folder's
 * subfolders are not searched) for case folders and for YAML or JSON files
 * that are not outputs (`*.pod.yaml`, `*.pod.json`, `pod.yaml`, `pod.json`)
 * or settings (`config.yaml`).
 *
 * A case's result is `pod.yaml` (`pod.json` with `-o json`) in its folder
 * (`list.yaml` when it renders a PipelineRun's `List`),
 * or `error.txt` when it is refused (as `taskpod/testing` keeps golden
 * cases); a file's is beside it, `.pod.yaml` (`.pod.json`) in place of its
 * extension; under `outDir`, at the same place relative to the parent of
 * the path given.
 *
 * @example
 * ```ts
 * findEachInputs(['fixtures'], 'yaml', undefined);
 * // [{ name: 'fixtures/array-params', file: 'fixtures/array-params/input.yaml', output: 'fixtures/array-params/pod.yaml' }, ...]
 * ```
 */
export function findEachInputs(paths: readonly string[], format: string, outDir: string | undefined): EachInput[] {
  const out: EachInput[] = [];
  const ext = format === 'json' ? 'json' : 'yaml';
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`--each: no such file or folder: ${path}`);
    }
    const base = dirname(path);
    const place = (file: string) => (outDir === undefined ? file : join(outDir, relative(base, file)));
    const addCase = (dir: string) => {
      const config = join(dir, CONFIG_FILE);
      out.push({
        name: dir,
        file: join(dir, INPUT_FILE),
        ...(existsSync(config) ? { config } : {}),
        output: place(join(dir, `pod.${ext}`)),
        errorOutput: place(join(dir, ERROR_FILE)),
      });
    };
    const addFile = (file: string) => out.push({ name: file, file, output: place(file.replace(INPUT_NAME, '') + `.pod.${ext}`) });
    if (!stat.isDirectory()) {
      addFile(path);
      continue;
    }
    const visit = (dir: string): void => {
      if (existsSync(join(dir, INPUT_FILE))) {
        addCase(dir);
        return;
      }
      for (const name of readdirSync(dir).sort()) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        const sub = join(dir, name);
        if (statSync(sub).isDirectory()) visit(sub);
        else if (INPUT_NAME.test(name) && !NOT_INPUT.test(name)) addFile(sub);
      }
    };
    visit(path);
  }
  return out;
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** What `--each` needs from the terminal: standard error, and whether it is one. */
export interface EachIO {
  readonly stderr: (s: string) => void;
  readonly stderrIsTTY?: boolean;
}

/** A progress bar on standard error, redrawn at most every 100 ms; nothing when it is not a terminal. */
function progress(io: EachIO, total: number): { readonly update: (done: number, name: string) => void; readonly clear: () => void } {
  if (io.stderrIsTTY !== true || total === 0) return { update: () => undefined, clear: () => undefined };
  let last = 0;
  let drawn = false;
  return {
    update(done, name) {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const width = 30;
      const filled = Math.round((done / total) * width);
      const label = name.length > 40 ? `...${name.slice(-37)}` : name;
      io.stderr(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label}`);
      drawn = true;
    },
    clear() {
      if (drawn) io.stderr('\r\x1b[K');
    },
  };
}

/**
 * Renders every input found under `paths` with `renderOne` (the single
 * render, given the options of `taskpod render -f INPUT [--config CONFIG]`),
 * writes or checks each result, reports each refusal and goes on. The
 * summary (and under `--check` the diffs) is the command's output; exit
 * status 1 when a file (not a case, whose refusal is its `error.txt`) was
 * refused or, under `--check`, a result differs from what is there.
 */
export function renderEach(
  options: ParsedOptions,
  paths: readonly string[],
  io: EachIO,
  renderOne: (options: ParsedOptions) => CommandResult,
): CommandResult {
  if (options.file !== undefined) throw new UsageError('--each takes paths, not -f');
  if (paths.length === 0) throw new UsageError('--each needs at least one file or folder');
  const check = options.check === true;
  const outDir = optString(options, 'out-dir');
  const format = optString(options, 'output') ?? 'yaml';
  const inputs = findEachInputs(paths, format, outDir);
  const { each: _each, check: _check, 'out-dir': _outDir, config: globalConfig, ...common } = options;
  const bar = progress(io, inputs.length);
  const counts = { rendered: 0, refused: 0, unchanged: 0, changed: 0 };
  let looseRefused = 0;
  const diffs: string[] = [];
  for (const [i, input] of inputs.entries()) {
    bar.update(i, input.name);
    const config = input.config ?? globalConfig;
    let result: CommandResult;
    try {
      result = renderOne({ ...common, file: [input.file], ...(config !== undefined ? { config } : {}) });
    } catch (e) {
      if (e instanceof UsageError) throw e;
      const message = e instanceof Error ? e.message : String(e);
      result = E.left({ _tag: 'InvalidInput', object: input.name, field: '', message: `internal error: ${message.split('\n')[0] ?? ''}` });
    }
    let text: string;
    let file: string;
    let other: string | undefined;
    if (E.isLeft(result)) {
      counts.refused++;
      bar.clear();
      io.stderr(`taskpod render: ${input.name}: ${formatError(result.left)}\n`);
      if (input.errorOutput === undefined) {
        looseRefused++;
        continue;
      }
      // A case records its refusal, as a golden case does.
      text = `${formatError(result.left)}\n`;
      file = input.errorOutput;
      other = existsSync(listFile(input.output)) ? listFile(input.output) : input.output;
    } else {
      counts.rendered++;
      if (result.right.warnings !== undefined && result.right.warnings.length > 0) bar.clear();
      for (const w of result.right.warnings ?? []) io.stderr(`taskpod render: ${input.name}: warning: ${w}\n`);
      text = result.right.stdout;
      file = isList(text) ? listFile(input.output) : input.output;
      other = input.errorOutput;
    }
    const existing = readIfExists(file);
    const otherExists = other !== undefined && existsSync(other);
    if (existing === text && !otherExists) {
      counts.unchanged++;
      continue;
    }
    counts.changed++;
    if (check) {
      if (existing === text) diffs.push(`${other ?? ''}: exists, but ${input.name} now gives ${file}\n`);
      else if (existing !== undefined) diffs.push(unifiedDiff(existing, text, file, `${file} (rendered)`));
      else if (otherExists && other !== undefined) diffs.push(unifiedDiff(readIfExists(other) ?? '', text, other, `${file} (rendered)`));
      else diffs.push(unifiedDiff('', text, `${file} (missing)`, `${file} (rendered)`));
    } else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      if (otherExists && other !== undefined) rmSync(other);
    }
  }
  bar.clear();
  const what = check ? 'differ' : 'written';
  const summary =
    `${inputs.length} input${inputs.length === 1 ? '' : 's'}: ${counts.rendered} rendered, ${counts.refused} refused; ` +
    `${counts.unchanged} unchanged, ${counts.changed} changed${counts.changed > 0 ? ` (${what})` : ''}\n`;
  // A refused file fails the run, as its single render does; a case's refusal is its recorded result.
  const failed = looseRefused > 0 || (check && counts.changed > 0);
  return E.right({ stdout: `${diffs.join('')}${summary}`, ...(failed ? { exitCode: 1 } : {}) });
}
