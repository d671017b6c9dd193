/**
 * substitution.ts: Tekton's ApplyParameters / ApplyReplacements
 * (reconciler/taskrun/resources/apply.go, v1alpha1/step_replacements.go,
 * substitution.go). Cases ported from apply_test.go (TestApplyParameters,
 * TestApplyResources, TestVolumeReplacement) and param_types_test.go
 * (TestArrayOrString_ApplyReplacements).
 */
import type { Param, ParamSpec, TaskSpec } from '../src/model/tekton';
import {
  applyParameters,
  applyReplacements,
  paramReplacements,
  replaceArrayItem,
  replaceInStepTemplate,
  replaceVariables,
} from '../src/substitution';
import { make, Op, step, withArgs, withCommand, withWorkingDir } from './support/builders';

/** `spec` changed by `f` (apply_test's applyMutation). */
function mutated(spec: TaskSpec, f: (s: { -readonly [K in keyof TaskSpec]: any }) => void): TaskSpec {
  const copy = JSON.parse(JSON.stringify(spec)) as TaskSpec;
  f(copy as never);
  return copy;
}

const str = (name: string, value: string): Param => ({ name, value });
const arr = (name: string, ...value: string[]): Param => ({ name, value });

// apply_test.go's task specs.
const simpleTaskSpec: TaskSpec = {
  inputs: { resources: [{ name: 'workspace' }] },
  outputs: { resources: [{ name: 'imageToUse' }] },
  steps: [
    step('foo', '$(inputs.params.myimage)'),
    step('baz', 'bat', withWorkingDir('$(inputs.resources.workspace.path)'), withArgs('$(inputs.resources.workspace.url)')),
    step('qux', 'quux', withArgs('$(outputs.resources.imageToUse.url)')),
    step('foo', '$(inputs.params.myimage)'),
    step('baz', 'bat', withWorkingDir('$(inputs.resources.workspace.path)'), withArgs('$(inputs.resources.workspace.url)')),
    step('qux', 'quux', withArgs('$(outputs.resources.imageToUse.url)')),
  ],
};

const arrayParamTaskSpec: TaskSpec = {
  steps: [
    step('simple-image', 'some-image'),
    step('image-with-args-specified', 'some-other-image', withCommand('echo'), withArgs('first', 'second', '$(inputs.params.array-param)', 'last')),
  ],
};

const withSecondStep = (...ops: Op<NonNullable<TaskSpec['steps']>[number]>[]) => (spec: TaskSpec): TaskSpec => ({
  ...spec,
  steps: [spec.steps![0]!, make(spec.steps![1]!, ...ops)],
});

