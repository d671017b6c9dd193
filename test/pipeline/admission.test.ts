/**
 * The webhook for Pipelines, PipelineRuns and Conditions at 6c132b937e
 * (pipeline_defaults.go, pipelinerun_defaults.go, pipeline_validation.go,
 * pipelinerun_validation.go, condition_validation.go, config/default.go):
 * what a stored object got by default, and each rule it had to pass, with
 * the field path the refusal names. Cases follow Tekton's
 * pipeline_validation_test.go, pipelinerun_validation_test.go,
 * pipelinerun_defaults_test.go and condition_validation_test.go.
 */
import * as E from 'fp-ts/Either';
import { runDefaults } from '../../src/admission/config-defaults';
import { defaultPipelineRun, defaultPipelineSpec, TEKTON_RUN_DEFAULTS, validateCondition, validatePipeline, validatePipelineRun, validatePipelineSpec } from '../../src/admission/pipeline';
import type { Check } from '../../src/admission/validate';
import type { PipelineRun, PipelineSpec, PipelineTask } from '../../src/model/pipeline';
import { serviceAccountFor } from '../../src/pipeline/taskruns';
import { deepFreeze } from '../helpers/deep-freeze';

const P = 'Pipeline default/p';
const PR = 'PipelineRun default/pr';

/** The field and message of a refusal (the object is checked too). */
function refused(check: Check, object = P): { field: string; message: string } {
  if (E.isRight(check)) throw new Error('expected a refusal');
  expect(check.left._tag).toBe('Invalid');
  expect(check.left.object).toBe(object);
  return { field: check.left.field, message: check.left.message };
}

const spec = (...tasks: PipelineTask[]): PipelineSpec => ({ tasks });
const t = (name: string, fields: Partial<PipelineTask> = {}): PipelineTask => ({ name, taskRef: { name: `${name}-task` }, ...fields });
const validSpec = (s: PipelineSpec) => expect(validatePipelineSpec(s, P, 'spec')).toEqual(E.right(undefined));
const specRefusal = (s: PipelineSpec) => refused(validatePipelineSpec(s, P, 'spec'));

/** k8s RegexError's text for a qualified name part, examples joined with "', " and " or ". */
const QUALIFIED =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('defaultPipelineSpec', () => {
  test('types every param: string, or the type of its default; a declared type stays', () => {
    const s = deepFreeze<PipelineSpec>({ params: [{ name: 'rev' }, { name: 'files', default: ['a', 'b'] }, { name: 'msg', default: 'hi' }, { name: 'flags', type: 'array' }] });
    expect(defaultPipelineSpec(s).params).toEqual([
      { name: 'rev', type: 'string' },
      { name: 'files', type: 'array', default: ['a', 'b'] },
      { name: 'msg', type: 'string', default: 'hi' },
      { name: 'flags', type: 'array' },
    ]);
  });

  test("leaves taskRef.kind empty: Tekton's SetDefaults set Kind on a copy of each task", () => {
    const s = deepFreeze<PipelineSpec>({ tasks: [{ name: 'a', taskRef: { name: 'build' } }, { name: 'b', taskRef: { name: 'lint', kind: 'ClusterTask' } }] });
    expect(defaultPipelineSpec(s).tasks).toEqual([
      { name: 'a', taskRef: { name: 'build' } },
      { name: 'b', taskRef: { name: 'lint', kind: 'ClusterTask' } },
    ]);
  });
});

