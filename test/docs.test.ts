/**
 * docs/pipelineruns.md stays true: its rendered example is what
 * `taskpod explain` prints for fixtures/pipeline-demo, and the copy steps
 * it quotes are in the Pods `taskpod render` prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli/main';

const ROOT = join(__dirname, '..');
const DOC = readFileSync(join(ROOT, 'docs', 'pipelineruns.md'), 'utf8');
const DEMO = join(ROOT, 'fixtures', 'pipeline-demo', 'input.yaml');

async function cli(...args: string[]): Promise<string> {
  let out = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: () => undefined });
  expect(code).toBe(0);
  return out;
}

/** The indented block that follows `marker` in the doc, unindented by four spaces. */
function blockAfter(marker: string): string {
  const start = DOC.indexOf(marker);
  expect(start).toBeGreaterThan(-1);
  const lines = DOC.slice(start + marker.length).split('\n').slice(1);
  const block: string[] = [];
  for (const line of lines) {
    if (line !== '' && !line.startsWith('    ')) break;
    block.push(line.slice(4));
  }
  return `${block.join('\n').trimEnd()}\n`;
}

test('the explain example is what taskpod explain prints for the pipeline demo', async () => {
  expect(blockAfter('$ npx taskpod explain -f fixtures/pipeline-demo/input.yaml')).toBe(await cli('explain', '-f', DEMO));
});

/** What a step runs: its entrypoint and arguments, a Tekton tool's `-args` text on its own. */
function runs(args: readonly string[]): string {
  const entrypoint = args[args.indexOf('-entrypoint') + 1] ?? '';
  const rest = args.slice(args.indexOf('--') + 1);
  return rest[0] === '-args' ? rest.slice(1).join(' ') : [entrypoint, ...rest].join(' ');
}

test('the copy steps quoted are in the rendered Pods, with those arguments', async () => {
  const list = JSON.parse(await cli('render', '-f', DEMO, '-o', 'json')) as { items: { kind: string; spec?: { containers?: { name: string; args?: string[] }[] } }[] };
  const steps = list.items.filter((i) => i.kind === 'Pod').flatMap((p) => p.spec?.containers ?? []);
  const quoted = DOC.split('\n').filter((l) => /^ {4}step-[a-z0-9-]+ {2,}\S/.test(l));
  expect(quoted.length).toBe(6);
  for (const line of quoted) {
    const [name, , ...rest] = line.trim().split(/\s+/);
    const step = steps.find((s) => s.name === name);
    expect(step).toBeDefined();
    expect(runs(step?.args ?? [])).toBe(rest.join(' '));
  }
});
