/**
 * input/yaml.ts: reading YAML as Kubernetes did. kubectl turned YAML into
 * JSON with sigs.k8s.io/yaml over go-yaml v2, a YAML 1.1 reader: `yes`,
 * `on`, `y` are booleans, `0755` is octal, but go-yaml v2 reads neither
 * sexagesimal numbers (`12:30`) nor, into a plain value, timestamps
 * (`2019-10-30` stays a string: decode.go keeps timestamp-looking scalars
 * as strings "for backward compatibility"). Plus taskpod's limits on size
 * and alias expansion.
 */
import * as E from 'fp-ts/Either';
import { parseDocuments } from '../../src/input/yaml';

const parse = (text: string) => {
  const r = parseDocuments(text, 'input.yaml');
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};
const value = (scalar: string) => (parse(`v: ${scalar}\n`)[0] as { v: unknown }).v;

describe('documents', () => {
  it('reads every document of a stream, an empty one as null', () => {
    expect(parse('a: 1\n---\n---\nb: [x]\n')).toEqual([{ a: 1 }, null, { b: ['x'] }]);
  });

  it('reads JSON', () => {
    expect(parse('{"kind": "Task", "spec": {"steps": []}}')).toEqual([{ kind: 'Task', spec: { steps: [] } }]);
  });

  it('expands aliases and merge keys', () => {
    expect(parse('base: &b {image: ubuntu}\nstep:\n  <<: *b\n  name: s\nagain: *b\n')).toEqual([{ base: { image: 'ubuntu' }, step: { image: 'ubuntu', name: 's' }, again: { image: 'ubuntu' } }]);
  });

  it('keeps the last of duplicate keys, as go-yaml v2 did', () => {
    expect(parse('a: 1\na: 2\n')).toEqual([{ a: 2 }]);
  });
});

describe('YAML 1.1 scalars, as go-yaml v2 resolved them', () => {
  it.each([
    ['yes', true],
    ['Yes', true],
    ['on', true],
    ['ON', true],
    ['y', true],
    ['true', true],
    ['no', false],
    ['off', false],
    ['n', false],
    ['False', false],
  ])('%s is a boolean', (scalar, want) => {
    expect(value(scalar)).toBe(want);
  });

  it.each([
    ['0755', 493],
    ['0x1F', 31],
    ['1_000', 1000],
    ['-12', -12],
    ['1.5', 1.5],
    ['1e+3', 1000],
  ])('%s is a number', (scalar, want) => {
    expect(value(scalar)).toBe(want);
  });

  it.each(['~', 'null', ''])('%j is null', (scalar) => {
    expect(value(scalar)).toBeNull();
  });

  it.each(['12:30', '1:20:00', '190:20:30.15'])('%s is a string: go-yaml v2 had no sexagesimal numbers', (scalar) => {
    expect(value(scalar)).toBe(scalar);
  });

  it.each(['2019-10-30', '2019-10-30T12:00:00Z', '2001-12-14 21:59:43.10 -5'])('%s is a string: go-yaml v2 kept timestamps as strings', (scalar) => {
    expect(value(scalar)).toBe(scalar);
  });

  it.each(['"yes"', "'on'", '"0755"', '"12:30"'])('a quoted %s is a string', (scalar) => {
    expect(value(scalar)).toBe(scalar.slice(1, -1));
  });
});

describe('errors', () => {
  it('a syntax error names the file and the line', () => {
    expect(parseDocuments('kind: TaskRun\nspec: [unclosed\n', 'input.yaml')).toEqual(
      E.left({ _tag: 'InvalidInput', object: 'input.yaml', field: '', message: expect.stringMatching(/^not valid YAML \(line \d+, column \d+\): /) }),
    );
  });

  it('names the document of a stream it is in', () => {
    const r = parseDocuments('a: 1\n---\nb: [\n', 'in.yaml');
    expect(E.isLeft(r) && r.left.object).toBe('in.yaml, document 2');
  });

  it('refuses a text over the size limit, saying how to raise it', () => {
    const r = parseDocuments('a: 123456789\n', 'big.yaml', { maxBytes: 10, maxAliases: 100 });
    expect(r).toEqual(E.left({ _tag: 'InvalidInput', object: 'big.yaml', field: '', message: expect.stringMatching(/13 bytes, over the limit of 10.*--max-input-bytes/) }));
  });

  it('counts the limit in UTF-8 bytes', () => {
    expect(E.isLeft(parseDocuments('a: ééééé\n', 'x', { maxBytes: 10, maxAliases: 100 }))).toBe(true);
    expect(E.isRight(parseDocuments('a: eeeee\n', 'x', { maxBytes: 10, maxAliases: 100 }))).toBe(true);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [i, prev] of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].entries()) {
      const name = String.fromCharCode('b'.charCodeAt(0) + i);
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = Date.now();
    const r = parseDocuments(`${bomb.join('\n')}\n`, 'bomb.yaml');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r).toEqual(E.left({ _tag: 'InvalidInput', object: 'bomb.yaml', field: '', message: expect.stringMatching(/--max-aliases/) }));
  });

  it('allows aliases within the limit', () => {
    expect(E.isRight(parseDocuments('a: &a [1]\nb: [*a, *a, *a]\n', 'x', { maxBytes: 1000, maxAliases: 3 }))).toBe(true);
  });
});
