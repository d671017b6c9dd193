/**
 * What the sidecar commands share: reading the one Pod they work on (kept
 * as the raw object, so that an update keeps every field), printing an
 * update, and the `--nop-contains` option.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { invalidInput, objectLabel, TaskpodError } from '../errors';
import type { ReadLimits } from '../input/yaml';
import { LivePod, PodUpdate, readLivePod } from '../sidecars/pod';
import type { SidecarMode } from '../sidecars/native';
import { optList, optString, ParsedOptions, UsageError } from './args';
import { formatValue, readObjects } from './io';

/** Reads the files and returns the one Pod among them. */
export function readOnePod(files: readonly string[], limits: ReadLimits): E.Either<TaskpodError, LivePod> {
  return pipe(
    readObjects(files, limits),
    E.chain((objects) => {
      const raw = objects.rawPods ?? [];
      if (raw.length === 0) return E.left(invalidInput('input', '', 'no Pod found: the input must hold exactly one Pod (kubectl get pod NAME -o yaml)'));
      if (raw.length > 1) {
        const names = objects.pods.map((p) => objectLabel('Pod', p.metadata?.namespace, p.metadata?.name)).join(', ');
        return E.left(invalidInput('input', '', `${raw.length} Pods found (${names}): the input must hold exactly one`));
      }
      return readLivePod(raw[0]);
    }),
  );
}

/** An update printed as the whole Pod (yaml, json) or as the JSON Patch (patch). */
export function formatUpdate(update: PodUpdate, format: string): string {
  if (format === 'patch') return `${JSON.stringify(update.patch, null, 2)}\n`;
  return formatValue(update.pod, format === 'json' ? 'json' : 'yaml');
}

/** `--nop-contains` values: absolute paths. */
export function nopContains(options: ParsedOptions): readonly string[] | undefined {
  const paths = optList(options, 'nop-contains');
  for (const p of paths) {
    if (!p.startsWith('/')) throw new UsageError(`--nop-contains takes an absolute path such as /bin/sh, not "${p}"`);
  }
  return paths.length > 0 ? paths : undefined;
}

/** `--sidecars nop|native` (default nop). */
export function sidecarMode(options: ParsedOptions): SidecarMode {
  const mode = optString(options, 'sidecars') ?? 'nop';
  if (mode !== 'nop' && mode !== 'native') throw new UsageError(`--sidecars takes nop or native, not "${mode}"`);
  return mode;
}
