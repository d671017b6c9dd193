/**
 * From a PipelineRun to everything the controllers created, in order
 * (../shared/CONFORMANCE.md, "PipelineRun cases"): the claim, then reconcile
 * by reconcile each TaskRun followed by its Pod, condition checks before the
 * task they guard; bucket or PVC storage; a cancelled run; a TaskRun whose
 * Pod cannot be made refusing the whole run; names that are deterministic
 * and never collide.
 */
import * as E from 'fp-ts/Either';
import type { TaskRun } from '../../src/model/tekton';
import { expandPipelineRun, pipelineRunName } from '../../src/pipeline/expand';
import { objectsOf } from '../support/objects';
import { BASE, condition, expand, itemNames, pipeline, pt, refusal, resource, run, sa, SUFFIX, task } from './builders';

const configMap = (name: string, data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'tekton-pipelines' }, data });

/** a; b after a; c reading a's output; d after b and c. */
const diamond = () => [
  task('writer', { outputs: { resources: [{ name: 'out', type: 'git' }] } }),
  task('reader', { inputs: { resources: [{ name: 'in', type: 'git' }] } }),
  resource('repo', 'git', { url: 'https://github.com/tektoncd/pipeline' }),
  pipeline(
    [
      pt('d', { runAfter: ['b', 'c'] }),
      pt('c', { taskRef: { name: 'reader' }, resources: { inputs: [{ name: 'in', resource: 'src', from: ['a'] }] } }),
      pt('b', { runAfter: ['a'] }),
      pt('a', { taskRef: { name: 'writer' }, resources: { outputs: [{ name: 'out', resource: 'src' }] } }),
    ],
    { resources: [{ name: 'src', type: 'git' }] },
  ),
  run({ resources: [{ name: 'src', resourceRef: { name: 'repo' } }] }),
];

const nameOf = (tr: TaskRun) => tr.metadata?.name ?? '';

describe('creation order', () => {
  test('the claim, then wave by wave each TaskRun and its Pod; within a wave, declaration order', () => {
    const x = expand(...diamond());
    expect(x.created.map((c) => [c.pipelineTask, c.wave])).toEqual([
      ['a', 1],
      ['c', 2],
      ['b', 2],
      ['d', 3],
    ]);
    const kinds = itemNames(x).map((n) => n.replace(new RegExp(`${SUFFIX}(-pod-[0-9a-f]{6})?$`), ''));
    expect(kinds).toEqual(['PersistentVolumeClaim ci-1-pvc', 'TaskRun ci-1-a', 'Pod ci-1-a', 'TaskRun ci-1-c', 'Pod ci-1-c', 'TaskRun ci-1-b', 'Pod ci-1-b', 'TaskRun ci-1-d', 'Pod ci-1-d']);
  });

  test('each Pod belongs to the TaskRun just before it', () => {
    const x = expand(...diamond());
    for (const c of x.created) {
      expect(c.pod.metadata.name).toMatch(new RegExp(`^${nameOf(c.taskRun)}-pod-[0-9a-f]{6}$`));
      expect(c.pod.metadata.labels?.['tekton.dev/taskRun']).toBe(nameOf(c.taskRun));
      expect(c.pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'TaskRun', name: nameOf(c.taskRun) });
      expect(x.items[x.items.indexOf(c.pod) - 1]).toBe(c.rendered);
    }
  });

  test('condition checks first; the task they guard one wave later, and what depends on it after that', () => {
    const x = expand(
      condition('c1'),
      condition('c2'),
      pipeline([pt('free'), pt('guarded', { conditions: [{ conditionRef: 'c1' }, { conditionRef: 'c2' }] }), pt('after', { runAfter: ['guarded'] })]),
      run(),
    );
    expect(x.created.map((c) => [c.pipelineTask, c.conditionCheck?.condition ?? '', c.wave])).toEqual([
      ['free', '', 1],
      ['guarded', 'c1', 1],
      ['guarded', 'c2', 1],
      ['guarded', '', 2],
      ['after', '', 3],
    ]);
    const [, check1, check2, guarded] = x.created;
    expect(nameOf(check1!.taskRun)).toMatch(new RegExp(`^${nameOf(guarded!.taskRun)}-c1${SUFFIX}$`));
    expect(nameOf(check2!.taskRun)).toMatch(new RegExp(`^${nameOf(guarded!.taskRun)}-c2${SUFFIX}$`));
    expect(check1!.taskRun.spec?.taskSpec?.steps?.[0]?.name).toBe('condition-check-c1');
  });

  test("a guarded task's checks wait for the tasks it runs after", () => {
    const x = expand(condition('ok'), pipeline([pt('first'), pt('second', { runAfter: ['first'], conditions: [{ conditionRef: 'ok' }] })]), run());
    expect(x.created.map((c) => [c.pipelineTask, c.conditionCheck?.condition ?? '', c.wave])).toEqual([
      ['first', '', 1],
      ['second', 'ok', 2],
      ['second', '', 3],
    ]);
  });

  test("the TaskRun's taskRef has no kind unless the Pipeline wrote one (the webhook did not default it)", () => {
    const x = expand(pipeline([pt('a'), pt('b', { taskRef: { name: 'echo', kind: 'Task' } })]), run());
    expect(x.created.map((c) => c.rendered.spec.taskRef)).toEqual([{ name: 'echo' }, { name: 'echo', kind: 'Task' }]);
  });
});

