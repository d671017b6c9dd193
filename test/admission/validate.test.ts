/**
 * admission/validate.ts: Tekton's webhook validation (task_validation.go,
 * taskrun_validation.go, metadata_validation.go) and the reconciler's
 * param check (validate_resources.go). Cases from task_validation_test.go,
 * taskrun_validation_test.go and validate_resources_test.go; each refusal
 * is checked for its object, its field path and its message. taskpod names
 * fields by their real JSON path (`spec.steps[0].args[0]`) where Tekton
 * wrote `taskspec.steps.arg[0]`.
 */
import * as E from 'fp-ts/Either';
import { defaultTaskSpec } from '../../src/admission/defaults';
import { validateObjectName, validateParams, validateTaskRun, validateTaskSpec } from '../../src/admission/validate';
import type { TaskpodError } from '../../src/errors';
import type { Param, ParamSpec, Step, TaskResource, TaskRun, TaskSpec } from '../../src/model/tekton';
import { step, withArgs, withCommand, withScript, withWorkingDir } from '../support/builders';
import { render } from '../helpers/render';
import { serviceAccountDoc, taskDoc, taskRunDoc } from '../support/objects';

const TASK = 'Task default/t';

/** The refusal of `check`, failing the test when there is none. */
function refusal(check: E.Either<TaskpodError, void>): TaskpodError {
  if (E.isRight(check)) throw new Error('expected a refusal, got none');
  return check.left;
}

function expectRefused(check: E.Either<TaskpodError, void>, object: string, field: string, message: string | RegExp): void {
  const e = refusal(check);
  expect(e._tag).toBe('Invalid');
  expect(e.object).toBe(object);
  expect(e.field).toBe(field);
  if (typeof message === 'string') expect(e.message).toContain(message);
  else expect(e.message).toMatch(message);
}

/** Validates a Task's spec after the webhook's defaults, as Tekton did. */
const validate = (spec: TaskSpec) => validateTaskSpec(defaultTaskSpec(spec), TASK, 'spec');

const validResource: TaskResource = { name: 'source', type: 'git' };
const validImageResource: TaskResource = { name: 'source', type: 'image' };
const invalidResource: TaskResource = { name: 'source', type: 'what' };
const validSteps = [step('mystep', 'myimage')];

describe('validateTaskSpec accepts (TestTaskSpecValidate)', () => {
  it.each<[string, TaskSpec]>([
    ['unnamed steps', { steps: [{ image: 'myimage' }, { image: 'myotherimage' }] }],
    ['valid inputs (type implied)', { inputs: { resources: [validResource], params: [{ name: 'task', description: 'param', default: 'default' }] }, steps: validSteps }],
    ['valid inputs type explicit', { inputs: { resources: [validResource], params: [{ name: 'task', type: 'string', description: 'param', default: 'default' }] }, steps: validSteps }],
    ['valid outputs', { outputs: { resources: [validResource] }, steps: validSteps }],
    ['both valid', { inputs: { resources: [validResource] }, outputs: { resources: [validResource] }, steps: validSteps }],
    ['output image resource', { inputs: { resources: [validImageResource] }, outputs: { resources: [validImageResource] }, steps: validSteps }],
    [
      'valid template variable',
      {
        inputs: { resources: [validImageResource], params: [{ name: 'baz' }, { name: 'foo-is-baz' }] },
        outputs: { resources: [validResource] },
        steps: [
          step('mystep', '$(inputs.resources.source.url)', withArgs('--flag=$(inputs.params.baz) && $(input.params.foo-is-baz)'), withWorkingDir('/foo/bar/$(outputs.resources.source)')),
        ],
      },
    ],
    [
      'valid array template variable',
      {
        inputs: { resources: [validImageResource], params: [{ name: 'baz', type: 'array' }, { name: 'foo-is-baz', type: 'array' }] },
        outputs: { resources: [validResource] },
        steps: [
          step(
            'mystep',
            '$(inputs.resources.source.url)',
            withCommand('$(inputs.param.foo-is-baz)'),
            withArgs('$(inputs.params.baz)', 'middle string', '$(input.params.foo-is-baz)'),
            withWorkingDir('/foo/bar/$(outputs.resources.source)'),
          ),
        ],
      },
    ],
    ['step template included in validation', { steps: [{ name: 'astep', command: ['echo'], args: ['hello'] }], stepTemplate: { image: 'some-image' } }],
    ['valid step with script', { steps: [{ image: 'my-image', script: '\n\t\t\t\t#!/usr/bin/env bash\n\t\t\t\thello world' }] }],
    ['a step env var without a name next to a stepTemplate env (Go merged it by the name "")', { stepTemplate: { env: [{ name: 'A', value: 'a' }] }, steps: [{ name: 's', image: 'i', env: [{ value: 'nameless' }] }] }],
    ['a script step whose stepTemplate has a command (the rules read the step as written)', { stepTemplate: { command: ['sh'] }, steps: [step('s', 'i', withScript('#!/bin/sh\necho'))] }],
    // validateArrayUsage: command and args items may be a whole array param (validateTaskArraysIsolated).
    ['an array param as a whole command and args item', { inputs: { params: [{ name: 'arr', type: 'array' }] }, steps: [step('s', 'i', withCommand('$(inputs.params.arr)'), withArgs('$(outputs.params.arr)'))] }],
    // Tekton's "." in "(?:inputs|outputs).params." was unescaped: any character stands for it, and the
    // first match (extractExpressionFromString) is the whole item.
    ['an array param whose dots are other characters, as a whole args item', { inputs: { params: [{ name: 'arr', type: 'array' }] }, steps: [step('s', 'i', withArgs('$(inputs/params:arr)'))] }],
    ['two input and two output resources of different names', { inputs: { resources: [{ name: 'a', type: 'git' }, { name: 'b', type: 'git' }] }, outputs: { resources: [{ name: 'c', type: 'git' }, { name: 'd', type: 'storage' }] }, steps: validSteps }],
    // checkForDuplicates compares strings.ToLower(name): "ß" and "ss" stay apart (only upper-casing makes them one).
    ['resource names that differ in lower case only (ß and ss)', { inputs: { resources: [{ name: 'ß', type: 'git' }, { name: 'ss', type: 'git' }] }, steps: validSteps }],
    ['two volumes of different names', { steps: validSteps, volumes: [{ name: 'a' }, { name: 'b' }] }],
  ])('%s', (_name, spec) => {
    expect(validate(spec)).toEqual(E.right(undefined));
  });
});

