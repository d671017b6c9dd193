/**
 * What the page shows for its two texts, computed without the page: the
 * input stream and config.yaml in, the objects to show (or the error) out.
 * No DOM here, so the tests run it in Node as well.
 *
 * The output is a list of objects to pick from. A TaskRun gives one, its
 * Pod. A PipelineRun gives its `List` as a whole, then the List's items —
 * the PVC if any, then each TaskRun and its Pod — each with its pipeline
 * task and wave. {@link renderRun} is the one place where the kind of run
 * is told apart, by the CLI's rule: a PipelineRun when the input holds one
 * and no TaskRun.
 */
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import {
  collectObjects,
  configFromFile,
  ConfigFile,
  decodeAs,
  DEFAULT_CONFIG,
  expandPipelineRun,
  explainPipelineRun,
  explainRender,
  explanationMermaid,
  formatExplanation,
  formatPipelineExplanation,
  isPipelineRunInput,
  objectLabel,
  pipelineExplanationMermaid,
  parseDocuments,
  renderTaskRun,
} from '../../src';
import type { Config, CreatedTaskRun, InputObjects, PipelineRunExpansion, PodExplanation, RenderOptions, RenderResult, SidecarMode, TaskpodError, TaskpodWarning } from '../../src';
import { formatValue } from '../../src/cli/format';

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

/** The Explain and Diagram views of an object: `taskpod explain` and `taskpod explain -o mermaid`. */
export interface Explanation {
  readonly text: string;
  /** A Mermaid flowchart. */
  readonly mermaid: string;
  /** What the flowchart draws, for its accessible name. */
  readonly about: string;
}

/** One object of the output, as the page lists it. */
export interface OutputItem {
  /** `Pod`, `TaskRun`, `PersistentVolumeClaim`, or `List` for a PipelineRun's whole output. */
  readonly kind: string;
  /** `Kind namespace/name`; for the List, `List`. */
  readonly label: string;
  /**
   * What the object is in the run, `''` for a TaskRun's Pod: `task build,
   * wave 1`, `condition check file-exists of task deploy, wave 1`, `artifact
   * storage`, or for the List how many items it holds.
   */
  readonly note: string;
  /** For a PipelineRun's TaskRun or Pod: the reconcile that created it, from 1. */
  readonly wave?: number;
  /** The object, as `taskpod render` prints it. */
  readonly value: unknown;
  /**
   * Its Explain and Diagram views, computed when first asked for: a Pod's
   * own (`taskpod explain` of its TaskRun); for a PipelineRun's List, PVC
   * and TaskRuns, the whole run's graph.
   */
  readonly explain: () => E.Either<TaskpodError, Explanation>;
}

