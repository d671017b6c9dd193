/**
 * playground/src/locate.ts finds the place an error names in the text the
 * user typed: the object (by kind and name, by document number, inside a
 * List) and its field path, or the line and column of a YAML syntax error.
 */
import * as E from 'fp-ts/Either';
import { formatError } from '../../src';
import { DEFAULT_OPTIONS, renderTexts } from '../../playground/src/engine';
import { locateError, parsePath } from '../../playground/src/locate';

const TEXT = `apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: default}
---
apiVersion: tekton.dev/v1alpha1
kind: TaskRun
metadata:
  name: run
spec:
  taskSpec:
    steps:
    - name: a
      image: ubuntu
      command: [echo]
    - name: b
      command: [echo]
`;

/** The text `range` covers. */
const at = (text: string, r: { from: number; to: number } | undefined) => (r === undefined ? undefined : text.slice(r.from, r.to));

describe('parsePath', () => {
  test.each([
    ['spec.taskSpec.steps[0].image', ['spec', 'taskSpec', 'steps', 0, 'image']],
    ['metadata.annotations["tekton.dev/x"]', ['metadata', 'annotations', 'tekton.dev/x']],
    ['data[config.json].x', ['data', 'config.json', 'x']],
    ['', []],
    ['spec..x', ['spec']],
  ])('%s', (path, parts) => expect(parsePath(path)).toEqual(parts));
});

describe('locateError', () => {
  test('an object by kind and name, then the field: the scalar itself', () => {
    const r = locateError(TEXT, { object: 'TaskRun default/run', field: 'spec.taskSpec.steps[0].image', message: 'x' }, 'input.yaml');
    expect(at(TEXT, r)).toBe('ubuntu');
  });

  test('a missing field: the deepest part that is there, on its first line', () => {
    const r = locateError(TEXT, { object: 'TaskRun default/run', field: 'spec.taskSpec.steps[1].image', message: 'missing' }, 'input.yaml');
    expect(at(TEXT, r)).toBe('name: b');
  });

  test('a collection is marked by its key', () => {
    const r = locateError(TEXT, { object: 'TaskRun default/run', field: 'spec.taskSpec.steps', message: 'x' }, 'input.yaml');
    expect(at(TEXT, r)).toBe('steps');
  });

  test('the object as a whole: its name', () => {
    expect(at(TEXT, locateError(TEXT, { object: 'TaskRun default/run', field: '', message: 'x' }, 'input.yaml'))).toBe('run');
  });

  test('a namespace that does not match finds nothing; a Pod made by the render is not in the text', () => {
    expect(locateError(TEXT, { object: 'TaskRun other/run', field: 'spec', message: 'x' }, 'input.yaml')).toBeUndefined();
    expect(locateError(TEXT, { object: 'Pod default/run-pod-abcdef', field: 'spec', message: 'x' }, 'input.yaml')).toBeUndefined();
  });

  test('by document number, and inside a List', () => {
    expect(at(TEXT, locateError(TEXT, { object: 'input.yaml, document 2', field: 'kind', message: 'x' }, 'input.yaml'))).toBe('TaskRun');
    const list = 'kind: List\nitems:\n- kind: Task\n  metadata: {name: t}\n- kind: TaskRun\n  metadata: {name: r}\n  spec: 7\n';
    expect(at(list, locateError(list, { object: 'TaskRun (input.yaml, items[1])', field: 'spec', message: 'x' }, 'input.yaml'))).toBe('7');
    expect(at(list, locateError(list, { object: 'TaskRun default/r', field: 'spec', message: 'x' }, 'input.yaml'))).toBe('7');
  });

  test('a YAML syntax error: its line and column, to the end of the line', () => {
    const text = 'a: 1\nb: [x,\n  c: }\n';
    const out = renderTexts(text, '', DEFAULT_OPTIONS);
    if (E.isRight(out)) throw new Error('expected a syntax error');
    const r = locateError(text, out.left.error, 'input.yaml');
    expect(formatError(out.left.error)).toMatch(/\(line (\d+), column (\d+)\)/);
    const [, line, column] = /\(line (\d+), column (\d+)\)/.exec(out.left.error.message)!;
    const lineStart = text.split('\n').slice(0, Number(line) - 1).join('\n').length + 1;
    expect(r?.from).toBe(lineStart + Number(column) - 1);
  });

  test('a config decode error points into the config text', () => {
    const config = 'images:\n  nop: x\nimageEntrypoints:\n  ubuntu: 3\n';
    const out = renderTexts(TEXT, config, DEFAULT_OPTIONS);
    if (E.isRight(out)) throw new Error('expected a config error');
    expect(out.left.source).toBe('config');
    expect(at(config, locateError(config, out.left.error, 'config.yaml'))).toBe('3');
  });

  test('every error of a broken render that names a field of the input is found there', () => {
    const broken = TEXT.replace('      image: ubuntu\n', '');
    const out = renderTexts(broken, '', DEFAULT_OPTIONS);
    if (E.isRight(out)) throw new Error('expected an error');
    expect(out.left.error.field).toBe('spec.taskSpec.steps[0].image');
    expect(at(broken, locateError(broken, out.left.error, 'input.yaml'))).toBe('name: a');
  });
});
