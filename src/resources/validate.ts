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

const OK: E.Either<TaskpodError, void> = E.right(undefined);
const SINGULAR: Readonly<Record<Direction, string>> = { inputs: 'input', outputs: 'output' };

function validateReferenced(run: ResolvedRun, direction: Direction): E.Either<TaskpodError, void> {
  const resolved = direction === 'inputs' ? run.inputs : run.outputs;
  const bindings = bindingsOf(run, direction);
  for (let i = 0; i < bindings.length; i++) {
    const b = bindings[i]!;
    if ((b.resourceRef?.name ?? '') === '') continue;
    const r = resolved.get(b.name ?? '');
    if (r === undefined) continue;
    const label = objectLabel('PipelineResource', namespaceOf(r), r.metadata?.name);
    const named = validateObjectName(label, r.metadata?.name);
    if (E.isLeft(named)) return named;
    const checked = validateResourceSpec(r.spec ?? {}, label, 'spec');
    if (E.isLeft(checked)) return checked;
  }
  return OK;
}

/** Whether `declared` names a resource `name` (a linear scan: a Task declares a few). */
function declares(declared: readonly TaskResource[], name: string): boolean {
  for (let i = 0; i < declared.length; i++) if ((declared[i]!.name ?? '') === name) return true;
  return false;
}

function validateDirection(run: ResolvedRun, declared: readonly TaskResource[], direction: Direction): E.Either<TaskpodError, void> {
  const resolved = direction === 'inputs' ? run.inputs : run.outputs;
  const bindings = bindingsOf(run, direction);
  // The lists of names are built only for the message, when one is missing or extra.
  let missing: string[] | undefined;
  for (let i = 0; i < declared.length; i++) {
    const n = declared[i]!.name ?? '';
    if (!resolved.has(n)) (missing ??= []).push(n);
  }
  if (missing !== undefined) {
    const list = missing.map((n) => `"${n}"`).join(', ');
    return E.left(
      invalid(run.object, `spec.${direction}.resources`, `the Task declares ${SINGULAR[direction]} resource${missing.length > 1 ? 's' : ''} ${list} but the TaskRun does not bind ${missing.length > 1 ? 'them' : 'it'}`),
    );
  }
  let extra: { readonly name: string; readonly i: number }[] | undefined;
  for (let i = 0; i < bindings.length; i++) {
    const name = bindings[i]!.name ?? '';
    if (!declares(declared, name)) (extra ??= []).push({ name, i });
  }
  if (extra !== undefined) {
    const list = extra.map(({ name }) => `"${name}"`).join(', ');
    return E.left(
      invalid(run.object, bindingField(direction, extra[0]!.i), `the TaskRun binds ${SINGULAR[direction]} resource${extra.length > 1 ? 's' : ''} ${list} that the Task does not declare`),
    );
  }
  for (let j = 0; j < declared.length; j++) {
    const d = declared[j]!;
    const name = d.name ?? '';
    const r = resolved.get(name);
    const bound = r?.spec?.type ?? '';
    if (r !== undefined && bound !== (d.type ?? '')) {
      const index = bindings.findIndex((b) => (b.name ?? '') === name);
      return E.left(
        invalid(
          run.object,
          bindingField(direction, index),
          `${SINGULAR[direction]} resource "${name}" is declared with type "${d.type ?? ''}" but bound to ${describeBinding(bindings[index] ?? {}, undefined)} of type "${bound}"`,
        ),
      );
    }
  }
  return OK;
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
  const inputsReferenced = validateReferenced(run, 'inputs');
  if (E.isLeft(inputsReferenced)) return inputsReferenced;
  const outputsReferenced = validateReferenced(run, 'outputs');
  if (E.isLeft(outputsReferenced)) return outputsReferenced;
  const inputs = validateDirection(run, spec.inputs?.resources ?? [], 'inputs');
  if (E.isLeft(inputs)) return inputs;
  return validateDirection(run, spec.outputs?.resources ?? [], 'outputs');
}