/** A render: the objects and the warnings. */
export interface RunOutput {
  /** The run rendered, `Kind namespace/name`. */
  readonly run: string;
  readonly kind: 'TaskRun' | 'PipelineRun';
  /** How many objects the controllers created: 1 for a TaskRun, the List's length for a PipelineRun. */
  readonly created: number;
  /** What to pick from, in order: for a PipelineRun the List first, then its items. */
  readonly items: readonly OutputItem[];
  /** What `taskpod render` prints on standard error, in its order. */
  readonly warnings: readonly TaskpodWarning[];
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

/** The explanation of one TaskRun's Pod, as `taskpod explain` gives it for that TaskRun. */
function podExplanation(objects: InputObjects, options: RenderOptions): () => E.Either<TaskpodError, Explanation> {
  return once(() =>
    E.map((x: PodExplanation) => ({ text: formatExplanation(x), mermaid: explanationMermaid(x), about: "Flowchart of the Pod's containers and volumes" }))(
      explainRender(objects, options),
    ),
  );
}

/**
 * The Pod of the TaskRun and its warnings (`renderTaskRun`, as `taskpod
 * render`); its explanation only when the page first shows one:
 * `explainRender` renders again, which a cold page load need not wait for.
 */
function renderTaskRunOutput(objects: InputObjects, options: RenderOptions): E.Either<TaskpodError, RunOutput> {
  return E.map(({ pod, warnings }: RenderResult): RunOutput => {
    const run = objects.taskRuns[0];
    return {
      run: objectLabel('TaskRun', run?.metadata?.namespace ?? 'default', run?.metadata?.name ?? ''),
      kind: 'TaskRun',
      created: 1,
      items: [{ kind: 'Pod', label: objectLabel('Pod', pod.metadata.namespace, pod.metadata.name), note: '', value: pod, explain: podExplanation(objects, options) }],
      warnings,
    };
  })(renderTaskRun(objects, options));
}

/** What a created TaskRun (and its Pod) is in the run. */
function createdNote(c: CreatedTaskRun): string {
  const what = c.conditionCheck === undefined ? `task ${c.pipelineTask}` : `condition check ${c.conditionCheck.condition} of task ${c.pipelineTask}`;
  return `${what}, wave ${c.wave}`;
}

/**
 * Everything the controllers created for the PipelineRun
 * (`expandPipelineRun`, as `taskpod render` prints it): the List, then its
 * items. The run's explanation and each Pod's are computed when first shown.
 */
function renderPipelineRunOutput(objects: InputObjects, options: RenderOptions): E.Either<TaskpodError, RunOutput> {
  return E.map((x: PipelineRunExpansion): RunOutput => {
    const graph = once(() => {
      const explained = explainPipelineRun(x);
      return E.right<TaskpodError, Explanation>({
        text: formatPipelineExplanation(explained),
        mermaid: pipelineExplanationMermaid(explained),
        about: "Flowchart of the pipeline's tasks by wave, with the resources passed between them",
      });
    });
    const list: OutputItem = {
      kind: 'List',
      label: 'List',
      note: `everything created, ${x.items.length === 1 ? 'one item' : `${x.items.length} items`}`,
      // As `taskpod render` prints it (src/cli/render.ts).
      value: { apiVersion: 'v1', kind: 'List', items: x.items },
      explain: graph,
    };
    const claim: readonly OutputItem[] = x.items
      .filter((i) => i.kind === 'PersistentVolumeClaim')
      .map((value) => ({
        kind: 'PersistentVolumeClaim',
        label: objectLabel('PersistentVolumeClaim', value.metadata?.namespace as string | undefined, value.metadata?.name as string | undefined),
        note: 'artifact storage',
        value,
        explain: graph,
      }));
    const created = x.created.flatMap((c): OutputItem[] => {
      const note = createdNote(c);
      const ns = c.taskRun.metadata?.namespace;
      return [
        { kind: 'TaskRun', label: objectLabel('TaskRun', ns, c.taskRun.metadata?.name), note, wave: c.wave, value: c.rendered, explain: graph },
        { kind: 'Pod', label: objectLabel('Pod', c.pod.metadata.namespace, c.pod.metadata.name), note, wave: c.wave, value: c.pod, explain: podExplanation({ ...objects, taskRuns: [c.taskRun] }, options) },
      ];
    });
    return { run: x.run.object, kind: 'PipelineRun', created: x.items.length, items: [list, ...claim, ...created], warnings: x.warnings };
  })(expandPipelineRun(objects, options));
}

/**
 * Renders the run the input holds, as `taskpod render` does: the
 * PipelineRun when there is one and no TaskRun, else the TaskRun.
 *
 * @example
 * ```ts
 * renderRun(objects, DEFAULT_CONFIG, DEFAULT_OPTIONS); // Right({ run: 'PipelineRun ci/release-1', items: [List, PVC, TaskRun, Pod, ...], ... })
 * ```
 */
export function renderRun(objects: InputObjects, config: Config, options: PlaygroundOptions): E.Either<TaskpodError, RunOutput> {
  const renderOptions: RenderOptions = { config, sidecars: options.sidecars, nopContains: options.nopContains };
  return isPipelineRunInput(objects) ? renderPipelineRunOutput(objects, renderOptions) : renderTaskRunOutput(objects, renderOptions);
}

/**
 * Everything the page shows for its texts.
 *
 * @example
 * ```ts
 * const out = renderTexts(fixtureInput, '', DEFAULT_OPTIONS);
 * if (E.isRight(out)) out.right.items[0]?.kind; // 'Pod' for a TaskRun, 'List' for a PipelineRun
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
