/**
 * Kubernetes' strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch,
 * as vendored by Tekton at 6c132b937e), ported for what Tekton's
 * `MergeStepsWithStepTemplate` asks of it: a three-way patch from an empty
 * container (original), the step (modified) and the stepTemplate (current)
 * with `overwrite`, then that patch applied to the stepTemplate.
 *
 * Values are JSON as Go decoded it into `interface{}`: objects are
 * `ReadonlyMap`s (Go maps, whose order means nothing), arrays are arrays,
 * numbers are Go's int64 (floats where not whole). The schema stands in for
 * the Go struct tags that apimachinery reads by reflection: which field a
 * key is, `patchStrategy` and `patchMergeKey`.
 *
 * Ported, with their error messages: diffMaps and the map, list and
 * list-of-maps diffs (merge keys sorted with Go's own `sort.Sort`, the
 * `$setElementOrder/<list>` directives), mergeMap, mergePatchIntoOriginal,
 * mergeSlice with and without `$patch` items, normalizeElementOrder,
 * normalizeSliceOrder, mergeSortedSlice, and validatePatchWithSetOrderList,
 * whose "The order in patch list ... doesn't match" is how a step with
 * repeated keys made Tekton refuse a TaskRun. Not ported, because the
 * Container schema never reaches them: merging lists of scalars
 * (`$deleteFromPrimitiveList`; every Container list with a strategy holds
 * objects), `retainKeys` (no Container field has it) and the conflict check
 * that `overwrite = false` would run. Such paths answer with a Left.
 *
 * Nothing here mutates its arguments; Go's in-place updates are made on
 * private copies, which gives the same results because apimachinery never
 * reads a value back from a list it only uses for ordering.
 *
 * Where Go iterates a map and stops at the first error, the result does not
 * depend on the order, only which error is reported; the `$setElementOrder`
 * directives are taken in sorted order (docs/deviations.md).
 *
 * @packageDocumentation
 */
import type * as E from 'fp-ts/Either';
import { goSort, goStableSort } from './go-sort';

// ---------------------------------------------------------------------------
// Go values and Go types
// ---------------------------------------------------------------------------

/** A JSON value as Go's `interface{}` holds it after apimachinery's json.Unmarshal. */
export type GoValue = null | boolean | number | string | readonly GoValue[] | GoMap;
/** A JSON object: Go's `map[string]interface{}`. */
export type GoMap = ReadonlyMap<string, GoValue>;

/** The scalar Go types of a Container and what its JSON looks like. */
export type GoScalar = 'string' | 'int' | 'bool' | 'quantity' | 'intOrString';

/** A Go type, as far as JSON encoding and patch metadata need it. */
export type GoType =
  | { readonly kind: 'scalar'; readonly scalar: GoScalar }
  | { readonly kind: 'struct'; readonly name: string; readonly fields: readonly GoField[] }
  | { readonly kind: 'slice'; readonly elem: GoType }
  | { readonly kind: 'map'; readonly elem: GoType };

/** A struct field: its JSON name and tags (`omitempty`, pointer, patch strategy and merge key). */
export interface GoField {
  readonly json: string;
  readonly type: GoType;
  readonly pointer: boolean;
  readonly omitempty: boolean;
  readonly patchStrategy: string;
  readonly patchMergeKey: string;
}

/** The type a patch is read against (apimachinery's PatchMetaFromStruct). */
export interface PatchSchema {
  readonly type: GoType;
  readonly pointer: boolean;
}

interface PatchMeta {
  readonly strategies: readonly string[];
  readonly mergeKey: string;
}

type Result<T> = E.Either<string, T>;
// Plain helpers rather than fp-ts's own: they run for every key and item of
// every merge, and a bundler's namespace getters made those calls the
// largest cost of the merge.
const ok = <T>(value: T): Result<T> => ({ _tag: 'Right', right: value });
const fail = <T>(message: string): Result<T> => ({ _tag: 'Left', left: message });
const isLeft = <T>(r: Result<T>): r is E.Left<string> => r._tag === 'Left';
const done: Result<void> = ok(undefined);

const DIRECTIVE = '$patch';
const DELETE = 'delete';
const REPLACE = 'replace';
const MERGE = 'merge';
const RETAIN_KEYS = 'retainKeys';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';
const SET_ELEMENT_ORDER = '$setElementOrder';

const NO_LIST_OF_LISTS = 'lists of lists are not supported';
const BAD_SET_ORDER_FORMAT = 'invalid patch format of setElementOrder list';
const BAD_PRIMITIVE_LIST_FORMAT = 'invalid patch format of primitive list';
const SCALAR_LISTS = 'merging lists of scalars with a merge strategy is not part of this port (no Container field has one)';

const isMap = (v: GoValue | undefined): v is GoMap => v instanceof Map;
const isSlice = (v: GoValue | undefined): v is readonly GoValue[] => Array.isArray(v);

type GoTypeName = 'nil' | 'bool' | 'string' | 'int64' | 'float64' | 'slice' | 'map';

/** The dynamic type of a decoded value (Go's reflect.TypeOf). */
function typeOf(v: GoValue): GoTypeName {
  if (v === null) return 'nil';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return isSlice(v) ? 'slice' : 'map';
}

const reflectName: Readonly<Record<GoTypeName, string>> = {
  nil: '<nil>',
  bool: 'bool',
  string: 'string',
  int64: 'int64',
  float64: 'float64',
  slice: '[]interface {}',
  map: 'map[string]interface {}',
};

/** Go's `==` on two interface values holding scalars. */
function goEqual(a: GoValue, b: GoValue): boolean {
  return typeOf(a) === typeOf(b) && !isMap(a) && !isSlice(a) && a === b;
}