describe('validateTaskSpec refuses (TestTaskSpecValidateError)', () => {
  it('no steps at all', () => {
    expectRefused(validate({}), TASK, 'spec.steps', 'missing field(s)');
  });

  it('no build: inputs but no steps', () => {
    expectRefused(validate({ inputs: { resources: [validResource] } }), TASK, 'spec.steps', 'missing field(s)');
  });

  it('an empty steps list', () => {
    expectRefused(validate({ inputs: { resources: [validResource] }, steps: [] }), TASK, 'spec.steps', 'missing field(s)');
  });

  it('one invalid input resource type', () => {
    expectRefused(
      validate({ inputs: { resources: [invalidResource, validResource] }, outputs: { resources: [validResource] }, steps: validSteps }),
      TASK,
      'spec.inputs.resources[0].type',
      'invalid value: what',
    );
  });

  it('an invalid param type', () => {
    expectRefused(
      validate({
        inputs: {
          resources: [validResource],
          params: [
            { name: 'validparam', type: 'string', description: 'parameter', default: 'default' },
            { name: 'param-with-invalid-type', type: 'invalidtype', description: 'invalidtypedesc', default: 'default' },
          ],
        },
        steps: validSteps,
      }),
      TASK,
      'spec.inputs.params[1].type',
      'invalid value: invalidtype',
    );
  });

  it('input mismatching default/type 1: array declared, string default', () => {
    expectRefused(
      validate({ inputs: { resources: [validResource], params: [{ name: 'task', type: 'array', description: 'param', default: 'default' }] }, steps: validSteps }),
      TASK,
      'spec.inputs.params[0].default',
      `"array" type does not match default value's type: "string"`,
    );
  });

  it('input mismatching default/type 2: string declared, array default', () => {
    expectRefused(
      validate({ inputs: { resources: [validResource], params: [{ name: 'task', type: 'string', description: 'param', default: ['default', 'array'] }] }, steps: validSteps }),
      TASK,
      'spec.inputs.params[0].default',
      `"string" type does not match default value's type: "array"`,
    );
  });

  it('one invalid output resource type', () => {
    expectRefused(
      validate({ inputs: { resources: [validResource] }, outputs: { resources: [invalidResource, validResource] }, steps: validSteps }),
      TASK,
      'spec.outputs.resources[0].type',
      'invalid value: what',
    );
  });

  it('duplicated inputs', () => {
    expectRefused(
      validate({ inputs: { resources: [validResource, validResource] }, outputs: { resources: [validResource] }, steps: validSteps }),
      TASK,
      'spec.inputs.resources[1].name',
      'expected exactly one, got both',
    );
  });

  it('duplicated outputs', () => {
    expectRefused(
      validate({ inputs: { resources: [validResource] }, outputs: { resources: [validResource, validResource] }, steps: validSteps }),
      TASK,
      'spec.outputs.resources[1].name',
      'expected exactly one, got both',
    );
  });

  it('duplicate resource names differ only in case', () => {
    expectRefused(validate({ inputs: { resources: [{ name: 'Src', type: 'git' }, { name: 'src', type: 'git' }] }, steps: validSteps }), TASK, 'spec.inputs.resources[1].name', 'expected exactly one, got both');
  });

  it('invalid build step name (not a DNS-1123 label)', () => {
    expectRefused(validate({ inputs: { resources: [validResource] }, steps: [step('replaceImage', 'myimage')] }), TASK, 'spec.steps[0].name', 'invalid value "replaceImage"');
  });

  it('a step name longer than 63 characters', () => {
    expectRefused(validate({ steps: [step('a'.repeat(64), 'myimage')] }), TASK, 'spec.steps[0].name', `invalid value "${'a'.repeat(64)}"`);
  });

  it('the reserved step name place-tools (DEVIATIONS.md item 5)', () => {
    expectRefused(validate({ steps: [step('build', 'i'), step('place-tools', 'i')] }), TASK, 'spec.steps[1].name', /place-tools.*reserved/);
  });

  it('a missing image', () => {
    expectRefused(validate({ steps: [step('ok', 'i'), { name: 'noimage' }] }), TASK, 'spec.steps[1].image', 'missing field(s)');
  });

  it('duplicate step names', () => {
    expectRefused(validate({ steps: [step('same', 'a'), step('same', 'b')] }), TASK, 'spec.steps[1].name', 'invalid value: same');
  });

  it('inexistent input param variable', () => {
    expectRefused(
      validate({ steps: [step('mystep', 'myimage', withArgs('--flag=$(inputs.params.inexistent)'))] }),
      TASK,
      'spec.steps[0].args[0]',
      'non-existent variable in "--flag=$(inputs.params.inexistent)"',
    );
  });

  it('array used in unaccepted field (image)', () => {
    expectRefused(
      validate({
        inputs: { resources: [validImageResource], params: [{ name: 'baz', type: 'array' }, { name: 'foo-is-baz', type: 'array' }] },
        outputs: { resources: [validResource] },
        steps: [
          step(
            'mystep',
            '$(inputs.params.baz)',
            withCommand('$(inputs.param.foo-is-baz)'),
            withArgs('$(inputs.params.baz)', 'middle string', '$(input.resources.foo.url)'),
            withWorkingDir('/foo/bar/$(outputs.resources.source)'),
          ),
        ],
      }),
      TASK,
      'spec.steps[0].image',
      'variable type invalid in "$(inputs.params.baz)"',
    );
  });

  it.each<[string, ParamSpec[]]>([
    ['declared array', [{ name: 'baz', type: 'array' }, { name: 'foo-is-baz', type: 'array' }]],
    ['inferred from an array default', [{ name: 'baz', default: ['implied', 'array', 'type'] }, { name: 'foo-is-baz', default: ['implied', 'array', 'type'] }]],
  ])('array not properly isolated (%s)', (_name, params) => {
    expectRefused(
      validate({
        inputs: { resources: [validImageResource], params },
        outputs: { resources: [validResource] },
        steps: [
          step(
            'mystep',
            'someimage',
            withCommand('$(inputs.param.foo-is-baz)'),
            withArgs('not isolated: $(inputs.params.baz)', 'middle string', '$(input.resources.foo.url)'),
            withWorkingDir('/foo/bar/$(outputs.resources.source)'),
          ),
        ],
      }),
      TASK,
      'spec.steps[0].args[0]',
      'variable is not properly isolated in "not isolated: $(inputs.params.baz)"',
    );
  });

  it('an array param in an env value', () => {
    expectRefused(
      validate({ inputs: { params: [{ name: 'a', type: 'array' }] }, steps: [{ name: 's', image: 'i', env: [{ name: 'E', value: '$(inputs.params.a)' }] }] }),
      TASK,
      'spec.steps[0].env[0].value',
      'variable type invalid',
    );
  });

  it('inexistent input resource variable', () => {
    expectRefused(validate({ steps: [step('mystep', 'myimage:$(inputs.resources.inputs)')] }), TASK, 'spec.steps[0].image', 'non-existent variable in "myimage:$(inputs.resources.inputs)"');
  });

  it('inexistent output resource variable', () => {
    expectRefused(
      validate({ steps: [step('mystep', 'myimage', withWorkingDir('/foo/bar/$(outputs.resources.inexistent)'))] }),
      TASK,
      'spec.steps[0].workingDir',
      'non-existent variable in "/foo/bar/$(outputs.resources.inexistent)"',
    );
  });

  it('inexistent param variable next to an existing one', () => {
    expectRefused(
      validate({
        inputs: { params: [{ name: 'foo', description: 'param', default: 'default' }] },
        steps: [step('mystep', 'myimage', withArgs('$(inputs.params.foo) && $(inputs.params.inexistent)'))],
      }),
      TASK,
      'spec.steps[0].args[0]',
      'non-existent variable in "$(inputs.params.foo) && $(inputs.params.inexistent)"',
    );
  });

  it('inexistent variable in a volume mount', () => {
    expectRefused(
      validate({ steps: [{ name: 's', image: 'i', volumeMounts: [{ name: 'v', mountPath: '/m/$(inputs.params.nope)' }] }] }),
      TASK,
      'spec.steps[0].volumeMounts[0].mountPath',
      'non-existent variable',
    );
  });

  it('an image output without outputImageDir (set by hand to empty, after defaults)', () => {
    expectRefused(
      validateTaskSpec({ outputs: { resources: [{ name: 'img', type: 'image' }] }, steps: validSteps }, TASK, 'spec'),
      TASK,
      'spec.outputs.resources[0].outputImageDir',
      'missing field(s)',
    );
  });

  it('multiple volumes with same name', () => {
    expectRefused(validate({ steps: validSteps, volumes: [{ name: 'workspace' }, { name: 'workspace' }] }), TASK, 'spec.volumes[1].name', 'multiple volumes with same name "workspace"');
  });

  it('step with script and args', () => {
    expectRefused(validate({ steps: [{ image: 'myimage', args: ['arg'], script: 'script' }] }), TASK, 'spec.steps[0].script', 'script cannot be used with args or command');
  });

  it('step with script without shebang', () => {
    expectRefused(validate({ steps: [{ image: 'my-image', script: 'does not begin with shebang' }] }), TASK, 'spec.steps[0].script', 'script must start with a shebang (#!)');
  });

  it('step with script and command', () => {
    expectRefused(validate({ steps: [{ image: 'myimage', command: ['command'], script: 'script' }] }), TASK, 'spec.steps[0].script', 'script cannot be used with args or command');
  });

  it.each([
    ['script with command', { command: ['sh'], script: '#!/bin/sh' }, 'script cannot be used with args or command'],
    ['script without shebang', { script: 'echo hi' }, 'script must start with a shebang (#!)'],
  ])('%s is refused even with a stepTemplate (DEVIATIONS.md item 6)', (_name, fields, message) => {
    expectRefused(validate({ stepTemplate: { env: [{ name: 'A', value: 'b' }] }, steps: [{ name: 's', image: 'i', ...fields }] }), TASK, 'spec.steps[0].script', message);
  });

  it('stops at the first rule that fails, in Tekton order (volumes before steps)', () => {
    expectRefused(validate({ steps: [{ name: 'Bad' }], volumes: [{ name: 'v' }, { name: 'v' }] }), TASK, 'spec.volumes[1].name', 'multiple volumes');
  });

  it('names the embedded spec of a TaskRun by its own path', () => {
    expectRefused(validateTaskSpec({ steps: [step('Bad', 'i')] }, 'TaskRun ns/r', 'spec.taskSpec'), 'TaskRun ns/r', 'spec.taskSpec.steps[0].name', 'invalid value "Bad"');
  });
});

