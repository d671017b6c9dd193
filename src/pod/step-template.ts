/**
 * Merging the stepTemplate into each container, as Tekton's
 * MergeStepsWithStepTemplate did with a strategic merge patch: the step's
 * fields win, objects merge field by field, `env`, `volumeMounts`, `ports`
 * and `volumeDevices` merge item by item on their key, every other list is
 * the step's when the step has one.
 *
 * Order of a keyed list: the step's items in the step's order, with the
 * template's other items inserted before the first step item that the
 * template lists after them (strategic merge's element order), else at the end.
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

function mergeObjects(template: JsonObject, step: JsonObject, path: string): JsonObject {
  const out: Record<string, Json> = {};
  for (const k of Object.keys(template)) setKey(out, k, template[k]!);
  for (const k of Object.keys(step)) {
    const s = step[k]!;
    if (isEmpty(s)) continue;
    const t = template[k];
    const here = path === '' ? k : `${path}.${k}`;
    if (isObject(t) && isObject(s)) setKey(out, k, mergeObjects(t, s, here));
    else if (Array.isArray(t) && Array.isArray(s) && MERGE_KEYS[here] !== undefined) setKey(out, k, mergeKeyed(t, s, MERGE_KEYS[here]!));
    else setKey(out, k, s);
  }
  return out;
}

function keyOf(item: Json, key: string): string | undefined {
  return isObject(item) && item[key] !== undefined ? JSON.stringify(item[key]) : undefined;
}

function mergeKeyed(template: readonly Json[], step: readonly Json[], key: string): Json[] {
  const templateIndex = new Map<string, number>();
  template.forEach((item, i) => {
    const k = keyOf(item, key);
    if (k !== undefined && !templateIndex.has(k)) templateIndex.set(k, i);
  });
  const stepKeys = new Set(step.map((item) => keyOf(item, key)).filter((k): k is string => k !== undefined));
  const merged = step.map((item) => {
    const k = keyOf(item, key);
    const t = k === undefined ? undefined : templateIndex.get(k);
    const tItem = t === undefined ? undefined : template[t];
    return isObject(tItem) && isObject(item) ? mergeObjects(tItem, item, '') : item;
  });
  const templateOnly = template.filter((item) => {
    const k = keyOf(item, key);
    return k === undefined || !stepKeys.has(k);
  });
  // Interleave: a template-only item goes before the next merged item only
  // when both are in the template and the template lists it first.
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  const indexIn = (item: Json): number => {
    const k = keyOf(item, key);
    return k === undefined ? -1 : templateIndex.get(k) ?? -1;
  };
  while (i < templateOnly.length || j < merged.length) {
    if (i >= templateOnly.length) out.push(merged[j++]!);
    else if (j >= merged.length) out.push(templateOnly[i++]!);
    else {
      const l = indexIn(templateOnly[i]!);
      const r = indexIn(merged[j]!);
      if (l >= 0 && r >= 0 && l < r) out.push(templateOnly[i++]!);
      else out.push(merged[j++]!);
    }
  }
  return out;
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
  return E.mapLeft(() => 'the stepTemplate and the step do not merge into a valid container')(Container.decode(merged));
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
