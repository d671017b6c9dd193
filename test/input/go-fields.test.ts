// The codecs of the Tekton kinds hold exactly the fields Go's types had at
// 6c132b937e, at every depth: a field Go knew and the codec lacked would be
// refused as unknown where Tekton admitted it, and one Go lacked would be
// admitted where Tekton refused it. data/go-fields.json is Go's own answer
// (scripts/strict-decode-oracle: encoding/json asked, name by name, which
// keys a strict decode of each struct accepts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as t from 'io-ts';
import { kindReading } from '../../src/input/objects';
import { bare, isList, isMap, isStruct } from '../helpers/codec-tree';

interface GoType {
  readonly kind: 'struct' | 'list' | 'map' | 'opaque' | 'scalar' | 'any';
  readonly fields?: Readonly<Record<string, string>>;
  readonly elem?: string;
}
const goFields = JSON.parse(readFileSync(join(__dirname, 'data', 'go-fields.json'), 'utf8')) as { readonly roots: Readonly<Record<string, string>>; readonly types: Readonly<Record<string, GoType>> };
const { types, roots } = goFields;


/** Every place where the codec tree and Go's type tree disagree. */
function differences(codec: t.Mixed, goId: string, path: string, seen: Map<t.Mixed, Set<string>>, out: string[]): void {
  const c = bare(codec);
  const go = types[goId];
  if (go === undefined) throw new Error(`no Go type ${goId}`);
  const pairs = seen.get(c) ?? new Set<string>();
  if (pairs.has(goId)) return;
  seen.set(c, pairs.add(goId));
  switch (go.kind) {
    case 'struct': {
      if (!isStruct(c)) {
        out.push(`${path}: Go has a struct (${goId}), the codec ${c.name} is not one`);
        return;
      }
      const goNames = Object.keys(go.fields ?? {}).sort();
      const names = Object.keys(c.props).sort();
      for (const n of goNames) if (!names.includes(n)) out.push(`${path}: ${c.name} lacks ${n}, which Go's ${goId} has`);
      for (const n of names) if (!goNames.includes(n)) out.push(`${path}: ${c.name} has ${n}, which Go's ${goId} has not`);
      for (const n of names) if (goNames.includes(n)) differences(c.props[n]!, go.fields![n]!, `${path}.${n}`, seen, out);
      return;
    }
    case 'list':
      if (!isList(c)) out.push(`${path}: Go has a list (${goId}), the codec ${c.name} is not one`);
      else differences(c.type, go.elem!, `${path}[]`, seen, out);
      return;
    case 'map':
      if (!isMap(c)) out.push(`${path}: Go has a map (${goId}), the codec ${c.name} is not one`);
      else differences(c.codomain, go.elem!, `${path}{}`, seen, out);
      return;
    default:
      // A scalar, or a type with its own UnmarshalJSON (Time, Quantity,
      // ArrayOrString, ...): Go's strictness stopped there, so must ours.
      if (isStruct(c) || isMap(c) || isList(c)) out.push(`${path}: Go's ${goId} decodes itself (${go.kind}), the codec ${c.name} is structured`);
  }
}

describe("the Tekton kinds' codecs have exactly Go's fields", () => {
  it('the table covers the kinds that Tekton\'s webhook admitted', () => {
    expect(Object.keys(roots).sort()).toStrictEqual(['ClusterTask', 'Condition', 'Pipeline', 'PipelineResource', 'PipelineRun', 'Task', 'TaskRun']);
  });

  const decoded = Object.keys(roots).filter((k) => kindReading(k) !== undefined && bare(kindReading(k)!.codec) !== t.unknown);

  it('the kinds taskpod decodes include Task, ClusterTask, TaskRun and PipelineResource', () => {
    expect(decoded).toEqual(expect.arrayContaining(['Task', 'ClusterTask', 'TaskRun', 'PipelineResource']));
  });

  it.each(decoded)('%s: every struct, at every depth, has the fields of its Go type', (kind) => {
    const out: string[] = [];
    differences(kindReading(kind)!.codec, roots[kind]!, kind, new Map(), out);
    expect(out).toStrictEqual([]);
  });

  it.each(Object.keys(roots))('%s is read strictly (or not decoded yet)', (kind) => {
    const r = kindReading(kind);
    if (r !== undefined) expect(r.reading).toBe('strict');
  });

  it.each(['ServiceAccount', 'Secret', 'ConfigMap', 'Pod'])('%s, a core kind, is read leniently', (kind) => {
    expect(kindReading(kind)?.reading).toBe('lenient');
  });

  // The comparison itself finds a missing field, an extra one, and a
  // structured codec where Go decoded the value itself.
  it('reports each kind of disagreement', () => {
    const out: string[] = [];
    const { struct, goString, listOf } = require('../../src/model/struct') as typeof import('../../src/model/struct');
    differences(struct('X', { name: goString, extra: goString, startTime: struct('T', {}) }), 'pipeline/v1alpha1.PipelineResourceResult', 'X', new Map(), out);
    differences(listOf(goString), 'meta/v1.ObjectMeta', 'Y', new Map(), out);
    expect(out).toStrictEqual([
      'X: X lacks digest, which Go\'s pipeline/v1alpha1.PipelineResourceResult has',
      'X: X lacks key, which Go\'s pipeline/v1alpha1.PipelineResourceResult has',
      'X: X lacks resourceRef, which Go\'s pipeline/v1alpha1.PipelineResourceResult has',
      'X: X lacks value, which Go\'s pipeline/v1alpha1.PipelineResourceResult has',
      'X: X has extra, which Go\'s pipeline/v1alpha1.PipelineResourceResult has not',
      'X: X has startTime, which Go\'s pipeline/v1alpha1.PipelineResourceResult has not',
      'Y: Go has a struct (meta/v1.ObjectMeta), the codec ReadonlyArray<string> is not one',
    ]);
  });
});
