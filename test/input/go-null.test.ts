/**
 * Where Go decoded JSON `null` (YAML `~`, `null`, or nothing after the
 * colon) as a value instead of as absent, and where a number was not turned
 * into text. Checked against Tekton's types decoded with Go:
 * - a TaskRun param's `value:` is an ArrayOrString, whose UnmarshalJSON read
 *   `null` as an empty array (a ParamSpec's `default:` is a pointer: absent);
 * - `resources.limits: {cpu: null}` is a map entry set to the zero
 *   Quantity, which Tekton's Pod printed as "0";
 * - `timeout` is a metav1.Duration, which reads only a JSON string, so
 *   sigs.k8s.io/yaml left `timeout: 5` a number and the decoder refused it.
 */
import * as E from 'fp-ts/Either';
import { parseDocuments } from '../../src/input/yaml';
import { collectObjects } from '../../src/input/objects';
import { renderPod } from '../../src/render';
import { formatError, TaskpodError } from '../../src/errors';
import type { Pod } from '../../src/model/core';

const SA = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default, namespace: ci}\n';
const taskRun = (spec: string) => `apiVersion: tekton.dev/v1alpha1\nkind: TaskRun\nmetadata: {name: run, namespace: ci}\nspec:\n${spec}---\n${SA}`;

function render(text: string): E.Either<TaskpodError, Pod> {
  const docs = parseDocuments(text, 'input.yaml');
  if (E.isLeft(docs)) return docs;
  const objects = collectObjects(docs.right, (i) => `document ${i + 1}`);
  return E.isLeft(objects) ? objects : renderPod(objects.right, {});
}

const step = (pod: Pod) => (pod.spec?.containers ?? [])[0];

describe('a param given with no value', () => {
  const spec = (type: string) => `  inputs:\n    params:\n    - name: list\n      value:\n  taskSpec:\n    inputs:\n      params: [{name: list, type: ${type}}]\n    steps:\n    - {name: s, image: busybox, command: [echo], args: [a, "$(inputs.params.list)", b]}\n`;

  it('is an empty array: an array param expands to nothing', () => {
    const pod = render(taskRun(spec('array')));
    expect(E.isRight(pod) && step(pod.right)?.args?.slice(-3)).toEqual(['--', 'a', 'b']);
  });

  it('does not fit a string param: refused as Tekton refused it', () => {
    const pod = render(taskRun(spec('string')));
    expect(E.isLeft(pod) && formatError(pod.left)).toMatch(/param types don't match the user-specified type: \[list\]/);
  });

  it('a declaration\'s `default:` with nothing is absent, not an empty array', () => {
    const text = taskRun('  taskSpec:\n    inputs:\n      params: [{name: list, type: array, default: null}]\n    steps:\n    - {name: s, image: busybox, command: [echo], args: ["$(inputs.params.list)"]}\n');
    const pod = render(text);
    expect(E.isLeft(pod) && formatError(pod.left)).toBe('TaskRun ci/run: spec.inputs.params: missing values for these params which have no default values: [list]');
  });
});

describe('a resource quantity given as null', () => {
  it('is the zero Quantity, printed "0"', () => {
    const pod = render(taskRun('  taskSpec:\n    steps:\n    - {name: s, image: busybox, command: [x], resources: {limits: {cpu: null, memory: 1Gi}}}\n'));
    expect(E.isRight(pod) && step(pod.right)?.resources?.limits).toStrictEqual({ cpu: '0', memory: '1Gi' });
  });
});

describe('spec.timeout', () => {
  it.each([['5'], ['0'], ['1.5']])('a number (%s) is refused: a Duration reads only a string', (n) => {
    const pod = render(taskRun(`  timeout: ${n}\n  taskSpec:\n    steps: [{name: s, image: busybox, command: [x]}]\n`));
    expect(E.isLeft(pod) && { field: pod.left.field, message: pod.left.message }).toMatchObject({ field: 'spec.timeout', message: expect.stringMatching(/expected a string/) });
  });

  it('a quoted number is read as text, and then as a Go duration ("0" is zero)', () => {
    const pod = render(taskRun(`  timeout: "0"\n  taskSpec:\n    steps: [{name: s, image: busybox, command: [x]}]\n`));
    expect(E.isRight(pod)).toBe(true);
  });
});
