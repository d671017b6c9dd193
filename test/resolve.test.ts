/**
 * resolve.ts: what the reconciler looked up before building the Pod
 * (reconcile, GetTaskData, getTaskFunc in taskrun.go; MakePod's
 * ServiceAccount lookup). Label and annotation propagation follow
 * taskrun.go: the Task's labels over the TaskRun's, then
 * `tekton.dev/task` for a taskRef.
 */
import * as E from 'fp-ts/Either';
import type { InputObjects } from '../src/input/objects';
import { resolveRun, ResolvedRun, theTaskRun } from '../src/resolve';
import { clusterTaskDoc, objectsOf, serviceAccountDoc, taskDoc, taskRunDoc } from './support/objects';

const steps = [{ name: 's', image: 'i', command: ['c'] }];

function resolved(objects: InputObjects): ResolvedRun {
  const r = E.chain((run: Parameters<typeof resolveRun>[1]) => resolveRun(objects, run))(theTaskRun(objects));
  if (E.isLeft(r)) throw new Error(`${r.left.object}: ${r.left.field}: ${r.left.message}`);
  return r.right;
}

function failure(objects: InputObjects) {
  const r = E.chain((run: Parameters<typeof resolveRun>[1]) => resolveRun(objects, run))(theTaskRun(objects));
  if (E.isRight(r)) throw new Error('expected a failure');
  return r.left;
}