/** Go's reflect.DeepEqual on decoded JSON. */
function deepEqual(a: GoValue | undefined, b: GoValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (isMap(a)) {
    if (!isMap(b) || a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !deepEqual(v, b.get(k))) return false;
    return true;
  }
  if (isSlice(a)) return isSlice(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  return goEqual(a, b);
}

/** Go's string order: byte-wise over UTF-8, which is code point order. */
function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // A surrogate stands for a code point above every BMP character.
      const cx = x >= 0xd800 && x <= 0xdfff ? x + 0x10000 : x;
      const cy = y >= 0xd800 && y <= 0xdfff ? y + 0x10000 : y;
      return cx - cy;
    }
  }
  return a.length - b.length;
}

/** A value as Go's `fmt.Sprintf("%v")` prints it (maps with sorted keys). */
function formatGo(v: GoValue | undefined): string {
  if (v === undefined || v === null) return '<nil>';
  if (isMap(v)) {
    const keys = [...v.keys()].sort(compareGoStrings);
    return `map[${keys.map((k) => `${k}:${formatGo(v.get(k))}`).join(' ')}]`;
  }
  if (isSlice(v)) return `[${v.map(formatGo).join(' ')}]`;
  return String(v);
}

const noMergeKey = (m: GoMap, key: string): string => `map: ${formatGo(m)} does not contain declared merge key: ${key}`;
const badArgType = (expected: GoTypeName, actual: GoValue | undefined): string =>
  `expected a ${reflectName[expected]}, but received a ${actual === undefined ? '<nil>' : reflectName[typeOf(actual)]}`;
const badPatchType = (t: GoValue | undefined, m: GoMap): string => `unknown patch type: ${formatGo(t)} in map: ${formatGo(m)}`;

// ---------------------------------------------------------------------------
// Patch metadata (PatchMetaFromStruct and the forked encoding/json lookup)
// ---------------------------------------------------------------------------

function kindName(t: GoType): string {
  if (t.kind !== 'scalar') return t.kind;
  return t.scalar === 'int' ? 'int64' : t.scalar === 'quantity' || t.scalar === 'intOrString' ? 'struct' : t.scalar;
}

const schemaName = (s: PatchSchema): string => (s.pointer ? 'ptr' : kindName(s.type));

const foldEqual = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

const fieldIndex = new WeakMap<GoType, ReadonlyMap<string, GoField>>();
/** The fields of a struct by JSON name, built once per struct type. */
function exactFields(t: Extract<GoType, { readonly kind: 'struct' }>): ReadonlyMap<string, GoField> {
  let m = fieldIndex.get(t);
  if (m === undefined) {
    m = new Map(t.fields.map((f) => [f.json, f] as const));
    fieldIndex.set(t, m);
  }
  return m;
}

/** The field a JSON key names (an exact match, else the first case-insensitive one), its type and tags. */
function lookupForStruct(s: PatchSchema, key: string): Result<readonly [PatchSchema, PatchMeta]> {
  const t = s.type;
  if (t.kind !== 'struct') return fail(`merging an object in json but data type is not struct, instead is: ${kindName(t)}`);
  const found = exactFields(t).get(key) ?? t.fields.find((f) => foldEqual(f.json, key));
  if (found === undefined) return fail(`unable to find api field in struct ${t.name} for the json field "${key}"`);
  return ok([{ type: found.type, pointer: found.pointer }, { strategies: found.patchStrategy.split(','), mergeKey: found.patchMergeKey }]);
}

/** As {@link lookupForStruct}, for a list field: the schema is then the element's. */
function lookupForSlice(s: PatchSchema, key: string): Result<readonly [PatchSchema, PatchMeta]> {
  const r = lookupForStruct(s, key);
  if (isLeft(r)) return r;
  const [sub, meta] = r.right;
  if (sub.pointer) return ok([{ type: sub.type.kind === 'slice' ? sub.type.elem : sub.type, pointer: false }, meta]);
  if (sub.type.kind !== 'slice') return fail(`expected slice or array type, but got: ${schemaName(s)}`);
  if (sub.type.elem.kind === 'slice') return fail('unexpected slice of slice');
  return ok([{ type: sub.type.elem, pointer: false }, meta]);
}

/** The patch strategy among the tag's strategies, apart from `retainKeys`. */
function patchStrategy(strategies: readonly string[]): Result<string> {
  const [first, second] = strategies;
  if (strategies.length === 0 || first === undefined) return ok('');
  if (strategies.length === 1) return ok(first === RETAIN_KEYS ? '' : first);
  if (strategies.length === 2 && second !== undefined) {
    if (first === RETAIN_KEYS) return ok(second);
    if (second === RETAIN_KEYS) return ok(first);
  }
  return fail(`unexpected patch strategy: [${strategies.join(' ')}]`);
}

// ---------------------------------------------------------------------------
// Lists: element types, merge keys, ordering
// ---------------------------------------------------------------------------

/** The one element type of the given lists (sliceElementType). */
function sliceElementType(lists: readonly (readonly GoValue[])[]): Result<GoTypeName> {
  let prev: GoTypeName | undefined;
  for (const list of lists) {
    for (const v of list) {
      const t = typeOf(v);
      if (prev === undefined) {
        prev = t;
        if (t === 'slice') return fail(NO_LIST_OF_LISTS);
      } else if (prev !== t) {
        return fail(`list element types are not identical: ${formatGo(lists as readonly GoValue[])}`);
      }
    }
  }
  return prev === undefined ? fail('no elements in any of the given slices') : ok(prev);
}

/** Every item is an object with the merge key (validateMergeKeyInLists). */
function validateMergeKeys(mergeKey: string, lists: readonly (readonly GoValue[])[]): Result<void> {
  for (const list of lists) {
    for (const item of list) {
      if (!isMap(item)) return fail(badArgType('map', item));
      if (!item.has(mergeKey)) return fail(noMergeKey(item, mergeKey));
    }
  }
  return done;
}

