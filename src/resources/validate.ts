/**
 * The reconciler's check that a TaskRun binds exactly the resources its Task
 * declares, each of the declared type (validate_resources.go at
 * 6c132b937e), preceded by the webhook's check of every PipelineResource the
 * TaskRun references (a PipelineResource the webhook would have rejected
 * could not have existed in the cluster).
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { invalid, objectLabel, TaskpodError } from '../errors';
import { validateObjectName, validateResourceSpec } from '../admission/validate';
import { namespaceOf } from '../input/objects';
import type { TaskResource, TaskSpec } from '../model/tekton';
import type { ResolvedRun } from '../resolve';
import { bindingField, bindingsOf, describeBinding, Direction } from './context';

const SINGULAR: Readonly<Record<Direction, string>> = { inputs: 'input', outputs: 'output' };

function validateReferenced(run: ResolvedRun, direction: Direction): E.Either<TaskpodError, void> {
  const resolved = direction === 'inputs' ? run.inputs : run.outputs;
  for (const b of bindingsOf(run, direction)) {
    if ((b.resourceRef?.name ?? '') === '') continue;
    const r = resolved.get(b.name ?? '');
    if (r === undefined) continue;
    const label = objectLabel('PipelineResource', namespaceOf(r), r.metadata?.name);
    const checked = E.chain(() => validateResourceSpec(r.spec ?? {}, label, 'spec'))(validateObjectName(label, r.metadata?.name));
    if (E.isLeft(checked)) return checked;
  }
  return E.right(undefined);
}

function validateDirection(run: ResolvedRun, declared: readonly TaskResource[], direction: Direction): E.Either<TaskpodError, void> {
  const resolved = direction === 'inputs' ? run.inputs : run.outputs;
  const bindings = bindingsOf(run, direction);
  const declaredNames = declared.map((d) => d.name ?? '');
  const missing = declaredNames.filter((n) => !resolved.has(n));
  if (missing.length > 0) {
    const list = missing.map((n) => `"${n}"`).join(', ');
    return E.left(
      invalid(run.object, `spec.${direction}.resources`, `the Task declares ${SINGULAR[direction]} resource${missing.length > 1 ? 's' : ''} ${list} but the TaskRun does not bind ${missing.length > 1 ? 'them' : 'it'}`),
    );
  }
  const extra = bindings.map((b, i) => ({ b, i })).filter(({ b }) => !declaredNames.includes(b.name ?? ''));
  if (extra.length > 0) {
    const list = extra.map(({ b }) => `"${b.name ?? ''}"`).join(', ');
    return E.left(
      invalid(run.object, bindingField(direction, extra[0]!.i), `the TaskRun binds ${SINGULAR[direction]} resource${extra.length > 1 ? 's' : ''} ${list} that the Task does not declare`),
    );
  }
  for (const d of declared) {
    const name = d.name ?? '';
    const r = resolved.get(name);
    const index = bindings.findIndex((b) => (b.name ?? '') === name);
    const bound = r?.spec?.type ?? '';
    if (r !== undefined && bound !== (d.type ?? '')) {
      return E.left(
        invalid(
          run.object,
          bindingField(direction, index),
          `${SINGULAR[direction]} resource "${name}" is declared with type "${d.type ?? ''}" but bound to ${describeBinding(bindings[index] ?? {}, undefined)} of type "${bound}"`,
        ),
      );
    }
  }
  return E.right(undefined);
}

/**
 * Checks the TaskRun's resource bindings against the Task: every PipelineResource it
 * references passes the webhook's rules; every declared input and output is
 * bound, nothing else is, and each bound resource has the declared type.
 *
 * @example
 * ```ts
 * validateResourceBindings(run, run.taskSpec);
 * // Left(invalid('TaskRun default/run', 'spec.inputs.resources', 'the Task declares input resource "src" but the TaskRun does not bind it'))
 * ```
 */
export function validateResourceBindings(run: ResolvedRun, spec: TaskSpec): E.Either<TaskpodError, void> {
  for (const direction of ['inputs', 'outputs'] as const) {
    const r = validateReferenced(run, direction);
    if (E.isLeft(r)) return r;
  }
  const inputs = validateDirection(run, spec.inputs?.resources ?? [], 'inputs');
  if (E.isLeft(inputs)) return inputs;
  return validateDirection(run, spec.outputs?.resources ?? [], 'outputs');
}