describe('theTaskRun', () => {
  it('needs exactly one TaskRun: none', () => {
    expect(theTaskRun(objectsOf(serviceAccountDoc('default')))).toEqual(E.left({ _tag: 'InvalidInput', object: 'input', field: '', message: expect.stringContaining('no TaskRun') }));
  });

  it('needs exactly one TaskRun: two, both named', () => {
    const r = theTaskRun(objectsOf(taskRunDoc({ name: 'a' }, {}), taskRunDoc({ generateName: 'b-' }, {})));
    expect(E.isLeft(r) && r.left.message).toMatch(/2 TaskRuns found \(a, b-\)/);
  });

  it('takes the namespace "default" when none is given', () => {
    const r = theTaskRun(objectsOf(taskRunDoc({ name: 'a' }, {})));
    expect(E.isRight(r) && [r.right.name, r.right.namespace, r.right.taskRun.metadata?.namespace]).toEqual(['a', 'default', 'default']);
  });

  it('names a generateName TaskRun with the prefix and five characters, from its content', () => {
    const doc = taskRunDoc({ generateName: 'build-', namespace: 'ns' }, { taskRef: { name: 't' } });
    const a = theTaskRun(objectsOf(doc));
    const b = theTaskRun(objectsOf(doc));
    const other = theTaskRun(objectsOf(taskRunDoc({ generateName: 'build-', namespace: 'ns' }, { taskRef: { name: 'u' } })));
    expect(E.isRight(a) && a.right.name).toMatch(/^build-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(E.isRight(a) && a.right.taskRun.metadata?.name).toBe(E.isRight(a) && a.right.name);
    expect(a).toEqual(b);
    expect(E.isRight(other) && other.right.name).not.toBe(E.isRight(a) && a.right.name);
  });

  it('prefers the name over generateName', () => {
    const r = theTaskRun(objectsOf(taskRunDoc({ name: 'given', generateName: 'gen-' }, {})));
    expect(E.isRight(r) && r.right.name).toBe('given');
  });

  it('refuses a TaskRun with neither', () => {
    expect(theTaskRun(objectsOf(taskRunDoc({ namespace: 'ns' }, {})))).toEqual(
      E.left({ _tag: 'InvalidInput', object: 'TaskRun ns/(unnamed)', field: 'metadata.name', message: expect.stringContaining('generateName') }),
    );
  });
});

describe('resolveRun: the Task', () => {
  it('finds a Task by name in the TaskRun namespace', () => {
    const r = resolved(
      objectsOf(
        taskDoc({ name: 't', namespace: 'other' }, { steps: [{ name: 'wrong', image: 'x' }] }),
        taskDoc({ name: 't', namespace: 'foo' }, { steps }),
        taskRunDoc({ name: 'r', namespace: 'foo' }, { taskRef: { name: 't' } }),
        serviceAccountDoc('default', 'foo'),
      ),
    );
    expect(r.taskSpec).toEqual({ steps });
    expect([r.taskKind, r.taskName, r.specObject, r.specPath, r.object]).toEqual(['Task', 't', 'Task foo/t', 'spec', 'TaskRun foo/r']);
  });

  it('does not take a Task of another namespace', () => {
    expect(failure(objectsOf(taskDoc({ name: 't', namespace: 'other' }, { steps }), taskRunDoc({ name: 'r', namespace: 'foo' }, { taskRef: { name: 't' } }), serviceAccountDoc('default', 'foo')))).toEqual({
      _tag: 'Unresolved',
      object: 'TaskRun foo/r',
      field: 'spec.taskRef.name',
      message: 'Task "t" not found in namespace "foo"',
    });
  });

  it('finds a ClusterTask by name, whatever the namespace', () => {
    const r = resolved(objectsOf(clusterTaskDoc('ct', { steps }), taskRunDoc({ name: 'r', namespace: 'foo' }, { taskRef: { name: 'ct', kind: 'ClusterTask' } }), serviceAccountDoc('default', 'foo')));
    expect([r.taskKind, r.specObject, r.labels['tekton.dev/task']]).toEqual(['ClusterTask', 'ClusterTask ct', 'ct']);
  });

  it('does not take a Task for a ClusterTask reference, nor a ClusterTask for a Task one', () => {
    expect(failure(objectsOf(taskDoc({ name: 't' }, { steps }), taskRunDoc({ name: 'r' }, { taskRef: { name: 't', kind: 'ClusterTask' } }), serviceAccountDoc('default')))).toMatchObject({
      field: 'spec.taskRef.name',
      message: 'ClusterTask "t" not found in the cluster',
    });
    expect(failure(objectsOf(clusterTaskDoc('t', { steps }), taskRunDoc({ name: 'r' }, { taskRef: { name: 't' } }), serviceAccountDoc('default')))).toMatchObject({
      message: 'Task "t" not found in namespace "default"',
    });
  });

  it('takes an embedded taskSpec, named by its path in the TaskRun', () => {
    const r = resolved(objectsOf(taskRunDoc({ name: 'r' }, { taskSpec: { steps } }), serviceAccountDoc('default')));
    expect([r.task, r.specObject, r.specPath, r.taskName]).toEqual([undefined, 'TaskRun default/r', 'spec.taskSpec', 'r']);
  });
});

describe('resolveRun: labels and annotations', () => {
  const objects = (taskLabels: Record<string, string>, runLabels: Record<string, string>, kind?: string) =>
    objectsOf(
      taskDoc({ name: 't', labels: taskLabels, annotations: { ta: 'task', shared: 'from-task' } }, { steps }),
      taskRunDoc({ name: 'r', labels: runLabels, annotations: { ra: 'run', shared: 'from-run' } }, { taskRef: { name: 't', ...(kind !== undefined ? { kind } : {}) } }),
      serviceAccountDoc('default'),
    );

  it("propagates the Task's labels and annotations over the TaskRun's, and adds tekton.dev/task", () => {
    const r = resolved(objects({ app: 'task', tl: 'x' }, { app: 'run', rl: 'y' }));
    expect(r.labels).toEqual({ app: 'task', rl: 'y', tl: 'x', 'tekton.dev/task': 't' });
    expect(r.annotations).toEqual({ ra: 'run', shared: 'from-task', ta: 'task' });
  });

  it('tekton.dev/task names the Task even when a label says otherwise', () => {
    expect(resolved(objects({ 'tekton.dev/task': 'liar' }, { 'tekton.dev/task': 'liar2' })).labels['tekton.dev/task']).toBe('t');
  });

  it('an embedded taskSpec propagates nothing new and sets no tekton.dev/task', () => {
    const r = resolved(objectsOf(taskRunDoc({ name: 'r', labels: { a: 'b' }, annotations: { c: 'd' } }, { taskSpec: { steps } }), serviceAccountDoc('default')));
    expect([r.labels, r.annotations]).toEqual([{ a: 'b' }, { c: 'd' }]);
  });
});

describe('resolveRun: the ServiceAccount', () => {
  const run = (spec: Record<string, unknown>, ...more: unknown[]) => objectsOf(taskRunDoc({ name: 'r', namespace: 'foo' }, { taskSpec: { steps }, ...spec }), ...more);

  it('is "default" when the TaskRun names none (and the Pod names none)', () => {
    const r = resolved(run({}, serviceAccountDoc('default', 'foo')));
    expect([r.serviceAccountName, r.serviceAccount.metadata?.name]).toEqual(['', 'default']);
  });

  it('is serviceAccountName', () => {
    const r = resolved(run({ serviceAccountName: 'test-sa' }, serviceAccountDoc('test-sa', 'foo')));
    expect(r.serviceAccountName).toBe('test-sa');
  });

  it('is the deprecated serviceAccount when serviceAccountName is empty (pod_test "with-deprecated-service-account")', () => {
    expect(resolved(run({ serviceAccount: 'test-deprecated-sa' }, serviceAccountDoc('test-deprecated-sa', 'foo'))).serviceAccountName).toBe('test-deprecated-sa');
    expect(resolved(run({ serviceAccountName: 'new', serviceAccount: 'old' }, serviceAccountDoc('new', 'foo'))).serviceAccountName).toBe('new');
  });

  it('must be in the input, in the TaskRun namespace', () => {
    expect(failure(run({ serviceAccountName: 'test-sa' }, serviceAccountDoc('test-sa', 'elsewhere')))).toEqual({
      _tag: 'Unresolved',
      object: 'TaskRun foo/r',
      field: 'spec.serviceAccountName',
      message: expect.stringContaining('ServiceAccount "test-sa" not found in namespace "foo"'),
    });
    expect(failure(run({}))).toMatchObject({ field: 'spec.serviceAccountName', message: expect.stringContaining('"default"') });
  });

  it('finds Secrets in the TaskRun namespace only', () => {
    const r = resolved(
      run(
        {},
        serviceAccountDoc('default', 'foo'),
        { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'foo' }, type: 'Opaque' },
        { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'elsewhere', namespace: 'bar' }, type: 'Opaque' },
      ),
    );
    expect(r.findSecret('s')?.metadata?.name).toBe('s');
    expect(r.findSecret('elsewhere')).toBeUndefined();
  });
});

