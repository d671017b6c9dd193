/**
 * Merging the stepTemplate into each container, as Tekton's
 * MergeStepsWithStepTemplate did with a strategic merge patch: the step's
 * fields win, objects merge field by field, `env`, `volumeMounts`, `ports`
 * and `volumeDevices` merge item by item on their key, every other list is
 * the step's when the step has one.
 *
 * Order of a keyed list: the step's items in the step's order, with the
 * template's other items inserted before the first step item that the
 * template lists after them (strategic merge's element order), else at the
 * end. A key the step lists twice ends up once, with the last values (so a
 * step that sets HOME, after the implicit HOME, keeps only its own when the
 * template has env). When both lists are there, every item needs its key,
 * or the merge fails, as Tekton's did.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { Container } from '../model/core';

type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };
type JsonObject = { readonly [k: string]: Json };

/** The merge key of each keyed list of a Container, by JSON path. */
const MERGE_KEYS: Readonly<Record<string, string>> = {
  env: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  volumeDevices: 'devicePath',
};

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Go's omitempty: empty strings, lists and maps are not in the step's JSON. */
const isEmpty = (v: Json | undefined): boolean =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);

function setKey(o: Record<string, Json>, k: string, v: Json): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function mergeObjects(template: JsonObject, step: JsonObject, path: string): E.Either<string, JsonObject> {
  const out: Record<string, Json> = {};
  for (const k of Object.keys(template)) setKey(out, k, template[k]!);
  for (const k of Object.keys(step)) {
    const s = step[k]!;
    if (isEmpty(s)) continue;
    const t = template[k];
    const here = path === '' ? k : `${path}.${k}`;
    if (isObject(t) && isObject(s)) {
      const m = mergeObjects(t, s, here);
      if (E.isLeft(m)) return m;
      setKey(out, k, m.right);
    } else if (Array.isArray(t) && Array.isArray(s) && !isEmpty(t) && MERGE_KEYS[here] !== undefined) {
      const m = mergeKeyed(t, s, MERGE_KEYS[here]!, here);
      if (E.isLeft(m)) return m;
      setKey(out, k, m.right);
    } else setKey(out, k, s);
  }
  return E.right(out);
}

function keyOf(item: Json, key: string): string | undefined {
  return isObject(item) && item[key] !== undefined ? JSON.stringify(item[key]) : undefined;
}

/**
 * A keyed list merged as apimachinery's strategic merge does: every step
 * item is merged into the first item of its key (the template's, or an
 * earlier step item's: a key the step repeats ends up once, with the last
 * values), the others are appended; then the step's keys come in the step's
 * order, and each template-only item goes before the first step item the
 * template lists after it (mergeSortedSlice). An item without the key is an
 * error, as in Go (ErrNoMergeKey).
 */
function mergeKeyed(template: readonly Json[], step: readonly Json[], key: string, path: string): E.Either<string, Json[]> {
  for (const item of [...template, ...step]) {
    if (keyOf(item, key) === undefined) return E.left(`an item of ${path} has no ${key}, the key it is merged by: ${JSON.stringify(item)}`);
  }
  const templateIndex = new Map<string, number>();
  template.forEach((item, i) => {
    const k = keyOf(item, key)!;
    if (!templateIndex.has(k)) templateIndex.set(k, i);
  });
  const stepIndex = new Map<string, number>();
  step.forEach((item, i) => {
    const k = keyOf(item, key)!;
    if (!stepIndex.has(k)) stepIndex.set(k, i);
  });
  const merged: Json[] = [...template];
  for (const item of step) {
    const k = keyOf(item, key);
    const at = merged.findIndex((m) => keyOf(m, key) === k);
    if (at < 0) merged.push(item);
    else {
      const m = mergeObjects(merged[at] as JsonObject, item as JsonObject, '');
      if (E.isLeft(m)) return m;
      merged[at] = m.right;
    }
  }
  const indexIn = (index: ReadonlyMap<string, number>) => (item: Json): number => index.get(keyOf(item, key)!) ?? -1;
  const inStep = indexIn(stepIndex);
  const inTemplate = indexIn(templateIndex);
  const stepItems = merged.filter((item) => inStep(item) >= 0).sort((a, b) => inStep(a) - inStep(b));
  const templateOnly = merged.filter((item) => inStep(item) < 0);
  // Interleave: a template-only item goes before the next step item only
  // when both are in the template and the template lists it first.
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < templateOnly.length || j < stepItems.length) {
    if (i >= templateOnly.length) out.push(stepItems[j++]!);
    else if (j >= stepItems.length) out.push(templateOnly[i++]!);
    else {
      const l = inTemplate(templateOnly[i]!);
      const r = inTemplate(stepItems[j]!);
      if (l >= 0 && r >= 0 && l < r) out.push(templateOnly[i++]!);
      else out.push(stepItems[j++]!);
    }
  }
  return E.right(out);
}

/**
 * One container merged onto the template. Decoding the merged JSON again
 * mirrors Tekton's round trip through the Container struct.
 *
 * @example
 * ```ts
 * mergeWithTemplate({ env: [{ name: 'A', value: 't' }] }, { name: 's', env: [{ name: 'B', value: 's' }] });
 * // Right({ name: 's', env: [{ name: 'B', value: 's' }, { name: 'A', value: 't' }] })
 * ```
 *
 * @public
 */
export function mergeWithTemplate(template: Container, step: Container): E.Either<string, Container> {
  const merged = mergeObjects(Container.encode(template) as JsonObject, Container.encode(step) as JsonObject, '');
  if (E.isLeft(merged)) return merged;
  return E.mapLeft(() => 'the stepTemplate and the step do not merge into a valid container')(Container.decode(merged.right));
}

/**
 * Every container merged onto the template (unchanged without a template).
 *
 * @example
 * ```ts
 * mergeAllWithTemplate({ env: [{ name: 'LANG', value: 'C' }] }, [{ name: 'a', image: 'busybox' }]);
 * // Right([{ name: 'a', image: 'busybox', env: [{ name: 'LANG', value: 'C' }] }])
 * ```
 *
 * @public
 */
export function mergeAllWithTemplate(
  template: Container | undefined,
  containers: readonly Container[],
): E.Either<string, readonly Container[]> {
  if (template === undefined) return E.right(containers);
  const out: Container[] = [];
  for (const c of containers) {
    const m = mergeWithTemplate(template, c);
    if (E.isLeft(m)) return m;
    out.push(m.right);
  }
  return E.right(out);
}