describe('applyParameters (TestApplyParameters)', () => {
  it('single parameter: every step using it', () => {
    const got = applyParameters(simpleTaskSpec, [str('myimage', 'bar')]);
    expect(got).toEqual(
      mutated(simpleTaskSpec, (s) => {
        s.steps[0].image = 'bar';
        s.steps[3].image = 'bar';
      }),
    );
  });

  it.each([
    ['0 elements', [] as string[], ['first', 'second', 'last']],
    ['1 element', ['foo'], ['first', 'second', 'foo', 'last']],
    ['3 elements', ['foo', 'bar', 'third'], ['first', 'second', 'foo', 'bar', 'third', 'last']],
  ])('array parameter with %s', (_name, value, args) => {
    expect(applyParameters(arrayParamTaskSpec, [arr('array-param', ...value)])).toEqual(withSecondStep(withArgs(...args))(arrayParamTaskSpec));
  });

  it('multiple arrays, in command and args', () => {
    const spec = withSecondStep(withCommand('cmd', '$(inputs.params.another-array-param)'))(arrayParamTaskSpec);
    const got = applyParameters(spec, [arr('array-param', 'foo', 'bar', 'third'), arr('another-array-param', 'part1', 'part2')]);
    expect(got).toEqual(withSecondStep(withCommand('cmd', 'part1', 'part2'), withArgs('first', 'second', 'foo', 'bar', 'third', 'last'))(spec));
  });

  it('array and normal string parameter', () => {
    const spec = withSecondStep(withArgs('$(inputs.params.normal-param)', 'second', '$(inputs.params.array-param)', 'last'))(arrayParamTaskSpec);
    const got = applyParameters(spec, [arr('array-param', 'middlefirst', 'middlesecond'), str('normal-param', 'foo')]);
    expect(got).toEqual(withSecondStep(withArgs('foo', 'second', 'middlefirst', 'middlesecond', 'last'))(spec));
  });

  it('several arrays and strings', () => {
    const spec: TaskSpec = {
      steps: [
        step('simple-image', 'image-$(inputs.params.string-param2)'),
        step(
          'image-with-args-specified',
          'some-other-image',
          withCommand('cmd', '$(inputs.params.array-param1)'),
          withArgs('$(inputs.params.array-param2)', 'second', '$(inputs.params.array-param1)', '$(inputs.params.string-param1)', 'last'),
        ),
      ],
    };
    const got = applyParameters(spec, [
      arr('array-param1', '1-param1', '2-param1', '3-param1', '4-param1'),
      arr('array-param2', '1-param2', '2-param2', '2-param3'),
      str('string-param1', 'foo'),
      str('string-param2', 'bar'),
    ]);
    expect(got).toEqual({
      steps: [
        step('simple-image', 'image-bar'),
        step(
          'image-with-args-specified',
          'some-other-image',
          withCommand('cmd', '1-param1', '2-param1', '3-param1', '4-param1'),
          withArgs('1-param2', '2-param2', '2-param3', 'second', '1-param1', '2-param1', '3-param1', '4-param1', 'foo', 'last'),
        ),
      ],
    });
  });

  it('default array parameter', () => {
    const spec: TaskSpec = { ...arrayParamTaskSpec, inputs: { params: [{ name: 'array-param', type: 'array', default: ['defaulted', 'value!'] }] } };
    expect(applyParameters(spec, [])).toEqual(withSecondStep(withArgs('first', 'second', 'defaulted', 'value!', 'last'))(spec));
  });

  it('volume mount parameter: name, mountPath and subPath', () => {
    const spec: TaskSpec = {
      steps: [step('foo', 'busybox:$(inputs.params.FOO)', (s) => ({ ...s, volumeMounts: [{ name: '$(inputs.params.FOO)', mountPath: 'path/to/$(inputs.params.FOO)', subPath: 'sub/$(inputs.params.FOO)/path' }] }))],
    };
    expect(applyParameters(spec, [str('FOO', 'world')])).toEqual({
      steps: [step('foo', 'busybox:world', (s) => ({ ...s, volumeMounts: [{ name: 'world', mountPath: 'path/to/world', subPath: 'sub/world/path' }] }))],
    });
  });

  it('envs parameter: values, configMap and secret key refs, envFrom prefixes and refs', () => {
    const spec: TaskSpec = {
      steps: [
        {
          name: 'foo',
          image: 'busybox:$(inputs.params.FOO)',
          env: [
            { name: 'foo', value: 'value-$(inputs.params.FOO)' },
            { name: 'bar', valueFrom: { configMapKeyRef: { name: 'config-$(inputs.params.FOO)', key: 'config-key-$(inputs.params.FOO)' } } },
            { name: 'baz', valueFrom: { secretKeyRef: { name: 'secret-$(inputs.params.FOO)', key: 'secret-key-$(inputs.params.FOO)' } } },
          ],
          envFrom: [
            { prefix: 'prefix-0-$(inputs.params.FOO)', configMapRef: { name: 'config-$(inputs.params.FOO)' } },
            { prefix: 'prefix-1-$(inputs.params.FOO)', secretRef: { name: 'secret-$(inputs.params.FOO)' } },
          ],
        },
      ],
    };
    expect(applyParameters(spec, [str('FOO', 'world')])).toEqual({
      steps: [
        {
          name: 'foo',
          image: 'busybox:world',
          env: [
            { name: 'foo', value: 'value-world' },
            { name: 'bar', valueFrom: { configMapKeyRef: { name: 'config-world', key: 'config-key-world' } } },
            { name: 'baz', valueFrom: { secretKeyRef: { name: 'secret-world', key: 'secret-key-world' } } },
          ],
          envFrom: [
            { prefix: 'prefix-0-world', configMapRef: { name: 'config-world' } },
            { prefix: 'prefix-1-world', secretRef: { name: 'secret-world' } },
          ],
        },
      ],
    });
  });

  it('stepTemplate parameter: the template env, a defaulted step image', () => {
    const spec: TaskSpec = {
      inputs: { params: [{ name: 'myimage', type: 'string', default: 'replaced-image-name' }, { name: 'FOO', type: 'string' }] },
      stepTemplate: { env: [{ name: 'template-var', value: '$(inputs.params.FOO)' }] },
      steps: [step('simple-image', '$(inputs.params.myimage)'), { name: 'image-with-env-specified', image: 'some-other-image', env: [{ name: 'template-var', value: 'overridden-value' }] }],
    };
    expect(applyParameters(spec, [str('FOO', 'BAR')])).toEqual({
      ...spec,
      stepTemplate: { env: [{ name: 'template-var', value: 'BAR' }] },
      steps: [step('simple-image', 'replaced-image-name'), spec.steps![1]],
    });
  });

  it('with default parameter', () => {
    const spec: TaskSpec = { ...simpleTaskSpec, inputs: { ...simpleTaskSpec.inputs, params: [{ name: 'myimage', type: 'string', default: 'mydefault' }] } };
    expect(applyParameters(spec, [])).toEqual(
      mutated(spec, (s) => {
        s.steps[0].image = 'mydefault';
        s.steps[3].image = 'mydefault';
      }),
    );
  });

  it('with empty string default parameter', () => {
    const spec: TaskSpec = { ...simpleTaskSpec, inputs: { ...simpleTaskSpec.inputs, params: [{ name: 'myimage', type: 'string', default: '' }] } };
    expect(applyParameters(spec, [])).toEqual(
      mutated(spec, (s) => {
        s.steps[0].image = '';
        s.steps[3].image = '';
      }),
    );
  });

  it('a TaskRun value overrides the default', () => {
    const spec: TaskSpec = { inputs: { params: [{ name: 'x', type: 'string', default: 'dflt' }] }, steps: [step('s', 'img:$(inputs.params.x)')] };
    expect(applyParameters(spec, [str('x', 'given')]).steps).toEqual([step('s', 'img:given')]);
  });

  it('leaves an undeclared variable as written', () => {
    const spec: TaskSpec = { steps: [step('s', 'img', withArgs('$(inputs.params.nope)', '$(something.else)'))] };
    expect(applyParameters(spec, [])).toEqual(spec);
  });
});

