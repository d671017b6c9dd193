// The playground's examples: every fixtures/NAME/input.yaml (with its
// config.yaml when there is one), the demo and the pipeline demo first,
// then by name. Used by the build (scripts/build-playground.mjs) and by the
// browser test, which checks each one against the library.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The first sentence of the comment block a fixture starts with. */
function about(text) {
  const lines = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    lines.push(line.replace(/^#\s?/, ''));
  }
  const paragraph = lines.join(' ').replace(/\s+/g, ' ').trim();
  const end = paragraph.search(/\.(\s|$)/);
  const sentence = end === -1 ? paragraph : paragraph.slice(0, end + 1);
  return sentence.length > 240 ? `${sentence.slice(0, 237)}...` : sentence;
}

/** The kind of run an input holds, by the CLI's rule: a PipelineRun when it has one and no TaskRun. */
function runKind(text) {
  return /^kind:\s*PipelineRun\s*$/m.test(text) && !/^kind:\s*TaskRun\s*$/m.test(text) ? 'PipelineRun' : 'TaskRun';
}

/** The demos first (each heads its kind's group in the menu), then by name. */
const rank = (name) => (name === 'demo' ? 0 : name === 'pipeline-demo' ? 1 : 2);

/** @returns {{ name: string, kind: string, about: string, input: string, config: string, dir: string }[]} */
export function readExamples(root) {
  const dir = join(root, 'fixtures');
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'input.yaml')))
    .map((d) => d.name)
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => {
    const input = readFileSync(join(dir, name, 'input.yaml'), 'utf8');
    const configFile = join(dir, name, 'config.yaml');
    return { name, kind: runKind(input), about: about(input), input, config: existsSync(configFile) ? readFileSync(configFile, 'utf8') : '', dir: join(dir, name) };
  });
}
