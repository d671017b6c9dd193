/**
 * What every CLI command is: its name, help text, options and a run
 * function that returns what to print or the error.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import type { TaskpodError } from '../errors';
import { DEFAULT_LIMITS, ReadLimits } from '../input/yaml';
import { optInt, optString, OptionSpec, ParsedOptions, UsageError } from './args';

/** What a command prints: standard output, and warnings for standard error. */
export interface CommandOutput {
  readonly stdout: string;
  readonly warnings?: readonly string[];
  /** The exit status when not 0 (e.g. `lint` found a problem); errors still exit 1 through `Left`. */
  readonly exitCode?: number;
}

/** A command's outcome. */
export type CommandResult = E.Either<TaskpodError, CommandOutput>;

/** What a command may use besides its options: its operands and standard error, while it runs. */
export interface CommandContext {
  /** Arguments that are not options (only for a command whose `operands` accepts them). */
  readonly operands: readonly string[];
  readonly stderr: (s: string) => void;
  /** Whether standard error is a terminal (for a progress display). */
  readonly stderrIsTTY?: boolean;
}

/** One CLI command. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly description: readonly string[];
  readonly examples: readonly string[];
  readonly options: OptionSpec;
  /** Whether, with these options, the command takes operands (and no `-f`); by default it takes none. */
  readonly operands?: (options: ParsedOptions) => boolean;
  run(options: ParsedOptions, context?: CommandContext): CommandResult;
}

/** Options most commands share. */
export const commonOptions: OptionSpec = {
  file: { value: true, repeat: true, short: 'f' },
  output: { value: true, short: 'o' },
  'max-input-bytes': { value: true },
  'max-aliases': { value: true },
};

/** The read limits from `--max-input-bytes` and `--max-aliases`. */
export function limitsFrom(options: ParsedOptions): ReadLimits {
  return {
    maxBytes: optInt(options, 'max-input-bytes', DEFAULT_LIMITS.maxBytes),
    maxAliases: optInt(options, 'max-aliases', DEFAULT_LIMITS.maxAliases),
  };
}

/** `-o`, checked against the formats a command offers (the first is the default). */
export function outputFormat(options: ParsedOptions, allowed: readonly string[]): string {
  const o = optString(options, 'output') ?? allowed[0] ?? 'yaml';
  if (!allowed.includes(o)) throw new UsageError(`-o takes ${allowed.join(', ')}, not "${o}"`);
  return o;
}
