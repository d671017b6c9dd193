/**
 * The CLI options of a what-if run of a PipelineRun (`render`, `explain`):
 * `--fail TASK[:N]`, `--fail-condition TASK/CONDITION` and `--now TIME`.
 *
 * @packageDocumentation
 */
import * as E from 'fp-ts/Either';
import { timeCodec } from '../model/core';
import type { PipelineRunExpansion } from '../pipeline/expand';
import type { Outcomes } from '../pipeline/simulate';

// Loaded when --now is given, not when the CLI starts (docs/performance.md).
const goText = (): typeof import('../status/go-text') => require('../status/go-text') as typeof import('../status/go-text');
import { optList, optString, OptionSpec, ParsedOptions, UsageError } from './args';

/** The options, for a command's option spec. */
export const outcomeOptions: OptionSpec = {
  fail: { value: true, repeat: true },
  'fail-condition': { value: true, repeat: true },
  now: { value: true },
};

/**
 * `--now TIME`: an RFC 3339 time (fractions kept); `undefined` when not
 * given (the caller decides: the clock, or a fixed instant).
 */
export function timeOption(options: ParsedOptions, name = 'now'): Date | undefined {
  const text = optString(options, name);
  if (text === undefined) return undefined;
  const decoded = timeCodec.decode(text);
  const whole = E.isRight(decoded) ? goText().timeMillis(decoded.right) : undefined;
  if (whole === undefined) throw new UsageError(`--${name} takes an RFC 3339 time such as 2019-10-30T10:00:00Z, not "${text}"`);
  // The fraction of a second counts for timeouts; JavaScript reads it where Go's layout and its agree.
  const precise = new Date(text).getTime();
  return new Date(Math.floor(precise / 1000) * 1000 === whole ? precise : whole);
}

/**
 * The outcomes the options ask for, or `undefined` with none:
 * `--fail TASK` fails every attempt of the task's TaskRun, `--fail TASK:N`
 * its first N; `--fail-condition TASK/CONDITION` fails that check (split at
 * the last `/`: a task name may hold one, a Condition's name may not).
 */
export function outcomesOption(options: ParsedOptions): Outcomes | undefined {
  const fails = optList(options, 'fail');
  const checks = optList(options, 'fail-condition');
  if (fails.length === 0 && checks.length === 0) return undefined;
  const failTasks = new Map<string, number>();
  for (const f of fails) {
    const m = /^(.+?)(?::(\d+))?$/.exec(f);
    const attempts = m?.[2] === undefined ? Infinity : Number(m[2]);
    if (m === null || attempts < 1) throw new UsageError(`--fail takes TASK or TASK:N (N attempts fail, N >= 1), not "${f}"`);
    failTasks.set(m[1]!, attempts);
  }
  const failConditions = new Set<string>();
  for (const c of checks) {
    const at = c.lastIndexOf('/');
    if (at <= 0 || at === c.length - 1) throw new UsageError(`--fail-condition takes TASK/CONDITION, not "${c}"`);
    failConditions.add(c);
  }
  return { failTasks, failConditions };
}

/** The pipeline tasks and conditions the outcomes name must exist: a usage error naming the first that does not. */
export function checkOutcomeNames(outcomes: Outcomes, tasks: readonly { readonly name: string; readonly conditions: readonly string[] }[]): void {
  const names = tasks.map((t) => t.name);
  for (const t of outcomes.failTasks?.keys() ?? []) {
    if (!names.includes(t)) throw new UsageError(`--fail ${t}: no pipeline task "${t}" (tasks: ${names.join(', ')})`);
  }
  for (const c of outcomes.failConditions ?? []) {
    const at = c.lastIndexOf('/');
    const task = tasks.find((t) => t.name === c.slice(0, at));
    if (task === undefined) throw new UsageError(`--fail-condition ${c}: no pipeline task "${c.slice(0, at)}" (tasks: ${names.join(', ')})`);
    if (!task.conditions.includes(c.slice(at + 1))) {
      throw new UsageError(`--fail-condition ${c}: task "${task.name}" has no condition "${c.slice(at + 1)}" (its conditions: ${task.conditions.join(', ') || 'none'})`);
    }
  }
}

/** The pipeline tasks of an expansion and the Conditions each names, for {@link checkOutcomeNames}. */
export function outcomeTargets(expansion: PipelineRunExpansion): { readonly name: string; readonly conditions: readonly string[] }[] {
  return expansion.run.tasks.map((t) => ({ name: t.task.name ?? '', conditions: t.conditions.map((c) => c.guard.conditionRef ?? '') }));
}