describe('resolveRun: resource bindings', () => {
  it('refuses a resourceRef that is not in the input', () => {
    expect(
      failure(
        objectsOf(
          taskRunDoc({ name: 'r' }, { taskSpec: { steps, inputs: { resources: [{ name: 'src', type: 'git' }] } }, inputs: { resources: [{ name: 'src', resourceRef: { name: 'missing' } }] } }),
          serviceAccountDoc('default'),
        ),
      ),
    ).toEqual({ _tag: 'Unresolved', object: 'TaskRun default/r', field: 'spec.inputs.resources[0].resourceRef.name', message: 'PipelineResource "missing" not found in namespace "default"' });
  });

  it('binds an embedded resourceSpec under the binding name', () => {
    const r = resolved(
      objectsOf(
        taskRunDoc({ name: 'r' }, { taskSpec: { steps }, outputs: { resources: [{ name: 'img', resourceSpec: { type: 'image', params: [{ name: 'url', value: 'x' }] } }] } }),
        serviceAccountDoc('default'),
      ),
    );
    expect(r.outputs.get('img')).toEqual({ metadata: { name: 'img' }, spec: { type: 'image', params: [{ name: 'url', value: 'x' }] } });
  });
});

describe('theTaskRun: exact refusals', () => {
  it('several TaskRuns: each named by name, else generateName, else "?"', () => {
    const nameless = { apiVersion: 'tekton.dev/v1alpha1', kind: 'TaskRun', spec: {} };
    expect(theTaskRun(objectsOf(taskRunDoc({ name: 'a' }, {}), taskRunDoc({ generateName: 'b-' }, {}), nameless, taskRunDoc({ namespace: 'ns' }, {})))).toEqual(
      E.left({ _tag: 'InvalidInput', object: 'input', field: '', message: '4 TaskRuns found (a, b-, ?, ?): the input must hold exactly one' }),
    );
  });

  it('a TaskRun without metadata: unnamed, in namespace default', () => {
    expect(theTaskRun(objectsOf({ apiVersion: 'tekton.dev/v1alpha1', kind: 'TaskRun', spec: { taskSpec: { steps } } }))).toEqual(
      E.left({ _tag: 'InvalidInput', object: 'TaskRun default/(unnamed)', field: 'metadata.name', message: 'missing: a TaskRun needs a name or a generateName' }),
    );
  });
});

