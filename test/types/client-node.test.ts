/**
 * Runs the type-level checks of client-node.ts with tsc: ts-jest compiles
 * test files one by one as CommonJS, while these checks need the whole
 * program (and an ESM-only package's types), so they get their own tsconfig.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

test('the rendered Pod is a @kubernetes/client-node V1Pod, and client-node objects are accepted as inputs', () => {
  const root = join(__dirname, '..', '..');
  const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join('test', 'types', 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 120_000);
