/**
 * The built CLI (`bin/taskpod.js`, which runs dist/) in child processes, for
 * properties about what separate processes print.
 */
import { execFile } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { toYaml } from './render';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'taskpod.js');

/** Whether dist/ was built after the last change to src/ (else the CLI runs older code). */
export function distIsFresh(): boolean {
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
  try {
    return statSync(join(ROOT, 'dist', 'cli', 'main.js')).mtimeMs >= newest(join(ROOT, 'src'));
  } catch {
    return false;
  }
}

/**
 * Writes `docs` and `config` as `input-TAG.yaml` and `config-TAG.yaml` in
 * `dir`, and runs `taskpod render -f ... --config ... -o json` on them in two
 * processes at once; what each printed.
 */
export async function twoCliRenders(dir: string, tag: string, docs: readonly unknown[], config: unknown): Promise<readonly [string, string]> {
  const input = join(dir, `input-${tag}.yaml`);
  const configFile = join(dir, `config-${tag}.yaml`);
  writeFileSync(input, toYaml([...docs]));
  writeFileSync(configFile, toYaml([config]));
  const argv = [BIN, 'render', '-f', input, '--config', configFile, '-o', 'json'];
  const [a, b] = await Promise.all([run(process.execPath, argv), run(process.execPath, argv)]);
  return [a.stdout, b.stdout];
}
