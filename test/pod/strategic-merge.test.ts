/**
 * pod/strategic-merge.ts against apimachinery's strategicpatch itself
 * (kubernetes-1.12.9, the version Tekton 6c132b937e vendored, with Go 1.13's
 * sort package): data/strategic-merge-cases.json holds documents, patches
 * and what Go answered for them: CreateThreeWayMergePatch(original,
 * modified, current, overwrite = true) and the patch applied to current
 * with StrategicMergePatchUsingLookupPatchMeta ("three"), or a patch
 * applied to a document ("apply"). The inputs are apimachinery's own test
 * tables (patch_test.go: custom*, createStrategicMergePatchTestCaseData,
 * strategicMergePatchRawTestCases, replaceRawExtensionPatchTestCases), cases
 * written for the port's paths and error messages, and a few random
 * documents and patches ("random ...") kept because they take paths the
 * others do not. All ran through a small Go program over the real package,
 * each 41 times, as Go's map order varies: only cases with one answer are
 * kept.
 *
 * The schema is apimachinery's test struct MergeItem without its retainKeys
 * fields, plus fields of the other shapes the lookups meet (below; the Go
 * program declares the same struct). Left out of the table, with the
 * reason in its `excluded` list: cases that merge lists of scalars (not
 * ported: the port answers with a Left, tested below) or build `$retainKeys`
 * (not ported), cases where Go panics, where Go prints a nil or a
 * non-string with `%s` (`%!s(<nil>)`; the port prints the value), and two
 * apimachinery cases where the port's order differs from Go's (a
 * `$patch: delete` item with a `$setElementOrder` list; Tekton's patches
 * never have one, as their original is an empty container).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { createThreeWayMergePatch, strategicMergePatch } from '../../src/pod/strategic-merge';
import { fromGo, SCHEMA, toGoMap, StrategicMergeCase } from '../helpers/strategic-merge-item';

type Case = StrategicMergeCase;
const table = JSON.parse(readFileSync(join(__dirname, 'data', 'strategic-merge-cases.json'), 'utf8')) as { readonly cases: readonly Case[] };

/** What the port answers, in the fields Go's answers are recorded in. */
function run(c: Case): Record<string, unknown> {
  const got: Record<string, unknown> = {};
  let target = toGoMap(c.original);
  let patch = toGoMap(c.patch);
  if (c.op === 'three') {
    const p = createThreeWayMergePatch(toGoMap(c.original), toGoMap(c.modified), toGoMap(c.current), SCHEMA);
    if (E.isLeft(p)) return { wantPatchErr: p.left };
    got.wantPatch = fromGo(p.right);
    target = toGoMap(c.current);
    patch = p.right;
  }
  const r = strategicMergePatch(target, patch, SCHEMA);
  if (E.isLeft(r)) got.wantErr = r.left;
  else got.want = fromGo(r.right);
  return got;
}
const expected = (c: Case): Record<string, unknown> =>
  Object.fromEntries((['wantPatch', 'wantPatchErr', 'want', 'wantErr'] as const).filter((k) => c[k] !== undefined).map((k) => [k, c[k]]));

describe("apimachinery's answers (data/strategic-merge-cases.json)", () => {
  const groups: readonly [string, (c: Case) => boolean][] = [
    ['apimachinery: three-way patches', (c) => c.id.startsWith('apimachinery') && c.op === 'three'],
    ['apimachinery: patches applied', (c) => c.id.startsWith('apimachinery') && c.op === 'apply'],
    ['three-way patches', (c) => !c.id.startsWith('apimachinery') && c.op === 'three'],
    ['patches applied', (c) => !c.id.startsWith('apimachinery') && c.op === 'apply'],
  ];
  it.each(groups)('%s', (_name, pick) => {
    const cases = table.cases.filter(pick);
    expect(cases.length).toBeGreaterThan(20);
    for (const c of cases) expect([c.id, run(c)]).toEqual([c.id, expected(c)]);
  });

  it('errors come with their messages, and the table has them', () => {
    expect(table.cases.filter((c) => c.wantPatchErr !== undefined).length).toBeGreaterThan(20);
    expect(table.cases.filter((c) => c.wantErr !== undefined).length).toBeGreaterThan(30);
  });
});

