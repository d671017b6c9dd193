/**
 * pod/strategic-merge.ts's threeWayMergeFast: where it answers, it gives
 * exactly what the full port's two calls give
 * (`strategicMergePatch(current, createThreeWayMergePatch(original,
 * modified, current))`), keys in the same order; and where it does not,
 * the caller runs those two. Checked against Go's own answers
 * (data/strategic-merge-cases.json), against the two calls on generated
 * documents of apimachinery's test struct, and, through
 * pod/step-template.ts, on generated containers and stepTemplates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import type { Container } from '../../src/model/core';
import { createThreeWayMergePatch, GoMap, GoValue, strategicMergePatch, threeWayMergeFast } from '../../src/pod/strategic-merge';
import { mergeWithTemplate, mergeWithTemplateBy } from '../../src/pod/step-template';
import { fromGo, SCHEMA, toGoMap, StrategicMergeCase } from '../helpers/strategic-merge-item';
import { runs } from '../helpers/runs';

/** A Go value with every map's key order made visible (as lists of entries). */
function ordered(v: GoValue | undefined): unknown {
  if (v instanceof Map) return { entries: [...(v as GoMap)].map(([k, x]) => [k, ordered(x)]) };
  if (Array.isArray(v)) return (v as readonly GoValue[]).map(ordered);
  return v;
}

/** The full port's answer. */
function full(original: GoMap, modified: GoMap, current: GoMap): E.Either<string, GoMap> {
  const patch = createThreeWayMergePatch(original, modified, current, SCHEMA);
  return E.isLeft(patch) ? patch : strategicMergePatch(current, patch.right, SCHEMA);
}

type Case = StrategicMergeCase;

describe("Go's answers (data/strategic-merge-cases.json, three-way cases)", () => {
  const table = JSON.parse(readFileSync(join(__dirname, 'data', 'strategic-merge-cases.json'), 'utf8')) as { readonly cases: readonly Case[] };
  const three = table.cases.filter((c) => c.op === 'three');

  it("where it answers, it answers as Go did, and as the port's two calls do, keys in the same order", () => {
    let answered = 0;
    for (const c of three) {
      const [original, modified, current] = [toGoMap(c.original), toGoMap(c.modified), toGoMap(c.current)];
      const fast = threeWayMergeFast(original, modified, current, SCHEMA);
      if (fast === undefined) continue;
      answered++;
      expect([c.id, fromGo(fast)]).toEqual([c.id, c.want]);
      const two = full(original, modified, current);
      expect([c.id, E.isRight(two) ? ordered(two.right) : two.left]).toEqual([c.id, ordered(fast)]);
    }
    // Most of these cases are about deletions, directives and errors, which it leaves to the two calls.
    expect(answered).toBeGreaterThan(15);
  });

  it('leaves deletions, directives, nulls and repeated keys to the two calls', () => {
    const m = (u: unknown) => toGoMap(u);
    expect(threeWayMergeFast(m({ value: 'a' }), m({}), m({ value: 'a' }), SCHEMA)).toBeUndefined();
    expect(threeWayMergeFast(m({}), m({ $patch: 'replace', value: 'a' }), m({}), SCHEMA)).toBeUndefined();
    expect(threeWayMergeFast(m({}), m({ value: null }), m({ value: 'a' }), SCHEMA)).toBeUndefined();
    expect(threeWayMergeFast(m({}), m({ mergingList: [{ name: 'a' }, { name: 'a', value: 'x' }] }), m({ mergingList: [{ name: 'a' }] }), SCHEMA)).toBeUndefined();
    expect(threeWayMergeFast(m({}), m({ mergingList: [{ name: 'a' }] }), m({ mergingList: [{ name: 'b' }, { name: 'b' }] }), SCHEMA)).toBeUndefined();
    // A list only one side has is taken as it is, repeated keys and all.
    expect(ordered(threeWayMergeFast(m({}), m({ mergingList: [{ name: 'a' }, { name: 'a' }] }), m({ value: 'v' }), SCHEMA))).toEqual(
      ordered(m({ value: 'v', mergingList: [{ name: 'a' }, { name: 'a' }] })),
    );
  });
});

/** A keyed list: mostly each key once, sometimes a key repeated. */
function keyed<T>(item: fc.Arbitrary<T>, key: (t: T) => unknown, maxLength: number): fc.Arbitrary<T[]> {
  return fc.oneof({ weight: 5, arbitrary: fc.uniqueArray(item, { selector: key, maxLength }) }, { weight: 1, arbitrary: fc.array(item, { maxLength }) });
}

// Documents of the test struct: few names, so keys meet, repeat and move.
const name = fc.constantFrom('a', 'b', 'c', 'd', 'e');
const str = fc.constantFrom('', 'x', 'y');
const leaf = (depth: number, named = false): fc.Arbitrary<Record<string, unknown>> =>
  fc.record(
    {
      name,
      value: str,
      other: str,
      count: fc.integer({ min: 0, max: 2 }),
      flag: fc.boolean(),
      simpleMap: fc.dictionary(name, str, { maxKeys: 3 }),
      nonMergingList: fc.array(fc.record({ name, value: str }, { requiredKeys: ['name'] }), { maxLength: 2 }),
      ...(depth > 0
        ? {
            mergingList: keyed(leaf(depth - 1, true), (x) => x.name, 4),
            ports: keyed(fc.record({ port: fc.integer({ min: 1, max: 4 }), protocol: fc.constantFrom('TCP', 'UDP') }, { requiredKeys: ['port'] }), (x) => x.port, 3),
            sub: fc.record({ name, list: keyed(leaf(depth - 1, true), (x) => x.name, 3) }, { requiredKeys: [] }),
          }
        : {}),
    },
    // List items carry their merge key (the two calls refuse one without).
    { requiredKeys: named ? ['name'] : [] },
  );
