/**
 * What the page shows for its two texts, computed without the page: the
 * input stream and config.yaml in, the objects to show (or the error) out.
 * No DOM here, so the tests run it in Node as well.
 *
 * The output is a list of objects to pick from. A TaskRun gives one, its
 * Pod; a PipelineRun (once the library expands them) gives its List's
 * items — the PVC if any, then each TaskRun and its Pod — through
 * {@link renderRun}, the one place where the kind of run is told apart.
 */
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { collectObjects, configFromFile, ConfigFile, decodeAs, DEFAULT_CONFIG, explainRender, explanationMermaid, formatExplanation, objectLabel, parseDocuments } from '../../src';
import type { Config, InputObjects, PodExplanation, RenderedPod, SidecarMode, TaskpodError } from '../../src';
import { formatValue } from '../../src/cli/format';
import { PlaygroundWarning, renderWithWarnings } from './warnings';

/** The name of the input text in error messages (as a file would be named for the CLI). */
export const INPUT_NAME = 'input.yaml';
/** The name of the config text in error messages. */
export const CONFIG_NAME = 'config.yaml';

/** What the page lets the user choose beside the two texts. */
export interface PlaygroundOptions {
  /** `taskpod render --sidecars`. */
  readonly sidecars: SidecarMode;
  /** `taskpod render --nop-contains`: what an operator's nop image holds (absolute paths). */
  readonly nopContains: readonly string[];
}

/** The defaults: Tekton's own behaviour. */
export const DEFAULT_OPTIONS: PlaygroundOptions = { sidecars: 'nop', nopContains: [] };

/** One object of the output, as the page lists it. */
export interface OutputItem {
  readonly kind: string;
  /** `Kind namespace/name`. */
  readonly label: string;
  readonly value: unknown;
  /** For a Pod: why each container, volume and env var is there (computed when first asked for). */
  readonly explain?: () => E.Either<TaskpodError, PodExplanation>;
}

/** A render: the objects, the warnings, and the diagram of the whole run. */
export interface RunOutput {
  /** The run rendered, `Kind namespace/name`. */
  readonly run: string;
  readonly items: readonly OutputItem[];
  readonly warnings: readonly PlaygroundWarning[];
  /** A Mermaid flowchart, the Pod's containers for a TaskRun (computed when first asked for). */
  readonly diagram: () => E.Either<TaskpodError, string>;
}

/** `f`, called once, when first asked for. */
function once<A>(f: () => A): () => A {
  let done: { readonly value: A } | undefined;
  return () => (done ??= { value: f() }).value;
}

/** Which of the two texts an error is about. */
export type Source = 'input' | 'config';

/** A failed render: the error and the text it points into. */
export interface Failure {
  readonly error: TaskpodError;
  readonly source: Source;
}

/** The config text as the CLI's `--config` reads it; an empty text is the defaults. */
export function readConfigText(text: string): E.Either<TaskpodError, Config> {
  return pipe(
    parseDocuments(text, CONFIG_NAME),
    E.chain((docs) => {
      const doc = docs.find((d) => d !== null && d !== undefined);
      return doc === undefined ? E.right(DEFAULT_CONFIG) : E.map(configFromFile)(decodeAs(ConfigFile, doc, `config ${CONFIG_NAME}`));
    }),
  );
}

/** The input text as the CLI reads one `-f` file. */
export function readInputText(text: string): E.Either<TaskpodError, InputObjects> {
  return pipe(
    parseDocuments(text, INPUT_NAME),
    E.chain((docs) => collectObjects(docs, (i) => (docs.length > 1 ? `${INPUT_NAME}, document ${i + 1}` : INPUT_NAME))),
  );
}

/**
 * The Pod of the TaskRun and its warnings; its explanation (and so the
 * diagram) only when the page first shows one: `explainRender` renders
 * again, which a cold page load need not wait for.
 */
function renderTaskRunOutput(objects: InputObjects, config: Config, options: PlaygroundOptions): E.Either<TaskpodError, RunOutput> {
  const renderOptions = { config, sidecars: options.sidecars };
  return E.map(({ pod, warnings }: { readonly pod: RenderedPod; readonly warnings: readonly PlaygroundWarning[] }) => {
    const run = objects.taskRuns[0];
    const explain = once(() => explainRender(objects, renderOptions));
    return {
      run: objectLabel('TaskRun', run?.metadata?.namespace ?? 'default', run?.metadata?.name ?? ''),
      items: [{ kind: 'Pod', label: objectLabel('Pod', pod.metadata.namespace, pod.metadata.name), value: pod, explain }],
      warnings,
      diagram: once(() => E.map(explanationMermaid)(explain())),
    };
  })(renderWithWarnings(objects, { ...renderOptions, nopContains: options.nopContains }));
}

/**
 * Renders the run the input holds. Today that is a TaskRun; the
 * PipelineRun expansion (src/pipeline/, issue 16) plugs in here, returning
 * its List's items in order and the pipeline graph as the diagram.
 */
export function renderRun(objects: InputObjects, config: Config, options: PlaygroundOptions): E.Either<TaskpodError, RunOutput> {
  return renderTaskRunOutput(objects, config, options);
}

/**
 * Everything the page shows for its texts.
 *
 * @example
 * ```ts
 * const out = renderTexts(fixtureInput, '', DEFAULT_OPTIONS);
 * if (E.isRight(out)) out.right.items[0]?.kind; // 'Pod'
 * ```
 */
export function renderTexts(input: string, config: string, options: PlaygroundOptions): E.Either<Failure, RunOutput> {
  const cfg = readConfigText(config);
  if (E.isLeft(cfg)) return E.left({ error: cfg.left, source: 'config' });
  return pipe(
    readInputText(input),
    E.chain((objects) => renderRun(objects, cfg.right, options)),
    E.mapLeft((error) => ({ error, source: sourceOf(error) })),
  );
}

/** Which text an error from the render is about: the config's own errors name config.yaml. */
function sourceOf(error: TaskpodError): Source {
  return error.object === CONFIG_NAME || error.object.startsWith(`config ${CONFIG_NAME}`) || error.object.startsWith(`${CONFIG_NAME},`) ? 'config' : 'input';
}

/** An object as the page shows it: `taskpod render -o yaml` or `-o json`, byte for byte. */
export function formatObject(value: unknown, format: 'yaml' | 'json'): string {
  return formatValue(value, format);
}

/** `taskpod explain` as text. */
export function explanationText(x: PodExplanation): string {
  return formatExplanation(x);
}
