/**
 * Script steps (Tekton's handling of `script` in MakePod): each script is
 * written to a file under /builder/scripts by one `place-scripts` init
 * container, and the step's entrypoint runs that file.
 *
 * @packageDocumentation
 */
import type { Container, EnvVar } from '../model/core';
import type { Step } from '../model/tekton';
import { withSuffix } from '../names';
import { SCRIPTS_DIR, SCRIPTS_MOUNT } from './constants';
import { escapeForKubelet, kubeletWouldChange, opensUnclosedReference } from './shell';

/**
 * One script to place: the file, the heredoc delimiter and the text.
 *
 * @example
 * ```ts
 * const placed: PlacedScript = placeScript('#!/bin/sh\necho hi', 1, 'default/run');
 * placed.file; // '/builder/scripts/script-1-<5 chars>'
 * ```
 *
 * @public
 */
export interface PlacedScript {
  readonly file: string;
  readonly delimiter: string;
  readonly script: string;
}

const DELIMITER_BASE = 'script-heredoc-randomly-generated';

/**
 * The file and heredoc delimiter for the script of step `index` (index in
 * the step list with place-tools first, as Tekton numbered them). The
 * delimiter never occurs in the script text.
 *
 * @example
 * ```ts
 * placeScript('#!/bin/sh\necho hi', 1, 'default/run');
 * // { file: '/builder/scripts/script-1-<5 chars>', delimiter: 'script-heredoc-randomly-generated-<5 chars>', script }
 * ```
 *
 * @public
 */
export function placeScript(script: string, index: number, seed: string): PlacedScript {
  const file = `${SCRIPTS_DIR}/${withSuffix(seed, `script-${index}`)}`;
  let delimiter = withSuffix(seed, DELIMITER_BASE, String(index));
  for (let attempt = 1; script.includes(delimiter); attempt++) {
    delimiter = withSuffix(seed, DELIMITER_BASE, `${index}/${attempt}`);
  }
  return { file, delimiter, script };
}

/**
 * The step after its script is placed: the entrypoint runs the script file
 * (everything after `-entrypoint` is replaced by the file), and the scripts
 * volume is mounted.
 *
 * @example
 * ```ts
 * // args ['-wait_file', w, '-post_file', p, '-entrypoint', '--'] become
 * // ['-wait_file', w, '-post_file', p, '-entrypoint', '/builder/scripts/script-1-abcde']
 * ```
 *
 * @public
 */
export function runScriptFile(step: Step, file: string): Step {
  return { ...step, args: scriptArgs(step.args ?? [], file), volumeMounts: [...(step.volumeMounts ?? []), SCRIPTS_MOUNT] };
}

/** A script step's args: the script file as the entrypoint's command (or last, when not redirected). */
export function scriptArgs(args: readonly string[], file: string): string[] {
  const all = [...args, file];
  const at = all.indexOf('-entrypoint');
  return at >= 0 ? [...all.slice(0, at + 1), file] : all;
}

/**
 * The bash text that writes one script file. When the kubelet's expansion
 * of args would change the script (`$$`, or `$(NAME)` of a defined env var),
 * or, when other scripts follow it (`followed`), it holds an unclosed `$(`
 * the kubelet would read on from, its `$` are doubled so the file holds
 * exactly the script (docs/deviations.md); otherwise the text is Tekton's.
 */
export function placeScriptText(p: PlacedScript, env: readonly EnvVar[], envFromUnknown: boolean, followed = false): string {
  const defined = new Set(env.map((e) => e.name ?? ''));
  // A script with an unclosed `$(` that other scripts follow is escaped
  // too: the kubelet would read on into them (docs/deviations.md).
  const escape = kubeletWouldChange(p.script, defined, envFromUnknown) || (followed && opensUnclosedReference(p.script));
  const body = escape ? escapeForKubelet(p.script) : p.script;
  return `tmpfile="${p.file}"\ntouch \${tmpfile} && chmod +x \${tmpfile}\ncat > \${tmpfile} << '${p.delimiter}'\n${body}\n${p.delimiter}\n`;
}

/**
 * The place-scripts init step before the stepTemplate merge (its args are filled in afterwards).
 *
 * @example
 * ```ts
 * placeScriptsStep(DEFAULT_IMAGES.bashNoop, 'default/run').name; // 'place-scripts-<5 chars>'
 * ```
 *
 * @public
 */
export function placeScriptsStep(bashImage: string, seed: string): Step {
  return {
    name: withSuffix(seed, 'place-scripts'),
    image: bashImage,
    command: ['/ko-app/bash'],
    args: ['-args', ''],
    volumeMounts: [SCRIPTS_MOUNT],
    tty: true,
  };
}

/**
 * Fills the place-scripts container's args once its final env is known.
 *
 * @example
 * ```ts
 * fillPlaceScripts(container, [placeScript('echo hi', 1, 'default/run')]).args;
 * // ['-args', 'tmpfile="/builder/scripts/script-1-..."\ntouch ...']
 * ```
 *
 * @public
 */
export function fillPlaceScripts(container: Container, scripts: readonly PlacedScript[]): Container {
  const env = container.env ?? [];
  const envFromUnknown = (container.envFrom ?? []).length > 0;
  return { ...container, args: ['-args', scripts.map((p, i) => placeScriptText(p, env, envFromUnknown, i < scripts.length - 1)).join('')] };
}
