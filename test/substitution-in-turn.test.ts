/**
 * applyReplacementsInTurn (the render's substitution in one walk) against
 * the passes it stands for: applyReplacements with the params (and the
 * array params), then with each later map, one after the other. The same
 * value, the same key order (JSON text), and the input left as it was.
 */
import { fc, it as fcIt } from '@fast-check/jest';
import type { Step, TaskSpec } from '../src/model/tekton';
import type { Volume } from '../src/model/core';
import { applyReplacements, applyReplacementsInTurn } from '../src/substitution';
import { applyReplacementsInTurnReference, applyReplacementsReference } from './substitution-reference';

// Variables of each pass, some unknown to every map; values that refer to
// a later pass's variables (a param whose value names a resource path).
const VARIABLES = [
  '$(inputs.params.a)',
  '$(inputs.params.b)',
  '$(inputs.params.list)',
  '$(inputs.params.missing)',
  '$(inputs.resources.src.path)',
  '$(inputs.resources.src.url)',
  '$(outputs.resources.img.url)',
  '$(outputs.resources.nope.url)',
  '$(',
  ')',
];
const piece = fc.oneof(fc.constantFrom(...VARIABLES), fc.constantFrom('', 'x', '/workspace', ' ', '-', '--flag='));
const text = fc.array(piece, { maxLength: 4 }).map((ps) => ps.join(''));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const keyRef = fc.record({ name: maybe(text), key: maybe(text) }, { requiredKeys: [] });
const step: fc.Arbitrary<Step> = fc.record(
  {
    name: text,
    image: text,
    command: fc.array(text, { maxLength: 3 }),
    args: fc.array(text, { maxLength: 4 }),
    workingDir: text,
    script: text,
    env: fc.array(
      fc.record(
        {
          name: text,
          value: text,
          valueFrom: fc.record({ secretKeyRef: keyRef, configMapKeyRef: keyRef }, { requiredKeys: [] }),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 3 },
    ),
    envFrom: fc.array(
      fc.record({ prefix: text, configMapRef: fc.record({ name: text }), secretRef: fc.record({ name: text }) }, { requiredKeys: [] }),
      { maxLength: 2 },
    ),
    volumeMounts: fc.array(fc.record({ name: text, mountPath: text, subPath: text }, { requiredKeys: [] }), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);
const volume: fc.Arbitrary<Volume> = fc.record(
  {
    name: text,
    configMap: fc.record({ name: text }, { requiredKeys: [] }),
    secret: fc.record({ secretName: text }, { requiredKeys: [] }),
    persistentVolumeClaim: fc.record({ claimName: text }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
const spec: fc.Arbitrary<TaskSpec> = fc.record(
  {
    steps: fc.array(step, { maxLength: 4 }),
    stepTemplate: fc.record(
      { image: text, env: fc.array(fc.record({ name: text, value: text }), { maxLength: 2 }), volumeMounts: fc.array(fc.record({ mountPath: text }), { maxLength: 2 }) },
      { requiredKeys: [] },
    ),
    volumes: fc.array(volume, { maxLength: 3 }),
    sidecars: fc.array(fc.record({ name: text, image: text }), { maxLength: 1 }),
  },
  { requiredKeys: [] },
);
const map = (keys: readonly string[]) =>
  fc.array(fc.tuple(fc.constantFrom(...keys), text), { maxLength: keys.length }).map((entries) => new Map(entries));
const params = map(['inputs.params.a', 'inputs.params.b']);
const arrays = fc
  .array(fc.tuple(fc.constantFrom('inputs.params.list', 'inputs.params.b'), fc.array(text, { maxLength: 3 })), { maxLength: 2 })
  .map((entries) => new Map<string, readonly string[]>(entries));
const inputs = map(['inputs.resources.src.path', 'inputs.resources.src.url', 'inputs.params.a']);
const outputs = map(['outputs.resources.img.url', 'inputs.resources.src.path']);

describe('applyReplacementsInTurn', () => {
  fcIt.prop([spec, params, arrays, inputs, outputs], { numRuns: 2000 })(
    'gives what the passes one after the other give, key order included, without touching its input',
    (s, p, a, i, o) => {
      const before = JSON.stringify(s);
      const passes = applyReplacements(applyReplacements(applyReplacements(s, p, a), i, new Map()), o, new Map());
      const inTurn = applyReplacementsInTurn(s, p, a, [i, o]);
      expect(inTurn).toStrictEqual(passes);
      expect(JSON.stringify(inTurn)).toBe(JSON.stringify(passes));
      expect(JSON.stringify(s)).toBe(before);
    },
  );

  it('expands an array param, then substitutes the later maps in its items', () => {
    const s: TaskSpec = { steps: [{ name: 's', args: ['$(inputs.params.list)', '$(inputs.params.a)'] }] };
    const out = applyReplacementsInTurn(
      s,
      new Map([['inputs.params.a', '$(inputs.resources.src.path)']]),
      new Map([['inputs.params.list', ['$(inputs.resources.src.path)/x', '$(inputs.params.a)']]]),
      [new Map([['inputs.resources.src.path', '/workspace/src']])],
    );
    // The array's own items are not substituted with the params (Tekton's
    // one pass over them), but with the later maps.
    expect(out.steps?.[0]?.args).toEqual(['/workspace/src/x', '$(inputs.params.a)', '/workspace/src']);
  });
});

// Steps and specs as the stages may hand them on: keys whose value is
// `undefined`, empty lists, fields the substitution leaves alone.
const looseStep: fc.Arbitrary<Step> = fc
  .tuple(step, fc.record({ args: maybe(fc.constant([] as string[])), image: maybe(text), script: maybe(text) }, { requiredKeys: [] }), fc.boolean())
  .map(([s, extra, extraFirst]) => (extraFirst ? { ...extra, ...s } : { ...s, ...extra }) as Step);
const looseSpec: fc.Arbitrary<TaskSpec> = fc
  .tuple(spec, fc.array(looseStep, { maxLength: 3 }), fc.constantFrom(undefined, 'x'))
  .map(([s, steps, description]) => ({ description, ...s, steps: [...(s.steps ?? []), ...steps] }) as TaskSpec);

describe('the substitution walk against its previous definition (test/substitution-reference.ts)', () => {
  fcIt.prop([fc.oneof(spec, looseSpec), params, arrays, inputs, outputs], { numRuns: 2000 })(
    'applyReplacements and applyReplacementsInTurn give the same value, key order included',
    (s, p, a, i, o) => {
      const inTurn = applyReplacementsInTurn(s, p, a, [i, o]);
      const reference = applyReplacementsInTurnReference(s, p, a, [i, o]);
      expect(inTurn).toStrictEqual(reference);
      expect(JSON.stringify(inTurn)).toBe(JSON.stringify(reference));
      expect(Object.keys(inTurn.steps?.[0] ?? {})).toEqual(Object.keys(reference.steps?.[0] ?? {}));
      const once = applyReplacements(s, i, a);
      expect(once).toStrictEqual(applyReplacementsReference(s, i, a));
      expect(JSON.stringify(once)).toBe(JSON.stringify(applyReplacementsReference(s, i, a)));
    },
  );
});
