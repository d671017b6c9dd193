/**
 * Rendering generated inputs the way the CLI does (documents sorted and
 * decoded, config decoded, then renderPod), and writing them as YAML.
 */
import * as E from 'fp-ts/Either';
import { formatValue } from '../../src/cli/io';
import type { TaskpodError } from '../../src/errors';
import { decodeAs } from '../../src/input/decode';
import { collectObjects } from '../../src/input/objects';
import { ConfigFile, configFromFile } from '../../src/model/config';
import type { Container, Pod } from '../../src/model/core';
import { renderPod } from '../../src/render';

/** An input: documents and a config document. */
export interface RenderInput {
  readonly docs: readonly unknown[];
  readonly config?: unknown;
}

/** The Pod (as JSON) or the error for an input. */
export function render(input: RenderInput): E.Either<TaskpodError, Pod> {
  const objects = collectObjects(input.docs, (i) => `document ${i + 1}`);
  if (E.isLeft(objects)) return objects;
  const config = input.config === undefined ? E.right({}) : decodeAs(ConfigFile, input.config, 'config');
  if (E.isLeft(config)) return config;
  return renderPod(objects.right, { config: configFromFile(config.right) });
}

/** The Pod of an input that must render; a refusal fails the test with the reason. */
export function renderOk(input: RenderInput): Pod {
  const r = render(input);
  if (E.isLeft(r)) throw new Error(`expected a Pod, got ${r.left._tag}: ${r.left.object}: ${r.left.field}: ${r.left.message}`);
  return r.right;
}

/** The documents as one YAML 1.1 stream (strings such as `on` or `1:20` quoted, as taskpod reads YAML 1.1). */
export function toYaml(docs: readonly unknown[]): string {
  // As `taskpod render -o yaml` writes YAML (formatValue): strings yaml.v2
  // would read as something else are quoted, and text that would not read
  // back the same is written with JSON-style strings.
  return docs.map((d) => formatValue(d, 'yaml')).join('---\n');
}

/** Every container of the Pod, init containers first. */
export function allContainers(pod: Pod): readonly Container[] {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
}
