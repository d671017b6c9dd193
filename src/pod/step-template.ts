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
 * end. A key the step lists twice ends up once, as the strategic merge
 * merged it (so a step that sets HOME, after the implicit HOME, has one HOME
 * when the template has env: for a short env list, the implicit one). An
 * item without its merge key merges by the key's zero value (Go always
 * encoded those fields).
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { Container } from '../model/core';
import { compareGoStrings } from '../util';
import { defineField } from '../model/struct';

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
  defineField(o, k, v);
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
      const m = mergeKeyed(t, s, MERGE_KEYS[here]!);
      if (E.isLeft(m)) return m;
      setKey(out, k, m.right);
    } else setKey(out, k, s);
  }
  return E.right(out);
}

/**
 * The merge key's value of an item. Go's encoder always wrote these fields
 * (no omitempty), so an item without one has the zero value: an env var
 * without a name merges as the name "".
 */
const KEY_ZERO: Readonly<Record<string, Json>> = { name: '', mountPath: '', devicePath: '', containerPort: 0 };
function keyValue(item: Json, key: string): Json {
  return isObject(item) && item[key] !== undefined ? item[key]! : (KEY_ZERO[key] ?? null);
}

function keyOf(item: Json, key: string): string {
  return JSON.stringify(keyValue(item, key));
}

/**
 * Go's `sort.Sort` (Go 1.13: quickSort, with a gap-6 shell pass and an
 * insertion sort for 12 items or fewer), in place. Not stable: with a
 * `less` that is true for equal items, as apimachinery's
 * SortableSliceOfMaps.Less (`<=`) is, equal items change places in Go's own
 * way, and so must they here.
 */
function goSort<T>(data: T[], less: (a: T, b: T) => boolean): void {
  const lt = (i: number, j: number): boolean => less(data[i]!, data[j]!);
  const swap = (i: number, j: number): void => {
    const t = data[i]!;
    data[i] = data[j]!;
    data[j] = t;
  };
  const insertionSort = (a: number, b: number): void => {
    for (let i = a + 1; i < b; i++) for (let j = i; j > a && lt(j, j - 1); j--) swap(j, j - 1);
  };
  const siftDown = (lo: number, hi: number, first: number): void => {
    let root = lo;
    for (;;) {
      let child = 2 * root + 1;
      if (child >= hi) return;
      if (child + 1 < hi && lt(first + child, first + child + 1)) child++;
      if (!lt(first + root, first + child)) return;
      swap(first + root, first + child);
      root = child;
    }
  };
  const heapSort = (a: number, b: number): void => {
    const hi = b - a;
    for (let i = Math.floor((hi - 1) / 2); i >= 0; i--) siftDown(i, hi, a);
    for (let i = hi - 1; i >= 0; i--) {
      swap(a, a + i);
      siftDown(0, i, a);
    }
  };
  const medianOfThree = (m1: number, m0: number, m2: number): void => {
    if (lt(m1, m0)) swap(m1, m0);
    if (lt(m2, m1)) {
      swap(m2, m1);
      if (lt(m1, m0)) swap(m1, m0);
    }
  };
  const doPivot = (lo: number, hi: number): [number, number] => {
    const m = (lo + hi) >>> 1;
    if (hi - lo > 40) {
      const s = Math.floor((hi - lo) / 8);
      medianOfThree(lo, lo + s, lo + 2 * s);
      medianOfThree(m, m - s, m + s);
      medianOfThree(hi - 1, hi - 1 - s, hi - 1 - 2 * s);
    }
    medianOfThree(lo, m, hi - 1);
    const pivot = lo;
    let a = lo + 1;
    let c = hi - 1;
    for (; a < c && lt(a, pivot); a++);
    let b = a;
    for (;;) {
      for (; b < c && !lt(pivot, b); b++);
      for (; b < c && lt(pivot, c - 1); c--);
      if (b >= c) break;
      swap(b, c - 1);
      b++;
      c--;
    }
    let protect = hi - c < 5;
    if (!protect && hi - c < Math.floor((hi - lo) / 4)) {
      let dups = 0;
      if (!lt(pivot, hi - 1)) {
        swap(c, hi - 1);
        c++;
        dups++;
      }
      if (!lt(b - 1, pivot)) {
        b--;
        dups++;
      }
      if (!lt(m, pivot)) {
        swap(m, b - 1);
        b--;
        dups++;
      }
      protect = dups > 1;
    }
    if (protect) {
      for (;;) {
        for (; a < b && !lt(b - 1, pivot); b--);
        for (; a < b && lt(a, pivot); a++);
        if (a >= b) break;
        swap(a, b - 1);
        a++;
        b--;
      }
    }
    swap(pivot, b - 1);
    return [b - 1, c];
  };
  const quickSort = (a0: number, b0: number, depth0: number): void => {
    let a = a0;
    let b = b0;
    let depth = depth0;
    while (b - a > 12) {
      if (depth === 0) {
        heapSort(a, b);
        return;
      }
      depth--;
      const [mlo, mhi] = doPivot(a, b);
      if (mlo - a < b - mhi) {
        quickSort(a, mlo, depth);
        a = mhi;
      } else {
        quickSort(mhi, b, depth);
        b = mlo;
      }
    }
    if (b - a > 1) {
      for (let i = a + 6; i < b; i++) if (lt(i, i - 6)) swap(i, i - 6);
      insertionSort(a, b);
    }
  };
  let depth = 0;
  for (let i = data.length; i > 0; i >>= 1) depth++;
  quickSort(0, data.length, depth * 2);
}

