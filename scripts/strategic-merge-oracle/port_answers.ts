/**
 * The port's answers (src/pod/strategic-merge.ts) for strategic-merge cases,
 * in the fields harness/smfix records Go's: reads JSON lines {"id", "op",
 * "original", "modified", "current", "patch", ...} on stdin and prints
 * {"id", "got": {wantPatch | wantPatchErr, want | wantErr}} lines.
 * gen_strategic_merge_cases.py bundles it with esbuild and uses the answers
 * only to sort out the cases the table leaves out (and why): the table's
 * expected values are Go's.
 *
 * SCHEMA is smfix's Item, declared as test/pod/strategic-merge.test.ts does.
 */
import { createThreeWayMergePatch, GoField, GoMap, GoType, GoValue, PatchSchema, strategicMergePatch } from '../../src/pod/strategic-merge';

type GoStruct = Extract<GoType, { readonly kind: 'struct' }>;
const scalar = (s: 'string' | 'int' | 'bool' | 'quantity' | 'intOrString'): GoType => ({ kind: 'scalar', scalar: s });
const sliceOf = (elem: GoType): GoType => ({ kind: 'slice', elem });
function field(json: string, type: GoType, tags = ''): GoField {
  const words = tags.split(' ');
  const strategy = words.find((w) => w.startsWith('strategy='));
  const key = words.find((w) => w.startsWith('key='));
  return {
    json,
    type,
    pointer: words.includes('ptr'),
    omitempty: true,
    patchStrategy: strategy === undefined ? '' : strategy.slice('strategy='.length),
    patchMergeKey: key === undefined ? '' : key.slice('key='.length),
  };
}
const itemFields: GoField[] = [];
const ITEM: GoStruct = { kind: 'struct', name: 'Item', fields: itemFields };
const PORT: GoStruct = { kind: 'struct', name: 'Port', fields: [field('port', scalar('int')), field('protocol', scalar('string'))] };
const SUB: GoStruct = { kind: 'struct', name: 'Sub', fields: [field('name', scalar('string')), field('inner', ITEM, 'ptr'), field('list', sliceOf(ITEM), 'strategy=merge key=name')] };
const STRING = scalar('string');
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
const SCHEMA: PatchSchema = { type: ITEM, pointer: false };

function toGo(u: unknown): GoValue {
  if (u === undefined || u === null) return null;
  if (Array.isArray(u)) return u.map(toGo);
  if (typeof u === 'object') return new Map(Object.entries(u as Record<string, unknown>).map(([k, v]) => [k, toGo(v)] as const));
  return u as GoValue;
}
const toGoMap = (u: unknown): GoMap => toGo(u ?? {}) as GoMap;
function fromGo(v: GoValue): unknown {
  if (v instanceof Map) return Object.fromEntries([...(v as GoMap)].map(([k, x]) => [k, fromGo(x)]));
  if (Array.isArray(v)) return (v as readonly GoValue[]).map(fromGo);
  return v;
}

interface Case {
  readonly id: string;
  readonly op: 'three' | 'apply';
  readonly original?: unknown;
  readonly modified?: unknown;
  readonly current?: unknown;
  readonly patch?: unknown;
}

let buf = '';
process.stdin.on('data', (d) => (buf += d));
process.stdin.on('end', () => {
  for (const l of buf.split('\n').filter(Boolean)) {
    const c = JSON.parse(l) as Case;
    const got: Record<string, unknown> = {};
    let target = toGoMap(c.original);
    let patch = toGoMap(c.patch);
    if (c.op === 'three') {
      const p = createThreeWayMergePatch(toGoMap(c.original), toGoMap(c.modified), toGoMap(c.current), SCHEMA);
      if (p._tag === 'Left') got.wantPatchErr = p.left;
      else {
        got.wantPatch = fromGo(p.right);
        target = toGoMap(c.current);
        patch = p.right;
      }
    }
    if (got.wantPatchErr === undefined) {
      const r = strategicMergePatch(target, patch, SCHEMA);
      if (r._tag === 'Left') got.wantErr = r.left;
      else got.want = fromGo(r.right);
    }
    console.log(JSON.stringify({ id: c.id, got: JSON.parse(JSON.stringify(got)) }));
  }
});
