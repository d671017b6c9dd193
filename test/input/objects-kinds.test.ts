/**
 * input/objects.ts: every kind a render reads goes to its own list (a Pod
 * also keeps its raw JSON, a PipelineRun is kept as given), Lists are opened
 * only when they are Lists, and a label names an object even when its
 * metadata is odd.
 */
import * as E from 'fp-ts/Either';
import { collectObjects, concatObjects, EMPTY_OBJECTS, InputObjects, namespaceOf } from '../../src/input/objects';
import { secretDoc, serviceAccountDoc, taskDoc, taskRunDoc } from '../support/objects';

const where = (i: number) => `input.yaml, document ${i + 1}`;
const collect = (...docs: unknown[]): InputObjects => {
  const r = collectObjects(docs, where);
  if (E.isLeft(r)) throw new Error(`${r.left.object}: ${r.left.field}: ${r.left.message}`);
  return r.right;
};
const names = (list: readonly { readonly metadata?: { readonly name?: string } }[] | undefined) => (list ?? []).map((o) => o.metadata?.name);
/** Each list's names (rawPods and pipelineRuns too). */
const byKind = (o: InputObjects) => ({
  taskRuns: names(o.taskRuns),
  tasks: names(o.tasks),
  clusterTasks: names(o.clusterTasks),
  pipelineResources: names(o.pipelineResources),
  serviceAccounts: names(o.serviceAccounts),
  secrets: names(o.secrets),
  configMaps: names(o.configMaps),
  pods: names(o.pods),
  rawPods: names(o.rawPods),
  pipelineRuns: names(o.pipelineRuns),
});