describe('what is substituted and what is not', () => {
  const P = new Map([['inputs.params.p', 'V']]);

  it('a step: name, image, command, args, workingDir (not the script)', () => {
    const spec: TaskSpec = {
      steps: [
        {
          name: 'n-$(inputs.params.p)',
          image: 'i-$(inputs.params.p)',
          command: ['c-$(inputs.params.p)'],
          args: ['a-$(inputs.params.p)'],
          workingDir: '/w/$(inputs.params.p)',
          script: '#!/bin/sh\necho $(inputs.params.p)',
        },
      ],
    };
    expect(applyReplacements(spec, P, new Map()).steps).toEqual([
      { name: 'n-V', image: 'i-V', command: ['c-V'], args: ['a-V'], workingDir: '/w/V', script: '#!/bin/sh\necho $(inputs.params.p)' },
    ]);
  });

  it('the stepTemplate: only env, envFrom and volumeMounts (Tekton substituted a copy of the struct)', () => {
    const template = {
      name: 'n-$(inputs.params.p)',
      image: 'i-$(inputs.params.p)',
      command: ['c-$(inputs.params.p)'],
      args: ['a-$(inputs.params.p)'],
      workingDir: '/w/$(inputs.params.p)',
      env: [
        { name: 'E', value: 'e-$(inputs.params.p)' },
        { name: 'S', valueFrom: { secretKeyRef: { name: 's-$(inputs.params.p)', key: 'k-$(inputs.params.p)' } } },
      ],
      envFrom: [{ prefix: 'p-$(inputs.params.p)', configMapRef: { name: 'cm-$(inputs.params.p)' } }],
      volumeMounts: [{ name: 'v-$(inputs.params.p)', mountPath: '/m/$(inputs.params.p)', subPath: 's/$(inputs.params.p)' }],
    };
    const expected = {
      ...template,
      env: [
        { name: 'E', value: 'e-V' },
        { name: 'S', valueFrom: { secretKeyRef: { name: 's-V', key: 'k-V' } } },
      ],
      envFrom: [{ prefix: 'p-V', configMapRef: { name: 'cm-V' } }],
      volumeMounts: [{ name: 'v-V', mountPath: '/m/V', subPath: 's/V' }],
    };
    expect(replaceInStepTemplate(template, P)).toEqual(expected);
    expect(applyReplacements({ stepTemplate: template }, P, new Map()).stepTemplate).toEqual(expected);
  });

  it('sidecars are not substituted', () => {
    const spec: TaskSpec = { steps: [step('s', 'i')], sidecars: [{ name: 'side', image: 'i-$(inputs.params.p)', args: ['$(inputs.params.p)'] }] };
    expect(applyReplacements(spec, P, new Map()).sidecars).toEqual(spec.sidecars);
  });

  it('an env var name is not substituted', () => {
    const spec: TaskSpec = { steps: [{ name: 's', image: 'i', env: [{ name: '$(inputs.params.p)', value: 'x' }] }] };
    expect(applyReplacements(spec, P, new Map()).steps?.[0]?.env).toEqual([{ name: '$(inputs.params.p)', value: 'x' }]);
  });

  it('an array param inside a longer string is left alone; a string param there is replaced', () => {
    const got = applyReplacements({ steps: [step('s', 'i', withArgs('x $(inputs.params.a) $(inputs.params.p)'))] }, P, new Map([['inputs.params.a', ['1', '2']]]));
    expect(got.steps?.[0]?.args).toEqual(['x $(inputs.params.a) V']);
  });

  it('args that all vanish (empty arrays) leave no args', () => {
    const got = applyReplacements({ steps: [step('s', 'i', withArgs('$(inputs.params.a)'))] }, new Map(), new Map([['inputs.params.a', []]]));
    expect(got.steps?.[0]).toEqual(step('s', 'i'));
  });
});

