/**
 * The warnings shown beside a render. One function, {@link renderWithWarnings},
 * so that when the library returns warnings with the Pod itself
 * (`renderTaskRun`, src/warnings.ts) this module becomes one call to it.
 *
 * Until then it computes what `taskpod render` prints on standard error
 * (src/cli/render.ts): the sidecars that may keep running after Tekton swaps
 * their image for the nop image.
 */
import * as E from 'fp-ts/Either';
import { checkSidecars, isStepName, knownNopImage, nopWarnings, objectLabel, renderPod } from '../../src';
import type { Config, InputObjects, Pod, RenderedPod, RenderOptions, TaskpodError } from '../../src';

/** A warning about a rendered object: the object, the field path in it, and why. */
export interface PlaygroundWarning {
  readonly object: string;
  readonly field: string;
  readonly message: string;
}

/** A warning as one line, as the CLI prints errors: `Pod ns/name: spec.containers[2]: why`. */
export function formatWarning(w: PlaygroundWarning): string {
  return [w.object, w.field, w.message].filter((s) => s !== '').join(': ');
}

/** The sidecars of a rendered Pod that may not stop at the nop-image swap, each at its place in the Pod. */
function sidecarWarnings(pod: Pod, config: Config, contains: readonly string[]): readonly PlaygroundWarning[] {
  const containers = pod.spec?.containers ?? [];
  const sidecars = containers.map((c, index) => ({ c, index })).filter(({ c }) => !isStepName(c.name ?? ''));
  const nop = knownNopImage(config.images.nop, contains);
  const object = objectLabel('Pod', pod.metadata?.namespace, pod.metadata?.name ?? '');
  return sidecars.flatMap(({ c, index }) =>
    nopWarnings(checkSidecars([c], nop, config.imageEntrypoints)).map((message) => ({ object, field: `spec.containers[${index}]`, message })),
  );
}

/**
 * The Pod of the TaskRun in `objects`, with the warnings `taskpod render`
 * gives (`nopContains` as its `--nop-contains`).
 *
 * @example
 * ```ts
 * renderWithWarnings(objects, { config: DEFAULT_CONFIG, sidecars: 'nop', nopContains: [] }); // Right({ pod, warnings: [] })
 * ```
 */
export function renderWithWarnings(
  objects: InputObjects,
  options: RenderOptions & { readonly config: Config; readonly nopContains: readonly string[] },
): E.Either<TaskpodError, { readonly pod: RenderedPod; readonly warnings: readonly PlaygroundWarning[] }> {
  return E.map((pod: RenderedPod) => ({ pod, warnings: options.sidecars === 'native' ? [] : sidecarWarnings(pod, options.config, options.nopContains) }))(renderPod(objects, options));
}