/** The merge key's value of an item, `null` (Go's nil) when it has none. */
const keyValue = (item: GoValue, mergeKey: string): GoValue => (isMap(item) ? (item.get(mergeKey) ?? null) : null);

/** Where an item (by merge key, or by value for scalars) first appears in `list`, else -1. */
function indexIn(list: readonly GoValue[], item: GoValue, mergeKey: string, kind: GoTypeName): number {
  const valueOf = kind === 'map' ? (x: GoValue) => keyValue(x, mergeKey) : (x: GoValue) => x;
  const wanted = valueOf(item);
  return list.findIndex((x) => goEqual(wanted, valueOf(x)));
}

/** Splits a list into the items without and with `$patch: delete`. */
function splitDeletions(list: readonly GoValue[]): Result<readonly [GoValue[], GoValue[]]> {
  const keep: GoValue[] = [];
  const remove: GoValue[] = [];
  for (const v of list) {
    if (!isMap(v)) return fail(badArgType('map', v));
    if (v.get(DIRECTIVE) === DELETE) remove.push(v);
    else keep.push(v);
  }
  return ok([keep, remove]);
}

/**
 * `toSort` stably ordered by where each item appears in `order`; an item
 * missing from `order` sorts before anything (Go's comparison answers true
 * then). Deletion items go last (normalizeSliceOrder).
 */
function normalizeSliceOrder(toSort: readonly GoValue[], order: readonly GoValue[], mergeKey: string, kind: GoTypeName): Result<GoValue[]> {
  let items: readonly GoValue[] = toSort;
  let deletions: readonly GoValue[] = [];
  if (kind === 'map') {
    const v = validateMergeKeys(mergeKey, [toSort, order]);
    if (isLeft(v)) return v;
    const split = splitDeletions(toSort);
    if (isLeft(split)) return split;
    [items, deletions] = split.right;
  }
  const sorted = goStableSort(items, (a, b) => {
    const ia = indexIn(order, a, mergeKey, kind);
    if (ia >= 0) {
      const ib = indexIn(order, b, mergeKey, kind);
      if (ib >= 0) return ia < ib;
    }
    return true;
  });
  return ok([...sorted, ...deletions]);
}

/**
 * Interleaves server-only items (`left`) into patch items (`right`), both
 * already in order: a left item goes first only when both are in
 * `serverOrder` and it comes earlier there (mergeSortedSlice).
 */
function mergeSortedSlice(left: readonly GoValue[], right: readonly GoValue[], serverOrder: readonly GoValue[], mergeKey: string, kind: GoTypeName): GoValue[] {
  return interleave(left, right, (i, j) => {
    const li = indexIn(serverOrder, left[i] as GoValue, mergeKey, kind);
    const ri = indexIn(serverOrder, right[j] as GoValue, mergeKey, kind);
    return li >= 0 && ri >= 0 && li < ri;
  });
}

/**
 * Two ordered lists as one: while both have items, `left[i]` goes next when
 * `leftFirst(i, j)` says so, else `right[j]`; then the rest of either.
 */
function interleave<T>(left: readonly T[], right: readonly T[], leftFirst: (i: number, j: number) => boolean): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]!);
    else if (j >= right.length || leftFirst(i, j)) out.push(left[i++]!);
    else out.push(right[j++]!);
  }
  return out;
}

function normalizeElementOrder(
  patch: readonly GoValue[],
  serverOnly: readonly GoValue[],
  patchOrder: readonly GoValue[],
  serverOrder: readonly GoValue[],
  mergeKey: string,
  kind: GoTypeName,
): Result<GoValue[]> {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  if (isLeft(p)) return p;
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  if (isLeft(s)) return s;
  return ok(mergeSortedSlice(s.right, p.right, serverOrder, mergeKey, kind));
}

/** The first object of `list` whose `key` equals `value` (findMapInSliceBasedOnKeyValue). */
function findByKey(list: readonly GoValue[], key: string, value: GoValue): Result<{ readonly map: GoMap; readonly at: number } | undefined> {
  for (const [at, v] of list.entries()) {
    if (!isMap(v)) return fail(`value for key ${at} is not a map`);
    if (v.has(key) && goEqual(v.get(key) ?? null, value)) return ok({ map: v, at });
  }
  return ok(undefined);
}

/** Items whose merge key appears in `by`, and the others (partitionMapsByPresentInList). */
function partitionByKey(list: readonly GoValue[], by: readonly GoValue[], mergeKey: string): Result<readonly [GoValue[], GoValue[]]> {
  const inPatch: GoValue[] = [];
  const serverOnly: GoValue[] = [];
  for (const v of list) {
    if (!isMap(v)) return fail(badArgType('map', v));
    if (!v.has(mergeKey)) return fail(noMergeKey(v, mergeKey));
    const f = findByKey(by, mergeKey, v.get(mergeKey) ?? null);
    if (isLeft(f)) return f;
    (f.right !== undefined ? inPatch : serverOnly).push(v);
  }
  return ok([inPatch, serverOnly]);
}

/** Scalars present in `by`, and the others (partitionPrimitivesByPresentInList). */
function partitionScalars(list: readonly GoValue[], by: readonly GoValue[]): readonly [GoValue[], GoValue[]] {
  const inPatch: GoValue[] = [];
  const serverOnly: GoValue[] = [];
  for (const v of list) (by.some((b) => goEqual(b, v)) ? inPatch : serverOnly).push(v);
  return [inPatch, serverOnly];
}

