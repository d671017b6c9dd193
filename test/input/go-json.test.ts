// What sigs.k8s.io/yaml (vendored by Tekton at 6c132b937e) handed to Go's
// JSON decoder: numbers and booleans in string fields became text, except
// below fields promoted from an embedded struct, where it lost the type.
// Checked against Tekton's own decoding of the same YAML.
import { asGoDecoded } from '../../src/input/go-json';
import { TaskRun } from '../../src/model/tekton';

describe('asGoDecoded', () => {
  const tr = (spec: unknown) => asGoDecoded({ metadata: { name: 'r', labels: { port: 8080 } }, spec }, TaskRun) as Record<string, any>;

  it('converts numbers and booleans in string fields of ordinary structs', () => {
    const out = tr({ taskSpec: { stepTemplate: { env: [{ name: 'P', value: 8080 }, { name: 'B', value: true }, { name: 'F', value: 1.5 }] } } });
    expect(out.metadata.labels).toEqual({ port: '8080' });
    expect(out.spec.taskSpec.stepTemplate.env).toEqual([{ name: 'P', value: '8080' }, { name: 'B', value: 'true' }, { name: 'F', value: '1.5' }]);
  });

  it('converts nothing inside a step (its fields come from the embedded Container), except script', () => {
    const out = tr({ taskSpec: { steps: [{ name: 1, env: [{ name: 'P', value: 8080 }], script: 42 }] } });
    expect(out.spec.taskSpec.steps[0]).toEqual({ name: 1, env: [{ name: 'P', value: 8080 }], script: '42' });
  });

  it('converts nothing inside a binding\'s resourceSpec, but a resourceRef name coincides with the binding\'s own name field', () => {
    const out = tr({ inputs: { resources: [{ name: 'src', resourceRef: { name: 7 }, resourceSpec: { params: [{ name: 'dir', value: true }] }, paths: [1] }] } });
    const b = out.spec.inputs.resources[0];
    expect(b.resourceSpec.params[0].value).toBe(true);
    expect(b.resourceRef.name).toBe('7');
    expect(b.paths).toEqual(['1']);
  });

  it('leaves params (ArrayOrString has its own JSON decoding) alone', () => {
    expect(tr({ inputs: { params: [{ name: 'p', value: 3 }] } }).spec.inputs.params[0].value).toBe(3);
  });

  it('matches field names case-insensitively when nothing matches exactly, as Go did', () => {
    const out = tr({ ServiceAccountName: 'builder', taskSpec: { StepTemplate: { Image: 'ubuntu' } } });
    expect(out.spec.serviceAccountName).toBe('builder');
    expect(out.spec.taskSpec.stepTemplate).toEqual({ image: 'ubuntu' });
  });
});

// YAML's .inf and .nan are floats. sigs.k8s.io/yaml wrote them as Go's
// FormatFloat(f, 'g', -1, 32) text ("+Inf", "-Inf", "NaN") where the Go field
// is a string, and anywhere else encoding/json refused the whole document.
describe('.inf and .nan', () => {
  const { parseDocuments } = require('../../src/input/yaml') as typeof import('../../src/input/yaml');
  const { collectObjects } = require('../../src/input/objects') as typeof import('../../src/input/objects');
  const read = (spec: string) => {
    const docs = parseDocuments(`apiVersion: tekton.dev/v1alpha1\nkind: TaskRun\nmetadata: {name: r}\nspec: ${spec}\n`, 'in.yaml');
    if (docs._tag === 'Left') throw new Error(docs.left.message);
    return collectObjects(docs.right, () => 'in.yaml');
  };

  it('in a string field: Go\'s text of the float', () => {
    const r = read('{taskSpec: {stepTemplate: {env: [{name: A, value: .inf}, {name: B, value: -.Inf}, {name: C, value: .NaN}], args: [1e+7, 0.1, 16777217.5]}, steps: [{image: a}]}}');
    expect(r._tag).toBe('Right');
    const template = r._tag === 'Right' ? r.right.taskRuns[0]?.spec?.taskSpec?.stepTemplate : undefined;
    expect(template?.env?.map((e) => e.value)).toStrictEqual(['+Inf', '-Inf', 'NaN']);
    // 16777217.5 is 16777218 as a float32. (1e+7 would be "1e+07" in Go: a
    // known difference, docs/deviations.md.)
    expect(template?.args).toStrictEqual(['10000000', '0.1', '1.6777218e+07']);
  });

  // Below a step's promoted Container fields sigs.k8s.io/yaml lost track of
  // the Go type (see go-json.ts), so even a string field refused the float.
  it('in a step\'s env value: refused, as Go refused it', () => {
    expect(read('{taskSpec: {steps: [{image: a, env: [{name: A, value: .inf}]}]}}')).toMatchObject({ _tag: 'Left', left: { field: 'spec.taskSpec.steps[0].env[0].value' } });
  });

  it.each([
    ['{taskSpec: {steps: [{image: a, ports: [{containerPort: .inf}]}]}}', 'spec.taskSpec.steps[0].ports[0].containerPort', '+Inf'],
    ['{taskSpec: {steps: [{image: a}]}, unknownField: [-.inf]}', 'spec.unknownField[0]', '-Inf'],
    ['{taskSpec: {steps: [{image: a, resources: {limits: {cpu: .nan}}}]}}', 'spec.taskSpec.steps[0].resources.limits.cpu', 'NaN'],
  ])('anywhere else the document is refused: %s', (spec, field, text) => {
    expect(read(spec)).toStrictEqual({
      _tag: 'Left',
      left: { _tag: 'InvalidInput', object: 'TaskRun r', field, message: `json: unsupported value: ${text} (YAML's .inf and .nan fit only string fields)` },
    });
  });
});