describe('validateTaskSpec refuses: the fields and branches the tables above leave out', () => {
  // validateVariables reads name, image, workingDir, command[i], args[i], env values and the three volumeMount fields.
  it.each<[string, Step, string]>([
    ['a command item', step('s', 'i', withCommand('echo', '$(inputs.params.nope)')), 'spec.steps[0].command[1]'],
    ['a volumeMount name', { name: 's', image: 'i', volumeMounts: [{ name: 'v-$(inputs.params.nope)', mountPath: '/m' }] }, 'spec.steps[0].volumeMounts[0].name'],
    ['a volumeMount subPath', { name: 's', image: 'i', volumeMounts: [{ name: 'v', mountPath: '/m', subPath: 'sub/$(inputs.params.nope)' }] }, 'spec.steps[0].volumeMounts[0].subPath'],
    ['an env value', { name: 's', image: 'i', env: [{ name: 'E', value: '$(inputs.params.nope)' }] }, 'spec.steps[0].env[0].value'],
  ])('an inexistent param variable in %s', (_name, s, field) => {
    expectRefused(validate({ steps: [s] }), TASK, field, 'non-existent variable');
  });

  it('an inexistent resource variable in a later step', () => {
    expectRefused(validate({ steps: [step('a', 'i'), step('b', 'i', withArgs('$(outputs.resources.nope.url)'))] }), TASK, 'spec.steps[1].args[0]', 'non-existent variable');
  });

  it('an array param in a volumeMount subPath (only command and args may hold one)', () => {
    expectRefused(
      validate({ inputs: { params: [{ name: 'arr', type: 'array' }] }, steps: [{ name: 's', image: 'i', volumeMounts: [{ name: 'v', mountPath: '/m', subPath: '$(inputs.params.arr)' }] }] }),
      TASK,
      'spec.steps[0].volumeMounts[0].subPath',
      'variable type invalid',
    );
  });

  it('an array param not isolated in a command item', () => {
    expectRefused(validate({ inputs: { params: [{ name: 'arr', type: 'array' }] }, steps: [step('s', 'i', withCommand('x$(inputs.params.arr)'))] }), TASK, 'spec.steps[0].command[0]', 'not properly isolated');
  });

  it('an empty image is a missing one (s.Image == "")', () => {
    expectRefused(validate({ steps: [step('s', '')] }), TASK, 'spec.steps[0].image', 'missing field(s)');
  });

  it('the script rules reach every step, with a stepTemplate too (DEVIATIONS.md item 6)', () => {
    expectRefused(
      validate({ stepTemplate: { env: [{ name: 'A', value: 'b' }] }, steps: [step('a', 'i', withScript('#!/bin/sh')), step('b', 'i', withScript('no shebang'))] }),
      TASK,
      'spec.steps[1].script',
      'script must start with a shebang (#!)',
    );
  });

  it('a stepTemplate the steps cannot be merged with (the patch fails its own order check)', () => {
    // A key listed twice with another between, and the template in the patch: apimachinery's
    // "$setElementOrder" check fails and MergeStepsWithStepTemplate returns the error.
    const steps = [{ name: 's', image: 'i', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'A', value: '3' }] }];
    expectRefused(validate({ stepTemplate: { env: [{ name: 'C', value: 'c' }] }, steps }), TASK, 'spec.stepTemplate', /^error merging step template and steps: .*doesn't match \$setElementOrder list/);
  });

  it('two unnamed volumes share the name ""', () => {
    expectRefused(validate({ steps: validSteps, volumes: [{ emptyDir: {} }, { emptyDir: {} }] }), TASK, 'spec.volumes[1].name', 'multiple volumes with same name ""');
  });

  it('a resource declared without a type (type ""), the message listing the types of this commit', () => {
    expectRefused(
      validate({ inputs: { resources: [{ name: 'src' }] }, steps: validSteps }),
      TASK,
      'spec.inputs.resources[0].type',
      /^invalid value: +\(resource types: git, storage, image, cluster, pullRequest, cloudEvent\)$/,
    );
  });

  it('a duplicated resource is named in the message', () => {
    expectRefused(validate({ outputs: { resources: [validResource, { name: 'SOURCE', type: 'image' }] }, steps: validSteps }), TASK, 'spec.outputs.resources[1].name', /expected exactly one, got both.*"SOURCE"/);
  });

  it('two unnamed resource declarations share the name ""', () => {
    expectRefused(validate({ inputs: { resources: [{ type: 'git' }, { type: 'image' }] }, steps: validSteps }), TASK, 'spec.inputs.resources[1].name', 'resource "" is declared twice');
  });

  it('a param without a type, when no defaults ran, has the invalid type ""', () => {
    expectRefused(validateTaskSpec({ inputs: { params: [{ name: 'p' }] }, steps: validSteps }, TASK, 'spec'), TASK, 'spec.inputs.params[0].type', /^invalid value: +\(string or array\)$/);
  });
});

