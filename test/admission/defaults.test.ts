/**
 * admission/defaults.ts: the webhook's SetDefaults (param_types.go,
 * task_defaults.go, taskrun_defaults.go). Cases from param_types_test.go
 * (TestParamSpec_SetDefaults).
 */
import { defaultParamSpec, defaultTaskRun, defaultTaskSpec } from '../../src/admission/defaults';

describe('defaultParamSpec (TestParamSpec_SetDefaults)', () => {
  it('inferred string type', () => {
    expect(defaultParamSpec({ name: 'parametername' })).toEqual({ name: 'parametername', type: 'string' });
  });
  it('inferred type from default value', () => {
    expect(defaultParamSpec({ name: 'parametername', default: ['an', 'array'] })).toEqual({ name: 'parametername', type: 'array', default: ['an', 'array'] });
  });
  it('a string default gives a string type', () => {
    expect(defaultParamSpec({ name: 'p', default: '' })).toEqual({ name: 'p', type: 'string', default: '' });
  });
  it('fully defined ParamSpec is unchanged', () => {
    const p = { name: 'parametername', type: 'array', description: 'a description', default: ['an', 'array'] };
    expect(defaultParamSpec(p)).toEqual(p);
  });
  it('an empty type is no type (pp.Type == "")', () => {
    expect(defaultParamSpec({ name: 'p', type: '' })).toEqual({ name: 'p', type: 'string' });
    expect(defaultParamSpec({ name: 'p', type: '', default: ['a'] })).toEqual({ name: 'p', type: 'array', default: ['a'] });
  });
  it('a declared type is kept even when the default disagrees (validation refuses it later)', () => {
    expect(defaultParamSpec({ name: 'p', type: 'string', default: ['a'] })).toEqual({ name: 'p', type: 'string', default: ['a'] });
  });
});

describe('defaultTaskSpec', () => {
  it('gives image outputs without outputImageDir the default directory', () => {
    const spec = defaultTaskSpec({
      outputs: {
        resources: [
          { name: 'img', type: 'image' },
          { name: 'mine', type: 'image', outputImageDir: '/workspace/here' },
          { name: 'src', type: 'git' },
        ],
      },
    });
    expect(spec.outputs?.resources).toEqual([
      { name: 'img', type: 'image', outputImageDir: '/builder/home/image-outputs/img' },
      { name: 'mine', type: 'image', outputImageDir: '/workspace/here' },
      { name: 'src', type: 'git' },
    ]);
  });

  it('an empty outputImageDir is no outputImageDir (o.OutputImageDir == "")', () => {
    expect(defaultTaskSpec({ outputs: { resources: [{ name: 'img', type: 'image', outputImageDir: '' }] } }).outputs?.resources).toEqual([
      { name: 'img', type: 'image', outputImageDir: '/builder/home/image-outputs/img' },
    ]);
  });

  it('an unnamed image output gets the directory with an empty last part (fmt.Sprintf("%s/%s", dir, ""))', () => {
    expect(defaultTaskSpec({ outputs: { resources: [{ type: 'image' }] } }).outputs?.resources).toEqual([{ type: 'image', outputImageDir: '/builder/home/image-outputs/' }]);
  });

  it('defaults the type of every input param', () => {
    const spec = defaultTaskSpec({ inputs: { params: [{ name: 'a' }, { name: 'b', default: ['x'] }] } });
    expect(spec.inputs?.params).toEqual([
      { name: 'a', type: 'string' },
      { name: 'b', type: 'array', default: ['x'] },
    ]);
  });

  it('leaves a spec without inputs or outputs as it is', () => {
    const spec = { steps: [{ name: 's', image: 'i' }] };
    expect(defaultTaskSpec(spec)).toEqual(spec);
  });
});

