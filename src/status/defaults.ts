/**
 * The controller default a status depends on: the timeout of a run that
 * names none, `default-timeout-minutes` of the `config-defaults` ConfigMap
 * in Tekton's namespace (pkg/apis/config/default.go at 6c132b937e; 60 when
 * the ConfigMap or the key is absent). TaskRuns and PipelineRuns share it.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { invalidConfig, objectLabel, TaskpodError } from '../errors';
import type { ConfigMap } from '../model/core';

/**
 * The name of Tekton's defaults ConfigMap (in `tekton-pipelines`).
 *
 * @example
 * ```ts
 * objects.configMaps.find((c) => c.metadata?.name === DEFAULTS_CONFIG_NAME);
 * ```
 *
 * @public
 */
export const DEFAULTS_CONFIG_NAME = 'config-defaults';

/**
 * Tekton's default timeout, in minutes, when `config-defaults` says nothing.
 *
 * @example
 * ```ts
 * taskRunStatus(run, pod, now, { defaultTimeoutMinutes: DEFAULT_TIMEOUT_MINUTES });
 * ```
 *
 * @public
 */
export const DEFAULT_TIMEOUT_MINUTES = 60;

const KEY = 'default-timeout-minutes';

/**
 * The default timeout in minutes from the `config-defaults` ConfigMap (or
 * 60 without one). The value is read as Go's `strconv.ParseInt(s, 10, 0)`:
 * an optional sign and decimal digits; anything else is the error Tekton
 * gave (its text says "tracing config", as Tekton's did). taskpod holds it
 * exactly up to 2^53.
 *
 * @example
 * ```ts
 * defaultTimeoutMinutes({ metadata: { name: 'config-defaults' }, data: { 'default-timeout-minutes': '30' } }); // Right(30)
 * defaultTimeoutMinutes(undefined); // Right(60)
 * ```
 *
 * @public
 */
export function defaultTimeoutMinutes(configMap: ConfigMap | undefined): E.Either<TaskpodError, number> {
  const text = configMap?.data?.[KEY];
  if (text === undefined || !Object.prototype.hasOwnProperty.call(configMap?.data ?? {}, KEY)) return E.right(DEFAULT_TIMEOUT_MINUTES);
  const n = /^[+-]?[0-9]+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n)) {
    const label = objectLabel('ConfigMap', configMap?.metadata?.namespace, configMap?.metadata?.name ?? DEFAULTS_CONFIG_NAME);
    return E.left(invalidConfig(label, `data.${KEY}`, `failed parsing tracing config ${JSON.stringify(KEY)} (${JSON.stringify(text)} is not a whole number)`));
  }
  return E.right(n);
}
