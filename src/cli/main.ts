/**
 * The taskpod command line. The only place that prints or exits:
 * 0 success, 1 the input was refused (the TaskRun, Pod or a file's content),
 * 2 usage error.
 *
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
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

const processStreams: Streams = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTTY: process.stderr.isTTY === true,
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
    const result = command.run(options, { operands: positional, stderr: io.stderr, ...(io.stderrIsTTY !== undefined ? { stderrIsTTY: io.stderrIsTTY } : {}) });
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