/** Two items have equal merge keys (or are equal scalars without one); errors as Go's mergeKeyValueEqual. */
function mergeKeyValueEqual(left: GoValue, right: GoValue, mergeKey: string): Result<boolean> {
  if (mergeKey === '') return ok(goEqual(left, right));
  if (!isMap(left)) return fail(badArgType('map', left));
  if (!isMap(right)) return fail(badArgType('map', right));
  if (!left.has(mergeKey)) return fail(noMergeKey(left, mergeKey));
  if (!right.has(mergeKey)) return fail(noMergeKey(right, mergeKey));
  return ok(goEqual(left.get(mergeKey) ?? null, right.get(mergeKey) ?? null));
}

// ---------------------------------------------------------------------------
// Diff: the patch from one document to another
// ---------------------------------------------------------------------------

interface DiffOptions {
  readonly setElementOrder: boolean;
  readonly ignoreChangesAndAdditions: boolean;
  readonly ignoreDeletions: boolean;
}

function replaceIfNotEqual(key: string, original: GoValue, modified: GoValue, patch: Map<string, GoValue>, o: DiffOptions): void {
  if (!o.ignoreChangesAndAdditions && !deepEqual(original, modified)) patch.set(key, modified);
}

/** The patch that turns `original` into `modified` (diffMaps). */
function diffMaps(original: GoMap, modified: GoMap, schema: PatchSchema, o: DiffOptions): Result<Map<string, GoValue>> {
  const patch = new Map<string, GoValue>();
  for (const [key, mv] of modified) {
    if (!original.has(key)) {
      if (!o.ignoreChangesAndAdditions) patch.set(key, mv);
      continue;
    }
    const ov = original.get(key) ?? null;
    if (key === DIRECTIVE) {
      if (typeof ov !== 'string' || typeof mv !== 'string') return fail(`invalid value for special key: ${DIRECTIVE}`);
      if (mv !== ov) patch.set(key, mv);
      continue;
    }
    if (typeOf(ov) !== typeOf(mv)) {
      if (!o.ignoreChangesAndAdditions) patch.set(key, mv);
      continue;
    }
    let r = done;
    if (isMap(ov)) r = diffMapField(key, ov, mv as GoMap, patch, schema, o);
    else if (isSlice(ov)) r = diffSliceField(key, ov, mv as readonly GoValue[], patch, schema, o);
    else replaceIfNotEqual(key, ov, mv, patch, o);
    if (isLeft(r)) return r;
  }
  if (!o.ignoreDeletions) for (const key of original.keys()) if (!modified.has(key)) patch.set(key, null);
  return ok(patch);
}

/** handleMapDiff. */
function diffMapField(key: string, ov: GoMap, mv: GoMap, patch: Map<string, GoValue>, schema: PatchSchema, o: DiffOptions): Result<void> {
  const lookup = lookupForStruct(schema, key);
  if (isLeft(lookup)) return deepEqual(ov, mv) ? done : lookup;
  const [sub, meta] = lookup.right;
  const strategy = patchStrategy(meta.strategies);
  if (isLeft(strategy)) return strategy;
  if (strategy.right === REPLACE) {
    if (!o.ignoreChangesAndAdditions) patch.set(key, mv);
    return done;
  }
  const d = diffMaps(ov, mv, sub, o);
  if (isLeft(d)) return d;
  if (d.right.size > 0) patch.set(key, d.right);
  return done;
}

/** handleSliceDiff: a list with the merge strategy is diffed item by item, any other is replaced. */
function diffSliceField(
  key: string,
  ov: readonly GoValue[],
  mv: readonly GoValue[],
  patch: Map<string, GoValue>,
  schema: PatchSchema,
  o: DiffOptions,
): Result<void> {
  const lookup = lookupForSlice(schema, key);
  if (isLeft(lookup)) return deepEqual(ov, mv) ? done : lookup;
  const [sub, meta] = lookup.right;
  const strategy = patchStrategy(meta.strategies);
  if (isLeft(strategy)) return strategy;
  if (strategy.right !== MERGE) {
    replaceIfNotEqual(key, ov, mv, patch, o);
    return done;
  }
  const d = diffLists(ov, mv, sub, meta.mergeKey, o);
  if (isLeft(d)) return d;
  const { changes, order } = d.right;
  if (changes.length > 0) patch.set(key, changes);
  if (order.length > 0) patch.set(`${SET_ELEMENT_ORDER}/${key}`, order);
  return done;
}

/**
 * The changed and added items of a merging list (deletions appended, when
 * not ignored), and the `$setElementOrder` list of the modified merge keys
 * when anything changed or the order did (diffLists).
 */
function diffLists(
  original: readonly GoValue[],
  modified: readonly GoValue[],
  schema: PatchSchema,
  mergeKey: string,
  o: DiffOptions,
): Result<{ readonly changes: readonly GoValue[]; readonly order: readonly GoValue[] }> {
  if (original.length === 0) {
    return ok({ changes: modified.length === 0 || o.ignoreChangesAndAdditions ? [] : modified, order: [] });
  }
  const kind = sliceElementType([original, modified]);
  if (isLeft(kind)) return kind;
  if (kind.right === 'slice') return fail(NO_LIST_OF_LISTS);
  if (kind.right !== 'map') return fail(SCALAR_LISTS);
  const d = diffListsOfMaps(original, modified, schema, mergeKey, o);
  if (isLeft(d)) return d;
  const sorted = normalizeSliceOrder(d.right.changes, modified, mergeKey, 'map');
  if (isLeft(sorted)) return sorted;
  const same = isOrderSame(original, modified, mergeKey);
  if (isLeft(same)) return same;
  const changes = [...sorted.right, ...d.right.deletions];
  const wantOrder =
    o.setElementOrder && ((!o.ignoreChangesAndAdditions && (changes.length > 0 || !same.right)) || (!o.ignoreDeletions && changes.length > 0));
  const order = wantOrder ? modified.map((v): GoValue => new Map([[mergeKey, keyValue(v, mergeKey)]])) : [];
  return ok({ changes, order });
}