// Objects of the input that have no metadata (hence no name) are never what
// a reference names, and looking past them never throws.
const noMeta = (apiVersion: string, kind: string, rest: Record<string, unknown> = {}) => ({ apiVersion, kind, ...rest });

describe('resolveRun: lookups by name', () => {
  it('the Task of that name among several in the namespace, past one without metadata', () => {
    const r = resolved(
      objectsOf(
        noMeta('tekton.dev/v1alpha1', 'Task', { spec: { steps: [{ name: 'nameless', image: 'x' }] } }),
        taskDoc({ name: 'first', namespace: 'foo' }, { steps: [{ name: 'wrong', image: 'x' }] }),
        taskDoc({ name: 't', namespace: 'foo' }, { steps }),
        taskRunDoc({ name: 'r', namespace: 'foo' }, { taskRef: { name: 't' } }),
        serviceAccountDoc('default', 'foo'),
      ),
    );
    expect([r.taskSpec, r.task?.metadata?.name, r.labels]).toEqual([{ steps }, 't', { 'tekton.dev/task': 't' }]);
  });

  it('the ClusterTask of that name among several, past one without metadata', () => {
    const r = resolved(
      objectsOf(
        noMeta('tekton.dev/v1alpha1', 'ClusterTask', { spec: { steps: [{ name: 'nameless', image: 'x' }] } }),
        clusterTaskDoc('first', { steps: [{ name: 'wrong', image: 'x' }] }),
        clusterTaskDoc('ct', { steps }),
        taskRunDoc({ name: 'r', namespace: 'foo' }, { taskRef: { name: 'ct', kind: 'ClusterTask' } }),
        serviceAccountDoc('default', 'foo'),
      ),
    );
    expect([r.taskSpec, r.taskKind, r.task?.metadata?.name]).toEqual([{ steps }, 'ClusterTask', 'ct']);
  });

  it('the ServiceAccount, Secrets and ConfigMaps by name and namespace, past objects without metadata', () => {
    const secret = (name: string, namespace: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace }, type: 'Opaque' });
    const configMap = (name: string, namespace: string, data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data });
    const r = resolved(
      objectsOf(
        noMeta('v1', 'ServiceAccount'),
        noMeta('v1', 'Secret', { type: 'Opaque' }),
        noMeta('v1', 'ConfigMap', { data: { which: 'nameless' } }),
        serviceAccountDoc('default', 'foo'),
        secret('s', 'foo'),
        configMap('cm', 'elsewhere', { which: 'elsewhere/cm' }),
        configMap('other', 'foo', { which: 'foo/other' }),
        configMap('cm', 'foo', { which: 'foo/cm' }),
        taskRunDoc({ name: 'r', namespace: 'foo' }, { taskSpec: { steps } }),
      ),
    );
    expect(r.serviceAccount).toEqual({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'foo' } });
    expect([r.findSecret('s')?.metadata, r.findSecret('missing')]).toEqual([{ name: 's', namespace: 'foo' }, undefined]);
    expect([r.findConfigMap('foo', 'cm')?.data, r.findConfigMap('elsewhere', 'cm')?.data, r.findConfigMap('foo', 'other')?.data]).toEqual([
      { which: 'foo/cm' },
      { which: 'elsewhere/cm' },
      { which: 'foo/other' },
    ]);
    expect([r.findConfigMap('bar', 'cm'), r.findConfigMap('foo', 'missing')]).toEqual([undefined, undefined]);
  });
});

// GetTaskData: a taskRef counts only with a name; otherwise the embedded taskSpec.
describe('resolveRun: a taskRef without a name', () => {
  it.each([
    ['an empty name', { name: '' }],
    ['no name', { kind: 'Task' }],
  ])('%s: the embedded taskSpec is used', (_name, taskRef) => {
    const r = resolved(objectsOf(taskRunDoc({ name: 'r', namespace: 'foo' }, { taskRef, taskSpec: { steps } }), serviceAccountDoc('default', 'foo')));
    expect([r.taskSpec, r.taskName, r.specObject, r.specPath, 'task' in r]).toEqual([{ steps }, 'r', 'TaskRun foo/r', 'spec.taskSpec', false]);
  });
});