describe('validateObjectName (metadata_validation.go)', () => {
  it('refuses a "." in the name', () => {
    expectRefused(validateObjectName('TaskRun default/task.name', 'task.name'), 'TaskRun default/task.name', 'metadata.name', 'Invalid resource name: special character . must not be present');
  });
  it('refuses more than 63 characters', () => {
    expectRefused(validateObjectName('Task default/x', 'x'.repeat(64)), 'Task default/x', 'metadata.name', 'Invalid resource name: length must be no more than 63 characters');
  });
  it('accepts 63 characters', () => {
    expect(validateObjectName('Task default/x', 'x'.repeat(63))).toEqual(E.right(undefined));
  });
});

describe('validateTaskRun (TestTaskRun_Invalidate, TestTaskRunSpec_Invalidate, TestInput_Invalidate)', () => {
  const RUN = 'TaskRun default/taskname';
  const run = (spec: TaskRun['spec'], name = 'taskname'): TaskRun => ({ metadata: { name, namespace: 'default' }, ...(spec !== undefined ? { spec } : {}) });
  const ref = { taskRef: { name: 'taskrefname' } };
  const bind = (name: string, resourceRef?: string, resourceSpec?: { type: string }) => ({
    name,
    ...(resourceRef !== undefined ? { resourceRef: { name: resourceRef } } : {}),
    ...(resourceSpec !== undefined ? { resourceSpec } : {}),
  });

  it('accepts a taskRef (TestTaskRun_Validate)', () => {
    expect(validateTaskRun(run(ref), RUN)).toEqual(E.right(undefined));
  });

  it('accepts a taskSpec without a taskRef, and a zero timeout', () => {
    expect(validateTaskRun(run({ timeout: '0s', taskSpec: { steps: [step('mystep', 'myimage')] } }), RUN)).toEqual(E.right(undefined));
  });

  it('invalid taskrun metadata', () => {
    expectRefused(validateTaskRun(run(ref, 'task.name'), 'TaskRun default/task.name'), 'TaskRun default/task.name', 'metadata.name', 'special character . must not be present');
  });

  it('neither taskRef nor taskSpec', () => {
    expectRefused(validateTaskRun(run({}), RUN), RUN, 'spec.taskRef.name', 'missing field(s)');
  });

  it('a taskRef without a name', () => {
    expectRefused(validateTaskRun(run({ taskRef: {} }), RUN), RUN, 'spec.taskRef.name', 'missing field(s)');
  });

  it('taskRef and taskSpec together', () => {
    expectRefused(validateTaskRun(run({ ...ref, taskSpec: { steps: [step('mystep', 'myimage')] } }), RUN), RUN, 'spec', 'must not set both');
  });

  it('negative timeout', () => {
    expectRefused(validateTaskRun(run({ ...ref, timeout: '-48h0m0s' }), RUN), RUN, 'spec.timeout', '-48h0m0s should be >= 0');
  });

  it('an invalid embedded taskSpec', () => {
    expectRefused(
      validateTaskRun(run({ taskSpec: { steps: [step('invalid-name-with-$weird-char*/%', 'myimage')] } }), RUN),
      RUN,
      'spec.taskSpec.steps[0].name',
      'invalid value "invalid-name-with-$weird-char*/%"',
    );
  });

  it('duplicate task inputs', () => {
    expectRefused(
      validateTaskRun(run({ ...ref, inputs: { resources: [bind('workspace', 'testresource1'), bind('workspace', 'testresource2')] } }), RUN),
      RUN,
      'spec.inputs.resources[1].name',
      'expected exactly one, got both',
    );
  });

  it('duplicate task input params', () => {
    expectRefused(
      validateTaskRun(run({ ...ref, inputs: { resources: [bind('resource', 'testresource')], params: [{ name: 'name', value: 'value' }, { name: 'name', value: 'value' }] } }), RUN),
      RUN,
      'spec.inputs.params[1].name',
      'expected exactly one, got both',
    );
  });

  it('duplicate params are found case-insensitively only against a lower-case first (Tekton stored the name as given)', () => {
    const params = (a: string, b: string): Param[] => [{ name: a, value: 'v' }, { name: b, value: 'v' }];
    expect(E.isLeft(validateTaskRun(run({ ...ref, inputs: { params: params('name', 'Name') } }), RUN))).toBe(true);
    expect(validateTaskRun(run({ ...ref, inputs: { params: params('Name', 'name') } }), RUN)).toEqual(E.right(undefined));
  });

  it('resource ref and resource spec together', () => {
    expectRefused(validateTaskRun(run({ ...ref, inputs: { resources: [bind('resource-dup', 'testresource', { type: 'git' })] } }), RUN), RUN, 'spec.inputs.resources[0]', 'must not set both');
  });

  it('an invalid resource spec', () => {
    expectRefused(validateTaskRun(run({ ...ref, inputs: { resources: [bind('resource-inv', undefined, { type: 'non-existent' })] } }), RUN), RUN, 'spec.inputs.resources[0].resourceSpec.type', 'invalid value: non-existent');
  });

  it('no resource ref and no resource spec', () => {
    expectRefused(validateTaskRun(run({ ...ref, inputs: { resources: [bind('resource')] } }), RUN), RUN, 'spec.inputs.resources[0]', 'missing field(s)');
  });

  it('duplicated task outputs', () => {
    expectRefused(
      validateTaskRun(run({ ...ref, outputs: { resources: [bind('workspace', 'testresource1'), bind('workspace', 'testresource2')] } }), RUN),
      RUN,
      'spec.outputs.resources[1].name',
      'expected exactly one, got both',
    );
  });

  it('an output with neither resource spec nor resource ref', () => {
    expectRefused(validateTaskRun(run({ ...ref, outputs: { resources: [bind('workspace')] } }), RUN), RUN, 'spec.outputs.resources[0]', 'missing field(s)');
  });

  it('accepts inputs and outputs (TestInput_Validate, TestOutput_Validate), several bindings of different names', () => {
    const inputs = { params: [{ name: 'name', value: 'value' }, { name: 'other', value: ['a'] }], resources: [bind('workspace', 'testresource'), bind('docs', 'testresource')] };
    expect(validateTaskRun(run({ ...ref, inputs, outputs: { resources: [bind('someimage', 'testresource'), bind('other', 'testresource')] } }), RUN)).toEqual(E.right(undefined));
  });

  // validatePipelineResources compares strings.ToLower(name): "ß" and "ss" stay apart.
  it('accepts bindings whose names differ in lower case only (ß and ss)', () => {
    expect(validateTaskRun(run({ ...ref, inputs: { resources: [bind('ß', 'r1'), bind('ss', 'r2')] } }), RUN)).toEqual(E.right(undefined));
  });

  it('accepts a TaskRun without metadata (Go saw the name "")', () => {
    expect(validateTaskRun({ spec: ref }, RUN)).toEqual(E.right(undefined));
  });

  it('a duplicate binding is named in the message, matched case-insensitively', () => {
    expectRefused(validateTaskRun(run({ ...ref, outputs: { resources: [bind('workspace', 'r1'), bind('WorkSpace', 'r2')] } }), RUN), RUN, 'spec.outputs.resources[1].name', /expected exactly one, got both.*"WorkSpace"/);
  });

  it('two unnamed bindings share the name ""', () => {
    expectRefused(validateTaskRun(run({ ...ref, inputs: { resources: [{ resourceRef: { name: 'r1' } }, { resourceRef: { name: 'r2' } }] } }), RUN), RUN, 'spec.inputs.resources[1].name', 'resource "" is bound twice');
  });

  it('a duplicate param is named in the message', () => {
    expectRefused(validateTaskRun(run({ ...ref, inputs: { params: [{ name: 'a', value: 'v' }, { name: 'b', value: 'v' }, { name: 'b', value: 'w' }] } }), RUN), RUN, 'spec.inputs.params[2].name', /expected exactly one, got both.*"b"/);
  });

  it('two unnamed params share the name ""', () => {
    expectRefused(validateTaskRun(run({ ...ref, inputs: { params: [{ value: 'v' }, { value: 'w' }] } }), RUN), RUN, 'spec.inputs.params[1].name', 'param "" is given twice');
  });

  // Go's JSON decoding of a metav1.Duration (time.ParseDuration) took no blanks: " -1h" was refused.
  it('a negative timeout with a leading blank', () => {
    const e = refusal(validateTaskRun(run({ ...ref, timeout: ' -1h' }), RUN));
    expect([e._tag, e.object, e.field]).toEqual(['Invalid', RUN, 'spec.timeout']);
  });
});

