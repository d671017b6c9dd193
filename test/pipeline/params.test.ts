/**
 * A PipelineRun's params (ApplyParameters and ValidateParamTypesMatching at
 * 6c132b937e): `$(params.NAME)` in each task's and each condition's param
 * values, the PipelineRun's value over the Pipeline's default, an array
 * param as whole items, and the type check before it. Cases follow Tekton's
 * apply_test.go and validate_params_test.go.
 */
import type { PipelineSpec, PipelineTask } from '../../src/model/pipeline';
import type { Param } from '../../src/model/tekton';
import { applyPipelineParameters, validateParamTypesMatching } from '../../src/pipeline/params';
import { deepFreeze } from '../helpers/deep-freeze';

const task = (params: Param[], fields: Partial<PipelineTask> = {}): PipelineTask => ({ name: 'first-task-1', taskRef: { name: 'first-task' }, params, ...fields });
const applied = (spec: PipelineSpec, given: Param[] = []) => applyPipelineParameters(deepFreeze(spec), deepFreeze(given));
const taskParams = (spec: PipelineSpec, given: Param[] = []) => applied(spec, given).tasks?.[0]?.params;

describe('applyPipelineParameters', () => {
  test('strings: the default, the given value, and a value with no variable', () => {
    const spec: PipelineSpec = {
      params: [
        { name: 'first-param', type: 'string', default: 'default-value' },
        { name: 'second-param', type: 'string' },
      ],
      tasks: [
        task([
          { name: 'a', value: '$(params.first-param)' },
          { name: 'b', value: '$(params.second-param)' },
          { name: 'c', value: 'static value' },
        ]),
      ],
    };
    expect(taskParams(spec, [{ name: 'second-param', value: 'second-value' }])).toEqual([
      { name: 'a', value: 'default-value' },
      { name: 'b', value: 'second-value' },
      { name: 'c', value: 'static value' },
    ]);
  });

  test("the PipelineRun's value wins over the default", () => {
    const spec: PipelineSpec = { params: [{ name: 'rev', type: 'string', default: 'main' }], tasks: [task([{ name: 'r', value: 'at $(params.rev), $(params.rev) again' }])] };
    expect(taskParams(spec, [{ name: 'rev', value: 'v1.2' }])).toEqual([{ name: 'r', value: 'at v1.2, v1.2 again' }]);
  });

  test('a variable inside another expression: only $(params.x) is replaced', () => {
    const spec: PipelineSpec = {
      params: [{ name: 'first-param', type: 'string', default: 'default-value' }],
      tasks: [task([{ name: 'a', value: '$(input.workspace.$(params.first-param))' }])],
    };
    expect(taskParams(spec)).toEqual([{ name: 'a', value: '$(input.workspace.default-value)' }]);
  });

  test('condition params too', () => {
    const spec: PipelineSpec = {
      params: [
        { name: 'first-param', type: 'string', default: 'default-value' },
        { name: 'second-param', type: 'string' },
      ],
      tasks: [
        task([], {
          params: undefined,
          conditions: [
            {
              conditionRef: 'task-condition',
              params: [
                { name: 'cond-first-param', value: '$(params.first-param)' },
                { name: 'cond-second-param', value: '$(params.second-param)' },
              ],
            },
            { conditionRef: 'no-params' },
          ],
        }),
      ],
    };
    expect(applied(spec, [{ name: 'second-param', value: 'second-value' }]).tasks?.[0]).toEqual({
      name: 'first-task-1',
      taskRef: { name: 'first-task' },
      conditions: [
        {
          conditionRef: 'task-condition',
          params: [
            { name: 'cond-first-param', value: 'default-value' },
            { name: 'cond-second-param', value: 'second-value' },
          ],
        },
        { conditionRef: 'no-params' },
      ],
    });
  });

  test('an array param fills the array item it stands alone in, from the default or the PipelineRun', () => {
    const spec: PipelineSpec = {
      params: [
        { name: 'first-param', type: 'array', default: ['default', 'array', 'value'] },
        { name: 'second-param', type: 'array' },
        { name: 'fourth-param', type: 'array' },
        { name: 'word', type: 'string', default: 'w' },
      ],
      tasks: [
        task([
          { name: 'a', value: ['firstelement', '$(params.first-param)'] },
          { name: 'b', value: ['first', '$(params.second-param)'] },
          { name: 'c', value: 'static value' },
          { name: 'd', value: ['first', '$(params.fourth-param)', 'x-$(params.word)'] },
        ]),
      ],
    };
    expect(
      taskParams(spec, [
        { name: 'second-param', value: ['second-value', 'array'] },
        { name: 'fourth-param', value: [] },
      ]),
    ).toEqual([
      { name: 'a', value: ['firstelement', 'default', 'array', 'value'] },
      { name: 'b', value: ['first', 'second-value', 'array'] },
      { name: 'c', value: 'static value' },
      { name: 'd', value: ['first', 'x-w'] },
    ]);
  });

  test('a param with neither a value nor a default is left as written', () => {
    const spec: PipelineSpec = {
      params: [{ name: 'rev', type: 'string' }, { name: 'files', type: 'array' }, { name: 'set', type: 'string', default: 'yes' }],
      tasks: [task([{ name: 'r', value: '$(params.rev)/$(params.set)' }, { name: 'f', value: ['$(params.files)'] }])],
    };
    expect(taskParams(spec)).toEqual([
      { name: 'r', value: '$(params.rev)/yes' },
      { name: 'f', value: ['$(params.files)'] },
    ]);
  });

  test('nothing to substitute: the spec itself', () => {
    const spec = deepFreeze<PipelineSpec>({ params: [{ name: 'rev', type: 'string' }], tasks: [task([{ name: 'r', value: '$(params.rev)' }])] });
    expect(applyPipelineParameters(spec, [])).toBe(spec);
  });

  test('everything else of the spec is kept', () => {
    const spec: PipelineSpec = {
      resources: [{ name: 'src', type: 'git' }],
      params: [{ name: 'rev', type: 'string', default: 'main' }],
      tasks: [task([{ name: 'r', value: '$(params.rev)' }], { runAfter: ['x'], retries: 2, resources: { inputs: [{ name: 'ws', resource: 'src' }] } }), { name: 'x', taskRef: { name: 't' } }],
    };
    expect(applied(spec)).toEqual({ ...spec, tasks: [{ ...spec.tasks![0], params: [{ name: 'r', value: 'main' }] }, spec.tasks![1]] });
  });
});

