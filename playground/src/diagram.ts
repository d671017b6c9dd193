/**
 * The diagram tab: Mermaid, loaded only when the tab first opens. The page
 * ships Mermaid's own browser build (mermaid.min.js) beside app.js and
 * adds it as a classic script, which also works from file:// (module
 * scripts and fetch do not).
 */
import type { Mermaid } from 'mermaid';

declare global {
  interface Window {
    mermaid?: Mermaid;
  }
}

/** The file the build copies beside the page. */
export const MERMAID_FILE = 'mermaid.min.js';

let loading: Promise<Mermaid> | undefined;

/** Mermaid, loading its script the first time. */
export function loadMermaid(): Promise<Mermaid> {
  loading ??= new Promise<Mermaid>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = MERMAID_FILE;
    script.async = true;
    script.onload = () => {
      const m = window.mermaid;
      if (m === undefined) return reject(new Error(`${MERMAID_FILE} loaded but defined no mermaid`));
      m.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default', flowchart: { useMaxWidth: true } });
      resolve(m);
    };
    script.onerror = () => {
      loading = undefined;
      reject(new Error(`could not load ${MERMAID_FILE} (is it beside index.html?)`));
    };
    document.head.append(script);
  });
  return loading;
}

let count = 0;

/** Draws `source` (a Mermaid flowchart) into `into`, replacing what was there. */
export async function drawDiagram(into: HTMLElement, source: string): Promise<void> {
  const mermaid = await loadMermaid();
  const { svg, bindFunctions } = await mermaid.render(`taskpod-diagram-${++count}`, source);
  into.innerHTML = svg;
  bindFunctions?.(into);
}
