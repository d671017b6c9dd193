/**
 * admission/request-uri.ts: Go's url.ParseRequestURI, which Tekton's
 * webhook applied to a cluster PipelineResource's `url` param
 * (pipelineresource_validation.go, validateURL). Cases from Go's
 * net/url tests (url_test.go: parseRequestURLTests, and the
 * TestParseErrors table where ParseRequestURI agrees with Parse or where
 * its answer was checked with Go), each with the reason Go gave. A one-off
 * differential run against Go 1.19's net/url (ParseRequestURI unchanged
 * since 1.13) over 60,000 generated strings found no difference.
 */
import { requestUriProblem } from '../../src/admission/request-uri';

describe("Go's parseRequestURLTests", () => {
  it.each([
    'http://foo.com',
    'http://foo.com/',
    'http://foo.com/path',
    '/',
    '//not.a.user@not.a.host/just/a/path',
    '//not.a.user@%66%6f%6f.com/just/a/path/also',
    '*',
    'http://192.168.0.1/',
    'http://192.168.0.1:8080/',
    'http://[fe80::1]/',
    'http://[fe80::1]:8080/',
    // RFC 6874 zone identifiers
    'http://[fe80::1%25en0]/',
    'http://[fe80::1%25en0]:8080/',
    'http://[fe80::1%25%65%6e%301-._~]/',
    'http://[fe80::1%25%65%6e%301-._~]:8080/',
  ])('accepts %j', (raw) => {
    expect(requestUriProblem(raw)).toBeUndefined();
  });

  it.each([
    ['foo.html', 'invalid URI for request'],
    ['../dir/', 'invalid URI for request'],
    [' http://foo.com', 'invalid URI for request'],
    ['http://192.168.0.%31/', 'invalid URL escape "%31"'],
    ['http://192.168.0.%31:8080/', 'invalid URL escape "%31"'],
    ['http://[fe80::%31]/', 'invalid URL escape "%31"'],
    ['http://[fe80::%31]:8080/', 'invalid URL escape "%31"'],
    ['http://[fe80::%31%25en0]/', 'invalid URL escape "%31"'],
    ['http://[fe80::%31%25en0]:8080/', 'invalid URL escape "%31"'],
    // RFC 4007 text forms, not RFC 6874 URI literals
    ['http://[fe80::1%en0]/', 'invalid URL escape "%en"'],
    ['http://[fe80::1%en0]:8080/', 'invalid URL escape "%en"'],
  ])('refuses %j: %s', (raw, why) => {
    expect(requestUriProblem(raw)).toBe(why);
  });
});

describe("Go's TestParseErrors, as ParseRequestURI answers", () => {
  it.each([
    'http://[::1]',
    'http://[::1]:80',
    'http://[::1]/',
    'http://[::1%25en0]',
    'http://[::1]:',
    'http://x:',
    'http://[::1%25%41]',
    'http://[::1]/%48',
    'ahttp://foo.com',
  ])('accepts %j', (raw) => {
    expect(requestUriProblem(raw)).toBeUndefined();
  });

  it.each([
    ['http://[::1]:namedport', 'invalid port ":namedport" after host'],
    ['http://x:namedport', 'invalid port ":namedport" after host'],
    ['http://[::1]a', 'invalid port "a" after host'],
    ['http://[::1]%23', 'invalid port "%23" after host'],
    ['http://[::1]:%38%30', 'invalid port ":%38%30" after host'],
    ['http://[%10::1]', 'invalid URL escape "%10"'],
    ['http://%41:8080/', 'invalid URL escape "%41"'],
    ['mysql://x@y(z:123)/foo', 'invalid port ":123)" after host'],
    ['mysql://x@y(1.2.3.4:123)/foo', 'invalid port ":123)" after host'],
    ['ht tp://foo.com', 'invalid URI for request'],
    ['1http://foo.com', 'invalid URI for request'],
    ['http://[]%20%48%54%54%50%2f/', 'invalid port "%20%48%54%54%50%2f" after host'],
    ['http://a b.com/', 'invalid character " " in host name'],
    // Parse reads these as relative references; a request URI cannot be one.
    ['cache_object://foo', 'invalid URI for request'],
    ['cache_object:foo', 'invalid URI for request'],
    ['cache_object:foo/bar', 'invalid URI for request'],
    ['cache_object/:foo/bar', 'invalid URI for request'],
  ])('refuses %j: %s', (raw, why) => {
    expect(requestUriProblem(raw)).toBe(why);
  });
});

describe('the rest of the rule (answers checked with Go)', () => {
  it.each([
    ['a path with a blank or a "#" (no fragment is split off)', 'http://foo.com/a b'],
    ['"#" in a path', 'http://foo.com/a#b'],
    ['an opaque rest after a scheme is not checked', 'mailto:a b'],
    ['host:port reads as a scheme and an opaque rest', 'localhost:6443'],
    ['a scheme alone', 'http:'],
    ['the query is not checked', 'http://host/a?%zz'],
    ['several "?"', 'http://host?a?b'],
    ['a lone trailing "?"', '/?'],
    ['non-ASCII in the host', 'http://\u00e9.com/'],
    ['escaped non-ASCII in the host', 'http://%c3%a9.com/'],
    ['the userinfo ends at the last "@"', 'http://user:p@ss@host/'],
    ['the port is what follows the last ":"', 'http://host:6443:6443/'],
  ])('accepts %s', (_name, raw) => {
    expect(requestUriProblem(raw)).toBeUndefined();
  });

  it.each([
    ['a "#" in the host', 'http://foo.com#b', 'invalid character "#" in host name'],
    ['a backslash in the host', 'http://host\\x/', 'invalid character "\\\\" in host name'],
    ['a bad escape in the path', 'http://host/a%zz', 'invalid URL escape "%zz"'],
    ['a cut-off escape', 'http://host/%2', 'invalid URL escape "%2"'],
    ['a blank in the userinfo', 'http://us er@host/', 'net/url: invalid userinfo'],
    ['a bad escape in the userinfo', 'http://u%zz@host/', 'invalid URL escape "%zz"'],
    ['an unclosed IPv6 literal', 'http://[fe80::1', "missing ']' in host"],
    ['no scheme, not a path', '10.10.10', 'invalid URI for request'],
    ['a colon first', ':6443', 'missing protocol scheme'],
    ['a tab', 'http://10.10.10.10/a\tb', 'net/url: invalid control character in URL'],
    ['DEL', 'http://ex\u007fample.com', 'net/url: invalid control character in URL'],
    ['nothing', '', 'empty url'],
  ])('refuses %s', (_name, raw, why) => {
    expect(requestUriProblem(raw)).toBe(why);
  });
});
