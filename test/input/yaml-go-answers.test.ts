/**
 * Documents whose reading sigs.k8s.io/yaml's YAMLToJSON (yaml.v2 as vendored
 * by Tekton at 6c132b937e) answered, and its answers verbatim: the JSON it
 * produced, or its error. scripts/yaml-differential/ reruns the comparison
 * over thousands of generated documents; these are the corners its first
 * runs found or that mutation testing showed untested: a leading `_`
 * (never a number), integer keys (never float-formatted), tags that do
 * not resolve, base64 padding, quoted and tagged merge keys, alias and
 * empty keys, base prefixes in capitals.
 */
import * as E from 'fp-ts/Either';
import { parseDocuments, parseFull } from '../../src/input/yaml';

const GO: readonly (readonly [string, unknown])[] = [
  ["v: _1\n", {"v":"_1"}],
  ["v: _0x1\n", {"v":"_0x1"}],
  ["_1: x\n", {"_1":"x"}],
  ["1000000: x\n", {"1000000":"x"}],
  ["12345678: x\n", {"12345678":"x"}],
  ["-16777217: x\n", {"-16777217":"x"}],
  ["v: !!intx 1\n", {"v":"1"}],
  ["v: !<x-tag:yaml.org,2002:int> 1\n", {"v":"1"}],
  ["v: !<tag:yaml.org,2002:int> 1\n", {"v":1}],
  ["v: !!float abc\n", {"error":"yaml: cannot decode !!str `abc` as a !!float"}],
  ["v: !!float \"1\"\n", {"v":1}],
  ["v: !!int '0x1F'\n", {"v":31}],
  ["v: !!binary aGVsbG8gd29ybGQ=\n", {"v":"hello world"}],
  ["v: !!binary aGk=\n", {"v":"hi"}],
  ["v: !!binary aA==\n", {"v":"h"}],
  ["v: !!binary aGVs\n", {"v":"hel"}],
  ["v: !!binary YWJja==\n", {"error":"yaml: !!binary value contains invalid base64 data"}],
  ["v: !!binary a==\n", {"error":"yaml: !!binary value contains invalid base64 data"}],
  ["v: !!binary aGVsbA\n", {"error":"yaml: !!binary value contains invalid base64 data"}],
  ["b: {!!merge \"<<\": {x: 1}}\n", {"b":{"x":1}}],
  ["b: {'<<': {x: 1}}\n", {"b":{"\u003c\u003c":{"x":1}}}],
  ["a: &k kk\nb: {*k : 1}\n", {"a":"kk","b":{"kk":1}}],
  ["a: &k 1.5\nb: {*k : 1}\n", {"a":1.5,"b":{"1.5":1}}],
  ["b: {? : 1}\n", {"error":"Unsupported map key of type: %!s(<nil>), key: <nil>, value: 1"}],
  ["b: {? !!str : 1}\n", {"b":{"":1}}],
  ["v: 0X1F\n", {"v":31}],
  ["v: 0B11\n", {"v":3}],
  ["v: 0O17\n", {"v":15}],
  ["v: -0x1F\n", {"v":-31}],
  ["v: +017\n", {"v":15}],
  ["v: 08\n", {"v":8}],
  ["v: -0\n", {"v":0}],
  ["v: !!str\n", {"v":""}],
  ["v:\n", {"v":null}],
  ["v: [a, , b]\n", {"error":"yaml: did not find expected node content"}],
];

describe('YAML read as sigs.k8s.io/yaml read it', () => {
  it.each(GO)('%j', (text, answer) => {
    const r = parseDocuments(text, 'x.yaml');
    if (answer !== null && typeof answer === 'object' && 'error' in answer) {
      expect(E.isLeft(r)).toBe(true);
      // taskpod's message drops Go's "yaml: " prefix and, for its own
      // refusals, words them its own way; the cause is the same.
      const go = String((answer as { error: string }).error).replace(/^yaml: /, '');
      if (E.isLeft(r) && !go.startsWith('Unsupported map key') && !go.startsWith('did not find')) expect(r.left.message).toContain(go);
    } else {
      expect(r).toStrictEqual(E.right([answer]));
    }
  });
});

