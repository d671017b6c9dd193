/**
 * Inputs for the explain tests: a fixture or YAML text read as the CLI reads
 * it, the Pod taskpod renders for it, the resolved run explainRender
 * explains it with, and the explanation. Every call renders afresh, so tests
 * must call these inside `test` bodies (work done while a test file loads
 * is invisible to Stryker, docs/quality.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { defaultTaskRun } from '../../src/admission/defaults';
import { explainRender, PodExplanation } from '../../src/explain';
import { collectObjects, InputObjects } from '../../src/input/objects';
import { parseDocuments } from '../../src/input/yaml';
import type { Container, Pod } from '../../src/model/core';
import { admit, renderPod, RenderOptions } from '../../src/render';
import { resolveRun, ResolvedRun, theTaskRun } from '../../src/resolve';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures');

/** The objects of YAML text (several documents), as the CLI collects them. */
export function objectsOf(text: string): InputObjects {
  const objects = E.chain((docs: unknown[]) => collectObjects(docs, (i) => `document ${i + 1}`))(parseDocuments(text, 'input.yaml'));
  if (E.isLeft(objects)) throw new Error(`${objects.left.object}: ${objects.left.field}: ${objects.left.message}`);
  return objects.right;
}

/** The objects of `fixtures/<name>/input.yaml`. */
export function fixture(name: string): InputObjects {
  return objectsOf(readFileSync(join(FIXTURES, name, 'input.yaml'), 'utf8'));
}

/** The Pod taskpod renders for the objects (it must render). */
export function podOf(objects: InputObjects, options: RenderOptions = {}): Pod {
  const pod = renderPod(objects, options);
  if (E.isLeft(pod)) throw new Error(`${pod.left.object}: ${pod.left.field}: ${pod.left.message}`);
  return pod.right;
}

/** The explanation explainRender gives for the objects (they must render). */
export function explained(objects: InputObjects, options: RenderOptions = {}): PodExplanation {
  const x = explainRender(objects, options);
  if (E.isLeft(x)) throw new Error(`${x.left.object}: ${x.left.field}: ${x.left.message}`);
  return x.right;
}

/** The resolved run of the objects, as explainRender resolves it. */
export function runOf(objects: InputObjects): ResolvedRun {
  const run = pipe(
    theTaskRun(objects),
    E.map((r) => ({ ...r, taskRun: defaultTaskRun(r.taskRun) })),
    E.chain((r) => resolveRun(objects, r)),
    E.chain(admit),
  );
  if (E.isLeft(run)) throw new Error(`${run.left.object}: ${run.left.field}: ${run.left.message}`);
  return run.right;
}

/** Every container of the Pod, init containers first (run order). */
export function containersOf(pod: Pod): readonly Container[] {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
}

/** The name of the Pod's one container whose name starts with `prefix` (a generated name's random part is the render's business). */
export function named(pod: Pod, prefix: string): string {
  const found = containersOf(pod).filter((c) => (c.name ?? '').startsWith(prefix));
  if (found.length !== 1) throw new Error(`${found.length} containers start with ${prefix}`);
  return found[0]!.name!;
}

/** The name of the Pod's one volume whose name starts with `prefix`. */
export function volumeNamed(pod: Pod, prefix: string): string {
  const found = (pod.spec?.volumes ?? []).filter((v) => (v.name ?? '').startsWith(prefix));
  if (found.length !== 1) throw new Error(`${found.length} volumes start with ${prefix}`);
  return found[0]!.name!;
}