function isOrderSame(original: readonly GoValue[], modified: readonly GoValue[], mergeKey: string): Result<boolean> {
  if (original.length !== modified.length) return ok(false);
  for (const [i, m] of modified.entries()) {
    const eq = mergeKeyValueEqual(original[i] as GoValue, m, mergeKey);
    if (isLeft(eq) || !eq.right) return eq;
  }
  return ok(true);
}

/**
 * A list of objects sorted by the text of its merge key, with Go's
 * `sort.Sort` and apimachinery's `<=` comparison (sortMergeListsByNameArray
 * without recursion): items with equal keys end up in the order Go's
 * algorithm leaves them, which decides which of them a patch keeps.
 */
function sortByMergeKey(list: readonly GoValue[], mergeKey: string): Result<readonly GoValue[]> {
  if (list.length === 0) return ok(list);
  const kind = sliceElementType([list]);
  if (isLeft(kind)) return kind;
  if (kind.right !== 'map') return fail(SCALAR_LISTS);
  const text = (v: GoValue): string => formatGo(keyValue(v, mergeKey));
  return ok(goSort(list, (a, b) => compareGoStrings(text(a), text(b)) <= 0));
}

/**
 * Both lists sorted by merge key and walked together: equal keys are diffed
 * (the patch item carries the key), keys only in `modified` are added whole,
 * keys only in `original` become `$patch: delete` items (diffListsOfMaps).
 */
function diffListsOfMaps(
  original: readonly GoValue[],
  modified: readonly GoValue[],
  schema: PatchSchema,
  mergeKey: string,
  o: DiffOptions,
): Result<{ readonly changes: GoValue[]; readonly deletions: GoValue[] }> {
  const os = sortByMergeKey(original, mergeKey);
  if (isLeft(os)) return os;
  const ms = sortByMergeKey(modified, mergeKey);
  if (isLeft(ms)) return ms;
  const entry = (list: readonly GoValue[], i: number): Result<readonly [GoMap, GoValue]> => {
    const m = list[i] as GoValue;
    if (!isMap(m)) return fail(badArgType('map', m));
    if (!m.has(mergeKey)) return fail(noMergeKey(m, mergeKey));
    return ok([m, m.get(mergeKey) ?? null]);
  };
  const changes: GoValue[] = [];
  const deletions: GoValue[] = [];
  let i = 0;
  let j = 0;
  while (i < os.right.length || j < ms.right.length) {
    const inO = i < os.right.length;
    const inM = j < ms.right.length;
    let oe: readonly [GoMap, GoValue] | undefined;
    let me: readonly [GoMap, GoValue] | undefined;
    if (inO) {
      const r = entry(os.right, i);
      if (isLeft(r)) return r;
      oe = r.right;
    }
    if (inM) {
      const r = entry(ms.right, j);
      if (isLeft(r)) return r;
      me = r.right;
    }
    const cmp = oe !== undefined && me !== undefined ? compareGoStrings(formatGo(oe[1]), formatGo(me[1])) : 0;
    if (oe !== undefined && me !== undefined && cmp === 0) {
      const d = diffMaps(oe[0], me[0], schema, o);
      if (isLeft(d)) return d;
      if (d.right.size > 0) {
        d.right.set(mergeKey, me[1]);
        changes.push(d.right);
      }
      i++;
      j++;
    } else if (me !== undefined && (oe === undefined || cmp > 0)) {
      if (!o.ignoreChangesAndAdditions) changes.push(me[0]);
      j++;
    } else if (oe !== undefined) {
      if (!o.ignoreDeletions) deletions.push(new Map<string, GoValue>([[mergeKey, oe[1]], [DIRECTIVE, DELETE]]));
      i++;
    }
  }
  return ok({ changes, deletions });
}

// ---------------------------------------------------------------------------
// Merge: a patch applied to a document
// ---------------------------------------------------------------------------

interface MergeOptions {
  /** Apply `$setElementOrder` and deletion lists (server side) instead of carrying them along. */
  readonly mergeParallelList: boolean;
  readonly ignoreUnmatchedNulls: boolean;
}

/** `$patch: replace` / `$patch: delete` on a whole object (handleDirectiveInMergeMap). */
function mapDirective(directive: GoValue | undefined, patch: GoMap): Result<GoMap> {
  if (directive === REPLACE) return ok(new Map([...patch].filter(([k]) => k !== DIRECTIVE)));
  if (directive === DELETE) return ok(new Map());
  return fail(badPatchType(directive, patch));
}

function splitKey(key: string, prefix: string): Result<string> {
  const at = key.indexOf('/');
  if (at < 0 || key.slice(0, at) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST) return fail(BAD_PRIMITIVE_LIST_FORMAT);
    if (prefix === SET_ELEMENT_ORDER) return fail(BAD_SET_ORDER_FORMAT);
    return fail(`fail to find unknown prefix "${prefix}" in ${key}`);
  }
  return ok(key.slice(at + 1));
}

