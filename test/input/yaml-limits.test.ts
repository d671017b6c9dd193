/**
 * input/yaml.ts: the limits README documents ("Input is capped at 16 MiB of
 * text (`--max-input-bytes N`) and 100 YAML aliases per document
 * (`--max-aliases N`): larger input is refused, not expanded"), and how a
 * refusal reads.
 */
import * as E from 'fp-ts/Either';
import { DEFAULT_LIMITS, parseDocuments } from '../../src/input/yaml';

const aliases = (n: number) => `a: &a x\nb: [${Array(n).fill('*a').join(', ')}]\n`;
const messageOf = (r: ReturnType<typeof parseDocuments>) => (E.isLeft(r) ? r.left.message : undefined);

describe('size limit', () => {
  it('is 16 MiB by default, and 100 aliases', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxBytes: 16 * 1024 * 1024, maxAliases: 100 });
  });

  it('takes a text of exactly the limit, refuses one byte more', () => {
    expect(parseDocuments('a: 1\n', 'x.yaml', { maxBytes: 5, maxAliases: 0 })).toStrictEqual(E.right([{ a: 1 }]));
    expect(parseDocuments('a: 1\n', 'x.yaml', { maxBytes: 4, maxAliases: 0 })).toStrictEqual(
      E.left({ _tag: 'InvalidInput', object: 'x.yaml', field: '', message: 'input is 5 bytes, over the limit of 4 (raise it with --max-input-bytes)' }),
    );
  });
});

describe('alias limit', () => {
  it('takes 100 aliases in a document by default, refuses 101, saying how many and how to raise it', () => {
    expect(E.isRight(parseDocuments(aliases(100), 'x.yaml'))).toBe(true);
    expect(parseDocuments(aliases(101), 'x.yaml')).toStrictEqual(
      E.left({ _tag: 'InvalidInput', object: 'x.yaml', field: '', message: 'has 101 YAML aliases, over the limit of 100 (raise the limit with --max-aliases)' }),
    );
  });

  it('counts the alias nodes written, even when expanding them would fit', () => {
    const limits = { maxBytes: 1000, maxAliases: 3 };
    expect(parseDocuments(aliases(3), 'x.yaml', limits)).toStrictEqual(E.right([{ a: 'x', b: ['x', 'x', 'x'] }]));
    expect(messageOf(parseDocuments(aliases(4), 'x.yaml', limits))).toBe('has 4 YAML aliases, over the limit of 3 (raise the limit with --max-aliases)');
  });

  it('is per document, and names the document that is over it', () => {
    const limits = { maxBytes: 1000, maxAliases: 3 };
    expect(E.isRight(parseDocuments(`${aliases(3)}---\n${aliases(3)}`, 'x.yaml', limits))).toBe(true);
    const r = parseDocuments(`${aliases(3)}---\n${aliases(4)}`, 'x.yaml', limits);
    expect(E.isLeft(r) && [r.left.object, r.left.message]).toEqual(['x.yaml, document 2', 'has 4 YAML aliases, over the limit of 3 (raise the limit with --max-aliases)']);
  });

  it('refuses an alias to the node that contains it, as yaml.v2 did', () => {
    // yaml.v2: "anchor 'a' value contains itself"
    expect(messageOf(parseDocuments('a: &a [*a]\n', 'x.yaml'))).toMatch(/^could not be read: an alias refers to a node that contains it/);
  });
});

describe('refusals', () => {
  it('a syntax error gives its position once, and the first line of the reason', () => {
    // yaml.v2: "yaml: line 2: mapping values are not allowed in this context"
    const message = messageOf(parseDocuments('a: 1\nb: c: d\n', 'x.yaml'));
    expect(message).toMatch(/^not valid YAML \(line 2, column \d+\): [^\n]*[a-z][^\n]*$/);
    expect(message).not.toMatch(/ at line /);
  });

  it('no document at all is no value', () => {
    expect(parseDocuments('', 'x.yaml')).toStrictEqual(E.right([]));
    expect(parseDocuments('# nothing here\n', 'x.yaml')).toStrictEqual(E.right([]));
  });

  // yaml.v2 refused a sequence or a mapping as a map key ("invalid map
  // key"), so Tekton never read such a document; one with a 64-bit integer
  // in it used to make taskpod's JSON writer throw.
  it.each([
    ['? [9223372036854775807]\n: x\n', 'sequence'],
    ['? [a, b]\n: x\n', 'sequence'],
    ['? {a: 1}\n: x\n', 'mapping'],
    ['spec:\n  ? {a: [1]}\n  : x\n', 'mapping'],
  ])('a collection as a map key is refused, not thrown: %j', (text, kind) => {
    expect(parseDocuments(text, 'x.yaml')).toStrictEqual(
      E.left({ _tag: 'InvalidInput', object: 'x.yaml', field: '', message: `could not be read: invalid map key: a ${kind} (YAML keys must be scalars for Tekton's reader, yaml.v2)` }),
    );
  });

  it('scalar keys of every kind become strings as sigs.k8s.io/yaml wrote them', () => {
    expect(parseDocuments('1: a\n9223372036854775807: b\ntrue: c\n~: d\n1.5: e\n', 'x.yaml')).toStrictEqual(
      E.right([{ '1': 'a', '9223372036854775807': 'b', true: 'c', null: 'd', '1.5': 'e' }]),
    );
  });
});
