/**
 * The Go type the strategic-merge harness patches (its Item, after
 * apimachinery's MergeItem), as a PatchSchema for src/pod/strategic-merge.ts,
 * and JSON converted to and from Go's interface{} values. Shared by
 * test/pod/strategic-merge.test.ts and scripts/strategic-merge-oracle/port_answers.ts.
 */
import type { GoField, GoMap, GoType, GoValue, PatchSchema } from '../../src/pod/strategic-merge';

type GoStruct = Extract<GoType, { readonly kind: 'struct' }>;
const scalar = (s: 'string' | 'int' | 'bool' | 'quantity' | 'intOrString'): GoType => ({ kind: 'scalar', scalar: s });
const STRING = scalar('string');
const sliceOf = (elem: GoType): GoType => ({ kind: 'slice', elem });

/** A field from Go-like tags: `ptr`, `strategy=<patchStrategy>`, `key=<patchMergeKey>` (all omitempty). */
function field(json: string, type: GoType, tags = ''): GoField {
  const words = tags.split(' ');
  const value = (name: string) => words.find((w) => w.startsWith(`${name}=`))?.slice(name.length + 1) ?? '';
  return { json, type, pointer: words.includes('ptr'), omitempty: true, patchStrategy: value('strategy'), patchMergeKey: value('key') };
}

const itemFields: GoField[] = [];
/** type Item struct (the Go program's; MergeItem's fields first). */
const ITEM: GoStruct = { kind: 'struct', name: 'Item', fields: itemFields };
const PORT: GoStruct = { kind: 'struct', name: 'Port', fields: [field('port', scalar('int')), field('protocol', STRING)] };
const SUB: GoStruct = {
  kind: 'struct',
  name: 'Sub',
  fields: [field('name', STRING), field('inner', ITEM, 'ptr'), field('list', sliceOf(ITEM), 'strategy=merge key=name')],
};
itemFields.push(
  field('name', STRING),
  field('value', STRING),
  field('other', STRING),
  field('mergingList', sliceOf(ITEM), 'strategy=merge key=name'),
  field('nonMergingList', sliceOf(ITEM)),
  field('mergingIntList', sliceOf(scalar('int')), 'strategy=merge'),
  field('nonMergingIntList', sliceOf(scalar('int'))),
  field('mergeItemPtr', ITEM, 'ptr strategy=merge key=name'),
  field('simpleMap', { kind: 'map', elem: STRING }),
  // runtime.RawExtension, a struct
  field('replacingItem', scalar('quantity'), 'strategy=replace'),
  field('ports', sliceOf(PORT), 'strategy=merge key=port'),
  field('ptrList', sliceOf(ITEM), 'ptr strategy=merge key=name'),
  field('ptrNoKey', sliceOf(ITEM), 'ptr strategy=merge'),
  field('noKeyList', sliceOf(ITEM), 'strategy=merge'),
  field('listOfLists', sliceOf(sliceOf(STRING)), 'strategy=merge'),
  field('twoMerge', sliceOf(ITEM), 'strategy=merge,replace key=name'),
  field('retainFirst', sliceOf(ITEM), 'strategy=retainKeys,merge key=name'),
  field('retainLast', sliceOf(ITEM), 'strategy=merge,retainKeys key=name'),
  field('threeWords', sliceOf(ITEM), 'strategy=merge,retainKeys,replace key=name'),
  field('replaceMap', { kind: 'map', elem: STRING }, 'strategy=replace'),
  field('count', scalar('int')),
  field('flag', scalar('bool')),
  field('qty', scalar('quantity')),
  field('port', scalar('intOrString')),
  field('sub', SUB),
);
export const SCHEMA: PatchSchema = { type: ITEM, pointer: false };

/** JSON as Go's interface{} holds it. */
function toGo(u: unknown): GoValue {
  if (u === undefined || u === null) return null;
  if (Array.isArray(u)) return u.map(toGo);
  if (typeof u === 'object') return new Map(Object.entries(u as Record<string, unknown>).map(([k, v]) => [k, toGo(v)] as const));
  return u as GoValue;
}
export const toGoMap = (u: unknown): GoMap => toGo(u ?? {}) as GoMap;
/** And back, for comparison with Go's JSON (key order aside). */
export function fromGo(v: GoValue): unknown {
  if (v instanceof Map) return Object.fromEntries([...(v as GoMap)].map(([k, x]) => [k, fromGo(x)]));
  if (Array.isArray(v)) return (v as readonly GoValue[]).map(fromGo);
  return v;
}

/**
 * One case of test/pod/data/strategic-merge-cases.json: a three-way patch
 * (`three`) or a patch applied (`apply`), with the answer of Go's
 * strategicpatch package, or its error.
 */
export interface StrategicMergeCase {
  readonly id: string;
  readonly op: 'three' | 'apply';
  readonly original?: unknown;
  readonly modified?: unknown;
  readonly current?: unknown;
  readonly patch?: unknown;
  readonly wantPatch?: unknown;
  readonly wantPatchErr?: string;
  readonly want?: unknown;
  readonly wantErr?: string;
}