/** Fields of `patch` merged into `original` (mergeMap). */
function mergeMap(original: GoMap, patch: GoMap, schema: PatchSchema, o: MergeOptions): Result<GoMap> {
  if (patch.has(DIRECTIVE)) return mapDirective(patch.get(DIRECTIVE), patch);
  const out = new Map(original);
  const pending = new Map(patch);
  const ordered = mergeOrderedLists(out, pending, schema, o);
  if (isLeft(ordered)) return ordered;
  for (const [patchKey, pv] of pending) {
    let k = patchKey;
    let isDeleteList = false;
    if (k.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      if (!o.mergeParallelList) {
        out.set(k, pv);
        continue;
      }
      const bare = splitKey(k, DELETE_FROM_PRIMITIVE_LIST);
      if (isLeft(bare)) return bare;
      k = bare.right;
      isDeleteList = true;
    }
    if (pv === null) {
      out.delete(k);
      if (o.ignoreUnmatchedNulls) continue;
    }
    const ov = out.get(k);
    if (ov === undefined || typeOf(ov) !== typeOf(pv)) {
      out.set(k, pv);
      continue;
    }
    if (isMap(ov)) {
      const lookup = lookupForStruct(schema, k);
      if (isLeft(lookup)) return lookup;
      const strategy = patchStrategy(lookup.right[1].strategies);
      if (isLeft(strategy)) return strategy;
      if (strategy.right === REPLACE) out.set(k, pv);
      else {
        const m = mergeMap(ov, pv as GoMap, lookup.right[0], o);
        if (isLeft(m)) return m;
        out.set(k, m.right);
      }
    } else if (isSlice(ov)) {
      const lookup = lookupForSlice(schema, k);
      if (isLeft(lookup)) return lookup;
      const [sub, meta] = lookup.right;
      const strategy = patchStrategy(meta.strategies);
      if (isLeft(strategy)) return strategy;
      const m = strategy.right === MERGE ? mergeSlice(ov, pv as readonly GoValue[], sub, meta.mergeKey, o, isDeleteList) : ok(pv as readonly GoValue[]);
      if (isLeft(m)) return m;
      out.set(k, m.right);
    } else out.set(k, pv);
  }
  return ok(out);
}

/**
 * The lists a `$setElementOrder/<list>` directive orders, merged and put in
 * the final order: the directive's, then the patch's, then the original's
 * (mergePatchIntoOriginal). Client side (`mergeParallelList` false) the
 * directive is carried into the result; both sides check that the patch
 * list agrees with it. Updates `out` and removes what it handled from
 * `pending`, both private copies of mergeMap.
 */
function mergeOrderedLists(out: Map<string, GoValue>, pending: Map<string, GoValue>, schema: PatchSchema, o: MergeOptions): Result<void> {
  let directives: string[] | undefined;
  for (const k of pending.keys()) if (k.startsWith(SET_ELEMENT_ORDER)) (directives ??= []).push(k);
  if (directives === undefined) return done;
  directives.sort(compareGoStrings);
  for (const key of directives) {
    const order = pending.get(key) ?? null;
    if (!o.mergeParallelList) {
      if (out.has(key)) {
        if (!deepEqual(out.get(key), order)) return fail(BAD_SET_ORDER_FORMAT);
      } else out.set(key, order);
    }
    pending.delete(key);
    if (!isSlice(order)) return fail(badArgType('slice', order));
    const bare = splitKey(key, SET_ELEMENT_ORDER);
    if (isLeft(bare)) return bare;
    const listKey = bare.right;
    const ol = out.get(listKey);
    const pl = pending.get(listKey);
    if (ol !== undefined && !isSlice(ol)) return fail(badArgType('slice', ol));
    if (pl !== undefined && !isSlice(pl)) return fail(badArgType('slice', pl));
    const lookup = lookupForSlice(schema, listKey);
    if (isLeft(lookup)) return lookup;
    const [sub, meta] = lookup.right;
    const strategy = patchStrategy(meta.strategies);
    if (isLeft(strategy)) return strategy;
    const valid = validatePatchWithSetOrderList(pl ?? [], order, meta.mergeKey);
    if (isLeft(valid)) return valid;
    let merged: readonly GoValue[];
    if (ol !== undefined && pl !== undefined) {
      const m = strategy.right === MERGE ? mergeSlice(ol, pl, sub, meta.mergeKey, o, false) : ok(pl);
      if (isLeft(m)) return m;
      merged = m.right;
    } else if (ol !== undefined) merged = ol;
    else if (pl !== undefined) merged = pl;
    else continue;
    let parts: readonly [GoValue[], GoValue[]];
    if (meta.mergeKey === '') parts = partitionScalars(merged, order);
    else {
      const p = partitionByKey(merged, order, meta.mergeKey);
      if (isLeft(p)) return p;
      parts = p.right;
    }
    const kind = sliceElementType([ol ?? [], pl ?? []]);
    if (isLeft(kind)) return kind;
    const both = normalizeElementOrder(parts[0], parts[1], order, ol ?? [], meta.mergeKey, kind.right);
    if (isLeft(both)) return both;
    out.set(listKey, both.right);
    pending.delete(listKey);
  }
  return done;
}

/**
 * The patch list must follow the directive's order: each patch item (other
 * than `$patch` items) matched in turn further along the directive's list.
 * When the directive runs out first, Go refused the patch with "The order in
 * patch list ... doesn't match $setElementOrder list" (validatePatchWithSetOrderList).
 */
function validatePatchWithSetOrderList(patchList: readonly GoValue[], order: readonly GoValue[], mergeKey: string): Result<void> {
  if (order.length === 0 || patchList.length === 0) return done;
  let items: readonly GoValue[] = patchList;
  if (mergeKey !== '') {
    const split = splitDeletions(patchList);
    if (isLeft(split)) return split;
    items = split.right[0];
  }
  let pi = 0;
  let si = 0;
  while (pi < items.length && si < order.length) {
    const item = items[pi] as GoValue;
    if (isMap(item) && item.has(DIRECTIVE)) {
      pi++;
      continue;
    }
    const eq = mergeKeyValueEqual(item, order[si] as GoValue, mergeKey);
    if (isLeft(eq)) return eq;
    if (eq.right) pi++;
    si++;
  }
  if (pi < items.length && si >= order.length) {
    return fail(`The order in patch list:\n${formatGo(patchList)}\n doesn't match ${SET_ELEMENT_ORDER} list:\n${formatGo(order)}\n`);
  }
  return done;
}