describe('validateParams (validate_resources.go)', () => {
  const RUN = 'TaskRun foo/r';
  const spec = (...params: ParamSpec[]): TaskSpec => ({ inputs: { params }, steps: validSteps });

  it('accepts declared params, all provided', () => {
    expect(validateParams(spec({ name: 'foo', type: 'string' }, { name: 'bar', type: 'string' }), [{ name: 'foo', value: 'somethinggood' }, { name: 'bar', value: 'somethinggood' }], RUN)).toEqual(
      E.right(undefined),
    );
  });

  it('accepts a missing param that has a default', () => {
    expect(validateParams(spec({ name: 'foo', type: 'string', default: 'd' }), [], RUN)).toEqual(E.right(undefined));
  });

  it('missing params without defaults', () => {
    expectRefused(validateParams(spec({ name: 'foo', type: 'string' }, { name: 'baz', type: 'string' }), [], RUN), RUN, 'spec.inputs.params', 'missing values for these params which have no default values: [foo baz]');
  });

  it('a param the Task does not declare', () => {
    expectRefused(
      validateParams(spec({ name: 'foo', type: 'string' }), [{ name: 'foo', value: 'i am a real param' }, { name: 'extra', value: 'i am an extra param' }], RUN),
      RUN,
      'spec.inputs.params',
      "didn't need these params but they were provided anyway: [extra]",
    );
  });

  it('accepts array values for array params', () => {
    expect(validateParams(spec({ name: 'a', type: 'array' }, { name: 's', type: 'string' }), [{ name: 'a', value: ['x', 'y'] }, { name: 's', value: 'z' }], RUN)).toEqual(E.right(undefined));
  });

  it('lists every extra param, in the order given', () => {
    expectRefused(
      validateParams(spec({ name: 'foo', type: 'string' }), [{ name: 'extra2', value: 'x' }, { name: 'foo', value: 'y' }, { name: 'extra1', value: 'z' }], RUN),
      RUN,
      'spec.inputs.params',
      "didn't need these params but they were provided anyway: [extra2 extra1]",
    );
  });

  // A Param without "value" kept Go's zero ArrayOrString, whose Type "" matches no declared type.
  it('a param given without a value is not an array', () => {
    expectRefused(validateParams(spec({ name: 'a', type: 'array' }), [{ name: 'a' }], RUN), RUN, 'spec.inputs.params', "param types don't match the user-specified type: [a]");
  });

  // Go has no missing names: an unnamed param is the param "", declared or given.
  describe('unnamed params are the param ""', () => {
    it('accepts an unnamed param given for an unnamed declaration', () => {
      expect(validateParams(spec({ type: 'string' }), [{ value: 'v' }], RUN)).toEqual(E.right(undefined));
      expect(validateParams(spec({ name: '', type: 'string' }), [{ value: 'v' }], RUN)).toEqual(E.right(undefined));
    });

    it('an unnamed declaration without default and no value for it', () => {
      expectRefused(validateParams(spec({ type: 'string' }), [], RUN), RUN, 'spec.inputs.params', 'missing values for these params which have no default values: []');
    });

    it('an unnamed param given when none is declared', () => {
      expectRefused(validateParams(spec({ name: 'a', type: 'string', default: 'd' }), [{ value: 'v' }], RUN), RUN, 'spec.inputs.params', "didn't need these params but they were provided anyway: []");
    });

    it('an unnamed param of the wrong type', () => {
      expectRefused(validateParams(spec({ type: 'array' }), [{ value: 'v' }], RUN), RUN, 'spec.inputs.params', "param types don't match the user-specified type: []");
    });
  });

  it('a value of the wrong type', () => {
    expectRefused(
      validateParams(spec({ name: 'a', type: 'array' }, { name: 's', type: 'string' }), [{ name: 'a', value: 'str' }, { name: 's', value: ['x'] }], RUN),
      RUN,
      'spec.inputs.params',
      "param types don't match the user-specified type: [a s]",
    );
  });
});

