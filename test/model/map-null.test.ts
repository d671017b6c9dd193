/**
 * struct.ts mapOf: a `null` value in a Go `map[string]string` (labels,
 * annotations, ConfigMap data, nodeSelector) decoded as the value type's
 * zero, so the key stays with "" — encoding/json sets every map entry it
 * reads, a null one to a fresh zero value. Checked by decoding Tekton's
 * TaskRun type with Go: `annotations: {x: null}` read as `map[string]string{"x": ""}`.
 * What that does to a rendered Pod: the labels and annotations Tekton copied
 * keep the key, and a Secret's `tekton.dev/git-*` annotation with no value
 * still makes a creds-init flag, with an empty URL.
 */
import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import { parseDocuments } from '../../src/input/yaml';
import { collectObjects } from '../../src/input/objects';
import { mapOf, stringMap } from '../../src/model/struct';
import { renderPod } from '../../src/render';
import type { Pod } from '../../src/model/core';

function ok<A>(r: t.Validation<A>): A {
  if (E.isLeft(r)) throw new Error('decode failed');
  return r.right;
}

describe('mapOf with a zero value', () => {
  it('keeps a key whose value is null, with "" (map[string]string)', () => {
    expect(ok(stringMap.decode({ a: 'x', 'tekton.dev/git-0': null, b: 'y' }))).toStrictEqual({ a: 'x', 'tekton.dev/git-0': '', b: 'y' });
  });

  it('keeps the input order of keys, the null one included', () => {
    expect(Object.keys(ok(stringMap.decode({ z: null, a: 'x' })))).toEqual(['z', 'a']);
  });

  it('encodes the kept key, sorted with the others', () => {
    expect(stringMap.encode(ok(stringMap.decode({ z: 'x', a: null })))).toStrictEqual({ a: '', z: 'x' });
  });

  it('keeps a null __proto__ key as an own property', () => {
    const m = ok(stringMap.decode(JSON.parse('{"__proto__": null}')));
    expect(Object.prototype.hasOwnProperty.call(m, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
  });

  it('a map given a zero uses it; one given none still drops a null value', () => {
    expect(ok(mapOf(t.number, 'map[string]int', 0).decode({ n: null }))).toStrictEqual({ n: 0 });
    expect(ok(mapOf(t.number).decode({ n: null, m: 1 }))).toStrictEqual({ m: 1 });
  });

  it('still refuses a value of the wrong type', () => {
    expect(E.isLeft(stringMap.decode({ a: 1 }))).toBe(true);
  });
});

describe('null map values in a rendered Pod', () => {
  const input = `apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata:
  name: run
  namespace: ci
  labels: {team: null, app: web}
  annotations: {note: ~}
spec:
  serviceAccountName: builder
  taskSpec:
    steps:
    - {name: s, image: ubuntu, command: [echo]}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: builder, namespace: ci}
secrets: [{name: gh}]
---
apiVersion: v1
kind: Secret
metadata:
  name: gh
  namespace: ci
  annotations:
    tekton.dev/git-0:
type: kubernetes.io/basic-auth
`;

  function render(): Pod {
    const docs = parseDocuments(input, 'input.yaml');
    if (E.isLeft(docs)) throw new Error(docs.left.message);
    const objects = collectObjects(docs.right, (i) => `document ${i + 1}`);
    if (E.isLeft(objects)) throw new Error(objects.left.message);
    const pod = renderPod(objects.right, {});
    if (E.isLeft(pod)) throw new Error(`${pod.left.field}: ${pod.left.message}`);
    return pod.right;
  }

  it('copies a label and an annotation without value to the Pod, as ""', () => {
    const pod = render();
    expect(pod.metadata?.labels).toMatchObject({ team: '', app: 'web', 'tekton.dev/taskRun': 'run' });
    expect(pod.metadata?.annotations).toMatchObject({ note: '' });
  });

  it('a tekton.dev/git-* annotation without value still gives a creds-init flag', () => {
    const creds = (render().spec?.initContainers ?? []).find((c) => (c.name ?? '').startsWith('step-credential-initializer-'));
    expect(creds?.args).toEqual(['-basic-git=gh=']);
  });
});
