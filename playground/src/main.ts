/**
 * The page: two editors in, the rendered objects out, re-rendered as the
 * user types (debounced). The library does the work (./engine); this file
 * only moves text between it and the page.
 */
import * as E from 'fp-ts/Either';
import { formatError, formatWarning } from '../../src';
import { drawDiagram } from './diagram';
import { makeEditor, YamlEditor } from './editor';
import { CONFIG_NAME, DEFAULT_OPTIONS, Failure, formatObject, INPUT_NAME, OutputItem, PlaygroundOptions, renderTexts, RunOutput } from './engine';
import { Example, EXAMPLES } from './examples';
import { locateError } from './locate';
import { decodeState, encodeState, SharedState } from './share';
import { setUpTabs } from './tabs';

declare const TASKPOD_VERSION: string;

/** How long typing pauses before the page renders again. */
const DEBOUNCE_MS = 250;

const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`the page has no #${id}`);
  return el as T;
};

/** Sets the page up with its first texts (from the link, else the demo) and renders them. */
function start(initial: SharedState, firstNotice: string): void {
  const exampleSelect = byId<HTMLSelectElement>('example');
  const sidecarsSelect = byId<HTMLSelectElement>('sidecars');
  const nopContainsField = byId<HTMLInputElement>('nop-contains');
  const objectSelect = byId<HTMLSelectElement>('object');
  const errorBox = byId('error');
  const status = byId('status');
  const result = byId('result');
  const warningsList = byId('warnings');
  const about = byId('example-about');
  const diagramBox = byId('out-diagram');
  const diagramStatus = byId('diagram-status');
  const out = { yaml: byId('out-yaml'), json: byId('out-json'), explain: byId('out-explain') };
  byId('version').textContent = `taskpod ${TASKPOD_VERSION}.`;

  let lastGood: RunOutput | undefined;
  let renders = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settingText = false;
  let writtenHash = '';
  let drawnSource: string | undefined;
  let drawing: Promise<void> = Promise.resolve();
  // Said once, before the next render's status (a link that could not be opened).
  let notice = firstNotice;

  const scheduleRender = () => {
    if (settingText) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(renderNow, DEBOUNCE_MS);
  };
  // Made with their first texts: one editor update fewer before the first render.
  const input = makeEditor(byId('input-editor'), initial.input, 'input-title', scheduleRender);
  const config = makeEditor(byId('config-editor'), initial.config, 'config-title', scheduleRender);

  const options = (): PlaygroundOptions => ({
    sidecars: sidecarsSelect.value === 'native' ? 'native' : 'nop',
    nopContains: nopContainsField.value.split(/[\s,]+/).filter((p) => p !== ''),
  });

  // The examples menu, grouped by the kind of run.
  const custom = new Option('(your own input)', '');
  exampleSelect.append(custom);
  for (const kind of [...new Set(EXAMPLES.map((e) => e.kind))]) {
    const group = document.createElement('optgroup');
    group.label = `${kind}s`;
    for (const e of EXAMPLES.filter((x) => x.kind === kind)) group.append(new Option(e.name, e.name));
    exampleSelect.append(group);
  }

  const setTexts = (editor: YamlEditor, text: string) => {
    settingText = true;
    try {
      editor.setText(text);
    } finally {
      settingText = false;
    }
  };

  const showExampleAbout = (e: Example | undefined) => {
    about.textContent = e === undefined ? '' : e.about;
  };

  const loadExample = (e: Example) => {
    setTexts(input, e.input);
    setTexts(config, e.config);
  };

  const selectedItem = (): OutputItem | undefined => lastGood?.items[Number(objectSelect.value)] ?? lastGood?.items[0];
  // The object on show, to pick it again in the next render.
  let shownItem: OutputItem | undefined;

  // Each view's text is made when it is first shown (or copied), once per render and object.
  type View = 'yaml' | 'json' | 'explain';
  let views: Partial<Record<View, string>> = {};
  const viewText = (view: View): string => {
    const item = selectedItem();
    if (item === undefined) return '';
    if (view !== 'explain') return (views[view] ??= formatObject(item.value, view));
    const explanation = item.explain();
    return (views.explain ??= E.isLeft(explanation) ? `No explanation: ${formatError(explanation.left)}` : explanation.right.text);
  };
  const VIEW_OF_TAB: Readonly<Record<string, View>> = { 'tab-yaml': 'yaml', 'tab-json': 'json', 'tab-explain': 'explain' };

  const showView = (tab: string) => {
    const view = VIEW_OF_TAB[tab];
    if (view !== undefined) out[view].textContent = viewText(view);
    else if (tab === 'tab-diagram') void showDiagram();
  };

  const tabs = setUpTabs(byId('result').querySelector('[role="tablist"]')!, showView);

  const showItem = () => {
    shownItem = selectedItem();
    views = {};
    for (const view of ['yaml', 'json', 'explain'] as const) out[view].textContent = '';
    showView(tabs.selected());
  };

  const showWarnings = (run: RunOutput | undefined) => {
    warningsList.replaceChildren();
    const ws = run?.warnings ?? [];
    if (ws.length === 0) {
      const li = document.createElement('li');
      li.className = 'none';
      li.textContent = run === undefined ? 'Nothing rendered yet.' : 'No warnings.';
      warningsList.append(li);
    }
    for (const w of ws) {
      const li = document.createElement('li');
      li.textContent = formatWarning(w);
      warningsList.append(li);
    }
  };

  // The picker: each object as `Kind namespace/name (what it is)`, a PipelineRun's TaskRuns and Pods grouped by wave.
  const showOutput = (run: RunOutput) => {
    const before = shownItem;
    const options = run.items.map((item, i) => new Option(item.note === '' ? item.label : `${item.label} (${item.note})`, String(i)));
    const groups = new Map<number, HTMLOptGroupElement>();
    objectSelect.replaceChildren(
      ...run.items.flatMap((item, i): HTMLElement[] => {
        if (item.wave === undefined) return [options[i]!];
        let group = groups.get(item.wave);
        if (group !== undefined) {
          group.append(options[i]!);
          return [];
        }
        group = document.createElement('optgroup');
        group.label = `Wave ${item.wave}`;
        group.append(options[i]!);
        groups.set(item.wave, group);
        return [group];
      }),
    );
    // Keep the object picked: the same one, else the one in the same place of the run (names change as the input does).
    const same = before === undefined ? -1 : run.items.findIndex((x) => x.label === before.label);
    const alike = before === undefined ? -1 : run.items.findIndex((x) => x.kind === before.kind && x.note === before.note);
    objectSelect.value = String(same !== -1 ? same : Math.max(alike, 0));
    showItem();
    showWarnings(run);
  };

  const showDiagram = (): Promise<void> => {
    const diagram = selectedItem()?.explain();
    if (diagram !== undefined && E.isLeft(diagram)) {
      diagramStatus.textContent = `No diagram: ${formatError(diagram.left)}`;
      drawnSource = undefined;
      drawing = drawing.then(() => {
        if (drawnSource === undefined) diagramBox.replaceChildren();
      });
    }
    if (diagram !== undefined && E.isRight(diagram)) diagramBox.setAttribute('aria-label', diagram.right.about);
    const source = diagram !== undefined && E.isRight(diagram) ? diagram.right.mermaid : undefined;
    if (source === undefined || source === drawnSource) return drawing;
    drawnSource = source;
    diagramStatus.textContent = 'Drawing...';
    drawing = drawing
      .then(() => drawDiagram(diagramBox, source))
      .then(
        () => {
          diagramBox.dataset.source = source;
          diagramStatus.textContent = '';
        },
        (e: unknown) => {
          drawnSource = undefined;
          diagramStatus.textContent = `The diagram could not be drawn: ${e instanceof Error ? e.message : String(e)}`;
        },
      );
    return drawing;
  };

  const showError = (failure: Failure) => {
    const { error, source } = failure;
    const editor = source === 'config' ? config : input;
    const range = locateError(editor.text(), error, source === 'config' ? CONFIG_NAME : INPUT_NAME);
    editor.mark(range, formatError(error));
    (source === 'config' ? input : config).mark(undefined);
    errorBox.replaceChildren();
    const where = document.createElement('span');
    where.className = 'where';
    where.textContent = [error.object, error.field].filter((s) => s !== '').join(': ');
    errorBox.append(where, document.createTextNode(`: ${error.message}`));
    const place = document.createElement('div');
    place.className = 'hint';
    place.textContent =
      range === undefined
        ? `In ${source === 'config' ? CONFIG_NAME : 'the input'}.`
        : `Marked in ${source === 'config' ? CONFIG_NAME : 'the input'}, line ${editor.view.state.doc.lineAt(range.from).number}.`;
    errorBox.append(place);
    errorBox.hidden = false;
    errorBox.dataset.object = error.object;
    errorBox.dataset.field = error.field;
  };

  const updateLink = async () => {
    const hash = await encodeState({ input: input.text(), config: config.text(), options: options() });
    if (hash !== location.hash) {
      writtenHash = hash;
      history.replaceState(null, '', hash);
    }
  };

  function renderNow(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    // The examples menu names the example the texts are, or none once edited.
    const example = EXAMPLES.find((x) => x.input === input.text() && x.config === config.text());
    exampleSelect.value = example?.name ?? '';
    showExampleAbout(example);
    const t0 = performance.now();
    const outcome = renderTexts(input.text(), config.text(), options());
    const ms = Math.round(performance.now() - t0);
    if (E.isRight(outcome)) {
      lastGood = outcome.right;
      errorBox.hidden = true;
      input.mark(undefined);
      config.mark(undefined);
      result.classList.remove('stale');
      status.textContent = `${lastGood.run}: ${lastGood.created === 1 ? 'one object' : `${lastGood.created} objects`}, rendered in ${ms} ms.`;
      showOutput(lastGood);
    } else {
      showError(outcome.left);
      if (lastGood === undefined) {
        status.textContent = 'Nothing rendered yet: fix the error above.';
        showWarnings(undefined);
      } else {
        result.classList.add('stale');
        status.textContent = `The output below is the last good render (${lastGood.run}), from before this error.`;
      }
    }
    if (notice !== '') status.textContent = `${notice} ${status.textContent ?? ''}`;
    notice = '';
    renders += 1;
    document.body.dataset.renders = String(renders);
    document.body.dataset.state = E.isRight(outcome) ? 'ok' : 'error';
    void updateLink();
  }

  const copyText = async (text: string, button: HTMLButtonElement) => {
    const label = button.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = 'Copied';
    } catch {
      // No clipboard permission (some browsers on file://): the old way.
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('aria-hidden', 'true');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.append(area);
      area.select();
      button.textContent = document.execCommand('copy') ? 'Copied' : 'Copy failed';
      area.remove();
    }
    setTimeout(() => (button.textContent = label), 1500);
  };

  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.addEventListener('click', () => {
      const what = button.dataset.copy;
      const diagram = what === 'diagram' ? selectedItem()?.explain() : undefined;
      const text = diagram !== undefined ? (E.isRight(diagram) ? diagram.right.mermaid : '') : what === 'yaml' || what === 'json' || what === 'explain' ? viewText(what) : '';
      void copyText(text, button);
    });
  }
  byId<HTMLButtonElement>('copy-link').addEventListener('click', (ev) => {
    const button = ev.currentTarget as HTMLButtonElement;
    void updateLink().then(() => copyText(location.href, button));
  });

  exampleSelect.addEventListener('change', () => {
    const e = EXAMPLES.find((x) => x.name === exampleSelect.value);
    if (e === undefined) return;
    loadExample(e);
    renderNow();
  });
  sidecarsSelect.addEventListener('change', renderNow);
  nopContainsField.addEventListener('input', scheduleRender);
  objectSelect.addEventListener('change', showItem);

  /** Shows the options of a state. */
  const showOptions = (state: SharedState) => {
    sidecarsSelect.value = state.options.sidecars;
    nopContainsField.value = state.options.nopContains.join(' ');
  };

  // A link pasted into this tab's address bar.
  window.addEventListener('hashchange', () => {
    if (location.hash === writtenHash) return;
    void decodeState(location.hash).then((state) => {
      if (state === undefined) return;
      if ('error' in state) {
        notice = `This link could not be opened: ${state.error}.`;
      } else {
        setTexts(input, state.input);
        setTexts(config, state.config);
        showOptions(state);
      }
      renderNow();
    });
  });

  // Read-only access for tests and the console.
  (window as unknown as { taskpodPlayground: unknown }).taskpodPlayground = {
    input: () => input.text(),
    config: () => config.text(),
    options,
    diagramDrawn: () => drawing,
  };

  showOptions(initial);
  renderNow();
  document.documentElement.dataset.firstRenderMs = String(Math.round(performance.now()));
}

/** The first texts: the link's, else the demo's (saying so when the link is damaged). */
async function boot(): Promise<void> {
  const fromLink = await decodeState(location.hash);
  const demo = EXAMPLES[0];
  const fallback: SharedState = { input: demo?.input ?? '', config: demo?.config ?? '', options: DEFAULT_OPTIONS };
  if (fromLink === undefined) start(fallback, '');
  else if ('error' in fromLink) start(fallback, `This link could not be opened: ${fromLink.error}. Showing the demo instead.`);
  else start(fromLink, '');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void boot());
else void boot();