// Tekton's webhook decoded the TaskRun with encoding/json, re-encoded it
// (knative's roundTripPatch) and then validated it. A param without `value`
// keeps Go's zero ArrayOrString, whose MarshalJSON fails ('impossible
// ArrayOrString.Type: ""'), so the webhook refused the TaskRun before any
// check of its own. Checked with Go against Tekton's types at 6c132b937e.
describe('validateTaskRun: a param without a value (ArrayOrString with no type)', () => {
  const RUN = 'TaskRun default/taskname';
  const run = (params: Param[], extra: Partial<NonNullable<TaskRun['spec']>> = {}, name = 'taskname'): TaskRun => ({
    metadata: { name, namespace: 'default' },
    spec: { taskRef: { name: 't' }, inputs: { params }, ...extra },
  });

  it('refuses it, naming the param\'s value', () => {
    expectRefused(validateTaskRun(run([{ name: 'a' }]), RUN), RUN, 'spec.inputs.params[0].value', 'impossible ArrayOrString.Type: ""');
  });

  it('names the first param without a value', () => {
    const e = refusal(validateTaskRun(run([{ name: 'a', value: 'x' }, { name: 'b' }, { name: 'c' }]), RUN));
    expect(e.field).toBe('spec.inputs.params[1].value');
    expect(e.message).toContain('"b"');
  });

  it('accepts a string, an array, an empty string and an empty array', () => {
    expect(validateTaskRun(run([{ name: 'a', value: 'x' }, { name: 'b', value: ['y'] }, { name: 'c', value: '' }, { name: 'd', value: [] }]), RUN)).toEqual(E.right(undefined));
  });

  it('refuses it before the webhook\'s own checks (the name, duplicate params)', () => {
    expectRefused(validateTaskRun(run([{ name: 'a' }], {}, 'bad.name'), RUN), RUN, 'spec.inputs.params[0].value', 'impossible ArrayOrString.Type');
    expectRefused(validateTaskRun(run([{ name: 'a', value: 'x' }, { name: 'a' }]), RUN), RUN, 'spec.inputs.params[1].value', 'impossible ArrayOrString.Type');
  });

  it('refuses it in a rendered TaskRun', () => {
    const r = renderWith([{ name: 'p' }]);
    expect(E.isLeft(r) && [r.left._tag, r.left.object, r.left.field]).toEqual(['Invalid', 'TaskRun ci/run', 'spec.inputs.params[0].value']);
  });

  it('renders the same TaskRun when the param has a value', () => {
    expect(E.isRight(renderWith([{ name: 'p', value: 'v' }]))).toBe(true);
  });

  // The reconciler's own check compared types: "" matches no declared type.
  it('validateParams: no value matches neither a string nor an array declaration', () => {
    const spec = (type: string): TaskSpec => ({ inputs: { params: [{ name: 'a', type }] }, steps: validSteps });
    for (const type of ['string', 'array']) {
      expectRefused(validateParams(spec(type), [{ name: 'a' }], RUN), RUN, 'spec.inputs.params', "param types don't match the user-specified type: [a]");
    }
  });
});

