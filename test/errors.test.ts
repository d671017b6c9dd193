/**
 * errors.ts: the one error type, its constructors, its fold, its one-line
 * format (`object: field: message`, control characters escaped) and object
 * labels (`Kind namespace/name`). Expectations follow the TSDoc of each
 * export.
 */
import {
  escapeControls,
  foldError,
  formatError,
  invalid,
  invalidConfig,
  invalidInput,
  objectLabel,
  refused,
  TaskpodError,
  unresolved,
} from '../src/errors';

describe('constructors', () => {
  it('each tags its error and keeps object, field and message', () => {
    expect([invalidInput, invalid, unresolved, refused, invalidConfig].map((f) => f('O', 'f', 'm'))).toStrictEqual([
      { _tag: 'InvalidInput', object: 'O', field: 'f', message: 'm' },
      { _tag: 'Invalid', object: 'O', field: 'f', message: 'm' },
      { _tag: 'Unresolved', object: 'O', field: 'f', message: 'm' },
      { _tag: 'Refused', object: 'O', field: 'f', message: 'm' },
      { _tag: 'InvalidConfig', object: 'O', field: 'f', message: 'm' },
    ]);
  });
});

describe('foldError', () => {
  const describeIt = foldError<string>({
    InvalidInput: (e) => `input ${e.object}`,
    Invalid: (e) => `invalid ${e.field}`,
    Unresolved: (e) => `unresolved ${e.message}`,
    Refused: () => 'refused',
    InvalidConfig: () => 'config',
  });

  it('calls the case of the error tag, with the error', () => {
    expect([
      describeIt(invalidInput('input.yaml', '', 'x')),
      describeIt(invalid('Task ns/t', 'spec.steps', 'x')),
      describeIt(unresolved('TaskRun ns/r', 'spec.taskRef.name', 'Task "t" not found')),
      describeIt(refused('TaskRun ns/r', 'spec.status', 'x')),
      describeIt(invalidConfig('config c', 'images', 'x')),
    ]).toEqual(['input input.yaml', 'invalid spec.steps', 'unresolved Task "t" not found', 'refused', 'config']);
  });

  it('the exit codes of the TSDoc example', () => {
    const exitCode = foldError({ InvalidInput: () => 2, Invalid: () => 1, Unresolved: () => 1, Refused: () => 1, InvalidConfig: () => 2 });
    const errors: TaskpodError[] = [invalidInput('a', '', 'm'), invalid('a', 'f', 'm'), unresolved('a', 'f', 'm'), refused('a', 'f', 'm'), invalidConfig('a', 'f', 'm')];
    expect(errors.map(exitCode)).toEqual([2, 1, 1, 1, 2]);
  });
});

describe('formatError', () => {
  it('object: field: message (the TSDoc example)', () => {
    expect(formatError(invalid('TaskRun default/run', 'spec.taskSpec.steps[0].image', 'missing field'))).toBe('TaskRun default/run: spec.taskSpec.steps[0].image: missing field');
  });

  it('leaves out an empty field (the object as a whole is at fault)', () => {
    expect(formatError(invalidInput('input', '', 'no TaskRun found'))).toBe('input: no TaskRun found');
  });

  it('leaves out every empty part', () => {
    expect(formatError(invalidInput('', '', 'm'))).toBe('m');
    expect(formatError(invalidInput('o', 'f', ''))).toBe('o: f');
  });

  it('keeps the line on one line: control characters in any part are escaped', () => {
    expect(formatError(invalid('Task ns/a\nb', 'spec.steps[0].name', 'invalid name "x\r\ny"'))).toBe('Task ns/a\\nb: spec.steps[0].name: invalid name "x\\r\\ny"');
  });
});

describe('escapeControls', () => {
  it('line feed, carriage return and tab by their usual escapes (the TSDoc example)', () => {
    expect(escapeControls('bad\nname')).toBe('bad\\nname');
    expect(escapeControls('a\rb\tc')).toBe('a\\rb\\tc');
  });

  it('other C0 and C1 controls, DEL and the Unicode line separators as \\u plus four hex digits', () => {
    expect(escapeControls('\u0000|\u0001|\u001b[31m|\u001f|\u007f|\u0085|\u009f|\u2028|\u2029')).toBe(
      '\\u0000|\\u0001|\\u001b[31m|\\u001f|\\u007f|\\u0085|\\u009f|\\u2028|\\u2029',
    );
  });

  it('leaves printable text alone, non-ASCII included', () => {
    expect(escapeControls('Task ns/build: "é ü 日本" \\n $(x)')).toBe('Task ns/build: "é ü 日本" \\n $(x)');
  });
});

describe('objectLabel', () => {
  it('Kind namespace/name (the TSDoc example)', () => {
    expect(objectLabel('Task', 'default', 'build')).toBe('Task default/build');
  });

  it('no namespace part for a cluster-scoped object (namespace undefined or empty)', () => {
    expect(objectLabel('ClusterTask', undefined, 'ct')).toBe('ClusterTask ct');
    expect(objectLabel('ClusterTask', '', 'ct')).toBe('ClusterTask ct');
  });

  it('(unnamed) for a missing or empty name', () => {
    expect(objectLabel('TaskRun', 'ns', undefined)).toBe('TaskRun ns/(unnamed)');
    expect(objectLabel('TaskRun', 'ns', '')).toBe('TaskRun ns/(unnamed)');
    expect(objectLabel('TaskRun', undefined, undefined)).toBe('TaskRun (unnamed)');
  });
});
