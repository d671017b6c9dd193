/**
 * Pipeline task names Tekton's webhook took (qualified names) but whose
 * TaskRuns the API server refused: the TaskRun is named `<run>-<task>` cut
 * to 57 characters plus a suffix, which must be a DNS-1123 subdomain
 * (apiextensions-apiserver validates custom resource names with
 * NameIsDNSSubdomain) without a `.` (Tekton's own webhook), and carries the
 * task's name as the label value of `tekton.dev/pipelineTask`.
 */
import * as E from 'fp-ts/Either';
import { formatError } from '../../src/errors';
import { collectObjects } from '../../src/input/objects';
import { expandPipelineRun } from '../../src/pipeline/expand';

function expandWith(taskName: string, runName: string, embedded = false): E.Either<string, string[]> {
  const pipelineSpec = { tasks: [{ name: taskName, taskRef: { name: 'echo' } }] };
  const docs = [
    { apiVersion: 'tekton.dev/v1alpha1', kind: 'Task', metadata: { name: 'echo' }, spec: { steps: [{ name: 's', image: 'ubuntu', command: ['echo'] }] } },
    ...(embedded ? [] : [{ apiVersion: 'tekton.dev/v1alpha1', kind: 'Pipeline', metadata: { name: 'p' }, spec: pipelineSpec }]),
    { apiVersion: 'tekton.dev/v1alpha1', kind: 'PipelineRun', metadata: { name: runName }, spec: embedded ? { pipelineSpec } : { pipelineRef: { name: 'p' } } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } },
  ];
  const objects = collectObjects(docs, (i) => `document ${i + 1}`);
  if (E.isLeft(objects)) throw new Error(objects.left.message);
  const r = expandPipelineRun(objects.right);
  return E.isLeft(r) ? E.left(formatError(r.left)) : E.right(r.right.items.map((i) => i.metadata?.name as string));
}

const long = (n: number) => 'r'.repeat(n);

describe('pipeline task names and the TaskRuns made from them', () => {
  it('a task name with upper case or "_" is refused at the task, not rendered', () => {
    const r = expandWith('Build_1', 'ci');
    expect(r).toEqual(E.left(expect.stringMatching(/^Pipeline default\/p: spec\.tasks\[0\]\.name: TaskRun "ci-Build_1-[a-z0-9]{5}", named after this task, could not be created \(.*\): a DNS-1123 subdomain must consist of lower case alphanumeric characters/)));
  });

  it('the embedded spec is pointed at in the PipelineRun', () => {
    expect(expandWith('Build_1', 'ci', true)).toEqual(E.left(expect.stringMatching(/^PipelineRun default\/ci: spec\.pipelineSpec\.tasks\[0\]\.name: TaskRun "ci-Build_1-[a-z0-9]{5}", named after this task, could not be created/)));
  });

  it('a "." in the TaskRun name: Tekton\'s webhook refused it', () => {
    expect(expandWith('v1.2-build', 'ci')).toEqual(E.left(expect.stringMatching(/^Pipeline default\/p: spec\.tasks\[0\]\.name: TaskRun "ci-v1\.2-build-[a-z0-9]{5}", named after this task, could not be created \(.*\): Invalid resource name: special character \. must not be present/)));
  });

  it('a character the 57-character cut removes does not matter: Tekton created that TaskRun', () => {
    // `<55 r>-ab_C` is cut to `<55 r>-a`.
    const r = expandWith('ab_C', long(55));
    expect(E.isRight(r)).toBe(true);
    if (E.isRight(r)) expect(r.right[1]).toMatch(new RegExp(`^${long(55)}-a-[a-z0-9]{5}$`));
  });

  it('a prefixed name cut to a valid TaskRun name is still refused: it is no label value', () => {
    // `<50 r>-example.com/build` is cut before the `.`; the label value keeps the `/`.
    expect(expandWith('example.com/build', long(50))).toEqual(
      E.left(expect.stringMatching(/^Pipeline default\/p: spec\.tasks\[0\]\.name: TaskRun "r+-exampl-[a-z0-9]{5}", named after this task, could not be created \(.*\): the value "example\.com\/build" of its label tekton\.dev\/pipelineTask: a valid label must be/)),
    );
  });
});