describe('runDefaults (config-defaults)', () => {
  const cm = (data: Record<string, string>) => ({ metadata: { name: 'config-defaults', namespace: 'tekton-pipelines' }, data });

  test("Tekton's own without the ConfigMap: 60 minutes, no ServiceAccount", () => {
    expect(runDefaults(undefined)).toEqual({ defaults: { timeout: 3_600_000_000_000n, serviceAccount: '' }, warnings: [] });
  });

  test('default-timeout-minutes and default-service-account', () => {
    expect(runDefaults(cm({ 'default-timeout-minutes': '5', 'default-service-account': 'tekton' }))).toEqual({
      defaults: { timeout: 300_000_000_000n, serviceAccount: 'tekton' },
      warnings: [],
    });
  });

  test('minutes that are not a whole number: the whole ConfigMap is ignored, with a warning', () => {
    expect(runDefaults(cm({ 'default-timeout-minutes': '5.5', 'default-service-account': 'tekton' }))).toEqual({
      defaults: TEKTON_RUN_DEFAULTS,
      warnings: [
        {
          object: 'ConfigMap tekton-pipelines/config-defaults',
          field: 'data["default-timeout-minutes"]',
          message: '"5.5" is not a whole number of minutes: Tekton could not read this ConfigMap and kept its default of 60 minutes and no default ServiceAccount',
        },
      ],
    });
  });
});

describe('defaultPipelineRun', () => {
  const pr = (s: PipelineRun['spec'] = {}): PipelineRun => deepFreeze({ metadata: { name: 'pr' }, spec: { pipelineRef: { name: 'p' }, ...s } });

  test('no timeout: 60 minutes, written as Go writes a Duration', () => {
    expect(defaultPipelineRun(pr(), TEKTON_RUN_DEFAULTS).spec).toEqual({ pipelineRef: { name: 'p' }, timeout: '1h0m0s' });
  });

  test('a timeout is kept as given', () => {
    expect(defaultPipelineRun(pr({ timeout: '500ms' }), TEKTON_RUN_DEFAULTS).spec?.timeout).toBe('500ms');
    expect(defaultPipelineRun(pr({ timeout: '0s' }), TEKTON_RUN_DEFAULTS).spec?.timeout).toBe('0s');
  });

  test('config-defaults: its timeout, and its ServiceAccount when none is named', () => {
    const { defaults } = runDefaults({ metadata: { name: 'config-defaults', namespace: 'tekton-pipelines' }, data: { 'default-timeout-minutes': '5', 'default-service-account': 'tekton' } });
    expect(defaultPipelineRun(pr(), defaults).spec).toEqual({ pipelineRef: { name: 'p' }, timeout: '5m0s', serviceAccountName: 'tekton' });
    expect(defaultPipelineRun(pr({ serviceAccountName: 'builder' }), defaults).spec?.serviceAccountName).toBe('builder');
  });

  test('the default ServiceAccount overrides the deprecated serviceAccount (it only fills serviceAccountName)', () => {
    const defaulted = defaultPipelineRun(pr({ serviceAccount: 'old-style' }), { ...TEKTON_RUN_DEFAULTS, serviceAccount: 'tekton' });
    expect(defaulted.spec).toMatchObject({ serviceAccount: 'old-style', serviceAccountName: 'tekton' });
    expect(serviceAccountFor(defaulted, 'build')).toBe('tekton');
    // Without a default, the deprecated field is what the TaskRuns get.
    expect(serviceAccountFor(defaultPipelineRun(pr({ serviceAccount: 'old-style' }), TEKTON_RUN_DEFAULTS), 'build')).toBe('old-style');
  });

  test('an embedded pipelineSpec is not defaulted (its params keep no type)', () => {
    const embedded = deepFreeze<PipelineRun>({ metadata: { name: 'pr' }, spec: { pipelineSpec: { params: [{ name: 'rev' }], tasks: [t('a')] } } });
    expect(defaultPipelineRun(embedded, TEKTON_RUN_DEFAULTS).spec?.pipelineSpec).toEqual({ params: [{ name: 'rev' }], tasks: [t('a')] });
  });
});