/** A TaskRun with these params for a Task that declares `p`, rendered. */
function renderWith(params: Param[]) {
  return render({
    docs: [
      taskRunDoc({ name: 'run', namespace: 'ci' }, { taskRef: { name: 'build' }, inputs: { params } }),
      taskDoc({ name: 'build', namespace: 'ci' }, { inputs: { params: [{ name: 'p', default: 'd' }] }, steps: [{ name: 's', image: 'ubuntu', command: ['echo', '$(inputs.params.p)'] }] }),
      serviceAccountDoc('default', 'ci'),
    ],
  });
}

// spec.timeout is a metav1.Duration: Go decoded it with time.ParseDuration
// (text that does not parse failed the webhook's decoding), then validation
// refused a negative one, printed with Duration.String().
describe('validateTaskRun: spec.timeout as Go read it', () => {
  const RUN = 'TaskRun default/taskname';
  const run = (timeout: string, name = 'taskname'): TaskRun => ({ metadata: { name, namespace: 'default' }, spec: { taskRef: { name: 't' }, timeout } });

  it.each(['1h', '0', '-0', '+0', '0s', '-0s', '1h30m', '1.5h', '.5s', '1.s', '300ms', '2us', '2µs', '2μs', '10ns', '+5m', '2562047h47m16.854775807s'])('accepts %j', (timeout) => {
    expect(validateTaskRun(run(timeout), RUN)).toEqual(E.right(undefined));
  });

  it.each<[string, string]>([
    ['abc', 'time: invalid duration abc'],
    ['', 'time: invalid duration '],
    ['1', 'time: missing unit in duration 1'],
    ['10', 'time: missing unit in duration 10'],
    ['1x', 'time: unknown unit x in duration 1x'],
    ['1H', 'time: unknown unit H in duration 1H'],
    ['1 h', 'time: unknown unit  h in duration 1 h'],
    [' 1h', 'time: invalid duration  1h'],
    ['1h ', 'time: unknown unit h  in duration 1h '],
    ['-', 'time: invalid duration -'],
    ['--1h', 'time: invalid duration --1h'],
    ['.s', 'time: invalid duration .s'],
    ['1h-1m', 'time: unknown unit h- in duration 1h-1m'],
    ['9223372036854775808ns', 'time: invalid duration 9223372036854775808ns'],
    ['-9223372036854775808ns', 'time: invalid duration -9223372036854775808ns'],
    ['2562048h', 'time: invalid duration 2562048h'],
    ['2562047h47m16.854775808s', 'time: invalid duration 2562047h47m16.854775808s'],
  ])('refuses %j at decoding', (timeout, message) => {
    expectRefused(validateTaskRun(run(timeout), RUN), RUN, 'spec.timeout', message);
    expect(refusal(validateTaskRun(run(timeout), RUN)).message).toBe(message);
  });

  it.each<[string, string]>([
    ['-1h', '-1h0m0s'],
    ['-90m', '-1h30m0s'],
    ['-1.5s', '-1.5s'],
    ['-1ns', '-1ns'],
    ['-1500us', '-1.5ms'],
    ['-48h0m0s', '-48h0m0s'],
  ])('refuses the negative %j, written as Go wrote it', (timeout, written) => {
    expect(refusal(validateTaskRun(run(timeout), RUN))).toEqual({ _tag: 'Invalid', object: RUN, field: 'spec.timeout', message: `invalid value: ${written} should be >= 0` });
  });

  it('an unreadable timeout is refused before the webhook\'s checks (decoding came first)', () => {
    expectRefused(validateTaskRun(run('abc', 'bad.name'), RUN), RUN, 'spec.timeout', 'time: invalid duration abc');
  });

  it('a negative timeout is the last check', () => {
    expectRefused(validateTaskRun(run('-1h', 'bad.name'), RUN), RUN, 'metadata.name', 'special character');
  });
});