describe('validateParamTypesMatching', () => {
  const declared: PipelineSpec = {
    params: [
      { name: 'correct-type-1', type: 'string' },
      { name: 'mismatching-type', type: 'string' },
      { name: 'correct-type-2', type: 'array' },
    ],
  };

  test('proper types, and no params at all', () => {
    expect(
      validateParamTypesMatching(declared, [
        { name: 'correct-type-1', value: 'somestring' },
        { name: 'mismatching-type', value: 'astring' },
        { name: 'correct-type-2', value: ['another', 'array'] },
      ]),
    ).toEqual([]);
    expect(validateParamTypesMatching({}, [])).toEqual([]);
  });

  test('an array for a string param', () => {
    expect(
      validateParamTypesMatching(declared, [
        { name: 'correct-type-1', value: 'somestring' },
        { name: 'mismatching-type', value: ['an', 'array'] },
        { name: 'correct-type-2', value: ['another', 'array'] },
      ]),
    ).toEqual(['mismatching-type']);
  });

  test('a string for an array param, every mismatch in the given order', () => {
    expect(
      validateParamTypesMatching(declared, [
        { name: 'correct-type-2', value: 'astring' },
        { name: 'correct-type-1', value: ['x'] },
      ]),
    ).toEqual(['correct-type-2', 'correct-type-1']);
  });

  test('a param the Pipeline does not declare is not compared', () => {
    expect(validateParamTypesMatching(declared, [{ name: 'undeclared', value: ['x'] }])).toEqual([]);
  });
});