/** Two lists with the merge strategy merged, then ordered (mergeSlice). */
function mergeSlice(
  original: readonly GoValue[],
  patch: readonly GoValue[],
  schema: PatchSchema,
  mergeKey: string,
  o: MergeOptions,
  isDeleteList: boolean,
): Result<readonly GoValue[]> {
  if (original.length === 0 && patch.length === 0) return ok(original);
  const kind = sliceElementType([original, patch]);
  if (isLeft(kind)) return kind;
  // isDeleteList only concerns lists of scalars, which are not ported.
  if (kind.right !== 'map') return fail(isDeleteList ? BAD_PRIMITIVE_LIST_FORMAT : SCALAR_LISTS);
  if (mergeKey === '') return fail(`cannot merge lists without merge key for ${schemaName(schema)}`);
  const special = applyListDirectives(original, patch, mergeKey);
  if (isLeft(special)) return special;
  const [base, items] = special.right;
  const merged = mergeItemsByKey(base, items, mergeKey, schema, o);
  if (isLeft(merged)) return merged;
  const parts = partitionByKey(merged.right, items, mergeKey);
  if (isLeft(parts)) return parts;
  return normalizeElementOrder(parts.right[0], parts.right[1], items, base, mergeKey, kind.right);
}

/**
 * Patch items with `$patch`: `delete` removes every original item with that
 * key, `replace` makes the remaining patch items the whole list
 * (mergeSliceWithSpecialElements). Returns the original to merge into and
 * the ordinary patch items.
 */
function applyListDirectives(original: readonly GoValue[], patch: readonly GoValue[], mergeKey: string): Result<readonly [readonly GoValue[], readonly GoValue[]]> {
  const plain: GoValue[] = [];
  let base: readonly GoValue[] = original;
  let replace = false;
  for (const v of patch) {
    if (!isMap(v)) return fail(badArgType('map', v));
    if (!v.has(DIRECTIVE)) {
      plain.push(v);
      continue;
    }
    const directive = v.get(DIRECTIVE);
    if (directive === DELETE) {
      if (!v.has(mergeKey)) return fail(noMergeKey(v, mergeKey));
      const value = v.get(mergeKey) ?? null;
      for (const item of base) if (!isMap(item)) return fail(`value for key ${base.indexOf(item)} is not a map`);
      base = base.filter((item) => !(isMap(item) && item.has(mergeKey) && goEqual(item.get(mergeKey) ?? null, value)));
    } else if (directive === REPLACE) replace = true;
    else if (directive === MERGE) return fail('merging lists cannot yet be specified in the patch');
    else return fail(badPatchType(directive, v));
  }
  return ok(replace ? [plain, []] : [base, plain]);
}

/**
 * Each patch item merged into the first item with its key, or appended
 * (mergeSliceWithoutSpecialElements). Appended items count for later
 * patch items, so a key the patch repeats is merged into its first copy.
 */
function mergeItemsByKey(original: readonly GoValue[], patch: readonly GoValue[], mergeKey: string, schema: PatchSchema, o: MergeOptions): Result<GoValue[]> {
  const out = [...original];
  for (const v of patch) {
    if (!isMap(v)) return fail(badArgType('map', v));
    if (!v.has(mergeKey)) return fail(noMergeKey(v, mergeKey));
    const found = findByKey(out, mergeKey, v.get(mergeKey) ?? null);
    if (isLeft(found)) return found;
    if (found.right === undefined) out.push(v);
    else {
      const m = mergeMap(found.right.map, v, schema, o);
      if (isLeft(m)) return m;
      out[found.right.at] = m.right;
    }
  }
  return ok(out);
}

// ---------------------------------------------------------------------------
// The two entry points Tekton used
// ---------------------------------------------------------------------------

/**
 * CreateThreeWayMergePatch with `overwrite`: the changes and additions from
 * `current` to `modified`, with the deletions from `original` to
 * `modified` merged under them (client side, keeping the directives).
 *
 * @example
 * ```ts
 * createThreeWayMergePatch(new Map(), new Map([['image', 'b']]), new Map([['image', 'a']]), schema);
 * // Right(Map { 'image' => 'b' })
 * ```
 */
export function createThreeWayMergePatch(original: GoMap, modified: GoMap, current: GoMap, schema: PatchSchema): Result<GoMap> {
  const delta = diffMaps(current, modified, schema, { setElementOrder: true, ignoreChangesAndAdditions: false, ignoreDeletions: true });
  if (isLeft(delta)) return delta;
  const deletions = diffMaps(original, modified, schema, { setElementOrder: true, ignoreChangesAndAdditions: true, ignoreDeletions: false });
  if (isLeft(deletions)) return deletions;
  return mergeMap(deletions.right, delta.right, schema, { mergeParallelList: false, ignoreUnmatchedNulls: false });
}

/**
 * StrategicMergePatchUsingLookupPatchMeta: `patch` applied to `original`
 * (server side: directives are obeyed and dropped, `null` deletes).
 *
 * @example
 * ```ts
 * strategicMergePatch(new Map([['image', 'a']]), new Map([['image', null]]), schema); // Right(Map {})
 * ```
 */
export function strategicMergePatch(original: GoMap, patch: GoMap, schema: PatchSchema): Result<GoMap> {
  return mergeMap(original, patch, schema, { mergeParallelList: true, ignoreUnmatchedNulls: true });
}

// ---------------------------------------------------------------------------
// The same, in one pass, where it comes down to a plain rule
// ---------------------------------------------------------------------------

/** Thrown inside {@link threeWayMergeFast} where the plain rule may not hold; never escapes it. */
const NOT_PLAIN = new Error('not a plain merge');

const isDirectiveKey = (k: string): boolean => k.charCodeAt(0) === 36; // '$'

