/**
 * A PipelineRun's params (resources/apply.go and validate_params.go at
 * 6c132b937e): their types against the Pipeline's, then `$(params.NAME)`
 * replaced in every task's and condition's param values, the PipelineRun's
 * value over the Pipeline's default. A param with neither stays as written.
 *
 * @packageDocumentation
 */
import type { PipelineSpec } from '../model/pipeline';
import type { ArrayOrString, Param } from '../model/tekton';
import { replaceArrayItem, replaceVariables, StringReplacements, ArrayReplacements } from '../substitution';

const typeOf = (v: ArrayOrString | undefined): string => (v === undefined ? '' : typeof v === 'string' ? 'string' : 'array');

/**
 * The names of the PipelineRun's params whose type differs from the
 * Pipeline's declaration of the same name (undeclared ones are not compared).
 *
 * @example
 * ```ts
 * validateParamTypesMatching({ params: [{ name: 'files', type: 'array' }] }, [{ name: 'files', value: 'a.txt' }]); // ['files']
 * ```
 *
 * @public
 */
export function validateParamTypesMatching(spec: PipelineSpec, given: readonly Param[]): readonly string[] {
  const declared = new Map((spec.params ?? []).map((p) => [p.name ?? '', p.type ?? '']));
  return given.filter((p) => declared.has(p.name ?? '') && declared.get(p.name ?? '') !== typeOf(p.value)).map((p) => p.name ?? '');
}

function substituted(value: ArrayOrString | undefined, strings: StringReplacements, arrays: ArrayReplacements): ArrayOrString | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return replaceVariables(value, strings);
  return value.flatMap((v) => replaceArrayItem(v, strings, arrays));
}

function substituteParams(params: readonly Param[] | undefined, strings: StringReplacements, arrays: ArrayReplacements): readonly Param[] | undefined {
  return params?.map((p) => (p.value === undefined ? p : { ...p, value: substituted(p.value, strings, arrays)! }));
}

/**
 * The Pipeline's spec with the PipelineRun's params (and the Pipeline's
 * defaults) substituted into each task's params and each condition's params.
 *
 * @example
 * ```ts
 * applyPipelineParameters({ params: [{ name: 'rev', type: 'string' }], tasks: [{ name: 'b', params: [{ name: 'r', value: '$(params.rev)' }] }] },
 *   [{ name: 'rev', value: 'v1' }]).tasks?.[0]?.params; // [{ name: 'r', value: 'v1' }]
 * ```
 *
 * @public
 */
export function applyPipelineParameters(spec: PipelineSpec, given: readonly Param[]): PipelineSpec {
  const strings = new Map<string, string>();
  const arrays = new Map<string, readonly string[]>();
  const put = (name: string, v: ArrayOrString) => {
    if (typeof v === 'string') strings.set(`params.${name}`, v);
    else arrays.set(`params.${name}`, v);
  };
  for (const p of spec.params ?? []) if (p.default !== undefined) put(p.name ?? '', p.default);
  for (const p of given) put(p.name ?? '', p.value ?? []);
  if (strings.size === 0 && arrays.size === 0) return spec;
  return {
    ...spec,
    tasks: spec.tasks?.map((t) => ({
      ...t,
      ...(t.params !== undefined ? { params: substituteParams(t.params, strings, arrays)! } : {}),
      ...(t.conditions !== undefined
        ? { conditions: t.conditions.map((c) => (c.params !== undefined ? { ...c, params: substituteParams(c.params, strings, arrays)! } : c)) }
        : {}),
    })),
  };
}