/** A merge key's value as Go's `fmt.Sprintf("%v")` printed it, for sorting. */
const keyText = (item: Json, key: string): string => {
  const v = keyValue(item, key);
  return typeof v === 'string' ? v : JSON.stringify(v);
};

/**
 * A keyed list merged as apimachinery's strategic merge does, with an empty
 * original, the step as modified and the template as current
 * (CreateThreeWayMergePatch, then StrategicMergePatch):
 *
 * - the patch holds the step's items in the order of its sorted copy
 *   (sortMergeListsByNameArray: Go's unstable sort.Sort with `<=`), stably
 *   reordered by the first place of each key in the step;
 * - each patch item is merged into the first item of its key (the
 *   template's, or an earlier patch item's), or appended: a key the step
 *   repeats ends up once, and which of its values wins follows Go's sort
 *   (for a short list, the first: the implicit HOME over a step's own);
 * - then the step's keys come in the step's order, and each template-only
 *   item goes before the first step item the template lists after it
 *   (normalizeElementOrder, mergeSortedSlice).
 *
 * An item without the key merges by the key's zero value (Go always
 * encoded it). A key the step repeats with other items in between made
 * Go's patch fail its own order check (validatePatchWithSetOrderList);
 * that refusal is not reproduced here.
 */
function mergeKeyed(template: readonly Json[], step: readonly Json[], key: string): E.Either<string, Json[]> {
  const templateIndex = new Map<string, number>();
  template.forEach((item, i) => {
    const k = keyOf(item, key);
    if (!templateIndex.has(k)) templateIndex.set(k, i);
  });
  const stepIndex = new Map<string, number>();
  step.forEach((item, i) => {
    const k = keyOf(item, key);
    if (!stepIndex.has(k)) stepIndex.set(k, i);
  });
  const patch = [...step];
  goSort(patch, (a, b) => compareGoStrings(keyText(a, key), keyText(b, key)) <= 0);
  const firstInStep = (item: Json): number => stepIndex.get(keyOf(item, key))!;
  patch.sort((a, b) => firstInStep(a) - firstInStep(b)); // stable, as sort.SliceStable
  const merged: Json[] = [...template];
  for (const item of patch) {
    const k = keyOf(item, key);
    const at = merged.findIndex((m) => keyOf(m, key) === k);
    if (at < 0) merged.push(item);
    else {
      const m = mergeObjects(merged[at] as JsonObject, item as JsonObject, '');
      if (E.isLeft(m)) return m;
      merged[at] = m.right;
    }
  }
  const indexIn = (index: ReadonlyMap<string, number>) => (item: Json): number => index.get(keyOf(item, key)) ?? -1;
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
  return mergeWithEncodedTemplate(Container.encode(template) as JsonObject, step);
}

function mergeWithEncodedTemplate(template: JsonObject, step: Container): E.Either<string, Container> {
  const merged = mergeObjects(template, Container.encode(step) as JsonObject, '');
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
  // The template is encoded once, not once per container (docs/performance.md).
  const encoded = Container.encode(template) as JsonObject;
  const out: Container[] = [];
  for (const c of containers) {
    const m = mergeWithEncodedTemplate(encoded, c);
    if (E.isLeft(m)) return m;
    out.push(m.right);
  }
  return E.right(out);
}