// A `-` right before `,`, `]` or `}` inside a flow collection: go-yaml v2
// started a plain scalar at any `-` not followed by a blank, so it read "-";
// the `yaml` package refuses it. Answers from yamlres, verbatim. Both
// readers are checked: the fast path answers these itself.
const FLOW_DASH: readonly (readonly [string, unknown])[] = [
  ["v: [kubectl, apply, -f, -]\n", {"v":["kubectl","apply","-f","-"]}],
  ["v: [a, -,b]\n", {"v":["a","-","b"]}],
  ["v: [a, -]\n", {"v":["a","-"]}],
  ["v: {a: -}\n", {"v":{"a":"-"}}],
  ["v: [-x, -]\n", {"v":["-x","-"]}],
  ["v: [-,]\n", {"v":["-"]}],
  ["v: {-, a}\n", {"v":{"-":null,"a":null}}],
  ["v: [[-], {x: -}]\n", {"v":[["-"],{"x":"-"}]}],
  ["v: [-: a]\n", {"v":[{"-":"a"}]}],
  ["v: {-: -}\n", {"v":{"-":"-"}}],
  ["v: [a,\n  -,\n  b]\n", {"v":["a","-","b"]}],
  ["v: [\"x\", -, '-']\n", {"v":["x","-","-"]}],
  ["v: [a, -#c]\n", {"v":["a","-#c"]}],
  ["v: [a, - ,b]\n", {"error":"yaml: did not find expected node content"}],
  ["v: [-\n, b]\n", {"error":"yaml: did not find expected node content"}],
  ["v: [a, -]\nw: - \n", {"error":"yaml: line 2: block sequence entries are not allowed in this context"}],
  ["v: [a, -[b]]\n", {"error":"yaml: did not find expected ',' or ']'"}],
];

/**
 * Both readers (the fast path and the full one) give Go's answer: its value,
 * or a refusal, in go-yaml's words when `words` is set (where go-flow.ts
 * makes the refusal; the `yaml` package words its own).
 */
function expectGoAnswer(text: string, answer: unknown, words: boolean): void {
  for (const r of [parseDocuments(text, 'x.yaml'), parseFull(text, 'x.yaml')]) {
    if (answer !== null && typeof answer === 'object' && 'error' in answer) {
      const go = String((answer as { error: string }).error).replace(/^yaml: /, '');
      expect(E.isLeft(r)).toBe(true);
      // sigs.k8s.io/yaml's refusal of a null key comes later, in its own words.
      if (words && E.isLeft(r) && !go.startsWith('Unsupported map key')) expect(r.left.message).toContain(go);
    } else {
      expect(r).toStrictEqual(E.right([answer]));
    }
  }
}

describe('a dash before a flow indicator, read as go-yaml v2 read it', () => {
  it.each(FLOW_DASH)('%j', (text, answer) => expectGoAnswer(text, answer, false));

  it('keeps the error position of a later mistake, and a text that already holds the stand-in character', () => {
    // The same mistake, with and without a dash before it: the same error, at the same place.
    const dash = parseFull('v: [a, -]\nw: {b: [c}\n', 'x.yaml');
    const word = parseFull('v: [a, x]\nw: {b: [c}\n', 'x.yaml');
    expect(E.isLeft(word) && word.left.message).toMatch(/^not valid YAML \(line 2, column \d+\)/);
    expect(dash).toStrictEqual(word);
    expect(parseFull('v: [\ue000, -]\n', 'x.yaml')).toStrictEqual(E.right([{ v: ['\ue000', '-'] }]));
  });
});

// `?` and `:` in flow collections, where the `yaml` package's scanner and
// go-yaml v2's part (src/input/go-flow.ts): explicit keys written without a
// space, `?` inside a plain scalar, `:` kept in a scalar before an
// indicator, `:` with no key before it. Answers from yamlres, verbatim.
const FLOW_MARKS: readonly (readonly [string, unknown])[] = [
  ["v: [?x]\n", {"v":[{"x":null}]}],
  ["v: [?x: y]\n", {"v":[{"x":true}]}],
  ["v: {?x: y}\n", {"v":{"x":true}}],
  ["v: {?x}\n", {"v":{"x":null}}],
  ["v: [?\"q\"]\n", {"v":[{"q":null}]}],
  ["v: [?-x]\n", {"v":[{"-x":null}]}],
  ["v: [?-]\n", {"v":[{"-":null}]}],
  ["v: [?x, ?y]\n", {"v":[{"x":null},{"true":null}]}],
  ["v: [?x:y]\n", {"v":[{"x:y":null}]}],
  ["v: [?x y]\n", {"v":[{"x y":null}]}],
  ["v: [ ?x ]\n", {"v":[{"x":null}]}],
  ["v: {a: [?x]}\n", {"v":{"a":[{"x":null}]}}],
  ["v: [b:]\n", {"v":["b:"]}],
  ["v: [a, b:]\n", {"v":["a","b:"]}],
  ["v: {a:}\n", {"v":{"a:":null}}],
  ["v: [-:]\n", {"v":["-:"]}],
  ["v: [-: a]\n", {"v":[{"-":"a"}]}],
  ["v: [a:x]\n", {"v":["a:x"]}],
  ["v: {a::b}\n", {"v":{"a::b":null}}],
  ["v: [http://h?q=1]\n", {"error":"yaml: did not find expected ',' or ']'"}],
  ["v: [a?]\n", {"error":"yaml: did not find expected ',' or ']'"}],
  ["v: {a?b: c}\n", {"error":"yaml: did not find expected ',' or '}'"}],
  ["v: {a: b?c}\n", {"error":"yaml: did not find expected ',' or '}'"}],
  ["v: [??x]\n", {"error":"yaml: did not find expected node content"}],
  ["v: [?:x]\n", {"error":"yaml: did not find expected ',' or ']'"}],
  ["v: {a: ?x}\n", {"error":"yaml: did not find expected node content"}],
  ["v: [:x]\n", {"error":"yaml: did not find expected node content"}],
  ["v: [a, :x]\n", {"error":"yaml: did not find expected node content"}],
  ["v: [: x]\n", {"error":"yaml: did not find expected node content"}],
  ["v: {a: :}\n", {"error":"yaml: did not find expected node content"}],
  ["v: [\"a\"::]\n", {"error":"yaml: did not find expected node content"}],
  ["v: [&a : x]\n", {"error":"Unsupported map key of type: %!s(<nil>), key: <nil>, value: \"x\""}],
  ["v: [a:[x]]\n", {"error":"yaml: did not find expected ',' or ']'"}],
];