describe('defaultTaskRun', () => {
  it('sets the taskRef kind to Task', () => {
    expect(defaultTaskRun({ spec: { taskRef: { name: 't' } } }).spec?.taskRef).toEqual({ name: 't', kind: 'Task' });
  });

  it('an empty kind is no kind (TaskRef.Kind == "")', () => {
    expect(defaultTaskRun({ spec: { taskRef: { name: 't', kind: '' } } }).spec?.taskRef).toEqual({ name: 't', kind: 'Task' });
  });

  it('keeps ClusterTask', () => {
    expect(defaultTaskRun({ spec: { taskRef: { name: 't', kind: 'ClusterTask' } } }).spec?.taskRef).toEqual({ name: 't', kind: 'ClusterTask' });
  });

  it('defaults an embedded taskSpec like a Task', () => {
    const tr = defaultTaskRun({ spec: { taskSpec: { inputs: { params: [{ name: 'p' }] }, outputs: { resources: [{ name: 'o', type: 'image' }] } } } });
    expect(tr.spec?.taskSpec).toEqual({
      inputs: { params: [{ name: 'p', type: 'string' }] },
      outputs: { resources: [{ name: 'o', type: 'image', outputImageDir: '/builder/home/image-outputs/o' }] },
    });
  });

  it("takes config-defaults' default-service-account for an empty serviceAccountName, over the deprecated serviceAccount", () => {
    const defaults = { serviceAccount: 'robot' };
    expect(defaultTaskRun({ spec: { taskRef: { name: 't' } } }, defaults).spec?.serviceAccountName).toBe('robot');
    expect(defaultTaskRun({ spec: { taskRef: { name: 't' }, serviceAccount: 'old' } }, defaults).spec?.serviceAccountName).toBe('robot');
    expect(defaultTaskRun({ spec: { taskRef: { name: 't' }, serviceAccountName: 'mine' } }, defaults).spec?.serviceAccountName).toBe('mine');
    expect(defaultTaskRun({ spec: { taskRef: { name: 't' } } }).spec?.serviceAccountName).toBeUndefined();
  });
});

describe('defaults: copies where a default applies, the input shared elsewhere', () => {
  it('returns the spec and the run themselves when no default applies', () => {
    const spec = { inputs: { params: [{ name: 'p', type: 'string' }] }, outputs: { resources: [{ name: 'o', type: 'image', outputImageDir: '/d' }] } };
    expect(defaultTaskSpec(spec)).toBe(spec);
    const tr = { spec: { taskRef: { name: 't', kind: 'Task' }, taskSpec: spec, serviceAccountName: 'sa' } };
    expect(defaultTaskRun(tr, { serviceAccount: 'robot' })).toBe(tr);
  });

  it('copies only the part a default applies to, and never changes the input', () => {
    const params = [{ name: 'p', type: 'string' }];
    const resources = [{ name: 'src', type: 'git' }, { name: 'o', type: 'image' }];
    const spec = { inputs: { params }, outputs: { resources } };
    const before = JSON.stringify(spec);
    const out = defaultTaskSpec(spec);
    expect(out.inputs).toBe(spec.inputs);
    expect(out.outputs?.resources?.[0]).toBe(resources[0]);
    expect(JSON.stringify(spec)).toBe(before);
  });

  it('keeps the keys in their places, a new key last, as a spread would', () => {
    const tr = defaultTaskRun({ spec: { taskRef: { kind: '', name: 't' }, timeout: '1h' } }, { serviceAccount: 'robot' });
    expect(Object.keys(tr.spec ?? {})).toEqual(['taskRef', 'timeout', 'serviceAccountName']);
    expect(Object.keys(tr.spec?.taskRef ?? {})).toEqual(['kind', 'name']);
    expect(Object.keys(defaultParamSpec({ name: 'p', default: 'x' }))).toEqual(['name', 'default', 'type']);
  });

  it('copies a "__proto__" field as a field, not as the prototype', () => {
    const p = JSON.parse('{"name":"p","__proto__":{"polluted":true}}') as { name: string };
    const out = defaultParamSpec(p);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['name', '__proto__', 'type']);
  });
});
