/**
 * The `cloudEvent` resource (cloud_event_resource.go at 6c132b937e): it adds
 * no steps; the controller sends a CloudEvent to `targetURI` when the
 * TaskRun finishes. A resource without a non-empty `targetURI` is an error
 * (Tekton crashed on such an output: DEVIATIONS.md item 4).
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import type { PipelineResource } from '../model/tekton';
import { NO_CHANGE, paramValues, Resource } from './types';

/**
 * The cloudEvent resource, or why it cannot be one.
 *
 * @example
 * ```ts
 * cloudEventResource({ metadata: { name: 'ce' }, spec: { type: 'cloudEvent', params: [{ name: 'targetURI', value: 'http://sink' }] } });
 * // Right(resource with replacements name, type, target-uri)
 * ```
 */
export function cloudEventResource(r: PipelineResource): E.Either<string, Resource> {
  const uris = paramValues(r.spec, 'targetURI');
  if (!uris.some((u) => u !== '')) return E.left('a cloudEvent resource needs a non-empty "targetURI" param');
  const name = r.metadata?.name ?? '';
  return E.right({
    type: 'cloudEvent',
    name,
    replacements: new Map([
      ['name', name],
      ['type', 'cloudEvent'],
      ['target-uri', uris[uris.length - 1]!],
    ]),
    inputModifier: () => NO_CHANGE,
    outputModifier: () => NO_CHANGE,
  });
}