describe('question marks and colons in flow collections, read as go-yaml v2 read them', () => {
  it.each(FLOW_MARKS)('%j', (text, answer) => expectGoAnswer(text, answer, true));

  it('gives positions in the text as written, after a space was put after a `?`', () => {
    // `?x` is read as `? x`; the refusal in `a?b` is still at column 10.
    expect(parseFull('v: [?x, a?b]\n', 'x.yaml')).toStrictEqual(parseFull('v: [xx, a?b]\n', 'x.yaml'));
    const r = parseFull('v: [?x, a?b]\n', 'x.yaml');
    expect(E.isLeft(r) && r.left.message).toBe("not valid YAML (line 1, column 10): did not find expected ',' or ']'");
    // A mistake the yaml package finds, on a later line: the same position with or without the key.
    expect(parseFull('v: [?x, ?y]\nw: {b: [c}\n', 'x.yaml')).toStrictEqual(parseFull('v: [xxx, y]\nw: {b: [c}\n', 'x.yaml'));
  });

  it('reports the first mistake of the first document that has one', () => {
    const r = parseFull('a: [b?]\n---\nc: [:d]\n', 'x.yaml');
    expect(E.isLeft(r) && r.left).toMatchObject({ object: 'x.yaml, document 1', message: "not valid YAML (line 1, column 6): did not find expected ',' or ']'" });
    const s = parseFull('a: [b]\n---\nc: [:d] {\n', 'x.yaml');
    expect(E.isLeft(s) && s.left).toMatchObject({ object: 'x.yaml, document 2', message: 'not valid YAML (line 3, column 5): did not find expected node content' });
  });
});

// The lines a quoted scalar or a flow collection goes on to, indented no
// deeper than their parent (go-yaml never checked; src/input/go-flow.ts,
// rule 6), and aliases of anchors that are not there (yet). Answers from
// yamlres, verbatim; go-yaml's words are checked for the anchors.
const CONTINUED: readonly (readonly [string, unknown])[] = [
  ["a:\n  b: \"x\ny\"\n  c: 1\n", {"a":{"b":"x y","c":1}}],
  ["a: \"x\ny\"\n", {"a":"x y"}],
  ["a:\n  b: [x,\ny]\n  c: 1\n", {"a":{"b":["x",true],"c":1}}],
  ["a:\n  b: 'it''s\nmore'\n", {"a":{"b":"it's more"}}],
  ["a:\n  b: [x, \"p\nq\"]\n", {"a":{"b":["x","p q"]}}],
  ["- - \"x\ny\"\n", [["x y"]]],
  ["a:\n  b: {k: v,\nw: [1,\n2]}\n", {"a":{"b":{"k":"v","w":[1,2]}}}],
  ["a: \"x\n\n  y\n\"\n", {"a":"x\ny "}],
  ["a: \"x\n---\ny\"\n", {"error":"yaml: line 2: found unexpected document indicator"}],
  ["a: \"x\n...\"\n", {"a":"x ..."}],
  ["a: \"unterminated\nb: 1\n", {"error":"yaml: line 3: found unexpected end of stream"}],
  // The `yaml` package alone reads this one without an error, as b: 'x"'.
  ["a:\n  b: \"x\\\"\n  c: 1\n  d: \"y\"\n", {"error":"yaml: line 3: did not find expected key"}],
  ["a:\n  b: \"x\\\"\nc: 1\nd: \"y\n", {"error":"yaml: line 3: did not find expected key"}],
  ["a:\n  b: \"x\\\ny\"\n", {"a":{"b":"xy"}}],
  ["a: *x\n", {"error":"yaml: unknown anchor 'x' referenced"}],
  ["a: *x\nb: &x 1\n", {"error":"yaml: unknown anchor 'x' referenced"}],
  ["b:\n  <<: *nope\n", {"error":"yaml: unknown anchor 'nope' referenced"}],
  ["a: &x 1\nb: &x 2\nc: *x\n", {"a":1,"b":2,"c":2}],
];

describe('continuation lines and unknown anchors, read as go-yaml v2 read them', () => {
  it.each(CONTINUED)('%j', (text, answer) => expectGoAnswer(text, answer, JSON.stringify(answer).includes('anchor')));
});