const resourceDoc = (name: string) => ({ apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineResource', metadata: { name }, spec: { type: 'git', params: [{ name: 'url', value: 'https://example.com/r.git' }] } });
const configMapDoc = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { k: 'v' } });
const podDoc = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'i' }], futureField: true } });
const pipelineRunDoc = (name: string) => ({ apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineRun', metadata: { name }, spec: { pipelineRef: { name: 'p' } } });
const clusterTaskDoc = (name: string) => ({ apiVersion: 'tekton.dev/v1alpha1', kind: 'ClusterTask', metadata: { name }, spec: {} });

describe('collectObjects: one list per kind', () => {
  it('sorts every kind it reads into its own list', () => {
    const all = collect(
      taskRunDoc({ name: 'run' }, {}),
      taskDoc({ name: 'task' }, {}),
      clusterTaskDoc('cluster-task'),
      resourceDoc('git'),
      serviceAccountDoc('sa'),
      secretDoc('secret', 'Opaque'),
      configMapDoc('cm'),
      podDoc('pod'),
      pipelineRunDoc('pr'),
    );
    expect(byKind(all)).toEqual({
      taskRuns: ['run'],
      tasks: ['task'],
      clusterTasks: ['cluster-task'],
      pipelineResources: ['git'],
      serviceAccounts: ['sa'],
      secrets: ['secret'],
      configMaps: ['cm'],
      pods: ['pod'],
      rawPods: ['pod'],
      pipelineRuns: ['pr'],
    });
  });

  it('decodes a PipelineResource, a Secret and a ConfigMap', () => {
    const all = collect(resourceDoc('git'), secretDoc('s', 'kubernetes.io/basic-auth', { 'tekton.dev/git-0': 'https://github.com' }), configMapDoc('cm'));
    expect(all.pipelineResources[0]?.spec).toEqual({ type: 'git', params: [{ name: 'url', value: 'https://example.com/r.git' }] });
    expect([all.secrets[0]?.type, all.secrets[0]?.metadata?.annotations]).toEqual(['kubernetes.io/basic-auth', { 'tekton.dev/git-0': 'https://github.com' }]);
    expect(all.configMaps[0]?.data).toEqual({ k: 'v' });
  });

  it('keeps a Pod decoded, and its raw JSON with the fields the codec drops', () => {
    const raw = podDoc('p');
    const all = collect(raw);
    expect(all.pods[0]?.spec?.containers).toEqual([{ name: 'c', image: 'i' }]);
    expect(all.rawPods).toEqual([raw]);
    expect(all.rawPods?.[0]).toBe(raw);
  });

  it('decodes PipelineRuns, Pipelines and Conditions, in stream order', () => {
    const pipeline = { apiVersion: 'tekton.dev/v1alpha1', kind: 'Pipeline', metadata: { name: 'p' }, spec: { tasks: [{ name: 'a', taskRef: { name: 't' }, retries: 0 }] } };
    const condition = { apiVersion: 'tekton.dev/v1alpha1', kind: 'Condition', metadata: { name: 'c' }, spec: { check: { image: 'alpine', args: [1] } } };
    const all = collect(pipelineRunDoc('pr'), pipeline, condition);
    expect(all.pipelineRuns).toEqual([pipelineRunDoc('pr')]);
    // retries: 0 is Go's zero of an omitempty int; a number in the check's args is read as its text.
    expect(all.pipelines).toEqual([{ ...pipeline, spec: { tasks: [{ name: 'a', taskRef: { name: 't' } }] } }]);
    expect(all.conditions[0]?.spec?.check?.args).toEqual(['1']);
  });

  it.each([
    ['PipelineRun', { ...pipelineRunDoc('pr'), spec: 'not even an object' }, 'PipelineRun pr', 'spec'],
    ['Pipeline', { kind: 'Pipeline', metadata: { name: 'p' }, spec: { tasks: [{ runAfter: 'a' }] } }, 'Pipeline p', 'spec.tasks[0].runAfter'],
    ['Condition', { kind: 'Condition', metadata: { name: 'c' }, spec: { check: { image: ['x'] } } }, 'Condition c', 'spec.check.image'],
  ])('refuses a malformed %s, naming it and the field', (_kind, doc, object, field) => {
    expect(collectObjects([doc], where)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidInput', object, field })));
  });

  it.each([
    ['PipelineResource', { ...resourceDoc('git'), spec: 5 }, 'PipelineResource git', 'spec'],
    ['Secret', { ...secretDoc('s', 'Opaque'), data: 5 }, 'Secret default/s', 'data'],
    ['ConfigMap', { ...configMapDoc('cm'), data: 5 }, 'ConfigMap cm', 'data'],
    ['Pod', { ...podDoc('p'), spec: { containers: 5 } }, 'Pod p', 'spec.containers'],
  ])('refuses a malformed %s, naming it and the field', (_kind, doc, object, field) => {
    expect(collectObjects([doc], where)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidInput', object, field })));
  });
});

describe('collectObjects: Lists', () => {
  it('a List without items is not opened, and holds nothing', () => {
    expect(byKind(collect({ apiVersion: 'v1', kind: 'List' }, { apiVersion: 'v1', kind: 'TaskList', items: 'x' }))).toEqual(byKind(EMPTY_OBJECTS));
  });

  it('an object with items that is not a List is read as itself', () => {
    // A core kind drops the field, as the API server did; a Tekton kind has
    // no such field, and Tekton's webhook refused it.
    const all = collect({ ...configMapDoc('outer'), items: [taskDoc({ name: 'inner' }, {})] });
    expect([names(all.configMaps), names(all.tasks)]).toEqual([['outer'], []]);
    expect(collectObjects([{ ...taskDoc({ name: 'outer' }, {}), items: [taskDoc({ name: 'inner' }, {})] }], where)).toEqual(
      E.left(expect.objectContaining({ object: 'Task outer', field: 'items', message: expect.stringContaining('unknown field "items"') })),
    );
  });
});

describe('collectObjects: odd metadata and kind', () => {
  it('a kind that is not a string is a missing kind', () => {
    expect(collectObjects([{ apiVersion: 'v1', kind: 5 }], where)).toEqual(E.left({ _tag: 'InvalidInput', object: 'input.yaml, document 1', field: 'kind', message: 'missing: every object needs a kind' }));
    expect(collectObjects([{ apiVersion: 'v1', kind: ['Task'] }], where)).toEqual(E.left(expect.objectContaining({ field: 'kind' })));
  });

  it('null metadata is absent metadata: the object is named by its place', () => {
    expect(byKind(collect({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: null }))).toEqual(byKind(EMPTY_OBJECTS));
    expect(collectObjects([{ apiVersion: 'tekton.dev/v1alpha1', kind: 'Task', metadata: null, spec: { steps: 5 } }], where)).toEqual(
      E.left(expect.objectContaining({ object: 'Task (input.yaml, document 1)', field: 'spec.steps' })),
    );
  });

  it('a namespace that is not a string is left out of the label', () => {
    expect(collectObjects([taskDoc({ name: 't', namespace: {} as unknown as string }, {})], where)).toEqual(
      E.left(expect.objectContaining({ object: 'Task t', field: 'metadata.namespace' })),
    );
  });
});

describe('concatObjects', () => {
  const a = collect(taskRunDoc({ name: 'r1' }, {}), taskDoc({ name: 't1' }, {}), clusterTaskDoc('c1'), resourceDoc('g1'), serviceAccountDoc('sa1'), secretDoc('s1', 'Opaque'), configMapDoc('cm1'), podDoc('p1'), pipelineRunDoc('pr1'));
  const b = collect(taskRunDoc({ name: 'r2' }, {}), taskDoc({ name: 't2' }, {}), clusterTaskDoc('c2'), resourceDoc('g2'), serviceAccountDoc('sa2'), secretDoc('s2', 'Opaque'), configMapDoc('cm2'), podDoc('p2'), pipelineRunDoc('pr2'));

  it('puts the first stream before the second, kind by kind', () => {
    expect(byKind(concatObjects(a, b))).toEqual({
      taskRuns: ['r1', 'r2'],
      tasks: ['t1', 't2'],
      clusterTasks: ['c1', 'c2'],
      pipelineResources: ['g1', 'g2'],
      serviceAccounts: ['sa1', 'sa2'],
      secrets: ['s1', 's2'],
      configMaps: ['cm1', 'cm2'],
      pods: ['p1', 'p2'],
      rawPods: ['p1', 'p2'],
      pipelineRuns: ['pr1', 'pr2'],
    });
  });

  it('takes objects without rawPods (EMPTY_OBJECTS) on either side', () => {
    expect(EMPTY_OBJECTS.rawPods).toBeUndefined();
    expect(byKind(concatObjects(EMPTY_OBJECTS, b))).toEqual(byKind(b));
    expect(byKind(concatObjects(a, EMPTY_OBJECTS))).toEqual(byKind(a));
    expect(concatObjects(EMPTY_OBJECTS, EMPTY_OBJECTS).rawPods).toEqual([]);
  });
});

describe('namespaceOf', () => {
  it('is "default" for an object without metadata', () => {
    expect(namespaceOf({})).toBe('default');
  });
});