describe('storage', () => {
  test('PVC: the claim is created even when no task shares anything, sized by config-artifact-pvc', () => {
    const x = expand(pipeline([pt('a')]), run(), configMap('config-artifact-pvc', { size: '10Gi', storageClassName: 'fast' }));
    expect(x.storage?.type).toBe('pvc');
    expect(x.items[0]).toEqual({
      kind: 'PersistentVolumeClaim',
      apiVersion: 'v1',
      metadata: {
        name: 'ci-1-pvc',
        namespace: 'default',
        ownerReferences: [{ apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineRun', name: 'ci-1', uid: '', controller: true, blockOwnerDeletion: true }],
      },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, storageClassName: 'fast' },
    });
  });

  test('a bucket with a location: no claim, and paths under <run>-<namespace>-bucket', () => {
    const x = expand(...diamond(), configMap('config-artifact-bucket', { location: 'gs://ci-artifacts' }));
    expect(x.storage).toEqual({ type: 'bucket', location: 'gs://ci-artifacts', basePath: 'ci-1-default-bucket' });
    expect(x.items[0]?.kind).toBe('TaskRun');
    expect(x.items.filter((i) => i.kind === 'PersistentVolumeClaim')).toEqual([]);
    const c = x.created.find((t) => t.pipelineTask === 'c')!;
    expect(c.taskRun.spec?.inputs?.resources?.[0]?.paths).toEqual(['ci-1-default-bucket/a/out']);
    // The Pod copies from the bucket with gsutil, not from a claim.
    const copy = c.pod.spec?.containers?.find((s) => (s.name ?? '').startsWith('step-artifact-copy-from-in'));
    expect(copy?.args?.at(-1)).toBe('cp -P -r gs://ci-artifacts/ci-1-default-bucket/a/out/* /workspace/in');
  });

  test('a bucket ConfigMap with a blank location means PVC storage', () => {
    const x = expand(pipeline([pt('a')]), run(), configMap('config-artifact-bucket', { location: '  ' }));
    expect(x.storage?.type).toBe('pvc');
    expect(x.items[0]?.kind).toBe('PersistentVolumeClaim');
  });

  test('PVC paths and the claim mounted where a resource is copied', () => {
    const x = expand(...diamond());
    const c = x.created.find((t) => t.pipelineTask === 'c')!;
    expect(c.taskRun.spec?.inputs?.resources?.[0]?.paths).toEqual(['/pvc/a/out']);
    expect(c.pod.spec?.volumes?.[0]).toEqual({ name: 'ci-1-pvc', persistentVolumeClaim: { claimName: 'ci-1-pvc' } });
  });
});

describe('what is not created', () => {
  test('a cancelled PipelineRun: nothing, not even the claim, with a warning', () => {
    const x = expand(pipeline([pt('a')]), run({ status: 'PipelineRunCancelled' }));
    expect([x.cancelled, x.items, x.created, x.storage]).toEqual([true, [], [], undefined]);
    expect(x.warnings).toEqual([{ object: 'PipelineRun default/ci-1', field: 'spec.status', message: 'the PipelineRun is cancelled: Tekton creates nothing for it' }]);
  });

  test('a cancelled PipelineRun is still refused when it cannot be resolved (the reconciler checked first)', () => {
    expect(refusal(pipeline([pt('a', { taskRef: { name: 'missing' } })]), run({ status: 'PipelineRunCancelled' })).field).toBe('spec.tasks[0].taskRef.name');
  });

  test('a TaskRun whose Pod cannot be made (its ServiceAccount is missing) refuses the whole run', () => {
    const e = refusal(pipeline([pt('a'), pt('b')]), run({ serviceAccountNames: [{ taskName: 'b', serviceAccountName: 'deployer' }] }));
    expect(e).toMatchObject({ _tag: 'Unresolved', field: 'spec.serviceAccountName', message: 'ServiceAccount "deployer" not found in namespace "default" (add it to the input)' });
    expect(e.object).toMatch(new RegExp(`^TaskRun default/ci-1-b${SUFFIX}$`));
  });

  test('a later wave counts too: a missing Secret of the ServiceAccount of the last task', () => {
    const e = refusal(sa('deployer', ['gone']), pipeline([pt('a'), pt('b', { runAfter: ['a'] })]), run({ serviceAccountNames: [{ taskName: 'b', serviceAccountName: 'deployer' }] }));
    expect(e).toEqual({ _tag: 'Unresolved', object: 'ServiceAccount default/deployer', field: 'secrets[0].name', message: 'Secret "gone" of the ServiceAccount is not in the input' });
  });

  describe('a TaskRun name the API server refused: Tekton created nothing for that task', () => {
    const SUBDOMAIN =
      "a DNS-1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    const NOTHING = 'named after this task, could not be created (Tekton created nothing for the task and the PipelineRun never finished)';

    // A pipeline task name is a qualified name (capitals, `_` and `.` allowed);
    // the TaskRun <run>-<task>-xxxxx must be a DNS-1123 subdomain (the
    // apiextensions customResource validator) without `.` (Tekton's webhook).
    test.each(['Build', 'unit_test'])('a pipeline task named %s', (name) => {
      const e = refusal(pipeline([pt('first'), pt(name)]), run());
      expect({ ...e, message: e.message.replace(/-[a-z0-9]{5}"/, '-xxxxx"') }).toEqual({
        _tag: 'Refused',
        object: 'Pipeline default/ci',
        field: 'spec.tasks[1].name',
        message: `TaskRun "ci-1-${name}-xxxxx", ${NOTHING}: ${SUBDOMAIN}`,
      });
    });

    test('a pipeline task named with a period', () => {
      const e = refusal(pipeline([pt('a.b')]), run());
      expect(e).toMatchObject({ object: 'Pipeline default/ci', field: 'spec.tasks[0].name' });
      expect(e.message).toMatch(new RegExp(`^TaskRun "ci-1-a\\.b${SUFFIX}", named after this task, could not be created \\(.*\\): Invalid resource name: special character \\. must not be present$`));
    });

    test("a guarded task: its first condition check is the first creation refused; an embedded spec names the PipelineRun", () => {
      const e = refusal(condition('ok'), run({ pipelineRef: undefined, pipelineSpec: { tasks: [pt('Deploy', { conditions: [{ conditionRef: 'ok' }] })] } }));
      expect(e).toMatchObject({ object: 'PipelineRun default/ci-1', field: 'spec.pipelineSpec.tasks[0].name' });
      expect(e.message).toMatch(new RegExp(`^Condition-check TaskRun "ci-1-Deploy${SUFFIX}-ok${SUFFIX}", named after this task`));
    });
  });

  test('no PipelineRun, or two', () => {
    expect(expandPipelineRun(objectsOf(...BASE))).toEqual(E.left({ _tag: 'InvalidInput', object: 'input', field: '', message: 'no PipelineRun found: the input must hold exactly one PipelineRun' }));
    const two = expandPipelineRun(objectsOf(...BASE, pipeline([pt('a')]), run(), run({}, { name: 'ci-2' })));
    expect(E.isLeft(two) && two.left.message).toBe('2 PipelineRuns found (ci-1, ci-2): the input must hold exactly one');
  });
});

describe('names', () => {
  test('TaskRuns are <run>-<task>-<5 characters>, the same on every render and whatever the order of the input', () => {
    const docs = diamond();
    const once = itemNames(expand(...docs));
    expect(itemNames(expand(...[...docs].reverse()))).toEqual(once);
    for (const t of ['a', 'b', 'c', 'd']) expect(once).toContainEqual(expect.stringMatching(new RegExp(`^TaskRun ci-1-${t}${SUFFIX}$`)));
  });

  test('another PipelineRun name gives other suffixes', () => {
    const suffixes = (name: string) => expand(pipeline([pt('a')]), run({}, { name })).created.map((c) => nameOf(c.taskRun).slice(-5));
    expect(suffixes('ci-1')).not.toEqual(suffixes('ci-2'));
  });

  test('bases that are the same after the cut to 57 characters still get distinct names', () => {
    const long = (end: string) => `${'a'.repeat(56)}-${end}`;
    const x = expand(pipeline([pt(long('one')), pt(long('two'))]), run());
    const [one, two] = x.created.map((c) => nameOf(c.taskRun));
    expect(one).toHaveLength(63);
    expect(two).toHaveLength(63);
    expect(one!.slice(0, 57)).toBe(`ci-1-${'a'.repeat(52)}`);
    expect(two!.slice(0, 57)).toBe(one!.slice(0, 57));
    expect(one).not.toBe(two);
    // Labels keep the full pipeline task name.
    expect(x.created.map((c) => c.taskRun.metadata?.labels?.['tekton.dev/pipelineTask'])).toEqual([long('one'), long('two')]);
  });

  test('every generated name in one run is distinct (TaskRuns and condition checks)', () => {
    const x = expand(condition('c'), pipeline([pt('a', { conditions: [{ conditionRef: 'c' }, { conditionRef: 'c' }] }), pt('b', { conditions: [{ conditionRef: 'c' }] })]), run());
    const names = x.created.map((c) => nameOf(c.taskRun));
    expect(names).toHaveLength(5);
    expect(new Set(names).size).toBe(5);
  });

  test('a PipelineRun with only generateName gets five characters derived from its content', () => {
    const generated = { ...run(), metadata: { generateName: 'nightly-', namespace: 'default' } };
    const x = expand(pipeline([pt('a')]), generated);
    expect(x.run.name).toMatch(/^nightly-[a-z0-9]{5}$/);
    expect(x.run.name).toBe(pipelineRunName(generated));
    expect(nameOf(x.created[0]!.taskRun)).toMatch(new RegExp(`^${x.run.name}-a${SUFFIX}$`));
    expect(x.items[0]?.metadata).toMatchObject({ name: `${x.run.name}-pvc` });
  });
});

describe('warnings', () => {
  test('the warnings of admission and resolution reach the expansion', () => {
    const x = expand(
      pipeline([pt('a')]),
      run({ params: [{ name: 'extra', value: 'x' }] }),
      configMap('config-defaults', { 'default-timeout-minutes': 'ten' }),
    );
    expect(x.warnings.map((w) => w.field)).toEqual(['data["default-timeout-minutes"]', 'spec.params[0].name']);
  });

  test('config-defaults gives the TaskRuns their timeout and ServiceAccount', () => {
    const x = expand(sa('robot'), pipeline([pt('a')]), run({ serviceAccountName: undefined }), configMap('config-defaults', { 'default-timeout-minutes': '15', 'default-service-account': 'robot' }));
    expect(x.created[0]?.rendered.spec).toMatchObject({ serviceAccountName: 'robot', timeout: '15m0s' });
    expect(x.created[0]?.pod.spec?.serviceAccountName).toBe('robot');
  });
});
