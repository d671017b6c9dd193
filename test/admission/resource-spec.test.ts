/**
 * admission/validate.ts validateResourceSpec: the webhook's
 * PipelineResourceSpec.Validate (pipelineresource_validation.go at
 * 6c132b937e). Cases from pipelineresource_validation_test.go
 * (TestResourceValidation_Invalid, TestClusterResourceValidation_Valid,
 * TestAllowedGCSStorageType), plus the branches those tables leave out, each
 * read off Tekton's code: params and secrets matched with strings.EqualFold,
 * `insecure` read with strconv.ParseBool, the URL checked with
 * url.ParseRequestURI, the storage type compared exactly.
 *
 * taskpod names fields by their real JSON path: Tekton's "URL" and
 * "spec.params.type" values are `spec.params[i].value`, its missing "name
 * param", "CAData param", "spec.params.location"... are `spec.params` (the
 * message names the param), and its swapped ErrInvalidValue("spec.type",
 * type) is the field `spec.type` with the type in the message.
 */
import * as E from 'fp-ts/Either';
import { validateResourceSpec, validateTaskRun } from '../../src/admission/validate';
import type { TaskpodError } from '../../src/errors';
import type { PipelineResourceSpec, ResourceParam, SecretParam } from '../../src/model/tekton';

const RES = 'PipelineResource foo/test-cluster-resource';
const validate = (spec: PipelineResourceSpec) => validateResourceSpec(spec, RES, 'spec');

function expectRefused(check: E.Either<TaskpodError, void>, field: string, message: string | RegExp, object = RES): void {
  if (E.isRight(check)) throw new Error('expected a refusal, got none');
  expect(check.left._tag).toBe('Invalid');
  expect(check.left.object).toBe(object);
  expect(check.left.field).toBe(field);
  if (typeof message === 'string') expect(check.left.message).toContain(message);
  else expect(check.left.message).toMatch(message);
}

/** A param; no value at all when `value` is left out (Go read it as ""). */
const p = (name: string, value?: string): ResourceParam => ({ name, ...(value !== undefined ? { value } : {}) });
const secret = (fieldName: string): SecretParam => ({ fieldName, secretKey: 'key', secretName: 'cluster-secret' });
const cluster = (params: ResourceParam[], secrets?: SecretParam[]): PipelineResourceSpec => ({ type: 'cluster', params, ...(secrets !== undefined ? { secrets } : {}) });
const storage = (...params: ResourceParam[]): PipelineResourceSpec => ({ type: 'storage', params });

/** ErrMissingField("username or CAData  or token param"): Tekton's text has two spaces before "or token". */
const MISSING_AUTH = /^missing field\(s\): username or CAData +or token param$/;
const MISSING_CADATA = 'missing field(s): CAData param';
/** An ErrInvalidValue of the empty string: nothing but blanks after "invalid value:". */
const EMPTY_VALUE = /^invalid value: (\s|$)/;

describe('cluster resources accepted (TestClusterResourceValidation_Valid)', () => {
  it.each<[string, PipelineResourceSpec]>([
    [
      'success validate',
      cluster([p('name', 'test_cluster_resource'), p('url', 'http://10.10.10.10'), p('cadata', 'bXktY2x1c3Rlci1jZXJ0Cg'), p('username', 'admin'), p('token', 'my-token')]),
    ],
    ['specify insecure without cadata', cluster([p('name', 'test_cluster_resource'), p('url', 'http://10.10.10.10'), p('username', 'admin'), p('token', 'my-token'), p('insecure', 'true')])],
    ['cadata alone is the auth method', cluster([p('name', 'c'), p('cadata', 'bXktY2x1c3Rlci1jZXJ0Cg')])],
    ['insecure with a username only', cluster([p('name', 'c'), p('username', 'admin'), p('insecure', 'true')])],
    ['insecure with a token only', cluster([p('name', 'c'), p('token', 'my-token'), p('insecure', 'true')])],
    ['a param Tekton does not know, after insecure, leaves insecure as it was', cluster([p('name', 'c'), p('token', 't'), p('insecure', 'true'), p('namespace', 'default')])],
    ['param names in any case (strings.EqualFold)', cluster([p('Name', 'c'), p('URL', 'https://10.10.10.10'), p('CAData', 'x'), p('Username', 'admin')])],
    ['insecure and token in upper case', cluster([p('NAME', 'c'), p('TOKEN', 't'), p('INSECURE', 'true')])],
    ['the username from a secret, insecure', cluster([p('name', 'c'), p('insecure', 'true')], [secret('username')])],
    ['the CAData from a secret (auth and CA both)', cluster([p('name', 'c')], [secret('cadata')])],
    ['secret field names in any case', cluster([p('name', 'c')], [secret('Username'), secret('CAData')])],
    ['a url param without value (validateURL skips "")', cluster([p('name', 'c'), p('url'), p('cadata', 'x')])],
    ['an empty url', cluster([p('name', 'c'), p('url', ''), p('cadata', 'x')])],
    ['an absolute path as url (ParseRequestURI takes it)', cluster([p('name', 'c'), p('url', '/api'), p('cadata', 'x')])],
    ['a url with port and path', cluster([p('name', 'c'), p('url', 'https://kube.example.com:6443/k8s/clusters/c-1'), p('cadata', 'x')])],
    ['a host:port url (ParseRequestURI reads "localhost" as the scheme)', cluster([p('name', 'c'), p('url', 'localhost:6443'), p('cadata', 'x')])],
  ])('%s', (_name, spec) => {
    expect(validate(spec)).toEqual(E.right(undefined));
  });

  // strconv.ParseBool: exactly these six spellings are true.
  it.each(['1', 't', 'T', 'TRUE', 'true', 'True'])('insecure %j stands in for CAData', (value) => {
    expect(validate(cluster([p('name', 'c'), p('username', 'admin'), p('insecure', value)]))).toEqual(E.right(undefined));
  });
});