describe('volume replacement (TestVolumeReplacement)', () => {
  it.each([
    ['volume replacement', { name: '$(foo)' }, { foo: 'bar' }, { name: 'bar' }],
    ['volume configmap', { name: '$(name)', configMap: { name: '$(configmapname)' } }, { name: 'myname', configmapname: 'cfgmapname' }, { name: 'myname', configMap: { name: 'cfgmapname' } }],
    ['volume secretname', { name: '$(name)', secret: { secretName: '$(secretname)' } }, { name: 'mysecret', secretname: 'totallysecure' }, { name: 'mysecret', secret: { secretName: 'totallysecure' } }],
    ['volume PVC name', { name: '$(name)', persistentVolumeClaim: { claimName: '$(FOO)' } }, { name: 'mypvc', FOO: 'pvcrocks' }, { name: 'mypvc', persistentVolumeClaim: { claimName: 'pvcrocks' } }],
  ])('%s', (_name, volume, repl, want) => {
    expect(applyReplacements({ volumes: [volume] }, new Map(Object.entries(repl)), new Map())).toEqual({ volumes: [want] });
  });

  it('other volume fields stay as written', () => {
    const volume = { name: 'v', hostPath: { path: '/$(foo)' }, configMap: { name: 'c', items: [{ key: '$(foo)', path: 'p' }] } };
    expect(applyReplacements({ volumes: [volume] }, new Map([['foo', 'bar']]), new Map())).toEqual({ volumes: [volume] });
  });
});

