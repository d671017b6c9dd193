/**
 * Expanding generated PipelineRun inputs the way the CLI does (documents
 * collected and decoded, config decoded, then expandPipelineRun), and
 * reading the printed items back.
 */
import * as E from 'fp-ts/Either';
import type { TaskpodError } from '../../src/errors';
import { decodeAs } from '../../src/input/decode';
import { collectObjects } from '../../src/input/objects';
import { ConfigFile, configFromFile } from '../../src/model/config';
import { expandPipelineRun, PipelineRunExpansion } from '../../src/pipeline/expand';
import type { RenderInput } from './render';

/** The expansion of an input, or the error. */
export function expand(input: RenderInput): E.Either<TaskpodError, PipelineRunExpansion> {
  const objects = collectObjects(input.docs, (i) => `document ${i + 1}`);
  if (E.isLeft(objects)) return objects;
  const config = input.config === undefined ? E.right({}) : decodeAs(ConfigFile, input.config, 'config');
  if (E.isLeft(config)) return config;
  return expandPipelineRun(objects.right, { config: configFromFile(config.right) });
}

/** The expansion of an input that must expand; a refusal fails the test with the reason. */
export function expandOk(input: RenderInput): PipelineRunExpansion {
  const r = expand(input);
  if (E.isLeft(r)) throw new Error(`expected an expansion, got ${r.left._tag}: ${r.left.object}: ${r.left.field}: ${r.left.message}`);
  return r.right;
}

/** An item of the printed List, as JSON. */
export interface Item {
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly labels?: Record<string, string>; readonly ownerReferences?: { name: string; kind: string }[] };
  readonly spec: Record<string, unknown>;
}

/** The List's items as they print (JSON), not as typed objects. */
export function printedItems(x: PipelineRunExpansion): Item[] {
  return JSON.parse(JSON.stringify(x.items)) as Item[];
}