describe('a few of them spelled out', () => {
  const three = (original: unknown, modified: unknown, current: unknown) => {
    const p = createThreeWayMergePatch(toGoMap(original), toGoMap(modified), toGoMap(current), SCHEMA);
    return E.map(fromGo)(p);
  };
  const apply = (original: unknown, patch: unknown) => E.map(fromGo)(strategicMergePatch(toGoMap(original), toGoMap(patch), SCHEMA));

  it('three-way: changes and additions from current, deletions from original, $setElementOrder of the modified list', () => {
    expect(
      three(
        { mergingList: [{ name: 'a' }, { name: 'b' }, { name: 'c' }], value: 'v' },
        { mergingList: [{ name: 'b' }] },
        { mergingList: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }], value: 'v' },
      ),
    ).toEqual(
      E.right({
        value: null,
        mergingList: [
          { name: 'a', $patch: 'delete' },
          { name: 'c', $patch: 'delete' },
        ],
        '$setElementOrder/mergingList': [{ name: 'b' }],
      }),
    );
  });

  it('apply: patch items in the $setElementOrder order; a server-only item goes before the next patch item the original lists after it', () => {
    expect(
      apply({ mergingList: [{ name: 's1' }, { name: 'a' }, { name: 's2' }, { name: 'b' }, { name: 's3' }] }, { '$setElementOrder/mergingList': [{ name: 'b' }, { name: 'a' }], mergingList: [{ name: 'a', value: '1' }] }),
    ).toEqual(E.right({ mergingList: [{ name: 's1' }, { name: 's2' }, { name: 'b' }, { name: 'a', value: '1' }, { name: 's3' }] }));
  });

  it('apply: the order check that made Tekton refuse a step with a repeated key', () => {
    expect(apply({ mergingList: [{ name: 'a' }] }, { '$setElementOrder/mergingList': [{ name: 'a' }], mergingList: [{ name: 'a' }, { name: 'z' }] })).toEqual(
      E.left("The order in patch list:\n[map[name:a] map[name:z]]\n doesn't match $setElementOrder list:\n[map[name:a]]\n"),
    );
  });

  it('merge keys are compared as Go compares strings, byte by byte in UTF-8 (an astral character sorts after U+FFFF)', () => {
    // The item without a merge key is reported as Go prints a map: keys in Go's string order.
    expect(apply({ mergingList: [{ name: 'a' }] }, { mergingList: [{ '\u{1F600}': 1, '\uffff': 2, ab: 3, a: 4 }] })).toEqual(
      E.left('map: map[a:4 ab:3 \uffff:2 \u{1F600}:1] does not contain declared merge key: name'),
    );
  });
});

describe('what the port leaves out answers with a Left (no Container field needs it)', () => {
  const SCALARS = 'merging lists of scalars with a merge strategy is not part of this port (no Container field has one)';

  it('merging a list of scalars with the merge strategy', () => {
    expect(strategicMergePatch(toGoMap({ mergingIntList: [1, 2] }), toGoMap({ mergingIntList: [3] }), SCHEMA)).toEqual(E.left(SCALARS));
    expect(createThreeWayMergePatch(toGoMap({}), toGoMap({ mergingIntList: [1, 2] }), toGoMap({ mergingIntList: [2, 3] }), SCHEMA)).toEqual(E.left(SCALARS));
    expect(createThreeWayMergePatch(toGoMap({}), toGoMap({ mergingList: ['a'] }), toGoMap({ mergingList: ['b'] }), SCHEMA)).toEqual(E.left(SCALARS));
    // also when a $setElementOrder list names it
    expect(strategicMergePatch(toGoMap({ mergingIntList: [1, 2] }), toGoMap({ '$setElementOrder/mergingIntList': [3, 2, 1], mergingIntList: [3] }), SCHEMA)).toEqual(E.left(SCALARS));
  });

  it('a $deleteFromPrimitiveList list on the server side', () => {
    expect(strategicMergePatch(toGoMap({ mergingIntList: [1, 2] }), toGoMap({ '$deleteFromPrimitiveList/mergingIntList': [1] }), SCHEMA)).toEqual(
      E.left('invalid patch format of primitive list'),
    );
  });
});

describe('arguments are left as they were', () => {
  it('createThreeWayMergePatch and strategicMergePatch copy what they change', () => {
    const json = {
      mergingList: [
        { name: 'b', value: '1' },
        { name: 'a', mergingList: [{ name: 'x' }] },
        { name: 'a', value: '2' },
      ],
      simpleMap: { k: 'v' },
    };
    const original = toGoMap({ mergingList: [{ name: 'c' }], value: 'o' });
    const modified = toGoMap(json);
    const current = toGoMap({ mergingList: [{ name: 'a', value: '0' }, { name: 'c' }], simpleMap: { j: 'w' }, value: 'o' });
    const snapshot = [original, modified, current].map(fromGo);
    const patch = createThreeWayMergePatch(original, modified, current, SCHEMA);
    if (E.isLeft(patch)) throw new Error(patch.left);
    const patchBefore = fromGo(patch.right);
    expect(E.isRight(strategicMergePatch(current, patch.right, SCHEMA))).toBe(true);
    expect([original, modified, current].map(fromGo)).toEqual(snapshot);
    expect(fromGo(patch.right)).toEqual(patchBefore);
  });
});
