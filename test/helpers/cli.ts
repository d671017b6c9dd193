/**
 * Runs the CLI in this process, as `bin/taskpod.js` would with `argv`, and
 * collects what it writes.
 */
import { main } from '../../src/cli/main';

/** What one CLI run gave: its exit code and everything it wrote. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The exit code, standard output and standard error of `taskpod ...argv`. */
export async function runCli(argv: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}
