/**
 * How many inputs each property checks, and a tally of them.
 *
 * `TASKPOD_PROPERTY_RUNS` picks the speed:
 * - unset (`npm test`): the base count each property names, sized so the
 *   whole property suite stays well under a minute on 2 cores;
 * - `deep` (`npm run test:deep`): 20 times the base count (over 100,000
 *   inputs in all; the reporter test/helpers/property-total-reporter.js
 *   prints the total);
 * - `mutation` (`npm run mutation`): 3 runs a property, so Stryker's many
 *   test runs stay affordable (one generated input already exercises most
 *   of the Pod build);
 * - a number: that many runs for every property.
 *
 * Each property reports the inputs it checked to a tally file (one line per
 * property) when `TASKPOD_PROPERTY_TALLY` names one; the reporter sets it.
 */
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';

const DEEP_FACTOR = 20;

// Properties run long at deep counts, and under a loaded machine even at
// the default ones: give async tests room (sync tests are never cut short).
if (typeof jest !== 'undefined') jest.setTimeout(process.env.TASKPOD_PROPERTY_RUNS === 'deep' ? 30 * 60_000 : 120_000);

/** The number of runs for a property whose `npm test` count is `base`. */
export function runs(base: number): number {
  const mode = process.env.TASKPOD_PROPERTY_RUNS ?? '';
  if (mode === '') return base;
  if (mode === 'deep') return base * DEEP_FACTOR;
  if (mode === 'mutation') return 3;
  const n = Number(mode);
  if (Number.isSafeInteger(n) && n > 0) return n;
  throw new Error(`TASKPOD_PROPERTY_RUNS must be empty, "deep", "mutation" or a positive whole number, not "${mode}"`);
}

/** Records that `name` checked `count` generated inputs. */
export function tally(name: string, count: number): void {
  const file = process.env.TASKPOD_PROPERTY_TALLY;
  if (file === undefined || file === '') return;
  appendFileSync(file, `${JSON.stringify({ name, count })}\n`);
}

/**
 * `fc.assert` at the count for `base`, tallied under `name` (runs skipped
 * by `fc.pre` are not counted: fast-check draws more inputs instead).
 */
export function checkProperty<Ts extends [unknown, ...unknown[]]>(
  name: string,
  base: number,
  property: fc.IProperty<Ts>,
  params: fc.Parameters<Ts> = {},
): void {
  const numRuns = runs(base);
  fc.assert(property, { numRuns, ...params });
  tally(name, numRuns);
}

/** The async form of {@link checkProperty}. */
export async function checkAsyncProperty<Ts extends [unknown, ...unknown[]]>(
  name: string,
  base: number,
  property: fc.IAsyncProperty<Ts>,
  params: fc.Parameters<Ts> = {},
): Promise<void> {
  const numRuns = runs(base);
  await fc.assert(property, { numRuns, ...params });
  tally(name, numRuns);
}
