/**
 * The working-dir initializer (Tekton's makeWorkingDirInitializer): one init
 * container that creates every step's workingDir under /workspace.
 *
 * @packageDocumentation
 */
import type { Step } from '../model/tekton';
import { withSuffix } from '../names';
import { cleanPath, relPath, sortGoStrings } from '../util';
import { IMPLICIT_ENV, IMPLICIT_MOUNTS, STEP_PREFIX, WORKSPACE_DIR } from './constants';
import { shellWord } from './shell';

/**
 * The directories to create: each distinct non-empty workingDir, sorted,
 * cleaned, kept only when inside /workspace (not /workspace itself).
 *
 * @example
 * ```ts
 * workingDirsToCreate(['/workspace/b', '/workspace/a/../a', '/tmp', '']); // ['/workspace/a', '/workspace/b']
 * ```
 *
 * @public
 */
export function workingDirsToCreate(workingDirs: readonly (string | undefined)[]): string[] {
  const distinct = new Set<string>();
  for (const d of workingDirs) if (d !== undefined && d !== '') distinct.add(d);
  const out: string[] = [];
  for (const d of sortGoStrings(distinct)) {
    const p = cleanPath(d);
    const rel = relPath(WORKSPACE_DIR, p);
    if (rel !== undefined && !rel.startsWith('.')) out.push(p);
  }
  return out;
}

/** The initializer's base name (built once: the hash reads a flat string). */
const WORKING_DIR_INITIALIZER = `${STEP_PREFIX}working-dir-initializer`;

/**
 * The `mkdir -p` command for the directories (paths quoted for bash only
 * when they need it; Tekton did not quote at all).
 *
 * @example
 * ```ts
 * mkdirScript(['/workspace/a', '/workspace/b c']); // "mkdir -p /workspace/a '/workspace/b c'"
 * ```
 */
export function mkdirScript(dirs: readonly string[]): string {
  return dirs.length === 0 ? '' : `mkdir -p ${dirs.map(shellWord).join(' ')}`;
}

/**
 * The initializer step, or `undefined` when there is nothing to create.
 *
 * @example
 * ```ts
 * makeWorkingDirInitializer(DEFAULT_IMAGES.bashNoop, [{ workingDir: '/workspace/src' }], 'default/run');
 * // { name: 'step-working-dir-initializer-<5 chars>', args: ['-args', 'mkdir -p /workspace/src'], ... }
 * ```
 *
 * @public
 */
export function makeWorkingDirInitializer(bashImage: string, steps: readonly Step[], seed: string): Step | undefined {
  const script = mkdirScript(workingDirsToCreate(steps.map((s) => s.workingDir)));
  if (script === '') return undefined;
  return {
    name: withSuffix(seed, WORKING_DIR_INITIALIZER),
    image: bashImage,
    command: ['/ko-app/bash'],
    args: ['-args', script],
    workingDir: WORKSPACE_DIR,
    env: IMPLICIT_ENV,
    volumeMounts: IMPLICIT_MOUNTS,
  };
}