describe('resource path replacements (TestApplyResources)', () => {
  // The replacement map the resources stage builds: `path` of every declared
  // resource, and the fields of the bound ones.
  it('no replacements specified: only the input path', () => {
    const got = applyReplacements(simpleTaskSpec, new Map([['inputs.resources.workspace.path', '/workspace/workspace']]), new Map());
    expect(got).toEqual(
      mutated(simpleTaskSpec, (s) => {
        s.steps[1].workingDir = '/workspace/workspace';
        s.steps[4].workingDir = '/workspace/workspace';
      }),
    );
  });

  it('input resource specified', () => {
    const got = applyReplacements(
      simpleTaskSpec,
      new Map([
        ['inputs.resources.workspace.path', '/workspace/workspace'],
        ['inputs.resources.workspace.url', 'https://git-repo'],
      ]),
      new Map(),
    );
    expect(got).toEqual(
      mutated(simpleTaskSpec, (s) => {
        s.steps[1].workingDir = '/workspace/workspace';
        s.steps[1].args = ['https://git-repo'];
        s.steps[4].workingDir = '/workspace/workspace';
        s.steps[4].args = ['https://git-repo'];
      }),
    );
  });

  it('output resource with path replacement', () => {
    const gcs: TaskSpec = { outputs: { resources: [{ name: 'bucket' }] }, steps: [step('foobar', 'someImage', withArgs('$(outputs.resources.bucket.path)'))] };
    expect(applyReplacements(gcs, new Map([['outputs.resources.bucket.path', '/workspace/output/bucket']]), new Map()).steps).toEqual([
      step('foobar', 'someImage', withArgs('/workspace/output/bucket')),
    ]);
  });
});

describe('replaceVariables: one pass', () => {
  it('replaces every occurrence', () => {
    expect(replaceVariables('$(a)-$(a)-$(b)', new Map([['a', '1'], ['b', '2']]))).toBe('1-1-2');
  });

  it('never expands a variable that a replacement brought in', () => {
    const r = new Map([
      ['inputs.params.a', '$(inputs.params.b)'],
      ['inputs.params.b', 'B'],
    ]);
    expect(replaceVariables('$(inputs.params.a)', r)).toBe('$(inputs.params.b)');
    expect(replaceVariables('$(inputs.params.b)/$(inputs.params.a)', r)).toBe('B/$(inputs.params.b)');
  });

  it('leaves `$$`, unknown keys and unclosed references as written', () => {
    const r = new Map([['x', 'X']]);
    expect(replaceVariables('$$ $(y) $(x', r)).toBe('$$ $(y) $(x');
  });

  it('keeps `$` patterns of a value literal (no special replacement patterns)', () => {
    expect(replaceVariables('$(x)', new Map([['x', "$& $' $1 $$"]]))).toBe("$& $' $1 $$");
  });
});