/**
 * The position of each item of a keyed list by its merge key. Throws
 * {@link NOT_PLAIN} unless every item is an object without directive keys
 * whose merge key is a string or an integer, each key once.
 */
function keyPositions(list: readonly GoValue[], mergeKey: string): Map<string | number, number> {
  const at = new Map<string | number, number>();
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isMap(item)) throw NOT_PLAIN;
    for (const k of item.keys()) if (isDirectiveKey(k)) throw NOT_PLAIN;
    const key = item.get(mergeKey);
    if (typeof key !== 'string' && !(typeof key === 'number' && Number.isInteger(key))) throw NOT_PLAIN;
    if (at.has(key)) throw NOT_PLAIN;
    at.set(key, i);
  }
  return at;
}

const mergeKeyOf = (item: GoValue, mergeKey: string): string | number => (item as GoMap).get(mergeKey) as string | number;

/**
 * Two keyed lists (`patchStrategy:"merge"`), each key once in each:
 * `modified`'s items in its order, each merged over the `current` item
 * with its key; then the items only `current` has, in its order, each
 * placed before the first `modified` item that `current` lists after it
 * (what diffLists, mergeSlice and mergePatchIntoOriginal's
 * normalizeElementOrder and mergeSortedSlice come to for such lists).
 */
function mergeKeyedLists(current: readonly GoValue[], modified: readonly GoValue[], item: PatchSchema, mergeKey: string): GoValue[] {
  if (current.length === 0 || modified.length === 0) throw NOT_PLAIN;
  const inCurrent = keyPositions(current, mergeKey);
  const inModified = keyPositions(modified, mergeKey);
  const fromModified = modified.map((m) => {
    const at = inCurrent.get(mergeKeyOf(m, mergeKey));
    return at === undefined ? m : mergeOver(current[at] as GoMap, m as GoMap, item);
  });
  const currentOnly = current.filter((c) => !inModified.has(mergeKeyOf(c, mergeKey)));
  return interleave(currentOnly, fromModified, (i, j) => {
    const li = inCurrent.get(mergeKeyOf(currentOnly[i] as GoValue, mergeKey)) as number;
    const ri = inCurrent.get(mergeKeyOf(modified[j] as GoValue, mergeKey));
    return ri !== undefined && li < ri;
  });
}

/**
 * `modified` merged over `current`: every field of `current` kept, every
 * field of `modified` set over it; objects (structs and maps) merged field
 * by field, keyed lists item by item ({@link mergeKeyedLists}), any other
 * value `modified`'s. Keys keep `current`'s order, new ones follow in
 * `modified`'s, as mergeMap leaves them. Throws {@link NOT_PLAIN} where the
 * full algorithm could do something else: a `null`, a directive key, a
 * field the schema does not know (or a list it does not type as a list),
 * a patch strategy other than none or `merge`, an object inside a map, a
 * keyed list with a repeated key.
 */
function mergeOver(current: GoMap, modified: GoMap, schema: PatchSchema): GoMap {
  const out = new Map(current);
  const t = schema.type;
  // forEach, not for-of: no [key, value] array per entry.
  modified.forEach((mv, k) => {
    if (isDirectiveKey(k) || mv === null) throw NOT_PLAIN;
    const cv = current.get(k);
    if (cv === undefined) {
      out.set(k, mv);
      return;
    }
    if (cv === null) throw NOT_PLAIN;
    if (typeOf(cv) !== typeOf(mv)) out.set(k, mv);
    else if (isMap(cv) || isSlice(cv)) {
      const f = t.kind === 'struct' ? exactFields(t).get(k) : undefined;
      if (f === undefined) throw NOT_PLAIN;
      if (isMap(cv)) {
        if (f.patchStrategy !== '' || (f.type.kind !== 'struct' && f.type.kind !== 'map')) throw NOT_PLAIN;
        out.set(k, mergeOver(cv, mv as GoMap, { type: f.type, pointer: f.pointer }));
      } else if (f.pointer || f.type.kind !== 'slice' || f.type.elem.kind === 'slice') throw NOT_PLAIN;
      else if (f.patchStrategy === '') out.set(k, mv);
      else if (f.patchStrategy === MERGE && f.patchMergeKey !== '' && f.type.elem.kind === 'struct') {
        out.set(k, mergeKeyedLists(cv, mv as readonly GoValue[], { type: f.type.elem, pointer: false }, f.patchMergeKey));
      } else throw NOT_PLAIN;
    } else out.set(k, mv);
  });
  return out;
}

/**
 * What `strategicMergePatch(current, createThreeWayMergePatch(original,
 * modified, current))` gives, worked out in one pass, for the inputs where
 * the two come down to a plain rule: nothing to delete from `original` to
 * `modified`, and no `null`, directive key or repeated merge key where the
 * merge looks; `undefined` for any other input, which the caller then
 * gives to those two functions. The rule: {@link mergeOver}. It is what
 * MergeStepsWithStepTemplate does to nearly every step, several times
 * faster and with a fraction of the garbage (docs/performance.md);
 * test/pod/strategic-merge-fast.test.ts checks it against the two calls.
 *
 * @example
 * ```ts
 * threeWayMergeFast(new Map(), new Map([['image', 'b']]), new Map([['image', 'a'], ['tty', true]]), schema);
 * // Map { 'image' => 'b', 'tty' => true }
 * ```
 */
export function threeWayMergeFast(original: GoMap, modified: GoMap, current: GoMap, schema: PatchSchema): GoMap | undefined {
  const deletions = diffMaps(original, modified, schema, { setElementOrder: true, ignoreChangesAndAdditions: true, ignoreDeletions: false });
  if (isLeft(deletions) || deletions.right.size > 0) return undefined;
  try {
    return mergeOver(current, modified, schema);
  } catch (e) {
    if (e === NOT_PLAIN) return undefined;
    throw e;
  }
}
