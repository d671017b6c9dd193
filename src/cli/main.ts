/**
 * The taskpod command line. The only place that prints or exits:
 * 0 success, 1 the input was refused (the TaskRun, Pod or a file's content),
 * 2 usage error.
 *
 * @packageDocumentation
 */
import { readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { formatError } from '../errors';
import { optList, parseOptions, UsageError } from './args';
import type { Command } from './command';
import { explainCommand } from './explain';
import { lintCommand } from './lint';
import { readyCommand } from './ready';
import { pvcCommand } from './pvc';
import { renderCommand } from './render';
import { statusCommand } from './status';
import { stopSidecarsCommand } from './stop-sidecars';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [renderCommand, explainCommand, pvcCommand, lintCommand, readyCommand, stopSidecarsCommand, statusCommand];

/** The version in package.json (two levels up from src/cli and from dist/cli). */
function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'taskpod: the Pod Tekton (tekton.dev/v1alpha1, late 2019) would create for a TaskRun, offline.',
    '',
    'Usage: taskpod COMMAND [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "taskpod COMMAND --help" for a command\'s options and examples.',
    'Exit codes: 0 success, 1 input refused, 2 usage error.',
    '',
  ].join('\n');
}

function commandHelp(c: Command): string {
  return [`Usage: ${c.usage}`, '', ...c.description, '', 'Examples:', ...c.examples.map((e) => `  ${e}`), ''].join('\n');
}

/** Where the CLI writes. */
export interface Streams {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  /** Whether standard error is a terminal (progress is shown only there). */
  readonly stderrIsTTY?: boolean;
}

/**
 * Writes `s` to standard output straight to its file descriptor: creating
 * `process.stdout` (a stream, and for a pipe the `net` machinery behind it)
 * was a sizeable part of the CLI's start-up (docs/performance.md). It goes
 * in pieces of at most 64K characters, so that no copy of a large Pod's
 * text as bytes is made at once. Where the descriptor does not take a
 * piece whole (a non-blocking pipe that is full: EAGAIN) or refuses it, the
 * rest of the text goes to `process.stdout`, as before.
 */
function writeStdout(s: string): void {
  const PIECE = 65536;
  let from = 0;
  while (from < s.length) {
    let to = Math.min(s.length, from + PIECE);
    // Never between the two halves of a surrogate pair.
    if (to < s.length && (s.charCodeAt(to - 1) & 0xfc00) === 0xd800) to--;
    const piece = s.slice(from, to);
    let written = 0;
    try {
      written = writeSync(1, piece);
    } catch {
      // written stays 0: nothing of this piece went out.
    }
    if (written < Buffer.byteLength(piece)) {
      process.stdout.write(Buffer.concat([Buffer.from(piece).subarray(written), Buffer.from(s.slice(to))]));
      return;
    }
    from = to;
  }
}

const processStreams: Streams = {
  stdout: writeStdout,
  stderr: (s) => process.stderr.write(s),
  // Asked only when a command needs it (--each's progress bar): reading it
  // creates process.stderr.
  get stderrIsTTY() {
    return process.stderr.isTTY === true;
  },
};

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[], io: Streams = processStreams): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(topHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${version()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr(`taskpod: unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')})\n`);
    return 2;
  }
  try {
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(commandHelp(command));
      return 0;
    }
    const { options, positional } = parseOptions(rest, { ...command.options, help: { value: false, short: 'h' } });
    const operands = command.operands?.(options) === true;
    if (positional.length > 0 && !operands) throw new UsageError(`unexpected argument "${positional[0]}" (files are given with -f)`);
    if ('file' in command.options && !operands && optList(options, 'file').length === 0) throw new UsageError('no input: give at least one -f FILE (or -f - for standard input)');
    // stderrIsTTY is passed on as a getter: asked for only where it is used.
    const result = command.run(options, {
      operands: positional,
      stderr: io.stderr,
      get stderrIsTTY() {
        return io.stderrIsTTY;
      },
    });
    if (E.isLeft(result)) {
      io.stderr(`taskpod ${command.name}: ${formatError(result.left)}\n`);
      return 1;
    }
    for (const w of result.right.warnings ?? []) io.stderr(`taskpod ${command.name}: warning: ${w}\n`);
    io.stdout(result.right.stdout);
    return result.right.exitCode ?? 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`taskpod ${command.name}: ${e.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`taskpod ${command.name}: internal error: ${message.split('\n')[0] ?? ''}\n`);
    return 1;
  }
}
