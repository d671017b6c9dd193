/**
 * input/objects.ts and input/decode.ts: sorting a stream of objects by kind,
 * decoding the known kinds (a malformed one is refused naming `Kind
 * ns/name` and the field path), ignoring the rest, opening Lists.
 */
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { contextPath, decodeAs } from '../../src/input/decode';
import { collectObjects, concatObjects, EMPTY_OBJECTS, InputObjects, namespaceOf } from '../../src/input/objects';
import { serviceAccountDoc, taskDoc, taskRunDoc } from '../support/objects';

const where = (i: number) => `input.yaml, document ${i + 1}`;
/** Whether every kind's list is empty. */
const nothingIn = (o: InputObjects) => Object.values(o).every((v: unknown) => Array.isArray(v) && v.length === 0);

describe('collectObjects', () => {
  it('sorts objects by kind, in stream order', () => {
    const r = collectObjects(
      [taskDoc({ name: 't1' }, {}), taskRunDoc({ name: 'r' }, {}), taskDoc({ name: 't2' }, {}), serviceAccountDoc('default'), { apiVersion: 'tekton.dev/v1alpha1', kind: 'ClusterTask', metadata: { name: 'c' } }],
      where,
    );
    expect(E.isRight(r) && [r.right.tasks.map((x) => x.metadata?.name), r.right.taskRuns.length, r.right.serviceAccounts.length, r.right.clusterTasks.length]).toEqual([['t1', 't2'], 1, 1, 1]);
  });

  it('ignores kinds it does not know, whatever their content', () => {
    const r = collectObjects([{ apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 'many' } }, { kind: 'EventListener', spec: 7 }], where);
    expect(E.isRight(r) && nothingIn(r.right)).toBe(true);
  });

  it('skips empty documents', () => {
    const r = collectObjects([null, undefined], where);
    expect(E.isRight(r) && nothingIn(r.right)).toBe(true);
  });

  it('opens a List, and a *List, and Lists inside Lists', () => {
    const r = collectObjects(
      [
        { apiVersion: 'v1', kind: 'List', items: [taskDoc({ name: 'a' }, {}), { kind: 'TaskList', items: [taskDoc({ name: 'b' }, {})] }] },
        { apiVersion: 'tekton.dev/v1alpha1', kind: 'TaskRunList', items: [taskRunDoc({ name: 'r' }, {})] },
      ],
      where,
    );
    expect(E.isRight(r) && [r.right.tasks.map((x) => x.metadata?.name), r.right.taskRuns.map((x) => x.metadata?.name)]).toEqual([['a', 'b'], ['r']]);
  });

  it('names an item of a List by its place when it is malformed and nameless', () => {
    const r = collectObjects([{ kind: 'List', items: [{ kind: 'Task', spec: 5 }] }], where);
    expect(r).toEqual(E.left({ _tag: 'InvalidInput', object: 'Task (input.yaml, document 1, items[0])', field: 'spec', message: expect.any(String) }));
  });

  it('refuses a document that is not a mapping', () => {
    expect(collectObjects([['a', 'b']], where)).toEqual(E.left({ _tag: 'InvalidInput', object: 'input.yaml, document 1', field: '', message: expect.stringContaining('Kubernetes object') }));
    expect(collectObjects(['text'], where)).toEqual(E.left(expect.objectContaining({ object: 'input.yaml, document 1' })));
  });

  it('refuses a mapping without a kind', () => {
    expect(collectObjects([{ apiVersion: 'v1', metadata: { name: 'x' } }], where)).toEqual(E.left({ _tag: 'InvalidInput', object: 'input.yaml, document 1', field: 'kind', message: expect.stringContaining('kind') }));
  });

  it('refuses a wrong field type deep inside a step, naming the object and the path', () => {
    const bad = taskDoc({ name: 'build', namespace: 'ci' }, { steps: [{ name: 'a', image: 'i' }, { name: 'b', image: 'i', env: [{ name: 'A', value: 'x' }, { name: 'B', value: ['x'] }] }] });
    expect(collectObjects([bad], where)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidInput', object: 'Task ci/build', field: 'spec.steps[1].env[1].value' })));
  });

  it('refuses a list where an object belongs, and the reverse', () => {
    expect(collectObjects([taskRunDoc({ name: 'r' }, { inputs: [] })], where)).toEqual(E.left(expect.objectContaining({ object: 'TaskRun r', field: 'spec.inputs' })));
    expect(collectObjects([taskDoc({ name: 't' }, { steps: { name: 'x' } })], where)).toEqual(E.left(expect.objectContaining({ object: 'Task t', field: 'spec.steps' })));
  });

  it('names a generateName object by its prefix', () => {
    expect(collectObjects([taskRunDoc({ generateName: 'run-', namespace: 'ns' }, { timeout: [5] })], where)).toEqual(E.left(expect.objectContaining({ object: 'TaskRun ns/run-*', field: 'spec.timeout' })));
  });

  // Tekton's webhook decoded its kinds with DisallowUnknownFields; the API
  // server dropped unknown fields of core kinds (test/input/unknown-fields.test.ts).
  it('refuses fields a Tekton kind does not know, and drops those of a core kind', () => {
    const r = collectObjects([taskDoc({ name: 't' }, { steps: [{ name: 's', image: 'i', startupProbe: {}, unknown: 1 }], future: true })], where);
    expect(r).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidInput', object: 'Task t', field: 'spec.steps[0].startupProbe' })));
    const sa = collectObjects([{ ...serviceAccountDoc('sa'), automountServiceAccountToken: true, future: true }], where);
    expect(E.isRight(sa) && sa.right.serviceAccounts[0]).toEqual({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sa', namespace: 'default' }, automountServiceAccountToken: true });
  });

  // Go's zero value of a value field tagged omitempty (bool false, int 0) is
  // the same as absent: Tekton's Pod neither printed `readOnly: false` nor
  // let it override a stepTemplate's `readOnly: true`.
  it('drops zero values of omitempty value fields (readOnly: false, tty: false, initialDelaySeconds: 0)', () => {
    const step = { name: 's', image: 'i', tty: false, stdin: false, volumeMounts: [{ name: 'v', mountPath: '/v', readOnly: false }], livenessProbe: { exec: { command: ['true'] }, initialDelaySeconds: 0 } };
    const r = collectObjects([taskDoc({ name: 't' }, { steps: [step] })], where);
    expect(E.isRight(r) && r.right.tasks[0]?.spec?.steps).toEqual([{ name: 's', image: 'i', volumeMounts: [{ name: 'v', mountPath: '/v' }], livenessProbe: { exec: { command: ['true'] } } }]);
  });

  it('treats null as absent', () => {
    const r = collectObjects([taskDoc({ name: 't' }, { steps: [{ name: 's', image: 'i', args: null }], volumes: null })], where);
    expect(E.isRight(r) && r.right.tasks[0]?.spec).toEqual({ steps: [{ name: 's', image: 'i' }] });
  });

  it('keeps __proto__ keys as data, without touching prototypes', () => {
    const doc = JSON.parse('{"kind":"Task","metadata":{"name":"t","labels":{"__proto__":"x"}},"spec":{}}') as unknown;
    const r = collectObjects([doc], where);
    expect(E.isRight(r) && Object.keys(r.right.tasks[0]?.metadata?.labels ?? {})).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('concatObjects and namespaceOf', () => {
  it('concatenates kind by kind', () => {
    const a = collectObjects([taskDoc({ name: 'a' }, {})], where);
    const b = collectObjects([taskDoc({ name: 'b' }, {}), serviceAccountDoc('default')], where);
    if (E.isLeft(a) || E.isLeft(b)) throw new Error('decode');
    const both = concatObjects(a.right, b.right);
    expect([both.tasks.map((x) => x.metadata?.name), both.serviceAccounts.length]).toEqual([['a', 'b'], 1]);
  });

  it('EMPTY_OBJECTS holds nothing', () => {
    expect(nothingIn(EMPTY_OBJECTS)).toBe(true);
  });

  it('takes "default" for an object without namespace', () => {
    expect(namespaceOf({ metadata: {} })).toBe('default');
    expect(namespaceOf({ metadata: { namespace: '' } })).toBe('default');
    expect(namespaceOf({ metadata: { namespace: 'ci' } })).toBe('ci');
  });
});

describe('decode paths', () => {
  it('prints indices in brackets and odd keys quoted', () => {
    const C = t.type({ spec: t.type({ steps: t.array(t.type({ 'odd.key': t.string })) }) });
    const r = decodeAs(C, { spec: { steps: [{ 'odd.key': 'ok' }, { 'odd.key': 3 }] } }, 'Task ns/t');
    expect(E.isLeft(r) && r.left.field).toBe('spec.steps[1]["odd.key"]');
  });

  it('counts further errors in the message', () => {
    const r = decodeAs(t.type({ a: t.string, b: t.string }), { a: 1, b: 2 }, 'X');
    expect(E.isLeft(r) && r.left.message).toMatch(/\(and 1 more\)$/);
  });

  it('reports an error inside a union once, at the union field, naming the union', () => {
    const run = taskRunDoc({ name: 'r' }, { inputs: { params: [{ name: 'p', value: { a: 'b' } }] } });
    expect(collectObjects([run], where)).toEqual(E.left({ _tag: 'InvalidInput', object: 'TaskRun r', field: 'spec.inputs.params[0].value', message: 'expected ArrayOrString, got {"a":"b"}' }));
    const port = taskDoc({ name: 't' }, { steps: [{ name: 's', image: 'i', livenessProbe: { httpGet: { port: [80] } } }] });
    expect(collectObjects([port], where)).toEqual(E.left(expect.objectContaining({ field: 'spec.steps[0].livenessProbe.httpGet.port', message: 'expected IntOrString, got [80]' })));
  });

  it('names an array element inside a union by its index', () => {
    const run = taskRunDoc({ name: 'r' }, { inputs: { params: [{ name: 'p', value: ['a', 1] }] } });
    expect(collectObjects([run], where)).toEqual(E.left(expect.objectContaining({ field: 'spec.inputs.params[0].value', message: 'expected ArrayOrString, got ["a",1]' })));
  });

  it('prefixes the path when asked', () => {
    const r = decodeAs(t.type({ a: t.string }), { a: 1 }, 'X', 'images');
    expect(E.isLeft(r) && r.left.field).toBe('images.a');
  });

  it('contextPath of the root is empty', () => {
    expect(contextPath([{ key: '', type: t.string, actual: 'x' }])).toBe('');
  });
});
