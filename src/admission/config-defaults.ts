/**
 * Tekton's `config-defaults` ConfigMap (namespace `tekton-pipelines`;
 * pkg/apis/config/default.go at 6c132b937e): the default timeout and
 * ServiceAccount that the webhook gives runs that set none.
 *
 * @packageDocumentation
 */
import { objectLabel } from '../errors';
import { namespaceOf, type InputObjects } from '../input/objects';
import type { ConfigMap } from '../model/core';
import type { TaskpodWarning } from '../warnings';
import { RunDefaults, TEKTON_RUN_DEFAULTS } from './pipeline';

/**
 * The ConfigMap's name (in namespace `tekton-pipelines`).
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
 * The `config-defaults` ConfigMap among `objects`, if given.
 *
 * @example
 * ```ts
 * runDefaults(findConfigDefaults(objects)).defaults.serviceAccount;
 * ```
 */
export function findConfigDefaults(objects: Pick<InputObjects, 'configMaps'>): ConfigMap | undefined {
  return objects.configMaps.find((c) => c.metadata?.name === DEFAULTS_CONFIG_NAME && namespaceOf(c) === 'tekton-pipelines');
}
const TIMEOUT_KEY = 'default-timeout-minutes';
const SERVICE_ACCOUNT_KEY = 'default-service-account';
const MAX_INT64 = (1n << 63n) - 1n;

/** Go's strconv.ParseInt(s, 10, 64): an optional sign and decimal digits, within int64. */
function parseGoInt(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const v = BigInt(s);
  return v > MAX_INT64 || v < -MAX_INT64 - 1n ? undefined : v;
}

/**
 * The defaults `config-defaults` sets, with a warning for a value Tekton
 * could not read (it then kept its built-in default and logged the error).
 *
 * @example
 * ```ts
 * runDefaults({ metadata: { name: 'config-defaults', namespace: 'tekton-pipelines' }, data: { 'default-timeout-minutes': '20' } });
 * // { defaults: { timeout: 1_200_000_000_000n, serviceAccount: '' }, warnings: [] }
 * ```
 *
 * @public
 */
export function runDefaults(configMap: ConfigMap | undefined): { readonly defaults: RunDefaults; readonly warnings: readonly TaskpodWarning[] } {
  const data = configMap?.data ?? {};
  const has = (k: string) => Object.prototype.hasOwnProperty.call(data, k);
  if (!has(TIMEOUT_KEY) && !has(SERVICE_ACCOUNT_KEY)) return { defaults: TEKTON_RUN_DEFAULTS, warnings: [] };
  const text = has(TIMEOUT_KEY) ? data[TIMEOUT_KEY]! : undefined;
  const minutes = text === undefined ? undefined : parseGoInt(text);
  const warnings: TaskpodWarning[] =
    text !== undefined && minutes === undefined
      ? [
          {
            object: objectLabel('ConfigMap', 'tekton-pipelines', DEFAULTS_CONFIG_NAME),
            field: `data[${JSON.stringify(TIMEOUT_KEY)}]`,
            message: `"${text}" is not a whole number of minutes: Tekton could not read this ConfigMap and kept its default of 60 minutes and no default ServiceAccount`,
          },
        ]
      : [];
  if (text !== undefined && minutes === undefined) return { defaults: TEKTON_RUN_DEFAULTS, warnings };
  return {
    defaults: {
      // Go multiplied the minutes into a Duration, wrapping around beyond int64.
      timeout: minutes === undefined ? TEKTON_RUN_DEFAULTS.timeout : BigInt.asIntN(64, minutes * 60_000_000_000n),
      serviceAccount: has(SERVICE_ACCOUNT_KEY) ? data[SERVICE_ACCOUNT_KEY]! : '',
    },
    warnings,
  };
}