describe('replaceArrayItem (TestArrayOrString_ApplyReplacements)', () => {
  const strings = new Map([
    ['some', 'value'],
    ['anotherkey', 'value'],
  ]);
  const arrays = new Map([
    ['arraykey', ['array', 'value']],
    ['sdfdf', ['asdf', 'sdfsd']],
  ]);
  const list = (...xs: string[]) => xs.flatMap((x) => replaceArrayItem(x, strings, arrays));

  it('no replacements on array', () => {
    expect(list('an', 'array')).toEqual(['an', 'array']);
  });
  it('string replacements on string', () => {
    expect(list('astring$(some) asdf $(anotherkey)')).toEqual(['astringvalue asdf value']);
  });
  it('single array replacement', () => {
    expect(list('firstvalue', '$(arraykey)', 'lastvalue')).toEqual(['firstvalue', 'array', 'value', 'lastvalue']);
  });
  it('multiple array replacement', () => {
    expect(list('firstvalue', '$(arraykey)', 'lastvalue', '$(sdfdf)')).toEqual(['firstvalue', 'array', 'value', 'lastvalue', 'asdf', 'sdfsd']);
  });
  it('empty array replacement', () => {
    expect(['firstvalue', '$(arraykey)', 'lastvalue'].flatMap((x) => replaceArrayItem(x, strings, new Map([['arraykey', []]])))).toEqual([
      'firstvalue',
      'lastvalue',
    ]);
  });
  it('an array variable twice in one item is not expanded', () => {
    expect(replaceArrayItem('$(arraykey)$(arraykey)', strings, arrays)).toEqual(['$(arraykey)$(arraykey)']);
  });
});

describe('paramReplacements', () => {
  it('takes defaults, then the TaskRun values; a value of the other type replaces the default', () => {
    const declared: ParamSpec[] = [
      { name: 's', type: 'string', default: 'd' },
      { name: 'a', type: 'array', default: ['x'] },
      { name: 'n', type: 'string' },
    ];
    const { strings, arrays } = paramReplacements(declared, [arr('s', 'now', 'array'), str('a', 'now-string')]);
    expect([...strings]).toEqual([['inputs.params.a', 'now-string']]);
    expect([...arrays]).toEqual([['inputs.params.s', ['now', 'array']]]);
  });
});

// Tekton's ApplyArrayReplacements expands an item only when it is exactly
// `$(key)` of an array param (substitution.go: the whole item, one match);
// any other item gets the string replacements.
describe('array params: only an item that is exactly `$(key)`', () => {
  const arrays = new Map([['inputs.params.a', ['1', '2']]]);
  const strings = new Map([['inputs.params.p', 'V']]);
  // Items whose inside, without their first two and last characters, is the array key.
  const lookalikes = ['$(inputs.params.ax', 'xxinputs.params.a)', '__inputs.params.a_'];

  it('replaceArrayItem: an unclosed `$(key`, or `key)` without `$(`, is one string', () => {
    expect(lookalikes.map((x) => replaceArrayItem(x, strings, arrays))).toEqual(lookalikes.map((x) => [x]));
    expect(replaceArrayItem('$(inputs.params.a)', strings, arrays)).toEqual(['1', '2']);
  });

  it('in step command and args alike', () => {
    const got = applyReplacements({ steps: [step('s', 'i', withCommand(...lookalikes, '$(inputs.params.a)'), withArgs('$(inputs.params.a)', ...lookalikes, '$(inputs.params.p)'))] }, strings, arrays);
    expect(got.steps).toStrictEqual([step('s', 'i', withCommand(...lookalikes, '1', '2'), withArgs('1', '2', ...lookalikes, 'V'))]);
  });
});

