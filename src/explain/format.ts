/**
 * An explanation as text for a terminal, or as a Mermaid flowchart (which
 * GitHub renders in Markdown).
 *
 * @packageDocumentation
 */
import { READY_ANNOTATION, READY_FILE } from '../pod/constants';
import { formatWarning } from '../warnings';
import type { ContainerExplanation, PodExplanation } from './index';

const ORIGIN_LABEL: Readonly<Record<ContainerExplanation['origin'], string>> = {
  step: 'step',
  'credential-init': 'credential init',
  'working-dir': 'working dir',
  'place-tools': 'place-tools',
  'script-placement': 'script placement',
  'resource-download': 'resource download',
  'resource-upload': 'resource upload',
  'artifact-copy': 'artifact copy',
  'create-dir': 'create dir',
  sidecar: 'sidecar',
  unknown: 'unknown',
};

type Group = 'init' | 'steps' | 'sidecars';

function groupOf(c: ContainerExplanation): Group {
  if (c.origin === 'sidecar') return 'sidecars';
  return c.list === 'init' ? 'init' : 'steps';
}

const GROUP_TITLE: Readonly<Record<Group, string>> = {
  init: 'Init containers (run one after another before any step)',
  steps: 'Steps (start together; each waits for the previous one\'s post file)',
  sidecars: 'Sidecars (start with the steps; stopped after the last step)',
};

function waitNote(file: string): string {
  return file === READY_FILE ? `${file} (the ${READY_ANNOTATION} annotation: set once the sidecars are up)` : file;
}

/**
 * The explanation as text: containers in run order with what made them,
 * their wait/post files, mounts and env vars, then the volumes and the
 * render's warnings.
 *
 * @example
 * ```ts
 * console.log(formatExplanation(explainPod(pod, run)));
 * // Pod demo-pod-1a2b3c in namespace default ...
 * ```
 *
 * @public
 */
export function formatExplanation(x: PodExplanation): string {
  const out: string[] = [];
  out.push(`Pod ${x.pod.name} in namespace ${x.pod.namespace}`);
  if (x.taskRun !== undefined) out.push(`${x.taskRun}, ${x.task ?? ''}`);
  const width = String(x.containers.length).length;
  for (const group of ['init', 'steps', 'sidecars'] as const) {
    const cs = x.containers.filter((c) => groupOf(c) === group);
    if (cs.length === 0) continue;
    out.push('', `${GROUP_TITLE[group]}:`);
    for (const c of cs) {
      const pad = ' '.repeat(width + 3);
      out.push(`${String(c.order + 1).padStart(width + 1)}. ${c.name}  [${ORIGIN_LABEL[c.origin]}]`);
      out.push(`${pad}${c.why}`);
      out.push(`${pad}image:  ${c.image}`);
      if (c.runs !== undefined) out.push(`${pad}runs:   ${c.runs.join(' ')}`);
      if (c.waitFile !== undefined) out.push(`${pad}waits:  ${waitNote(c.waitFile)}`);
      if (c.postFile !== undefined) out.push(`${pad}posts:  ${c.postFile}`);
      if (c.mounts.length > 0) out.push(`${pad}mounts: ${c.mounts.map((m) => `${m.volume} at ${m.mountPath}${m.readOnly ? ' (read-only)' : ''}`).join(', ')}`);
      if (c.env.length > 0) out.push(`${pad}env:    ${c.env.map((e) => `${e.name} (${e.origin}${e.fromRef ? ', valueFrom' : ''})`).join(', ')}`);
    }
  }
  if (x.volumes.length > 0) {
    out.push('', 'Volumes:');
    const nameWidth = Math.max(...x.volumes.map((v) => v.name.length));
    for (const v of x.volumes) {
      out.push(`  ${v.name.padEnd(nameWidth)}  ${v.source}, ${v.origin}: ${v.why}`);
      out.push(`  ${' '.repeat(nameWidth)}  mounted by: ${v.mountedBy.length > 0 ? v.mountedBy.join(', ') : 'none'}`);
    }
  }
  const warnings = x.warnings ?? [];
  if (warnings.length > 0) {
    out.push('', 'Warnings:');
    for (const w of warnings) out.push(`  ${formatWarning(w)}`);
  }
  return `${out.join('\n')}\n`;
}

/** Mermaid label text: quotes and angle brackets as entity codes, inside double quotes. */
function label(...lines: readonly string[]): string {
  const esc = (s: string) => s.replace(/&/g, '#amp;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
  return `"${lines.map(esc).join('<br/>')}"`;
}

/**
 * The explanation as a Mermaid flowchart: the init containers in order, the
 * step chain (each edge labelled with the post file the next step waits
 * for), the sidecars, and the volumes with a dotted link to each container
 * that mounts them. Paste it into a fenced code block marked `mermaid`
 * on GitHub.
 *
 * @example
 * ```ts
 * explanationMermaid(explainPod(pod, run)); // 'flowchart TB\n  subgraph init["Init containers"]\n ...'
 * ```
 *
 * @public
 */
export function explanationMermaid(x: PodExplanation): string {
  const out: string[] = ['flowchart TB'];
  const id = (c: ContainerExplanation) => `c${c.order}`;
  const groups: Record<Group, ContainerExplanation[]> = { init: [], steps: [], sidecars: [] };
  for (const c of x.containers) groups[groupOf(c)].push(c);
  const title: Record<Group, string> = { init: 'Init containers', steps: 'Steps', sidecars: 'Sidecars' };
  for (const group of ['init', 'steps', 'sidecars'] as const) {
    const cs = groups[group];
    if (cs.length === 0) continue;
    out.push(`  subgraph ${group}[${label(title[group])}]`);
    out.push('    direction TB');
    for (const c of cs) {
      const what = c.origin === 'step' && c.step !== undefined ? `step ${c.step.name !== '' ? c.step.name : `#${c.step.index}`}` : ORIGIN_LABEL[c.origin];
      out.push(`    ${id(c)}[${label(c.name, what)}]`);
    }
    for (let i = 1; i < cs.length; i++) {
      const prev = cs[i - 1]!;
      const next = cs[i]!;
      if (group === 'sidecars') continue;
      if (group === 'steps' && next.waitFile !== undefined) out.push(`    ${id(prev)} -->|${label(next.waitFile)}| ${id(next)}`);
      else out.push(`    ${id(prev)} --> ${id(next)}`);
    }
    out.push('  end');
  }
  if (groups.init.length > 0 && groups.steps.length > 0) out.push('  init --> steps');
  const first = groups.steps[0];
  if (first?.waitFile === READY_FILE) {
    out.push(`  ready{{${label(`${READY_ANNOTATION} annotation`)}}}`);
    if (groups.sidecars.length > 0) out.push(`  sidecars -.->|${label('ready')}| ready`);
    out.push(`  ready -.->|${label(READY_FILE)}| ${id(first)}`);
  }
  if (x.volumes.length > 0) {
    out.push(`  subgraph volumes[${label('Volumes')}]`);
    out.push('    direction LR');
    x.volumes.forEach((v, i) => out.push(`    v${i}[(${label(v.name, v.source)})]`));
    out.push('  end');
    x.volumes.forEach((v, i) => {
      for (const name of v.mountedBy) {
        const c = x.containers.find((k) => k.name === name);
        if (c !== undefined) out.push(`  ${id(c)} -.- v${i}`);
      }
    });
  }
  return `${out.join('\n')}\n`;
}