describe('cluster resources refused (TestResourceValidation_Invalid)', () => {
  it('cluster with invalid url', () => {
    expectRefused(
      validate(cluster([p('name', 'test_cluster_resource'), p('url', '10.10.10'), p('cadata', 'bXktY2x1c3Rlci1jZXJ0Cg'), p('username', 'admin'), p('token', 'my-token')])),
      'spec.params[1].value',
      'invalid value: 10.10.10',
    );
  });

  it.each([
    ['no scheme, starting with a digit', '10.0.0.1.nip.io:6443'],
    ['a scheme that starts with a digit', '1http://10.10.10.10'],
    ['an empty scheme', ':6443'],
    ['a control character', 'http://10.10.10.10/a\tb'],
    ['a blank in the scheme', 'http ://10.10.10.10'],
  ])('a url ParseRequestURI refuses: %s', (_name, url) => {
    expectRefused(validate(cluster([p('name', 'c'), p('cadata', 'x'), p('URL', url)])), 'spec.params[2].value', `invalid value: ${url}`);
  });

  it('cluster with missing auth', () => {
    expectRefused(validate(cluster([p('name', 'test_cluster_resource'), p('url', 'http://10.10.10.10')])), 'spec.params', MISSING_AUTH);
  });

  it('cluster with missing name', () => {
    expectRefused(validate(cluster([p('url', 'http://10.10.10.10'), p('cadata', 'bXktY2x1c3Rlci1jZXJ0Cg'), p('token', 'my-token')])), 'spec.params', 'missing field(s): name param');
  });

  it('cluster with missing cadata', () => {
    expectRefused(validate(cluster([p('url', 'http://10.10.10.10'), p('Name', 'admin'), p('token', 'my-token'), p('username', 'admin')])), 'spec.params', MISSING_CADATA);
  });

  it('the name is checked before auth, auth before CAData', () => {
    expectRefused(validate(cluster([p('insecure', 'false')])), 'spec.params', 'missing field(s): name param');
    expectRefused(validate(cluster([p('name', 'c')])), 'spec.params', MISSING_AUTH);
  });

  it('a token secret is no auth method (the secrets switch knows only username and cadata)', () => {
    expectRefused(validate(cluster([p('name', 'c'), p('insecure', 'true')], [secret('token')])), 'spec.params', MISSING_AUTH);
  });

  it('a username secret is auth but no CAData', () => {
    expectRefused(validate(cluster([p('name', 'c')], [secret('username')])), 'spec.params', MISSING_CADATA);
  });

  it.each(['false', '0', 'F', '', 'yes', 'TrUe', 'on'])('insecure %j is false (strconv.ParseBool)', (value) => {
    expectRefused(validate(cluster([p('name', 'c'), p('username', 'admin'), p('insecure', value)])), 'spec.params', MISSING_CADATA);
  });

  it('an insecure param without value is false', () => {
    expectRefused(validate(cluster([p('name', 'c'), p('token', 't'), p('insecure')])), 'spec.params', MISSING_CADATA);
  });
});