// Go's zero values: a field Tekton substituted but the step leaves out stays
// out (omitempty), and no field is added.
describe('fields left out stay out', () => {
  const P = new Map([['inputs.params.p', 'V']]);

  it('a volume mount without subPath, an env var without valueFrom key, an envFrom without prefix', () => {
    const spec: TaskSpec = {
      steps: [
        {
          name: 's',
          image: 'i',
          volumeMounts: [{ name: 'v-$(inputs.params.p)', mountPath: '/m' }],
          env: [
            { name: 'A', valueFrom: { secretKeyRef: { name: 's-$(inputs.params.p)', key: 'k' } } },
            { name: 'C', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          ],
          envFrom: [{ configMapRef: { name: 'cm-$(inputs.params.p)' } }, { secretRef: { name: 'sec' } }],
        },
      ],
    };
    expect(applyReplacements(spec, P, new Map())).toStrictEqual({
      steps: [
        {
          name: 's',
          image: 'i',
          volumeMounts: [{ name: 'v-V', mountPath: '/m' }],
          env: [
            { name: 'A', valueFrom: { secretKeyRef: { name: 's-V', key: 'k' } } },
            { name: 'C', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          ],
          envFrom: [{ configMapRef: { name: 'cm-V' } }, { secretRef: { name: 'sec' } }],
        },
      ],
    });
  });

  it('a key ref without its name (optional in Kubernetes) gets the key replaced', () => {
    const spec: TaskSpec = { steps: [{ name: 's', image: 'i', env: [{ name: 'B', valueFrom: { configMapKeyRef: { key: 'k-$(inputs.params.p)' } } }] }] };
    expect(applyReplacements(spec, P, new Map()).steps).toEqual([{ name: 's', image: 'i', env: [{ name: 'B', valueFrom: { configMapKeyRef: { key: 'k-V' } } }] }]);
  });

  it('a stepTemplate with no env, envFrom or mounts gains none', () => {
    expect(replaceInStepTemplate({ image: 'i-$(inputs.params.p)', workingDir: '/w' }, P)).toStrictEqual({ image: 'i-$(inputs.params.p)', workingDir: '/w' });
    expect(replaceInStepTemplate({ volumeMounts: [{ name: 'v', mountPath: '/$(inputs.params.p)' }] }, P)).toStrictEqual({ volumeMounts: [{ name: 'v', mountPath: '/V' }] });
  });

  it('a TaskSpec without steps, stepTemplate or volumes gains none', () => {
    const spec: TaskSpec = { inputs: { params: [{ name: 'p', type: 'string' }] } };
    expect(applyReplacements(spec, P, new Map())).toStrictEqual(spec);
  });

  it('args (or a command) that all vanish leave no key at all', () => {
    const got = applyReplacements({ steps: [step('s', 'i', withCommand('$(inputs.params.a)'), withArgs('$(inputs.params.a)'))] }, new Map(), new Map([['inputs.params.a', []]]));
    expect(got.steps).toStrictEqual([{ name: 's', image: 'i' }]);
  });

  it('a step field set to undefined is dropped, not substituted', () => {
    const got = applyReplacements({ steps: [{ name: 's-$(inputs.params.p)', image: 'i', workingDir: undefined, args: undefined, env: undefined }] }, P, new Map());
    expect(got.steps).toStrictEqual([{ name: 's-V', image: 'i' }]);
  });

  it('a volume without configMap, secret or claim gains none', () => {
    expect(applyReplacements({ volumes: [{ name: '$(inputs.params.p)', emptyDir: {} }] }, P, new Map())).toStrictEqual({ volumes: [{ name: 'V', emptyDir: {} }] });
  });
});

describe('paramReplacements: names as Go formats them', () => {
  it('a param without a name is keyed `inputs.params.` (fmt.Sprintf of the empty Name)', () => {
    expect([...paramReplacements([{ default: 'd' }], []).strings]).toEqual([['inputs.params.', 'd']]);
    expect([...paramReplacements([], [{ value: ['x'] }]).arrays]).toEqual([['inputs.params.', ['x']]]);
  });

  it('no params, no replacements: an undeclared `$(inputs.params.)` stays as written', () => {
    const { strings, arrays } = paramReplacements([], []);
    expect([strings.size, arrays.size]).toEqual([0, 0]);
    const spec: TaskSpec = { steps: [step('s', 'i-$(inputs.params.)', withArgs('$(inputs.params.)'))] };
    expect(applyParameters(spec, [])).toStrictEqual(spec);
  });
});