// Now and then a field whose merge the plain rule leaves to the two calls
// (a pointer with a patch strategy), or an item without its merge key.
const doc: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 6, arbitrary: leaf(2) },
  { weight: 1, arbitrary: fc.record({ mergeItemPtr: leaf(1), value: str }) },
  { weight: 1, arbitrary: fc.record({ mergingList: fc.array(leaf(0), { maxLength: 2 }) }) },
);

describe('generated documents: the plain rule against the two calls', () => {
  it('gives what the two calls give wherever it answers (an empty original, or one the modified keeps)', () => {
    let answered = 0;
    let total = 0;
    fc.assert(
      fc.property(doc, doc, fc.boolean(), (modified, current, withOriginal) => {
        total++;
        const o = toGoMap(withOriginal ? { name: modified.name ?? 'a' } : {});
        const [m, c] = [toGoMap(modified), toGoMap(current)];
        const fast = threeWayMergeFast(o, m, c, SCHEMA);
        if (fast === undefined) return;
        answered++;
        const two = full(o, m, c);
        expect(E.isRight(two)).toBe(true);
        if (E.isRight(two)) expect(ordered(fast)).toEqual(ordered(two.right));
      }),
      { numRuns: runs(600) },
    );
    expect(answered).toBeGreaterThan(total / 4);
  });
});

// Containers and stepTemplates with the fields that merge in different
// ways: keyed lists (env, ports, volumeMounts, volumeDevices) with few keys,
// objects, maps, replaced lists, pointer and omitempty fields.
const envName = fc.constantFrom('HOME', 'A', 'B', 'C', 'LANG');
const path = fc.constantFrom('/workspace', '/builder/home', '/a', '/b');
const small = fc.constantFrom('', 'x', 'y', '1', '2Gi');
const container: fc.Arbitrary<Container> = fc.record(
  {
    name: fc.constantFrom('', 'step-a', 'step-b'),
    image: small,
    command: fc.array(small, { maxLength: 2 }),
    args: fc.array(small, { maxLength: 2 }),
    workingDir: fc.constantFrom('', '/workspace', '/w'),
    ports: keyed(
      fc.record({ containerPort: fc.integer({ min: 0, max: 3 }), name: fc.constantFrom('http', 'grpc'), protocol: fc.constantFrom('TCP', 'UDP') }, { requiredKeys: [] }),
      (p) => p.containerPort ?? 0,
      3,
    ),
    env: keyed(
      fc.oneof(
        fc.record({ name: envName, value: small }, { requiredKeys: ['name'] }),
        fc.record({ name: envName, valueFrom: fc.record({ secretKeyRef: fc.record({ name: small, key: small }), fieldRef: fc.record({ fieldPath: small }) }, { requiredKeys: [] }) }),
      ),
      (e) => e.name,
      4,
    ),
    resources: fc.record(
      {
        limits: fc.dictionary(fc.constantFrom('cpu', 'memory', 'nvidia.com/gpu'), fc.constantFrom('1', '500m', '1Gi')),
        requests: fc.dictionary(fc.constantFrom('cpu', 'memory'), fc.constantFrom('0', '1', '2Gi')),
      },
      { requiredKeys: [] },
    ),
    volumeMounts: keyed(fc.record({ name: fc.constantFrom('v', 'w'), mountPath: path, readOnly: fc.boolean(), subPath: small }, { requiredKeys: ['name', 'mountPath'] }), (m) => m.mountPath, 3),
    volumeDevices: keyed(fc.record({ name: fc.constantFrom('d'), devicePath: fc.constantFrom('/dev/a', '/dev/b') }), (d) => d.devicePath, 2),
    readinessProbe: fc.record({ exec: fc.record({ command: fc.array(small, { maxLength: 2 }) }), periodSeconds: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: [] }),
    lifecycle: fc.record({ preStop: fc.record({ tcpSocket: fc.record({ port: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constantFrom('http', '')) }) }) }, { requiredKeys: [] }),
    securityContext: fc.record({ privileged: fc.boolean(), runAsUser: fc.integer({ min: 0, max: 2 }), capabilities: fc.record({ add: fc.array(small, { maxLength: 2 }) }) }, { requiredKeys: [] }),
    terminationMessagePath: small,
    imagePullPolicy: fc.constantFrom('', 'Always'),
    stdin: fc.boolean(),
    tty: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('generated containers: mergeWithTemplate by the plain rule and by the two calls', () => {
  it('the plain rule answers for most steps, and then exactly as the two calls (errors included)', () => {
    let answered = 0;
    let total = 0;
    fc.assert(
      fc.property(container, container, (template, step) => {
        total++;
        const fast = mergeWithTemplateBy('fast', template, step);
        const two = mergeWithTemplateBy('full', template, step);
        expect(mergeWithTemplate(template, step)).toEqual(fast ?? two);
        if (fast === undefined) return;
        answered++;
        expect(fast).toEqual(two);
        // Key order too: the merged container as JSON.
        expect(JSON.stringify(E.isRight(fast) ? fast.right : fast.left)).toBe(JSON.stringify(E.isRight(two!) ? two.right : two!.left));
      }),
      { numRuns: runs(500) },
    );
    expect(answered).toBeGreaterThan(total / 2);
  });
});
