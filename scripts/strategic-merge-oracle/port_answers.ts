/**
 * The port's answers (src/pod/strategic-merge.ts) for strategic-merge cases,
 * in the fields harness/smfix records Go's: reads JSON lines {"id", "op",
 * "original", "modified", "current", "patch", ...} on stdin and prints
 * {"id", "got": {wantPatch | wantPatchErr, want | wantErr}} lines.
 * gen_strategic_merge_cases.py bundles it with esbuild and uses the answers
 * only to sort out the cases the table leaves out (and why): the table's
 * expected values are Go's.
 *
 * SCHEMA is smfix's Item, shared with the test (test/helpers/strategic-merge-item.ts).
 */
import { createThreeWayMergePatch, strategicMergePatch } from '../../src/pod/strategic-merge';
import { fromGo, SCHEMA, toGoMap, StrategicMergeCase } from '../../test/helpers/strategic-merge-item';

type Case = StrategicMergeCase;

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