describe('storage resources (TestResourceValidation_Invalid, TestAllowedGCSStorageType)', () => {
  it.each<[string, PipelineResourceSpec]>([
    ['gcs', storage(p('type', 'gcs'), p('location', 'gs://some-bucket'))],
    ['build-gcs', storage(p('type', 'build-gcs'), p('location', 'gs://build-crd-tests/rules_docker-master.zip'))],
    ['location before type, names in any case', storage(p('Location', 'gs://some-bucket'), p('Type', 'gcs'))],
  ])('accepts %s', (_name, spec) => {
    expect(validate(spec)).toEqual(E.right(undefined));
  });

  it('storage with no type', () => {
    expectRefused(validate(storage(p('no-type-param', 'something'))), 'spec.params', 'missing field(s): type param');
  });

  it('storage with unimplemented type', () => {
    expectRefused(validate(storage(p('type', 'not-implemented-yet'))), 'spec.params[0].value', 'invalid value: not-implemented-yet');
  });

  it.each([
    ['an incorrect type', 't'],
    ['another case (AllowedStorageType compares exactly)', 'GCS'],
  ])('storage with %s', (_name, type) => {
    expectRefused(validate(storage(p('location', 'gs://b'), p('type', type))), 'spec.params[1].value', `invalid value: ${type}`);
  });

  it('storage with an empty type, and with a type param without value', () => {
    expectRefused(validate(storage(p('type', ''), p('location', 'gs://b'))), 'spec.params[0].value', EMPTY_VALUE);
    expectRefused(validate(storage(p('type'), p('location', 'gs://b'))), 'spec.params[0].value', EMPTY_VALUE);
  });

  it.each<[string, ResourceParam[]]>([
    ['storage with gcs type with no location param', [p('type', 'gcs')]],
    ['storage with gcs type with empty location param', [p('type', 'gcs'), p('location', '')]],
    ['a location param without value', [p('type', 'gcs'), p('location')]],
    ['the location under another name', [p('NotLocation', 'doesntmatter'), p('type', 'build-gcs')]],
  ])('%s', (_name, params) => {
    expectRefused(validate(storage(...params)), 'spec.params', 'missing field(s): location param');
  });
});

describe('the spec as a whole', () => {
  it('invalid resource type', () => {
    expectRefused(validate({ type: 'not-supported' }), 'spec.type', 'invalid value: not-supported (resource types: git, storage, image, cluster, pullRequest, cloudEvent)');
  });

  it.each<[string, PipelineResourceSpec]>([
    ['nil', {}],
    ['an empty type', { type: '' }],
    ['empty lists (Semantic.DeepEqual takes [] for nil)', { type: '', params: [], secrets: [] }],
  ])('an empty spec: %s', (_name, spec) => {
    expect(validate(spec)).toEqual(E.left({ _tag: 'Invalid', object: RES, field: 'spec', message: 'missing field(s)' }));
  });

  it.each<[string, PipelineResourceSpec]>([
    ['params', { params: [p('url', 'https://github.com/tektoncd/pipeline')] }],
    ['secrets', { secrets: [secret('username')] }],
  ])('a spec with %s but no type is not empty: its type "" is invalid', (_name, spec) => {
    expectRefused(validate(spec), 'spec.type', EMPTY_VALUE);
  });

  it('other types take any params (git with no url)', () => {
    expect(validate({ type: 'git', params: [p('revision', 'master')] })).toEqual(E.right(undefined));
  });

  it('names the embedded spec of a binding by its own path', () => {
    expectRefused(validateResourceSpec(storage(p('type', 'gcs')), 'TaskRun ns/r', 'spec.inputs.resources[0].resourceSpec'), 'spec.inputs.resources[0].resourceSpec.params', 'location param', 'TaskRun ns/r');
  });

  it('every embedded resourceSpec of a TaskRun is checked, not only the first', () => {
    const run = {
      metadata: { name: 'r' },
      spec: {
        taskRef: { name: 't' },
        inputs: {
          resources: [
            { name: 'a', resourceSpec: { type: 'git', params: [p('url', 'https://github.com/tektoncd/pipeline')] } },
            { name: 'b', resourceSpec: storage(p('type', 'gcs')) },
          ],
        },
      },
    };
    expectRefused(validateTaskRun(run, 'TaskRun ns/r'), 'spec.inputs.resources[1].resourceSpec.params', 'missing field(s): location param', 'TaskRun ns/r');
  });
});

// validateURL is url.ParseRequestURI (admission/request-uri.ts): what it
// accepts and refuses is not "a scheme or a slash, and no blank".
describe('a cluster url as url.ParseRequestURI read it', () => {
  const withUrl = (url: string) => validate(cluster([p('name', 'c'), p('cadata', 'x'), p('url', url)]));

  it.each([
    ['a blank in the path', 'https://10.10.10.10/a b'],
    ['an opaque rest after the scheme, with a blank', 'mailto:a b'],
    ['a "#" in the path', 'https://10.10.10.10/k8s#c'],
    ['an IPv6 literal with a zone', 'https://[fe80::1%25en0]:6443'],
  ])('accepts %s', (_name, url) => {
    expect(withUrl(url)).toEqual(E.right(undefined));
  });

  it.each([
    ['a fragment after the host', 'https://10.10.10.10#c', 'invalid character "#" in host name'],
    ['a bad escape in the path', 'https://10.10.10.10/a%zz', 'invalid URL escape "%zz"'],
    ['a named port', 'https://kube:api/', 'invalid port ":api" after host'],
    ['an unclosed IPv6 literal', 'https://[fe80::1', "missing ']' in host"],
    ['an escaped ASCII host', 'https://%41:6443/', 'invalid URL escape "%41"'],
  ])('refuses %s, with Go\'s reason', (_name, url, why) => {
    expectRefused(withUrl(url), 'spec.params[2].value', `invalid value: ${url} (URL: ${why})`);
  });
});