describe('validatePipelineSpec', () => {
  test('valid: resources declared and used, from an output of an earlier task, a condition resource', () => {
    validSpec({
      resources: [
        { name: 'great-resource', type: 'git' },
        { name: 'wonderful-resource', type: 'image' },
      ],
      tasks: [
        t('bar', {
          resources: { inputs: [{ name: 'some-workspace', resource: 'great-resource' }], outputs: [{ name: 'some-image', resource: 'wonderful-resource' }] },
          conditions: [{ conditionRef: 'some-condition', resources: [{ name: 'some-workspace', resource: 'great-resource' }] }],
        }),
        t('foo', { resources: { inputs: [{ name: 'wow-image', resource: 'wonderful-resource', from: ['bar'] }] } }),
      ],
    });
  });

  test('valid: a resource used only by a condition', () => {
    validSpec({ resources: [{ name: 'great-resource', type: 'git' }], tasks: [t('bar', { conditions: [{ conditionRef: 'c', resources: [{ name: 'ws', resource: 'great-resource' }] }] })] });
  });

  test('valid: param variables, whole array items, a variable inside another expression, and $(x) that is no param variable', () => {
    validSpec({
      params: [
        { name: 'baz', type: 'string' },
        { name: 'list', type: 'array', default: ['some', 'default'] },
      ],
      tasks: [
        t('bar', {
          params: [
            { name: 'a', value: '$(baz) and $(foo-is-baz)' },
            { name: 'b', value: '$(input.workspace.$(params.baz))' },
            { name: 'c', value: ['$(params.list)', 'and', '$(params.baz)'] },
          ],
        }),
      ],
    });
  });

  test('an empty spec', () => {
    expect(specRefusal({})).toEqual({ field: 'spec', message: 'missing field(s)' });
    // Empty lists are no lists (Go's semantic equality).
    expect(specRefusal({ tasks: [], params: [], resources: [] })).toEqual({ field: 'spec', message: 'missing field(s)' });
  });

  test('a param without a value (Go could not encode it)', () => {
    expect(specRefusal(spec(t('a', { params: [{ name: 'x', value: 'ok' }, { name: 'y' }] })))).toEqual({
      field: 'spec.tasks[0].params[1].value',
      message:
        'missing: param "y" needs a value, a string or an array of strings (Tekton\'s webhook failed: json: error calling MarshalJSON for type v1alpha1.ArrayOrString: impossible ArrayOrString.Type: "")',
    });
    expect(specRefusal(spec(t('a', { conditions: [{ conditionRef: 'c', params: [{ name: 'y' }] }] }))).field).toBe('spec.tasks[0].conditions[0].params[0].value');
  });

  test.each([
    ['_foo', `invalid value: ${QUALIFIED}`],
    ['', `invalid value: name part must be non-empty,${QUALIFIED}`],
    ['a'.repeat(64), 'invalid value: name part must be no more than 63 characters'],
  ])('task name %j is no qualified name', (name, message) => {
    expect(specRefusal(spec(t('ok'), { name, taskRef: { name: 'x' } }))).toEqual({ field: 'spec.tasks[1].name', message });
  });

  test('a taskRef name that is no qualified name', () => {
    expect(specRefusal(spec({ name: 'foo', taskRef: { name: '_foo-task' } }))).toEqual({ field: 'spec.tasks[0].taskRef.name', message: `invalid value: ${QUALIFIED}` });
  });

  test('a task name given twice', () => {
    expect(specRefusal(spec(t('foo'), t('bar'), t('foo')))).toEqual({ field: 'spec.tasks[2].name', message: 'expected exactly one, got both: task "foo" is declared twice' });
  });

  test.each([
    [
      'a declared resource no task uses',
      { resources: [{ name: 'great-resource', type: 'git' }, { name: 'extra-resource', type: 'image' }], tasks: [t('foo', { resources: { inputs: [{ name: 'r', resource: 'great-resource' }] } })] },
      'Provided extra values: [extra-resource]',
    ],
    [
      'an output resource not declared',
      {
        resources: [{ name: 'great-resource', type: 'git' }],
        tasks: [t('foo', { resources: { inputs: [{ name: 'r', resource: 'great-resource' }], outputs: [{ name: 'o', resource: 'missing-resource' }] } })],
      },
      "Didn't provide required values: [missing-resource]",
    ],
    [
      'an input resource not declared',
      {
        resources: [{ name: 'great-resource', type: 'git' }],
        tasks: [t('foo', { resources: { inputs: [{ name: 'r', resource: 'missing-resource' }], outputs: [{ name: 'o', resource: 'great-resource' }] } })],
      },
      "Didn't provide required values: [missing-resource]",
    ],
    ['a condition resource not declared', { tasks: [t('bar', { conditions: [{ conditionRef: 'c', resources: [{ name: 'ws', resource: 'missing-resource' }] }] })] }, "Didn't provide required values: [missing-resource]"],
  ])('%s', (_name, s, problem) => {
    expect(specRefusal(s as PipelineSpec)).toEqual({ field: 'spec.resources', message: `invalid value: Pipeline declared resources didn't match usage in Tasks: ${problem}` });
  });

  test('from a task that does not exist (the first task, or a later one)', () => {
    const from = (...tasks: PipelineTask[]) => specRefusal({ resources: [{ name: 'great-resource', type: 'git' }], tasks });
    const reader = t('foo', { resources: { inputs: [{ name: 'r', resource: 'great-resource', from: ['bar'] }] } });
    const expected = { field: 'spec.tasks[0].resources.inputs[0].from[0]', message: "invalid value: expected resource great-resource to be from task bar, but task bar doesn't exist" };
    expect(from(reader)).toEqual(expected);
    expect(from(t('baz'), reader)).toEqual({ ...expected, field: 'spec.tasks[1].resources.inputs[0].from[0]' });
  });

  test('from a task that does not output that resource', () => {
    expect(
      specRefusal({
        resources: [
          { name: 'great-resource', type: 'git' },
          { name: 'wonderful-resource', type: 'image' },
        ],
        tasks: [
          t('bar', { resources: { inputs: [{ name: 'ws', resource: 'great-resource' }] } }),
          t('foo', { resources: { inputs: [{ name: 'x', resource: 'great-resource' }, { name: 'img', resource: 'wonderful-resource', from: ['foo', 'bar'] }] } }),
        ],
      }),
    ).toEqual({ field: 'spec.tasks[1].resources.inputs[1].from[0]', message: 'invalid value: the resource wonderful-resource from foo must be an output but is an input' });
  });

  test('a cycle: the graph message under spec.tasks', () => {
    expect(specRefusal(spec(t('foo', { runAfter: ['bar'] }), t('bar', { runAfter: ['foo'] })))).toEqual({
      field: 'spec.tasks',
      message: "invalid value: couldn't add link between bar and foo: Couldn't create link from foo to bar: cycle detected: bar -> foo -> bar",
    });
  });

  test('a param type that is neither string nor array', () => {
    expect(specRefusal({ params: [{ name: 'ok', type: 'string' }, { name: 'baz', type: 'invalidtype', default: ['some', 'default'] }], tasks: [t('bar')] })).toEqual({
      field: 'spec.params[1].type',
      message: 'invalid value: invalidtype (string or array)',
    });
  });

  test.each([
    ['array', 'astring', 'string'],
    ['string', ['anarray', 'elements'], 'array'],
  ])('a %s param whose default is not', (type, value, actual) => {
    expect(specRefusal({ params: [{ name: 'baz', type, default: value }], tasks: [t('bar')] })).toEqual({
      field: 'spec.params[0].default',
      message: `"${type}" type does not match default value's type: "${actual}"`,
    });
  });

  test('a param variable naming no declared param (alone, or beside a declared one)', () => {
    expect(specRefusal(spec(t('foo', { params: [{ name: 'a-param', value: '$(params.does-not-exist)' }] })))).toEqual({
      field: 'spec.tasks[0].params[0].value',
      message: 'non-existent variable in "$(params.does-not-exist)" for task parameter a-param: no Pipeline param "does-not-exist" is declared',
    });
    expect(
      specRefusal({ params: [{ name: 'foo', type: 'string', default: 'something' }], tasks: [t('foo', { params: [{ name: 'p', value: ['x', '$(params.foo) and $(params.does-not-exist)'] }] })] }),
    ).toEqual({
      field: 'spec.tasks[0].params[0].value[1]',
      message: 'non-existent variable in "$(params.foo) and $(params.does-not-exist)" for task parameter p: no Pipeline param "does-not-exist" is declared',
    });
  });

  test('an array param used in a string value', () => {
    expect(specRefusal({ params: [{ name: 'baz', type: 'array', default: ['a', 'b'] }], tasks: [t('bar', { params: [{ name: 'a-param', value: '$(params.baz)' }] })] })).toEqual({
      field: 'spec.tasks[0].params[0].value',
      message: 'variable type invalid in "$(params.baz)" for task parameter a-param: an array param can only be a whole item of an array value',
    });
  });

  test('an array param inside an array item, not the whole item', () => {
    expect(
      specRefusal({ params: [{ name: 'baz', type: 'array', default: ['a', 'b'] }], tasks: [t('bar', { params: [{ name: 'a-param', value: ['first', 'value: $(params.baz)', 'last'] }] })] }),
    ).toEqual({
      field: 'spec.tasks[0].params[0].value[1]',
      message: 'variable is not properly isolated in "value: $(params.baz)" for task parameter a-param: an array param must be the whole item',
    });
  });

  test('rules run in the webhook order: names before resources before from before the graph before params', () => {
    const bad: PipelineSpec = {
      params: [{ name: 'p', type: 'nope' }],
      resources: [{ name: 'unused', type: 'git' }],
      tasks: [t('a', { runAfter: ['a'] }), t('_b')],
    };
    expect(specRefusal(bad).field).toBe('spec.tasks[1].name');
    expect(specRefusal({ ...bad, tasks: [t('a', { runAfter: ['a'] })] }).field).toBe('spec.resources');
    expect(specRefusal({ ...bad, resources: [], tasks: [t('a', { runAfter: ['a'] })] }).field).toBe('spec.tasks');
    expect(specRefusal({ ...bad, resources: [], tasks: [t('a')] }).field).toBe('spec.params[0].type');
  });

  test('an embedded spec is reported at its own path', () => {
    expect(refused(validatePipelineSpec(spec(t('a'), t('a')), PR, 'spec.pipelineSpec'), PR).field).toBe('spec.pipelineSpec.tasks[1].name');
  });
});