describe('resolveRun: the ServiceAccount name (TaskRun.GetServiceAccountName)', () => {
  it('an empty serviceAccountName falls back to the deprecated serviceAccount', () => {
    const r = resolved(objectsOf(taskRunDoc({ name: 'r' }, { taskSpec: { steps }, serviceAccountName: '', serviceAccount: 'old' }), serviceAccountDoc('old')));
    expect([r.serviceAccountName, r.serviceAccount.metadata?.name]).toEqual(['old', 'old']);
  });
});

describe('resolveRun: a TaskRun given without metadata', () => {
  it('has no labels or annotations of its own', () => {
    const objects = objectsOf(serviceAccountDoc('default', 'ns'));
    const r = resolveRun(objects, { taskRun: { spec: { taskSpec: { steps } } }, name: 'r', namespace: 'ns' });
    expect(E.isRight(r) && [r.right.labels, r.right.annotations, r.right.object, r.right.specObject]).toEqual([{}, {}, 'TaskRun ns/r', 'TaskRun ns/r']);
  });
});

// ResolveTaskResources / GetResourceFromBinding: a resourceRef is fetched in
// the TaskRun's namespace, a resourceSpec becomes a PipelineResource named
// after the binding; both are keyed by the binding name (Go's "" when unset).
describe('resolveRun: resource bindings, resolved', () => {
  const resource = (name: string, namespace: string, url: string) => ({
    apiVersion: 'tekton.dev/v1alpha1',
    kind: 'PipelineResource',
    metadata: { name, namespace },
    spec: { type: 'image', params: [{ name: 'url', value: url }] },
  });
  const run = (inputs: unknown[], outputs: unknown[] = []) =>
    resolved(
      objectsOf(
        noMeta('tekton.dev/v1alpha1', 'PipelineResource', { spec: { type: 'image', params: [{ name: 'url', value: 'nameless' }] } }),
        resource('img', 'elsewhere', 'elsewhere/img'),
        resource('other', 'foo', 'foo/other'),
        resource('img', 'foo', 'foo/img'),
        taskRunDoc({ name: 'r', namespace: 'foo' }, { taskSpec: { steps }, inputs: { resources: inputs }, outputs: { resources: outputs } }),
        serviceAccountDoc('default', 'foo'),
      ),
    );

  it('a resourceRef: the PipelineResource of that name in the TaskRun namespace, under the binding name', () => {
    const r = run([{ name: 'src', resourceRef: { name: 'img' } }], [{ name: 'dst', resourceRef: { name: 'other' } }]);
    expect([...r.inputs]).toEqual([['src', resource('img', 'foo', 'foo/img')]]);
    expect([...r.outputs]).toEqual([['dst', resource('other', 'foo', 'foo/other')]]);
  });

  it('a binding without a name is keyed ""', () => {
    const spec = { type: 'image', params: [{ name: 'url', value: 'x' }] };
    expect([...run([{ resourceRef: { name: 'img' } }]).inputs]).toEqual([['', resource('img', 'foo', 'foo/img')]]);
    expect([...run([], [{ resourceSpec: spec }]).outputs]).toEqual([['', { metadata: { name: '' }, spec }]]);
  });

  it('refuses an output resourceRef that is not in the namespace', () => {
    expect(
      failure(
        objectsOf(
          resource('img', 'elsewhere', 'elsewhere/img'),
          taskRunDoc({ name: 'r', namespace: 'foo' }, { taskSpec: { steps }, outputs: { resources: [{ name: 'dst', resourceRef: { name: 'img' } }] } }),
          serviceAccountDoc('default', 'foo'),
        ),
      ),
    ).toEqual({ _tag: 'Unresolved', object: 'TaskRun foo/r', field: 'spec.outputs.resources[0].resourceRef.name', message: 'PipelineResource "img" not found in namespace "foo"' });
  });
});

describe('resolveRun: the Task object', () => {
  it('is absent (not even as a key) for an embedded taskSpec', () => {
    const r = resolved(objectsOf(taskRunDoc({ name: 'r' }, { taskSpec: { steps } }), serviceAccountDoc('default')));
    expect(Object.keys(r)).not.toContain('task');
  });
});
