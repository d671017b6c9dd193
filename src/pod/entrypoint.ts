/**
 * Entrypoint rewriting (Tekton's entrypoint.go): every step runs Tekton's
 * entrypoint binary, which waits for the previous step's post file (the first
 * step waits for the ready annotation), runs the step's own command, and
 * writes its own post file. A step without `command` gets its image's
 * entrypoint from the `imageEntrypoints` table.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { TaskpodError, unresolved } from '../errors';
import type { ImageEntrypoints } from '../model/config';
import type { Step, TaskSpec } from '../model/tekton';
import type { Writable } from '../util';
import {
  DOWNWARD_MOUNT,
  DOWNWARD_VOLUME,
  ENTRYPOINT_BINARY,
  PLACE_TOOLS,
  READY_FILE,
  TOOLS_DIR,
  TOOLS_MOUNT,
  TOOLS_VOLUME,
} from './constants';

/** The file step `n` waits for: the ready file for step 0, else the previous step's post file. */
export function waitFile(n: number): string {
  return n === 0 ? READY_FILE : `${TOOLS_DIR}/${n - 1}`;
}

/**
 * The entrypoint binary's arguments for step `n`: wait and post files, the
 * original command after `-entrypoint`, its remaining words and args after `--`.
 *
 * @example
 * ```ts
 * entrypointArgs(1, ['bash'], ['-c', 'ls']);
 * // ['-wait_file', '/builder/tools/0', '-post_file', '/builder/tools/1', '-entrypoint', 'bash', '--', '-c', 'ls']
 * ```
 *
 * @public
 */
export function entrypointArgs(n: number, command: readonly string[], args: readonly string[]): string[] {
  // Built with push, not spreads and destructuring, which go through the
  // iterator protocol (once per step of every render: docs/performance.md).
  const out = ['-wait_file', waitFile(n), '-post_file', waitFile(n + 1)];
  if (n === 0) out.push('-wait_file_content');
  out.push('-entrypoint');
  if (command.length > 0) out.push(command[0]!);
  out.push('--');
  for (let i = 1; i < command.length; i++) out.push(command[i]!);
  for (let i = 0; i < args.length; i++) out.push(args[i]!);
  return out;
}

/**
 * Finds the command a step runs: its own `command`, else (for a step without
 * `script`) its image's entrypoint from the table. `lookupImage` is the image
 * reference used for the table (taskpod looks it up after substitution).
 */
export function stepCommand(
  step: Step,
  index: () => number,
  lookupImage: () => string,
  table: ImageEntrypoints,
  object: string,
  field: string,
): E.Either<TaskpodError, readonly string[]> {
  if (step.command !== undefined && step.command.length > 0) return E.right(step.command);
  if (step.script !== undefined && step.script !== '') return E.right([]);
  const image = lookupImage();
  const found = Object.prototype.hasOwnProperty.call(table, image) ? table[image] : undefined;
  if (found === undefined) {
    const at = index();
    const name = step.name !== undefined && step.name !== '' ? `step "${step.name}"` : `step ${at}`;
    return E.left(
      unresolved(
        object,
        `${field}[${at}].image`,
        `${name} declares no command and the entrypoint of image "${image}" is unknown: add it to imageEntrypoints in the config`,
      ),
    );
  }
  return E.right(found);
}

/** Rewrites one step to run under the entrypoint binary. */
export function redirectStep(step: Step, n: number, command: readonly string[]): Step {
  const mounts = step.volumeMounts === undefined ? [TOOLS_MOUNT] : [...step.volumeMounts, TOOLS_MOUNT];
  if (n === 0) mounts.push(DOWNWARD_MOUNT);
  const out: Writable<Step> = { ...step };
  out.command = [ENTRYPOINT_BINARY];
  out.args = entrypointArgs(n, command, step.args ?? []);
  out.volumeMounts = mounts;
  return out;
}

/**
 * Redirects every step, then puts the `place-tools` step first and adds the
 * tools and downward volumes (Tekton's createRedirectedTaskSpec).
 *
 * `commands[i]` is the command step `i` runs (see `stepCommand`).
 *
 * @example
 * ```ts
 * redirectTaskSpec({ steps: [{ name: 'a', image: 'busybox' }] }, [['echo']], DEFAULT_IMAGES.entrypoint).steps?.[0]?.name; // 'place-tools'
 * ```
 *
 * @public
 */
export function redirectTaskSpec(spec: TaskSpec, commands: readonly (readonly string[])[], entrypointImage: string): TaskSpec {
  const steps = (spec.steps ?? []).map((s, i) => redirectStep(s, i, commands[i] ?? []));
  const placeTools: Step = {
    name: PLACE_TOOLS,
    image: entrypointImage,
    command: ['cp', '/ko-app/entrypoint', ENTRYPOINT_BINARY],
    volumeMounts: [TOOLS_MOUNT],
  };
  const out: Writable<TaskSpec> = { ...spec };
  out.steps = [placeTools, ...steps];
  out.volumes = [...(spec.volumes ?? []), TOOLS_VOLUME, DOWNWARD_VOLUME];
  return out;
}
