/**
 * README.md stays true: its CLI reference names every command's usage line,
 * its Mermaid example is what `taskpod explain -o mermaid` prints for the
 * demo, and its controller example is the code test/types/client-node.ts
 * type-checks against @kubernetes/client-node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, main } from '../src/cli/main';

const ROOT = join(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

test.each(COMMANDS.map((c) => [c.name, c.usage]))('the CLI reference shows the usage of %s', (_name, usage) => {
  expect(README).toContain(`    ${usage}\n`);
});

test('the Mermaid example is the demo diagram (regenerate: taskpod explain -o mermaid -f fixtures/demo/input.yaml)', async () => {
  let out = '';
  const code = await main(['explain', '-o', 'mermaid', '-f', join(ROOT, 'fixtures', 'demo', 'input.yaml')], { stdout: (s) => (out += s), stderr: () => undefined });
  expect(code).toBe(0);
  expect(README).toContain(`\`\`\`mermaid\n${out}\`\`\`\n`);
});

test('the controller example is the one test/types/client-node.ts compiles', () => {
  const start = README.indexOf('```ts\n', README.indexOf('## Library')) + 6;
  const code = README.slice(start, README.indexOf('```\n', start));
  const body = code.split('\n').filter((l) => !l.startsWith('import ')).join('\n').trim();
  expect(readFileSync(join(ROOT, 'test', 'types', 'client-node.ts'), 'utf8')).toContain(body);
});
