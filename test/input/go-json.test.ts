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
