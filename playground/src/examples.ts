/**
 * The examples menu: the project's fixtures (fixtures/NAME/input.yaml and
 * config.yaml), read by the build (playground/examples.mjs) and placed in
 * the bundle as `TASKPOD_EXAMPLES`.
 */

/** One fixture. */
export interface Example {
  /** The fixture's directory name. */
  readonly name: string;
  /** The kind of run it holds: `TaskRun` or `PipelineRun` (the menu groups the examples by it). */
  readonly kind: string;
  /** The first sentence of its leading comment. */
  readonly about: string;
  readonly input: string;
  /** config.yaml, `''` when the fixture has none. */
  readonly config: string;
}

declare const TASKPOD_EXAMPLES: readonly Example[];

/** The examples, the demo first. */
export const EXAMPLES: readonly Example[] = TASKPOD_EXAMPLES;
