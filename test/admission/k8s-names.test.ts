/**
 * Kubernetes' name rules as vendored at 6c132b937e
 * (k8s.io/apimachinery/pkg/util/validation): the problems listed, in
 * IsQualifiedName's order, in RegexError's words. RegexError wrote each
 * example as `'x', ` and joined them with ` or `, so two spaces come before
 * each "or".
 */
import { dns1123SubdomainProblems, labelValueProblems, qualifiedNameProblems } from '../../src/admission/k8s-names';

const QUALIFIED_TEXT =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('qualifiedNameProblems', () => {
  test('names that pass', () => {
    expect(qualifiedNameProblems('build-web')).toEqual([]);
    expect(qualifiedNameProblems('My_Name.v2')).toEqual([]);
    expect(qualifiedNameProblems('example.com/MyName')).toEqual([]);
  });

  test('a name that starts with an underscore', () => {
    expect(qualifiedNameProblems('_foo')).toEqual([`name part ${QUALIFIED_TEXT}`]);
  });

  test('an empty name: both problems, in order', () => {
    expect(qualifiedNameProblems('')).toEqual(['name part must be non-empty', `name part ${QUALIFIED_TEXT}`]);
  });

  test('64 characters', () => {
    expect(qualifiedNameProblems('a'.repeat(64))).toEqual(['name part must be no more than 63 characters']);
  });

  test('an empty or bad prefix', () => {
    expect(qualifiedNameProblems('/x')).toEqual(['prefix part must be non-empty']);
    expect(qualifiedNameProblems('Example.com/x')).toEqual([
      "prefix part a DNS-1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });

  test('more than one slash', () => {
    expect(qualifiedNameProblems('a/b/c')).toEqual([`a qualified name ${QUALIFIED_TEXT} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`]);
  });
});

describe('dns1123SubdomainProblems and labelValueProblems', () => {
  test('one example: no "or"', () => {
    expect(dns1123SubdomainProblems('build.v1')).toEqual([]);
    expect(dns1123SubdomainProblems('a'.repeat(254))).toEqual(['must be no more than 253 characters']);
  });

  test('a label value with three examples', () => {
    expect(labelValueProblems('my_value')).toEqual([]);
    expect(labelValueProblems('a/b')).toEqual([
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });
});