describe('validatePipeline', () => {
  const pipeline = (name: string) => ({ metadata: { name }, spec: spec(t('foo')) });

  test('valid metadata', () => {
    expect(validatePipeline(pipeline('pipeline'), P)).toEqual(E.right(undefined));
  });

  test.each([
    ['pipe.line', 'Invalid resource name: special character . must not be present'],
    ['asdf123456789012345678901234567890123456789012345678901234567890', 'Invalid resource name: length must be no more than 63 characters'],
  ])('name %s', (name, message) => {
    expect(refused(validatePipeline(pipeline(name), P))).toEqual({ field: 'metadata.name', message });
  });

  test('then its spec', () => {
    expect(refused(validatePipeline({ metadata: { name: 'p' }, spec: spec(t('foo'), t('foo')) }, P)).field).toBe('spec.tasks[1].name');
  });
});

describe('validatePipelineRun', () => {
  const pr = (s: PipelineRun['spec'], name = 'pr'): PipelineRun => ({ metadata: { name }, spec: s });
  const prRefusal = (p: PipelineRun) => refused(validatePipelineRun(p, PR), PR);

  test.each([
    ['a pipelineRef', { pipelineRef: { name: 'prname' } }],
    ['a zero timeout', { pipelineRef: { name: 'prname' }, timeout: '0s' }],
    ['an embedded pipelineSpec', { pipelineSpec: spec({ name: 'mytask', taskRef: { name: 'mytask' } }) }],
  ])('valid: %s', (_name, s) => {
    expect(validatePipelineRun(pr(s), PR)).toEqual(E.right(undefined));
  });

  test('no spec', () => {
    expect(prRefusal({ metadata: { name: 'prmetaname' } })).toEqual({ field: 'spec', message: 'missing field(s)' });
    expect(prRefusal(pr({}))).toEqual({ field: 'spec', message: 'missing field(s)' });
  });

  test('a name with a period', () => {
    expect(prRefusal(pr({ pipelineRef: { name: 'p' } }, 'pipelinerun.name'))).toEqual({ field: 'metadata.name', message: 'Invalid resource name: special character . must not be present' });
  });

  test('neither a pipelineRef nor a pipelineSpec', () => {
    expect(prRefusal(pr({ serviceAccountName: 'foo' }))).toEqual({ field: 'spec.pipelineRef.name', message: 'missing field(s): one of spec.pipelineRef.name and spec.pipelineSpec' });
  });

  test('both a pipelineRef and a pipelineSpec', () => {
    expect(prRefusal(pr({ pipelineRef: { name: 'pipelinerefname' }, pipelineSpec: spec({ name: 'mytask', taskRef: { name: 'mytask' } }) }))).toEqual({
      field: 'spec',
      message: 'must not set both spec.pipelineRef and spec.pipelineSpec',
    });
  });

  test('a negative timeout', () => {
    expect(prRefusal(pr({ pipelineRef: { name: 'prname' }, timeout: '-48h' }))).toEqual({ field: 'spec.timeout', message: 'invalid value: -48h0m0s should be >= 0' });
  });

  test('a timeout Go could not read', () => {
    expect(prRefusal(pr({ pipelineRef: { name: 'prname' }, timeout: 'soon' }))).toEqual({ field: 'spec.timeout', message: 'time: invalid duration soon' });
  });

  test('a param without a value, of the PipelineRun or of an embedded task or condition', () => {
    expect(prRefusal(pr({ pipelineRef: { name: 'p' }, params: [{ name: 'rev', value: 'v1' }, { name: 'empty' }] })).field).toBe('spec.params[1].value');
    expect(prRefusal(pr({ pipelineSpec: spec(t('a', { params: [{ name: 'x' }] })) })).field).toBe('spec.pipelineSpec.tasks[0].params[0].value');
    expect(prRefusal(pr({ pipelineSpec: spec(t('a', { conditions: [{ conditionRef: 'c', params: [{ name: 'x' }] }] })) })).field).toBe('spec.pipelineSpec.tasks[0].conditions[0].params[0].value');
  });

  test("an embedded spec's own rules, at spec.pipelineSpec", () => {
    expect(prRefusal(pr({ pipelineSpec: spec(t('a', { runAfter: ['nope'] })) }))).toEqual({
      field: 'spec.pipelineSpec.tasks',
      message: "invalid value: couldn't add link between a and nope: Task a depends on nope but nope wasn't present in Pipeline",
    });
    // Not defaulted, so an untyped param is refused.
    expect(prRefusal(pr({ pipelineSpec: { params: [{ name: 'rev' }], tasks: [t('a')] } }))).toEqual({ field: 'spec.pipelineSpec.params[0].type', message: 'invalid value:  (string or array)' });
  });
});

describe('validateCondition', () => {
  const C = 'Condition default/c';

  test('valid: a named check with an image', () => {
    expect(validateCondition({ metadata: { name: 'condname' }, spec: { check: { name: 'cname', image: 'ubuntu' }, params: [{ name: 'p', type: 'string' }] } }, C)).toEqual(E.right(undefined));
  });

  test('a name with a period', () => {
    expect(refused(validateCondition({ metadata: { name: 'invalid.,name' }, spec: { check: { image: 'ubuntu' } } }, C), C)).toEqual({
      field: 'metadata.name',
      message: 'Invalid resource name: special character . must not be present',
    });
  });

  test('a check without an image (an empty spec too: Tekton compared a pointer with a value, so never saw it as empty)', () => {
    const expected = { field: 'spec.check.image', message: 'missing field(s)' };
    expect(refused(validateCondition({ metadata: { name: 'cond' }, spec: { check: { name: '', image: '' } } }, C), C)).toEqual(expected);
    expect(refused(validateCondition({ metadata: { name: 'cond' }, spec: {} }, C), C)).toEqual(expected);
  });
});
